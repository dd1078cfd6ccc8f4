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


def test_readable_dates_are_kept_for_the_same_list_only() -> None:
    from pipeline.events.when import choose
    from pipeline.records import DateRow

    text = "In the spring of 1077, the 2nd year of Anh Vu, the army marched."
    printed = DateRow("t", 1, 3, 21, text[3:21], "season", year=1077, basis="explicit")
    unread = DateRow("t", 1, 23, 43, text[23:43], "explicit", year=None)
    dates = [printed, unread]
    starts = [d.start for d in dates]
    kept, kept_starts = choose._readable(dates, starts)
    assert kept == [printed] and kept_starts == [3]  # the unread apposition is dropped
    assert choose._readable(dates, starts) == (kept, kept_starts)  # the kept answer
    alone = [unread]  # another list: its own answer (no date before it: kept)
    assert choose._readable(alone, [23]) == (alone, [23])
    dates.append(DateRow("t", 2, 60, 64, "1078", "explicit", year=1078))
    assert len(choose._readable(dates, starts + [60])[0]) == 2  # a list grown: read again
