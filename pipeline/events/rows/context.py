"""Readers of an event row's context for :func:`pipeline.events.rows.build.build_event`: the
entry's topic for a possessive pronoun, a sentence cut by a stray full stop, and the reigning
ruler for a bare title (split from ``build.py``; same functions); whether a subject is a
title that names no one (:func:`bare_title`) and a patient a place word that names no place
(:func:`unnamed_place`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Span, Token

from pipeline.events.actors import AGENT_LABELS, Actor, ActorFinder
from pipeline.events.implied import reigning_title
from pipeline.events.lexicon import TriggerRule
from pipeline.events.roles import Frame
from pipeline.events.salience import Salience
from pipeline.events.triggers import Context, polity_of
from pipeline.records import DateRow, EntityRow, EventRow


def _topic_possessor(tok: Token | None, rule: TriggerRule, salience: Salience
                     ) -> Actor | None:
    """The entry's topic (its headword or heading ruler, :meth:`Salience.topic_actor`) for a
    singular possessive pronoun that is the own argument of a noun trigger of an
    intransitive rule and that its sentence names no one for ("Emperor Minh Mang (1820-1840)
    ... After his death, his tablet was worshiped": Minh Mang); None otherwise (also when
    the paragraph names another person: then "his" may be theirs)."""
    if tok is None or tok.dep_ != "poss" or tok.lower_ not in ("his", "her") \
            or rule.takes_object:
        return None
    topic = salience.topic_actor()
    lo, hi = salience.offset, salience.offset + len(salience.text)
    if topic is None or any(e.label == "PERSON" and e.canonical != topic.entity.canonical
                            for e in salience.entities if lo <= e.start < hi):
        return None
    return topic


def _continues(sent: Span) -> bool:
    """True when sentence ``sent`` opens with a lower-case word: the rest of the sentence
    before it, cut by a stray full stop (OCR: "deposed the Emperor. revoked his edicts.")."""
    first = next((t for t in sent if t.is_alpha), None)
    return first is not None and first.i == sent.start and first.text[0].islower()


def _reigning_title(row: EventRow, ctx: Context, salience: Salience, date: DateRow | None,
                    title: str) -> EventRow:
    """:func:`reigning_title` of ``row`` (actor1 read from a bare ruler ``title``); when that
    blanks actor1 (the ruler the salience chose was not on the throne in the event's year,
    "the Emperor" in 954 read as Zhao Kuangyin, promoted in the sentence before and emperor
    from 960), the ruler the document last reported enthroned and alive, else its heading's
    (:meth:`Salience.reigning`), if :func:`reigning_title` keeps that one; certainty low."""
    out = reigning_title(row, date, ctx.dates, ctx.date_starts)
    if out.actor1 or not row.actor1:
        return out
    other = salience.reigning(row.start, title, frozenset({row.actor1}))
    if other is None:
        return out
    guess = dataclasses.replace(row, actor1=other.entity.canonical,
                                actor1_polity=polity_of(ctx, other.entity), certainty="low")
    checked = reigning_title(guess, date, ctx.dates, ctx.date_starts)
    return checked if checked.actor1 else out


def bare_title(finder: ActorFinder, agent: Token, entities: Sequence[EntityRow],
               base: int) -> bool:
    """True when the subject ``agent`` is a title cue ("the Emperor", "the General") whose
    phrase names no one ("the General Who Conquers The West, Huan Wen": it does); ``base``:
    the full-text offset of ``agent``'s sentence Doc."""
    if not finder.anaphor_kind(agent):
        return False
    toks = list(agent.subtree)
    lo = base + toks[0].idx
    hi = base + toks[-1].idx + len(toks[-1])
    return not any(e.label in AGENT_LABELS and lo <= e.start and e.end <= hi for e in entities)


def unnamed_place(frame: Frame, rule: TriggerRule, rules: Sequence[TriggerRule],
                  patient_place: EntityRow | None, actor2: Actor | None) -> bool:
    """True when the patient of ``rule``'s event is a place word that names no place ("the
    city fell": one of ``rule.object_words``, for an event type that takes a PLACE)."""
    return patient_place is None and actor2 is None and frame.patient is not None \
        and frame.patient.lower_ in rule.object_words and any(
            r.event_type == rule.event_type and r.object_label == "PLACE" for r in rules)
