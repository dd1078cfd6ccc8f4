"""Whether a verb of movement is used as one: ``anchor=mover`` rows of ``event_types.csv``.

A motion verb without a destination ("returned", "came back", "set out", "arrived") is a
movement only when it is intransitive and someone moves: "the envoys returned in 805", "he set
out"; not "forced the officials to return the fields" (a direct object: a handing back) nor
"the first climax of exchanges began to arrive" (nothing that travels). The mover is the
verb's subject (its own, shared or inherited: :func:`pipeline.events.subjects.controller`):
a proper noun, a personal pronoun, a number ("the two returned"), or a common noun whose word
(or lemma) is a person or group cue of ``event_cues.csv`` (``anaphor_person``,
``anaphor_group``, ``group_noun``, ``mover``: "the envoys", "his deputy envoy", "the fleet").
A verb with no subject the parse can find is left to the other checks (an elided subject of
a coordinated clause: "..., and returned to Han").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.subjects import controller
from pipeline.events.syntax import OBJ, children, coarse

#: ``anchor`` value of a row whose verb must have a mover and no direct object.
MOVER = "mover"
_PERSON_CUES = frozenset({"anaphor_person", "anaphor_group", "group_noun", "mover"})


def can_move(tok: Token, lexicon: EventLexicon) -> bool:
    """True when the subject ``tok`` may name someone who travels (see the module doc)."""
    if tok.tag_ in ("NNP", "NNPS", "PRP", "CD") or tok.ent_type_ in ("PERSON", "NORP", "GPE"):
        return True
    return any(lexicon.cue(w) in _PERSON_CUES for w in (tok.lower_, tok.lemma_.lower()))


def unfit_motion(head: Token, rule: TriggerRule | None, lexicon: EventLexicon) -> bool:
    """True when ``rule`` is an ``anchor=mover`` row and the verb ``head`` is not used as a
    movement: it has a direct object, or a subject that cannot move (module doc). Nouns and
    other rows: False."""
    if rule is None or rule.anchor != MOVER or coarse(head) != "VERB":
        return False
    if children(head, OBJ):
        return True
    subject = controller(head, lexicon)
    return subject is not None and not can_move(subject, lexicon)
