"""Subjects the parse lost or split (:mod:`pipeline.events.misparsed`): a description and the
name it introduces read as two subjects; the first clause of an asyndetic list read as a
clausal complement of the next verb; a name run into a fronted year. Invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import run

from pipeline.events.lexicon import load_event_lexicon
from pipeline.events.misparsed import dated_subject, described_name, listed_before
from pipeline.events.subjects import controller
from pipeline.records import EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def actors(events: list[EventRow], kind: str) -> list[str]:
    return [e.actor1 for e in events if e.event_type == kind]


def test_a_kin_description_before_a_name_leaves_the_name_the_actor(nlp: Language) -> None:
    ev = run(nlp, "In 790 the khan planned to invade China again, but his uncle Kul Bagha "
             "Tarkhan killed him and took the throne.", [("China", "PLACE"),
                                                         ("Kul Bagha Tarkhan", "PERSON")])
    assert actors(ev, "killing") == ["Kul Bagha Tarkhan"]


def test_a_hyphenated_kin_word_before_a_name_leaves_the_name(nlp: Language) -> None:
    ev = run(nlp, "His brother-in-law Tran Tam Kha seized the throne.",
             [("Tran Tam Kha", "PERSON")])
    assert actors(ev, "coup") == ["Tran Tam Kha"]


def test_a_description_parted_from_the_name_by_a_comma_is_not_split(nlp: Language) -> None:
    doc = nlp("The general, Li Fang, took the city.")
    verb = next(t for t in doc if t.lower_ == "took")
    subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda t: t.i)
    assert described_name(subjects) is None


def test_the_first_clause_of_a_listed_series_gives_the_later_verbs_their_subject(
        nlp: Language) -> None:
    ev = run(nlp, "In 931 Dinh Nghe rose against the Southern Han, besieged Dai La and drove "
             "out their governor Li Chin.",
             [("Dinh Nghe", "PERSON"), ("Southern Han", "POLITY"), ("Dai La", "PLACE"),
              ("Li Chin", "PERSON")])
    assert [(e.actor1, e.actor1_source) for e in ev if e.event_type in ("siege", "defeat")] \
        == [("Dinh Nghe", "named"), ("Dinh Nghe", "named")]  # the parse's subject, no guess


def test_a_reported_clause_after_its_verb_gives_no_subject(nlp: Language) -> None:
    doc = nlp("The envoy said that the king had fled.")
    verb = next(t for t in doc if t.lower_ == "said")
    assert listed_before(verb) is None


def test_a_name_run_into_a_fronted_year_is_the_subject(nlp: Language) -> None:
    ev = run(nlp, "In 762 Bogu at first listened to the rebel Shi Chaoyi and marched south.",
             [("Bogu", "PERSON"), ("Shi Chaoyi", "PERSON")])
    assert [(e.actor1, e.actor1_source) for e in ev if e.event_type == "movement"] \
        == [("Bogu", "named")]  # not the nearest name, the rebel he listened to


def test_a_fronted_year_with_a_comma_names_no_subject(nlp: Language) -> None:
    doc = nlp("In 762, December came and the khan marched south.")
    assert all(dated_subject(t) is None for t in doc)


def test_a_passive_description_before_a_name_is_not_split(nlp: Language) -> None:
    # "The river steamer Thistle was seized": the patient stays the ship, no captured person
    doc = nlp("The river steamer Thistle was seized by the passengers.")
    verb = next(t for t in doc if t.lower_ == "seized")
    assert controller(verb, load_event_lexicon()).lower_ == "steamer"
