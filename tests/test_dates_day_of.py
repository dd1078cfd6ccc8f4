"""A cycle day written before its month, joined by "of" ("the day dingmao of the third month
of Taiqing 3"): one date, as "the dingmao day of the third month" is (pipeline.dates.backward)."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable


def test_day_first_reads_as_day_after(eras: EraTable, calendar: LunarCalendar) -> None:
    base = "In the third year of Taiqing the city held out. "
    for day in ("jiachen", "bingwu", "wuwu"):
        a = base + f"On the day {day} of the fourth month, the walls fell."
        b = base + f"On the {day} day of the fourth month, the walls fell."
        ra = row_at(resolved(a, eras, calendar)[0], a, "the day")
        rb = row_at(resolved(b, eras, calendar)[0], b, f"the {day}")
        assert ra.text == f"the day {day} of the fourth month"
        assert (ra.year, ra.month, ra.day, ra.date_start) == (rb.year, rb.month, rb.day,
                                                              rb.date_start)
        assert ra.month == 4


def test_day_of_is_not_joined_across_words(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "In 1130, on the day jiazi, the king of the fourth month festival left."
    rows, _ = resolved(text, eras, calendar)
    assert not any(r.text.startswith("the day jiazi of") for r in rows)
