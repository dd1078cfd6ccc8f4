"""The sides of an event its frame does not name plainly, for
:func:`~pipeline.events.rows.build.build_event`: a partner of the rule's preposition, a place
that acts, the authority of an agentless passive, the verb that governs a noun trigger, and
sides that are misread words of a person's name.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.anaphora import resolve_actor
from pipeline.events.coref import title_actor
from pipeline.events.implied import SOURCE as IMPLIED_SOURCE
from pipeline.events.lexicon import TriggerRule
from pipeline.events.roles import Frame, coarse
from pipeline.events.salience import Salience
from pipeline.events.salience.sides import STATE_FOLLOWERS
from pipeline.events.syntax import prep_objects

#: Prepositions whose object a verb gets past, out of or away from: "broke through the
#: blockade", "escaped from the siege" (the noun is done to the verb's subject).
_ACROSS = frozenset({"through", "from", "out"})
#: Pronoun forms a romanised Chinese name may end in ("Zhang He"): see :func:`name_word`.
_PRONOUN_NAMES = frozenset({"he", "she", "his", "her", "him", "we", "it"})
#: Labels of a noun that is an argument of its verb.
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "obj"})


def _partner(finder: ActorFinder, salience: Salience, frame: Frame, local: Span, prep: str,
             at: int, actor1: Actor | None) -> Actor | None:
    """actor2 from the object of the rule's ``partner`` preposition on the trigger's head, on
    another word of its form or on its object ("signed the treaty with the Liao", "concluded
    peace with the Jin", "ceded the prefectures to the Khitan"): an agent entity, an
    anaphor's antecedent (never actor1), or None."""
    exclude = frozenset({actor1.entity.canonical}) if actor1 is not None else frozenset()
    holders = [frame.head, *(t for t in local if t.i != frame.head.i)]
    if frame.patient is not None:
        holders.append(frame.patient)
    for tok in (o for h in holders for o in prep_objects(h, frozenset({prep}))):
        actor = resolve_actor(finder, salience, tok, at, exclude=exclude)
        if actor is not None and actor.entity.canonical not in exclude \
                and _names_itself(finder, tok, actor):
            return actor
    return None


def _names_itself(finder: ActorFinder, tok: Token, actor: Actor) -> bool:
    """True when ``actor`` comes from ``tok`` itself, a name or modifier on it or an anaphor
    ("with the Jin", "with the Jin army", "with him"), not from a phrase inside its own
    ("with the help of the Song army": no partner)."""
    if actor.source == "pronoun":
        return True
    ent = actor.entity
    return any(ent.start <= finder.base + t.idx < ent.end for t in (
        tok, *(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss"))))


def _place_subject(finder: ActorFinder, agent: Token) -> Actor | None:
    """A PLACE the subject names itself ("Taiwan submitted to the Qing", "Luoyang
    surrendered": the place stands for its people or rulers), ``source="place"``; else None.
    Only for rules with a ``partner`` (events between two sides: surrender, peace, treaty,
    alliance, cession, battle) or ``hostile`` ones ("Japan declared war on China", "Tibet
    took eighteen prefectures": a country tagged a place acts as its state): a place does not
    ascend a throne (a mistyped name would)."""
    place = finder.entity_at(agent)
    return Actor(place, "place") if place is not None and place.label == "PLACE" else None


def _against(tok: Token | None) -> bool:
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "against"


def governor_at(head: Token, base: int) -> int:
    """The full-text offset (``base`` + the token's ``idx``) of the verb whose object the
    noun trigger ``head`` is, directly or through a preposition of :data:`_ACROSS` ("broke
    through the blockade", "lifted the siege", "survived the attack"; not "annihilated by X
    with a fire attack": X's own means), or -1 (a verb trigger, a subject, no
    verb). The one who acts on an event is not its agent: the subject of "broke through"
    did not blockade (:meth:`pipeline.events.salience.sides.HostileSides.attacker`)."""
    if coarse(head) != "NOUN":
        return -1
    tok = head.head if head.dep_ == "pobj" and head.head.lower_ in _ACROSS else head
    if tok is head and head.dep_ not in _ARGUMENT - {"nsubj", "nsubjpass", "attr"}:
        return -1
    verb = tok.head
    return base + verb.idx if verb is not tok and coarse(verb) == "VERB" else -1


def under_whom(head: Token) -> Token | None:
    """The object of an "under" phrase on the verb ``head`` of an agentless passive ("These
    reforms were carried out under the Empress Dowager", "the wall was rebuilt under the
    Ming"): the authority it was done under, the caller's agent when it names an actor (not
    "under arrest", "under the walls of X"); for a noun trigger, the "under" phrase of the
    passive verb it is the subject of ("These reforms were carried out under X"); None for
    an active verb or no such phrase."""
    if coarse(head) == "NOUN":
        if head.dep_ != "nsubjpass":
            return None
        head = head.head
    elif not any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) \
            and head.dep_ != "acl":
        return None
    return next(iter(prep_objects(head, frozenset({"under"}))), None)


def authority(finder: ActorFinder, salience: Salience, frame: Frame, rule: TriggerRule,
              patient: Actor | None, at: int) -> Actor | None:
    """The agent of an agentless passive (or of an event noun that is the subject of one) as
    a guess, ``source="implied"``: the actor of its "under" phrase (:func:`under_whom`: "These
    reforms were carried out under the Empress Dowager"), not a place; else, for an
    execution (:data:`~pipeline.events.salience.sides.STATE_FOLLOWERS`), the agent of the act
    of power just before (:meth:`~pipeline.events.salience.Salience.ruler_before`: "...
    condemned the young reformers to death. Six of them were beheaded"); else None.
    ``patient``: the row's actor2; ``at``: the trigger's full-text offset."""
    if frame.agent is not None or not (frame.passive or coarse(frame.head) == "NOUN"):
        return None
    under = under_whom(frame.head)
    if under is not None and finder.place(under) is None:
        found = resolve_actor(finder, salience, under, at) or title_actor(finder, under)
        if found is not None:
            return Actor(found.entity, IMPLIED_SOURCE)
    if frame.passive and rule.event_type in STATE_FOLLOWERS:
        return salience.ruler_before(at, patient)
    return None


def misread_sides(actor1: Actor | None, actor2: Actor | None, finder: ActorFinder, text: str,
                  offset: int) -> tuple[Actor | None, Actor | None]:
    """``actor1``, ``actor2`` without a state that is one word of a person's name
    (:func:`name_part`: "stabbed Yan Liang", no state Liang), and without ``actor1`` when both
    are mentions of one name: a verb's two sides are two (the agent is the misread one: "when
    X returned, he killed Y" with "he" taken for Y; "the banner of Y stabbed Y").
    ``text``: the paragraph, ``offset``: its full-text offset."""
    actor1, actor2 = (None if name_part(a, finder, text, offset) else a for a in (actor1, actor2))
    if actor1 is not None and actor2 is not None and actor1.entity is not actor2.entity \
            and actor1.entity.canonical == actor2.entity.canonical:
        actor1 = None
    return actor1, actor2


def name_word(tok: Token | None, actor: Actor | None) -> bool:
    """True when ``actor`` was resolved as a pronoun from ``tok``, a pronoun's form written
    capitalised after a proper noun of its phrase ("Zhang He and Gao Lan burned ...", no
    entity covering "Zhang He": the given name He, not the pronoun)."""
    if tok is None or actor is None or actor.source != "pronoun" \
            or tok.lower_ not in _PRONOUN_NAMES or not tok.text[:1].isupper():
        return False
    return any(c.dep_ == "compound" and c.tag_ == "NNP" and c.i < tok.i for c in tok.children)


def name_part(actor: Actor | None, finder: ActorFinder, text: str, offset: int) -> bool:
    """True for a polity ``actor`` whose mention is one word of a longer name: another
    state's name written right before or after it, one space between ("Yan Liang" read as
    the states Yan and Liang; two different states are never written side by side): a person
    the gazetteer does not know, so the state is no actor. ``text``: the paragraph,
    ``offset``: its full-text offset (entities are in full-text offsets)."""
    if actor is None or actor.entity.label != "POLITY":
        return False
    ent = actor.entity
    i = bisect.bisect_left(finder.starts, ent.start)
    for other in finder.entities[max(0, i - 2):i + 3]:
        if other is ent or other.label != "POLITY" or other.canonical == ent.canonical:
            # ("the Tangut Hsi-Hsia": two names of one state)
            continue
        lo, hi = (other.end, ent.start) if other.end <= ent.start else (ent.end, other.start)
        if hi - lo == 1 and 0 <= lo - offset < len(text) and text[lo - offset] == " ":
            return True
    return False
