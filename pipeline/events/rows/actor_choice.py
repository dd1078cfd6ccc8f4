"""Stage 2 of :func:`~pipeline.events.rows.build.build_event`: the event's two actors.

:func:`choose_actors` reads actor1 from the frame's agent (a name, a pronoun, a possessor, a
place, a commander, the entry's headword, a group or title), actor2 from its patient, and, for
a hostile event with no agent, the side opposed to the patient
(:func:`~pipeline.events.actors.side_actor`, :meth:`Salience.attacker`) or the authority that
carried it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.events.actors import Actor, ActorFinder, nearest_actor, side_actor
from pipeline.events.anaphora import (
    bound_elsewhere,
    possessor_anaphor,
    possessor_polity,
    resolve_actor,
    subjectless,
)
from pipeline.events.coref import group_actor, title_actor
from pipeline.events.lexicon import RULER_TITLES, TriggerRule
from pipeline.events.nominal import possessive_actor
from pipeline.events.patients import pronoun_place, settlement_words
from pipeline.events.roles import Frame, coarse
from pipeline.events.rows.context import _continues, _topic_possessor, bare_title, unnamed_place
from pipeline.events.rows.frames import (
    _against,
    _partner,
    _place_subject,
    authority,
    governor_at,
    misread_sides,
    name_word,
)
from pipeline.events.rows.sentence_side import sentence_side
from pipeline.events.salience import Salience
from pipeline.events.syntax import prep_objects
from pipeline.events.triggers import Context, polity_of
from pipeline.records import EntityRow


@dataclass(frozen=True)
class Where:
    """Where a trigger sits: the paragraph's text and full-text ``offset``, the sentence
    (``sent`` in the paragraph doc, ``sdoc`` parsed alone), the trigger (``trig`` in the
    paragraph doc, ``local`` in ``sdoc``) and the index in ``sdoc`` of its line's start."""

    doc_text: str
    offset: int
    sent: Span
    sdoc: Doc
    trig: Span
    local: Span
    line_start: int

    @property
    def at(self) -> int:
        """Full-text offset of the trigger's start."""
        return self.offset + self.trig.start_char

    @property
    def sent_start(self) -> int:
        """Full-text offset of the sentence's start."""
        return self.offset + self.sent.start_char


@dataclass(frozen=True)
class ActorChoice:
    """The actors of one event and what the choice learnt on the way.

    ``titled``: actor1 read from a bare ruler title resolved as a pronoun ("the emperor":
    who reigned then is checked later); ``untitled``: a bare ruler title naming no one;
    ``unnamed``: the agent is a proper noun no actor was found for ("The Aftermath");
    ``patient_place``: the PLACE entity of the patient, if any.
    """

    actor1: Actor | None
    actor2: Actor | None
    titled: bool
    untitled: bool
    unnamed: bool
    patient_place: EntityRow | None


def _agent_actor(finder: ActorFinder, salience: Salience, frame: Frame, rule: TriggerRule,
                 ctx: Context, w: Where) -> tuple[Actor | None, bool, bool, bool]:
    """actor1 from the frame's agent, with (titled, untitled, unnamed): see
    :class:`ActorChoice`."""
    at = w.at
    actor1 = resolve_actor(finder, salience, frame.agent, at) \
        or possessor_anaphor(finder, salience, frame.agent, at) \
        or possessive_actor(finder, salience, frame.agent, rule) \
        or _topic_possessor(frame.agent, rule, salience)  # "his army took X", "until
    # his death"; "After his death, ..." in the entry on him
    actor1 = None if name_word(frame.agent, actor1) else actor1  # "Zhang He and X"
    titled = frame.agent is not None and frame.agent.lower_ in RULER_TITLES \
        and not any(c.dep_ in ("amod", "compound", "nmod") for c in frame.agent.children)
    untitled, titled = titled and actor1 is None, titled and actor1 is not None \
        and actor1.source == "pronoun"  # "the emperor" naming no one: who reigned then
    trig_end = w.offset + w.trig.end_char
    if actor1 is not None and actor1.entity.start < trig_end and at < actor1.entity.end:
        actor1 = None  # "Died A.D. 934": the capitalised trigger read as a name
    if actor1 is None and frame.agent is not None and not frame.passive \
            and rule.subject_role == "agent" and (rule.partner or rule.hostile):
        actor1 = _place_subject(finder, frame.agent)  # "Taiwan submitted to the Qing",
        # "Japan declared war on China": between two sides, or against one
    if actor1 is None and frame.agent is not None and rule.subject_role == "agent" \
            and not (rule.partner or rule.hostile) and frame.agent is not frame.patient:
        actor1 = finder.model_place_person(frame.agent)  # "Kwang-sit was born"
    unnamed = frame.agent is not None and actor1 is None \
        and frame.agent.tag_.startswith("NNP") \
        and not bare_title(finder, frame.agent, ctx.entities, w.sent_start)
    # a name that is no actor: "The Aftermath"; not a title no one was found for, with no
    # name in its phrase ("the Emperor pardoned him": the nearest name is no emperor)
    if actor1 is None and (frame.agent is None or unnamed) and not frame.passive \
            and rule.subject_role == "agent" and any(coarse(t) == "VERB" for t in w.local):
        done_to = finder.entity_at(frame.patient) if frame.patient is not None \
            and frame.patient.head.i == frame.head.i and frame.patient.dep_ == "nsubj" else None
        actor1 = nearest_actor([e for e in ctx.entities if done_to is None
                                or (e.start, e.end) != (done_to.start, done_to.end)],
                               w.sent_start + w.sdoc[w.line_start].idx, at, salience.alive)
        # never the one it is done to, the participle's own subject ("X, a cruel man, had Y
        # put to death": Y)
    actor1 = _commanded(finder, frame, rule, actor1)
    if actor1 is None and subjectless(frame, w.local) and not frame.passive \
            and rule.subject_role == "agent":  # "Died A.D. 934.": the entry's headword
        actor1 = salience.topic_actor() or (salience.continued(at) if _continues(
            w.sent) else None)  # "deposed the Emperor. revoked his edicts.": one sentence
    if actor1 is None and rule.subject_role == "agent":
        actor1 = group_actor(finder, frame.agent, trigger=frame.agent is not None
                             and frame.agent.i == frame.head.i) \
            or title_actor(finder, frame.agent)  # "by his eunuchs": a group, as
        # written; "the Mohammedan rebellion": the Mohammedans; "the Empress Dowager"
    return actor1, titled, untitled, unnamed


