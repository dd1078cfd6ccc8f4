"""Readers of an event row's context for :func:`pipeline.events.rows.build.build_event`: the
entry's topic for a possessive pronoun, a sentence cut by a stray full stop, and the reigning
ruler for a bare title (split from ``build.py``; same functions)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from pipeline.events.actors import Actor
from pipeline.events.implied import reigning_title
from pipeline.events.lexicon import TriggerRule
from pipeline.events.salience import Salience
from pipeline.events.triggers import Context, polity_of
from pipeline.records import DateRow, EventRow


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

