"""Tests for pipeline.calendar (lunar month table, JDN <-> Julian/Gregorian)."""

from __future__ import annotations

import re

import pytest

from pipeline.calendar import (
    LunarCalendar,
    gregorian_to_jdn,
    jdn_to_gregorian,
    jdn_to_julian,
    julian_to_jdn,
)
from pipeline.eras import EraTable


@pytest.fixture(scope="module")
def cal(calendar: LunarCalendar) -> LunarCalendar:
    return calendar  # the session's copy (tests/conftest.py)


@pytest.fixture(scope="module")
def table(eras: EraTable) -> EraTable:
    return eras  # the session's copy (tests/conftest.py)


def test_fall_of_kaifeng(cal: LunarCalendar) -> None:
    # 靖康元年閏十一月二十五日: Northern Song, stream 3, Chinese year 1126, leap month 11
    jdn = cal.day_jdn(3, 1126, 11, 25, leap=True)
    assert jdn == 2132703  # sanmiao 2132702.5 (midnight) = noon JDN 2132703
    assert jdn_to_julian(jdn) == "1127-01-09"
    assert jdn_to_gregorian(jdn) == "1127-01-16"


@pytest.mark.parametrize(
    ("year", "month", "day", "jdn"),
    [
        (2000, 1, 1, 2451545),
        (1582, 10, 15, 2299161),
        (1858, 11, 17, 2400001),
        (-4713, 11, 24, 0),
    ],
)
def test_gregorian_jdn(year: int, month: int, day: int, jdn: int) -> None:
    assert gregorian_to_jdn(year, month, day) == jdn
    sign = "-" if year < 0 else ""
    assert jdn_to_gregorian(jdn) == f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


@pytest.mark.parametrize(
    ("year", "month", "day", "jdn"),
    [
        (1582, 10, 4, 2299160),
        (-43, 3, 15, 1705426),  # Ides of March, 44 BCE
        (-4712, 1, 1, 0),
        (1127, 1, 9, 2132703),
    ],
)
def test_julian_jdn(year: int, month: int, day: int, jdn: int) -> None:
    assert julian_to_jdn(year, month, day) == jdn
    sign = "-" if year < 0 else ""
    assert jdn_to_julian(jdn) == f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def test_round_trips() -> None:
    iso = re.compile(r"(-?\d+)-(\d+)-(\d+)")
    for jdn in range(1_600_000, 2_500_000, 997):
        y, m, d = (int(p) for p in iso.fullmatch(jdn_to_julian(jdn)).groups())
        assert julian_to_jdn(y, m, d) == jdn
        y, m, d = (int(p) for p in iso.fullmatch(jdn_to_gregorian(jdn)).groups())
        assert gregorian_to_jdn(y, m, d) == jdn


def test_negative_year_format() -> None:
    assert jdn_to_julian(julian_to_jdn(-43, 3, 15)) == "-0043-03-15"
    assert jdn_to_gregorian(gregorian_to_jdn(0, 1, 1)) == "0000-01-01"


def test_month_and_leap(cal: LunarCalendar) -> None:
    assert cal.leap_month_of(3, 1126) == 11
    assert cal.leap_month_of(3, 1125) is None
    assert cal.month_jdn_range(3, 1126, 11, leap=True) == (2132679, 2132708)
    assert cal.month_jdn_range(3, 1126, 5, leap=True) is None  # no leap 5th month that year
    assert cal.month_jdn_range(3, 1126, 13) is None
    assert cal.month_jdn_range(3, 99999, 1) is None
    assert cal.month_jdn_range(3, -1000, 1) is None


def test_stream_fallback(cal: LunarCalendar) -> None:
    # stream 1 (Jin) stops in 1233: Jin's 天興三年 (1234) uses stream 3's months instead
    assert cal.months_of_year(1, 1233)
    assert cal.month_jdn_range(1, 1234, 1) == cal.month_jdn_range(3, 1234, 1) is not None
    # an existing stream-1 year is never replaced by stream 3
    assert cal.months_of_year(1, 1100) != [] and cal.month_jdn_range(1, 1100, 1)[0] > 0
    assert cal.month_jdn_range(3, 1912, 1) is None  # past the table


