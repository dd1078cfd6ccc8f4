"""Aims and plans told as such (split from :mod:`pipeline.events.modality`, which calls them):
a purpose infinitive, an indirect question ("how to recover"), an aim of an aim, a stated
purpose ("in order to") and a planned noun ("an invasion was planned")."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon
from pipeline.events.syntax import coarse


def purpose_infinitive(verb: Token) -> bool:
    """A purpose infinitive ("led his army to attack Y"): an adverbial clause in the bare
    form with its own "to"."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: Words opening an indirect question before an infinitive ("how to recover", "whether to
#: attack"): Penn wh-tags, and the subordinators of a yes/no question.
_WH_TAGS = frozenset({"WRB", "WP", "WDT", "WP$"})
_YES_NO = frozenset({"whether", "if"})


def indirect_question(verb: Token) -> bool:
    """An infinitive asked about, not done: "worried about how to recover the lost
    territory", "debated whether to attack": a "to" infinitive with a wh-word or
    "whether" of its own before it (the parse hangs "how" on the infinitive)."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return False
    return any(c.i < to.i and (c.tag_ in _WH_TAGS or c.lower_ in _YES_NO)
               for c in verb.children)


def aim(verb: Token) -> bool:
    """An infinitive that is itself an aim, not a verb's complement: an adverbial or relative
    "to" infinitive ("went west to unite with Wusun", "for the second time to unite with
    Wusun"); not "ordered him to lead his army" (an ``xcomp``: the order is carried out)."""
    return verb.dep_ in ("advcl", "relcl", "acl") and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def stated_purpose(verb: Token, lexicon: EventLexicon) -> bool:
    """An infinitive introduced by a ``purpose`` phrase cue ("in order to", "so as to")."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None or to.i < 2:
        return False
    before = to.doc[to.i - 2:to.i]
    return lexicon.cue(" ".join(t.lower_ for t in before)) == "purpose"


def planned(head: Token, lexicon: EventLexicon) -> bool:
    """A trigger noun that is what an ``irrealis`` verb in the passive was about, as that
    verb's passive subject ("an invasion was planned") or as the object raised before its
    "to be" infinitive ("ordered a third invasion to be prepared"): the object of the active
    verb ("planned an invasion"), a plan, not a deed."""
    if coarse(head) != "NOUN":
        return False
    if head.dep_ == "nsubjpass":
        return lexicon.cue(head.head.lower_) == "irrealis"
    return head.dep_ in ("dobj", "obj") and any(
        c.dep_ == "xcomp" and lexicon.cue(c.lower_) == "irrealis"
        and any(a.dep_ == "auxpass" for a in c.children) for c in head.head.children)
