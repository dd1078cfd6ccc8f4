"""Japanese and Korean dates with a month and day use their own month tables (sanmiao's
calendar streams 4-8), not the Chinese one; a year none of them covers (Balhae, Vietnam) falls
back to the Chinese months with a ``CALENDAR_FALLBACK_CHINESE`` warning. The months picked here
are months where sanmiao's Korean/Japanese table and its Chinese stream 3 differ (found by
comparing the two tables); each test also checks that they differ, so the case stays a test of
the stream choice."""

from __future__ import annotations

import pytest

from pipeline.calendar import LunarCalendar, jdn_to_gregorian
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable


def _one(text: str, eras: EraTable, calendar: LunarCalendar):
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    dated = [r for r in rows if r.year is not None]
    assert len(dated) == 1, rows
    return dated[0], {w.code for w in warnings if w.start == dated[0].start}


# text, stream, year, month, leap, day, expected Gregorian day (read off sanmiao's table)
OWN_STREAM = [
    # Joseon 1740 (Yeongjo 16): leap 6th month in the Korean table, leap 3rd in stream 3,
    # so the 4th month starts a whole month earlier
    ("On the 1st day of the 4th month of the 16th year of King Yeongjo of Joseon, rain fell.",
     5, 1740, 4, False, 1, "1740-04-26"),
    # Joseon 1523 (Jungjong 18): the Korean 4th month starts a day later
    ("On the first day of the fourth month of the 18th year of King Jungjong of Joseon, it hailed.",
     5, 1523, 4, False, 1, "1523-04-27"),
    # Goryeo 1096 (Sukjong 1): the Goryeo 4th month starts two days later
    ("On the 1st day of the 4th month of the 1st year of King Sukjong of Goryeo, it hailed.",
     8, 1096, 4, False, 1, "1096-05-03"),
    # Silla 559 (its own era Gaeguk 9): a leap 4th month in Silla's table, none in stream 3
    ("On the 1st day of the 5th month of the 9th year of Gaeguk, envoys came.",
     7, 559, 5, False, 1, "0559-06-22"),
    # Japan 1300 (Shōan 2): leap 7th month in the Japanese table, so the 8th month is a month
    # later than stream 3's (printed year: two Japanese eras read Shōan)
    ("On the 1st day of the 8th month of the 2nd year of Shōan (1300), it snowed.",
     4, 1300, 8, False, 1, "1300-09-22"),
]


@pytest.mark.parametrize("text,stream,year,month,leap,day,iso", OWN_STREAM)
def test_own_month_table(text, stream, year, month, leap, day, iso, eras, calendar):
    own = calendar.day_jdn(stream, year, month, day, leap)
    chinese = calendar.day_jdn(3, year, month, day, leap)
    assert own is not None and own != chinese  # the case separates the two tables
    assert jdn_to_gregorian(own) == iso
    row, codes = _one(text, eras, calendar)
    assert (row.year, row.month, row.day) == (year, month, day)
    assert row.date_start == row.date_end == iso
    assert "CALENDAR_FALLBACK_CHINESE" not in codes


def test_streams_loaded(calendar):
    # every non-Chinese stream of sanmiao is loaded, with its own years
    for stream, year in ((4, 1300), (5, 1740), (6, 600), (7, 800), (8, 1096)):
        assert calendar.has_own_year(stream, year)
        assert calendar.months_of_year(stream, year)
    assert not calendar.has_own_year(5, 800)  # Balhae: no table
    assert not calendar.has_own_year(9, 1803)  # Vietnam: no table
    # a missing year still gives the Chinese months (for year bounds)
    assert calendar.months_of_year(5, 800) == calendar.months_of_year(3, 800)


def test_korean_streams_differ_from_chinese_in_few_months(calendar):
    # the tables mostly agree; the differences are real but few (< 10% of months)
    for stream in (5, 8):
        same = total = 0
        for year in range(1400 if stream == 5 else 920, 1890 if stream == 5 else 1390):
            if not (calendar.has_own_year(stream, year) and calendar.has_own_year(3, year)):
                continue
            chinese = {(m.month, m.leap): m.first_jdn for m in calendar.months_of_year(3, year)}
            for m in calendar.months_of_year(stream, year):
                total += 1
                same += chinese.get((m.month, m.leap)) == m.first_jdn
        assert total > 1000 and 0.9 < same / total < 1.0


FALLBACK = [
    # Balhae (stream 5 has no months for 698-926)
    ("In the 3rd month of the 10th year of King Sejong of Balhae, envoys came.", 746, 3),
    # Vietnam (stream 9: no table in sanmiao)
    ("In the third month of the 2nd year of Gia Long, rain fell.", 1803, 3),
]


@pytest.mark.parametrize("text,year,month", FALLBACK)
def test_fallback_to_chinese_months_is_flagged(text, year, month, eras, calendar):
    row, codes = _one(text, eras, calendar)
    assert (row.year, row.month) == (year, month)
    first, _ = calendar.month_jdn_range(3, year, month)
    assert row.date_start == jdn_to_gregorian(first)
    assert "CALENDAR_FALLBACK_CHINESE" in codes
    assert row.certainty != "high"


def test_year_alone_in_fallback_is_not_flagged(eras, calendar):
    row, codes = _one("In the 2nd year of Gia Long, rain fell.", eras, calendar)
    assert row.year == 1803 and "CALENDAR_FALLBACK_CHINESE" not in codes
    assert "Chinese calendar" in row.basis


def test_korean_empire_years_are_gregorian(eras, calendar):
    # Korea counted Gregorian days from Geonyang 1 (1896): no lunar month lookup
    text = "On the 1st day of the 3rd month of the 2nd year of Gwangmu, a decree was issued."
    row, _ = _one(text, eras, calendar)
    assert (row.year, row.date_start) == (1898, "1898-03-01")
    assert "Gregorian" in row.basis

