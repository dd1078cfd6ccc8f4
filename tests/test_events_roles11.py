"""Roles on new text (fresh report 10): agents the parse gives but the role reader lost.

A fronted date phrase the parse made a second subject ("In summer, the fourth month, the Grand
Marshal, Huan Wen, led ..."); a participial aside between subject and verb ("Tian Zang,
claiming that ..., killed him"); an agent behind an instrument ("killed by an arrow shot by
X"); a force "sent by X" that acts in its own clause is no target of an attack."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import run

from pipeline.records import EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def roles(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor2) for e in events if e.event_type == kind]


def test_a_fronted_month_is_no_subject_beside_a_titled_name(nlp: Language) -> None:
    ev = run(nlp, "In summer, the fourth month, on the day Gengxu (May 22nd), the Grand "
             "Marshal, Huan Wen, led fifty thousand soldiers from Gushu to attack Yan.",
             [("Huan Wen", "PERSON"), ("Yan", "POLITY"), ("Gushu", "PLACE")])
    assert roles(ev, "attack") == [("Huan Wen", "Yan")]


def test_a_fronted_month_is_no_subject_of_a_possessive_subject(nlp: Language) -> None:
    ev = run(nlp, "In autumn, the ninth month, Huan Wen's subordinate generals Deng Xia and "
             "Zhu Xu met the Yan general Fu Mobo at Linzhu and routed him.",
             [("Huan Wen", "PERSON"), ("Deng Xia", "PERSON"), ("Zhu Xu", "PERSON"),
              ("Fu Mobo", "PERSON"), ("Yan", "POLITY"), ("Linzhu", "PLACE")])
    assert roles(ev, "defeat") == [("Deng Xia", "Fu Mobo")]


def test_a_participial_aside_keeps_the_subject_of_the_main_verb(nlp: Language) -> None:
    ev = run(nlp, "In 208 BC his subordinate Tian Zang, claiming that Wu Guang was arrogant "
             "and knew nothing of war, killed him and sent his head to Chen Sheng.",
             [("Tian Zang", "PERSON"), ("Wu Guang", "PERSON"), ("Chen Sheng", "PERSON")])
    assert [a for a, _ in roles(ev, "killing")] == ["Tian Zang"]


def test_a_fearing_aside_keeps_the_subject_of_the_surrender(nlp: Language) -> None:
    ev = run(nlp, "In 1244 the governor Li Wen, fearing that the rebels would take the city, "
             "opened the gates and surrendered to Wang Ji.",
             [("Li Wen", "PERSON"), ("Wang Ji", "PERSON")])
    assert roles(ev, "surrender") == [("Li Wen", "Wang Ji")]


def test_the_agent_behind_an_instrument_phrase(nlp: Language) -> None:
    ev = run(nlp, "In December Saritai was killed by an arrow shot by the monk Kim Yun-hu at "
             "Cheoin.", [("Saritai", "PERSON"), ("Kim Yun-hu", "PERSON"),
                          ("Cheoin", "PLACE")])
    assert roles(ev, "killing") == [("Kim Yun-hu", "Saritai")]


def test_a_force_sent_by_a_ruler_that_acts_is_no_attack_on_itself(nlp: Language) -> None:
    ev = run(nlp, "In 1231 a Mongol army sent by Ogedei Khan crossed the Yalu.",
             [("Mongol", "POLITY"), ("Ogedei Khan", "PERSON"), ("Yalu", "PLACE")])
    assert not [e for e in ev if e.trigger == "sent"]


def test_a_force_sent_against_a_target_is_still_an_attack(nlp: Language) -> None:
    ev = run(nlp, "In 1231 Ogedei Khan sent an army against Goryeo.",
             [("Ogedei Khan", "PERSON"), ("Goryeo", "POLITY")])
    assert roles(ev, "attack") == [("Ogedei Khan", "Goryeo")]
