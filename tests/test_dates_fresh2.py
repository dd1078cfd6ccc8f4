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


def test_bare_years_between_bc_years_are_bc(eras, calendar) -> None:
    text = "Wu Qi won at Yinjin in 389 BC, at Xihe in 387, at Anyi in 385 and at Puban in 380 BC."
    rows, _ = _rows(text, eras, calendar)
    got = {r.text: (r.year, r.certainty) for r in rows}
    assert got["387"] == (-386, "high") and got["385"] == (-384, "high")


def test_bare_year_after_one_bc_year_is_a_flagged_guess(eras, calendar) -> None:
    text = "In 260 BC the siege began, and in 259 the city surrendered."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "259")
    assert (row.year, row.certainty) == (-258, "medium")
    assert any(w.code == "BARE_YEAR_BC_GUESSED" for w in warnings)


def test_larger_bare_year_after_bc_year_is_ce_but_flagged(eras, calendar) -> None:
    text = "The wall was begun in 214 BC; by 300 it had been rebuilt twice."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "300")
    assert (row.year, row.certainty) == (300, "medium")
    assert any(w.code == "BARE_YEAR_CE_OR_BC" for w in warnings)


def test_bc_context_ends_with_the_paragraph(eras, calendar) -> None:
    text = "The state fell in 223 BC.\n\nIn 220 a new dynasty began at Luoyang."
    rows, _ = _rows(text, eras, calendar)
    assert (_at(rows, text, "220").year, _at(rows, text, "220").certainty) == (220, "high")
