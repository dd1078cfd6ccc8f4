"""Binding and shared passive subjects (issue 8, fresh-user findings 1 and 8): a pronoun
object never names its own clause's subject; an active conjunct after a passive one takes the
passive subject as its agent; nominal "orders" are no appointments."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events
from pipeline.places import find_place_glosses
from pipeline.records import EntityRow, EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def run(nlp: Language, text: str, spec: list[tuple[str, str]]) -> list[EventRow]:
    ents = sorted((EntityRow("", -1, m.start(), m.end(), name, label, name, "gazetteer")
                   for name, label in spec
                   for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)),
                  key=lambda e: e.start)
    return extract_events(nlp(text), ents, [], find_place_glosses(text),
                          matcher=trigger_matcher(nlp))


def roles(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor2) for e in events if e.event_type == kind]


def test_a_pronoun_object_is_not_its_clause_subject(nlp: Language) -> None:
    ev = run(nlp, "Zhang Fei chased Ma Chao and defeated him at Hanzhong.",
             [("Zhang Fei", "PERSON"), ("Ma Chao", "PERSON"), ("Hanzhong", "PLACE")])
    assert roles(ev, "defeat") == [("Zhang Fei", "Ma Chao")]


def test_a_pronoun_subject_is_not_its_clause_object(nlp: Language) -> None:
    ev = run(nlp, "Ma Chao retreated. Zhang Fei attacked Hanzhong. Later he defeated Zhang Fei.",
             [("Zhang Fei", "PERSON"), ("Ma Chao", "PERSON"), ("Hanzhong", "PLACE")])
    assert roles(ev, "defeat") == [("Ma Chao", "Zhang Fei")]


def test_an_active_conjunct_after_a_passive_takes_its_subject_as_agent(nlp: Language
                                                                       ) -> None:
    ev = run(nlp, "Deng Ai was sent against Shu and besieged Chengdu.",
             [("Deng Ai", "PERSON"), ("Shu", "POLITY"), ("Chengdu", "PLACE")])
    sieges = [e for e in ev if e.event_type == "siege"]
    assert [(e.actor1, e.actor2, e.place) for e in sieges] == [("Deng Ai", "", "Chengdu")]


def test_a_passive_conjunct_without_object_stays_passive(nlp: Language) -> None:
    ev = run(nlp, "Ma Chao was defeated and captured by Zhang Fei.",
             [("Zhang Fei", "PERSON"), ("Ma Chao", "PERSON")])
    assert roles(ev, "capture_person") == [("Zhang Fei", "Ma Chao")]


def test_an_ordered_death_is_an_execution_by_the_orderer_not_an_appointment(nlp: Language
                                                                            ) -> None:
    ev = run(nlp, "The guards forced Cao Pi to order the death of Dong Cheng.",
             [("Cao Pi", "PERSON"), ("Dong Cheng", "PERSON")])
    assert roles(ev, "appointment") == []
    assert roles(ev, "execution") == [("Cao Pi", "Dong Cheng")]


def test_an_ordered_execution_noun_takes_the_orderer_as_agent(nlp: Language) -> None:
    ev = run(nlp, "Cao Pi ordered the execution of Dong Cheng.",
             [("Cao Pi", "PERSON"), ("Dong Cheng", "PERSON")])
    assert [e.event_type for e in ev] == ["execution"]
    assert roles(ev, "execution") == [("Cao Pi", "Dong Cheng")]


def test_on_the_orders_of_is_no_appointment_but_the_passive_agent(nlp: Language) -> None:
    ev = run(nlp, "Dong Cheng was imprisoned on the orders of Cao Pi.",
             [("Cao Pi", "PERSON"), ("Dong Cheng", "PERSON")])
    assert [e.event_type for e in ev] == ["imprisonment"]
    assert roles(ev, "imprisonment") == [("Cao Pi", "Dong Cheng")]


def test_an_order_with_a_person_object_stays_an_appointment(nlp: Language) -> None:
    ev = run(nlp, "Cao Pi ordered Dong Cheng to attack Hanzhong.",
             [("Cao Pi", "PERSON"), ("Dong Cheng", "PERSON"), ("Hanzhong", "PLACE")])
    assert roles(ev, "appointment") == [("Cao Pi", "Dong Cheng")]
    assert roles(ev, "attack") == [("Dong Cheng", "")]


def test_a_singular_pronoun_skips_a_coordinated_subject(nlp: Language) -> None:
    ev = run(nlp, "Sun Quan and Liu Bei defeated Cao Pi at Hefei, and he withdrew to the north.",
             [("Sun Quan", "PERSON"), ("Liu Bei", "PERSON"), ("Cao Pi", "PERSON"),
              ("Hefei", "PLACE")])
    assert [(e.actor1, e.actor1_source) for e in ev if e.event_type == "retreat"] == [
        ("Cao Pi", "pronoun")]


def test_an_order_to_a_group_is_done_by_the_group_not_the_orderer(nlp: Language) -> None:
    ev = run(nlp, "In 1044 Cao Pi ordered the officials of Hanzhong to build four hundred ships.",
             [("Cao Pi", "PERSON"), ("Hanzhong", "PLACE")])
    assert [e.actor1 for e in ev if e.event_type == "construction"] == ["officials"]


def test_troops_sent_to_attack_leave_the_attack_to_the_sender(nlp: Language) -> None:
    ev = run(nlp, "Cao Pi sent troops to attack Hanzhong.",
             [("Cao Pi", "PERSON"), ("Hanzhong", "PLACE")])
    assert [e.actor1 for e in ev if e.event_type == "attack"] == ["Cao Pi"]
