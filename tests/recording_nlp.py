"""Shared test double: a stand-in for a spaCy pipeline that records the batches it is given."""

from __future__ import annotations

import spacy


class RecordingNlp:
    """Stands in for a spaCy pipeline: records the batches it is given."""

    def __init__(self) -> None:
        self.nlp = spacy.blank("en")
        self.batches: list[list[str]] = []

    def pipe(self, texts: list[str], batch_size: int) -> list[object]:
        assert batch_size == len(texts)
        self.batches.append(list(texts))
        return [self.nlp.make_doc(t) for t in texts]
