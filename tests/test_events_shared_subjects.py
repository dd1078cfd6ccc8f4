"""Role assignment from the parse (issue 8): a participle after a comma that the parse hung on
the object before it keeps the clause's subject; a date read as the subject gives way to the
list of names after it; "the rebels under X": X; a country tagged a place that is the
subject of a hostile act acts as its state; no subject is shared across a semicolon; a PLACE
only the model tagged that is born is a person."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import run
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events
from pipeline.places import find_place_glosses
from pipeline.records import EntityRow, EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def actors(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor1_source) for e in events if e.event_type == kind]


def test_a_comma_participle_with_an_object_shares_the_clause_subject(nlp: Language) -> None:
    ev = run(nlp, "Hai Rui punished officials, cracked down despots, dredged and built river "
             "channels.", [("Hai Rui", "PERSON")])
    assert actors(ev, "construction") == [("Hai Rui", "named")]


def test_a_participle_with_a_by_phrase_still_modifies_its_noun(nlp: Language) -> None:
    ev = run(nlp, "The main force led by Wanyan Zongbi was defeated by the army led by Liu Qi "
             "in Shunchang.", [("Wanyan Zongbi", "PERSON"), ("Liu Qi", "PERSON"),
                              ("Shunchang", "PLACE")])
    assert [(e.actor1, e.actor2) for e in ev if e.event_type == "defeat"] \
        == [("Liu Qi", "Wanyan Zongbi")]


def test_a_year_read_as_subject_gives_way_to_the_names_after_it(nlp: Language) -> None:
    ev = run(nlp, "1849, Hong Xiuquan, Feng Yunshan, Xiao Chaogui and Shi Dakai became "
             "half-brothers.", [(n, "PERSON") for n in ("Hong Xiuquan", "Feng Yunshan",
                                                          "Xiao Chaogui", "Shi Dakai")])
    assert actors(ev, "alliance") == [("Hong Xiuquan", "named")]


def test_the_leader_under_whom_a_group_acts_is_its_actor(nlp: Language) -> None:
    ev = run(nlp, "The rebels under Bai Yanhu fled south.", [("Bai Yanhu", "PERSON")])
    assert actors(ev, "flight") == [("Bai Yanhu", "named")]


def test_a_country_tagged_a_place_that_declares_war_is_the_actor(nlp: Language) -> None:
    ev = run(nlp, "Japan declared war on China.", [("Japan", "PLACE"), ("China", "PLACE")])
    assert actors(ev, "war_declaration") == [("Japan", "place")]


def test_a_place_subject_of_a_hostile_act_beats_a_name_before_it(nlp: Language) -> None:
    ev = run(nlp, "Tibet took eighteen prefectures and, together with the Khotanese, captured "
             "Kucha.", [("Tibet", "PLACE"), ("Khotanese", "POLITY"), ("Kucha", "PLACE")])
    # ("took eighteen prefectures" is a capture too: the settlement word is a PLACE)
    assert set(actors(ev, "capture_city")) == {("Tibet", "place")}


def test_a_place_still_does_not_ascend_a_throne(nlp: Language) -> None:
    ev = run(nlp, "Kaifeng ascended the throne.", [("Kaifeng", "PLACE")])
    assert all(e.actor1 != "Kaifeng" for e in ev)


def test_no_subject_is_shared_across_a_semicolon(nlp: Language) -> None:
    ev = run(nlp, "In the sixth month, acting under orders, took Gumudi and recovered Urumqi; "
             "the rebels under Bai Yanhu fled south.", [("Bai Yanhu", "PERSON"),
                                                        ("Urumqi", "PLACE")])
    assert all(e.actor1 != "Bai Yanhu" for e in ev if e.event_type == "recovery")


def test_a_name_only_the_model_tagged_a_place_is_born_as_a_person(nlp: Language) -> None:
    text = "Kwang-sit was born in 1872, ascended the throne in 1875."
    ents = [EntityRow("", -1, 0, 9, "Kwang-sit", "PLACE", "Kwang-sit", "model")]
    ev = extract_events(nlp(text), ents, [], find_place_glosses(text),
                        matcher=trigger_matcher(nlp))
    assert actors(ev, "birth") == [("Kwang-sit", "parse")]
    assert actors(ev, "enthronement") == [("Kwang-sit", "parse")]
    gaz = [EntityRow("", -1, 0, 9, "Kwang-sit", "PLACE", "Kwang-sit", "gazetteer")]
    assert actors(extract_events(nlp(text), gaz, [], find_place_glosses(text),
                                 matcher=trigger_matcher(nlp)), "birth") \
        == [("", "")]


def test_the_leader_of_an_army_led_to_attack_is_its_actor(nlp: Language) -> None:
    ev = run(nlp, "Meng Gong led the Song army to attack Caizhou.",
             [("Meng Gong", "PERSON"), ("Song", "POLITY"), ("Caizhou", "PLACE")])
    assert actors(ev, "attack") == [("Meng Gong", "named")]


def test_the_leader_of_a_named_army_led_to_capture_is_its_actor(nlp: Language) -> None:
    ev = run(nlp, "Wanyan Zongbi led the Eastern Route Army to capture Shouchun.",
             [("Wanyan Zongbi", "PERSON"), ("Eastern Route Army", "ARMY"),
              ("Shouchun", "PLACE")])
    assert actors(ev, "capture_city") == [("Wanyan Zongbi", "named")]
