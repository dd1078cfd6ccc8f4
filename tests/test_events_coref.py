"""Issue 8, actor1 by coreference (:mod:`pipeline.events.coref`): a variant spelling of a name
given before, qualified titles ("the Retired Emperor"), group agents ("by his eunuchs").

Invented sentences; entities given by hand; the session's model parses the trigger sentences."""

from __future__ import annotations

import csv

from test_events_campaign import run, run_paragraphs

from pipeline import api
from pipeline.events.coref import name_key
from pipeline.records import EventRow
from pipeline.resources import gazetteer_dir

PEOPLE = [("Zeng Guofan", "PERSON", "Zeng Guofan"), ("Tsêng Kuo-fan", "PERSON", "Zeng Guofan"),
          ("Anqing", "PLACE", "Anqing"), ("Suzong", "PERSON", "Suzong"),
          ("Xuanzong", "PERSON", "Xuanzong"), ("Chang'an", "PLACE", "Chang'an"),
          ("Empress Dowager Cixi", "PERSON", "Cixi"), ("Guangxu Emperor", "PERSON", "Guangxu"),
          ("Li Jiancheng", "PERSON", "Li Jiancheng"), ("Liu Heita", "PERSON", "Liu Heita"),
          ("Gaozu", "PERSON", "Gaozu"), ("Huizong", "PERSON", "Huizong"),
          ("Qinzong", "PERSON", "Qinzong"), ("Wuchang", "PLACE", "Wuchang"),
          ("Li Cunxu", "PERSON", "Li Cunxu"), ("Jin", "POLITY", "Jin")]


def actor1(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor1_source) for e in events if e.event_type == kind]


def test_name_key_ignores_case_diacritics_and_hyphens() -> None:
    assert name_key("Tsêng-kuo-fan") == name_key("Tsêng Kuo-fan") == "tsengkuofan"
    assert name_key("K'o-yung") == "koyung"


def test_a_variant_spelling_in_an_apposition_is_the_person_named_before(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "The edict about Tsêng Kuo-fan reads:",
        "The Viceroy of the Two Rivers, Tsêng-kuo-fan, built war boats. He captured Anqing."],
        PEOPLE)
    assert actor1(ev, "construction") == [("Zeng Guofan", "named")]
    assert actor1(ev, "capture_city") == [("Zeng Guofan", "pronoun")]


def test_a_spelling_no_one_had_before_links_nothing(resources: api.Resources) -> None:
    ev = run(resources, "The Viceroy of the Two Rivers, Tsêng-kuo-fan, built war boats.",
             PEOPLE[2:])
    assert all(e.actor1 != "Zeng Guofan" for e in ev)


def test_the_retired_emperor_is_the_one_the_text_gave_that_title(
        resources: api.Resources) -> None:
    ev = run(resources, "Suzong ascended the throne. Xuanzong was honored as Retired Emperor. "
                        "Later the Retired Emperor returned to Chang'an.", PEOPLE)
    assert actor1(ev, "movement") == [("Xuanzong", "pronoun")]


def test_a_retired_emperor_the_text_ties_to_no_one_stays_blank(
        resources: api.Resources) -> None:
    ev = run(resources, "Huizong abdicated in favour of his son Qinzong. "
                        "The retired emperor fled to Wuchang.", PEOPLE)
    assert actor1(ev, "flight") == [("", "")]  # never the last ruler named by default


def test_the_empress_dowager_is_the_person_whose_name_holds_the_title(
        resources: api.Resources) -> None:
    ev = run(resources, "Empress Dowager Cixi ruled the court. The Guangxu Emperor issued "
                        "edicts. The Empress Dowager imprisoned the emperor.", PEOPLE)
    assert actor1(ev, "imprisonment") == [("Cixi", "pronoun")]


def test_the_crown_prince_is_the_person_the_title_stood_beside(
        resources: api.Resources) -> None:
    ev = run(resources, "The crown prince Li Jiancheng attacked the Jin. Gaozu praised him. "
                        "The crown prince then defeated Liu Heita.", PEOPLE)
    assert actor1(ev, "defeat") == [("Li Jiancheng", "pronoun")]


def test_a_common_noun_agent_is_a_group_actor_as_written(resources: api.Resources) -> None:
    ev = run(resources, "Li Cunxu was a brave leader. He was assassinated by an actor.", PEOPLE)
    assert actor1(ev, "killing") == [("actor", "group")]
    ev = run(resources, "Several thousands of rebels submitted.", PEOPLE)
    assert actor1(ev, "surrender") == [("rebels", "group")]


def test_a_group_actor_keeps_its_modifiers_and_loses_its_possessive(
        resources: api.Resources) -> None:
    ev = run(resources, "The emperor was killed by his own eunuchs.", PEOPLE)
    assert actor1(ev, "killing") == [("own eunuchs", "group")]


