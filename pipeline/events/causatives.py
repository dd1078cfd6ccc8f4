"""Causatives: "X had Y put to death", "had him executed", "had the prisoners, said to number
400,000, buried alive": who is made to undergo the participle's act (:func:`causative_patient`)
and the "had" that causes it (read from the parse, or from the word order where the parse hangs
the participle elsewhere). Split from :mod:`pipeline.events.subjects`, which re-exports
:func:`causative_patient`."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.syntax import OBJ, SUBJ, SUBJ_PASS, children, participle_form

_RELATIVE = frozenset({"who", "which", "that", "whom"})
_CAUSATIVE = frozenset({"have", "had", "has", "having", "get", "got", "make", "made"})
#: Causatives whose participle complement is passive ("had X executed", "got X killed").
_HAVE = frozenset({"have", "had", "has", "having", "get", "got"})


def _causer(verb: Token) -> Token | None:
    """The "had"/"got" of a causative passive whose participle ``verb`` the parse gave a
    subject of its own: "had the general Yue Fei executed" (``verb`` a clausal complement of
    "had", tagged as a past form), "had the consort Li Shishi executed" (read as a relative
    clause with no relative word and no object on the object of "had"); else None."""
    if not participle_form(verb):
        return None
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in _HAVE and (
            verb.tag_ != "VB" or not children(verb, OBJ)):  # "had his men cut the ropes"
        return verb.head
    host = verb.head
    if verb.dep_ == "relcl" and host.dep_ in OBJ and host.head.lower_ in _HAVE \
            and not children(verb, OBJ) and not any(c.lower_ in _RELATIVE
                                                    for c in verb.children):
        return host.head
    return None


#: Words that close a clause: a causative's aside never spans one.
_CLAUSE_END = frozenset({";", ":", ".", "!", "?"})
#: Determiners of a definite object ("had the prisoners ..."): "had two sons, X and Y, born
#: in ..." (possession, an indefinite or counted object) is no causative.
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "all"})
#: The longest comma-bracketed aside between a causative's object and its participle.
_MAX_ASIDE = 16


def _aside_causer(verb: Token) -> tuple[Token, Token] | None:
    """The ("had", object) of a causative whose object is followed by an aside between commas
    before the participle ``verb`` ("Bai Qi had the prisoners, said to number 400,000, buried
    alive"; "had the envoys, who had insulted him, beheaded"): the parse hangs the
    participle on a word of the aside or on "had" as a clause of its own, so the causative is
    read from the word order: ``verb`` a past form right after a comma, with no subject,
    object or auxiliary of its own; a main-verb "had"/"got" before it whose definite direct
    object (a pronoun, a name, or a noun with "the"/"these"/a possessive) is followed, within
    its own phrase, by the comma that opens the aside; the aside at most ``_MAX_ASIDE``
    tokens, with no clause end and no other main-verb "had". None otherwise."""
    doc = verb.doc
    if verb.tag_ not in ("VBN", "VBD") or verb.i < 3 or doc[verb.i - 1].text != "," \
            or children(verb, SUBJ | SUBJ_PASS | OBJ) \
            or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    for have in reversed(doc[max(0, verb.i - 3 * _MAX_ASIDE):verb.i - 2]):
        if have.lower_ not in _HAVE or have.dep_ in ("aux", "auxpass") \
                or not have.tag_.startswith("VB"):
            continue
        obj = next(iter(children(have, OBJ)), None)
        if obj is None or obj.i >= verb.i - 2 or not _definite(obj):
            return None
        opening = next((t for t in doc[obj.i + 1:verb.i - 1] if t.text == ","), None)
        if opening is None or verb.i - opening.i > _MAX_ASIDE or any(
                not obj.is_ancestor(t) for t in doc[obj.i + 1:opening.i]):
            return None
        aside = doc[opening.i + 1:verb.i - 1]
        if any(t.text in _CLAUSE_END or (t.lower_ in _HAVE and t.dep_ not in ("aux", "auxpass"))
               for t in aside):
            return None
        return have, obj
    return None


def _definite(obj: Token) -> bool:
    """True for a pronoun, a proper name, or a noun with a definite determiner or a
    possessive and no number ("the prisoners", "his ministers"; not "two sons")."""
    if obj.tag_ in ("PRP", "NNP", "NNPS"):
        return True
    if any(c.dep_ == "nummod" for c in obj.children):
        return False
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss"
               for c in obj.children)


def causative_patient(verb: Token) -> Token | None:
    """The second subject of "X had Y put to death", or the object of "had" ("had him
    executed"), or the participle's own subject where the parse gave it one
    (:func:`_causer`: "had the consort Li Shishi executed")."""
    aside = _aside_causer(verb)
    if aside is not None:
        return aside[1]
    have = _causer(verb)
    own_subject = next(iter(children(verb, SUBJ | SUBJ_PASS)), None)
    if have is not None and own_subject is not None:
        return own_subject
    own = children(verb, SUBJ | SUBJ_PASS)
    caus = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _CAUSATIVE), None)
    if caus is not None and len(own) >= 2:
        return next((s for s in own if s.i > caus.i), None)
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in _CAUSATIVE:
        obj = next(iter(children(verb.head, OBJ)), None)
        return obj or next(iter(children(verb, SUBJ | SUBJ_PASS)), None)
    return None
