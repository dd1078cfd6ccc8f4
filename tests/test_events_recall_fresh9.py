"""Recall classes of fresh report 9 (issue 8), with invented sentences in other wordings:
enthronement by the seal or a qualified throne ("received the imperial seal", "mounted the
royal throne"); "sent back"/"sent home" is an exile, not a dispatch; the object-complement
"made him King of X" parsed as a small clause; "replaced X" as an appointment; "shot dead" a
killing; "relieved X" (a place or a siege) a victory; and the near misses each must leave
alone."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import brief, run
from test_events_recall_mt import SPEC, types


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


@pytest.mark.parametrize("text", [
    "In the spring Li Heng received the imperial seal in Luoyang.",
    "On the next day Wang Dao received the seal and ribbons from the Empress Dowager.",
    "Li Heng mounted the royal throne at the age of nine.",
    "That winter Wang Dao ascended the imperial throne in Xiangyang.",
])
def test_seal_and_qualified_throne_are_an_enthronement(nlp: Language, text: str) -> None:
    assert "enthronement" in types(nlp, text), text


def test_seal_of_an_office_is_no_enthronement(nlp: Language) -> None:
    assert "enthronement" not in types(nlp, "Li Heng received the seal of his office.")


@pytest.mark.parametrize("text", [
    "Li Heng was deposed and sent back to Luoyang.",
    "In disgrace Wang Dao was sent home to Xiangyang.",
])
def test_sent_back_is_no_dispatch(nlp: Language, text: str) -> None:
    kinds = types(nlp, text)
    assert "appointment" not in kinds, text
    assert "exile" in kinds, text


def test_sent_with_an_errand_back_stays_a_dispatch(nlp: Language) -> None:
    text = "The emperor sent the prince Wang Dao back to Luoyang to persuade the old ministers."
    assert "appointment" in types(nlp, text)


@pytest.mark.parametrize("text", [
    "In 1127 the emperor made him chief minister.",
    "The Jin made him Prince of Xiangyang two years later.",
])
def test_made_him_a_rank_is_an_appointment(nlp: Language, text: str) -> None:
    assert "appointment" in types(nlp, text), text


def test_made_him_a_thing_is_no_appointment(nlp: Language) -> None:
    assert "appointment" not in types(nlp, "Wang Dao made him the hero of a popular play.")


def test_replaced_a_person_is_an_appointment(nlp: Language) -> None:
    assert ("appointment", "Li Heng", "Wang Dao", "") in brief(
        run(nlp, "Li Heng replaced Wang Dao as commander in 1127.", SPEC))


@pytest.mark.parametrize("text", [
    "The new law replaced the old code.",
    "Li Heng replaced the broken tiles of the hall.",
])
def test_replaced_a_thing_is_no_appointment(nlp: Language, text: str) -> None:
    assert "appointment" not in types(nlp, text)


def test_shot_dead_is_a_killing(nlp: Language) -> None:
    rows = brief(run(nlp, "Wang Dao was shot dead by Li Heng at the gate of Luoyang.", SPEC))
    assert ("killing", "Li Heng", "Wang Dao", "Luoyang") in rows


def test_shooting_an_arrow_is_no_killing(nlp: Language) -> None:
    assert "killing" not in types(nlp, "Li Heng shot an arrow over the wall of Luoyang.")


@pytest.mark.parametrize("text", [
    "In 1206 Li Heng relieved Xiangyang with the Song army.",
    "Wang Dao relieved the siege of Luoyang in the autumn.",
])
def test_relief_is_a_victory(nlp: Language, text: str) -> None:
    assert "victory" in types(nlp, text), text


def test_relieved_of_a_command_is_no_victory(nlp: Language) -> None:
    assert "victory" not in types(nlp, "Wang Dao was relieved of his command in 1127.")


def test_office_with_an_apposed_infinitive_is_still_an_office(nlp: Language) -> None:
    text = ("On his return Li Heng was made President of the Privy Council, the first soldier "
            "from the ranks to hold that post.")
    assert "appointment" in types(nlp, text)  # a rank given: appointment (gold convention)


def test_made_to_act_is_still_no_office(nlp: Language) -> None:
    assert "office" not in types(nlp, "Li Heng was made to guide them to the camp.")


@pytest.mark.parametrize("text", [
    "In 893 Li Heng became the Zhenhai Army Festival Degree Envoy.",
    "Two years later Wang Dao became the Grand Secretary of the Hanlin Academy.",
])
def test_became_a_named_rank_is_an_office(nlp: Language, text: str) -> None:
    assert "office" in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "Li Heng became a famous poet.",
    "Luoyang became the capital of the Jin.",
])
def test_became_a_thing_is_no_office(nlp: Language, text: str) -> None:
    assert "office" not in types(nlp, text), text


def test_became_emperor_keeps_its_actor(nlp: Language) -> None:
    assert ("enthronement", "Li Heng", "", "") in brief(
        run(nlp, "Li Heng became emperor in 1127.", SPEC))
