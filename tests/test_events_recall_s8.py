"""Recall mechanisms of session s8 (invented sentences in the styles of real pages): a
lower-case "siege of X" in running text is the siege told (a capitalised "Siege of X" stays a
reference), and a settlement noun as object ("entered the city") is a place for the rows that
take a PLACE."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import run

from pipeline.events.anaphora import settlement_words


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song")]


def types(nlp: Language, text: str) -> list[str]:
    return [e.event_type for e in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text", [
    "The siege of Xiangyang dragged on through the summer rains.",
    "The next year Li Heng relieved the siege of Luoyang.",
    "Xiangyang fell after a siege of almost a year.",
])
def test_lower_case_siege_of_is_a_siege(nlp: Language, text: str) -> None:
    assert "siege" in types(nlp, text)


def test_capitalised_siege_of_stays_a_reference(nlp: Language) -> None:
    kinds = types(nlp, "Li Heng died in 1273 (see the Siege of Xiangyang).")
    assert "siege" not in kinds
    assert "battle_reference" in kinds


def test_settlement_words_come_from_the_gazetteer() -> None:
    words = settlement_words()
    assert {"city", "cities", "prefecture", "prefectures", "county", "counties"} <= words
    assert "river" not in words  # a feature, not a settlement


@pytest.mark.parametrize("text", [
    "His men, about two hundred in all, entered the city dressed as pedlars.",
    "In the spring Li Heng entered the prefecture with his army.",
])
def test_settlement_object_is_a_place(nlp: Language, text: str) -> None:
    assert "movement" in types(nlp, text)


def test_an_unclassed_object_is_still_refused(nlp: Language) -> None:
    assert "movement" not in types(nlp, "Li Heng entered the debate with a long memorial.")
