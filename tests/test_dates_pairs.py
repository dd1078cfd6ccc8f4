"""A Western month (or day) given with a lunar one is one date, checked for agreement (issue 7).

Short invented inputs. Expected values from sanmiao's month table: Jianyan 1 (1127), lunar
month 7 begins Julian 1127-08-03 (Gregorian 08-10); Zhengtong 14 (1449), lunar month 8 day 8 is
Julian 1449-08-25 = proleptic Gregorian 1449-09-03.
"""

from __future__ import annotations

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable


def _run(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


@pytest.mark.parametrize(("text", "phrase", "month", "day", "certainty", "conflict"), [
    # agree: one row, high
    ("In the first year of Jianyan, in August (the 7th month of the lunar calendar), it rained.",
     "August (the 7th month of the lunar calendar)", 7, None, "high", False),
    ("In the first year of Jianyan, in August (the 7th month of the Chinese lunar calendar), "
     "it rained.", "August (the 7th month of the Chinese lunar calendar)", 7, None, "high", False),
    ("In the first year of Jianyan, in the seventh month (August), it rained.",
     "the seventh month (August)", 7, None, "high", False),
    ("In the first year of Jianyan, in the seventh month (Aug./Sep.), it rained.",
     "the seventh month (Aug./Sep.)", 7, None, "high", False),
    ("In the 14th year of Zhengtong, on September 3 (Chinese lunar calendar: 8th day of the 8th "
     "month), the siege began.",
     "September 3 (Chinese lunar calendar: 8th day of the 8th month)", 8, 8, "high", False),
    # conflict: one row, the lunar month kept, a warning and low certainty
    ("In the first year of Jianyan, in March (the 7th month of the lunar calendar), it rained.",
     "March (the 7th month of the lunar calendar)", 7, None, "low", True),
    ("In the first year of Jianyan, in the seventh month (March), it rained.",
     "the seventh month (March)", 7, None, "low", True),
    ("In the 14th year of Zhengtong, on September 13 (Chinese lunar calendar: 8th day of the "
     "8th month), the siege began.",
     "September 13 (Chinese lunar calendar: 8th day of the 8th month)", 8, 8, "low", True),
])
def test_western_and_lunar_month_are_one_date(text, phrase, month, day, certainty, conflict,
                                              eras, calendar) -> None:
    rows, warnings = _run(text, eras, calendar)
    p0 = text.index(phrase)
    inside = [r for r in rows if r.start < p0 + len(phrase) and p0 < r.end]
    assert [r.text for r in inside] == [phrase]  # one row, not a Western and a lunar one
    row = inside[0]
    assert (row.month, row.day, row.certainty) == (month, day, certainty)
    codes = {w.code for w in warnings if w.start == row.start}
    assert ("GLOSS_MONTH_CONFLICT" in codes) is conflict


def test_agreeing_day_dates_to_the_day(eras, calendar) -> None:
    rows, _ = _run("In the 14th year of Zhengtong, on September 3 (Chinese lunar calendar: 8th "
                   "day of the 8th month), the siege began.", eras, calendar)
    row = rows[-1]
    assert (row.year, row.julian_start, row.date_start) == (1449, "1449-08-25", "1449-09-03")
    assert "Gregorian calendar" in row.basis


@pytest.mark.parametrize(("text", "phrase", "year", "month", "day", "certainty"), [
    ("In August 1449 (the 7th month of the lunar calendar), Esen attacked.",
     "August 1449 (the 7th month of the lunar calendar)", 1449, 7, None, "high"),
    ("On September 3, 1449 (the 8th day of the 8th month), Esen attacked.",
     "September 3, 1449 (the 8th day of the 8th month)", 1449, 8, 8, "high"),
    ("On September 13, 1449 (the 8th day of the 8th month), Esen attacked.",
     "September 13, 1449 (the 8th day of the 8th month)", 1449, 8, 8, "low"),
    # a 12th month written as January: of the Chinese year before
    ("In January 1450 (the 12th month), snow fell.", "January 1450 (the 12th month)", 1449, 12,
     None, "high"),
])
def test_a_western_date_with_its_year_and_a_lunar_gloss_is_one_date(
        text, phrase, year, month, day, certainty, eras, calendar) -> None:
    rows, _ = _run(text, eras, calendar)
    assert [(r.text, r.year, r.month, r.day, r.certainty) for r in rows] == [
        (phrase, year, month, day, certainty)]
