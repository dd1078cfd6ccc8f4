"""Agentless hostile passives take the patient's opponent as a flagged guess; commanders of
"under the command of X"; rulers' polities (issue 8); the other inferred agents of agentless
passives and bare event nouns (h7 roles: list items, patientless acts, the sentence's ruler,
acts of power, "under X")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events, load_person_polities
from pipeline.events.implied import load_implied_tables, sentence_ruler
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


# Inferred actor1 of agentless passives and bare event nouns (h7 roles): a list item shares
# its umbrella noun's agent, a patientless hostile act names the agentless passives right
# after it, the ruler a sentence names is the agent of its agentless state act, an agentless
# execution takes the one who just acted in power.

def test_list_items_share_the_umbrella_nouns_agent(nlp: Language) -> None:
    text = ("During his reign, Minh Mang made many reformations, such as: unification of the "
            "measurement units; encouragement of land reclamation.")
    ev = run(nlp, text, [("Minh Mang", "PERSON", "Minh Mang")])
    got = {e.trigger.split()[0]: e.actor1 for e in ev}
    assert got.get("unification") == "Minh Mang"
    assert got.get("encouragement") == "Minh Mang"


def test_a_list_after_another_subject_is_not_the_umbrellas(nlp: Language) -> None:
    text = ("Minh Mang made many reformations, such as: unification of the measurement units. "
            "The court ordered the repair of the roads.")
    ev = run(nlp, text, [("Minh Mang", "PERSON", "Minh Mang")])
    assert all(e.actor1 != "Minh Mang" for e in ev if e.trigger.startswith("repair"))


def test_a_patientless_attack_names_the_passives_after_it(nlp: Language) -> None:
    text = ("In 1407 Zheng He attacked first, more than 5,000 pirates were killed, ten ships "
            "were burned, Chen Zuyi was captured alive.")
    ev = run(nlp, text, [("Zheng He", "PERSON", "Zheng He"), ("Chen Zuyi", "PERSON",
                                                               "Chen Zuyi")])
    inferred = [(e.event_type, e.actor1, e.actor1_source, e.certainty) for e in ev
                if e.event_type in ("killing", "capture_person")]
    assert inferred and all(a == "Zheng He" and s == "side" and c == "low"
                            for _, a, s, c in inferred)


def test_a_patientless_attack_does_not_carry_far(nlp: Language) -> None:
    filler = " ".join(["The court debated the taxes of the southern provinces for months."] * 5)
    text = f"In 1407 Zheng He attacked first. {filler} Ten ships were burned."
    ev = run(nlp, text, [("Zheng He", "PERSON", "Zheng He")])
    assert [e.actor1 for e in ev if e.event_type == "destruction"] == [""]


def _appointed(year: int, actor2: str = "Zheng He") -> EventRow:
    return EventRow("", 0, -1, 200, 220, "appointment", "appointed", actor2=actor2,
                    actor2_source="named", year=year, certainty="high")


def test_the_ruler_the_sentence_names_is_the_implied_agent() -> None:
    tables = load_implied_tables()
    hongxi = next(n for n in tables.names.values() if n == "Hongxi Emperor")
    before = "The Hongxi emperor ordered to stop the Western Ocean voyages, Zheng He was "
    row = sentence_ruler(_appointed(1424), [], before, 150, {}, tables)
    assert (row.actor1, row.actor1_source, row.certainty) == (hongxi, "implied", "low")


def test_a_ruler_not_reigning_that_year_or_no_ruler_leaves_the_row() -> None:
    tables = load_implied_tables()
    before = "The Hongxi emperor ordered to stop the Western Ocean voyages, Zheng He was "
    assert sentence_ruler(_appointed(1405), [], before, 150, {}, tables).actor1 == ""
    assert sentence_ruler(_appointed(1424), [], "Zheng He was ", 150, {}, tables).actor1 == ""
    assert sentence_ruler(_appointed(1424), [], "The Hongxi emperors' men ", 150, {},
                          tables).actor1 == ""  # not the words of the name


def test_the_one_who_breaks_a_blockade_is_not_the_blockader(nlp: Language) -> None:
    text = ("Kublai Khan sent Aju to surround Xiangyang. In 1272 Zhang Shun broke through the "
            "blockade with a hundred boats of supplies.")
    ev = run(nlp, text, [("Kublai Khan", "PERSON", "Kublai Khan"), ("Aju", "PERSON", "Aju"),
                         ("Zhang Shun", "PERSON", "Zhang Shun"),
                         ("Xiangyang", "PLACE", "Xiangyang")])
    assert [e.actor1 for e in ev if e.event_type == "blockade"] in ([""], ["Aju"])
    assert all(e.actor1 != "Zhang Shun" for e in ev if e.event_type == "blockade")


def test_an_agentless_execution_takes_the_one_who_just_acted_in_power(nlp: Language) -> None:
    text = ("In 1898 the Empress Dowager deposed the Emperor and revoked his edicts. "
            "Six of the reformers were beheaded.")
    ev = run(nlp, text, [("Empress Dowager", "PERSON", "Cixi")])
    assert [(e.actor1, e.actor1_source, e.certainty) for e in ev
            if e.event_type == "execution"] == [("Cixi", "implied", "low")]


def test_an_execution_far_from_any_act_of_power_stays_blank(nlp: Language) -> None:
    filler = " ".join(["The court debated the taxes of the southern provinces for months."] * 5)
    text = (f"In 1898 the Empress Dowager deposed the Emperor. {filler} "
            "Six of the reformers were beheaded.")
    ev = run(nlp, text, [("Empress Dowager", "PERSON", "Cixi")])
    assert [e.actor1 for e in ev if e.event_type == "execution"] == [""]


def test_one_who_died_in_a_battle_against_y_fought_it(nlp: Language) -> None:
    text = ("In 1004 Li Jiqian was wounded and died in a battle against "
            "Pan Luozhi.")
    ev = run(nlp, text, [("Li Jiqian", "PERSON", "Li Jiqian"),
                         ("Pan Luozhi", "PERSON", "Pan Luozhi")])
    assert [(e.actor1, e.actor2) for e in ev if e.event_type == "battle"] == [
        ("Li Jiqian", "Pan Luozhi")]


def test_a_battle_with_no_target_takes_no_subject_from_its_verb(nlp: Language) -> None:
    text = "In 1004 Li Jiqian was wounded and died in a great battle."
    ev = run(nlp, text, [("Li Jiqian", "PERSON", "Li Jiqian")])
    assert all(e.actor1 != "Li Jiqian" for e in ev if e.event_type == "battle")


def test_an_agentless_passive_done_under_someone_is_theirs_as_a_guess(nlp: Language) -> None:
    text = ("In 1400 the wall was rebuilt under the Ming. In 1401 Wang Zhen was placed under "
            "arrest.")
    ev = run(nlp, text, [("Ming", "POLITY", "Ming"), ("Wang Zhen", "PERSON", "Wang Zhen")])
    assert [(e.actor1, e.actor1_source, e.certainty) for e in ev
            if e.event_type == "construction"] == [("Ming", "implied", "low")]
    assert all(e.actor1 != "arrest" for e in ev)
