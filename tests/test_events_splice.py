"""A clause before a comma splice keeps its own modality (:func:`pipeline.events.modality`,
``_spliced``): the parser often hangs "X did A, Y could not B" as a complement of the later
verb, whose modal or negation is not the first clause's. And the bench's drop trace
(:mod:`pipeline.events.droptrace`): off, nothing is noted; on, a dropped trigger is named.

Invented sentences; entities given by hand; the session's model parses."""

from __future__ import annotations

import pytest
from test_events_campaign import run as run_with

from pipeline import api
from pipeline.events import droptrace
from pipeline.records import EventRow

SPEC = [("Jin", "POLITY", "Jin"), ("Zhao Kuo", "PERSON", "Zhao Kuo"),
        ("Wei Lin", "PERSON", "Wei Lin"), ("Han Ping", "PERSON", "Han Ping"),
        ("Luzhou", "PLACE", "Luzhou"), ("Yanmen", "PLACE", "Yanmen")]


def run(res: api.Resources, text: str) -> list[EventRow]:
    return run_with(res, text, SPEC)


@pytest.mark.parametrize(("text", "row"), [
    ("Zhao Kuo captured Luzhou, the soldiers could not rest.",
     ("capture_city", "captured", "Zhao Kuo")),
    ("Han Ping defeated the Jin at Luzhou, Wei Lin could not stop him.",
     ("defeat", "defeated", "Han Ping")),
    ("Luzhou was taken, Wei Lin escaping to Yanmen.", ("capture_city", "taken", "")),
])
def test_a_spliced_clause_before_a_modal_is_told(resources: api.Resources, text: str,
                                                 row: tuple[str, str, str]) -> None:
    assert row in [(e.event_type, e.trigger, e.actor1) for e in run(resources, text)]


@pytest.mark.parametrize("text", [
    "Zhao Kuo feared that Han Ping would attack Luzhou.",  # a complement after its verb
    "Zhao Kuo said that Han Ping must attack Luzhou.",
    "Wei Lin tried to capture Luzhou.",  # a complement with no subject of its own
    "Wei Lin could not capture Luzhou.",
])
def test_a_complement_after_its_verb_keeps_the_verbs_modality(resources: api.Resources,
                                                               text: str) -> None:
    assert not {"attack", "capture_city"} & {e.event_type for e in run(resources, text)}


def test_the_drop_trace_names_the_test_only_when_on(resources: api.Resources) -> None:
    text = "Wei Lin could not capture Luzhou."
    assert droptrace.SINK is None
    run(resources, text)  # off: nothing is kept anywhere
    with droptrace.collecting() as trace:
        run(resources, text)
    assert droptrace.SINK is None
    at = text.index("capture")
    assert [(s, e, reason) for s, e, reason, _ in trace] == [
        (at, at + len("capture"), "modality")]


def test_the_drop_trace_names_a_match_filter(resources: api.Resources) -> None:
    text = "In 1127 war broke out between the Jin and Zhao Kuo."
    with droptrace.collecting() as trace:
        run(resources, text)
    assert droptrace.SINK is None
    at = text.index("broke")
    assert (at, at + len("broke"), "particle_result") in [(s, e, r) for s, e, r, _ in trace]
