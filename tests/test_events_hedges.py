"""Issue 8, session s10 (dev4/dev4b/dev5/dev6 extra rows, fresh report 11 finding 7): hearsay,
announced intentions and events said never to have happened (``pipeline/events/hedges.py``,
``gazetteer/report_cues.csv``) give no row; the narrative's own events next to them stay.

Invented sentences in the styles of real pages; entities given by hand; the session's model
parses the trigger sentences."""

from __future__ import annotations

import pytest
from test_events_campaign import run as run_with

from pipeline import api
from pipeline.events.hedges import load_report_cues
from pipeline.records import EventRow

SPEC = [("Qin", "POLITY", "Qin"), ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song"),
        ("Wei Lin", "PERSON", "Wei Lin"), ("Han Ping", "PERSON", "Han Ping"),
        ("Liu Bei", "PERSON", "Liu Bei"), ("Kublai", "PERSON", "Kublai"),
        ("Zhao Kuo", "PERSON", "Zhao Kuo"),
        ("Luoyang", "PLACE", "Luoyang"), ("Kaifeng", "PLACE", "Kaifeng"),
        ("Hanzhong", "PLACE", "Hanzhong"), ("Champa", "PLACE", "Champa")]


def run(res: api.Resources, text: str) -> list[EventRow]:
    return run_with(res, text, SPEC)


def kinds(events: list[EventRow]) -> list[str]:
    return [e.event_type for e in events]


def test_every_cue_kind_is_read() -> None:
    cues = load_report_cues()
    assert {"report", "announce", "future", "occur"} <= set(cues)
    assert "said" in cues["report"] and "took place" in cues["occur"]


@pytest.mark.parametrize("text", [
    "It is said that Han Ping was poisoned by the empress.",
    "It was rumoured that Wei Lin had been killed at Luoyang.",
    "Liu Bei is said to have burned his robes and raised an army at Hanzhong.",
    "Wei Lin is believed to have fled to Hanzhong.",
    "Some writers say the Song fleet discovered Champa.",
    "Legend says that Han Ping killed himself at Luoyang.",
    "Liu Bei said he will attack Luoyang.",
    "Zhao Kuo vowed that he shall take Kaifeng.",
    "Kublai prepared an invasion of Champa, but the invasion never took place.",
    "The invasion that Kublai had been preparing never took place.",
    "The attack on Luoyang did not happen.",
])
def test_hearsay_intention_and_denied_event_tell_no_event(resources: api.Resources,
                                                           text: str) -> None:
    assert run(resources, text) == [], text


@pytest.mark.parametrize(("text", "expected"), [
    ("A messenger reported that the Jin had taken Kaifeng.", ["capture_city"]),
    ("Han Ping was told that the Jin had taken Kaifeng.", ["capture_city"]),
    ("Liu Bei said that the Jin had taken Kaifeng.", ["capture_city"]),
    # a clause before the report verb is the narrative's own
    ("Wei Lin died at Luoyang, some people say he was buried at Hanzhong.", ["death"]),
    ("Han Ping was killed at Luoyang; it is said that his men wept.", ["killing"]),
    # a negated verb that is no "occur" verb: the event happened
    ("The siege of Kaifeng did not last long.", ["siege"]),
    # the one told, the other denied
    ("Kublai died in 1294, and the invasion of Champa never took place.", ["death"]),
])
def test_reports_and_events_that_stay(resources: api.Resources, text: str,
                                      expected: list[str]) -> None:
    assert kinds(run(resources, text)) == expected, text


def test_hearsay_subject_stays_salient(resources: api.Resources) -> None:
    """No row for the hearsay, but its subject is the "he" of the next sentence (dev4b's
    Koxinga: the hedged sentence between his father's surrender and his own deeds)."""
    events = run(resources, "Wei Lin surrendered to the Jin. His son Liu Bei is said to have "
                            "burned his robes at Luoyang. He then attacked Hanzhong.")
    assert [(e.event_type, e.actor1) for e in events] == [
        ("surrender", "Wei Lin"), ("attack", "Liu Bei")]


@pytest.mark.parametrize("text", [
    # the named battle's battle_reference row is the battle; "fought" restates it
    "The Battle of Luoyang was fought in 1200 between the Song and the Jin.",
    # alternatives offered: neither done (fresh report 11, 04)
    "Wei Lin on his deathbed urged Liu Bei either to employ Han Ping or to put him to death.",
    # both denied
    "The Song ships could neither advance nor turn about.",
    "Han Ping neither fled nor surrendered.",
    "Neither Han Ping nor Wei Lin fled.",
    # a place renamed or regraded: no one's office
    "The Song took the town, and the city was made Hanzhong.",
    "Luoyang county was made a prefecture.",
])
def test_restated_battle_alternative_and_renaming_tell_no_new_event(
        resources: api.Resources, text: str) -> None:
    assert [k for k in kinds(run(resources, text)) if k not in (
        "battle_reference", "capture_city")] == [], text


@pytest.mark.parametrize(("text", "expected"), [
    ("In 1200 a great battle was fought at Luoyang.", ["battle"]),
    # a clause hung on the copula: its date is the verb row's, so the row stays
    ("The Battle of Kaifeng was a battle of the Jin-Song War fought in and around Kaifeng "
     "in 1127.", ["battle_reference", "battle_reference", "battle"]),
    ("After the Battle of Luoyang the Song fought on at Kaifeng.",
     ["battle_reference", "battle"]),
    ("Wei Lin put Han Ping to death.", ["execution"]),
    ("Han Ping either fled or was killed.", ["flight", "killing"]),
    ("Han Ping was made prefect of Luoyang.", ["appointment"]),
])
def test_battles_deaths_and_offices_that_stay(resources: api.Resources, text: str,
                                              expected: list[str]) -> None:
    assert kinds(run(resources, text)) == expected, text


@pytest.mark.parametrize(("text", "expected"), [
    # a hostile act done to oneself is the doer's suicide (dev5, dev4b OCR pages)
    ("Han Ping, being surrounded, burnt himself to death in a tower.",
     [("siege", ""), ("suicide", "Han Ping")]),
    ("Wei Lin burned himself in his house at Luoyang.", [("suicide", "Wei Lin")]),
    # not to oneself: the act stays
    ("Wei Lin burned the palace at Luoyang.", [("destruction", "Wei Lin")]),
    ("Han Ping defended himself at Luoyang.", [("defence", "Han Ping")]),
])
def test_reflexive_hostile_act_is_suicide(resources: api.Resources, text: str,
                                          expected: list[tuple[str, str]]) -> None:
    assert [(e.event_type, e.actor1) for e in run(resources, text)] == expected, text
