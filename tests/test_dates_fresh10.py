"""Fresh report 10, date classes: a Western day in brackets after a bare cycle day, the winter of
a Western-numbered year under the Qin calendar, OCR letters in three-digit years, year-first
Western dates and card span lines, weekday-led page time stamps, a bracketed cycle year with
its CE year after an era date, and a state's own year count with a printed year. Short invented
inputs in the styles of real pages (not the report's sentences)."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at

from pipeline.calendar import jdn_to_julian
from pipeline.dates.days import day_cycle

ANNALS = "The Third Year of Taihe (The Wuchen Year, 368 AD)\n\nIn summer, the fourth month, "


def _julian(row) -> tuple[str | None, str | None]:
    return row.julian_start, row.julian_end


def test_bare_cycle_day_takes_its_western_gloss_not_a_lunar_month(eras, calendar) -> None:
    # Julian 8 July 368 is cycle day 29 (renchen): the month is taken from that day, not the
    # running fourth month (whose renchen day is 9 May)
    text = (ANNALS + "the army camped at Xuchang. On the day Renchen (July 8th), Murong Ke "
            "crossed the river. Later the court wept.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the day Renchen")
    assert row.text == "the day Renchen (July 8th)"
    assert (row.year, row.day is not None, row.certainty) == (368, True, "high")
    assert _julian(row) == ("0368-07-08", "0368-07-08")
    assert not any(r.text.startswith("July 8th") for r in rows)  # no row of its own
    assert not any(w.code == "WESTERN_MONTH_NAME_AS_LUNAR" for w in warnings)


def test_cycle_day_gloss_that_disagrees_keeps_the_running_month_and_warns(eras,
                                                                          calendar) -> None:
    text = ANNALS + "the army camped. On the day Renchen (June 25th), the envoys arrived."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the day Renchen")
    assert row.certainty == "low"
    assert any(w.code == "GLOSS_MONTH_CONFLICT" for w in warnings)


def test_cycle_day_gloss_with_its_year(eras, calendar) -> None:
    text = ANNALS + "the army camped. On the day Renchen (8 July 368), Murong Ke crossed over."
    rows, _ = resolved(text, eras, calendar)
    assert _julian(row_at(rows, text, "the day Renchen")) == ("0368-07-08", "0368-07-08")


def test_cycle_check_of_the_fixture_day() -> None:
    from pipeline.calendar import julian_to_jdn
    assert day_cycle(julian_to_jdn(368, 7, 8)) == 29  # renchen
    assert day_cycle(julian_to_jdn(368, 5, 9)) == 29
    assert jdn_to_julian(julian_to_jdn(368, 7, 8)) == "0368-07-08"


def test_winter_of_a_western_year_under_the_qin_calendar(eras, calendar) -> None:
    text = ("In August 207 BC Zhao Gao forced the Second Emperor to kill himself. "
            "Ziying surrendered to Liu Bang in the winter of 207 BC.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the winter of 207 BC")
    assert row.year == -206 and row.certainty == "medium"
    # the winter that begins in 207 BC (Nov 207 - Jan/Feb 206 BC), not the Qin year's first
    # months (Nov 208 - Feb 207 BC)
    assert row.julian_start.startswith("-0206-1") and row.julian_end.startswith("-0205-0")
    assert any(w.code == "WESTERN_YEAR_SEASON" for w in warnings)


def test_winter_of_a_western_year_after_the_taichu_reform_unchanged(eras, calendar) -> None:
    text = "In the winter of 1127 the Jin armies crossed the Yellow River."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the winter of 1127")
    assert row.year == 1127 and row.certainty == "high"
    assert row.julian_start.startswith("1127-1")
    assert not any(w.code == "WESTERN_YEAR_SEASON" for w in warnings)


@pytest.mark.parametrize(("text", "token", "year"), [
    ("In 755 An Lushan rose at Fanyang. In 7S6 he proclaimed himself emperor.", "7S6", 756),
    ("In 616 he joined the bandits. In 6l8 he was defeated near Luoyang.", "6l8", 618),
])
def test_ocr_letter_in_a_three_digit_year(text, token, year, eras, calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, token)
    assert (row.year, row.certainty) == (year, "low")
    assert any(w.code == "OCR_YEAR_GUESSED" for w in warnings)


def test_digit_led_token_that_reads_as_no_year_is_silent(eras, calendar) -> None:
    text = "In 616 he joined the bandits. In 4WD country the roads were bad."
    rows, warnings = resolved(text, eras, calendar)
    assert [r.text for r in rows] == ["616"]
    assert not any(w.code == "DATE_NOT_READ" for w in warnings)


def test_year_first_range_lines_of_a_card(eras, calendar) -> None:
    text = ("Siege of Xiangyang\n1268 Oct 3 - 1273 Mar 14\n\nThe Mongols began the siege.\n\n"
            "Relief convoy\n1272 Jun 5 - Jul 20\n\nZhang Shun broke through with supplies.\n")
    rows, _ = resolved(text, eras, calendar)
    whole = row_at(rows, text, "1268 Oct 3")
    assert (whole.year, whole.year_end, whole.kind) == (1268, 1273, "aside")
    assert _julian(whole) == ("1268-10-03", "1273-03-14")
    convoy = row_at(rows, text, "1272 Jun 5")
    assert (convoy.year, convoy.year_end) == (1272, None)
    assert _julian(convoy) == ("1272-06-05", "1272-07-20")


def test_year_first_date_in_prose(eras, calendar) -> None:
    text = "The fleet sailed 1281 Aug 15 and was wrecked by the storm."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "1281 Aug 15")
    assert (row.year, row.month, row.day, row.kind) == (1281, 8, 15, "gregorian")


def test_weekday_led_time_stamp_is_flagged_without_named_periods(eras, calendar) -> None:
    text = ("In 1592 the Japanese landed at Busan. In 1598 they withdrew.\n\n"
            "Posted: Tue Oct 3 2023\n")
    rows, warnings = resolved(text, eras, calendar)
    stamp = row_at(rows, text, "Oct 3 2023")
    assert (stamp.year, stamp.certainty) == (2023, "low")
    assert any(w.code == "WESTERN_YEAR_FAR" for w in warnings)


def test_weekday_in_the_narrative_is_no_time_stamp(eras, calendar) -> None:
    text = "On Wednesday, 10 October 1911, the Wuchang garrison rose. In 1912 the Qing fell."
    rows, warnings = resolved(text, eras, calendar)
    assert row_at(rows, text, "10 October 1911").certainty == "high"
    assert not any(w.code == "WESTERN_YEAR_FAR" for w in warnings)


def test_bracketed_cycle_year_and_ce_year_choose_the_era(eras, calendar) -> None:
    text = "The First Year of Taihe (The Bingyin Year, 366 AD)\n\nIn spring, Huan Wen marched."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "The First Year of Taihe")
    assert (row.year, row.dynasty, row.certainty) == (366, "Eastern Jin", "high")
    assert row.stated_year == 366
    assert not any(w.code.startswith("ERA_CHOSEN") for w in warnings)


def test_homonymous_eras_giving_the_printed_year_are_certain(eras, calendar) -> None:
    # Xian'an 2 is 372 for Eastern Jin and for Former Liang alike
    text = "The Second Year of Xian'an (The Renshen Year, 372 AD)\n\nIn autumn, the emperor died."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "The Second Year of Xian'an")
    assert (row.year, row.certainty) == (372, "high")
    assert not any(w.code == "ERA_CHOSEN_BY_DEFAULT" for w in warnings)


def test_state_own_year_count_with_printed_year(eras, calendar) -> None:
    text = ("In the sixth month of Zhizheng twenty-seven years (1367), the siege went on. "
            "In the third month of the first year of Wu (1367), the army set out north.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the third month of the first year of Wu")
    assert row.text.endswith("(1367)")
    assert (row.year, row.month) == (1367, 3)
    assert not any(w.code == "ERA_YEAR_OUT_OF_RANGE" for w in warnings)
    assert not any(r.text == "(1367)" and r.start > row.start for r in rows)


def test_winter_month_of_a_western_year_under_the_qin_calendar(eras, calendar) -> None:
    text = ("In 207 BC Ziying became king. In the tenth month of 207 BC Liu Bang reached "
            "Bashang, and in the second month of 206 BC he marched west.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the tenth month of 207 BC")
    assert (row.year, row.month, row.certainty) == (-206, 10, "medium")
    assert row.julian_start.startswith("-0206-1")  # autumn 207 BC, not Nov 208 BC
    assert any(w.code == "WESTERN_YEAR_SEASON" for w in warnings)
    spring = row_at(rows, text, "the second month of 206 BC")
    assert spring.julian_start.startswith("-0205-0") and spring.certainty == "high"
