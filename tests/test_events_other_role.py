"""A form whose rows differ in ``subject_role``: when no row fits the frame read for the first
row, the other role's row with ``object_words`` is tried on its own frame ("the ships sank":
the subject is what sank, `destruction`; drops23). Invented sentences; entities by hand."""

from __future__ import annotations

import pytest
from test_events_campaign import run as run_with

from pipeline import api

SPEC = [("Jin", "POLITY", "Jin"), ("Zhao Kuo", "PERSON", "Zhao Kuo"),
        ("Wei Lin", "PERSON", "Wei Lin"), ("Luzhou", "PLACE", "Luzhou")]


def types(resources: api.Resources, text: str) -> list[str]:
    return [e.event_type for e in run_with(resources, text, SPEC)]


@pytest.mark.parametrize("text", [
    "The Jin ships sank in the river near Luzhou.",
    "Three of the Jin warships sank.",
    "The Jin vessels fled toward the sea, struck the stakes and sank.",
])
def test_ships_that_sank_are_destroyed(resources: api.Resources, text: str) -> None:
    assert "destruction" in types(resources, text)


def test_the_winner_of_the_paragraph_sank_them(resources: api.Resources) -> None:
    rows = run_with(resources, "Zhao Kuo attacked the Jin at Luzhou; the Jin ships sank.", SPEC)
    assert [(e.event_type, e.actor1) for e in rows if e.event_type == "destruction"] == [
        ("destruction", "Zhao Kuo")]


@pytest.mark.parametrize("text", [
    "The Jin fleet sank in a storm.",  # weather: no one's act
    "The Jin ships sank during a typhoon off Luzhou.",
    "His spirits sank.",  # not a ship
    "Wei Lin sank into despair.",
    "The sun sank behind the hills.",
])
def test_other_sinkings_are_no_destruction(resources: api.Resources, text: str) -> None:
    assert "destruction" not in types(resources, text)


def test_the_transitive_row_still_reads_its_object(resources: api.Resources) -> None:
    rows = run_with(resources, "Wei Lin sank the Jin ships at Luzhou.", SPEC)
    assert [(e.event_type, e.actor1) for e in rows] == [("destruction", "Wei Lin")]
