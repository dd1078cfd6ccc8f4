"""Verbless motion clauses of machine-translated pages: "Yue Fei again into Xiangyang, ...",
"In the autumn Han Shizhong to Zhenjiang, ..." (the Chinese verb 入, 至 or 赴 left
untranslated, or dropped by the translation).

:func:`verbless_motion` finds them in a paragraph of an MT text (:mod:`pipeline.events.mt`
decides which texts are) and adds the preposition as a trigger of its sentence;
:func:`motion_row` builds the row of such a trigger (the dependency parse has no verb to read
a frame from): a ``movement`` whose actor1 is the mover and whose destination and place is
the place, dated like any trigger of its sentence (:func:`pipeline.events.when.dated_event`).

A clause counts only when a person, army or state opens it (after the sentence start, a comma,
a semicolon or a date phrase), at most one ``motion_adverb`` of ``gazetteer/mt_cues.csv``
follows ("again"), then a ``motion_preposition`` ("into") and a PLACE entity (after an
optional "the"): no verb can stand in between, so the clause has none. The reading is a
guess: ``certainty`` is at most medium (reading ``noun``). Offsets are token indices of the
paragraph Doc unless said.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.events.actors import Actor, source_of
from pipeline.events.certainty import event_certainty
from pipeline.events.horizon import Horizon
from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.mt_cues import MtCues, load_mt_cues
from pipeline.events.rows import PendingEvent, PlaceQuery
from pipeline.events.salience import Salience
from pipeline.events.triggers import Block, Context, polity_of
from pipeline.events.when import date_fields, dated_event
from pipeline.records import EntityRow, EventRow

__all__ = ["is_motion_trigger", "motion_row", "verbless_motion"]

_MOVERS = frozenset({"PERSON", "ARMY", "POLITY"})


def _clause(doc: Doc, prep: int, ctx: Context, offset: int, date_ends: frozenset[int],
            cues: MtCues) -> tuple[EntityRow, EntityRow] | None:
    """(mover, place) of the verbless motion clause whose preposition is token ``prep``."""
    nxt = prep + 1
    if nxt < len(doc) and doc[nxt].lower_ == "the":
        nxt += 1
    if nxt >= len(doc):
        return None
    place = next((e for e in ctx.entities if e.start - offset == doc[nxt].idx), None)
    if place is None or place.label != "PLACE":
        return None
    before = prep - 1
    if before >= 0 and doc[before].lower_ in cues.adverbs:
        before -= 1
    if before < 0:
        return None
    end = doc[before].idx + len(doc[before].text)
    mover = next((e for e in ctx.entities if e.end - offset == end), None)
    if mover is None or mover.label not in _MOVERS:
        return None
    first = doc.char_span(mover.start - offset, mover.end - offset, alignment_mode="expand")
    if first is None:
        return None
    lead = first.start - 1
    opens = lead < 0 or doc[lead].text in (",", ";") or doc[first.start].is_sent_start \
        or any(abs(first.start_char - e) <= 1 for e in date_ends)
    return (mover, place) if opens else None


def verbless_motion(block: Block, lexicon: EventLexicon) -> Block:
    """``block`` with the preposition of each verbless motion clause (see the module doc)
    added as a trigger of its sentence, with the rules of its ``motion_form``; a sentence with
    no trigger before gets one (so it is parsed)."""
    cues = load_mt_cues()
    rules = lexicon.forms.get(cues.motion_form)
    if not rules:
        return block
    doc, offset, ctx = block.doc, block.offset, block.ctx
    date_ends = frozenset(d.end - offset for d in ctx.dates
                          if offset <= d.end <= offset + len(block.text))
    found = [doc[t.i:t.i + 1] for t in doc if t.lower_ in cues.prepositions
             and _clause(doc, t.i, ctx, offset, date_ends, cues) is not None]
    if not found:
        return block
    todo = [(sent, list(trigs)) for sent, trigs in block.todo]
    for span in found:
        sent = span.sent if doc.has_annotation("SENT_START") else doc[:]
        k = next((i for i, (s, _) in enumerate(todo) if s.start == sent.start), None)
        if k is None:
            todo.append((sent, []))
            k = len(todo) - 1
        trigs = todo[k][1]
        if not any(t.start <= span.start < t.end for t, _ in trigs):
            trigs.append((span, rules))
            trigs.sort(key=lambda tr: tr[0].start)
    todo.sort(key=lambda st: st[0].start)
    return dataclasses.replace(block, todo=todo)


def is_motion_trigger(trig: Span, rules: Sequence[TriggerRule], lexicon: EventLexicon) -> bool:
    """True for a trigger :func:`verbless_motion` added: a lone motion preposition (no form of
    the lexicon) read with the rules of its ``motion_form``."""
    cues = load_mt_cues()
    return len(trig) == 1 and trig[0].lower_ in cues.prepositions \
        and tuple(rules) == tuple(lexicon.forms.get(cues.motion_form, ()))


def motion_row(block: Block, sdoc: Doc, trig: Span, sent: Span, window: Span,
               event_id: int, horizon: Horizon | None = None,
               salience: Salience | None = None) -> PendingEvent | None:
    """The ``movement`` row of the verbless motion clause of ``trig`` (a preposition of the
    paragraph Doc; ``sdoc``: its sentence parsed; ``window``: the clause span, the row's
    text), or None when the clause is no longer found. The date is read as for any trigger
    (the preposition stands for the verb). ``salience``: noted with the mover as the
    clause's subject (a "he" after it is the mover)."""
    doc, offset, ctx = block.doc, block.offset, block.ctx
    date_ends = frozenset(d.end - offset for d in ctx.dates
                          if offset <= d.end <= offset + len(block.text))
    found = _clause(doc, trig.start, ctx, offset, date_ends, load_mt_cues())
    if found is None:
        return None
    mover, place = found
    head = sdoc[trig.start - sent.start]
    date, source = dated_event(ctx.dates, ctx.date_starts, sdoc, head,
                               offset + sent.start_char, offset + trig.start_char,
                               offset + window.end_char, ctx.lexicon,
                               horizon.since if horizon is not None else 0,
                               horizon.near if horizon is not None else offset,
                               "movement", horizon.lead if horizon is not None else None,
                               horizon.stale if horizon is not None else 0,
                               horizon.unread if horizon is not None else ())
    far = source.startswith("far")
    source = source.removeprefix("far_") if source != "far" else "running"
    dated = date_fields(date)
    if date is not None and source in ("running", "other_clause"):
        dated.update(date_source=source, time_precision=3 if dated["time_precision"] else None)
    elif date is not None:
        dated["date_source"] = "sentence"
    actor = source_of(mover)
    if salience is not None:
        salience.note(Actor(mover, actor), offset + trig.start_char)
    row = EventRow(
        doc_id="", event_id=event_id, sentence_id=-1, start=offset + window.start_char,
        end=offset + window.end_char, event_type="movement", trigger=trig.text,
        actor1=mover.canonical, actor1_polity=polity_of(ctx, mover),
        text=block.text[window.start_char:window.end_char].strip(), actor1_source=actor,
        destination=place.canonical,
        certainty=event_certainty(
            date_source=str(dated.get("date_source", "")),
            date_certainty=date.certainty if date is not None else "", actor1_source=actor,
            actor2_source="", reading="noun", date_far=far),
        **dated)  # type: ignore[arg-type]
    return row, PlaceQuery(place.canonical, "", "")
