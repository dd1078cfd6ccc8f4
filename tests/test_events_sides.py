"""Agentless hostile passives take the patient's opponent as a flagged guess; commanders of
"under the command of X"; rulers' polities (issue 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events, load_person_polities
from pipeline.places import find_place_glosses
from pipeline.records import EntityRow, EventRow

GAZ = Path(__file__).resolve().parent.parent / "gazetteer"


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def ents(text: str, spec: list[tuple[str, str, str]]) -> list[EntityRow]:
    out = [EntityRow("", -1, m.start(), m.end(), name, label, canonical, "gazetteer")
           for name, label, canonical in spec
           for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)]
    return sorted(out, key=lambda e: e.start)


def run(nlp: Language, text: str, spec: list[tuple[str, str, str]],
        polities: dict[str, str] | None = None) -> list[EventRow]:
    return extract_events(nlp(text), ents(text, spec), [], find_place_glosses(text),
                          person_polity=polities or {}, matcher=trigger_matcher(nlp))


def of(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor1_source) for e in events if e.event_type == kind]


def test_an_agentless_passive_takes_the_one_other_side_as_a_flagged_guess(nlp: Language
                                                                          ) -> None:
    text = ("The Tanguts and the Khitan fought near the river. "
            "The Khitan army was wiped out.")
    ev = run(nlp, text, [("Tanguts", "POLITY", "Western Xia"), ("Khitan", "POLITY", "Liao")])
    assert of(ev, "annihilation") == [("Western Xia", "side")]


def test_two_other_sides_leave_the_agent_blank(nlp: Language) -> None:
    text = ("The Tanguts, the Uyghurs and the Khitan fought near the river. "
            "The Khitan army was wiped out.")
    ev = run(nlp, text, [("Tanguts", "POLITY", "Western Xia"), ("Uyghurs", "POLITY", "Uyghur"),
                         ("Khitan", "POLITY", "Liao")])
    assert of(ev, "annihilation") == [("", "")]


def test_the_side_is_sought_in_the_paragraph_only(nlp: Language) -> None:
    text = "The Tanguts marched.\nThe Khitan army was wiped out."
    ev = run(nlp, text, [("Tanguts", "POLITY", "Western Xia"), ("Khitan", "POLITY", "Liao")])
    assert of(ev, "annihilation") == [("", "")]


def test_a_passive_that_is_not_hostile_takes_no_side(nlp: Language) -> None:
    text = "The Tanguts and the Khitan met. Yelu Dashi was appointed governor."
    ev = run(nlp, text, [("Tanguts", "POLITY", "Western Xia"), ("Khitan", "POLITY", "Liao"),
                         ("Yelu Dashi", "PERSON", "Yelu Dashi")], {"Yelu Dashi": "Liao"})
    assert all(e.actor1_source != "side" for e in ev)


def test_a_person_patient_takes_the_side_of_his_polity(nlp: Language) -> None:
    text = "The Tanguts fought the Khitan at the pass, and Yelu Dashi was captured."
    ev = run(nlp, text, [("Tanguts", "POLITY", "Western Xia"), ("Khitan", "POLITY", "Liao"),
                         ("Yelu Dashi", "PERSON", "Yelu Dashi")], {"Yelu Dashi": "Liao"})
    assert of(ev, "capture_person") == [("Western Xia", "side")]


def test_a_commander_under_whose_command_an_army_moved_is_actor1(nlp: Language) -> None:
    text = "The Green Army, under the command of the Prince Haoge, marched to Xi'an."
    ev = run(nlp, text, [("Green Army", "ARMY", "Green Army"), ("Xi'an", "PLACE", "Xi'an")])
    assert of(ev, "movement") == [("Haoge", "parse")]


def test_rulers_take_the_polity_of_their_dynasty() -> None:
    polities = load_person_polities(GAZ / "persons.csv", GAZ / "armies.csv")
    assert polities["Emperor Yingzong of Ming"] == "Ming"


def test_a_branch_of_the_patients_state_is_no_opponent(nlp: Language) -> None:
    text = "Zhao Gou of the Song fled south, and the Northern Song army was wiped out."
    ev = run(nlp, text, [("Zhao Gou", "PERSON", "Zhao Gou"), ("Song", "POLITY", "Song"),
                         ("Northern Song", "POLITY", "Northern Song")], {"Zhao Gou": "Song"})
    assert of(ev, "annihilation") == [("", "")]


def test_a_person_reported_dead_is_no_antecedent(nlp: Language) -> None:
    text = "Hai Rui criticised the emperor Shizong. After Shizong died, he was released."
    ev = run(nlp, text, [("Hai Rui", "PERSON", "Hai Rui"), ("Shizong", "PERSON", "Shizong")])
    assert [e.actor2 for e in ev if e.event_type == "release"] == ["Hai Rui"]
