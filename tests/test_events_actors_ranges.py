"""Actors the entity stage missed, title anaphors, and date ranges of events (issue 8)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events
from pipeline.events.when import join_range
from pipeline.places import find_place_glosses
from pipeline.records import DateRow, EntityRow, EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def ents(text: str, spec: list[tuple[str, str]]) -> list[EntityRow]:
    out = [EntityRow("", -1, m.start(), m.end(), name, label, name, "gazetteer")
           for name, label in spec for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]
    return sorted(out, key=lambda e: e.start)


def year(text: str, sub: str, y: int, start: str, end: str) -> DateRow:
    i = text.index(sub)
    return DateRow("", -1, i, i + len(sub), sub, "gregorian", year=y, date_start=start,
                   date_end=end, date_id=text.count(" ", 0, i))


def run(nlp: Language, text: str, spec: list[tuple[str, str]],
        dates: list[DateRow] | None = None) -> list[EventRow]:
    return extract_events(nlp(text), ents(text, spec), dates or [], find_place_glosses(text),
                          matcher=trigger_matcher(nlp))


def test_a_proper_noun_subject_the_entities_missed_is_a_flagged_actor(nlp: Language) -> None:
    ev = run(nlp, "Esen attacked Datong.", [("Datong", "PLACE")])
    assert [(e.event_type, e.actor1, e.actor1_source, e.place) for e in ev] == [
        ("attack", "Esen", "parse", "Datong")]


@pytest.mark.parametrize("text", ["The Aftermath attacked Datong.",
                                  "In June the army attacked Datong."])
def test_articles_and_months_are_no_stand_in_actors(nlp: Language, text: str) -> None:
    ev = run(nlp, text, [("Datong", "PLACE")])
    # no proper-noun stand-in; "the army" is a group actor as written (``group``)
    assert [(e.actor1, e.actor1_source) for e in ev if e.event_type == "attack"] in (
        [("", "")], [("army", "group")])


def test_the_emperor_takes_the_last_person_whose_name_holds_the_title(nlp: Language) -> None:
    text = ("The Zhengtong Emperor trusted the eunuch Wang Zhen. Wang Zhen led the army north. "
            "The emperor fled to Datong.")
    ev = run(nlp, text, [("Zhengtong Emperor", "PERSON"), ("Wang Zhen", "PERSON"),
                         ("Datong", "PLACE")])
    flight = [e for e in ev if e.event_type == "flight"]
    assert [(e.actor1, e.actor1_source) for e in flight] == [("Zhengtong Emperor", "pronoun")]


def test_a_captured_emperor_is_a_person_captured(nlp: Language) -> None:
    text = "The Zhengtong Emperor marched north. The emperor was captured by Esen."
    ev = run(nlp, text, [("Zhengtong Emperor", "PERSON"), ("Esen", "PERSON")])
    assert [(e.event_type, e.actor1, e.actor2) for e in ev if "captur" in e.trigger] == [
        ("capture_person", "Esen", "Zhengtong Emperor")]


def test_between_two_years_dates_the_event_as_a_range(nlp: Language) -> None:
    text = "Between 1127 and 1129 the Jin attacked Yangzhou."
    dates = [year(text, "1127", 1127, "1127-01-01", "1127-12-31"),
             year(text, "1129", 1129, "1129-01-01", "1129-12-31")]
    ev = run(nlp, text, [("Jin", "POLITY"), ("Yangzhou", "PLACE")], dates)
    assert [(e.year, e.year_end, e.date_start, e.date_end, e.date_precision, e.date_id)
            for e in ev] == [(1127, 1129, "1127-01-01", "1129-12-31", "range", dates[0].date_id)]


def test_join_range_needs_the_joining_words() -> None:
    a = DateRow("", -1, 5, 9, "1127", "gregorian", year=1127, date_start="1127-01-01",
                date_end="1127-12-31", month=5)
    b = DateRow("", -1, 13, 17, "1129", "gregorian", year=1129, date_start="1129-01-01",
                date_end="1129-12-31", month=7)
    joined = join_range(a, b, "From ", " to ")
    assert joined is not None and (joined.year, joined.year_end, joined.month,
                                   joined.date_end) == (1127, 1129, None, "1129-12-31")
    assert join_range(a, b, "In ", " and ") is None  # two dates, no range
    assert join_range(a, b, "between ", " to ") is None
    assert join_range(b, a, "from ", " to ") is None  # ends before it starts
