"""Days with an English month name in machine-translated chronicles, where the month may be a
lunar one (十一月二十二日 -> "On the 22nd November", 四月二十四日 -> "April 24, ..."): never a
Western day at full certainty when the text does not settle the calendar."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at


def test_day_after_a_western_year_takes_both_readings(eras, calendar) -> None:
    text = "In 1120 the rebels rose in Qingxi. On the 22nd November they took the county seat."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the 22nd November")
    assert (row.year, row.month, row.day, row.certainty) == (1120, None, None, "low")
    # from the Western 22 November (Julian) to the lunar 11th month, 22nd day (14 December)
    assert (row.date_start, row.date_end) == ("1120-11-29", "1120-12-21")
    assert any(w.code == "WESTERN_OR_LUNAR_DAY" for w in warnings)


def test_day_after_a_full_western_date_stays_western(eras, calendar) -> None:
    text = ("On 2 March 1120 the rebels rose in Qingxi. On the 22nd November they took the "
            "county seat.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the 22nd November")
    assert (row.year, row.month, row.day, row.certainty) == (1120, 11, 22, "high")
    assert not any(w.code == "WESTERN_OR_LUNAR_DAY" for w in warnings)


@pytest.mark.parametrize(("text", "year", "code"), [
    # after an era date: the lunar month, a guess
    ("In the third year of Xuanhe the Song army marched south. April 24, the Song army "
     "surrounded the cave.", 1121, "WESTERN_MONTH_NAME_AS_LUNAR"),
    # after a full Western date: the Western day, a guess all the same
    ("The treaty was signed on 29 August 1842. April 24, the envoys left Nanjing.", 1842,
     "WESTERN_MONTH_GUESSED"),
])
def test_month_first_day_opening_a_sentence_is_a_warned_row(eras, calendar, text, year,
                                                            code) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "April 24")
    assert (row.year, row.month, row.day, row.certainty) == (year, 4, 24, "medium")
    assert any(w.code == code for w in warnings)


def test_month_first_day_inside_a_sentence_without_a_word_before_is_no_row(eras,
                                                                          calendar) -> None:
    text = "In 1120 the rebels rose, and the leader April 24 was no date at all."
    rows, _ = resolved(text, eras, calendar)
    assert not [r for r in rows if "April" in r.text]


def test_day_below_the_running_day_is_of_the_next_month(eras, calendar) -> None:
    text = ("In the second year of Xuanhe the rebels rose. On the 22nd day of the eleventh "
            "month they took Qingxi. On the 20th, they took Shezhou. On the 29th, Hangzhou.")
    rows, warnings = resolved(text, eras, calendar)
    assert [(r.month, r.day) for r in rows[1:]] == [(11, 22), (12, 20), (12, 29)]
    assert row_at(rows, text, "the 20th").certainty == "medium"
    assert any(w.code == "NEXT_MONTH_BY_DAY_ORDER" for w in warnings)
