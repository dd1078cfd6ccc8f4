"""Subjects the parse lost or split (:mod:`pipeline.events.subjects` asks these when a verb's
own subjects look wrong or it has none).

* :func:`described_name`: a description and the name it introduces read as two subjects
  ("his uncle Tun Bagha Tarkhan killed him"; active subjects only: "The river steamer
  Thistle was seized" keeps "steamer", a ship is no captured person);
* :func:`listed_before`: the first clause of an asyndetic list read as a clausal complement
  ("Dinh Nghe rose against the Southern Han, besieged Dai La ...");
* :func:`dated_subject`: a name run into a fronted year read as the object of "In"
  ("In 762 Bögü at first listened to ...").

Each returns a token of the sentence's parse (the subject's head) or None; pure functions of
the parse, no lexicon.
"""

from __future__ import annotations

import calendar

from spacy.tokens import Token

from pipeline.events.syntax import SUBJ, SUBJ_PASS, children

__all__ = ["CLOSERS", "dated_subject", "described_name", "listed_before"]

#: Tokens that close a fronted phrase before the subject: a comma, or the parenthesis of a
#: gloss ("Wanli ten years (1582) Zhang Juzheng died": the year's gloss ends the date).
CLOSERS = frozenset({",", ")"})
#: Month and weekday names: a fronted "In 762 December" names no one.
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)
#: Prepositions of a fronted year ("In 762", "By 1280").
_YEAR_PREPS = frozenset({"in", "by", "during"})


def described_name(before: list[Token]) -> Token | None:
    """The name of a subject phrase the parse split in two (``before``: the verb's subjects
    before it, in text order): the last two are a common noun (the description: "his uncle",
    "His brother-in-law") whose phrase, with no comma in it, ends right before the
    proper-noun phrase of the last ("his uncle Tun Bagha Tarkhan killed him": both "uncle"
    and "Tarkhan" subjects of "killed"). The name is the subject; the description only says
    who he is. None otherwise."""
    if len(before) < 2:
        return None
    desc, name = before[-2], before[-1]
    lo = min(t.i for t in name.subtree)
    left = min(t.i for t in desc.subtree)
    doc = desc.doc
    if desc.tag_ not in ("NN", "NNS") or not name.tag_.startswith("NNP") \
            or not doc[lo].tag_.startswith("NNP") \
            or max(t.i for t in desc.subtree) != lo - 1 \
            or any(doc[j].text in CLOSERS or doc[j].is_quote for j in range(left, lo)):
        return None
    return name


def listed_before(verb: Token) -> Token | None:
    """The subject of the first clause of an asyndetic list the parse read as a clausal
    complement ("In 931 Dinh Nghe rose against the Southern Han, besieged Dai La and drove
    out ...": "rose" a ``ccomp`` of "besieged", which gets no subject): ``verb`` a finite
    past form with no subject, its ``ccomp`` child a finite past form before it, with no
    subordinator, whose phrase ends right before a comma before ``verb``; that clause's noun
    subject. None otherwise (a reported clause follows its verb: "said that X fled")."""
    if verb.tag_ != "VBD" or children(verb, SUBJ | SUBJ_PASS):
        return None
    doc = verb.doc
    for comp in (c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i):
        hi = max(t.i for t in comp.subtree)
        if comp.tag_ != "VBD" or hi + 1 >= verb.i or doc[hi + 1].text != "," \
                or any(c.dep_ == "mark" for c in comp.children):
            continue
        own = [s for s in children(comp, SUBJ) if s.tag_.startswith("NN")]
        return own[0] if own else None
    return None


def dated_subject(verb: Token) -> Token | None:
    """The name the parse ran into a fronted year ("In 762 Bögü at first listened", "In 25
    Liuxiu became emperor": the name read as the object of "In", the verb left with no
    subject): ``verb`` a past form with no subject and no passive auxiliary, its
    first child a preposition opening the sentence (:data:`_YEAR_PREPS`) whose phrase, with
    no comma in it or between it and ``verb``, ends in a run of proper nouns right after a
    year number; the last word of that run. None otherwise
    ("In 762, he ...": a comma; a month or weekday is no name; "of 25 A.D. Liuxiu": the era
    mark is read into the name, which then resolves to no one and hides him from the
    pronouns after: a loss on dev6, so no era mark)."""
    if verb.tag_ not in ("VBD", "VBN") or children(verb, SUBJ | SUBJ_PASS) \
            or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    sent = verb.sent
    prep = next((c for c in verb.children if c.dep_ == "prep"), None)
    if prep is None or prep.i != sent.start or prep.lower_ not in _YEAR_PREPS:
        return None
    doc = verb.doc
    hi = max(t.i for t in prep.subtree)
    if hi >= verb.i or any(t.text in CLOSERS for t in doc[prep.i:verb.i]):
        return None
    lo = hi
    while lo > prep.i and doc[lo - 1].tag_ == "NNP" and doc[lo - 1].text[:1].isupper() \
            and doc[lo - 1].is_alpha:  # not "A.D."
        lo -= 1
    if doc[hi].tag_ != "NNP" or not doc[lo].text[:1].isupper() or lo <= prep.i + 1 \
            or any(t.lower_ in _MONTHS for t in doc[lo:hi + 1]):
        return None
    mark = doc[lo - 1]
    if not (mark.is_digit and len(mark.text) <= 4):
        return None
    return doc[hi]
