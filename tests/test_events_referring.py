"""A battle, victory or defeat noun that points back to the fighting just told is an event
(pipeline/events/referring.py, the ``outcome_noun`` cues of event_cues.csv)."""

from __future__ import annotations

import pytest

from pipeline import api


def _rows(text: str, resources: api.Resources) -> list[tuple[str, str]]:
    return [(e.event_type, e.trigger) for e in api.process_text(text, "t", resources).events]


@pytest.mark.parametrize(("text", "expected"), [
    ("In 383 Xie Xuan routed Fu Jian at the Fei River. The battle secured the south.",
     ("battle", "battle")),
    ("In 1275 Jia Sidao was routed at Dingjiazhou. After the defeat the court dismissed him.",
     ("defeat", "defeat")),
    ("In 537 Yuwen Tai routed Gao Huan at Shayuan. For this victory the court promoted him.",
     ("victory", "victory")),
    ("In 1288 the Tran fleet destroyed the Mongol fleet at Bach Dang.\n\n"
     "After the victory the King pardoned the traitors.", ("victory", "victory")),
    ("In 1430 Toghon attacked Arughtai, and after several defeats Arughtai was killed.",
     ("defeat", "defeats")),
])
def test_an_outcome_noun_after_fighting_is_an_event(text: str, expected: tuple[str, str],
                                                    resources: api.Resources) -> None:
    assert expected in _rows(text, resources)


@pytest.mark.parametrize("text", [
    "The battle",  # a heading: nothing told before
    "In 1120 the emperor visited Luoyang. After the victory the court feasted.",  # no fighting
    "In 1420 he attacked Hami. A battle followed.",  # no pointing determiner
    "In 1420 he attacked Hami. The next battle was fought at Turfan.",  # a new battle
    "In 208 Sun Quan attacked Huang Zu, in the battle that is in famous Chibi.",  # described
])
def test_a_bare_outcome_noun_without_fighting_is_none(text: str,
                                                     resources: api.Resources) -> None:
    assert not [t for t, trig in _rows(text, resources)
                if trig.lower() in ("battle", "victory", "defeat", "defeats")]
