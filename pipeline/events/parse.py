"""Dependency parses of the sentences that hold a trigger (only those: the spine runs no parser).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span

_PARSE_PIPES = ("tok2vec", "tagger", "parser")


def parse_sentences(nlp: Language | None, sents: Sequence[Span]) -> list[Doc]:
    """Each sentence as its own Doc with a dependency parse (same tokens as the span).

    Sentences of a Doc that already has a parse are copied (``Span.as_doc``). Otherwise the
    ``_PARSE_PIPES`` of ``nlp`` are run, enabled or not, on the sentences only; without a
    parser (a blank pipeline) the Docs come back unparsed (every token its own head)."""
    if not sents:
        return []
    if sents[0].doc.has_annotation("DEP"):
        return [s.as_doc() for s in sents]
    docs = [Doc(s.doc.vocab, words=[t.text for t in s],
                spaces=[bool(t.whitespace_) for t in s]) for s in sents]
    if nlp is None or "parser" not in nlp.component_names:
        return docs
    for name in _PARSE_PIPES:
        if name in nlp.component_names:
            docs = list(nlp.get_pipe(name).pipe(docs))
    return docs
