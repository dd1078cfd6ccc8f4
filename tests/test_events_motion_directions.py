"""Movement verbs (:mod:`pipeline.events.motion`): a compass direction is a heading, not a
direct object ("marched west"), and a route of "led N men" ("led ten thousand men south"); a
named village is a named end ("led the army to Dingchuan village"); a plural person word can
move ("the generals marched", though the sentence parser gives no lemma), and so can a subject
with a name in apposition ("the civil official Li Heng went")."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_recall_mt import types


@pytest.mark.parametrize("text", [
    "In 202 BC both generals marched south.",
    "In the winter of 426 the emperor set out west from Pingcheng.",
    "In 427 the emperor again marched westward.",
    "In 954 Liu Chong allied with the Khitan and led thirty thousand men south.",
    "In 1042 the commander Ge Huaimin led the army to Dingchuan village.",
    "In 1005 the civil official Li Heng went to Luoyang.",  # a name in apposition moves
])
def test_movement_found(parser_nlp: Language, text: str) -> None:
    assert "movement" in types(parser_nlp, text)


@pytest.mark.parametrize("text", [
    "In 954 Liu Chong led the government of the south.",  # a post, no route
    "The west wind drove the ships back in 1281.",
    "In 1042 the roads passed south of the river.",  # no one travels
    "In 1042 Ge Huaimin led the army to victory.",  # no named end
    "In 1005 the silk, the best of the south, went to Luoyang.",  # goods, no traveller
])
def test_no_movement(parser_nlp: Language, text: str) -> None:
    assert "movement" not in types(parser_nlp, text)