def test_day_bounds(cal: LunarCalendar) -> None:
    first, last = cal.month_jdn_range(3, 1126, 4)
    length = last - first + 1
    assert length in (29, 30)
    assert cal.day_jdn(3, 1126, 4, 1) == first
    assert cal.day_jdn(3, 1126, 4, length) == last
    assert cal.day_jdn(3, 1126, 4, length + 1) is None
    assert cal.day_jdn(3, 1126, 4, 0) is None


def test_year_boundary(cal: LunarCalendar) -> None:
    # Chinese year 1126 begins in CE 1126 but its 12th month falls in CE 1127
    first, last = cal.year_jdn_range(3, 1126)
    assert jdn_to_julian(first).startswith("1126-")
    assert jdn_to_julian(last).startswith("1127-")
    assert cal.year_jdn_range(3, 1127)[0] == last + 1
    m12 = cal.month_jdn_range(3, 1126, 12)
    assert m12[1] == last  # the year ends with month 12 (after the leap 11th)
    assert jdn_to_julian(m12[0]).startswith("1127-")


def test_seasons(cal: LunarCalendar) -> None:
    year = cal.year_jdn_range(3, 1126)
    spring = cal.season_jdn_range(3, 1126, "spring")
    winter = cal.season_jdn_range(3, 1126, "Winter")
    assert spring[0] == year[0]
    assert spring[1] == cal.month_jdn_range(3, 1126, 3)[1]
    assert winter == (cal.month_jdn_range(3, 1126, 10)[0], year[1])  # incl. leap 11th
    assert cal.season_jdn_range(3, 1126, "autumn") == cal.season_jdn_range(3, 1126, "fall")
    assert cal.season_jdn_range(3, 1126, "monsoon") is None


def test_streams_differ(cal: LunarCalendar) -> None:
    # streams 1 (Liao/Jin) and 3 (Song) do not always agree: at least one month differs
    diffs = [
        (y, m)
        for y in range(1100, 1200)
        for m in range(1, 13)
        if cal.month_jdn_range(1, y, m) != cal.month_jdn_range(3, y, m)
    ]
    assert diffs


# (sanmiao query, era_zh, dynasty, era year, month, leap, day or None, sanmiao JD first, last)
ORACLE = [
    ("東漢建安元年正月", "建安", "Eastern Han", 1, 1, False, None, 1792693.5, 1792721.5),
    ("唐開元元年十二月", "開元", "Tang", 1, 12, False, None, 1981836.5, 1981865.5),
    ("宋靖康元年閏十一月二十五日", "靖康", "Northern Song", 1, 11, True, 25, 2132702.5, None),
    ("金天會六年二月", "天會", "Jin", 6, 2, False, None, 2133121.5, 2133150.5),
    ("遼重熙元年三月", "重熙", "Liao", 1, 3, False, None, 2098098.5, 2098126.5),
    ("元至元十三年二月", "至元", "Yuan", 13, 2, False, None, 2187163.5, 2187191.5),
    ("清乾隆元年正月", "乾隆", "Qing", 1, 1, False, None, 2355162.5, 2355190.5),
    ("宋紹興十一年十二月二十九日", "紹興", "Southern Song", 11, 12, False, 29, 2138199.5, None),
    ("西夏天盛元年正月", "天盛", "Western Xia", 1, 1, False, None, 2140770.5, 2140799.5),
]


def _convert(table: EraTable, cal: LunarCalendar, row: tuple) -> tuple[int, int]:
    _, era_zh, dynasty, era_year, month, leap, day, _, _ = row
    eras = [e for e in table.eras if e.name_zh == era_zh and e.dynasty == dynasty]
    era = eras[0]  # the earliest, e.g. 至元 1264 rather than the later 至元 of 1335
    year = era.ce_year(era_year)
    if day is None:
        return cal.month_jdn_range(era.cal_stream, year, month, leap)
    jdn = cal.day_jdn(era.cal_stream, year, month, day, leap)
    return jdn, jdn


