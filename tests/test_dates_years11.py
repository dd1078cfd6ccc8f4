"""Yearless Western months read against the months the text prints, and a Western gloss that
says on which side of a Western new year a lunar month's date falls (s14 years11)."""

from __future__ import annotations

import pytest

from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions


@pytest.fixture(scope="module")
def stages(eras, calendar):
    return eras, calendar  # the session's copies (tests/conftest.py)


def _rows(stages, text: str):
    eras, calendar = stages
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    return {r.text: r for r in rows}, warnings


INFOBOX = ("Date\t3 March 1620 – 6 March 1620\n\nThe siege. In 1619 the khan rose. "
           "In August 1619 he took the fort. ")


def test_month_before_running_month_printed_with_next_year(stages) -> None:
    rows, warnings = _rows(stages, INFOBOX + "On 2 March the army left the city.")
    row = rows["2 March"]
    assert (row.year, row.month, row.day) == (1620, 3, 2)
    assert row.certainty == "medium"
    assert any(w.code == "NEXT_YEAR_BY_PRINTED_MONTH" for w in warnings)


def test_month_before_running_month_printed_with_running_year_stays(stages) -> None:
    # March is printed with 1619 as well: no evidence for either year, the old rule holds
    rows, warnings = _rows(stages, INFOBOX + "In March 1619 he marched. In August 1619 he "
                           "camped. On 2 March the army left the city.")
    assert rows["2 March"].year == 1619
    assert not any(w.code == "NEXT_YEAR_BY_PRINTED_MONTH" for w in warnings)


def test_month_after_running_month_keeps_running_year(stages) -> None:
    rows, _ = _rows(stages, "Date\t3 March 1620\n\nIn January 1619 the khan rose. "
                    "On 2 March the army left the city.")
    assert rows["2 March"].year == 1619  # forward within the year: no step back, no anchor


def test_no_printed_month_keeps_running_year(stages) -> None:
    rows, warnings = _rows(stages, "In August 1619 he took the fort. On 2 March the army "
                           "left the city.")
    assert rows["2 March"].year == 1619
    assert not any(w.code == "NEXT_YEAR_BY_PRINTED_MONTH" for w in warnings)


def test_gloss_puts_a_december_month_in_the_next_western_year(stages) -> None:
    rows, _ = _rows(stages, "In the eleventh month of Qianlong 51 (January 1787), Lin rose.")
    row = next(iter(rows.values()))
    assert row.year == 1786 and row.month == 11  # the Chinese year is kept
    assert row.date_start == "1787-01-01" and row.date_end == "1787-01-18"


def test_gloss_on_the_same_side_narrows_to_that_side(stages) -> None:
    rows, _ = _rows(stages, "In the eleventh month of Qianlong 51 (December 1786), Lin rose.")
    row = next(iter(rows.values()))
    assert row.date_start == "1786-12-21" and row.date_end == "1786-12-31"


@pytest.mark.parametrize("text", [
    "In the eleventh month of Qianlong 51, Lin rose.",  # no gloss: the whole lunar month
    "In the eleventh month of Qianlong 51 (March 1787), Lin rose.",  # a gloss that disagrees
])
def test_no_agreeing_gloss_keeps_the_lunar_month(stages, text: str) -> None:
    rows, _ = _rows(stages, text)
    row = next(iter(rows.values()))
    assert row.date_start == "1786-12-21" and row.date_end == "1787-01-18"


def test_gloss_within_one_western_year_changes_nothing(stages) -> None:
    rows, _ = _rows(stages, "In the fifth month (June) of the third year of Hongwu, he left.")
    row = next(r for r in rows.values() if r.month == 5)
    assert row.date_start is not None and row.date_start[:4] == row.date_end[:4] == "1370"
    first, last = row.date_start, row.date_end
    rows2, _ = _rows(stages, "In the fifth month of the third year of Hongwu, he left.")
    row2 = next(r for r in rows2.values() if r.month == 5)
    assert (row2.date_start, row2.date_end) == (first, last)


@pytest.mark.parametrize(("text", "span"), [
    ("In 1862 an earthquake struck. The temples were built between 1875 and 1886.",
     "1875 and 1886"),
    ("Between 994 and 996, Seo Hee built the six garrisons.", "994 and 996"),
])
def test_between_two_years_is_a_range(stages, text: str, span: str) -> None:
    rows, warnings = _rows(stages, text)
    row = rows[span]
    assert row.kind == "range" and (row.year, row.year_end) == tuple(
        int(x) for x in span.split(" and "))
    assert row.certainty == "high" and not warnings


@pytest.mark.parametrize("text", [
    "In 990 he came. Between 300 and 400 men died.",  # a count: no date at all
    "He lived between 1875 and 1860.",  # backwards: no range, no lone year
    "The war between 1875 and the rebels went on.",
])
def test_between_without_a_later_year_ending_the_clause_is_no_date(stages, text: str) -> None:
    rows, _ = _rows(stages, text)
    assert not [r for r in rows.values() if r.text.startswith(("300", "1875"))]
