"""Fresh report 6: lunar months called "moons" in older translations (Legge, Giles)."""

from __future__ import annotations

from date_rows import resolved, row_at


def test_moon_is_a_lunar_month(eras, calendar) -> None:
    text = ("In the second year of Taikang the envoys came in the third moon. On the fifteenth "
            "day of the eighth moon the court feasted, and in the eleventh moon of the first year "
            "of Yongxing the prince fled.")
    rows, _ = resolved(text, eras, calendar)
    assert (row_at(rows, text, "the third moon").month,
            row_at(rows, text, "the third moon").year) == (3, 281)
    day = row_at(rows, text, "the fifteenth day of the eighth moon")
    assert (day.month, day.day, day.year) == (8, 15, 281)
    row = row_at(rows, text, "the eleventh moon")
    assert (row.month, row.year, row.era) == (11, 304, "Yongxing")


def test_moon_without_a_number_is_no_month(eras, calendar) -> None:
    text = "In 1120 the army camped under the full moon; the first moonlight fell on the river."
    rows, _ = resolved(text, eras, calendar)
    assert [r.text for r in rows] == ["1120"]


def test_era_named_after_a_rulers_possessive_is_the_era(eras, calendar) -> None:
    text = "The 6th year of Emperor Wu's Yuanguang Era (129 B.C.)\nThe Xiongnu raided Shanggu."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "The 6th year")
    assert (row.era, row.year, row.conflict, row.certainty) == ("Yuanguang", -128, False, "high")
    assert len(rows) == 1  # the printed year is the row's, not a row of its own


def test_rulers_possessive_chooses_among_same_named_eras(eras, calendar) -> None:
    text = "In the third year of Emperor Taizong's Zhenguan era, Li Jing marched north."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the third year")
    assert (row.era, row.year, row.certainty) == ("Zhenguan", 629, "high")


def test_printed_year_against_the_possessive_era_is_a_conflict(eras, calendar) -> None:
    text = "The 2nd year of Emperor Wu's Yuanshou Era (138 B.C.)\nHuo Qubing marched west."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "The 2nd year")
    assert row.conflict and row.certainty != "high"
    assert any(w.code == "YEAR_FROM_PRINTED_YEAR" for w in warnings)


def test_misprinted_year_does_not_override_the_era_the_context_supports(eras, calendar) -> None:
    text = ("Sima Liang died in 291. In the first year of Yongkang (A.D. 800) Sima Lun put the "
            "Empress to death. Early in the following year he seized the throne.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the first year of Yongkang")
    assert (row.era, row.year, row.conflict, row.certainty) == ("Yongkang", 300, True, "medium")
    assert any(w.code == "PRINTED_YEAR_MISREAD" for w in warnings)
    assert row_at(rows, text, "the following year").year == 301


def test_printed_year_that_fits_or_has_no_support_is_kept(eras, calendar) -> None:
    text = "Sima Liang died in 291. In the first year of Yongkang (A.D. 300) Sima Lun struck."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the first year of Yongkang")
    assert (row.year, row.conflict, row.certainty) == (300, False, "high")
    # no context for the era: the printed year wins as before (a misnamed era is as likely)
    text = "In the first year of Yongkang (A.D. 800) Sima Lun struck."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the first year of Yongkang").year == 800
    # two digits off every Tianhui: the printed year, not a misprint
    text = "The Jin took Bianjing in 1127. In the second year of Tianhui (925) the army marched."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "the second year of Tianhui").year == 925


def test_holiday_date_takes_no_running_year(eras, calendar) -> None:
    text = ("The town was renamed in 1998. Avoid the Dragon Boat holiday (June 22), when the "
            "lake is crowded. On May 3 the museum closed.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "June 22")
    assert (row.year, row.month, row.day, row.certainty) == (None, 6, 22, "low")
    assert any(w.code == "ANNUAL_DATE" for w in warnings)
    assert row_at(rows, text, "May 3").year == 1998  # no cue in its sentence: as before


def test_festival_with_its_own_year_keeps_it(eras, calendar) -> None:
    text = "The festival of June 22, 1998 drew crowds."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "June 22").year == 1998


def test_fall_of_a_name_is_no_season(eras, calendar) -> None:
    text = "On the fall of Yang Jun in 291 he returned. In the fall, the army left."
    rows, _ = resolved(text, eras, calendar)
    assert [r.text for r in rows] == ["291", "the fall"]
    assert row_at(rows, text, "the fall, the").season == "autumn"


def test_day_set_off_by_a_comma_after_a_dated_phrase(eras, calendar) -> None:
    text = "In the fourth year of Jiajing (1525), May 3rd, he was born in Jiangling."
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "May 3rd")
    assert (row.year, row.month, row.day) == (1525, 5, 3)
    assert row.certainty != "high"  # an English month name after an era date: lunar, warned


def test_reign_year_before_an_unread_era_takes_the_printed_year(eras, calendar) -> None:
    text = "The 2nd year of Emperor Wu's Yuangwang Era (133 B.C.)\nThe Xiongnu attacked."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "The 2nd year")
    assert (row.year, row.conflict, row.certainty) == (-132, True, "medium")
    assert len(rows) == 1
    text = "The 2nd year of Emperor Wu's Yuangwang Era (139 B.C.)\nThe Xiongnu attacked."
    rows, _ = resolved(text, eras, calendar)
    assert (rows[0].year, rows[0].conflict) == (-138, False)
