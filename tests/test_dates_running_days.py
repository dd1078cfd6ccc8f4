"""Leap months written "run"/"leap"/"intercalary", cycle days within the running month, cycle
day and month before the year, and "the next day" after a day-precise date (issue 7, items 5
and 7). Invented sentences; the expected Julian days are from sanmiao's month table (each
leap month checked there by its intercalary flag)."""

from __future__ import annotations

import pytest
from date_rows import resolved as _rows

from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable


@pytest.mark.parametrize("word", ["run", "leap", "intercalary"])
def test_leap_month_words(word: str, eras: EraTable, calendar: LunarCalendar) -> None:
    # Hongwu 12 (1379) has a leap fifth month; its 10th day is Julian 1379-06-24
    text = f"In the {word} fifth month of the twelfth year of Hongwu, on the tenth day, rain fell."
    rows, _ = _rows(text, eras, calendar)
    assert [(r.year, r.julian_start, r.certainty) for r in rows] == [
        (1379, "1379-06-24", "high")]
    assert rows[0].leap_month is True


def test_run_month_alone_is_the_leap_month(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, _ = _rows("In the run month of the twelfth year of Hongwu, rain fell.", eras, calendar)
    assert [(r.julian_start, r.julian_end) for r in rows] == [("1379-06-15", "1379-07-13")]


def test_run_is_no_leap_word_elsewhere(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, _ = _rows("They run fifth in the list of 1379.", eras, calendar)
    assert all(r.month is None for r in rows)


def test_cycle_day_within_running_month(eras: EraTable, calendar: LunarCalendar) -> None:
    # Shaoxing 4, month 3 begins Julian 1134-03-28; jiazi (cycle day 1) is its 14th day
    text = ("In the third month of the fourth year of Shaoxing, the court moved. "
            "On the day jiazi, the edict was issued.")
    rows, _ = _rows(text, eras, calendar)
    assert [(r.text, r.julian_start, r.julian_end) for r in rows][1] == (
        "the day jiazi", "1134-04-10", "1134-04-10")


def test_cycle_day_not_in_running_month_is_flagged(eras: EraTable,
                                                   calendar: LunarCalendar) -> None:
    text = ("In the third month of the fourth year of Shaoxing, the court moved. "
            "On the day jiachen, the edict was issued.")
    rows, warnings = _rows(text, eras, calendar)
    assert rows[1].certainty != "high" and rows[1].julian_start != rows[1].julian_end
    assert "CYCLE_DAY_NOT_IN_MONTH" in [w.code for w in warnings]


@pytest.mark.parametrize("text,phrase,day", [
    ("On the jiazi day, third month, fourth year of Shaoxing, the edict was issued.",
     "the jiazi day, third month, fourth year of Shaoxing", "1134-04-10"),
    ("On the jiazi day, the third month of the fourth year of Shaoxing, an edict came.",
     "the jiazi day, the third month of the fourth year of Shaoxing", "1134-04-10"),
    ("On the tenth day, the run fifth month, twelfth year of Hongwu, it rained.",
     "the tenth day, the run fifth month, twelfth year of Hongwu", "1379-06-24"),
])
def test_day_month_year_with_commas(text: str, phrase: str, day: str, eras: EraTable,
                                    calendar: LunarCalendar) -> None:
    rows, _ = _rows(text, eras, calendar)
    assert [(r.text, r.julian_start, r.julian_end) for r in rows] == [(phrase, day, day)]


def test_month_comma_year(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, _ = _rows("In the fifth month, second year of Yuanyou, it rained.", eras, calendar)
    assert [(r.year, r.month) for r in rows] == [(1087, 5)]


def test_printed_year_fitting_no_era_leaves_era_blank(eras: EraTable,
                                                      calendar: LunarCalendar) -> None:
    rows, warnings = _rows("In the third year of Jianlong (930), the army marched.", eras,
                           calendar)
    assert [(r.year, r.era, r.certainty) for r in rows] == [(930, None, "medium")]
    assert [w.code for w in warnings] == ["YEAR_FROM_PRINTED_YEAR"]


@pytest.mark.parametrize("phrase", ["The next evening", "The following morning",
                                    "The next day"])
def test_next_part_of_day(phrase: str, eras: EraTable, calendar: LunarCalendar) -> None:
    text = (f"On the fifth day of the third month of the fourth year of Shaoxing, the court "
            f"moved. {phrase}, the palace burned.")
    rows, warnings = _rows(text, eras, calendar)
    assert [(r.text, r.julian_start, r.julian_end, r.certainty) for r in rows][1] == (
        phrase, "1134-04-02", "1134-04-02", "medium")
    assert "RELATIVE_DAY_FROM_RUNNING_DATE" in [w.code for w in warnings]