@pytest.mark.parametrize("row", ORACLE, ids=[r[0] for r in ORACLE])
def test_era_dates_recorded(table: EraTable, cal: LunarCalendar, row: tuple) -> None:
    """Values recorded from sanmiao.cjk_date_interpreter(query, jd_out=True, civ='c')."""
    first, last = row[7], row[8] if row[8] is not None else row[7]
    assert _convert(table, cal, row) == (int(first + 0.5), int(last + 0.5))


_JD = re.compile(r"JD (\d+(?:\.\d+)?)(?: ~ (\d+(?:\.\d+)?))?")


def test_era_dates_against_sanmiao(table: EraTable, cal: LunarCalendar) -> None:
    """Live oracle: sanmiao's own interpreter (about 0.1-0.5 s per call; 9 calls)."""
    sanmiao = pytest.importorskip("sanmiao")
    for row in ORACLE:
        report = sanmiao.cjk_date_interpreter(row[0], jd_out=True, civ="c")
        found = _JD.findall(report)
        assert len(found) == 1, report
        first = float(found[0][0])
        last = float(found[0][1]) if found[0][1] else first
        assert _convert(table, cal, row) == (int(first + 0.5), int(last + 0.5)), row[0]


def test_yongle_errata_year(table: EraTable, cal: LunarCalendar) -> None:
    # sanmiao puts 永樂元年 in 1402 (壬午); the errata make it 1403 (癸未)
    yongle = next(e for e in table.eras if e.name_zh == "永樂" and e.dynasty == "Ming")
    first, _ = cal.month_jdn_range(yongle.cal_stream, yongle.ce_year(1), 1)
    assert jdn_to_gregorian(first).startswith("1403-")


def test_locate_inverse(cal: LunarCalendar) -> None:
    assert cal.locate(3, 2132703) == (1126, 11, True, 25)
    assert cal.locate(3, 10) is None
    for stream, year in ((1, -100), (1, 500), (3, 1126), (3, 1900)):
        for month in cal.months_of_year(stream, year):
            assert cal.locate(stream, month.first_jdn) == (year, month.month, month.leap, 1)
            assert cal.locate(stream, month.last_jdn)[3] == month.days


@pytest.mark.parametrize(
    ("era", "dynasty", "era_year", "month", "day", "first", "last"),
    [
        # Later Zhou 廣順元年 = 9 February 951 - 29 January 952 (Julian), as in reference tables
        ("Guangshun", "Later Zhou", 1, None, None, "0951-02-09", "0952-01-29"),
        # Northern Song 咸平六年五月五日 = 7 June 1003 (Julian): Li Yuanhao's birth date
        ("Xianping", "Northern Song", 6, 5, 5, "1003-06-07", "1003-06-07"),
    ],
)
def test_reference_dates(
    table: EraTable,
    cal: LunarCalendar,
    era: str,
    dynasty: str,
    era_year: int,
    month: int | None,
    day: int | None,
    first: str,
    last: str,
) -> None:
    (e,) = table.candidates(era, dynasty=dynasty)
    year = e.ce_year(era_year)
    if month is None:
        rng = cal.year_jdn_range(e.cal_stream, year)
    else:
        jdn = cal.day_jdn(e.cal_stream, year, month, day)
        rng = (jdn, jdn)
    assert (jdn_to_julian(rng[0]), jdn_to_julian(rng[1])) == (first, last)


def test_table_repairs(cal: LunarCalendar) -> None:
    # a month 12 filed at the start of stream 1's 1022 belongs to 1021
    assert [m.month for m in cal.months_of_year(1, 1022)].count(12) == 1
    assert cal.months_of_year(1, 1021)[-1].month == 12
    # stream 1 lacks 1189's leap month: the gap-free stream 3 year is used instead
    assert cal.leap_month_of(1, 1189) == cal.leap_month_of(3, 1189) is not None
    # sanmiao's last month (1911/12) has max_day -535803; the Xuantong abdication day is in it
    assert cal.locate(3, gregorian_to_jdn(1912, 2, 12)) is not None
    # every month is 29 or 30 days, except the 28-day month before Wei's 237 calendar change
    lengths = {m.days for y in range(-200, 1912) for m in cal.months_of_year(1, y)}
    assert lengths <= {28, 29, 30}
    lengths = {m.days for y in range(222, 1912) for m in cal.months_of_year(3, y)}
    assert lengths <= {29, 30}