def _commanded(finder: ActorFinder, frame: Frame, rule: TriggerRule,
               actor1: Actor | None) -> Actor | None:
    """actor1 given the commander the sentence names for the event ("on the orders of X",
    "besieged by a Tartar army under the direction of X")."""
    if (actor1 is None or actor1.entity.label != "PERSON") and not frame.passive \
            and rule.subject_role == "agent":
        return finder.commander(frame.head) or actor1
    if actor1 is None and frame.passive and frame.agent is None:
        return finder.commander(frame.head, orders=True)  # "on the orders of X"
    if frame.passive and frame.agent is not None and (
            actor1 is None or actor1.entity.label != "PERSON"):
        # "besieged by a Tartar army under the direction of X" (the parse hangs the
        # "under" phrase on the verb): X leads the agent
        return finder.commander(frame.head) or actor1
    return actor1


def _named_settlements(finder: ActorFinder, frame: Frame, actor2: Actor) -> bool:
    """True when the patient is a settlement word (:func:`settlement_words`: "prefectures",
    "cities") whose "of" phrase names them and ``actor2`` comes from that phrase: a list of
    names or a PERSON ("captured the prefectures of Lan, Kuo and Min": Lan is a prefecture,
    not a state or a person); not one state, the owner ("the cities of the Song")."""
    patient = frame.patient
    if patient is None or patient.tag_ not in ("NN", "NNS") \
            or patient.lower_ not in settlement_words():
        return False
    ent = actor2.entity
    for obj in prep_objects(patient, frozenset({"of"})):
        if any(ent.start <= finder.base + t.idx < ent.end for t in obj.subtree) and (
                ent.label == "PERSON" or any(c.dep_ == "conj" for c in obj.children)):
            return True
    return False


