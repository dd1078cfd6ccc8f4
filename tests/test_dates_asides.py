"""Printed life spans after a name are not the narrative's date (issue 7): "Hai Rui
(1514–1587)" neither starts nor moves the running date, and dates no event. Short invented
inputs; Jiajing 40 = 1561 (sanmiao's era table)."""

from __future__ import annotations

import pytest

from pipeline import api
from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable


def _run(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


SPANS = ["(1514–1587)", "(1514-1587)", "(1514 – 1587)", "(1514–87)", "(from 1514 to 1587)",
         "(1514 to 1587)"]


@pytest.mark.parametrize("span", SPANS)
def test_life_span_leaves_the_running_date_alone(span, eras, calendar) -> None:
    text = (f"In the 40th year of Jiajing, the court met. Hai Rui {span} was an official. "
            "In the following year, he wrote a memorial.")
    rows, _ = _run(text, eras, calendar)
    aside = [r for r in rows if r.kind == "aside"]
    assert [(r.year, r.year_end) for r in aside] == [(1514, 1587)]
    following = next(r for r in rows if r.text == "the following year")
    assert following.year == 1562  # Jiajing 41, not 1588


@pytest.mark.parametrize("span", SPANS)
def test_life_span_does_not_start_a_running_date(span, eras, calendar) -> None:
    text = (f"Hai Rui {span} was an official. In the third month, he was jailed. Two years "
            "later he died.")
    rows, warnings = _run(text, eras, calendar)
    later = [r for r in rows if r.kind != "aside"]
    assert later and all(r.year is None for r in later)
    assert {w.code for w in warnings} == {"NO_RUNNING_DATE"}


@pytest.mark.parametrize(("text", "span"), [
    ("Zhang Heng (78–139) was an official of the Han.", (78, 139)),
    ("Zhang Heng (78- 139) was an official of the Han.", (78, 139)),
    ("Wang Chong (AD 27–97) wrote a book.", (27, 97)),
    ("Emperor Guangwu (r. 25–57) restored the Han.", (25, 57)),
    ("Wang Chong (AD 127–197) wrote a book.", (127, 197)),
])
def test_a_short_life_or_reign_span_after_a_name_is_an_aside(text, span, eras, calendar) -> None:
    rows, _ = _run(text, eras, calendar)
    assert [(r.kind, (r.year, r.year_end)) for r in rows] == [("aside", span)]


@pytest.mark.parametrize("text", [
    "The army (10–20 thousand) fled.",        # a count, not years
    "see the chapters (12–34) below.",        # no name before the bracket
    "Zhang Heng (pp. 78–139) is quoted.",     # pages
    "In 25–57 the river flooded.",            # a short span outside brackets stays unread
])
def test_short_numbers_are_no_span_of_years(text, eras, calendar) -> None:
    rows, _ = _run(text, eras, calendar)
    assert [r for r in rows if r.year_end is not None] == []


@pytest.mark.parametrize(("text", "years"), [
    ("The list of all chapters survived, the total of 1460.", []),       # a count of chapters
    ("A number of 300 soldiers fled in 1130.", [1130]),
    ("In the summer of 1127 the city fell.", [1127]),                    # "of" + year still reads
])
def test_a_number_after_total_of_is_no_year(text, years, eras, calendar) -> None:
    rows, _ = _run(text, eras, calendar)
    assert [r.year for r in rows] == years


def test_a_span_not_in_brackets_still_moves_the_running_date(eras, calendar) -> None:
    rows, _ = _run("From 1514 to 1587 the river flooded. In the following year it dried.",
                   eras, calendar)
    assert [(r.kind, r.year) for r in rows] == [("range", 1514), ("relative", 1588)]


def test_life_span_dates_no_event(resources: api.Resources) -> None:
    text = ("In the 40th year of Jiajing, the court met. Hai Rui (1514–1587) was an official. "
            "He was thrown into prison for his memorial.")
    events = api.process_text(text, "d", resources).events
    assert events and all(e.year in (None, 1561) for e in events)
    assert all(e.date_text != "1514–1587" for e in events)


@pytest.mark.parametrize(("text", "phrase"), [
    ("At the age of twenty-five, he rose up.", "At the age of twenty-five"),
    ("In 1100 the court met. He died at the age of 105 in the spring.", "at the age of 105"),
    ("In 1100 the court met. He lived to 105 years of age.", "105 years of age"),
    ("In the 40th year of Jiajing, the court met. At 25 years old he passed the exam.",
     "25 years old"),
    # a reign span is no life span: no year from the age
    ("Gaozong (r. 1127–1162) ruled. Aged 20 he fought.", "Aged 20"),
    # the life span is in another paragraph
    ("Zhu Yuanzhang (1328–1398) was born poor.\nAt the age of 25, he rose up.",
     "At the age of 25"),
    # older than the life span allows: someone else's age
    ("Zhu Yuanzhang (1328–1398) was born poor. At the age of 90, his teacher died.",
     "At the age of 90"),
])
def test_an_age_is_no_year(text, phrase, eras, calendar) -> None:
    rows, _ = _run(text, eras, calendar)
    p0 = text.index(phrase)
    assert not [r for r in rows if r.start < p0 + len(phrase) and p0 < r.end]
    assert all(r.year != 105 for r in rows)


@pytest.mark.parametrize(("text", "phrase", "years"), [
    ("Zhu Yuanzhang (1328–1398) was born poor. At the age of 25, he rose up.",
     "At the age of 25", (1352, 1354)),  # sui 1352; a Western age of 25: 1353 or 1354
    ("Nurhaci (February 21, 1559 – September 30, 1626) was a Jurchen chief. At the age of "
     "twenty-five, he rose up.", "At the age of twenty-five", (1583, 1585)),
])
def test_an_age_after_a_life_span_gives_a_low_derived_year(text, phrase, years, eras,
                                                           calendar) -> None:
    rows, warnings = _run(text, eras, calendar)
    row = next(r for r in rows if r.text == phrase)
    assert (row.kind, row.year, row.year_end, row.certainty) == ("age", *years, "low")
    assert "AGE_YEAR_DERIVED" in {w.code for w in warnings if w.start == row.start}


def test_a_derived_age_year_leaves_the_running_date(eras, calendar) -> None:
    rows, _ = _run("In the first year of Hongwu, the court met. Zhu Yuanzhang (1328–1398) was "
                   "emperor. At the age of 25, he had risen up. In the following year, a flood "
                   "came.", eras, calendar)
    assert next(r for r in rows if r.text == "the following year").year == 1369
