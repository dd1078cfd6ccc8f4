"""Running text wrapped at a page width (OCR of printed books): a short piece after a sentence
end on the same line is no heading ("... in person. He left\nPeking ..." stays one sentence,
dev7 Howorth page); a short line of its own still is."""

from __future__ import annotations

import spacy

from pipeline.segment import sentence_spans


def _texts(text: str) -> list[str]:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    return [doc.text[s:e] for s, e in sentence_spans(doc)]


def test_wrapped_line_after_a_sentence_end_is_no_heading() -> None:
    text = ("Yung lo now determined to take the field in person. He left\n"
            "Peking in the spring of 1410, at the head of a vast army.")
    assert _texts(text) == ["Yung lo now determined to take the field in person.",
                            "He left\nPeking in the spring of 1410, at the head of a vast army."]


def test_name_broken_at_a_line_end_stays_in_its_sentence() -> None:
    text = ("The Emperor sent his general Ch'iu Fu across the desert. Ch'iu\n"
            "Fu pursued a small body of the enemy.")
    assert _texts(text)[-1] == "Ch'iu\nFu pursued a small body of the enemy."


def test_short_line_of_its_own_is_still_a_heading() -> None:
    assert _texts("Early life\nWhen he was born, the Tang fell.") == [
        "Early life", "When he was born, the Tang fell."]
