"""Roles on new text (fresh report 10): agents the parse gives but the role reader lost.

A fronted date phrase the parse made a second subject ("In summer, the fourth month, the Grand
Marshal, Huan Wen, led ..."); a participial aside between subject and verb ("Tian Zang,
claiming that ..., killed him"); an agent behind an instrument ("killed by an arrow shot by
X"); a force "sent by X" that acts in its own clause is no target of an attack."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import roles, run
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events
from pipeline.places import find_place_glosses
from pipeline.records import EntityRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


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


def test_a_participle_that_kept_the_subject_gives_it_to_the_main_verb(nlp: Language) -> None:
    ev = run(nlp, "In the 5th moon, Li Hung-chang, hearing that the rebels had crossed the "
             "river, attacked Su-chow.", [("Li Hung-chang", "PERSON"), ("Su-chow", "PLACE")])
    assert [a for a, _ in roles(ev, "attack")] == ["Li Hung-chang"]


def test_of_two_by_phrases_the_named_one_is_the_agent(nlp: Language) -> None:
    ev = run(nlp, "The city was taken by assault by Chang Kwo-liang's troops.",
             [("Chang Kwo-liang", "PERSON")])
    assert [a for a, _ in roles(ev, "capture_city")] == ["Chang Kwo-liang"]


def test_a_title_with_its_holder_in_apposition_names_the_holder(nlp: Language) -> None:
    text = "The Prefect, Gao Hui, surrendered the city to the Tibetans."
    ents = [EntityRow("", -1, 4, 11, "Prefect", "PERSON", "Prefect", "model"),
            EntityRow("", -1, 13, 20, "Gao Hui", "PERSON", "Gao Hui", "gazetteer"),
            EntityRow("", -1, 50, 58, "Tibetans", "POLITY", "Tibetans", "gazetteer")]
    ev = extract_events(nlp(text), ents, [], find_place_glosses(text),
                        matcher=trigger_matcher(nlp))
    assert [a for a, _ in roles(ev, "surrender")] == ["Gao Hui"]


def test_a_sentence_read_as_one_noun_phrase_gets_its_main_verb(nlp: Language) -> None:
    ev = run(nlp, "In the second month, Liu Chong, the ruler of Northern Han, hearing of the "
             "state mourning, allied with the Khitan and led thirty thousand men south.",
             [("Liu Chong", "PERSON"), ("Northern Han", "POLITY"), ("Khitan", "POLITY")])
    assert roles(ev, "alliance") == [("Liu Chong", "Khitan")]


def test_a_spliced_clause_subject_read_as_an_apposition_of_the_object(nlp: Language) -> None:
    ev = run(nlp, "Li Zicheng entered Beijing, the Chongzhen emperor, seeing that all was lost, "
             "hanged himself on Coal Hill.", [("Li Zicheng", "PERSON"), ("Beijing", "PLACE"),
                                             ("Chongzhen emperor", "PERSON")])
    assert [a for a, _ in roles(ev, "suicide")] == ["Chongzhen emperor"]


def test_an_object_before_a_participle_is_no_subject(nlp: Language) -> None:
    ev = run(nlp, "Yue Fei defeated Wuzhu, pursuing him north, took Yancheng.",
             [("Yue Fei", "PERSON"), ("Wuzhu", "PERSON"), ("Yancheng", "PLACE")])
    assert [a for a, _ in roles(ev, "capture_city")] == ["Yue Fei"]
