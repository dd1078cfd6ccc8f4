"""Dev script: print every date mention and its resolution, and time the date stage.

Usage: python bench/eval_dates.py [FILES...]
(default: ../shared/corpus/song_jin_wars.txt and ../shared/corpus-dev/*.txt)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.calendar import LunarCalendar  # noqa: E402
from pipeline.chronology import resolve_dates  # noqa: E402
from pipeline.dates import find_date_mentions  # noqa: E402
from pipeline.eras import load_era_table  # noqa: E402

SHARED = ROOT.parent / "shared"


def show(path: Path, eras, calendar) -> None:
    text = path.read_text(encoding="utf-8")
    mentions = find_date_mentions(text, eras)
    rows, warnings = resolve_dates(mentions, eras, calendar)
    print(f"=== {path.name}: {len(rows)} dates, {len(warnings)} warnings")
    for r in rows:
        era = f"{r.era}({r.dynasty}) {r.era_year}" if r.era else (r.dynasty or "-")
        when = f"{r.year}" + (f"-{r.year_end}" if r.year_end else "")
        if r.month:
            when += f" m{r.month}{'L' if r.leap_month else ''}"
        if r.day:
            when += f" d{r.day}"
        if r.season:
            when += f" {r.season}"
        span = f"{r.julian_start}..{r.julian_end}J" if r.julian_start else ""
        flag = " CONFLICT" if r.conflict else ""
        stated = f" stated={r.stated_year}{flag}" if r.stated_year else ""
        print(f"{r.start:6d} {r.kind:9s} {r.text[:60]!r:62s} {era:26s} {when:18s} {span}{stated}")
        if r.basis:
            alt = f" | alt: {r.alternatives}" if r.alternatives else ""
            print(f"{'':17s}basis: {r.basis}{alt}")
    for w in warnings:
        print(f"  WARN {w.start:6d} {w.code}: {w.message}")


def timing(path: Path, eras, calendar, repeat: int = 50) -> None:
    """CPU time (process_time, best of 5 rounds) per document: robust to a busy machine."""
    text = path.read_text(encoding="utf-8")
    mentions = find_date_mentions(text, eras)
    find_best = resolve_best = float("inf")
    for _ in range(5):
        t0 = time.process_time()
        for _ in range(repeat // 5):
            mentions = find_date_mentions(text, eras)
        t1 = time.process_time()
        for _ in range(repeat // 5):
            resolve_dates(mentions, eras, calendar)
        t2 = time.process_time()
        find_best = min(find_best, (t1 - t0) / (repeat // 5))
        resolve_best = min(resolve_best, (t2 - t1) / (repeat // 5))
    print(f"timing {path.name} ({len(text)} chars): find {1000 * find_best:.1f} ms, "
          f"resolve {1000 * resolve_best:.1f} ms CPU per document")


def main(argv: list[str]) -> None:
    eras = load_era_table()
    calendar = LunarCalendar.load()
    paths = [Path(a) for a in argv] or [
        SHARED / "corpus" / "song_jin_wars.txt", *sorted((SHARED / "corpus-dev").glob("*.txt"))
    ]
    for p in paths:
        show(p, eras, calendar)
    timing(paths[0], eras, calendar)


if __name__ == "__main__":
    main(sys.argv[1:])
