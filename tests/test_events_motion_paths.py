"""Movement verbs (:mod:`pipeline.events.motion`): the way after a particle is no direct
object ("sailed up the Yangtze"); a route phrase the parse hangs on the led troops names where
they go ("led 300,000 infantry from Luoyang"), except after a "to" infinitive (a purpose)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_recall_mt import types


@pytest.mark.parametrize("text", [
    "In 1659 Wang Dao sailed up the Yangtze with a large fleet.",
    "The fleet sailed down the river in the autumn.",
    "In August the emperor led more than 300,000 infantry and cavalry from Luoyang to go "
    "south.",
])
def test_movement_found(parser_nlp: Language, text: str) -> None:
    assert "movement" in types(parser_nlp, text)


@pytest.mark.parametrize("text", [
    "Wang Dao sailed the ship.",
    "Li Heng was appointed commander, to lead sixty thousand infantry and cavalry toward "
    "Luoyang.",
    "Li Heng led the troops bravely in the battle.",
])
def test_no_movement(parser_nlp: Language, text: str) -> None:
    assert "movement" not in types(parser_nlp, text)
