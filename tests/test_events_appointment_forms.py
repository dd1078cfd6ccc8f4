"""Appointments, state names and era changes the development pages word in ways the lexicon
missed (s13 census: "was made Commissioner", "was created a Duke", "was ennobled", "was named
shad" typed office or dropped; "placed him in charge of"; "sealed him the master of";
"named his state Da Xia", "changed the name of his state"; "changed the era to").
The gold convention: a passive appointment is done by the ruler (appointment, actor1 the
ruler, the appointee actor2), "became a marquis" stays the holder's own office. Invented
sentences, not the pages'."""

from __future__ import annotations

import pytest

from pipeline import api
from pipeline.document import process_text


def kinds(res: api.Resources, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.actor2) for e in process_text(text, "t", res).events]


@pytest.mark.parametrize(("text", "kind"), [
    ("In 955 Yue Fei was made Commissioner of the Mausoleum.", "appointment"),
    ("In 1200 Wei Lin was created a Duke of the first rank.", "appointment"),
    ("In 1200 Wei Lin returned and was created a Duke of the first rank.", "appointment"),
    ("In 95 Han Ping was ennobled as Marquis of Luoyang.", "appointment"),
    ("In 744 Wei Lin was named shad of the east.", "appointment"),
    ("In 1200 Zhao Kuo placed his son Zhao Ling in command of the expedition.", "appointment"),
    ("In 920 Zhao Kuo placed him in charge of Luoyang.", "appointment"),
    ("In 1200 the army was placed under the command of Wei Lin.", "appointment"),
    ("In 1278 Zhao Kuo sealed him the Duke of Ying.", "appointment"),
    ("In 1038 Han Ping declared himself emperor and named his state Da Xia.", "establishment"),
    ("In 920 Zhao Kuo renamed the country Dongdan.", "establishment"),
    ("In 947 Zhao Kuo changed the name of his state to Great Liao.", "establishment"),
    ("In 947 Zhao Kuo changed the era to Datong.", "era_change"),
])
def test_found(resources: api.Resources, text: str, kind: str) -> None:
    assert kind in [k for k, _ in kinds(resources, text)], text


def test_passive_appointee_is_the_patient(resources: api.Resources) -> None:
    rows = [r for r in kinds(resources, "In 1130 Yue Fei was made Commissioner of Luoyang.")
            if r[0] == "appointment"]
    assert rows == [("appointment", "Yue Fei")]


@pytest.mark.parametrize(("text", "kind"), [
    ("In 1884 the new territory was made a province.", "appointment"),
    ("In 1200 a new law was made.", "appointment"),
    ("In 1200 the city was named Xiangjing.", "appointment"),
    ("In 1200 Wei Lin put the letter in the box.", "appointment"),
    ("In 1200 Wei Lin placed the tablets in the temple.", "appointment"),
    ("In 1200 the Song sealed the gates of the city.", "appointment"),
    ("In 1200 the letter was sealed and sent.", "appointment"),
    ("In 1200 Wei Lin named his son Han.", "establishment"),
    ("In 1100 Wei Lin became a marquis.", "appointment"),
])
def test_not_found(resources: api.Resources, text: str, kind: str) -> None:
    assert kind not in [k for k, _ in kinds(resources, text)], text


def test_becoming_a_marquis_stays_office(resources: api.Resources) -> None:
    assert "office" in [k for k, _ in kinds(resources, "In 1100 Wei Lin became a marquis.")]


@pytest.mark.parametrize(("text", "kind"), [
    ("In 1820 Wei Lin succeeded his father as the Emperor Daoguang.", "enthronement"),
    ("In 759 Wei Lin succeeded him as khagan.", "enthronement"),
    ("In 1200 Wei Lin succeeded his uncle as the governor of Hunan.", "office"),
])
def test_succession_as_a_ruler_is_an_enthronement(resources: api.Resources, text: str,
                                                  kind: str) -> None:
    found = [k for k, _ in kinds(resources, text)]
    assert kind in found and not ({"office", "enthronement"} - {kind}) & set(found), text


def test_a_named_leader_sent_with_a_force_to_act_is_appointed(resources: api.Resources) -> None:
    rows = kinds(resources, "In 1130 Zhao Gou sent the general Yue Fei with twenty thousand men "
                            "to attack Xiangyang.")
    assert ("appointment", "Yue Fei") in rows and "attack" in [k for k, _ in rows]


def test_troops_sent_with_a_force_to_act_are_no_appointment(resources: api.Resources) -> None:
    rows = kinds(resources, "In 1130 the Song sent troops with three thousand horses to attack "
                            "Xiangyang.")
    assert "appointment" not in [k for k, _ in rows] and "attack" in [k for k, _ in rows]


@pytest.mark.parametrize(("text", "kind"), [
    ("In 1260 Wei Lin became the Great Khan.", "enthronement"),
    ("In 947 Wei Lin took the imperial title at Luoyang.", "proclamation"),
    ("In 1856 Wei Lin assumed the style of Sultan Suleiman.", "proclamation"),
])
def test_sovereign_titles_taken(resources: api.Resources, text: str, kind: str) -> None:
    assert kind in [k for k, _ in kinds(resources, text)], text


@pytest.mark.parametrize("text", [
    "In 1200 Wei Lin took the title of Duke of Lu.",
    "In 1200 Wei Lin became the queen's tutor.",
])
def test_lesser_titles_are_no_sovereignty(resources: api.Resources, text: str) -> None:
    assert not {"proclamation", "enthronement"} & {k for k, _ in kinds(resources, text)}, text
