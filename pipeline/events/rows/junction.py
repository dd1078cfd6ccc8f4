"""A force joining a force is a junction of armies, a ``movement``, not an alliance ("the
Jiangnan Army ... joined the Eastern Army off Hirado": the fleets meet; "Zhu Wen joined the
rebel army", "Shamoke joined the Shu": a person or a people takes a side, an ``alliance`` row
of "join" in ``event_types.csv``).
"""

from __future__ import annotations

from pipeline.events.actors import ActorFinder
from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.roles import Frame

#: Forms of the verb "join" (the sentence parse has no lemmas).
_JOIN = frozenset({"join", "joins", "joined", "joining"})


def _force_joins(rule: TriggerRule, frame: Frame, finder: ActorFinder) -> bool:
    """True for an ``alliance`` row of the verb "join" whose subject is a force: an
    ``army_noun`` of ``event_cues.csv`` ("the army", "his troops") or an ARMY mention."""
    if rule.event_type != "alliance" or frame.head.lower_ not in _JOIN or frame.agent is None:
        return False
    if finder.lexicon.is_cue(frame.agent.lower_, "army_noun"):
        return True
    entity = finder.entity_at(frame.agent)
    return entity is not None and entity.label == "ARMY"


def junction_rule(rule: TriggerRule, frame: Frame, finder: ActorFinder,
                  lexicon: EventLexicon) -> TriggerRule:
    """For a force joining another (:func:`_force_joins`) the lexicon's plain intransitive
    ``movement`` row (no object label, object words or anchor); ``rule`` otherwise."""
    if not _force_joins(rule, frame, finder):
        return rule
    return next((r for rules in lexicon.forms.values() for r in rules
                 if r.event_type == "movement" and not r.takes_object and not r.object_label
                 and not r.object_words and not r.anchor and r.subject_role == "agent"), rule)
