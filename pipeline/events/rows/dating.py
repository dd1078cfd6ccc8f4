"""Stage 5 of :func:`~pipeline.events.rows.build.build_event`: the event's date and its row.

:func:`dated_row` dates the event (:func:`~pipeline.events.when.dated_event`) and builds the
:class:`~pipeline.records.EventRow`; :func:`implied_row` names the agent an agentless row
implies (the ruler who appointed, the emperor a bare title means).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.events.actors import Actor
from pipeline.events.certainty import event_certainty
from pipeline.events.horizon import Horizon
from pipeline.events.implied import SOURCE as IMPLIED
from pipeline.events.implied import (
    implied_actor,
    load_implied_tables,
    sentence_ruler,
    titled_ruler,
)
from pipeline.events.lexicon import TriggerRule
from pipeline.events.rows.context import _reigning_title
from pipeline.events.salience import Salience
from pipeline.events.triggers import Context, polity_of
from pipeline.events.when import date_fields, dated_event
from pipeline.records import DateRow, EventRow

#: The running-date sources of :func:`dated_event` that come from far back, and the source
#: each stands for (the row's certainty is lowered).
_FAR = {"far": "running", "far_clause": "clause", "far_sentence": "sentence",
        "far_other_clause": "other_clause"}


#: ``date_source`` of a heading's event dated by the first sentence of its section.
SECTION = "section"
#: Event types a heading names rather than tells ("Battle of Changping - Background"): the
#: section under it may open long before ("In 264 BC ..."): no section date.
_NAMES = frozenset({"battle_reference"})


@dataclasses.dataclass(frozen=True)
class RowSpan:
    """The text of an event row: ``window`` (its clause, in the paragraph doc), the
    paragraph's text and full-text ``offset``, the sentence (``sent``, in the paragraph doc;
    ``sdoc``, parsed alone), the trigger (``trig``) and its written form ``trigger``."""

    window: Span
    doc_text: str
    offset: int
    sent: Span
    sdoc: Doc
    trig: Span
    trigger: str


def event_date(ctx: Context, s: RowSpan, date_tok: Token, rule: TriggerRule,
               horizon: Horizon | None) -> tuple[DateRow | None, str, bool]:
    """(date, source, far) of the event: :func:`dated_event` read from ``date_tok``;
    ``far``: a running date far back or under a perfect tense, or a date without a year of
    its own taken from one far back (the row's certainty is low). An event of a heading
    with no date of its own clause or sentence takes the first date of the section under
    the heading (:attr:`~pipeline.events.horizon.Horizon.section`: source ``section``, low),
    not the running date of the section before ("Landing at Rongcheng[edit]\n\nOn 18
    January 1895 ...": 1895, not the 1894 above the heading); a named battle excepted
    (:data:`_NAMES`)."""
    date, source = dated_event(ctx.dates, ctx.date_starts, s.sdoc, date_tok,
                               s.offset + s.sent.start_char, s.offset + s.trig.start_char,
                               s.offset + s.window.end_char, ctx.lexicon,
                               horizon.since if horizon is not None else 0,
                               horizon.near if horizon is not None else s.offset,
                               rule.event_type, horizon.lead if horizon is not None else None,
                               horizon.stale if horizon is not None else 0,
                               horizon.unread if horizon is not None else (),
                               horizon.heading_year if horizon is not None else None)
    if horizon is not None and horizon.section is not None \
            and s.offset + s.trig.start_char < horizon.section_end \
            and source not in ("clause", "sentence") and rule.event_type not in _NAMES:
        return horizon.section, SECTION, True
    return date, _FAR.get(source, source), source.startswith("far")


def dated_row(ctx: Context, salience: Salience, s: RowSpan, rule: TriggerRule,
              date: DateRow | None, source: str, far: bool, status: str, reading: str,
              actor1: Actor | None, actor2: Actor | None, origin: str, destination: str,
              event_id: int) -> EventRow:
    """The row of the event with its date fields (a running date or another clause's date
    gives the year only: ``time_precision`` 3), actors and certainty. A birth's own year is
    kept so that a later running date of it is not taken ("He was born in 1559. He rose up
    ...": year unknown)."""
    if date is not None and source in ("clause", "sentence") and rule.event_type == "birth" \
            and status == "asserted":
        salience.births.add(date.start)
    elif date is not None and source == "running" and date.start in salience.births:
        date, source = None, ""  # "He was born in 1559. He rose up ...": later, year unknown
    dated = date_fields(date)
    if date is not None and source in ("running", "other_clause", SECTION):
        # only the running date of the narrative, or a date another clause of the sentence
        # holds: the event's own day is not known
        dated.update(date_source=source, time_precision=3 if dated["time_precision"] else None)
    elif date is not None:
        dated["date_source"] = "sentence"
    if actor1 is not None and actor2 is not None and actor1.entity == actor2.entity \
            and "pronoun" not in (actor1.source, actor2.source):
        actor2 = None  # one mention read as both sides ("trebuchets built by Muslim engineers")
    a1 = actor1.entity if actor1 else None
    a2 = actor2.entity if actor2 else None
    text = s.doc_text[s.window.start_char:s.window.end_char]
    return EventRow(
        doc_id="", event_id=event_id, sentence_id=-1, start=s.offset + s.window.start_char,
        end=s.offset + s.window.end_char, event_type=rule.event_type, trigger=s.trigger,
        actor1=a1.canonical if a1 else "", actor1_polity=polity_of(ctx, a1),
        actor2=a2.canonical if a2 else "", actor2_polity=polity_of(ctx, a2),
        text=text.strip(),
        actor1_source=actor1.source if actor1 else "",
        actor2_source=actor2.source if actor2 else "",
        origin=origin, destination=destination, status=status,
        certainty=event_certainty(
            date_source=str(dated.get("date_source", "")),
            date_certainty=date.certainty if date is not None else "",
            actor1_source=actor1.source if actor1 else "",
            actor2_source=actor2.source if actor2 else "", reading=reading,
            date_far=far, date_crossed=date is not None and source in ("clause", "sentence")
            and crossed(ctx.dates, ctx.date_starts, date, s.offset + s.trig.start_char)),
        **dated)  # type: ignore[arg-type]


def crossed(dates: Sequence[DateRow], starts: Sequence[int], date: DateRow,
            trig_start: int) -> bool:
    """True if a date of ``dates`` (sorted by start, ``starts`` their full-text starts) with
    a year outside ``date``'s years lies between ``date`` and the trigger at ``trig_start``
    (either side): "In the Yongle seven years (1409) ..., when returning in 1411 ..., captured
    the king" (1409 for the capture crosses 1411). Printed span asides and dynasties are no
    such date. (A date after the trigger with another year before it is no doubt: "In 1409
    the fleet sailed, and he captured the king in 1411".)"""
    lo, hi = (date.end, trig_start) if date.start < trig_start else (trig_start, date.start)
    first, last = date.year, date.year_end if date.year_end is not None else date.year
    if first is None or last is None:
        return False
    for d in dates[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]:
        if d is date or d.end > hi or d.year is None or d.kind in ("aside", "period"):
            continue
        if d.year > last or (d.year_end if d.year_end is not None else d.year) < first:
            return True
    return False


def _reigned_then(name: str, year: int | None) -> bool:
    """False if ``name`` is a ruler of the reign tables none of whose reigns covers ``year``
    (a year of slack each side): the heading's "Gaozu of Han" read as Liu Bang names no
    agent of an act of 944. True for a year unknown or a name the tables do not hold."""
    if year is None:
        return True
    tables = load_implied_tables()
    ids = {rid for rid, n in tables.names.items() if n == name}
    reigns = [r for r, _ in tables.reigns if r.ruler_id in ids]
    return not reigns or any(r.reign_start - 1 <= year <= r.reign_end + 1 for r in reigns)


def implied_row(row: EventRow, ctx: Context, salience: Salience, s: RowSpan,
                rule: TriggerRule, date: DateRow | None, implied: bool, titled: bool,
                untitled: bool, title: str) -> EventRow:
    """``row`` with the actor1 its wording implies: ``implied`` (no agent, or an edict's
    "We confer ..."): the ruler named earlier in the sentence, the rule's implied agent (the
    reigning ruler or state), else the heading's ruler when he reigned in the row's year
    (:func:`_reigned_then`; certainty low); ``titled`` ("the emperor" resolved to a person:
    who reigned then, ``title`` the word); ``untitled`` (a bare ruler title naming no one:
    the ruler reigning at ``date``)."""
    if implied and rule.implied_agent:
        # "was appointed": the emperor; "We confer ...": the emperor's edict
        lo = s.offset + s.sent.start_char  # "The Hongxi emperor ordered ..., X was appointed"
        row = sentence_ruler(row, sorted((e for e in (*ctx.entities, *ctx.dating)
                                          if lo <= e.start and e.end
                                          <= s.offset + s.trig.start_char and salience.alive(e)),
                                         key=lambda e: e.start),
                             s.doc_text[s.sent.start_char:s.trig.start_char], lo,
                             ctx.person_polity)
        row = implied_actor(row, rule.implied_agent, date, ctx.dates, ctx.date_starts,
                            ctx.person_polity, text_polity=salience.text_polity(row.start))
        if not row.actor1 and rule.implied_agent == "ruler" and salience.heading is not None \
                and _reigned_then(salience.heading.canonical, row.year):
            row = dataclasses.replace(  # no ruler or state found: the heading's ruler
                row, actor1=salience.heading.canonical, actor1_source=IMPLIED,
                actor1_polity=polity_of(ctx, salience.heading), certainty="low")
    elif titled:  # "the emperor" in 755 after "Emperor Suzong" was named: Xuanzong
        row = _reigning_title(row, ctx, salience, date, title)
    elif untitled:
        row = titled_ruler(row, date, ctx.dates, ctx.date_starts,
                           salience.text_polity(row.start))
    return row
