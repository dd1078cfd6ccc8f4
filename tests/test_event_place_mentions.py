"""An event's place from a name places.csv locates though no PLACE entity holds it, or from a
place phrase the parse hangs one step off the trigger; the located object of an attack verb
is the place, not actor2 (invented sentences)."""

from __future__ import annotations

import pytest

from pipeline import api


@pytest.mark.parametrize(("text", "event_type", "place"), [
    ("In 200 BC, Liu Bang went back to Guangwu and pardoned Liu Jing.", "movement", "Guangwu"),
    ("In 202 BC Liu Bang defeated Xiang Yu and ascended the throne of emperor in Dingtao.",
     "enthronement", "Dingtao"),
])
def test_a_place_hanging_off_the_trigger_is_the_events_place(
        resources: api.Resources, text: str, event_type: str, place: str) -> None:
    result = api.process_text(text, "doc", resources)
    (event,) = [e for e in result.events if e.event_type == event_type]
    assert event.place == place
    assert event.latitude is not None
    assert place in {p.place for p in result.places}


def test_a_located_object_of_an_attack_is_the_place_not_actor2(
        resources: api.Resources) -> None:
    text = "In 196 BC the Han general Chai Wu attacked Canhe and killed Han Wangxin."
    result = api.process_text(text, "doc", resources)
    (attack,) = [e for e in result.events if e.event_type == "attack"]
    assert (attack.actor1, attack.actor2, attack.place) == ("Chai Wu", "", "Canhe")
    assert attack.actor2_source == ""


def test_a_person_attacked_stays_actor2(resources: api.Resources) -> None:
    text = "In 196 BC the Han general Chai Wu attacked Zhou Bo and killed Han Wangxin."
    result = api.process_text(text, "doc", resources)
    (attack,) = [e for e in result.events if e.event_type == "attack"]
    assert (attack.actor2, attack.place) == ("Zhou Bo", "")
