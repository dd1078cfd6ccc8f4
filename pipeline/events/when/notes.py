"""Warning rows of the event stage: every year blanked, carried far or guessed.

A guess never looks certain: an event whose year the event stage left blank although a date
stood before it, or took from far back, or widened or filled in from the tables, gets a row in
``warnings.csv`` (same columns as every warning: ``doc_id``, ``start``, ``end`` — the event
row's clause — ``code``, ``message``). Codes:

* ``EVENT_YEAR_BLANKED``: the year the event would have carried was dropped — outside the
  known life of its actor (:mod:`.lives`), the date of a birth told before it
  (:mod:`.carry`), it comes from a date after "since" or in a quoted document
  (:mod:`.since`), or its date phrase
  could not be read (an unknown era: the row has a
  ``date_id`` and no year);
* ``EVENT_YEAR_CARRIED_FAR``: a running date (``date_source`` ``running``) from an earlier
  paragraph or more than :data:`~pipeline.events.horizon.FAR_SENTENCES` sentences back;
* ``EVENT_YEAR_RANGE_GUESSED``: a running year widened to the year of the next dated event
  (:mod:`.until`) or, for an event told as later, to the next later year printed
  (:mod:`.later`);
* ``EVENT_YEAR_RANGE_CAPPED``: such a range cut back to the latest year of its section (the
  text between numbered headings: :func:`.until.within_section`);
* ``EVENT_YEAR_FROM_REIGN``: the reign's years of "during his reign" (:mod:`.reign`);
* ``EVENT_YEAR_FROM_LIFE``: a birth or death dated by the known life of its person
  (:mod:`.life_event`);
* ``EVENT_YEAR_FROM_SECTION``: a heading's event dated by the first date of the section under
  the heading (``date_source`` ``section``: :mod:`pipeline.events.horizon`).

Each step of :func:`pipeline.events.extract.pending_block_events` returns its rows in the
same order, so a step's changes are found row by row (:func:`year_notes`). Offsets are
full-text (cleaned) offsets; ``doc_id`` is left blank for the caller.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from pipeline.events.horizon import FAR_SENTENCES
from pipeline.records import DateRow, EventRow, WarningRow

from .life_event import LIFE_ENDS
from .life_event import SOURCE as LIFE
from .lives import Life, whose_life

BLANKED = "EVENT_YEAR_BLANKED"
CARRIED_FAR = "EVENT_YEAR_CARRIED_FAR"
RANGE_GUESSED = "EVENT_YEAR_RANGE_GUESSED"
RANGE_CAPPED = "EVENT_YEAR_RANGE_CAPPED"
FROM_REIGN = "EVENT_YEAR_FROM_REIGN"
FROM_LIFE = "EVENT_YEAR_FROM_LIFE"
FROM_SECTION = "EVENT_YEAR_FROM_SECTION"


def _years(lo: int | None, hi: int | None) -> str:
    return f"{'?' if lo is None else lo}-{'?' if hi is None else hi}"


def _what(r: EventRow) -> str:
    return f"{r.event_type} '{r.trigger}'"


def year_notes(start: Sequence[EventRow], carried: Sequence[EventRow],
               since: Sequence[EventRow], lived: Sequence[EventRow], done: Sequence[EventRow],
               lives: Mapping[str, Life], dates: Sequence[DateRow],
               sentence_starts: Sequence[int], blocks: Sequence[tuple[str, int]]
               ) -> list[WarningRow]:
    """The warning rows (see the module docstring) of one document's (or group's) events:
    ``start`` as the rows were built, ``carried`` after :func:`.carry.from_last_event`,
    ``since`` after :func:`.since.after_since`, ``lived`` after
    :func:`.life_event.from_lives` and :func:`.lives.within_lives`, ``done`` after every
    step (same order and length); ``lives`` the lives used; ``dates`` the date rows the
    events took (by ``date_id``), ``sentence_starts`` and ``blocks`` (``(text, offset)``)
    of the text."""
    by_id = {d.date_id: d for d in dates if d.date_id is not None}
    sents = sorted(sentence_starts)
    block_starts = [off for _, off in blocks]
    out: list[WarningRow] = []
    for a, b, s, c, r in zip(start, carried, since, lived, done, strict=True):
        if a.year is not None and b.year is None:
            out.append(WarningRow(
                "", r.start, r.end, BLANKED,
                f"{_what(r)}: no year; the running year {a.year} ('{a.date_text}') is the "
                "date of a birth told before it, not of this later event"))
        elif b.year is not None and s.year is None:
            how = f"'{b.date_text}' ({b.date_source})" if b.date_source in ("running",
                "other_clause") else f"'{b.date_text}', which prints no year, took it"
            out.append(WarningRow(
                "", r.start, r.end, BLANKED,
                f"{_what(r)}: no year; the year {b.year} of {how} from a date after 'since' "
                "or in a quoted document (a stretch's start or a retold time), not this "
                "event's time"))
        elif s.year is not None and c.year is None:
            who = whose_life(s, lives)
            life = f" of {who[0]} ({_years(*who[1])})" if who else ""
            out.append(WarningRow(
                "", r.start, r.end, BLANKED,
                f"{_what(r)}: no year; the year {s.year} it would carry ('{s.date_text}', "
                f"{s.date_source}) lies outside the known life{life}"))
        if r.year is None and r.date_id is not None:
            out.append(WarningRow(
                "", r.start, r.end, BLANKED,
                f"{_what(r)}: no year; its date '{r.date_text}' could not be read (an era "
                "or reign the tables do not know, or garbled digits)"))
        if r.year is None:
            continue
        if r.date_source == LIFE:
            column, end = LIFE_ENDS[r.event_type]
            instead = f" (not the carried {s.year})" if s.year is not None else ""
            out.append(WarningRow(
                "", r.start, r.end, FROM_LIFE,
                f"{_what(r)}: no year printed for it; {r.year}, the year of "
                f"{('birth', 'death')[end]} of {getattr(r, column)} as known from the "
                f"person tables or the text{instead}"))
        elif r.date_source == "reign":
            out.append(WarningRow(
                "", r.start, r.end, FROM_REIGN,
                f"{_what(r)}: no year printed for it; '{r.date_text}' read as the reign of "
                f"{r.actor1} in the ruler tables, {_years(r.year, r.year_end)}"))
        elif r.date_source == "section":
            out.append(WarningRow(
                "", r.start, r.end, FROM_SECTION,
                f"{_what(r)}: a heading with no date of its own; {r.year} taken from "
                f"'{r.date_text}', the first date of the section under it: a guess"))
        if r.date_source != "running":
            continue
        if c.year_end is not None and c.date_precision == "range" and (
                r.year_end is None or r.year_end < c.year_end):
            out.append(WarningRow(
                "", r.start, r.end, RANGE_CAPPED,
                f"{_what(r)}: the range {_years(c.year, c.year_end)} runs past its section "
                f"(a later heading's year); cut back to {_years(r.year, r.year_end or r.year)}, "
                "the latest year of the events its section dates"))
        d = by_id.get(r.date_id)
        if r.year_end is not None and a.year_end is not None and d is not None \
                and d.year_end is None and a.date_precision == "range":
            out.append(WarningRow(  # told as later (:mod:`.later`): up to the next year
                "", r.start, r.end, RANGE_GUESSED,
                f"{_what(r)}: the running year {r.year} ('{r.date_text}') widened to "
                f"{_years(r.year, r.year_end)}, up to a later year printed after it: its own "
                "year is not printed"))
        elif r.year_end is not None and c.year_end is None:
            out.append(WarningRow(
                "", r.start, r.end, RANGE_GUESSED,
                f"{_what(r)}: the running year {r.year} ('{r.date_text}') widened to "
                f"{_years(r.year, r.year_end)}, up to the next event dated by its own "
                "sentence: its own year is not printed"))
        if d is None:
            continue
        back = bisect.bisect_right(sents, r.start) - bisect.bisect_right(sents, d.start)
        other = bisect.bisect_right(block_starts, r.start) \
            != bisect.bisect_right(block_starts, d.start)
        if back > FAR_SENTENCES or other:
            where = "an earlier paragraph" if other else f"{back} sentences back"
            out.append(WarningRow(
                "", r.start, r.end, CARRIED_FAR,
                f"{_what(r)}: no date of its own; the year {r.year} is carried from "
                f"'{d.text}', {where}: a guess, the text may have moved on"))
    return out
