""""fell upon" and "pursued" are attacks also on an object no entity covers: a pronoun or a
common noun of a force or a position (the ``object_words`` rows of event_types.csv)."""

from __future__ import annotations

import pytest

from pipeline import api


def _types(text: str, resources: api.Resources) -> list[str]:
    return [e.event_type for e in api.process_text(text, "t", resources).events]


@pytest.mark.parametrize("text", [
    "At noon they fell upon the East and West Flowery Gates.",
    "In 1773 the rebels fell upon his camp.",
    "In 311 Shi Le pursued them with light cavalry.",
    "In 1410 Fu pursued a small body of the enemy to the Kerulon.",
    "In 1862 the townsmen took vengeance by falling upon them in great force.",
])
def test_an_attack_on_an_unnamed_force_or_position(text: str,
                                                    resources: api.Resources) -> None:
    assert "attack" in _types(text, resources)


@pytest.mark.parametrize("text", [
    "He pursued his studies in 1050.",
    "In 1050 night fell upon the city.",
    "Misfortune fell upon them in 1120.",
])
def test_no_attack_without_a_force_pursued_or_fallen_upon(text: str,
                                                          resources: api.Resources) -> None:
    assert "attack" not in _types(text, resources)


def test_a_policy_pursued_is_a_reform(resources: api.Resources) -> None:
    assert _types("In 1069 Wang Anshi pursued the policy of reform.", resources) == ["reform"]


@pytest.mark.parametrize("text", [
    "In 925 Abaoji led his armies east against Balhae.",
    "In 1000 Li Jing led an army of 30,000 against the Turks.",
    "In 1872 Ts'en Yu-ying advanced upon Tali-fu.",
])
def test_leading_a_force_against_or_advancing_upon_is_an_attack(
        text: str, resources: api.Resources) -> None:
    assert "attack" in _types(text, resources)


@pytest.mark.parametrize("text", [
    "In 1211 he led a delegation against the wishes of the court.",  # no force led
    "In 1000 Li Jing led the army to Luoyang.",  # a movement
])
def test_leading_without_a_force_against_is_no_attack(text: str,
                                                      resources: api.Resources) -> None:
    assert "attack" not in _types(text, resources)


@pytest.mark.parametrize("text", [
    "In 912 his son Zhu Yougui led the soldiers into the palace and killed him.",
    "In 756 Zhang Xun led 3,000 men into the city.",
    "In 222 Liu Bei led his main force from Zigui to Xiaoting.",
    "In 612 he personally led them out of Zhuojun.",
])
def test_leading_a_force_into_a_walled_place_or_a_named_one_moves(
        text: str, resources: api.Resources) -> None:
    assert "movement" in _types(text, resources)


@pytest.mark.parametrize("text", [
    "In 612 he led the government of the city.",  # no force, no route
    "In 612 he led 3,000 men into a city.",  # no place told of
])
def test_leading_without_a_route_is_no_movement(text: str,
                                               resources: api.Resources) -> None:
    assert "movement" not in _types(text, resources)


@pytest.mark.parametrize("text", [
    "In 234 Sima Yi held his camp and would not fight.",
    "In 1747 his men held their stone towers with obstinate courage.",
])
def test_holding_a_camp_or_towers_is_a_defence(text: str, resources: api.Resources) -> None:
    assert "defence" in _types(text, resources)


def test_a_banquet_held_in_a_camp_is_no_defence(resources: api.Resources) -> None:
    assert "defence" not in _types("In 1050 he held a banquet in his camp.", resources)


@pytest.mark.parametrize("text", [
    "In 947 the Young Emperor sent up a memorial of surrender.",
    "In 1895 McClure wrote a letter of surrender in Ding's name.",
])
def test_a_letter_of_surrender_written_or_sent_is_a_surrender(
        text: str, resources: api.Resources) -> None:
    assert "surrender" in _types(text, resources)


def test_a_letter_of_surrender_refused_is_none(resources: api.Resources) -> None:
    assert "surrender" not in _types("In 1895 he refused the letter of surrender.", resources)


def test_a_clause_spliced_before_a_request_is_told(resources: api.Resources) -> None:
    text = ("In 351 Ran Min besieged Xiangguo for more than one hundred days, Shi Zhi asked "
            "the Former Yan for help.")
    assert "siege" in _types(text, resources)


@pytest.mark.parametrize("text", [
    "In 1200 the ministers asked that Han Tuozhou be executed.",
    "In 1200 he demanded the surrender of Xiangyang.",
    "In 1200 he asked the emperor to attack the Jin.",
])
def test_what_a_request_asks_for_is_no_event(text: str, resources: api.Resources) -> None:
    assert _types(text, resources) == []


@pytest.mark.parametrize("text", [
    "Then Great Thang closed upon them from right and left, and surrounded them.",
    "In 350 Shi Min led three thousand soldiers to surround the palace.",
])
def test_surrounding_an_unnamed_force_or_the_palace_is_a_siege(
        text: str, resources: api.Resources) -> None:
    assert "siege" in _types(text, resources)


def test_walls_surrounded_by_moats_are_no_siege(resources: api.Resources) -> None:
    text = "The city's walls, surrounded by deep moats, had withstood sieges before."
    assert "siege" not in _types(text, resources)
