"""Blocks for spaCy: paragraphs, long text cut at sentence ends."""

from __future__ import annotations

import spacy
from recording_nlp import RecordingNlp

from pipeline.segment import pipe_blocks, sentence_spans, split_blocks


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


def test_crlf_and_cr_blank_lines_separate_blocks() -> None:
    for ending in ("\r\n", "\r"):
        text = "Title\n\nFirst para. Second sentence.\n \n\nLast one.".replace("\n", ending)
        blocks = split_blocks(text)
        assert [b.text for b in blocks] == ["Title", "First para. Second sentence.", "Last one."]
        for block in blocks:
            assert text[block.start:block.start + len(block.text)] == block.text


def test_sentence_spans_split_headings_at_crlf() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for ending in ("\r\n", "\r"):
        doc = nlp(f"Early life{ending}When he was born, the Tang fell. He fled.")
        texts = [doc.text[s:e] for s, e in sentence_spans(doc)]
        assert texts == ["Early life", "When he was born, the Tang fell.", "He fled."]


_RecordingNlp = RecordingNlp


def test_pipe_blocks_batches_are_bounded_in_characters() -> None:
    text = ("The Jin army attacked Taiyuan. " * 300 + "\n\n") * 3 + "Short.\n\n" * 50
    blocks = split_blocks(text, max_chars=2_000)
    nlp = _RecordingNlp()
    docs = list(pipe_blocks(nlp, blocks, max_batch_chars=5_000))  # type: ignore[arg-type]
    assert [d.text for d in docs] == [b.text for b in blocks]
    assert len(nlp.batches) > 1
    assert all(sum(map(len, batch)) <= 5_000 for batch in nlp.batches)


def test_a_block_longer_than_the_batch_budget_is_its_own_batch() -> None:
    blocks = split_blocks("One. " * 10 + "\n\n" + "Two. " * 10)
    nlp = _RecordingNlp()
    list(pipe_blocks(nlp, blocks, max_batch_chars=10))  # type: ignore[arg-type]
    assert [len(batch) for batch in nlp.batches] == [1, 1]
