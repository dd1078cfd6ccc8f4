"""The month-order rule ("a month far before the running month is the next year") follows the
order of the running Chinese year in sanmiao's month table: before the Taichu reform (104 BCE)
the Han year opened with months 10-12, so "In winter ... in the first month of spring" is one
year, not two. Invented sentences in the style of translated annals."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(("era", "expected"), [
    ("the third year of Yuanshuo", [(-125, 10), (-125, 2)]),  # before Taichu: one year
    ("the second year of Tianhan", [(-98, 10), (-97, 2)]),  # after it: the next year
])
def test_first_month_after_winter(era: str, expected: list[tuple[int, int]],
                                  eras: EraTable, calendar: LunarCalendar) -> None:
    text = (f"In {era}, in the tenth month, Yelang sent envoys. "
            "In the second month of spring the Emperor pardoned the prisoners.")
    rows, _ = _rows(text, eras, calendar)
    assert [(r.year, r.month) for r in rows if r.month is not None] == expected
