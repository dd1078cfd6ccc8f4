"""A printed Western year outranks a reign reading; a gloss "(of 181 BC)" is the date's printed
year, not a new running date; a regnant empress's title names her reign (ruler_names.csv);
dynasties named as a pair are one period (pipeline.dates.grammar CE, .reigns, .periods)."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable
from pipeline.rulers import load_ruler_table

_HEAD = ("The Eighth Year of Empress Gao's Reign (The Xinyou Year, 180 BC)\n\n"
         "In winter, the tenth month (of 181 BC), the Empress Dowager made Lu Tong king. "
         "In the third month, she fell ill. In the intercalary ninth month, the King of Dai "
         "arrived.")


def test_gloss_with_of_is_the_months_printed_year(eras: EraTable,
                                                  calendar: LunarCalendar) -> None:
    rows, warnings = resolved(_HEAD, eras, calendar)
    tenth = row_at(rows, _HEAD, "the tenth month")
    assert tenth.text == "the tenth month (of 181 BC)"
    assert (tenth.year, tenth.stated_year, tenth.conflict) == (-179, -180, False)
    assert row_at(rows, _HEAD, "the third month").year == -179  # the heading's year stays
    leap = row_at(rows, _HEAD, "the intercalary ninth month")
    assert (leap.year, leap.leap_month, leap.julian_start) == (-179, True, "-0179-10-17")
    assert not any(w.code == "LEAP_MONTH_NOT_FOUND" for w in warnings)
    assert not any(r.kind == "gregorian" for r in rows)  # no row (and running date) of its own


def test_gloss_lead_needs_a_year(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "In 1126 the city fell. In the fifth month (of 300 men), he left."
    rows, _ = resolved(text, eras, calendar)
    fifth = row_at(rows, text, "the fifth month")
    assert (fifth.text, fifth.year, fifth.stated_year) == ("the fifth month", 1126, None)


def test_empress_title_names_the_regnant_empress(eras: EraTable,
                                                 calendar: LunarCalendar) -> None:
    rows, warnings = resolved(_HEAD, eras, calendar)
    head = row_at(rows, _HEAD, "The Eighth Year")
    assert head.text == "The Eighth Year of Empress Gao's Reign"
    assert (head.year, head.stated_year, head.conflict) == (-179, -179, False)
    assert "Empress Lü" in head.basis
    assert not any(w.code in ("RULER_CHOSEN_BY_DEFAULT", "CYCLE_YEAR_MISMATCH") for w in warnings)
    # the emperor's title keeps the emperor: "Emperor Gao" is Gaozu, year 5 = 202 BC
    text = "In the fifth year of Emperor Gao, he took the throne."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the fifth year").year == -201
    names = {r.canonical for r in load_ruler_table().find("Empress Gao")}
    assert names == {"Empress Lü"} and load_ruler_table().find("Gao")  # bare "Gao" unchanged


def test_printed_year_outranks_a_reign_reading_with_a_warning(eras: EraTable,
                                                              calendar: LunarCalendar) -> None:
    # a reign year of a ruler read wrongly (here year 8 of Gaozu = 199 BC) against the year the
    # heading prints: the printed year wins and the conflict is said
    text = "The Eighth Year of Emperor Gao's Reign (The Xinyou Year, 180 BC)\n\nIn spring, he died."
    rows, warnings = resolved(text, eras, calendar)
    head = row_at(rows, text, "The Eighth Year")
    assert (head.year, head.conflict) == (-179, True) and head.certainty != "high"
    assert any(w.code == "YEAR_FROM_PRINTED_YEAR" for w in warnings)
    assert row_at(rows, text, "spring").year == -179


def test_dynasty_pair_is_one_period(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("During the Qin and Han Dynasties, the Xiongnu grew strong. During the Sui and "
            "Tang dynasties, Buddhism flourished. Under the Ming and Qing dynasties, trade "
            "grew. During the Qin dynasty, the wall was built.")
    rows, _ = resolved(text, eras, calendar)
    got = [(r.text, r.year, r.year_end, r.certainty) for r in rows if r.kind == "period"]
    assert got == [("Qin and Han Dynasties", -220, 220, "low"),
                   ("Sui and Tang dynasties", 581, 907, "low"),
                   ("Ming and Qing dynasties", 1368, 1912, "low"),
                   ("Qin dynasty", -220, -206, "low")]


def test_pair_readings_are_neighbours_and_fourth_century_qin(eras: EraTable,
                                                             calendar: LunarCalendar) -> None:
    text = ("During the Wei and Jin dynasties, metaphysics flourished. In the Han and Tang "
            "dynasties, the Silk Road flourished.")
    rows, _ = resolved(text, eras, calendar)
    got = [(r.text, r.year, r.year_end) for r in rows if r.kind == "period"]
    # the Jin of 265-420 beside the Wei (not the Jurchen Jin); Tang itself, not Later Tang
    assert got == [("Wei and Jin dynasties", 220, 420), ("Han and Tang dynasties", -205, 907)]
    text = "In 385 Yao Chang rebelled. During the Qin, Fu Jian ruled."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "Qin").year == 351  # the Former Qin, by the text's years


def test_reign_years_before_era_names_need_no_warning(eras: EraTable,
                                                      calendar: LunarCalendar) -> None:
    text = "In the fifth year of Emperor Gaozu (202 BC), he took the throne."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the fifth year")
    assert (row.year, row.certainty) == (-201, "high")
    assert not any(w.code == "REIGN_YEAR_WITHOUT_ERA" for w in warnings)


def test_leap_month_not_found_names_the_neighbour_year(eras: EraTable,
                                                       calendar: LunarCalendar) -> None:
    text = "In 181 BC the court was quiet. In the intercalary ninth month, the King arrived."
    _rows, warnings = resolved(text, eras, calendar)
    leap = [w for w in warnings if w.code == "LEAP_MONTH_NOT_FOUND"]
    assert leap and "-179 has one" in leap[0].message


def test_sillok_citation_ruler_before_the_year(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("King Injo surrendered. 10) Joseon Wangjo Sillok, Injo 15th year, 1st month, 30th "
            "day entry.")
    rows, _ = resolved(text, eras, calendar)
    reign = row_at(rows, text, "Injo 15th year")
    assert (reign.kind, reign.year) == ("reign", 1637)
    day = row_at(rows, text, "1st month, 30th day")
    assert (day.year, day.julian_start) == (1637, "1637-02-14")  # 24 Feb 1637 Gregorian
    # a short name never written after a title is not taken for a ruler
    text = "Sillok, Injo 15th year, 1st month."
    rows, _ = resolved(text, eras, calendar)
    assert not any(r.kind == "reign" for r in rows)


def test_on_the_nth_day_before_its_clause(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In the 12th month of 1636 the court moved. On the 16th day the vanguard "
            "surrounded the fortress. On the 17th day of fighting they fled.")
    rows, _ = resolved(text, eras, calendar)
    day = row_at(rows, text, "the 16th day")
    assert (day.year, day.month, day.day, day.julian_start) == (1636, 12, 16, "1637-01-01")
    assert not any("17th" in r.text for r in rows)  # a count of days, no date
