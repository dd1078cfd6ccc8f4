"""actor1 of ruler titles and possessed subjects (fresh report 6, findings 8 and 14), on
invented sentences: a ruler title never resolves to a person the text gives a title of
another rank ("the king" is not "Emperor Wu of Han"; "the emperor" is not the man "set up as
king"); a blank is better than a wrong actor."""

from __future__ import annotations

import pytest
from event_rows import events, one

from pipeline import api


@pytest.mark.parametrize("text, trigger_type", [
    ("Emperor Wu of Han sent an army against the Xiongnu in 121 BC. The king fled north.",
     "flight"),
    ("In 1010 the Liao emperor Shengzong invaded Goryeo. The king fled to Naju.", "flight"),
])
def test_king_is_not_an_emperor(text: str, trigger_type: str,
                                resources: api.Resources) -> None:
    row = one(text, resources, trigger_type)
    assert "Emperor" not in row.actor1


def test_emperor_is_not_the_man_set_up_as_king(resources: api.Resources) -> None:
    text = ("In 642 the grandee Yŏn Kaesomun murdered his king and set up Kŏnmu's nephew Chang "
            "as king. In 645 the emperor drew them into battle below the mountain and routed "
            "them.")
    assert one(text, resources, "defeat").actor1 != "Chang"


def test_emperor_still_resolves_to_an_emperor(resources: api.Resources) -> None:
    text = "In 645 Emperor Taizong of Tang attacked Goguryeo. The emperor routed them at Ansi."
    assert "Taizong" in one(text, resources, "defeat").actor1


def test_styled_ruler_is_actor1_as_written(resources: api.Resources) -> None:
    text = ("In 1407 in the country of Java the East King and the West King were fighting "
            "each other, and the West King killed 170 men of the fleet.")
    assert one(text, resources, "killing").actor1 == "West King"


def test_styled_ruler_after_an_emperor_is_not_the_emperor(resources: api.Resources) -> None:
    text = ("Emperor Wu of Han sent an army against the Xiongnu in 121 BC. The Right Worthy "
            "King fled.")
    assert one(text, resources, "flight").actor1 in ("Right Worthy King", "")


@pytest.mark.parametrize("text", [
    "In 1544 Zhang Juzheng passed the examination. In 1577 Zhang Juzheng's father died.",
    "In 1381 the Ming army of Fu Youde attacked Yunnan, and his father died in the war.",
])
def test_possessed_relative_is_not_its_possessor(text: str, resources: api.Resources) -> None:
    row = one(text, resources, "death")
    assert "father" in row.actor1 and row.actor1_source == "group"


def test_possessed_force_still_names_its_possessor(resources: api.Resources) -> None:
    text = "In 1140 Yue Fei's army defeated the Jin at Yancheng."
    assert one(text, resources, "defeat").actor1 == "Yue Fei"


def test_participles_listed_after_a_passive_are_passive(resources: api.Resources) -> None:
    rows = events("In 1546 Lai Wenguang was defeated, captured and killed.", resources)
    victims = [r for r in rows if r.event_type in ("capture_person", "killing")]
    assert victims and all(r.actor1 != "Lai Wenguang" and r.actor2 == "Lai Wenguang"
                           for r in victims)


def test_force_commanded_by_a_person_deeper_in_the_phrase(resources: api.Resources) -> None:
    text = ("In 1274 a fleet of some 900 ships carrying 15,000 soldiers, commanded by Hong Dagu, "
            "sailed from Happo.")
    assert one(text, resources, "movement").actor1 == "Hong Dagu"


def test_emperor_is_not_the_man_set_up_as_king_paragraphs_before(
        resources: api.Resources) -> None:
    text = ("In 642 the grandee Yŏn Kaesomun murdered his king and set up Kŏnmu's nephew Chang "
            "as king.\n\nIn 644 the envoys returned.\n\nIn 645 the emperor drew them into "
            "battle below the mountain and routed them.")
    assert one(text, resources, "defeat").actor1 != "Chang"
