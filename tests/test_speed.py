"""Speed-motivated paths give the same rows as the plain ones: events held as rows or pickled
(spilled) while a document waits for its last block; sentence spans from a given text."""

from __future__ import annotations

import pytest
import spacy

from pipeline import api, document, segment
from pipeline.events import extract as events_extract

TEXT = (
    "In 1126 the Jin army besieged Kaifeng. Li Gang defended the city.\n\n"
    "Yue Fei defeated the Jin army at Yancheng in 1140.\n\n"
    "Han Shizhong blocked the Jin fleet at Huangtiandang. Wuzhu escaped north.\n\n"
    "Yancheng (now Luohe, Henan) lies south of Kaifeng.\n\n"
)


@pytest.mark.parametrize("held", [0, 1, 10_000])
def test_events_held_or_spilled_are_the_same_rows(
        resources: api.Resources, monkeypatch: pytest.MonkeyPatch, held: int) -> None:
    whole = api.process_text(TEXT, "d", resources)
    assert len(whole.events) >= 3
    monkeypatch.setattr(segment, "MAX_BATCH_CHARS", 1)  # every block its own event group
    monkeypatch.setattr(document, "EVENT_GROUP_CHARS", 1)
    monkeypatch.setattr(events_extract, "_PARSE_GROUP_CHARS", 1)
    monkeypatch.setattr(document, "PENDING_HELD_EVENTS", held)
    assert api.process_text(TEXT, "d", resources).events == whole.events


def test_sentence_spans_with_the_text_given_equal_those_without() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("CHAPTER ONE\nThe war began. It ended.\n\n  Peace came!  ")
    assert segment.sentence_spans(doc, 7, doc.text) == segment.sentence_spans(doc, 7)
    assert len(segment.sentence_spans(doc)) == 4
