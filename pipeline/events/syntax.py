"""Small readings of a spaCy dependency parse (English labels, ClearNLP style) shared by the
event modules: coarse part of speech from the Penn tag, a trigger's head token, children by
label, the object of a preposition."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from pipeline.events.lexicon import load_verb_inflections

SUBJ = frozenset({"nsubj", "csubj", "expl"})
SUBJ_PASS = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj"})
#: Steps up the tree any climb (modality, a controller) takes at most.
MAX_CLIMB = 6
_COARSE = (("NNP", "PROPN"), ("NN", "NOUN"), ("VB", "VERB"), ("MD", "VERB"), ("JJ", "ADJ"),
           ("PRP", "PRON"), ("WP", "PRON"))


def coarse(tok: Token) -> str:
    """NOUN, PROPN, VERB (incl. auxiliaries and modals), ADJ, PRON or "" from the Penn tag
    (the tagger runs on trigger sentences; the attribute ruler that sets ``pos_`` does not)."""
    return _coarse_of_tag(tok.tag_)


@lru_cache(maxsize=128)
def _coarse_of_tag(tag: str) -> str:
    """:func:`coarse` of one Penn tag (a few dozen tags; read thousands of times a page)."""
    return next((label for prefix, label in _COARSE if tag.startswith(prefix)), "")


def trigger_head(span: Span) -> Token:
    """The token of ``span`` whose head lies outside it (the first such; the span's first
    token if the parse makes none)."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span[0]


def children(tok: Token, deps: frozenset[str]) -> list[Token]:
    """The children of ``tok`` whose dependency label is in ``deps``, in order."""
    return [c for c in tok.children if c.dep_ in deps]


def pobj(prep: Token) -> Token | None:
    """The object (``pobj``/``pcomp``) of preposition ``prep``, or None."""
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def prep_objects(tok: Token, words: frozenset[str], skip: Token | None = None) -> list[Token]:
    """Objects of the prepositions (``prep``/``dative``/``agent``) among ``words`` hanging on
    ``tok`` (not the preposition ``skip``), in order."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words \
                and (skip is None or c.i != skip.i):
            obj = pobj(c)
            if obj is not None:
                out.append(obj)
    return out


@lru_cache(maxsize=1)
def _unchanged_participles() -> frozenset[str]:
    return frozenset(lemma for lemma, forms in load_verb_inflections().items()
                     if not any(f != lemma and not f.endswith(("s", "ing")) for f in forms))


def participle_form(tok: Token) -> bool:
    """True when ``tok`` is tagged a past form (VBD, VBN), or a base form (VB) of a verb of
    ``verb_inflections.csv`` whose past participle is its base form ("put", "cut", "set":
    no form but the lemma, "-s" and "-ing"), which the tagger reads as VB after "had Y"
    ("had Thi Sach put to death")."""
    return tok.tag_ in ("VBN", "VBD") or (tok.tag_ == "VB"
                                          and tok.lower_ in _unchanged_participles())
