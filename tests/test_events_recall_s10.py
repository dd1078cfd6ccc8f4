"""Recall families of session s10 (issue 8), with invented sentences in wordings of their
own: "won the battle/war/day" is a victory (not "won the favour"); lifting, raising or
abandoning a siege is a retreat (not "raised an army"); an army or a battle line that
collapses or gives way is a defeat (not a roof that collapses); a city or a state that has
"fallen" (not a price, not a person); "overtook"/"was overtaken" a person or an army is an
interception."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_recall_mt import types


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


@pytest.mark.parametrize("text", [
    "In 1288 Li Heng won the battle of Baiteng and recovered the capital.",
    "The Tang won the war within three years.",
])
def test_won_a_battle_is_a_victory(nlp: Language, text: str) -> None:
    assert "victory" in types(nlp, text), text


def test_won_favour_is_no_victory(nlp: Language) -> None:
    assert "victory" not in types(nlp, "Wang Dao won the favour of the emperor.")


@pytest.mark.parametrize("text", [
    "After five months the Mongol army lifted the siege and went north.",
    "Wang Dao raised the siege of Xiangyang in the autumn.",
    "The Jin abandoned the siege when the rains came.",
])
def test_lifting_a_siege_is_a_retreat(nlp: Language, text: str) -> None:
    assert "retreat" in types(nlp, text), text


def test_raising_an_army_is_no_retreat(nlp: Language) -> None:
    assert "retreat" not in types(nlp, "Wang Dao raised an army in Xiangyang.")


@pytest.mark.parametrize("text", [
    "The emperor turned on them, and the Xia army collapsed.",
    "At noon the Song line gave way and the ships fled.",
])
def test_an_army_collapsing_is_a_defeat(nlp: Language, text: str) -> None:
    assert "defeat" in types(nlp, text), text


def test_a_roof_collapsing_is_no_defeat(nlp: Language) -> None:
    assert "defeat" not in types(nlp, "In 1500 the roof of the hall collapsed in the storm.")


def test_a_fallen_state_is_its_fall(nlp: Language) -> None:
    assert "fall_of_state" in types(nlp, "By 1234 the Jin dynasty had fallen.")


@pytest.mark.parametrize("text", [
    "In 1550 the price of salt had fallen.",
    "He beheaded its king at the spot where Chen Mu had fallen.",
])
def test_other_fallen_things_are_no_capture(nlp: Language, text: str) -> None:
    kinds = types(nlp, text)
    assert "capture_city" not in kinds and "fall_of_state" not in kinds, text


@pytest.mark.parametrize("text", [
    "Li Heng lost his way and was overtaken by the cavalry under Wang Dao.",
    "Wang Dao overtook Li Heng on the river.",
])
def test_overtaking_a_foe_is_an_interception(nlp: Language, text: str) -> None:
    assert "interception" in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "Wang Dao charged up the dyke; the Jin army broke, and the soldiers ran.",
    "Late in the day the Song line broke.",
])
def test_an_army_that_broke_is_defeated(nlp: Language, text: str) -> None:
    assert "defeat" in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "In 1235 the war between the Song and the Jin broke out.",
    "Li Heng broke out across the frozen river that night.",
    "The army of the Jin broke the dyke at Xiangyang.",
])
def test_broke_with_an_object_or_particle_is_no_collapse(nlp: Language, text: str) -> None:
    assert "defeat" not in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "In 75 Li Heng was recalled to Luoyang.",
    "The Jin again called Wang Dao back to be prime minister.",
    "Li Heng was later called away from Xiangyang.",
])
def test_recalling_an_official_is_an_appointment(nlp: Language, text: str) -> None:
    assert "appointment" in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "Li Heng recalled that his father had served the Song.",
    "In old age Wang Dao recalled his youth in Luoyang.",
])
def test_remembering_is_no_recall(nlp: Language, text: str) -> None:
    assert "appointment" not in types(nlp, text), text


@pytest.mark.parametrize("text", [
    'In 184 Li Heng called himself "Heavenly Lord General".',
    "Wang Dao styled himself “Heavenly Completion Emperor” at Xiangyang.",
])
def test_a_quoted_self_title_is_a_proclamation(nlp: Language, text: str) -> None:
    assert "proclamation" in types(nlp, text), text


def test_calling_oneself_sick_is_no_proclamation(nlp: Language) -> None:
    text = "The officers called themselves sick and asked to go home."
    assert "proclamation" not in types(nlp, text)


@pytest.mark.parametrize("text, wanted, not_wanted", [
    # cutting off heads is a killing (fresh report 12: "cut off the heads of X" gave blockade)
    ("In 1136 Cho Kwang cut off the heads of Myochong and Yu Cham.", "killing", "blockade"),
    # cutting off a route or an army is still a blockade
    ("The Jin cut off the supply route of the Song army.", "blockade", "killing"),
    ("The rebels cut off the road to the capital.", "blockade", "killing"),
])
def test_cut_off_heads_is_a_killing(nlp: Language, text: str, wanted: str,
                                    not_wanted: str) -> None:
    found = types(nlp, text)
    assert wanted in found and not_wanted not in found, (text, found)
