"""Stage 4 of :func:`~pipeline.events.rows.build.build_event`: what the event tells the
paragraph's :class:`~pipeline.events.salience.Salience` (who is the subject, who acted
against whom, who hit a place, ruled, died, was unseated or crowned), read by later triggers'
pronouns, bare titles and agentless passives.
"""

from __future__ import annotations

from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.anaphora import survived
from pipeline.events.lexicon import TriggerRule
from pipeline.events.roles import Frame, coarse, one_of_several
from pipeline.events.salience import Salience
from pipeline.events.salience.sides import STATE_ACTS
from pipeline.events.triggers import Context
from pipeline.records import EntityRow

# Event types that end a person's life, and which actor dies: no later pronoun refers to them.
_FATAL = {"death": "actor1", "suicide": "actor1", "execution": "actor2", "killing": "actor2"}


def note_subject(salience: Salience, finder: ActorFinder, ctx: Context, frame: Frame,
                 actor1: Actor | None, actor2: Actor | None, unnamed: bool, at: int) -> None:
    """Note the grammatical subject of a verb trigger at full-text offset ``at`` (the patient
    of a passive), someone unknown ("The Imperial Commissioner ... built"; "he" resolved to no
    one) and the person an order sends ("sent Feng Changqing to hold Luoyang. He ...")."""
    if coarse(frame.head) != "VERB":
        return  # a noun's "Song" of "the Song garrison" is no subject
    if not frame.passive and (
            (unnamed and (actor1 is None or actor1.source == "nearest"))
            or (actor1 is None and finder.anaphor_kind(frame.agent) == "anaphor_person")):
        salience.note_unknown(at)
    salience.note(actor2 if frame.passive else actor1, at,  # the grammatical subject
                  "embedded" if frame.head.dep_ == "relcl" else "subject")
    if ctx.lexicon.cue(frame.head.lower_) == "order" and actor2 is not None \
            and actor2.entity.label == "PERSON":
        salience.note(actor2, at)  # "sent Feng Changqing to hold Luoyang. He ...": Feng


def note_outcome(salience: Salience, frame: Frame, rule: TriggerRule, status: str,
                 actor1: Actor | None, actor2: Actor | None, place: EntityRow | None,
                 at: int) -> None:
    """Note what an event did: a hostile act's side and target, an act against a place, a
    state act, a death, an unseating, an enthronement (asserted events only)."""
    if status != "asserted":
        return
    if rule.hostile:
        salience.fought(at)
    if rule.hostile and actor1 is not None and (
            frame.patient is not None or not one_of_several(frame.agent)):
        # "Zheng He attacked first, ... were killed": he acts; not "X and Y fought"
        salience.acted(actor1, place.canonical if place is not None else "", at,
                       frame.patient is None)
        if actor2 is not None:
            salience.opposed(actor1, actor2)
    if rule.hostile and (place is not None or (
            frame.patient is not None and (actor2 is None
                                           or actor2.entity.label != "PERSON"))):
        salience.hit_place(actor1)  # "the siege of Pyongyang ... the city fell": its agent
        # (an act against a place or a side, not a person: "X beheaded Y" is no siege)
    if actor1 is not None and rule.event_type in STATE_ACTS:
        salience.ruled(actor1, at)
    if rule.event_type in _FATAL and not survived(frame.head):
        salience.died(actor1 if _FATAL[rule.event_type] == "actor1" else actor2, at)
    salience.unseat(rule.event_type, actor1, actor2, at)  # "X was exiled": a bare "the
    # Emperor" is no longer X
    if rule.event_type == "enthronement":
        salience.crowned(actor1)  # "ascended the throne in 1875 ... the Emperor": him
