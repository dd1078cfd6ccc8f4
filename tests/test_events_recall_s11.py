"""Recall families of session s11 (issue 8, the census over all development sets), with
invented sentences in wordings of their own: "beat" a person, an army or a state is a defeat
(not "beat the drums"; "beat him to death" is a killing); "held X against Y" and "held the
city" are a defence (not "a banquet was held"); "took control" is taking office, "took
control of" a place its capture; "made X his capital" moves the capital; the machine
translation "changed the yuan" (改元) and "the era name was changed" change the era;
"marched on" a place or "marched against" a foe is an attack (not "marched on for days")."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_recall_mt import types


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


@pytest.mark.parametrize("text", [
    "In 1126 Han Shizhong beat Wang Dao at Huangtiandang.",
    "The Song army beat the Jin army below the walls of Xiangyang.",
])
def test_beating_a_foe_is_a_defeat(nlp: Language, text: str) -> None:
    assert "defeat" in types(nlp, text), text


def test_beating_drums_is_no_defeat(nlp: Language) -> None:
    assert "defeat" not in types(nlp, "The soldiers beat the drums all night.")


@pytest.mark.parametrize("text", [
    "The guards beat Wang Dao to death in the prison.",
    "Li Heng was beaten to death by the eunuchs.",
])
def test_beaten_to_death_is_a_killing(nlp: Language, text: str) -> None:
    found = types(nlp, text)
    assert "killing" in found and "defeat" not in found, (text, found)


@pytest.mark.parametrize("text", [
    "Li Heng held Xiangyang against the Mongols for six years.",
    "Wang Dao held the city until the relief army came.",
])
def test_holding_a_city_is_a_defence(nlp: Language, text: str) -> None:
    assert "defence" in types(nlp, text), text


def test_a_banquet_held_is_no_defence(nlp: Language) -> None:
    assert "defence" not in types(nlp, "A great banquet was held in Luoyang in 1127.")


def test_took_control_is_office_or_capture(nlp: Language) -> None:
    assert "office" in types(nlp, "After the death of the emperor Wang Dao took control.")
    assert "capture_city" in types(nlp, "In 1853 the rebels took control of Luoyang.")


@pytest.mark.parametrize("text", [
    "In 1421 the Yongle Emperor made Beijing his capital.",
    "Li Heng took Xiangyang and made it the capital.",
])
def test_making_a_city_the_capital_is_a_capital_move(nlp: Language, text: str) -> None:
    assert "capital_move" in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "In the twelfth month the Han court changed the yuan to Zhongping.",
    "In 1101 the era name was changed.",
])
def test_changed_the_yuan_is_an_era_change(nlp: Language, text: str) -> None:
    assert "era_change" in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "In 1399 Li Heng marched on Luoyang.",
    "In 751 Wang Dao marched with 60,000 men against Nanzhao.",
])
def test_marching_on_or_against_is_an_attack(nlp: Language, text: str) -> None:
    assert "attack" in types(nlp, text), text


def test_marching_on_for_days_is_no_attack(nlp: Language) -> None:
    found = types(nlp, "The army marched on for three days.")
    assert "attack" not in found, found


@pytest.mark.parametrize("text,kind", [
    ("The English government repudiated the terms in 1841.", "abolition"),
    ("Wang Dao killed the eunuch and handed over the emperor.", "release"),
    ("Li Heng took the throne; the country number is Song.", "establishment"),
    ("In 907 Wang Dao killed the royal family and ended the Jin.", "fall_of_state"),
    ("In 1129 the new palace was finished at Xiangyang.", "construction"),
    ("In 905 Li Heng rode into Xiangyang with 70,000 horsemen.", "movement"),
    ("The deputy governor rode out with eighty horsemen.", "attack"),
    ("In 495 Li Heng forbade the Xianbei language at court.", "decree"),
    ("In 1042 Wang Dao passed the Jinshi.", "examination"),
    ("In 1638 Wang Dao passed the county examination.", "examination"),
    ("The Xining change law lasted sixteen years.", "reform"),
    ("In 953 Li Heng was enfeoffed as Prince of Jin.", "appointment"),
    ("In 1069 Wang Dao set up the department of regulations.", "establishment"),
    ("In 1275 Li Heng took over the defence of Xiangyang.", "office"),
])
def test_census_families(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text), text


@pytest.mark.parametrize("text,kind", [
    ("Li Heng repudiated his wife in 1050.", "abolition"),
    ("They handed over twenty thousand chests of opium.", "release"),
    ("The war ended in 1127.", "fall_of_state"),
    ("Wang Dao finished his studies in 1050.", "construction"),
    ("His father forbade him to marry.", "decree"),
    ("The general hastened to submit to the Jin.", "movement"),
])
def test_census_families_near_misses(nlp: Language, text: str, kind: str) -> None:
    assert kind not in types(nlp, text), text
