"""Small inputs from the field (issue 7) and honesty rules, driven by date_field_cases.csv.

Each case: a short text, the date phrase found in it and the values it must resolve to
(blank = not checked), the certainty expected and a warning code that must be raised.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable

CASES_PATH = Path(__file__).resolve().parent / "date_field_cases.csv"
with CASES_PATH.open(encoding="utf-8", newline="") as _fh:
    CASES = list(csv.DictReader(_fh))
INTS = {"era_year", "year", "month", "day"}


@pytest.mark.parametrize("case", CASES, ids=[c["case_id"] for c in CASES])
def test_field_case(case: dict[str, str], eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = resolve_dates(find_date_mentions(case["text"], eras), eras, calendar)
    by_text = {r.text: r for r in rows}
    assert case["phrase"] in by_text, sorted(by_text)
    row = by_text[case["phrase"]]
    assert row.kind == case["kind"]
    for column in ("era", "dynasty", "era_year", "year", "month", "day", "julian_start"):
        want = case[column]
        if want:
            got = getattr(row, column)
            assert got == (int(want) if column in INTS else want), (column, row.basis)
    if case["leap"]:
        assert row.leap_month is (case["leap"] == "true")
    assert row.certainty == case["certainty"], row.basis
    codes = {w.code for w in warnings if w.start == row.start}
    if case["warning"]:
        assert case["warning"] in codes
    if row.certainty == "high":
        assert not codes, codes
    else:
        assert codes, "a guess must come with a warning row"
