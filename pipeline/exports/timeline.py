"""``timeline.png``: dated events of the run by year (x) and event type (y), with matplotlib.

One dot per event at its ``year`` (CE, astronomical); its shape shows ``date_precision`` (day,
month, season, year, range) and overlapping dots darken. Undated events are counted in the title.
The PNG carries no timestamp or software metadata, so the same rows give the same bytes.
"""

from __future__ import annotations

import io
from array import array
from collections import Counter

from .common import ExportInput

MARKERS = {"day": "o", "month": "s", "season": "D", "year": "|", "range": "_"}


def preload() -> None:
    """Import matplotlib (about a second): a runner whose workers are busy calls it in a
    thread, so that the import is not left for the end of the run."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
    from matplotlib.figure import Figure  # noqa: F401


class TimelinePoints:
    """The dated events of a run as the PNG needs them, taken event by event (:meth:`add`):
    per date precision the years and event types in event order, in compact arrays (a dozen
    bytes an event), and the number of undated events."""

    def __init__(self) -> None:
        self.types: dict[str, int] = {}  # event type -> code
        self.points: dict[str, tuple[array[int], array[int]]] = {}  # precision -> years, codes
        self.undated = 0

    def add(self, year: int | None, event_type: str, precision: str | None) -> None:
        """Count one event (``year`` None: undated)."""
        if year is None:
            self.undated += 1
            return
        years, codes = self.points.setdefault(precision or "year", (array("q"), array("l")))
        years.append(int(year))
        codes.append(self.types.setdefault(event_type, len(self.types)))

    def png(self) -> bytes:
        """The ``timeline.png`` bytes (about 1000 x 50 + 22 per event type pixels)."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        counts = Counter[int]()
        for _, codes in self.points.values():
            counts.update(codes)
        names = {code: name for name, code in self.types.items()}
        types = sorted(counts, key=lambda c: (-counts[c], names[c]))
        dated = sum(counts.values())
        height = 1.6 + 0.22 * max(len(types), 1)
        figure = Figure(figsize=(10, height), dpi=100)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot()
        if dated:
            rows = {t: i for i, t in enumerate(types)}
            for precision in sorted(self.points):
                years, codes = self.points[precision]
                axes.scatter(list(years), [rows[c] for c in codes],
                             marker=MARKERS.get(precision, "x"), s=28, alpha=0.45,
                             label=precision, color="#1f4e79")
            axes.set_yticks(range(len(types)), [f"{names[t]} ({counts[t]})" for t in types],
                            fontsize=8)
            axes.invert_yaxis()
            axes.legend(title="date precision", fontsize=7, title_fontsize=7,
                        loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
            axes.grid(axis="x", alpha=0.3)
        else:
            axes.text(0.5, 0.5, "no dated events", ha="center", va="center",
                      transform=axes.transAxes)
            axes.set_yticks([])
        axes.set_xlabel("year (CE; astronomical, 1 BCE = 0)")
        axes.set_title(f"{dated} dated events by year and type"
                       f" ({self.undated} undated not shown)", fontsize=10)
        figure.tight_layout()
        figure.set_layout_engine(None)  # laid out once: savefig needs no extra layout draw
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", metadata={"Software": None})
        return buffer.getvalue()


def render(data: ExportInput) -> dict[str, bytes]:
    """``timeline.png`` (about 1000 x 50 + 22 per event type pixels)."""
    points = TimelinePoints()
    for d in data.documents:
        for e in d.events:
            points.add(e.year, e.event_type, e.date_precision)
    return {"timeline.png": points.png()}
