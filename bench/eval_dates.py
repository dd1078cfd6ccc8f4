"""Dev script: print every date mention and its resolution, and time the date stage.

Usage: python bench/eval_dates.py [--summary] [FILES...]
(default: ../shared/corpus/song_jin_wars.txt and ../shared/corpus-dev/*.txt)

``--summary`` prints, instead of every row, counts per kind and certainty, the date warnings by
code, and how many dates with a printed CE year agree with it (``conflict=false``) or not.
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

# ../shared from the main checkout, ../../shared from a worktree in /work/wt/<name>
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.exists()),
              ROOT.parent / "shared")


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


def summary(paths: list[Path], eras, calendar) -> None:
    """Counts over all files: kinds, certainty, warnings, printed-year agreement."""
    from collections import Counter

    kinds: Counter[str] = Counter()
    cert: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    printed: Counter[str] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
        kinds.update(r.kind for r in rows)
        cert.update(r.certainty for r in rows)
        codes.update(w.code for w in warnings)
        printed.update("conflict" if r.conflict else "agrees" for r in rows
                       if r.conflict is not None)
        era_rows = [r for r in rows if r.kind in ("explicit", "reign", "sexagenary", "inherited")]
        cert.update(f"era-dated {r.certainty}" for r in era_rows)
    print(f"files: {len(paths)}; dates: {sum(kinds.values())}")
    for title, counter in (("kind", kinds), ("certainty", cert), ("warning", codes),
                           ("printed year", printed)):
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in sorted(counter.items()) if v))


def main(argv: list[str]) -> None:
    eras = load_era_table()
    calendar = LunarCalendar.load()
    brief = "--summary" in argv
    argv = [a for a in argv if a != "--summary"]
    paths = [Path(a) for a in argv] or [
        ROOT / "corpus" / "song_jin_wars.txt", *sorted((SHARED / "corpus-dev").glob("*.txt"))
    ]
    if brief:
        summary(paths, eras, calendar)
        return
    for p in paths:
        show(p, eras, calendar)
    timing(paths[0], eras, calendar)


if __name__ == "__main__":
    main(sys.argv[1:])