def test_a_named_actor_beats_a_group(resources: api.Resources) -> None:
    ev = run(resources, "The Jin army captured Wuchang.", PEOPLE)
    assert actor1(ev, "capture_city") == [("Jin", "polity")]


def test_the_new_cue_examples_come_out_as_documented(resources: api.Resources) -> None:
    with (gazetteer_dir() / "event_cues.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] == "group_noun"]
    assert rows
    for row in rows:
        ev = run(resources, row["example"], PEOPLE + [("Ningbo", "PLACE", "Ningbo"),
                                                      ("Luoyang", "PLACE", "Luoyang"),
                                                      ("Jintian", "PLACE", "Jintian"),
                                                      ("Henan", "PLACE", "Henan"),
                                                      ("Hainan", "PLACE", "Hainan"),
                                                      ("Beijing", "PLACE", "Beijing")])
        sources = [e.actor1_source for e in ev]
        assert "group" in sources, (row, [(e.event_type, e.actor1) for e in ev])


def test_the_emperor_read_as_a_ruler_far_from_his_reign_is_left_blank(
        resources: api.Resources) -> None:
    result = api.process_text("Kublai Khan conquered the Song in 1279.\n\n"
                              "In 1127 the emperor fled south to Yangzhou.", "t", resources)
    rows = {e.event_type: e for e in result.events}
    assert rows["fall_of_state"].actor1 == "Kublai Khan"  # a state conquered: its fall
    assert (rows["flight"].actor1, rows["flight"].actor1_source) == ("", "")


def test_a_group_actor_is_medium_certainty() -> None:
    from pipeline.events.certainty import event_certainty

    assert event_certainty(date_source="", date_certainty="", actor1_source="group",
                           actor2_source="", reading="verb") == "medium"


def test_his_own_officers_capturing_him_are_a_group_not_he(resources: api.Resources) -> None:
    ev = run(resources, "Gaozu attacked the Jin. He was defeated at Wuchang and captured by "
                        "his own officers.", PEOPLE)
    assert [(e.actor1, e.actor1_source, e.actor2) for e in ev
            if e.event_type == "capture_person"] == [("own officers", "group", "Gaozu")]


def test_a_qualified_title_given_in_the_previous_paragraph_is_found(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Suzong ascended the throne; Xuanzong was honored as Retired Emperor.",
        "Later the Retired Emperor returned to Chang'an."], PEOPLE)
    assert actor1(ev, "movement") == [("Xuanzong", "pronoun")]


def test_a_hyphenated_name_subject_no_entity_covers_is_a_stand_in(
        resources: api.Resources) -> None:
    ev = run(resources, "Kwang-sit was born in 1872, ascended the throne in 1875.", PEOPLE)
    assert actor1(ev, "birth") == [("Kwang-sit", "parse")]


def test_a_hyphenated_place_object_is_no_person(resources: api.Resources) -> None:
    ev = run(resources, "The rebels captured Wu-ch'ang.", PEOPLE)
    assert [(e.actor1, e.actor2) for e in ev] == [("rebels", "")]


def test_a_name_after_a_common_title_is_a_stand_in(resources: api.Resources) -> None:
    ev = run(resources, "Gaozu defeated the chanyu Yizhixie, who fled northwards.", PEOPLE)
    assert actor1(ev, "flight") == [("Yizhixie", "parse")]


def test_a_death_told_before_a_flashback_does_not_hide_the_subject(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "In 926 Gaozu killed Li Jiancheng.",
        "Years before, Li Jiancheng grew proud and listened to Liu Heita. "
        "He attacked Wuchang."], PEOPLE)
    assert actor1(ev, "attack") == [("Li Jiancheng", "pronoun")]


def test_a_death_stays_when_the_dead_is_no_subject_later(resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "In 926 Gaozu killed Li Jiancheng.",
        "The army of Li Jiancheng scattered. He attacked Wuchang."], PEOPLE)
    assert actor1(ev, "attack") != [("Li Jiancheng", "pronoun")]


def test_a_second_he_is_the_first_he_not_an_embedded_subject(
        resources: api.Resources) -> None:
    ev = run(resources, "Li Jiancheng was promoted. He wrote a memorial and said that Gaozu "
                        "neglected the court, then he was thrown into prison.", PEOPLE)
    assert [e.actor2 for e in ev if e.event_type == "imprisonment"] == ["Li Jiancheng"]


def test_an_event_nouns_capitalised_modifier_is_its_group(resources: api.Resources) -> None:
    ev = run(resources, "The Mohammedan rebellion in the northwest was suppressed.", PEOPLE)
    assert actor1(ev, "rebellion") == [("Mohammedan", "group")]
    ev = run(resources, "In June the rebellion spread to Wuchang.", PEOPLE)
    assert actor1(ev, "rebellion") == [("", "")]