def _patient_actor(finder: ActorFinder, salience: Salience, frame: Frame, rule: TriggerRule,
                   rules: Sequence[TriggerRule], ctx: Context, w: Where, actor1: Actor | None,
                   patient_place: EntityRow | None) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2): actor2 from the frame's patient (not a place, not a thing of an
    ``object_words`` rule); actor1 may change when the patient binds it elsewhere."""
    at = w.at
    actor2 = None
    if (rule.takes_object or _against(frame.patient)) and frame.patient is not None \
            and not rule.object_words:  # ("a rebellion against the Qing": the target)
        # (an object of ``object_words`` is a thing: "issued an edict", no actor2)
        actor2 = resolve_actor(finder, salience, frame.patient, at)
        if actor2 is not None and patient_place is not None and actor2.source != "parse" \
                and finder.entity_at(frame.patient) is patient_place:
            actor2 = None  # "captured Taiyuan": a place, not an actor
        if actor2 is not None and actor2.source == "parse" and any(
                r.event_type == rule.event_type and r.object_label == "PLACE" for r in rules):
            actor2 = None  # "captured Wu-ch'ang": a name no entity covers, where this
            # event type takes a place: more likely the place than a person
        if actor2 is not None and _named_settlements(finder, frame, actor2):
            actor2 = None  # "captured the prefectures of Lan, Kuo and Min": places
        actor1, actor2 = bound_elsewhere(finder, salience, frame, actor1, actor2, at)
        if actor2 is None:  # "attacked Goguryeo and captured its king": Goguryeo
            actor2 = possessor_polity(finder, salience, frame.patient, at, actor1,
                                      lambda e: polity_of(ctx, e))
    if actor2 is None and subjectless(frame, w.local) and frame.passive and rule.takes_object:
        actor2 = salience.topic_actor()  # "Banished to Liu-chou in 840."
    return actor1, actor2


def _opposed_side(finder: ActorFinder, salience: Salience, frame: Frame, rule: TriggerRule,
                  rules: Sequence[TriggerRule], ctx: Context, w: Where, actor2: Actor | None,
                  patient_place: EntityRow | None) -> Actor | None:
    """actor1 of an event with no agent: for a hostile one the side opposed to the patient
    (in the sentence or paragraph, else the last side that acted against it), else the
    authority that carried it out ("carried out under X", "Six of them were beheaded")."""
    actor1 = None
    if rule.hostile and actor2 is not None and (
            frame.passive or rule.subject_role == "patient" or frame.agent is None
            or coarse(frame.head) == "NOUN"):  # "the capture of X by a wrong deployment"
        actor1 = side_actor(
            ctx.entities, lambda e: polity_of(ctx, e), polity_of(ctx, actor2.entity),
            (w.sent_start, w.offset + w.sent.end_char),
            w.offset + w.doc_text.rfind("\n", 0, w.sent.start_char) + 1) \
            or salience.opponent(actor2)  # "fought the Arabs and was defeated": Arabs
    if actor1 is None and rule.hostile and frame.agent is None and (
            frame.passive or rule.subject_role == "patient" or coarse(frame.head) == "NOUN"):
        actor1 = salience.attacker(actor2, lambda e: polity_of(ctx, e),
                                   patient_place.canonical
                                   if patient_place is not None and actor2 is None else "",
                                   w.at, governor_at(frame.head, w.sent_start),
                                   unnamed_place=unnamed_place(frame, rule, rules,
                                                               patient_place, actor2))
    if actor1 is None and rule.hostile and frame.agent is None and (
            frame.passive or rule.subject_role == "patient"):  # "he recovered Luzhou from
        # the Yuan army, ... where he was captured": the one side the sentence shows acting
        actor1 = sentence_side(finder, w.sdoc, ctx.lexicon, lambda e: polity_of(ctx, e), actor2,
                               ctx.person_polity, w.local)
    if actor1 is None and frame.agent is None:
        actor1 = authority(finder, salience, frame, rule, actor2, w.at)
    return actor1


def choose_actors(finder: ActorFinder, salience: Salience, frame: Frame, rule: TriggerRule,
                  rules: Sequence[TriggerRule], ctx: Context, w: Where) -> ActorChoice:
    """The actors of the event of ``frame`` under ``rule`` (``rules``: all the trigger's
    rules) at ``w``: actor1 from the agent, actor2 from the patient, the opposed side or the
    authority when no agent gives actor1, then the two sides' check
    (:func:`~pipeline.events.rows.frames.misread_sides`)."""
    actor1, titled, untitled, unnamed = _agent_actor(finder, salience, frame, rule, ctx, w)
    patient_place = finder.place(frame.patient) if frame.patient is not None else None
    a_place, place = (False, None) if patient_place is not None else pronoun_place(
        frame.patient, frame.head, finder)
    patient_place = patient_place or place  # "besieged Yingzhou ... without taking it"
    actor1, actor2 = _patient_actor(finder, salience, frame, rule, rules, ctx, w, actor1,
                                    patient_place)
    if a_place and actor2 is not None and actor2.source == "pronoun":
        actor2 = None  # "it" is the place, not the person or state pronoun resolution gives
    if actor1 is None:
        actor1 = _opposed_side(finder, salience, frame, rule, rules, ctx, w, actor2,
                               patient_place)
    actor1, actor2 = misread_sides(actor1, actor2, finder, w.doc_text, w.offset)
    return ActorChoice(actor1, actor2, titled, untitled, unnamed, patient_place)


def with_partner(finder: ActorFinder, salience: Salience, frame: Frame, rule: TriggerRule,
                 w: Where, actor1: Actor | None, actor2: Actor | None) -> Actor | None:
    """actor2 of a rule with a ``partner`` preposition: "made peace with X", "ceded Y to X";
    "allied with X against Y": X (the target of "against" gives way to the partner)."""
    if rule.partner and (actor2 is None or _against(frame.patient)):
        return _partner(finder, salience, frame, w.local, rule.partner, w.at, actor1) or actor2
    return actor2
