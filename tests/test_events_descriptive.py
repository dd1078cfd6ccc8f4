"""Events of descriptive pages: offices, imprisonment, decrees, discoveries; questions and
nouns without arguments are no events (issue 8)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events
from pipeline.records import EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def types(nlp: Language, text: str) -> list[str]:
    events: list[EventRow] = extract_events(nlp(text), [], [], [],
                                            matcher=trigger_matcher(nlp))
    return [e.event_type for e in events]


@pytest.mark.parametrize(("text", "kind"), [
    ("In 1566 he was thrown into prison.", "imprisonment"),
    ("After the emperor died, he was released.", "release"),
    ("He was dismissed from his post in 1570.", "dismissal"),
    ("The emperor issued an edict banning the sect.", "decree"),
    ("The manuscript was discovered by a traveller in 1909.", "discovery"),
    ("He passed the imperial examinations in 1550.", "examination"),
    ("The minister sent envoys to the western kingdoms.", "appointment"),
    ("He took the post of prefect of the capital.", "office"),
])
def test_descriptive_events(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text)


def test_a_question_asserts_no_event(nlp: Language) -> None:
    assert types(nlp, "How did the chancellor die?") == []


@pytest.mark.parametrize("text", ["They swore to spare civilians upon victory.",
                                  "It was a calculated move to ensure discipline."])
def test_a_noun_trigger_without_argument_is_no_event(nlp: Language, text: str) -> None:
    assert types(nlp, text) == []


def test_a_noun_trigger_with_a_verb_is_an_event(nlp: Language) -> None:
    assert types(nlp, "The final assault came at dawn.") == ["attack"]
