"""Number agreement of group anaphors: "they"/"them"/"their" stand for a plural antecedent.

A group pronoun never stands for ONE person when its sentence offers a plural antecedent ("Wu
Guang provoked the two escorting commandants, and the two leaders killed them": the
commandants, not Wu Guang; "after Yu Qian repelled the Oirads they sued for peace": the
Oirads). Plural: a plural noun (tags NNS/NNPS), a coordination ("X and Y"), or a POLITY/ARMY
mention; singular: a person mention that is not coordinated. The antecedent is the nearest
plural argument (subject, object, or "by" agent) before the pronoun in its sentence that is
not an argument of the pronoun's own verb (binding: "the leaders killed them" is not the
leaders). An unnamed plural ("the commandants") decides a blank actor: a guess at a named
person would be wrong.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.actors import Actor, ActorFinder

#: Group pronouns that agree in number (not "it": a polity or a city, singular).
GROUP_PRONOUNS = frozenset({"they", "them", "their"})
_ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})
_GROUP_LABELS = frozenset({"POLITY", "ARMY"})


def coordinated(tok: Token) -> bool:
    """True for a member of a coordination ("X and Y": either one)."""
    return tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)


def singular_person(finder: ActorFinder, tok: Token) -> bool:
    """True when argument head ``tok`` names one person: a PERSON mention, not a plural
    noun and not coordinated ("Wu Guang", not "Chen Sheng and Wu Guang", not "Yue Fei's
    troops")."""
    actor = finder.actor(tok)
    return actor is not None and actor.entity.label == "PERSON" \
        and finder.entity_at(tok) is not None and tok.tag_ not in ("NNS", "NNPS") \
        and not coordinated(tok)


def _plural(finder: ActorFinder, tok: Token) -> bool:
    if tok.tag_ in ("NNS", "NNPS") or coordinated(tok):
        return True
    entity = finder.entity_at(tok)
    return entity is not None and entity.label in _GROUP_LABELS


def _argument(tok: Token) -> bool:
    if tok.dep_ in _ARG_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.dep_ == "agent"  # "defeated by the Mongols"


def plural_antecedent(finder: ActorFinder, tok: Token) -> tuple[bool, Actor | None]:
    """The nearest plural argument before group pronoun ``tok`` in its sentence (see the
    module doc): (found, its actor or None for an unnamed plural). (False, None) when
    ``tok`` is no group pronoun or the sentence has no plural argument before it."""
    if tok.lower_ not in GROUP_PRONOUNS:
        return False, None
    own = tok.head
    for cand in reversed(tok.doc[tok.sent.start:tok.i]):
        if not _argument(cand) or cand.head.i == own.i or not _plural(finder, cand):
            continue
        if cand.dep_ == "conj":  # "X and Y": the coordination's first member names it
            continue
        actor = finder.actor(cand)  # "Yue Fei's troops": his force, as for any subject
        return True, (Actor(actor.entity, "pronoun") if actor is not None else None)
    return False, None
