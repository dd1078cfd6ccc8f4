"""Issue 8, fresh report 9 (findings 17, 18, 19, 21, 24): triggers that tell no happening of
their type (``pipeline/events/unreal.py`` and the plotting verbs of ``event_cues.csv``):
nature as the doer, generic subjects and "was to be" passives, "rather than", "escaped with"
a penalty, agent nouns, purposes under "plotted". And the events next to them that stay.

Invented sentences in the styles of real pages; entities given by hand; the session's model
parses the trigger sentences."""

from __future__ import annotations

import csv

import pytest
from test_events_campaign import run as run_with

from pipeline import api
from pipeline.events.lexicon import GAZETTEER
from pipeline.records import EventRow

SPEC = [("Qin", "POLITY", "Qin"), ("Zhao", "POLITY", "Zhao"), ("Jin", "POLITY", "Jin"),
        ("Song", "POLITY", "Song"), ("Mongols", "POLITY", "Mongol"),
        ("Feng Ting", "PERSON", "Feng Ting"), ("Zhao Kuo", "PERSON", "Zhao Kuo"),
        ("Wei Lin", "PERSON", "Wei Lin"), ("Han Ping", "PERSON", "Han Ping"),
        ("Liu Bei", "PERSON", "Liu Bei"), ("Guo Ziyi", "PERSON", "Guo Ziyi"),
        ("An Lushan", "PERSON", "An Lushan"), ("Aju", "PERSON", "Aju"),
        ("Luoyang", "PLACE", "Luoyang"), ("Pengze", "PLACE", "Pengze"),
        ("Xiakou", "PLACE", "Xiakou"), ("Kaifeng", "PLACE", "Kaifeng"),
        ("Hanzhong", "PLACE", "Hanzhong")]

#: The new cue kinds whose examples tell no event.
_NONE_KINDS = ("nature", "generic", "penalty", "agent_noun")


def run(res: api.Resources, text: str) -> list[EventRow]:
    return run_with(res, text, SPEC)


def kinds(events: list[EventRow]) -> list[str]:
    return [e.event_type for e in events]


def test_every_new_cue_example_tells_no_event(resources: api.Resources) -> None:
    with (GAZETTEER / "event_cues.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["kind"] in _NONE_KINDS]
    assert {r["kind"] for r in rows} == set(_NONE_KINDS)
    for row in rows:
        assert run(resources, row["example"]) == [], row


@pytest.mark.parametrize("text", [
    "He crossed the pass in a storm of wind and rain.",
    "The tide of the Qiantang River broke the embankment.",
    "The flood broke through the walls of Kaifeng.",
    "Rather than surrender to Qin, Feng Ting offered seventeen cities to Zhao.",
    "Rather than attack Luoyang, Han Ping retreated to Hanzhong.",
    "Anyone who revealed the change was to be put to death.",
    "Whosoever speaks of peace will be beheaded.",
    "Whoever surrendered to the rebels was executed.",
    "The treaty said that Kaifeng was to be ceded to the Jin.",
    "Zhao Kuo plotted with Wei Lin to kill Han Ping and depose the emperor.",
    "The eunuchs conspired to murder the emperor.",
    "Han Ping was thrown into prison, but escaped with banishment to Pengze.",
    "Wei Lin escaped with a reprimand.",
    "Zhao Kuo would not report that the rebel was slain.",
])
def test_no_event_of_its_type(resources: api.Resources, text: str) -> None:
    told = {"retreat", "imprisonment", "treaty", "movement"}  # the sentence's other events
    assert [k for k in kinds(run(resources, text)) if k not in told] == [], text


@pytest.mark.parametrize("text, expected", [
    ("A typhoon destroyed the fleet of the Mongols.", "destruction"),
    ("The flood drowned the relief army.", "death"),
    ("In a heavy storm, the Song army attacked the Jin camp.", "attack"),
    ("The Jin army broke through the walls of Kaifeng.", "attack"),
    ("Liu Bei escaped with a few horsemen to Xiakou.", "flight"),
    ("Those who resisted were put to death.", "execution"),
    ("Guo Ziyi suppressed the rebellion of An Lushan.", "rebellion"),
    ("Instead of surrendering, the garrison fought to the last man.", "battle"),
    ("In 1273 Aju was made to guide them, and then the Mongols attacked Kaifeng.", "attack"),
])
def test_the_real_event_stays(resources: api.Resources, text: str, expected: str) -> None:
    assert expected in kinds(run(resources, text)), text


def test_the_act_of_a_rather_than_sentence_stays(resources: api.Resources) -> None:
    text = "Rather than attack Luoyang, Han Ping retreated to Hanzhong."
    assert kinds(run(resources, text)) == ["retreat"]
