"""``timeline.png``: dated events of the run by year (x) and event type (y), with matplotlib.

One dot per event at its ``year`` (CE, astronomical); its shape shows ``date_precision`` (day,
month, season, year, range) and overlapping dots darken. Undated events are counted in the title.
The PNG carries no timestamp or software metadata, so the same rows give the same bytes.
"""

from __future__ import annotations

import io
from collections import Counter

from .common import ExportInput

MARKERS = {"day": "o", "month": "s", "season": "D", "year": "|", "range": "_"}


def render(data: ExportInput) -> dict[str, bytes]:
    """``timeline.png`` (about 1000 x 50 + 22 per event type pixels)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    events = [e for d in data.documents for e in d.events]
    dated = [e for e in events if e.year is not None]
    types = sorted({e.event_type for e in dated}, key=lambda t: (-sum(
        1 for e in dated if e.event_type == t), t))
    height = 1.6 + 0.22 * max(len(types), 1)
    figure = Figure(figsize=(10, height), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    if dated:
        rows = {t: i for i, t in enumerate(types)}
        by_precision: dict[str, list[tuple[int, int]]] = {}
        for e in dated:
            by_precision.setdefault(e.date_precision or "year", []).append(
                (int(e.year), rows[e.event_type]))  # type: ignore[arg-type]
        for precision in sorted(by_precision):
            xs, ys = zip(*by_precision[precision], strict=True)
            axes.scatter(xs, ys, marker=MARKERS.get(precision, "x"), s=28, alpha=0.45,
                         label=precision, color="#1f4e79")
        counts = Counter(e.event_type for e in dated)
        axes.set_yticks(range(len(types)), [f"{t} ({counts[t]})" for t in types], fontsize=8)
        axes.invert_yaxis()
        axes.legend(title="date precision", fontsize=7, title_fontsize=7, loc="upper left",
                    bbox_to_anchor=(1.0, 1.0), frameon=False)
        axes.grid(axis="x", alpha=0.3)
    else:
        axes.text(0.5, 0.5, "no dated events", ha="center", va="center",
                  transform=axes.transAxes)
        axes.set_yticks([])
    axes.set_xlabel("year (CE; astronomical, 1 BCE = 0)")
    axes.set_title(f"{len(dated)} dated events by year and type"
                   f" ({len(events) - len(dated)} undated not shown)", fontsize=10)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return {"timeline.png": buffer.getvalue()}
