"""'the year NNNN' is a year after any word ("With the year 1876 the campaign commenced") or
opening a sentence ("The year 1863 saw the first attack"): the word "year" is the evidence, no
preposition is needed; the running date moves with it."""

from __future__ import annotations

import pytest

from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions


@pytest.mark.parametrize(("text", "year"), [
    ("With the year 1876 the really arduous part of the campaign commenced.", 1876),
    ("The plague of the year 1348 emptied the towns.", 1348),
    ("He saw the year 1900 begin in Peking.", 1900),
    ("The year 1863 saw the first attack on the city.", 1863),
    ("The rebels held out.\nThe year 1644 brought famine.", 1644),
    ("Peace held. The year 1127 was a hard one.", 1127),
])
def test_the_year_after_any_word(eras, calendar, text: str, year: int) -> None:  # noqa: ANN001
    rows, _ = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    assert [(r.year, r.certainty) for r in rows] == [(year, "high")]


@pytest.mark.parametrize("text", [
    "The year 1200 households paid the tax.",  # a count noun after it: a count stays out
    "The year 1200 men marched north.",
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


def test_a_sentence_opened_by_the_year_dates_its_events(resources) -> None:  # noqa: ANN001
    from pipeline.document import process_text

    text = ("In 1862 the rebels held Tali. The year 1863 saw the first attack on Tu Wen-hsiu, "
            "but it resulted only in the defeat of the detachments.")
    rows = process_text(text, "t", resources).events
    assert {(e.trigger, e.year) for e in rows if e.trigger in ("attack", "defeat")} == {
        ("attack", 1863), ("defeat", 1863)}
