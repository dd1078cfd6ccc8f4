"""The month-order rule ("a month far before the running month is the next year") follows the
order of the running Chinese year in sanmiao's month table: before the Taichu reform (104 BCE)
the Han year opened with months 10-12, so "In winter ... in the first month of spring" is one
year, not two. Invented sentences in the style of translated annals."""

from __future__ import annotations

from date_rows import resolved as _rows

from pipeline.calendar import LunarCalendar
from pipeline.dates.kinds import year_order
from pipeline.eras import EraTable


def test_year_order_from_the_month_table(calendar: LunarCalendar) -> None:
    early = year_order(calendar, 1, -125)  # Yuanshuo 3: the Zhuanxu order
    assert early is not None and early[10] == 0 and early[1] == 3 and early[9] == 11
    late = year_order(calendar, 1, -98)  # Tianhan 2: after the reform
    assert late is not None and late[1] == 0 and late[10] == 9
    assert year_order(None, 1, -125) is None


def test_first_month_after_winter_is_the_same_early_han_year(
        eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In the third year of Yuanshuo, in the tenth month, Yelang sent envoys. "
            "In the second month of spring the Emperor pardoned the prisoners.")
    rows, _ = _rows(text, eras, calendar)
    assert [(r.year, r.month) for r in rows if r.month is not None] == [(-125, 10), (-125, 2)]
    assert not any("next year" in r.basis for r in rows)


def test_first_month_after_winter_is_the_next_year_after_taichu(
        eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In the second year of Tianhan, in the tenth month, Yelang sent envoys. "
            "In the second month of spring the Emperor pardoned the prisoners.")
    rows, _ = _rows(text, eras, calendar)
    assert [(r.year, r.month) for r in rows if r.month is not None] == [(-98, 10), (-97, 2)]
