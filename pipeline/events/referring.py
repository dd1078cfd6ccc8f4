"""A battle, victory or defeat noun that refers back to the fighting the paragraph has just
told ("Xie Xuan routed Fu Jian at the Fei River. The battle secured the south"; "After the
defeat the court ..."; "For this victory the court advanced him"): an event of its own in
the annotation, though the noun names no side, place or date of its own (a bare event noun
is otherwise no event: :func:`pipeline.events.roles.nominal_anchored`). The nouns are the
``outcome_noun`` cues of ``gazetteer/event_cues.csv``. Offsets are full-text ``str``
indices."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon
from pipeline.events.roles import Frame, coarse
from pipeline.events.salience.sides import HostileSides

#: Determiners of a noun that points back to something told ("the battle", "this victory",
#: "his defeat"); "a battle", "no victory" do not.
_BACK = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their",
                   "several"})
#: How far back (characters) the fighting told may stand: the same or the previous one or
#: two sentences, not a paragraph's length before.
REACH = 400


def _pointing(head: Token) -> bool:
    """True when the noun ``head`` has a determiner or possessive of :data:`_BACK` and no
    other modifier that makes it a new event ("the next battle", "a battle")."""
    dets = [c for c in head.children if c.dep_ in ("det", "poss", "amod") and c.i < head.i]
    return bool(dets) and all(c.lower_ in _BACK for c in dets if c.dep_ in ("det", "poss")) \
        and any(c.lower_ in _BACK for c in dets) \
        and not any(c.dep_ == "amod" and c.lower_ in ("next", "first", "second", "another",
                                                      "last", "final") for c in dets)


def refers_back(frame: Frame, lexicon: EventLexicon, sides: HostileSides | None,
                at: int) -> bool:
    """True when the frame's head, a noun at full-text offset ``at``, is an ``outcome_noun``
    cue ("battle", "victory", "defeat") that points back (:func:`_pointing`: "the battle",
    "his defeat", "after several defeats") to a hostile event the paragraph told within
    :data:`REACH` characters before it (``sides``: the paragraph's hostile events,
    :attr:`HostileSides.fights`). Not a heading's "The battle" (nothing told before) nor
    "a battle", "the next battle"."""
    head = frame.head
    if sides is None or coarse(head) != "NOUN" or not lexicon.is_cue(head.lower_,
                                                                      "outcome_noun"):
        return False
    if not _pointing(head) or any(c.dep_ in ("relcl", "acl") for c in head.children):
        return False  # "in the battle that is in world-famous Chibi": a battle described
    return any(0 <= at - when <= REACH for when in sides.fights)
