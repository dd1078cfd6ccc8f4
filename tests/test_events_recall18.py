"""Trigger families of fresh report 14: literal execution verbs ("dismembered", "cut" a
person), "signed" with a treaty noun, "carried off" a crew, and "was made" with no rank given
(no office), on invented sentences and near misses."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import brief, run


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song")]


@pytest.mark.parametrize("text,expected", [
    ("Li Heng was dismembered at Luoyang.", ("execution", "", "Li Heng", "Luoyang")),
    ("Li Heng used his sword to cut the general Wang Dao.", ("killing", "Li Heng", "Wang Dao", "")),
    ("The Song signed a treaty with the Jin.", ("treaty", "Song", "Jin", "")),
    # a rank given by the court: an appointment (the gold convention, s13), the holder actor2
    ("Wang Dao was made governor of Luoyang.", ("appointment", "", "Wang Dao", "")),
    ("Then Li Heng was made President of the Privy Council, the first soldier to hold that post.",
     ("appointment", "", "Li Heng", "")),
])
def test_trigger_family(nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in brief(run(nlp, text, SPEC))


def test_signed_treaty_is_one_row(nlp: Language) -> None:
    rows = run(nlp, "The treaty was signed at Luoyang.", SPEC)
    assert [r.event_type for r in rows] == ["treaty"]


def test_carried_off_crew(nlp: Language) -> None:
    rows = run(nlp, "The soldiers came on board and carried off twelve of her crew.", SPEC)
    assert [r.event_type for r in rows] == ["capture_person"]


@pytest.mark.parametrize("text", [
    "On the 27th a breach was made in the city wall.",
    "Some hundreds of foreigners were made ill.",
    "Peace was made in 1020.",
    "Li Heng signed the decree.",
    "Li Heng cut the rope.",
])
def test_no_row(nlp: Language, text: str) -> None:
    assert not [r for r in run(nlp, text, SPEC) if r.event_type in (
        "office", "treaty", "killing", "execution")]
