"""Dev script: found/right counts on a case table of short era-date sentences.

Usage: python bench/eval_date_cases.py [CASES.csv] [-v]
(default: tests/date_field2_cases.csv; columns case_id, text, phrase, year, ...; optional
``year_end``: the last year of a span must match too; ``guess`` = true: the row must not be
``high``)

A case is *found* when a date row overlapping the phrase has a year, and *right* when that year is
the expected one; a case whose expected year is blank (a guess the reader must not make) is right
when no overlapping row has a year (found is then not counted). Run it from a copy of an older
commit to compare (it imports the ``pipeline`` next to it).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.calendar import LunarCalendar  # noqa: E402
from pipeline.chronology import resolve_dates  # noqa: E402
from pipeline.dates import find_date_mentions  # noqa: E402
from pipeline.eras import load_era_table  # noqa: E402


def judge(case: dict[str, str], eras, calendar) -> tuple[bool, bool, str]:
    """(found, right, what was read) for one case; "what was read" ends with "[era]" when the
    first dated row also names an era (not a printed year alone)."""
    text, phrase = case["text"], case["phrase"]
    p0 = text.index(phrase)
    p1 = p0 + len(phrase)
    rows, _warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    hits = [r for r in rows if r.start < p1 and p0 < r.end and r.year is not None]
    got = ", ".join(f"{r.text!r}={r.year} {r.certainty}" for r in hits) or "-"
    if hits and hits[0].era:
        got += " [era]"
    if not case["year"]:
        return False, not hits, got
    want = int(case["year"])
    right = any(r.year == want for r in hits[:1])
    if right and case.get("year_end"):  # a span: its last year too
        right = hits[0].year_end == int(case["year_end"])
    if right and case.get("guess") == "true":  # a guess must not look certain
        right = hits[0].certainty != "high"
    return bool(hits), right, got


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    path = Path(args[0]) if args else ROOT / "tests" / "date_field2_cases.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        cases = list(csv.DictReader(fh))
    eras, calendar = load_era_table(), LunarCalendar.load()
    dated = [c for c in cases if c["year"]]
    found = right = blank_right = by_era = 0
    for c in cases:
        f, r, got = judge(c, eras, calendar)
        found += f
        if c["year"]:
            right += r
            by_era += r and got.endswith("[era]")
        else:
            blank_right += r
        if verbose or not r:
            want = c["year"] or "blank"
            print(f"{'ok ' if r else 'BAD'} {c['case_id']:32s} want={want:6s} {got}")
    print(f"{len(dated)} dated cases: found {found} ({found / len(dated):.0%}), right {right} "
          f"({right / max(found, 1):.0%} of found, {right / len(dated):.0%} of all; {by_era} with "
          f"the era read, not only a printed year); "
          f"{len(cases) - len(dated)} must-stay-blank cases: {blank_right} right")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
