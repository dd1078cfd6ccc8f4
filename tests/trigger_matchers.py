"""One event-trigger matcher per spaCy vocabulary and event lexicon, built once per session.

``extract_events`` builds the matcher itself on every call that is not given one (about 90% of
the time of a one-sentence call); the document chain passes the one of its resources
(``Resources.trigger_matcher``), and so do the tests, through :func:`trigger_matcher`.
"""

from __future__ import annotations

from spacy.matcher import PhraseMatcher

from pipeline.events import EventLexicon, build_trigger_matcher, load_event_lexicon

_BUILT: dict[tuple[int, int], tuple[object, EventLexicon, PhraseMatcher]] = {}


def trigger_matcher(nlp_or_vocab: object, lexicon: EventLexicon | None = None) -> PhraseMatcher:
    """The matcher ``extract_events`` would build for ``lexicon`` (default: the bundled one)
    on the vocabulary of ``nlp_or_vocab`` (a pipeline, a Doc or a Vocab), built once."""
    vocab = getattr(nlp_or_vocab, "vocab", nlp_or_vocab)
    lex = lexicon or load_event_lexicon()
    key = (id(vocab), id(lex))
    if key not in _BUILT:  # the vocabulary and lexicon are kept: their ids stay theirs
        _BUILT[key] = (vocab, lex, build_trigger_matcher(vocab, lex))
    return _BUILT[key][2]
