"""Dates a fresh user's texts got wrong (round 2), as invented sentences of the same kinds:
Minguo (Republic of China) years, bare years after a BC year, Western month names after a
Western date, printed life spans with a spaced hyphen, month words opening a clause after a
printed year, day offsets from a Western day, and a dynasty named beside a shared era."""

from __future__ import annotations

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable


def _rows(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


def _at(rows, text: str, phrase: str):
    """The row covering ``phrase`` (the first occurrence in ``text``)."""
    p0 = text.index(phrase)
    hits = [r for r in rows if r.start <= p0 < r.end]
    assert hits, f"no row for {phrase!r}: {[r.text for r in rows]}"
    return hits[0]


@pytest.mark.parametrize(("text", "phrase", "year", "start"), [
    ("The old court was gone; in the first year of the Republic the capital moved.",
     "the first year", 1912, "1912-01-01"),
    ("The treaty came in the 17th year of the Republic (1928).", "the 17th year", 1928, None),
    ("The mill was built in Minguo 8.", "Minguo 8", 1919, "1919-01-01"),
    ("The gazetteer was printed in the fifth year of Min-kuo.", "the fifth year", 1916, None),
    ("In the fourth month of the 30th year of the Republic, the school closed.",
     "the fourth month", 1941, "1941-04-01"),
])
def test_minguo_years(text, phrase, year, start, eras, calendar) -> None:
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, phrase)
    assert (row.year, row.era_zh, row.certainty) == (year, "民國", "high")
    if start:
        assert row.date_start == start
