"""Issue 8: near misses and avoided events (modality cues), reciprocal and ceremonial event
kinds (treaties, peace, war declarations, cessions, submissions, edicts, appointments by
"made"), and the certainty of a row with nothing to anchor it.

Invented sentences; entities given by hand; the session's model parses."""

from __future__ import annotations

import pytest
from test_events_campaign import run as run_with

from pipeline import api
from pipeline.events.certainty import event_certainty
from pipeline.records import DateRow, EventRow

SPEC = [("Song", "POLITY", "Song"), ("Liao", "POLITY", "Liao"), ("Jin", "POLITY", "Jin"),
        ("Khitan", "POLITY", "Khitan"), ("Qing", "POLITY", "Qing"),
        ("Zhao Kuo", "PERSON", "Zhao Kuo"), ("Wei Lin", "PERSON", "Wei Lin"),
        ("Han Ping", "PERSON", "Han Ping"), ("Shi Jingtang", "PERSON", "Shi Jingtang"),
        ("Tan Zhou", "PLACE", "Tanzhou"), ("Luzhou", "PLACE", "Luzhou"),
        ("Yanmen", "PLACE", "Yanmen"), ("Penghu", "PLACE", "Penghu")]


def run(res: api.Resources, text: str, dates: list[DateRow] | None = None) -> list[EventRow]:
    return run_with(res, text, SPEC, dates)


def brief(events: list[EventRow]) -> list[tuple[str, str, str]]:
    return [(e.event_type, e.actor1, e.actor2) for e in events]


@pytest.mark.parametrize("text", [
    "Wei Lin was almost executed by Zhao Kuo.",
    "Han Ping was nearly killed at Luzhou.",
    "Zhao Kuo nearly captured Luzhou.",
])
def test_a_near_miss_is_no_event(resources: api.Resources, text: str) -> None:
    assert run(resources, text) == []


def test_nearly_on_a_number_keeps_the_event(resources: api.Resources) -> None:
    events = run(resources, "Zhao Kuo killed nearly ten thousand men at Luzhou.")
    assert [e.event_type for e in events] == ["killing"]


def test_an_avoided_event_is_none_but_the_escape_is(resources: api.Resources) -> None:
    events = run(resources, "Han Ping narrowly escaped being captured by the Jin.")
    assert brief(events) == [("flight", "Han Ping", "")]
    assert [e.event_type for e in run(resources, "Wei Lin escaped from Luzhou.")] == ["flight"]


@pytest.mark.parametrize("text, expected", [
    ("The Song signed the Treaty of Tan Zhou with the Liao.", ("treaty", "Song", "Liao")),
    ("The Song concluded peace with the Jin.", ("peace", "Song", "Jin")),
    ("The Jin declared war on the Song.", ("war_declaration", "Jin", "Song")),
    ("Shi Jingtang ceded Yanmen to the Khitan.", ("cession", "Shi Jingtang", "Khitan")),
    ("Penghu submitted to the Qing.", ("surrender", "Penghu", "Qing")),
    ("Zhao Kuo made Wei Lin chief minister.", ("appointment", "Zhao Kuo", "Wei Lin")),
])
def test_new_kinds_with_their_partner(resources: api.Resources, text: str,
                                      expected: tuple[str, str, str]) -> None:
    assert brief(run(resources, text)) == [expected]


def test_an_alliance_partner_beats_the_common_enemy(resources: api.Resources) -> None:
    events = run(resources, "The Song allied with the Jin against the Liao.")
    assert brief(events) == [("alliance", "Song", "Jin")]


def test_with_the_help_of_is_no_partner(resources: api.Resources) -> None:
    events = run(resources, "Zhao Kuo fought with the help of the Jin at Luzhou.")
    assert brief(events) == [("battle", "Zhao Kuo", "")]


def test_issue_needs_an_edict_like_object(resources: api.Resources) -> None:
    events = run(resources, "Zhao Kuo issued a secret edict.")
    assert brief(events) == [("decree", "Zhao Kuo", "")]
    assert run(resources, "Zhao Kuo issued new coins.") == []


@pytest.mark.parametrize(("actors", "date", "expected"), [
    (("", ""), "", "low"),
    (("", ""), "sentence", "medium"),
    (("named", ""), "", "medium"),  # a blank year: when is unknown
    (("", "named"), "sentence", "high"),
])
def test_a_row_without_actor_is_not_high(actors: tuple[str, str], date: str,
                                         expected: str) -> None:
    assert event_certainty(date_source=date, date_certainty="high" if date else "",
                           actor1_source=actors[0], actor2_source=actors[1],
                           reading="verb") == expected


def test_an_anchorless_edict_is_low(resources: api.Resources) -> None:
    events = run(resources, "The emperor issued an edict.")
    assert [(e.event_type, e.actor1, e.certainty) for e in events] == [("decree", "", "low")]


# --- actors: the one sent, the other side, "its king" ------------------------------------------

def test_he_after_sent_x_is_x(resources: api.Resources) -> None:
    events = run(resources, "Zhao Kuo sent Wei Lin to hold Luzhou, but he was defeated.")
    assert [(e.event_type, e.actor2) for e in events] == [("appointment", "Wei Lin"),
                                                          ("defeat", "Wei Lin")]


def test_the_other_side_of_the_fight_defeats(resources: api.Resources) -> None:
    events = run(resources, "Han Ping fought the Khitan at Luzhou and was defeated.")
    assert [(e.event_type, e.actor1, e.actor1_source, e.actor2) for e in events] == [
        ("battle", "Han Ping", "named", "Khitan"), ("defeat", "Khitan", "side", "Han Ping")]


def test_its_king_is_the_polity_just_named_or_blank(resources: api.Resources) -> None:
    events = run(resources, "The Song attacked the Liao and captured its king.")
    assert brief(events)[-1] == ("capture_person", "Song", "Liao")
    events = run(resources, "The Song attacked Luzhou and captured its king.")
    assert brief(events)[-1] == ("capture_person", "Song", "")


def test_a_place_subject_of_a_submission_is_actor1(resources: api.Resources) -> None:
    events = run(resources, "Luzhou submitted to the Qing.")
    assert [(e.actor1, e.actor1_source, e.actor2, e.place) for e in events] == [
        ("Luzhou", "place", "Qing", "Luzhou")]


def test_the_emperor_is_not_the_rebel(resources: api.Resources) -> None:
    text = ("In 755 Han Ping rebelled at Yanmen. The emperor sent Wei Lin to hold Luzhou, but "
            "he was defeated.")
    events = run(resources, text)
    assert [(e.event_type, e.actor1, e.actor2) for e in events] == [
        ("rebellion", "Han Ping", ""), ("appointment", "", "Wei Lin"), ("defeat", "", "Wei Lin")]


def test_capital_moved_from_one_place_to_another(resources: api.Resources) -> None:
    events = run(resources, "Zhao Kuo moved the capital from Luzhou to Yanmen.")
    assert [(e.event_type, e.origin, e.destination, e.place) for e in events] == [
        ("capital_move", "Luzhou", "Yanmen", "Yanmen")]


def test_a_broad_form_does_not_cut_the_clause_before_it(resources: api.Resources) -> None:
    text = "Zhao Kuo ascended the throne and made every effort to rule well."
    events = run(resources, text)
    assert [(e.event_type, e.text) for e in events] == [("enthronement", text)]
