"""Roles on new text (fresh report 9): a causative whose object is followed by an aside
between commas ("had the prisoners, said to number 400,000, buried alive") keeps its causer as
the agent; possession with a counted object ("had two sons, ..., born") is no causative."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import run

from pipeline.records import EntityRow, EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def roles(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor2) for e in events if e.event_type == kind]


def test_a_causative_with_an_aside_after_its_object_keeps_the_causer(nlp: Language) -> None:
    ev = run(nlp, "Wang Mang had the envoys, who had insulted Liu Xiu, beheaded in the "
             "market.", [("Wang Mang", "PERSON"), ("Liu Xiu", "PERSON")])
    assert [a for a, _ in roles(ev, "execution")] == ["Wang Mang"]


def test_a_causative_with_a_participle_aside_keeps_the_causer(nlp: Language) -> None:
    ev = run(nlp, "Xiang Yu had the surrendered soldiers, some two hundred thousand men, "
             "killed at Xin'an.", [("Xiang Yu", "PERSON"), ("Xin'an", "PLACE")])
    assert [a for a, _ in roles(ev, "killing")] == ["Xiang Yu"]


def test_possession_with_a_counted_object_is_no_causative(nlp: Language) -> None:
    ev = run(nlp, "Li Jing had two sons, Li Deng and Li Yan, born in Chang'an.",
             [("Li Jing", "PERSON"), ("Li Deng", "PERSON"), ("Li Yan", "PERSON"),
              ("Chang'an", "PLACE")])
    assert "Li Jing" not in [a for a, _ in roles(ev, "birth")]


def test_a_clause_subject_listed_with_the_object_before_keeps_its_clause(
        nlp: Language) -> None:
    ev = run(nlp, "The general Xue Rengui pursued the rebels, killed Wang Biu, and Dae Ju-sang "
             "also died.", [("Xue Rengui", "PERSON"), ("Wang Biu", "PERSON"),
                            ("Dae Ju-sang", "PERSON")])
    assert [a for a, _ in roles(ev, "death")] == ["Dae Ju-sang"]
    assert [a for a, _ in roles(ev, "killing")] == ["Xue Rengui"]


def test_an_implied_polity_that_did_not_exist_that_year_is_no_agent() -> None:
    from pipeline.events.implied import implied_actor  # noqa: PLC0415

    def event(year: int) -> EventRow:
        return EventRow("", 0, -1, 100, 120, "imprisonment", "thrown into prison",
                        actor2="Di Renjie", actor2_source="named", year=year, certainty="high")

    # the text is about the Tanguts (Western Xia, 1038-1227): a Tang minister jailed in 692
    early = implied_actor(event(692), "ruler", None, (), [], {}, text_polity="Western Xia")
    assert early.actor1 == ""
    late = implied_actor(event(1100), "polity", None, (), [], {}, text_polity="Western Xia")
    assert late.actor1 == "Western Xia"


def test_an_ocr_headword_with_unread_character_marks_is_the_entry_topic() -> None:
    from pipeline.events.mentions import entry_topic  # noqa: PLC0415

    def topic(text: str, name: str) -> str:
        at = text.index(name)
        found = entry_topic(text, 0, [EntityRow("", -1, at, at + len(name), name, "PERSON",
                                                "Yue Fei", "g")])
        return found.canonical if found else ""

    assert topic("2521 Yo Fei ^ * (T. ^ ^). A.D. 1103-1142. A native of T'ang-yin.",
                 "Yo Fei") == "Yue Fei"
    assert topic("Yo Fei ■ □. Born in 1103.", "Yo Fei") == "Yue Fei"
    # OCR reads an unread character as "|" too (fresh report 12: "1957 Tou I ^ |^ (T. ^ ^).")
    assert topic("2521 Yo Fei ^ |^ (T. ^ ^). Died A.D. 1142.", "Yo Fei") == "Yue Fei"
    assert topic("Yo Fei ^ fought the Chin.", "Yo Fei") == ""  # a sentence, not a heading


def test_a_title_the_paragraph_gave_a_name_no_entity_covers_resolves_to_it(
        nlp: Language) -> None:
    ev = run(nlp, "The emperor fell ill. On Yichou, he made his youngest son Fuling the Crown "
             "Prince. On Wuchen, the Crown Prince ascended the throne.", [])
    assert [a for a, _ in roles(ev, "enthronement")] == ["Fuling"]
    ev = run(nlp, "The emperor was old, and his eldest son Liu Ju was named crown prince. "
             "In 91 BC the crown prince rebelled.", [])
    assert [a for a, _ in roles(ev, "rebellion")] == ["Liu Ju"]


def test_a_title_no_verb_gave_a_name_stays_unresolved(nlp: Language) -> None:
    ev = run(nlp, "In Yuanshou the Crown Prince fled to Hu. Later the Crown Prince returned "
             "to the capital.", [])
    assert all(a in ("", "Crown Prince") for a, _ in roles(ev, "movement") + roles(
        ev, "flight"))


def test_a_death_glossed_in_brackets_leaves_the_person_alive_for_the_narrative(
        nlp: Language) -> None:
    ev = run(nlp, "The rebels were scattered. Wang Jian (died 918), a salt smuggler, founded the "
             "state of Shu. In 910 he attacked Qi.", [("Wang Jian", "PERSON"), ("Shu", "POLITY"),
                                                     ("Qi", "POLITY")])
    assert [a for a, _ in roles(ev, "attack")] == ["Wang Jian"]


def test_the_subject_of_a_relative_clause_is_background_for_a_later_he(
        nlp: Language) -> None:
    ev = run(nlp, "Li Sheng defeated the rebels. On the revolt of Zhu Ci, who proclaimed himself "
             "Emperor, he fought twenty battles.", [("Li Sheng", "PERSON"), ("Zhu Ci", "PERSON")])
    assert [a for a, _ in roles(ev, "battle")] == ["Li Sheng"]
    assert [a for a, _ in roles(ev, "proclamation")] == ["Zhu Ci"]
