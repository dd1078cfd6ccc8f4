"""An age phrase after a sentence that states a birth with a printed year: birth year + age,
sui to Western age, low and warned (pipeline.dates.ages)."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable


def test_age_after_a_stated_birth(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("Li Yuan was born at Lingzhou in the sixth year of Xianping (1003). When he was "
            "only ten years old he rode with the cavalry. Aged 20, he led an army west.")
    rows, warnings = resolved(text, eras, calendar)
    ten = row_at(rows, text, "ten years old")
    assert (ten.kind, ten.year, ten.year_end, ten.certainty) == ("age", 1012, 1014, "low")
    twenty = row_at(rows, text, "Aged 20")
    assert (twenty.year, twenty.year_end) == (1022, 1024)
    codes = [w.code for w in warnings if w.start in (ten.start, twenty.start)]
    assert codes == ["AGE_YEAR_DERIVED", "AGE_YEAR_DERIVED"]


def test_no_birth_no_age_year(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In 1003 the river flooded. When he was only ten years old he rode with the "
            "cavalry.")
    rows, _ = resolved(text, eras, calendar)
    assert [r for r in rows if r.kind == "age"] == []
    assert all(r.year != 10 for r in rows)


def test_birth_too_far_back_dates_no_age(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("He was born in 1003. " + "The rains came and went. " * 80
            + "At the age of twenty he left.")
    rows, _ = resolved(text, eras, calendar)
    assert [r for r in rows if r.kind == "age"] == []
