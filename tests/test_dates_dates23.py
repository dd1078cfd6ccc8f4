"""Date reading fixed after fresh report 17: a count after "about" and a participle, a day
printed with OCR letters, a glued infobox label, a Western day glossing a relative lunar date,
a Korean king's own reign count after a Chinese era."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at


@pytest.mark.parametrize("text", [
    "He reached Shenyang in 1637. About 500 accompanying subordinates lived there.",
    "In 1120 the war began. A force of 300 armed retainers held the pass.",
])
def test_a_count_before_a_participle_and_a_plural_is_no_year(text, eras, calendar) -> None:
    rows, _ = resolved(text, eras, calendar)
    assert [r.year for r in rows if r.year is not None and r.year < 1000] == []


def test_a_year_before_a_function_word_stays(eras, calendar) -> None:
    text = "In 1195 the steppe was quiet. About 1200 the Mongols rose."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "About 1200").year == 1200


@pytest.mark.parametrize(("text", "phrase", "month", "day"), [
    ("The fleet came on the 21st of April, 1661. It landed on the morning of the 3Oth of "
     "April.", "3Oth", 4, 30),
    ("The fleet came on April 21, 1661. On May l5th the fort fired.", "May l5th", 5, 15),
    ("The fleet came on 21 April 1661. On 2Ist June the fort fired.", "2Ist June", 6, 21),
])
def test_a_day_printed_with_ocr_letters_is_read_with_a_warning(text, phrase, month, day, eras,
                                                                calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, phrase)
    assert (row.year, row.month, row.day) == (1661, month, day)
    assert phrase in row.text and row.certainty != "high"  # the printed text is kept
    assert any(w.code == "OCR_NUMBER_GUESSED" for w in warnings)


def test_the_day_after_an_ocr_day_counts_from_it(eras, calendar) -> None:
    text = ("The fleet came on the 21st of April, 1661. It landed on the morning of the 3Oth of "
            "April. On the following day the captain marched out.")
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the following day")
    assert (row.month, row.day) == (5, 1)


@pytest.mark.parametrize("text", ["lOth of May", "On the lst of May"])  # no true digit: not read
def test_letters_alone_are_no_day(text, eras, calendar) -> None:
    rows, warnings = resolved("In 1661 the siege began. " + text + " it ended.", eras, calendar)
    assert not any(w.code == "OCR_NUMBER_GUESSED" for w in warnings)


def test_a_glued_infobox_label_keeps_the_range_start(eras, calendar) -> None:
    text = "Revolt of the Three Feudatories\nDateDecember 1673 – December 1681\nLocation China"
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "December 1673")
    assert (row.year, row.year_end, str(row.date_start)) == (1673, 1681, "1673-12-01")


def test_a_western_day_glosses_a_relative_lunar_date(eras, calendar) -> None:
    text = ("He came home in the 23rd year of King Injo (1645). On the 26th day of the 4th month "
            "of the same year (21 May 1645) the Crown Prince died.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the 26th day")
    assert (row.year, row.stated_year, str(row.date_start)) == (1645, 1645, "1645-05-21")
    assert row.certainty == "high"
    assert not any(w.code == "STATED_YEAR_CONFLICT" for w in warnings)


def test_a_korean_reign_count_goes_on_after_a_chinese_era(eras, calendar) -> None:
    text = ("The Year Gapsin (1644) was hard. In the 22nd year of King Injo (1644), the Qing took "
            "Beijing. In the 3rd month the prince left. In the 24th year of King Injo (1646) he "
            "was exiled. In the 25th year (1647) he died. In the 26th year he wept.")
    rows, warnings = resolved(text, eras, calendar)
    assert row_at(rows, text, "the 3rd month").era is None  # not the stale Shunzhi
    assert (row_at(rows, text, "the 25th year").year,
            row_at(rows, text, "the 25th year").certainty) == (1647, "high")
    assert row_at(rows, text, "the 26th year").year == 1648
    assert not any(w.code in ("ERA_CHANGED_SILENTLY", "NO_RUNNING_ERA") for w in warnings)


@pytest.mark.parametrize(("text", "span"), [
    ("Annals of the Three Kingdoms for the years 201 to 220 AD. Cao Cao went north.",
     (201, 220)),
    ("Annals for the years 201-220. Cao Cao went north.", (201, 220)),
    ("Between the years 1127 and 1130 the Jin raided the south.", (1127, 1130)),
])
def test_the_years_n_to_m_is_a_range(text, span, eras, calendar) -> None:
    rows, _ = resolved(text, eras, calendar)
    assert [(r.year, r.year_end) for r in rows] == [span]


def test_numbers_after_years_that_are_no_years_stay_unread(eras, calendar) -> None:
    rows, _ = resolved("The walls stood for years 20 to 30 feet high.", eras, calendar)
    assert rows == []


def test_an_ordinal_printed_with_ocr_letters_before_year_or_day_is_read(eras, calendar) -> None:
    text = ("In the 2Oth year of Kangxi (1681) the war ended. On the l5th day of the 3rd month "
            "he left.")
    rows, warnings = resolved(text, eras, calendar)
    year, day = row_at(rows, text, "the 2Oth"), row_at(rows, text, "the l5th")
    assert (year.year, year.era_year, year.certainty) == (1681, 20, "medium")
    assert (day.month, day.day) == (3, 15)
    assert sum(w.code == "OCR_NUMBER_GUESSED" for w in warnings) == 2
