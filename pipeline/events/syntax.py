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


#: The longest participial aside between a listed subject and its verb ("Pang Juan,
#: hurrying back, was beaten").
_MAX_ASIDE = 6


def listed_subject(verb: Token) -> Token | None:
    """The subject of a coordinated clause that the parse listed as a conjunct of the verb
    before it ("Qi marched on Daliang, and Pang Juan, hurrying back, was beaten at Guiling":
    "Juan" a conjunct of "marched", "beaten" a second conjunct with no subject): ``verb`` a
    past-form or passive conjunct with no subject, after a name (only its auxiliary,
    adverbs and at most one comma-bracketed aside headed by a participle between) that is a
    conjunct of ``verb``'s own head with an "and"/"but" before it. A noun is no conjunct of
    a verb: it is the second clause's subject. None otherwise."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") \
            or children(verb, SUBJ | SUBJ_PASS) or coarse(verb.head) != "VERB":
        return None
    j = verb.i - 1
    while j > 0 and doc[j].head.i == verb.i and doc[j].dep_ in ("advmod", "neg", "auxpass"):
        j -= 1
    if doc[j].text == ",":  # ", hurrying back,": the aside is one participle's phrase
        opening = next((k for k in range(j - 1, max(j - _MAX_ASIDE - 1, 0), -1)
                        if doc[k].text == ","), None)
        if opening is None or not any(t.tag_ in ("VBG", "VBN") and t.head.i not in
                                      range(opening + 1, j) for t in doc[opening + 1:j]):
            return None
        j = opening - 1
    noun = doc[j]
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i:
        noun = noun.head
    if coarse(noun) != "PROPN" or noun.dep_ != "conj" or noun.head.i != verb.head.i \
            or not any(c.dep_ == "cc" and c.lower_ in ("and", "but") and c.i < noun.i
                       for c in noun.head.children):
        return None
    return noun
