"""Dates a fresh user's texts got wrong (round 5), as invented sentences of the same kinds: a
bracketed Western day after a lunar date, a year far from the rest of the text, a season or a
day-month followed by its own year, day-months without a trigger word, look-ahead."""

from __future__ import annotations

from date_rows import resolved, row_at


def test_bracketed_western_day_is_no_printed_year(eras, calendar) -> None:
    text = ("In the twentieth year of Wanli the fleet sailed. On the sixth day of the first "
            "month of the twenty-first year of Wanli (6 February 1593) the town fell.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the sixth day")
    assert (row.year, row.certainty) == (1593, "high")
    assert row.end == text.index("1593)") + len("1593)")
    assert row.date_start == "1593-02-06"
    assert not [w for w in warnings if w.code == "YEAR_FROM_PRINTED_YEAR"]
    assert not [r for r in rows if r.text.startswith("February")]  # the bracket is the row's


def test_bracket_year_gives_the_lunar_year_and_day(eras, calendar) -> None:
    text = "The envoys left on the thirteenth day of the fourth lunar month (23 May 1592)."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the thirteenth day")
    assert (row.year, row.month, row.day, row.date_start) == (1592, 4, 13, "1592-05-23")


def test_lunar_month_with_bracket_is_not_a_western_month(eras, calendar) -> None:
    text = ("On 4 June 1592 the army crossed the river. In the twentieth year of Wanli the king "
            "fled. On the seventeenth day of the seventh month (23 August 1592) the city fell. "
            "In the fourth month (18 May 1593) they went home.")
    rows, warnings = resolved(text, eras, calendar)
    assert row_at(rows, text, "the seventeenth day").date_start == "1592-08-23"
    row = row_at(rows, text, "the fourth month")
    assert (row.year, row.month, row.date_start) == (1593, 4, "1593-05-18")
    assert not [w for w in warnings if w.code == "WESTERN_MONTH_GUESSED"]


def test_bracket_a_day_off_the_tables_keeps_the_bracket_day(eras, calendar) -> None:
    text = ("In the twentieth year of Wanli the army left. On the eighteenth day of the twelfth "
            "month (21 January 1593) it snowed.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the eighteenth day")
    assert (row.year, row.date_start, row.certainty) == (1592, "1593-01-21", "medium")
    assert any(w.code == "GLOSS_DAY_TAKEN" for w in warnings)


def test_bracket_far_from_the_lunar_day_is_a_conflict(eras, calendar) -> None:
    text = ("In the twentieth year of Wanli the army left. On the tenth day of the fifth "
            "month (2 March 1592) it rained.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the tenth day")
    assert (row.year, row.month, row.day, row.certainty) == (1592, 5, 10, "low")
    assert any(w.code == "GLOSS_MONTH_CONFLICT" for w in warnings)


def test_western_year_far_from_the_text_is_low_and_not_running(eras, calendar) -> None:
    text = ("Under the Northern Song Dynasty, in 1120, the painter rose. Emperor Huizong Zhao "
            "Ji did nothing. (In October 2002, the ninth day), the rebels gathered. On the 22nd "
            "November the army came.")
    rows, warnings = resolved(text, eras, calendar)
    far = row_at(rows, text, "October 2002")
    # a lunar day after it: an era year garbled by machine translation, no year at all
    assert (far.year, far.date_start, far.certainty) == (None, None, "low")
    assert far.text == "October 2002, the ninth day"
    assert any(w.code == "WESTERN_YEAR_FAR" for w in warnings)
    assert row_at(rows, text, "the 22nd November").year == 1120


def test_far_modern_year_without_a_lunar_day_stays_low(eras, calendar) -> None:
    text = ("Under the Northern Song Dynasty, in 1120, the painter rose. Emperor Huizong Zhao "
            "Ji did nothing. His tomb was listed as a heritage site in October 1987.")
    rows, warnings = resolved(text, eras, calendar)
    far = row_at(rows, text, "October 1987")
    assert (far.year, far.certainty) == (1987, "low")
    assert any(w.code == "WESTERN_YEAR_FAR" for w in warnings)


def test_modern_year_in_a_modern_text_is_not_far(eras, calendar) -> None:
    text = ("The Qing court fell in 1912. The Xinhai Revolution is remembered in Wuhan, where a "
            "museum opened in October 2011.")
    rows, warnings = resolved(text, eras, calendar)
    assert row_at(rows, text, "October 2011").certainty == "high"
    assert not any(w.code == "WESTERN_YEAR_FAR" for w in warnings)


def test_far_year_needs_a_supported_printed_year(eras, calendar) -> None:
    text = "Emperor Huizong of Song was corrupt. In October 2002 the rebels gathered."
    rows, warnings = resolved(text, eras, calendar)
    assert not any(w.code == "WESTERN_YEAR_FAR" for w in warnings)


def test_season_followed_by_its_year(eras, calendar) -> None:
    text = "In 571 the duke rose. The old king died in summer 574. In winter 576 the army left."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "summer").year == 574
    assert row_at(rows, text, "winter").year == 576
    assert row_at(rows, text, "summer").text == "summer 574"


def test_season_before_a_count_keeps_no_year(eras, calendar) -> None:
    text = "In 571 the duke rose. In summer 300 soldiers deserted."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "summer").text == "summer"


def test_day_month_followed_by_ad_year(eras, calendar) -> None:
    text = "In AD 3 the regent ruled. The boy died on 7 March AD 4. (12 BC – 9 May AD 31)"
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "7 March")
    assert (row.text, row.year, row.month, row.day) == ("7 March AD 4", 4, 3, 7)
    assert not [r for r in rows if r.text == "AD 4"]
    assert row_at(rows, text, "9 May").text == "9 May AD 31"


def test_day_months_without_a_trigger_word(eras, calendar) -> None:
    text = ("In 1913 the plotters met. They set the rising for 4 November. The guards fled on "
            "the evening of 5 November. The anniversary, 5 November, is a holiday.")
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "4 November").date_start == "1913-11-04"
    assert row_at(rows, text, "5 November").date_start == "1913-11-05"
    assert not [r for r in rows if r.start == text.rindex("5 November")]


def test_day_month_dash_full_date_is_a_range(eras, calendar) -> None:
    text = "Campaign dates: 20 November – 2 February 1862."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "20 November")
    assert (row.date_start, row.date_end) == ("1861-11-20", "1862-02-02")


def test_season_before_a_dated_month_is_one_date(eras, calendar) -> None:
    text = "In the spring, the second month of the third year of Tonghe, the envoys came."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the spring")
    assert (row.year, row.month) == (985, 2)
    assert row.end > text.index("Tonghe")


def test_cycle_day_that_is_also_an_era_name(eras, calendar) -> None:
    text = ("In the fourth year of Tonghe the army marched. In the fourth month, on the day "
            "Gengzi, the court moved.")
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the fourth month")
    assert (row.year, row.month, row.day) == (986, 4, 2)


def test_first_day_takes_the_year_of_a_western_date_later_in_its_sentence(eras, calendar) -> None:
    text = "Third day of the fifth month (Jiawu), June 12, 1354, the rebels rose. Then they left."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "Third day")
    assert (row.year, row.month, row.day) == (1354, 5, 3)
