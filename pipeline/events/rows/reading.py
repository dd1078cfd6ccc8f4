"""Stage 1 of :func:`~pipeline.events.rows.build.build_event`: which rule a trigger takes
and its frame (agent, patient, places), or None when the parse says it asserts no event.

:func:`read_trigger` reads the trigger's frame (:mod:`pipeline.events.roles`), chooses the
rule by the object's label, adjusts the frame for the rule ("the invasion of the Mongols",
"ordered the death of X", "made him King") and says how the event is told (tense, reading).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import partial

from spacy.tokens import Doc, Span, Token

from pipeline.events import droptrace
from pipeline.events.actors import ActorFinder
from pipeline.events.anaphora import patient_label
from pipeline.events.droptrace import note
from pipeline.events.implied import undergoer_frame
from pipeline.events.lexicon import TriggerRule
from pipeline.events.modality import timeline_line
from pipeline.events.motion import BARE, unfit_motion
from pipeline.events.names import ordered_object
from pipeline.events.nominal import derived_anchored, description, from_agent, thing_possessor
from pipeline.events.patients import escorted
from pipeline.events.referring import refers_back
from pipeline.events.roles import (
    Frame,
    coarse,
    event_noun,
    nominal_anchored,
    ordering_agent,
    read_frame,
    tense,
)
from pipeline.events.rows.frames import (
    _at_onset,
    _choose_rule,
    _object_words,
    _of_agent,
    _off_heading,
    _without_dates,
    appointment_rule,
    entered_rule,
    named_rank,
    reflexive_rule,
    small_clause_patient,
)
from pipeline.events.rows.junction import junction_rule
from pipeline.events.salience.sides import HostileSides
from pipeline.events.speech import in_speech
from pipeline.events.syntax import pobj
from pipeline.events.triggers import Context

#: Subjects of a present tense that performs what it says (an edict: "We confer ...").
_FIRST_PERSON = frozenset({"we", "i"})
# An intransitive event someone orders, and the event it is then ("ordered the death of X").
_ORDERED = {"death": "execution"}


@dataclasses.dataclass(frozen=True)
class TriggerReading:
    """A trigger's rule and frame and how the event is told.

    ``status``: the frame's status (asserted/failed); ``date_tok``: the token the date is read
    from (the frame's head); ``reading``: ``verb``, ``noun`` or ``unparsed``; ``told``: the
    tense (:func:`~pipeline.events.roles.tense`; "" unparsed); ``agentless``: the parse gives
    no agent (an implied one may be named); ``performative``: a present tense with a
    first-person subject (an edict); ``object_thing``: paragraph-doc index of the token
    after an ``object_words`` rule's object (the row's text reaches it), or None; ``line_start``:
    index in the sentence doc where the trigger's line starts (after a heading line).
    """

    rule: TriggerRule
    frame: Frame
    status: str
    date_tok: Token
    reading: str
    told: str
    agentless: bool
    performative: bool
    object_thing: int | None
    line_start: int


def _is_actor(finder: ActorFinder, tok: Token) -> bool:
    """A "from" phrase naming someone, not somewhere."""
    return finder.place(tok) is None and (
        finder.actor(tok) is not None or bool(finder.anaphor_kind(tok))
        or finder.proper_noun(tok) is not None)


def _rule_frame(local: Span, rule: TriggerRule, ctx: Context, finder: ActorFinder) -> Frame:
    """The frame of ``local`` read for ``rule`` ("attacks from the Tayan tribe": the tribe
    attacks; "its rebuilding": its possessor's thing)."""
    return thing_possessor(from_agent(
        read_frame(local, rule, ctx.lexicon, rule.takes_object), rule,
        partial(_is_actor, finder)), rule, ctx.lexicon)


#: Cue kinds of a cause that is no one's act ("sank in a storm").
_NATURAL = frozenset({"weather", "condition"})


def _other_role(local: Span, rules: Sequence[TriggerRule], ctx: Context, finder: ActorFinder,
                frame: Frame) -> tuple[Frame, TriggerRule | None]:
    """When no row of a form fits the frame read for its first, ``agent`` row: the first
    ``subject_role=patient`` row with ``object_words`` that hold the patient of the frame
    read for it ("Wei Lin sank the ships" is read for the agent row; "the ships sank" for the
    patient row, its subject the ships), with that frame; else ``frame`` and None. Rows are
    chosen by a word here, never by a label: a name as the subject is no patient. Not when a
    force of nature is the cause in a phrase of the trigger ("the fleet sank in a storm":
    ``weather``, ``condition`` cues; no one's act; not ``nature``: "sank in the river" is
    where)."""
    if any(c.dep_ == "prep" and (obj := pobj(c)) is not None
           and ctx.lexicon.cue(obj.lower_) in _NATURAL for c in frame.head.children):
        return frame, None
    for rule in rules:
        if rule.subject_role != "patient" or rules[0].subject_role == "patient" \
                or not rule.object_words:
            continue  # (only towards a patient subject: "Misfortune fell upon them" read
            # for the agent row "fell upon" would be an attack by misfortune)
        other = _rule_frame(local, rule, ctx, finder)
        if other.patient is not None and rule.object_words & _object_words(other):
            return other, rule
    return frame, None


def _ordered_frame(frame: Frame, rule: TriggerRule, ctx: Context
                   ) -> tuple[Frame, TriggerRule]:
    """"ordered the death of X": X executed by the orderer (the rule becomes the ordered
    event's transitive one)."""
    orderer = ordering_agent(frame.head, ctx.lexicon)
    if orderer is None:
        return frame, rule
    if rule.event_type in _ORDERED and not rule.takes_object:
        rule = next((r for rs in ctx.lexicon.forms.values() for r in rs
                     if r.event_type == _ORDERED[rule.event_type]), rule)
    if rule.takes_object:
        frame = dataclasses.replace(frame, agent=orderer, patient=frame.agent
                                    if frame.patient is None else frame.patient)
    return frame, rule


def _made_nothing(frame: Frame) -> bool:
    """A passive "was made" followed by no rank: by a preposition, "to", a clause's end or
    an adjective complement ("a breach was made in the wall", "peace was made in 1020", "were
    made ill", "was made to guide them"), not "was made governor", "was made Zhongshu
    Shilang", "was made President of ..." (whatever the parse hangs the rank on)."""
    head = frame.head
    if head.lower_ != "made" or coarse(head) != "VERB" or head.i + 1 >= len(head.doc):
        return False
    after = head.doc[head.i + 1]
    return after.pos_ in ("ADP", "PART", "SCONJ", "CCONJ") or (
        after.pos_ == "PUNCT" and after.text != ",") or (
        after.pos_ == "ADJ" and after.dep_ in ("oprd", "acomp") and after.head.i == head.i)


def _told_by_verb(head: Token, event_type: str, ctx: Context) -> bool:
    """A trigger noun that is the subject of a passive or the object of a verb whose own
    rule tells the same event type for that noun (``object_words``: "the treaty was signed",
    "signed a peace"): one event, read from the verb (not "won a victory", whose verb row
    names no such object)."""
    if coarse(head) != "NOUN" or head.dep_ not in ("nsubjpass", "dobj", "obj"):
        return False
    verb = head.head
    return coarse(verb) == "VERB" and any(
        r.event_type == event_type and head.lower_ in r.object_words
        for r in ctx.lexicon.forms.get(verb.lower_, ()))


def _unanchored(frame: Frame, local: Span, ctx: Context, finder: ActorFinder,
                sides: HostileSides | None, at: int, sdoc: Doc) -> str:
    """The name of the first test of :func:`read_trigger`'s opening check that fails (for
    :mod:`pipeline.events.droptrace` only: called when a candidate is dropped there)."""
    if frame.status == "none":
        return "modality"
    if not (nominal_anchored(frame, local, finder.entity_at)
            and derived_anchored(frame, local, ctx.lexicon, finder.entity_at)
            or refers_back(frame, ctx.lexicon, sides, at)):
        return "bare_noun" if not nominal_anchored(frame, local, finder.entity_at) \
            else "derived_noun"
    return "description:" + description(frame, sdoc, finder.entity_at)


def read_trigger(local: Span, doc_text: str, sdoc: Doc, trig: Span,
                 rules: Sequence[TriggerRule], sent: Span, offset: int, ctx: Context,
                 finder: ActorFinder, sides: HostileSides | None = None
                 ) -> TriggerReading | None:
    """The reading of trigger ``trig`` (``local``: the same span in the sentence doc
    ``sdoc``; ``offset``: the paragraph's full-text offset), or None when it asserts no event
    (a bare noun, a description, direct speech, an order, an imperative, no rule fits).
    ``sides``: the paragraph's hostile events so far (a person at war who "entered" a city
    took it: :func:`~pipeline.events.rows.frames.entered_rule`)."""
    frame = _rule_frame(local, rules[0], ctx, finder)
    if frame.status == "none" or not (
            nominal_anchored(frame, local, finder.entity_at)
            and derived_anchored(frame, local, ctx.lexicon, finder.entity_at)
            or refers_back(frame, ctx.lexicon, sides, offset + trig.start_char)) \
            or description(frame, sdoc, finder.entity_at):
        if droptrace.SINK is not None:  # (the bench's trace: which test failed)
            note(offset + trig.start_char, offset + trig.end_char, _unanchored(
                frame, local, ctx, finder, sides, offset + trig.start_char, sdoc), frame.head)
        return None  # a bare noun: no argument ("the death toll", "upon victory"); a
        # description: "the rebel Huang Chao", "X was a rebel", a heading line
    if in_speech(doc_text, trig, sent, sdoc):
        note(offset + trig.start_char, offset + trig.end_char, "speech", frame.head)
        return None  # direct speech: said, threatened or ordered, not narrated
    if _told_by_verb(frame.head, rules[0].event_type, ctx):
        note(offset + trig.start_char, offset + trig.end_char, "told_by_verb", frame.head)
        return None  # "the treaty was signed": the verb's row tells it
    if rules[0].event_type == "office" and _made_nothing(frame):
        note(offset + trig.start_char, offset + trig.end_char, "made_nothing", frame.head)
        return None  # "a breach was made", "were made ill": no rank was given
    if ctx.lexicon.cue(frame.head.lower_) == "order" and (
            coarse(frame.head) == "NOUN" or event_noun(frame.patient, ctx.lexicon)):
        note(offset + trig.start_char, offset + trig.end_char, "order", frame.head)
        return None  # "on the orders of X", "ordered the death of X": a command, no
        # appointment (the ordered event is its own row)
    frame = small_clause_patient(frame, ctx.lexicon, rules[0].takes_object)  # "made him King"
    label = patient_label(frame, finder)
    if label != "PERSON" and ordered_object(frame.patient, ctx.lexicon) \
            and finder.proper_noun(frame.patient) is not None:
        label = "PERSON"  # "ordered Aju/Bayan to attack": a name missed or tagged a place
    choice = _choose_rule(rules, label, _object_words(frame))
    if choice is not None and label == "ARMY" and escorted(frame, ctx.lexicon):
        frame = dataclasses.replace(frame, patient=None)  # "sent Li Mi with 100,000 men": he
        # leads the force sent, he is not its target (actor2 blank, not a wrong name)
    ranked = named_rank(frame, ctx.lexicon) if choice is None or (
        choice.event_type != "appointment") else None
    if ranked is not None:  # "named Xie Shi grand commander": an appointment
        frame, choice = ranked, appointment_rule(ctx.lexicon) or choice
    if choice is None:  # "the ships sank": the subject is the patient of another row
        frame, choice = _other_role(local, rules, ctx, finder, frame)
    if choice is None:
        note(offset + trig.start_char, offset + trig.end_char, f"no_rule:{label or '-'}",
             frame.head)
        return None
    rule = reflexive_rule(choice, frame, ctx.lexicon)  # "burnt himself": suicide
    rule = entered_rule(rule, frame, finder, ctx.lexicon, label, sides)  # "the Jin entered Kaifeng"
    rule = junction_rule(rule, frame, finder, ctx.lexicon)  # an army joined an army: movement
    if rule.anchor == BARE and rule is not rules[0] and unfit_motion(frame.head, rule,
                                                                     ctx.lexicon):
        note(offset + trig.start_char, offset + trig.end_char, "unfit_motion_rule", frame.head)
        return None  # a bare-verb row chosen after the frame was read: "the plan succeeded"
    if (rule.subject_role, rule.takes_object) != (rules[0].subject_role,
                                                  rules[0].takes_object):
        frame = _rule_frame(local, rule, ctx, finder)
    if rule.anchor == "onset" and coarse(frame.head) == "NOUN" \
            and not _at_onset(frame.head, ctx):
        note(offset + trig.start_char, offset + trig.end_char, "onset_noun", frame.head)
        return None  # "War between Song and Jin" (a heading), "losses in the war with X"
    object_thing = None
    if rule.object_words and frame.patient is not None:
        counted = [t for t in frame.patient.subtree if t.lower_ in rule.object_words]
        object_thing = sent.start + (counted or [frame.patient])[-1].i + 1
    frame = _of_agent(frame, rule, finder)  # "the invasion of the Mongols": they invade
    if rule.subject_role != "patient":  # "passed the throne to X", "was succeeded by X":
        # the object of the preposition, X, is already the agent, the one enthroned
        frame = undergoer_frame(frame, rule.event_type)  # enthroned: actor1
    frame, rule = _ordered_frame(frame, rule, ctx)
    frame = _without_dates(frame, ctx, offset + sent.start_char)
    frame, line_start = _off_heading(frame, local)  # "Conquest of Chen\nIn 587 ..."
    parsed = sdoc.has_annotation("DEP")
    told = tense(frame.head, timeline_line(doc_text, trig.start_char)) \
        if parsed else ""  # "- 1356: X is poisoned": narrated
    if told == "imperative":
        note(offset + trig.start_char, offset + trig.end_char, "imperative", frame.head)
        return None  # "move to sidebar": an instruction, not a narrated event
    # "We now confer on X the title ...": an edict's own words do what they say
    performative = told == "present" and frame.agent is not None \
        and frame.agent.lower_ in _FIRST_PERSON
    reading = ("verb" if coarse(frame.head) == "VERB" else "noun") if parsed else "unparsed"
    return TriggerReading(rule, frame, frame.status, frame.head, reading, told,
                          frame.agent is None, performative, object_thing, line_start)
