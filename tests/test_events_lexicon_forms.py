"""Trigger forms of event_types.csv for succession, movement, titles, deaths of persons,
sworn brotherhood and occupation, on invented sentences (and near misses that are no event)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import brief, run


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp

SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Jin", "POLITY", "Jin")]


@pytest.mark.parametrize("text,expected", [
    ("Li Heng succeeded his father in 1023.", ("enthronement", "Li Heng", "", "")),
    ("Li Heng went to Luoyang.", ("movement", "Li Heng", "", "Luoyang")),
    ("Wang Dao marched through Luoyang.", ("movement", "Wang Dao", "", "Luoyang")),
    ("Li Heng created Wang Dao a duke.", ("appointment", "Li Heng", "Wang Dao", "")),
    ("Li Heng became an earl.", ("office", "Li Heng", "", "")),
    ("Wang Dao was ennobled.", ("appointment", "", "Wang Dao", "")),
    ("Li Heng perished in the flames.", ("death", "Li Heng", "", "")),
    ("Li Heng and Wang Dao became sworn brothers.", ("alliance", "Li Heng", "", "")),
    ("Li Heng obtained possession of Xiangyang.",
     ("capture_city", "Li Heng", "", "Xiangyang")),
    ("Several cities were occupied by the Jin.", ("capture_city", "Jin", "", "")),
    ("Li Heng cleared Luoyang of rebels.", ("capture_city", "Li Heng", "", "Luoyang")),
])
def test_new_forms_yield_their_type(nlp: Language, text: str,
                                    expected: tuple[str, str, str, str]) -> None:
    assert expected in brief(run(nlp, text, SPEC))


@pytest.mark.parametrize("text", [
    "Li Heng went to war against the Jin.",
    "The army passed through the gate.",
    "Li Heng created a new office.",
    "Li Heng cleared the land.",
    "The plan perished.",
    "He occupied a high position.",
])
def test_near_misses_are_no_event(nlp: Language, text: str) -> None:
    assert run(nlp, text, SPEC) == []


def test_a_city_that_perished_still_falls(nlp: Language) -> None:
    assert brief(run(nlp, "Luoyang perished.", SPEC)) == [("capture_city", "", "", "Luoyang")]


@pytest.mark.parametrize("text,kind", [
    ("Li Heng succeeded his father as governor of Luoyang.", "office"),
    ("Li Heng succeeded his father as emperor.", "enthronement"),
])
def test_succeeding_to_an_office_is_no_enthronement(nlp: Language, text: str,
                                                     kind: str) -> None:
    assert [e.event_type for e in run(nlp, text, SPEC)] == [kind]
