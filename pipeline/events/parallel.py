"""Object pronouns read by parallelism: "X invited Y to a discussion and killed him" -> Y.

A singular object pronoun ("him", "her") of a verb coordinated with an earlier verb of the
same subject (the later verb has no subject of its own: "invited ... and killed him") names
the person the earlier verb's direct object names (at its head or in an apposition to it),
when that person fits the pronoun: the two verbs act on one person, as centering reads a
pronoun kept in the same role across clauses. The subject of the pair is never the pronoun's
person (binding), so without this rule the sentence's first subject ("Sun Jun told Zhuge
Ke, who invited Sun Hong ... and killed him": Sun Jun) or the paragraph's most salient person
would be taken instead. :func:`conjunct_subjects`: the converse for a description as the
subject of a later conjunct.

Not read: a later verb with its own subject ("X defeated Y, and Z pardoned him": either may
be meant), an earlier verb whose object is no named person ("X took the city and killed
him"), and plural "them" (a group's members are often no one entity).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.salience import Salience
from pipeline.records import EntityRow

_OBJECT_PRONOUNS = frozenset({"him", "her"})
_OBJECT_DEPS = frozenset({"dobj", "obj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _earlier_conjuncts(verb: Token) -> list[Token]:
    """The verbs before ``verb`` in its coordination, nearest first, when ``verb`` shares
    their subject (it has none of its own); else []."""
    if verb.dep_ != "conj" or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return []
    top = verb
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    return sorted((v for v in (top, *top.conjuncts) if v.i < verb.i
                   and (v is top or not any(c.dep_ in _SUBJECT_DEPS for c in v.children))),
                  key=lambda v: -v.i)


def _named_person(finder: ActorFinder, obj: Token) -> EntityRow | None:
    """The PERSON the object phrase ``obj`` names itself: at its head, or at the head of an
    apposition to it ("the Wei commander, Prince Ang"); not a person inside a modifier of a
    common noun ("the Qin general Zhang Han armed convict labourers", misparsed as one
    phrase)."""
    for tok in (obj, *(c for c in obj.children if c.dep_ == "appos")):
        entity = finder.entity_at(tok)
        if entity is not None and entity.label == "PERSON":
            return entity
    return None


def parallel_object(finder: ActorFinder, salience: Salience, tok: Token | None,
                    exclude: frozenset[str] = frozenset()) -> Actor | None:
    """The person named by the direct object of the verb that ``tok``'s verb is coordinated
    with (see the module doc), ``source="pronoun"``; None when ``tok`` is no singular object
    pronoun, the verbs do not share their subject, or that object names no fitting person
    (other gender, dead before this sentence, or in ``exclude``)."""
    if tok is None or tok.lower_ not in _OBJECT_PRONOUNS or tok.dep_ not in _OBJECT_DEPS:
        return None
    for earlier in _earlier_conjuncts(tok.head):  # the nearest earlier verb first
        for obj in (c for c in earlier.children if c.dep_ in _OBJECT_DEPS):
            if obj.lower_ in _OBJECT_PRONOUNS:
                return None  # "seized him and killed him": one pronoun chain, read as such
            entity = _named_person(finder, obj)
            if entity is None:
                continue
            if entity.canonical in exclude or not salience.alive(entity, finder.base) \
                    or not salience.agrees(entity, tok.lower_, finder.base + tok.idx):
                return None  # the object does not fit: no guess from this rule
            return Actor(entity, "pronoun")
    return None


def conjunct_subjects(finder: ActorFinder, tok: Token | None) -> frozenset[str]:
    """Canonical names of the persons who are the subjects of the earlier verbs coordinated
    with the verb of the description ``tok`` (a common-noun subject: "the prince", "the Heir
    Apparent"), which never names them: "Li Yuan abdicated, and the prince ascended the
    throne" (a clause that went on with Li Yuan would say "he" or drop the subject, so a new
    description names someone else). Empty for a pronoun ("..., and he ascended") or a
    subject of no coordinated verb."""
    if tok is None or tok.dep_ not in ("nsubj", "nsubjpass") or not tok.tag_.startswith("NN"):
        return frozenset()
    verb = tok.head
    if verb.dep_ != "conj" or verb.head.i >= verb.i:
        return frozenset()
    top = verb
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    names: set[str] = set()
    for other in (top, *top.conjuncts):
        if other.i >= verb.i:
            continue
        for subj in (c for c in other.children if c.dep_ in ("nsubj", "nsubjpass")):
            actor = finder.actor(subj)
            if actor is not None and actor.entity.label == "PERSON":
                names.add(actor.entity.canonical)
    return frozenset(names)


def inside_clause(tok: Token, verb: Token) -> bool:
    """True when ``tok`` hangs under ``verb`` without a coordination between them: inside
    its clause or a clause subordinate to it ("Zongze died because his efforts failed": "his"
    is inside "died"'s clause), not in a clause coordinated with it ("Ch'ên Mu was killed
    ..., and Pan Ch'ao was recalled; ..., and he turned back": "he" is told after the death,
    so it is not the dead man). A possessive is inside wherever it hangs under ``verb``: a
    dead man's army lives on ("X was killed by an arrow, and his army turned back": X's)."""
    if tok.dep_ == "poss":
        return verb.is_ancestor(tok)
    step = tok
    while step.i != verb.i:
        if step.head.i == step.i or step.dep_ == "conj":
            return False
        step = step.head
    return True
