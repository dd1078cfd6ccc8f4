"""Date grammar found lost on unseen texts: a cycle day right before its clause's subject,
a Western day range of one month, and a dynasty alias used as an adjective or a language
label (pipeline.dates.grammar, pipeline.dates.phrases, pipeline.dates.periods)."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable


def test_cycle_day_before_a_name_is_read(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In the third month of the second year of Zhenguan the army set out. "
            "On the jiazi day Wang Gui reached the river. On the bingyin day, he crossed it.")
    rows, _ = resolved(text, eras, calendar)
    first = row_at(rows, text, "the jiazi day")
    second = row_at(rows, text, "the bingyin day")
    assert first.kind == second.kind == "day"
    assert first.year == second.year == 628 and first.month == second.month == 3
    assert second.day - first.day == 2  # jiazi (1) and bingyin (3) are two days apart
    # a common word after "On the ... day" is not a cycle day
    rows, _ = resolved("On the second day Wang Gui rode out. On the next day he rested.",
                       eras, calendar)
    assert not any("day Wang" in r.text for r in rows)


def test_western_day_range_of_one_month(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "The battle took place on November 26–27, 1161, on the river. It ended on May 4-9, 1200."
    rows, _ = resolved(text, eras, calendar)
    nov = row_at(rows, text, "November 26–27, 1161")
    assert (nov.kind, nov.year, nov.month, nov.day) == ("range", 1161, 11, 26)
    assert nov.year_end is None
    assert (nov.julian_start, nov.julian_end) == ("1161-11-26", "1161-11-27")
    may = row_at(rows, text, "May 4-9, 1200")
    assert (may.julian_start, may.julian_end) == ("1200-05-04", "1200-05-09")
    # a second day not after the first is no range
    text = "It ended on May 9-4, 1200."
    rows, _ = resolved(text, eras, calendar)
    assert not any(r.kind == "range" and r.text.startswith("May 9") for r in rows)


def test_dynasty_alias_as_adjective_or_language_label_is_no_period(
        eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("  • Japanese: 応永の外寇 (Oei no gaiko)\n\n"
            "In 1419 the fleet sailed, as told in the Japanese and Korean sources.\n"
            "In the Ming and Qing the town grew.\n- Han dynasty: a walled town was built.\n")
    rows, _ = resolved(text, eras, calendar)
    periods = [r.text for r in rows if r.kind == "period"]
    assert not any("Japanese" in t for t in periods)
    assert "Ming and Qing" in periods and "Han dynasty" in periods


def test_year_slash_month_is_the_year_not_a_span(eras: EraTable,
                                                 calendar: LunarCalendar) -> None:
    text = "In 1396/12 the envoy left. The register of 1101/02 was copied. In 1418/8 he died."
    rows, _ = resolved(text, eras, calendar)
    ym = row_at(rows, text, "1396/12")
    assert (ym.kind, ym.year, ym.year_end, ym.month) == ("gregorian", 1396, None, None)
    dual = row_at(rows, text, "1101/02")  # a year over two Western years stays a span
    assert (dual.kind, dual.year, dual.year_end) == ("range", 1101, 1102)
    assert row_at(rows, text, "1418/8").year == 1418
