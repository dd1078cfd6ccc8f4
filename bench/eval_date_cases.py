"""Dev script: found/right counts on a case table of short era-date sentences.

Usage: python bench/eval_date_cases.py [CASES.csv] [-v]
(default: tests/date_field2_cases.csv; columns case_id, text, phrase, year, ...; optional
``year_end``: the last year of a span must match too; ``guess`` = true: the row must not be
``high``; ``day_iso``: the Julian-calendar day (YYYY-MM-DD, astronomical year) the first row must
give as its single day, counted apart as "day right")

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


def _day(iso: str | None) -> tuple[int, ...] | None:
    """(year, month, day) of an ISO day, negative years allowed; None when blank."""
    if not iso:
        return None
    neg = iso.startswith("-")
    y, m, d = (int(x) for x in iso.lstrip("-").split("-"))
    return (-y if neg else y, m, d)


def _hits(case: dict[str, str], eras, calendar) -> list:
    """The dated rows overlapping the case's phrase, in reading order."""
    text, phrase = case["text"], case["phrase"]
    p0 = text.index(phrase)
    p1 = p0 + len(phrase)
    rows, _warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    return [r for r in rows if r.start < p1 and p0 < r.end and r.year is not None]


def _shown(row) -> str:
    """'text'=year[-year_end] [J<julian_start>[..<julian_end>]] certainty, for the listing."""
    span = f"-{row.year_end}" if row.year_end not in (None, row.year) else ""
    days = f" J{row.julian_start}" if row.julian_start else ""
    if row.julian_end and row.julian_end != row.julian_start:
        days += f"..{row.julian_end}"
    return f"{row.text!r}={row.year}{span}{days} {row.certainty}"


def day_right(case: dict[str, str], hits: list) -> tuple[bool | None, bool]:
    """(whether the first dated row gives the case's ``day_iso`` as one Julian day, or None when
    no day is expected; whether that row claims another single day)."""
    want = _day(case.get("day_iso"))
    if want is None or not hits:
        return (None if want is None else False), False
    start, end = _day(hits[0].julian_start), _day(hits[0].julian_end or hits[0].julian_start)
    return start == want == end, start == end and start != want


def judge(case: dict[str, str], hits: list) -> tuple[bool, bool, str]:
    """(found, right, what was read) for one case; "what was read" ends with "[era]" when the
    first dated row also names an era (not a printed year alone)."""
    got = ", ".join(_shown(r) for r in hits) or "-"
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
    days = [c for c in cases if c.get("day_iso")]
    found = right = blank_right = by_era = days_right = wrong_high = 0
    for c in cases:
        hits = _hits(c, eras, calendar)
        f, r, got = judge(c, hits)
        d, wrong_day = day_right(c, hits)
        found += f
        days_right += bool(d)
        if c["year"]:
            right += r
            by_era += r and got.endswith("[era]")
        else:
            blank_right += r
        year_wrong = bool(hits) and c["year"] != str(hits[0].year)
        if hits and hits[0].certainty == "high" and (year_wrong or wrong_day):
            wrong_high += 1
            got += "  <- WRONG AT HIGH"
        if d is False:
            got += f"  [day: want J{c['day_iso']}]"
        if verbose or not r or d is False:
            want = c["year"] or "blank"
            print(f"{'ok ' if r else 'BAD'} {c['case_id']:32s} want={want:6s} {got}")
    print(f"{len(dated)} dated cases: found {found} ({found / len(dated):.0%}), right {right} "
          f"({right / max(found, 1):.0%} of found, {right / len(dated):.0%} of all; {by_era} with "
          f"the era read, not only a printed year); "
          f"{len(cases) - len(dated)} must-stay-blank cases: {blank_right} right")
    if days:
        print(f"{len(days)} cases with a day: {days_right} right to the day "
              f"({days_right / len(days):.0%})")
    print(f"{wrong_high} rows with a wrong year or a wrong single day at high certainty")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
