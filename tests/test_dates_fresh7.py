"""Fresh report 7: dates of machine-translated annals (season and month, cycle days opening a
clause), Vietnamese Tết days and can-chi years, habitual dates, era jumps, OCR-garbled era
names, bare days, era labels after a mid-year change and a dynasty's period span."""

from __future__ import annotations

from date_rows import resolved, row_at


def test_season_and_month_is_one_date(eras, calendar) -> None:
    text = ("In the winter and October of the third year of Huangchu, Cao Pi went south. "
            "In the spring and February, the army returned. In the summer and October, rain.")
    rows, _ = resolved(text, eras, calendar)
    head = row_at(rows, text, "the winter and October")
    assert (head.year, head.month, head.season) == (222, 10, "winter")
    spring = row_at(rows, text, "the spring and February")
    assert (spring.year, spring.month, spring.season) == (223, 2, "spring")
    assert not any(r.text.startswith("the summer and October") for r in rows)  # they disagree


def test_cycle_day_opening_a_clause_is_a_day_of_the_running_month(eras, calendar) -> None:
    text = ("In the third month of the second year of Yuanyou, the court met. Jiazi, the "
            "emperor went hunting at the western park.")
    rows, warnings = resolved(text, eras, calendar)
    day = row_at(rows, text, "Jiazi")
    assert (day.year, day.month, day.day, day.certainty) == (1087, 3, 12, "medium")
    assert any(w.code == "CYCLE_DAY_READ" for w in warnings)


def test_cycle_day_without_month_or_written_as_a_name_is_no_date(eras, calendar) -> None:
    text = "In 1120 the rebels rose. Bingwu, the army marched."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "Bingwu").year is None
    text = ("In the fifth month of the fifth year of Tianxi, the court met. Ding Wei, the "
            "chancellor, spoke. Later Ding Wei was exiled.")
    rows, _ = resolved(text, eras, calendar)
    assert not any(r.text == "Ding Wei" for r in rows)


def test_recurring_lunar_day_has_no_year(eras, calendar) -> None:
    text = ("The king died in 1802. Each year, on the 10th day of the third lunar month, the "
            "villagers hold a rite at his temple.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the 10th day")
    assert (row.year, row.month, row.day) == (None, 3, 10)
    assert any(w.code == "ANNUAL_DATE" for w in warnings)
    text = "In 1120, on the fifteenth day of the first month, at the Lantern Festival, they rose."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the fifteenth day").year == 1120  # one festival, not a habit


def test_tet_days_and_can_chi_years(eras, calendar) -> None:
    text = ("The Tay Son army marched in the spring of Canh Tuat, 1790. On the 2nd of Tet "
            "(February 15, 1790) they crossed the pass. On the 4th day of Tet they took the "
            "fort.")
    rows, _ = resolved(text, eras, calendar)
    spring = row_at(rows, text, "the spring of Canh Tuat")
    assert (spring.year, spring.season, spring.certainty) == (1790, "spring", "high")
    tet = row_at(rows, text, "the 2nd of Tet")
    assert (tet.year, tet.month, tet.day, tet.date_start) == (1790, 1, 2, "1790-02-15")
    assert (row_at(rows, text, "the 4th day of Tet").month,
            row_at(rows, text, "the 4th day of Tet").day) == (1, 4)


def test_tet_eve_is_the_last_day_of_the_twelfth_month(eras, calendar) -> None:
    text = "In the 11th month of 1788 the Qing came. On the 30 Tet the armies crossed the river."
    rows, _ = resolved(text, eras, calendar)
    eve = row_at(rows, text, "the 30 Tet")
    assert (eve.year, eve.month, eve.day) == (1788, 12, 30)


def test_era_far_from_the_narrative_is_no_year(eras, calendar) -> None:
    text = ("In the first year of Qiande (963) the army went west. In the fourth month of the "
            "third year of Wanli, the general returned. In the fifth year of Qiande (967) "
            "the court moved.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the fourth month of the third year of Wanli")
    assert row.year is None and row.certainty == "low"
    assert any(w.code == "ERA_FAR_FROM_NARRATIVE" for w in warnings)


def test_era_one_letter_off_the_running_dynasty(eras, calendar) -> None:
    text = ("In the first year of Qiande (963) the army went west. In the third year of "
            "Qiandi, the general returned.")
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the third year of Qiandi")
    assert (row.era, row.year, row.certainty) == ("Qiande", 965, "medium")


def test_era_named_with_its_dynasty_may_be_far(eras, calendar) -> None:
    text = ("In the first year of Qiande (963) the army went west. The Tang had ruled well "
            "in the third year of Zhenguan under Taizong of Tang.")
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the third year of Zhenguan").year == 629


def test_ocr_asterisk_for_an_apostrophe_in_an_era_name(eras, calendar) -> None:
    text = "In the 3rd moon of the 5th year of Hsien*feng (1855) the rebels took the city."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the 3rd moon")
    assert (row.era, row.year, row.month) == ("Xianfeng", 1855, 3)


def test_day_without_the_word_day(eras, calendar) -> None:
    text = ("The court fled in 1126. On the night of the 9th of the 2nd moon of 1127 the "
            "city fell. Report (3rd day, 5th month, 1st year of Jianyan) of the enthronement.")
    rows, _ = resolved(text, eras, calendar)
    night = row_at(rows, text, "the 9th of the 2nd moon")
    assert (night.year, night.month, night.day) == (1127, 2, 9)
    report = row_at(rows, text, "3rd day, 5th month")
    assert (report.era, report.year, report.month, report.day) == ("Jianyan", 1127, 5, 3)


def test_era_label_follows_a_change_within_the_year(eras, calendar) -> None:
    text = "The Song court fled south in 1276. In the sixth month of 1278 a boy was enthroned."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the sixth month of 1278")
    assert (row.era, row.era_year, row.year) == ("Xiangxing", 1, 1278)


def test_dynasty_period_ends_with_its_own_reigns(eras, calendar) -> None:
    text = "Under the Ming dynasty the wall was rebuilt."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "Ming dynasty")
    assert (row.year, row.year_end) == (1368, 1644)


def test_undated_time_clause_after_the_year_makes_that_year_unsure(eras, calendar) -> None:
    text = ("A native of Soochow, who took his degree in 1535 and was governor of the province "
            "when the pirates burned the coast. In the alarm that followed he raised troops. "
            "In the 4th moon of that year the pirates withdrew.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the 4th moon of that year")
    assert row.certainty == "low"
    assert any(w.code == "RUNNING_DATE_UNSURE" for w in warnings)
    text = "In 1535, when he was twenty, he took his degree. In the 4th moon of that year he wed."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the 4th moon of that year").certainty == "high"
