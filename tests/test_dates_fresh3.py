"""Dates a fresh user's texts got wrong (round 3), as invented sentences of the same kinds:
"Month, Year" with a comma, "N years later" before a name that is also a dynasty's, and an
impossible Western day."""

from __future__ import annotations

import pytest
from date_rows import resolved as _rows
from date_rows import row_at as _at


def test_month_comma_year(eras, calendar) -> None:
    text = ("In April, 1857, the envoy left Macao. The port was closed in October, 1858, "
            "and the fleet sailed. The convention was signed on the 24th of October.")
    rows, _ = _rows(text, eras, calendar)
    april = _at(rows, text, "April, 1857")
    assert (april.year, april.month, april.certainty) == (1857, 4, "high")
    assert _at(rows, text, "October, 1858").year == 1858
    day = _at(rows, text, "the 24th of October")
    assert (day.year, day.month, day.day) == (1858, 10, 24)


@pytest.mark.parametrize("text", [
    "In March, 1200 horsemen crossed the river.",
    "In June, 1500 boats were lost.",
])
def test_month_comma_count_is_no_year(text, eras, calendar) -> None:
    rows, _ = _rows(text, eras, calendar)
    assert all(r.year is None for r in rows), [(r.text, r.year) for r in rows]


def test_years_later_before_a_dynasty_named_person(eras, calendar) -> None:
    text = "In 140 BC the court sent envoys. Six years later Wei Qing led the cavalry north."
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, "Six years later")
    assert (row.kind, row.year) == ("relative", -133)


def test_impossible_western_day_is_blank(eras, calendar) -> None:
    text = "On February 29, 1125 the city fell."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "February 29")
    assert (row.year, row.month, row.day) == (1125, 2, None)
    assert any(w.code == "INVALID_DAY" for w in warnings)


def test_mt_month_words_and_next_year(eras, calendar) -> None:
    text = ("Chenghua third years (1467) in May, the rebels rose. June, the army marched south. "
            "Next year March, the rebels surrendered.")
    rows, _ = _rows(text, eras, calendar)
    era = _at(rows, text, "Chenghua third years")
    assert (era.era, era.year) == ("Chenghua", 1467)
    june = _at(rows, text, "June")
    assert (june.year, june.month, june.certainty) == (1467, 6, "medium")
    nxt = _at(rows, text, "Next year March")
    assert (nxt.year, nxt.month) == (1468, 3)


def test_era_first_years_mt(eras, calendar) -> None:
    text = "Hongzhi first years, the emperor restored his title."
    rows, _ = _rows(text, eras, calendar)
    assert (_at(rows, text, "Hongzhi").era_year, _at(rows, text, "Hongzhi").year) == (1, 1488)


def test_next_year_in_speech_is_no_date(eras, calendar) -> None:
    text = "In 1127 the city fell. The envoy said the army would return next year."
    rows, _ = _rows(text, eras, calendar)
    assert [r.text for r in rows] == ["1127"]


_MEMORIAL = ("Your servant reports on the campaign.\n\n"
             "In the fourth month of the fifth year of Tongzhi the army left Lanzhou. In the "
             "tenth month it reached Hami. In the second month of this year the rebels fled, "
             "and in the fifth month the city was recovered.\n\n"
             "Respectfully memorialized. Tongzhi, sixth year, seventh month, ninth day.")


def test_this_year_of_a_dated_memorial(eras, calendar) -> None:
    rows, warnings = _rows(_MEMORIAL, eras, calendar)
    this = _at(rows, _MEMORIAL, "the second month of this year")
    assert (this.year, this.month, this.certainty) == (1867, 2, "medium")
    assert any(w.code == "THIS_YEAR_FROM_DATELINE" for w in warnings)
    assert _at(rows, _MEMORIAL, "the fifth month").year == 1867
    assert _at(rows, _MEMORIAL, "the tenth month").year == 1866
    line = _at(rows, _MEMORIAL, "seventh month, ninth day")
    assert (line.year, line.month, line.day) == (1867, 7, 9)


def test_this_year_without_dateline_is_the_running_year(eras, calendar) -> None:
    text = _MEMORIAL.rsplit("\n\n", 1)[0]
    rows, warnings = _rows(text, eras, calendar)
    assert _at(rows, text, "the second month of this year").year == 1866
    assert not any(w.code == "THIS_YEAR_FROM_DATELINE" for w in warnings)


def test_heading_dateline_dates_the_text_after_it(eras, calendar) -> None:
    text = ("In the third year of Tongzhi the army was raised.\n"
            "Tongzhi, sixth year, second month.\n"
            "In the first month of this year the rebels crossed the river.")
    rows, _ = _rows(text, eras, calendar)
    assert _at(rows, text, "the first month of this year").year == 1867


def test_day_of_the_month(eras, calendar) -> None:
    text = "In the third month of 1662 the army left, and on the ninth day of the month it rained."
    rows, _ = _rows(text, eras, calendar)
    day = _at(rows, text, "the ninth day of the month")
    assert (day.year, day.month, day.day) == (1662, 3, 9)


_ENTRY = ("WANG Fu 王甫. Died A.D. 1130. A native of Kaifeng, he served the court. In 1101 he "
          "was made a minister.\n\n"
          "LI Gang 李綱. A.D. 1083-1140. In 1126 he defended the capital, and he died at the age "
          "of fifty-eight.")


def test_dictionary_entry_life_dates(eras, calendar) -> None:
    rows, _ = _rows(_ENTRY, eras, calendar)
    died = _at(rows, _ENTRY, "A.D. 1130")
    assert (died.kind, died.year) == ("aside", 1130)
    span = _at(rows, _ENTRY, "1083-1140")
    assert (span.kind, span.year, span.year_end) == ("aside", 1083, 1140)
    age = _at(rows, _ENTRY, "at the age")
    assert (age.kind, age.year, age.year_end, age.certainty) == ("age", 1140, None, "medium")


def test_entry_death_year_is_no_running_date(eras, calendar) -> None:
    text = "WANG Fu 王甫. Died A.D. 1130. He served the court. The following year he retired."
    rows, _ = _rows(text, eras, calendar)
    following = _at(rows, text, "The following year")
    assert following.year is None


def test_era_label_of_a_state_the_text_names(eras, calendar) -> None:
    text = ("He rose to be a general under the Later T'ang. In 932 he took the province. "
            "Two years later he proclaimed himself emperor.")
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, "Two years later")
    assert (row.year, row.dynasty) == (934, "Later Tang")


def test_no_era_label_when_no_state_is_named(eras, calendar) -> None:
    text = "In 932 he took the province. Two years later he proclaimed himself emperor."
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, "Two years later")
    assert (row.year, row.era, row.certainty) == (934, None, "high")


# fresh report 4 (A1): "the 7th of September, 1689" crashed the whole document (a month
# token cut short by backtracking, then unknown to the month table)
@pytest.mark.parametrize(
    ("text", "year", "month", "day"),
    [
        ("The treaty was signed on the 7th of September, 1689, at Nerchinsk.", 1689, 9, 7),
        ("On the 3rd of May, 1928, the army left.", 1928, 5, 3),
        ("He died on the 20th of December 1722.", 1722, 12, 20),
        ("On the twenty-first of June, 1850, he died.", 1850, 6, 21),
    ],
)
def test_day_of_month_comma_year(text, year, month, day, eras, calendar) -> None:
    rows = [r for r in _rows(text, eras, calendar)[0] if r.kind == "gregorian"]
    assert [(r.year, r.month, r.day) for r in rows] == [(year, month, day)]
