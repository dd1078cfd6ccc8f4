"""Blocks for spaCy: paragraphs, long text cut at sentence ends."""

from __future__ import annotations

import spacy

from pipeline.segment import sentence_spans, split_blocks


def test_blocks_are_paragraphs_with_offsets() -> None:
    text = "Title\n\nFirst para. Second sentence.\n \n\nLast one."
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == ["Title", "First para. Second sentence.", "Last one."]
    for block in blocks:
        assert text[block.start:block.start + len(block.text)] == block.text


def test_long_line_is_cut_at_sentence_ends() -> None:
    text = "The Jin army attacked Taiyuan. " * 10_000
    blocks = split_blocks(text, max_chars=5_000)
    assert all(len(b.text) <= 5_000 for b in blocks)
    assert "".join(b.text for b in blocks) == text
    assert all(b.text.endswith(". ") for b in blocks[:-1])


def test_sentence_spans_split_headings_and_trim() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Early life\nWhen he was born, the Tang fell. He fled.")
    spans = sentence_spans(doc, offset=10)
    texts = [doc.text[s - 10:e - 10] for s, e in spans]
    assert texts == ["Early life", "When he was born, the Tang fell.", "He fled."]
