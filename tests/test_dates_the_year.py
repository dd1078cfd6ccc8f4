"""'the year NNNN' is a year after any word ("With the year 1876 the campaign commenced"):
the word "year" is the evidence, no preposition is needed; the running date moves with it."""

from __future__ import annotations

import pytest

from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions


@pytest.mark.parametrize(("text", "year"), [
    ("With the year 1876 the really arduous part of the campaign commenced.", 1876),
    ("The plague of the year 1348 emptied the towns.", 1348),
    ("He saw the year 1900 begin in Peking.", 1900),
])
def test_the_year_after_any_word(eras, calendar, text: str, year: int) -> None:  # noqa: ANN001
    rows, _ = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    assert [(r.year, r.certainty) for r in rows] == [(year, "high")]


@pytest.mark.parametrize("text", [
    "The year 1200 households paid the tax.",  # no word before "the year": a count stays out
    "Within the year 300 men deserted.",  # three digits followed by a count noun
])
def test_the_year_and_a_count_is_no_new_year(eras, calendar, text: str) -> None:  # noqa: ANN001
    rows, _ = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    assert all(r.year not in (1200, 300) for r in rows)


def test_a_month_after_the_year_takes_it(resources) -> None:  # noqa: ANN001
    from pipeline.document import process_text

    text = ("The rebels reached Barkul in 1875.\n\nWith the year 1876 the campaign "
            "commenced. In August Liu Jintang stormed the forts.")
    (row,) = [e for e in process_text(text, "t", resources).events if e.trigger == "stormed"]
    assert row.year == 1876
