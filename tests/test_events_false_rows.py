"""False rows cut and types chosen by what the trigger is done to (s12 census of the dev sets'
false rows, docs/false_rows.md); invented sentences, positive and negative."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import run

from pipeline import api


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Later Wei", "POLITY", "Later Wei"), ("Northern Liang", "POLITY", "Northern Liang"),
        ("Jin", "POLITY", "Jin"), ("Jin army", "ARMY", "Jin army")]


def types(nlp: Language, text: str) -> list[str]:
    return [e.event_type for e in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text,kind", [
    # a state destroyed, conquered or annexed falls (the gold's fall_of_state)
    ("In 431 the Later Wei was destroyed.", "fall_of_state"),
    ("Li Heng destroyed the Northern Liang and killed its ruler.", "fall_of_state"),
    ("Li Heng conquered the Northern Liang in 439.", "fall_of_state"),
    ("Li Heng annexed the Northern Liang in 439.", "fall_of_state"),
    # an army destroyed is annihilated
    ("Li Heng destroyed the Jin army at the river.", "annihilation"),
    ("Li Heng destroyed two armies of the rebels.", "annihilation"),
    # things, fleets and towns keep their types
    ("A typhoon destroyed the fleet of the Later Wei.", "destruction"),
    ("Li Heng destroyed the bridges.", "destruction"),
    ("Li Heng conquered the town of Xiangyang.", "capture_city"),
    ("Li Heng annexed Xiangyang.", "capture_city"),
])
def test_type_by_what_is_done_to(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text)
    others = {"fall_of_state", "annihilation", "destruction", "capture_city"} - {kind}
    assert not others & set(types(nlp, text)), types(nlp, text)


@pytest.mark.parametrize("text,kind", [
    # a figure of speech: the verb is done to an abstract thing
    ("Li Heng broke the promise and set up his nephew as prince.", "defeat"),
    ("Having recovered his strength, Li Heng raided the border.", "recovery"),
    ("The defeat destroyed the prestige of the Later Wei.", "fall_of_state"),
    ("The defeat destroyed the prestige of the Later Wei.", "destruction"),
    # unwillingness and resolve govern what they would do
    ("Li Heng, unwilling to return empty-handed, attacked the Jin.", "movement"),
    ("Li Heng resolved to enter the land at once and first of all to take Xiangyang.",
     "capture_city"),
    ("Li Heng was determined to take Xiangyang.", "capture_city"),
])
def test_no_row(nlp: Language, text: str, kind: str) -> None:
    assert kind not in types(nlp, text), types(nlp, text)


@pytest.mark.parametrize("text,kind", [
    ("Li Heng made an attempt to recover Xiangyang, but was repulsed.", "recovery"),
    # a purpose infinitive the parse hangs on a noun is still the verb's purpose: done
    ("Li Heng took advantage of the situation to attack Xiangyang.", "attack"),
    ("Li Heng divided his troops into four groups to attack Xiangyang.", "attack"),
    ("Li Heng recovered Xiangyang.", "recovery"),
    ("Li Heng destroyed the palace.", "destruction"),
    ("Unwilling to surrender, Li Heng attacked the Jin.", "attack"),
    ("Li Heng resolved to attack, and he took Xiangyang in 431.", "capture_city"),
])
def test_row_stays(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text), types(nlp, text)


def test_a_state_destroyed_takes_the_last_year_of_the_state_not_of_the_destroyer(
        resources: api.Resources) -> None:
    rows = api.process_text("The Jin destroyed the Liao.", "t", resources).events
    assert [(e.event_type, e.year) for e in rows] == [("fall_of_state", 1125)]
