"""The side of a bare army noun (``pipeline.events.rows.army_side``): invented rows and
sentences, positive and negative."""

from __future__ import annotations

import pytest
from event_rows import events

from pipeline import api
from pipeline.events.lexicon import load_event_lexicon
from pipeline.events.rows.army_side import army_side
from pipeline.records import EventRow


def _row(actor1: str = "army", source: str = "group", **kw: str) -> EventRow:
    return EventRow("t", 1, 0, 0, 40, "movement", "arrived", actor1=actor1,
                    actor1_source=source, certainty="medium", **kw)


@pytest.mark.parametrize("text", ["In 494 the army arrived", "Our army arrived"])
def test_bare_army_takes_the_side(text: str) -> None:
    at = text.lower().index("army")
    row = army_side(_row(), text, at, load_event_lexicon(), "Northern Wei")
    assert (row.actor1, row.actor1_polity, row.certainty) == ("army", "Northern Wei", "low")


@pytest.mark.parametrize("text, row, side", [
    ("his army arrived", _row(), "Northern Wei"),  # a possessor: whoever "his" is
    ("the enemy army arrived", _row("enemy army"), "Northern Wei"),  # a modifier: others'
    ("the rebels arrived", _row("rebels"), "Northern Wei"),  # no army noun
    ("the army arrived", _row(), ""),  # no side known
    ("the army arrived", _row(actor2="Wei", actor2_polity="Northern Wei"), "Northern Wei"),
    ("the army arrived", _row(source="named"), "Northern Wei"),
])
def test_army_side_leaves_others_alone(text: str, row: EventRow, side: str) -> None:
    at = text.index(row.actor1.split()[-1]) if row.actor1 in text else text.index("army")
    if row.actor1 == "enemy army":
        at = text.index("enemy")
    assert army_side(row, text, at, load_event_lexicon(), side) == row


def test_army_of_the_narrated_ruler(resources: api.Resources) -> None:
    text = ("In 494 Emperor Xiaowen of Northern Wei left Pingcheng and marched south with "
            "three hundred thousand men. In September the army arrived in Luoyang.")
    row = next(e for e in events(text, resources) if e.trigger.startswith("arrived"))
    assert (row.actor1, row.actor1_polity, row.certainty) == ("army", "Northern Wei", "low")


def test_army_of_the_ruler_when_a_sideless_officer_was_named_since(
        resources: api.Resources) -> None:
    # the officer named last has no polity of his own: the side is the narrated ruler's
    text = ("In 494 Emperor Xiaowen of Northern Wei left Pingcheng and marched south. In August "
            "Wang Su came to the court and spoke with him. In September the army arrived in "
            "Luoyang.")
    row = next(e for e in events(text, resources) if e.trigger.startswith("arrived"))
    assert (row.actor1, row.actor1_polity, row.certainty) == ("army", "Northern Wei", "low")
