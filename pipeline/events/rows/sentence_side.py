"""The agent of an agentless hostile event from the one side its sentence shows acting
("Suiyang fell" in "the Yan army climbed the walls and Suiyang fell": Yan; "he was captured"
in "he recovered Luzhou from the Yuan army, ... where he was captured": Yuan).

:func:`~pipeline.events.actors.side_actor` needs the patient's side; a besieged fort, a
captured general or "the Bogue forts" seldom has one the entities give. Their sentence often
names the other side at work all the same. A side counts only where the parse shows it
acting, so that the patient's own side, named in the same sentence, is not taken for its
enemy:

- the subject of a verb that is no event of this lexicon ("the Mongols tried to win him
  over", "the British troops stood on the heights") or is a hostile or movement event with
  its agent as subject ("the Khitan relief army came to Xinzhou"), not one whose subject
  undergoes or resists ("the Sui Dynasty fell", "the Dutch held out", "the Xia army
  collapsed");
- the object of "from" or "by" ("recovered Luzhou from the Yuan army").

The side is the mention itself or a force noun it modifies ("the Yan army", "British troops":
a ``group_noun`` of ``event_cues.csv``), never a person's title ("the Tang general Zhang Hao",
"the Dutch governor": that person may be on either side). Sides are the polities of the
entities (:func:`~pipeline.events.actors.same_side` joins "Song" and "Northern Song"); exactly
one, not the patient's, gives the actor (``source="side"``, a guess); two or none give None
(blank beats wrong).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Span, Token

from pipeline.events.actors import AGENT_LABELS, Actor, ActorFinder, same_side
from pipeline.events.lexicon import EventLexicon
from pipeline.events.roles import coarse
from pipeline.records import EntityRow

#: Event types whose agent subject is a side at work against someone: attacks and moves.
_ACTING = frozenset({"movement", "river_crossing"})
#: Prepositions whose object is the side a thing was taken from or done by.
_SOURCE_PREPS = frozenset({"from", "by"})
#: Entity modifier dependencies of a force noun ("the Yan army").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def _acting_subject(verb: Token, lexicon: EventLexicon) -> bool:
    """True when the subject of ``verb`` is its doer as one side against another: a verb
    no rule lists, or one whose rules are hostile or motion with an agent subject."""
    rules = lexicon.forms.get(verb.lower_) or lexicon.forms.get(verb.lemma_.lower(), ())
    if not rules:
        return coarse(verb) == "VERB"
    if any(r.takes_object for r in rules) and not any(c.dep_ == "dobj" for c in verb.children):
        return False  # "Jinyang was conquered and Gao Yanzong captured": an elided passive
    return all(r.subject_role == "agent" and (r.hostile or r.event_type in _ACTING)
               for r in rules)


def _acting(tok: Token, lexicon: EventLexicon) -> bool:
    """True when the entity head ``tok`` (or the force noun it modifies) acts in its
    sentence (see the module doc)."""
    role = tok
    if tok.dep_ in _MODIFIER_DEPS and lexicon.cue(tok.head.lower_) == "group_noun":
        role = tok.head  # "the Yan army", "British troops"
    elif tok.dep_ in _MODIFIER_DEPS:
        return False  # "the Tang general", "the Dutch governor": a person of either side
    if role.dep_ == "nsubj" and role.head.i != role.i:
        return _acting_subject(role.head, lexicon)
    return role.dep_ == "pobj" and role.head.lower_ in _SOURCE_PREPS


def sentence_side(finder: ActorFinder, sdoc: Doc, lexicon: EventLexicon,
                  polity_of: Callable[[EntityRow], str], patient: Actor | None,
                  person_polity: Mapping[str, str], trigger: Span) -> Actor | None:
    """The one side the sentence ``sdoc`` shows acting that is not ``patient`` nor of its
    side, as actor1 with ``source="side"``; None when there are none or several (see the
    module doc). Only the line of ``trigger`` (a span of ``sdoc``) counts (a timeline's
    other lines are other events); a person counts only with the side the
    gazetteer gives him (``person_polity``: canonical -> polity; not a guess from a name's
    words, "Han Zong")."""
    mine = polity_of(patient.entity) if patient is not None else ""
    found: dict[str, EntityRow] = {}
    text = sdoc.text
    lo = text.rfind("\n", 0, trigger.start_char) + 1
    hi = text.find("\n", trigger.end_char)
    hi = len(text) if hi < 0 else hi
    for tok in sdoc:
        if not lo <= tok.idx < hi:
            continue
        ent = finder.entity_at(tok)
        if ent is None or ent.label not in AGENT_LABELS or finder.entity_at(tok.head) is ent \
                and tok.head.i != tok.i:
            continue  # not the head token of its entity
        if ent.label == "PERSON" and ent.canonical not in person_polity:
            continue
        side = polity_of(ent)
        if not side or (patient is not None and ent.canonical == patient.entity.canonical) \
                or (mine and same_side(side, mine)) or not _acting(tok, lexicon):
            continue
        key = next((k for k in found if same_side(k, side)), side)
        found[key] = ent
    if len(found) != 1:
        return None
    return Actor(next(iter(found.values())), "side")
