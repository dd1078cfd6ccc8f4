"""Subjects and group anaphors the parse misleads (fresh report 10, leftovers).

A group pronoun agrees in number: it takes the sentence's plural antecedent, not the one
person who is its highest subject ("X provoked the commandants, and the leaders killed them");
a second clause after a semicolon keeps its own subject when the parse left it stranded
("the Mongols besieged Chungju; Kim Yun-hu, now its commander, held out"); a passive clause
keeps the subject the parse coordinated with the object before it ("Wu Han captured Chengdu
and Gongsun Shu was killed")."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import roles, run


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def test_them_is_not_the_one_person_who_provoked_them(nlp: Language) -> None:
    ev = run(nlp, "In July 209 BC Wu Guang provoked the two escorting commandants, and the "
             "two leaders killed them.", [("Wu Guang", "PERSON")])
    assert [b for _, b in roles(ev, "killing")] == [""]  # the commandants: unnamed


def test_they_takes_the_plural_object_not_the_person_subject(nlp: Language) -> None:
    ev = run(nlp, "Li Jing defeated the Turks at Dingxiang, and they fled north.",
             [("Li Jing", "PERSON"), ("Turks", "POLITY"), ("Dingxiang", "PLACE")])
    assert [a for a, _ in roles(ev, "flight")] == ["Turks"]


def test_they_after_a_subordinate_clause_takes_the_repelled_polity(nlp: Language) -> None:
    ev = run(nlp, "Zhu Qiyu was enthroned and defended Beijing, and after Yu Qian repelled "
             "the Oirads in 1450 they sued for peace.",
             [("Zhu Qiyu", "PERSON"), ("Yu Qian", "PERSON"), ("Oirads", "POLITY"),
              ("Beijing", "PLACE")])
    assert [a for a, _ in roles(ev, "peace")] == ["Oirads"]


def test_they_with_no_plural_antecedent_keeps_the_person(nlp: Language) -> None:
    ev = run(nlp, "Yue Fei attacked Xiangyang and they took the city.",
             [("Yue Fei", "PERSON"), ("Xiangyang", "PLACE")])
    assert [a for a, _ in roles(ev, "capture_city")] == ["Yue Fei"]


def test_a_clause_after_a_semicolon_keeps_its_stranded_subject(nlp: Language) -> None:
    ev = run(nlp, "In 1253 the Mongols besieged Chungju; Kim Yun-hu, now its commander, held "
             "out for seventy days.",
             [("Mongols", "POLITY"), ("Chungju", "PLACE"), ("Kim Yun-hu", "PERSON")])
    assert [a for a, _ in roles(ev, "defence")] == ["Kim Yun-hu"]
    assert [a for a, _ in roles(ev, "siege")] == ["Mongols"]


def test_a_passive_subject_read_as_a_second_object(nlp: Language) -> None:
    ev = run(nlp, "In 36 his general Wuhan captured Chengdu and Gongsunshu was killed, so the "
             "whole country was unified again.",
             [("Wuhan", "PERSON"), ("Chengdu", "PLACE"), ("Gongsunshu", "PERSON")])
    assert [b for _, b in roles(ev, "killing")] == ["Gongsunshu"]


def test_a_passive_subject_read_as_a_second_object_of_a_clausal_subject(nlp: Language
                                                                        ) -> None:
    ev = run(nlp, "Wu Han captured Chengdu and Gongsun Shu was killed.",
             [("Wu Han", "PERSON"), ("Chengdu", "PLACE"), ("Gongsun Shu", "PERSON")])
    assert roles(ev, "capture_city") == [("Wu Han", "")]
    assert [b for _, b in roles(ev, "killing")] == ["Gongsun Shu"]


def test_two_coordinated_objects_stay_objects(nlp: Language) -> None:
    ev = run(nlp, "Wu Han captured Chengdu and Guanghan in 36.",
             [("Wu Han", "PERSON"), ("Chengdu", "PLACE"), ("Guanghan", "PLACE")])
    assert all(a == "Wu Han" for a, _ in roles(ev, "capture_city"))


def test_they_takes_a_group_name_the_entity_model_missed(nlp: Language) -> None:
    ev = run(nlp, "Zhu Qiyu was made Regent in 1449. The Oirads were beaten off from Peking, "
             "and in 1450 they sued for peace and sent back the captive.",
             [("Zhu Qiyu", "PERSON"), ("Peking", "PLACE")])
    peace = [e for e in ev if e.event_type == "peace"]
    assert [(e.actor1, e.actor1_source) for e in peace] == [("Oirads", "parse")]


def test_a_passive_subject_read_as_a_conjunct_of_the_place(nlp: Language) -> None:
    ev = run(nlp, "Bai Qi defeated Zhao at Changping and Zhao Kuo was killed.",
             [("Bai Qi", "PERSON"), ("Zhao", "POLITY"), ("Changping", "PLACE"),
              ("Zhao Kuo", "PERSON")])
    assert [b for _, b in roles(ev, "killing")] == ["Zhao Kuo"]
    assert "Bai Qi" not in [b for _, b in roles(ev, "killing")]


def test_an_object_read_as_the_first_conjunct_of_a_passive_subject(nlp: Language) -> None:
    ev = run(nlp, "The Qing army took Yangzhou and Shi Kefa was executed.",
             [("Qing", "POLITY"), ("Yangzhou", "PLACE"), ("Shi Kefa", "PERSON")])
    assert [e.place for e in ev if e.event_type == "capture_city"] == ["Yangzhou"]
    assert [b for _, b in roles(ev, "execution")] == ["Shi Kefa"]


def test_a_clause_after_and_keeps_the_subject_parsed_as_a_verb_conjunct(nlp: Language
                                                                          ) -> None:
    ev = run(nlp, "In 1253 Yegü besieged Chungju for seventy days, and Kim Yun-hu, now its "
             "commander, held out until the Mongols withdrew.",
             [("Yegü", "PERSON"), ("Chungju", "PLACE"), ("Kim Yun-hu", "PERSON"),
              ("Mongols", "POLITY")])
    assert [a for a, _ in roles(ev, "defence")] == ["Kim Yun-hu"]
    assert [a for a, _ in roles(ev, "siege")] == ["Yegü"]
