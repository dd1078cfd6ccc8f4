"""OCR-garbled trigger words read from token arrays (:func:`pipeline.events.ocr.ocr_triggers`):
a garbled word read wherever it stands, the same word read once and reused, never a name."""

from __future__ import annotations

import spacy

from pipeline.entities.extract import _lower_words
from pipeline.events.lexicon import load_event_lexicon
from pipeline.events.ocr import ocr_triggers


def _doc(text: str) -> spacy.tokens.Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def test_a_garbled_word_is_read_at_every_place_it_stands() -> None:
    doc = _doc("Li Heng oyerthrew the Sui. Later Wang Dao oyerthrew the Chen.")
    found = ocr_triggers(doc, load_event_lexicon(), {})
    spans = sorted(found)
    assert [doc[s:e].text for s, e in spans] == ["oyerthrew", "oyerthrew"]
    assert found[spans[0]] == found[spans[1]]  # one reading, read once, used twice


def test_a_capitalised_word_inside_a_sentence_is_a_name_but_not_at_its_start() -> None:
    lexicon = load_event_lexicon()
    assert ocr_triggers(_doc("The army Oyerthrew the Sui."), lexicon, {}) == {}
    assert list(ocr_triggers(_doc("Oyerthrew the Sui."), lexicon, {})) == [(0, 1)]


def test_a_span_already_taken_is_left_out() -> None:
    doc = _doc("Li Heng oyerthrew the Sui.")
    assert ocr_triggers(doc, load_event_lexicon(), {(2, 3): "overthrew"}) == {}


def test_lower_words_are_the_words_written_in_lower_case() -> None:
    doc = _doc("The KING of Qin rode to the east, and the king rode back.")
    assert _lower_words(doc) == {t.text for t in doc if t.is_lower}
    assert "king" in _lower_words(doc) and "KING" not in _lower_words(doc)
