"""Years garbled by OCR outside "in <year>" (fresh report 9, finding 3): after a month or
season and "of" ("the first moon of l053"), after "A.D." or "the year", before "B.C.". Invented
sentences in the style of old books' OCR."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at


def _codes(warnings) -> set[str]:
    return {w.code for w in warnings}


def test_month_of_a_garbled_year_takes_that_year(eras, calendar) -> None:
    text = ("In 1052 the chief rose in Kuangsi. At Pin-chou, in the first moon of l053, he "
            "gave a feast of lanterns. In the second moon he was back at the capital.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the first moon of l053")
    assert (row.year, row.month, row.certainty) == (1053, 1, "low")
    assert "OCR_YEAR_GUESSED" in _codes(warnings)
    nxt = row_at(rows, text, "the second moon")
    assert (nxt.year, nxt.month) == (1053, 2)  # the narrative moved on to the year read
    assert nxt.certainty != "high"


def test_month_of_an_unread_garbled_year_gets_no_year(eras, calendar) -> None:
    text = ("In 1620 the city fell. In the third month of l053 the envoys came. "
            "In the fifth month they left.")
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "the third month of l053")
    assert row.year is None and row.month == 3  # not the running year 1620
    assert "DATE_NOT_READ" in _codes(warnings)
    later = row_at(rows, text, "the fifth month")
    assert later.certainty != "high" and "RUNNING_DATE_UNSURE" in _codes(warnings)


@pytest.mark.parametrize(("text", "phrase", "year"), [
    ("In 1850 the war began. In the spring of I860 the allies came north.",
     "the spring of I860", 1860),
    ("In 1040 he was born at Fen-chou. In A.D. l053 he was made minister.", "l053", 1053),
    ("In 1850 the war began. In the year I86O the allies took the forts.", "I86O", 1860),
    ("In 160 BC the kingdoms were strong. In l54 B.C. the seven princes rose.", "l54", -153),
])
def test_garbled_year_in_other_date_contexts(text, phrase, year, eras, calendar) -> None:
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, phrase)
    assert (row.year, row.certainty) == (year, "low")
    assert "OCR_YEAR_GUESSED" in _codes(warnings)
    assert "DATE_NOT_READ" not in _codes(warnings)


@pytest.mark.parametrize("text", [
    "In 1850 the war began. Ion and Iol were II of the men in the third month of Iona.",
    "In 1850 the war began. In the spring of Iowa the year II of the republic began.",
    "In 1850 the war began. He came in the autumn of IOU and lOOk the city A.D. IIl.",
])
def test_words_and_numerals_are_never_read_as_years(text, eras, calendar) -> None:
    _, warnings = resolved(text, eras, calendar)
    assert not {"OCR_YEAR_GUESSED", "DATE_NOT_READ"} & _codes(warnings)
