"""fresh report 14: the OCR year "l856" after a Western month name, "More than one hundred
years later" (a bound, not an exact year) and "the first month of AD 43" (no unknown era "AD").
Invented sentences in the style of old books' OCR, encyclopedias and translations."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at


def _codes(warnings) -> set[str]:
    return {w.code for w in warnings}


@pytest.mark.parametrize(("text", "phrase", "month", "day"), [
    ("The junk lay off the river forts on the morning of March 3, l842, when the guns opened.",
     "March 3, l842", 3, 3),
    ("On 14 June l842 the fleet entered the river.", "14 June l842", 6, 14),
    ("The envoy reached Tientsin in August I842 and was received.", "August I842", 8, None),
])
def test_garbled_year_after_a_western_month_is_read_low(text, phrase, month, day, eras,
                                                         calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, phrase)
    assert (row.year, row.month, row.day, row.certainty) == (1842, month, day, "low")
    assert "OCR_YEAR_GUESSED" in _codes(warnings)
    assert "NO_RUNNING_DATE" not in _codes(warnings)


def test_garbled_year_after_a_month_moves_the_running_date(eras, calendar) -> None:
    text = ("The forts were shelled on May 20, l858. On the next day (May 21) the boats went up "
            "the river.")
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "May 21").year == 1858


@pytest.mark.parametrize("text", [
    "He came on May 4, Ilse said, and left.",  # a name, not a year
    "In 1850 the war began. On May 4, IOU notes were paid.",
])
def test_words_after_a_month_are_no_years(text, eras, calendar) -> None:
    _, warnings = resolved(text, eras, calendar)
    assert "OCR_YEAR_GUESSED" not in _codes(warnings)


def test_garbled_year_after_in_needs_no_running_date_when_only_l(eras, calendar) -> None:
    text = "In l860 the allies took the forts."
    rows, warnings = resolved(text, eras, calendar)
    assert (row_at(rows, text, "l860").year, row_at(rows, text, "l860").certainty) == (1860, "low")
    assert "OCR_YEAR_GUESSED" in _codes(warnings)


@pytest.mark.parametrize(("text", "phrase", "year"), [
    ("In 1644 the city fell. More than one hundred years later, the court rehabilitated him.",
     "More than one hundred years later", 1744),
    ("In 1100 the monastery was built. Nearly forty years later it burned.",
     "Nearly forty years later", 1140),
    ("In 220 the dynasty ended. Over thirty years later the last prince died.",
     "Over thirty years later", 250),
])
def test_bounded_counts_of_years_are_low_and_warned(text, phrase, year, eras, calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, phrase)
    assert (row.year, row.certainty) == (year, "low")
    assert row.text.lower().startswith(phrase.split()[0].lower())
    assert "YEAR_APPROXIMATE" in _codes(warnings)


def test_exact_count_of_years_stays_as_it_was(eras, calendar) -> None:
    text = "In 1100 the monastery was built. Three years later it burned."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "Three years later")
    assert (row.year, row.certainty) == (1103, "high")
    assert "YEAR_APPROXIMATE" not in _codes(warnings)


@pytest.mark.parametrize(("text", "phrase", "year", "month"), [
    ("In the first month of AD 43 the rebels were beaten.", "the first month of AD 43", 43, 1),
    ("In the third month of B.C. 154 the seven kings rose.", "the third month of B.C. 154",
     -153, 3),
])
def test_month_of_a_ce_year_is_no_unknown_era(text, phrase, year, month, eras,
                                              calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, phrase)
    assert (row.year, row.month) == (year, month)
    assert "UNKNOWN_ERA" not in _codes(warnings)


def test_month_of_an_unknown_era_still_warned(eras, calendar) -> None:
    text = "In the fifth month of Zorblax 12 he came."
    rows, warnings = resolved(text, eras, calendar)
    assert row_at(rows, text, "the fifth month").year is None
    assert "UNKNOWN_ERA" in _codes(warnings)
