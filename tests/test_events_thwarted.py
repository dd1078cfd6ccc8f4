"""Attempts (``attempt`` cues: "tried to", "made an attempt to"): no event, unless told as
failed ("but failed") or beaten off ("but were repulsed"): then a failed event."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import SPEC8, run


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


@pytest.mark.parametrize("text", [
    "In 1142 the Jin army made an attempt to recover Kaifeng, but were repulsed with heavy "
    "loss.",
    "The Jin army tried to take Kaifeng but was defeated.",
])
def test_an_attempt_beaten_off_is_a_failed_event(nlp: Language, text: str) -> None:
    rows = [e for e in run(nlp, text, SPEC8) if e.event_type in ("recovery", "capture_city")]
    assert [e.status for e in rows] == ["failed"]


@pytest.mark.parametrize("text", [
    "In 1142 the Jin army made an attempt to recover Kaifeng.",
    "The Jin army planned to take Kaifeng but was defeated.",  # a plan is no attempt
    "The Jin army tried to take Kaifeng and marched south.",
])
def test_other_attempts_and_plans_are_no_event(nlp: Language, text: str) -> None:
    assert not [e for e in run(nlp, text, SPEC8) if e.event_type in ("recovery",
                                                                     "capture_city")]
