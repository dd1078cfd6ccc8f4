"""Recall of events: nominal and phrasal triggers of event_types.csv, "succeeded ... as
Emperor" read from the "as" phrase, and near misses that stay no event (invented sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import run


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Jin", "POLITY", "Jin"), ("Sui", "POLITY", "Sui"), ("Tang", "POLITY", "Tang")]


def types(nlp: Language, text: str) -> list[str]:
    return [e.event_type for e in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text,kind", [
    ("After the establishment of the Tang dynasty, Li Heng retired.", "establishment"),
    ("Commanding an army, Li Heng won several victories.", "victory"),
    ("Li Heng broke through a double entrenchment of the Jin.", "attack"),
    ("Li Heng cut up the rebel army.", "defeat"),
    ("When he was a child, Li Heng lost his father.", "death"),
    ("Li Heng and Wang Dao became half-brothers.", "alliance"),
    ("Li Heng overthrew the Sui dynasty.", "fall_of_state"),
    ("Li Heng subdued the western kingdoms.", "defeat"),
    ("Li Heng annexed Xiangyang.", "capture_city"),
    ("Li Heng annexed the state of Jin.", "fall_of_state"),  # a state annexed: its end (dev5)
    ("Wang Dao usurped the throne.", "coup"),
    ("Li Heng defected to the Jin.", "surrender"),
    ("Wang Dao was taken prisoner.", "capture_person"),
    ("Li Heng had conferred a high post on Wang Dao.", "appointment"),
    ("Li Heng set himself up as emperor in Luoyang.", "proclamation"),
    ("Li Heng set up a puppet regime in Luoyang.", "establishment"),
    ("The two princes went to the lake temple.", "movement"),
    ("Li Heng killed his brother and succeeded in 934 as fourth Emperor of the Tang.",
     "enthronement"),
    ("Li Heng reduced Xiangyang in 1127.", "capture_city"),
    ("The rebels made themselves masters of Luoyang.", "capture_city"),
    ("Li Heng was slain by Wang Dao.", "killing"),
    ("Luoyang fell into the hands of the Jin.", "capture_city"),
    ("After capturing Luoyang, Li Heng drove out the Jin.", "defeat"),
    ("Wang Dao put up resistance against the Jin.", "defence"),
    ("The lost territory fell into the hands of the Jin.", "capture_city"),
    ("Li Heng abandoned the key passes and fled.", "abandonment"),
    ("The emperor's flight to Luoyang saved the dynasty.", "flight"),
    ("In 1234 the Jin dynasty came to an end.", "fall_of_state"),
    ("Li Heng requested peace with the Jin.", "peace"),
])
def test_form_yields_its_type(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text)


@pytest.mark.parametrize("text", [
    "Li Heng succeeded in persuading Wang Dao.",
    "Li Heng went to war against the Jin.",
    "Li Heng set up a stall.",
    "Li Heng conferred with Wang Dao.",
    "Li Heng lost his temper.",
    "Li Heng reduced the taxes.",
    "Li Heng was charged with treason.",
    "Li Heng fell in love with archery.",
    "Li Heng abandoned his studies.",
    "The war came to an end in 1141.",
])
def test_near_misses_are_no_event(nlp: Language, text: str) -> None:
    assert types(nlp, text) == []


def test_a_lost_father_is_not_the_child_dying(nlp: Language) -> None:
    (event,) = run(nlp, "As a child, Li Heng lost his father.", SPEC)
    assert (event.event_type, event.actor1) == ("death", "")


def test_succeeding_as_governor_is_no_enthronement(nlp: Language) -> None:
    assert "enthronement" not in types(nlp, "Li Heng succeeded in 934 as governor of Luoyang.")
