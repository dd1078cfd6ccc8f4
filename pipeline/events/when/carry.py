"""The running date counted from the last dated event, not the last printed date.

An event without a date of its own sentence takes the running date, the last date printed
before its sentence (:mod:`pipeline.events.when`). When that sentence dated an event by one of
its dates and printed another after it that dates no event (a gloss in another calendar, an
age counted from a birth year, a remark: "Minh Mang passed away on December 28th of the lunar
year of Canh Ty (January 28th 1841) at the age of 50. After his death ..."), the narrative's
time is the event's date, not the later date: :func:`from_last_event` gives the event the
date of the last dated event of that sentence (source still ``running``); the later date must
be secondary (an age, a bracketed gloss or remark after the event's date). A running date
printed before a birth dated by a later date of its own (a life span) is the time of something
else (an infobox field, an achievement told first): the events after the birth take no year
from it.

Offsets are full-text offsets; rows and dates sorted or not. Raises nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from pipeline.records import DateRow, EventRow

from .lives import no_date

#: EventRow fields that carry a date (copied together).
DATE_FIELDS = ("year", "year_end", "month", "leap_month", "day", "season", "date_start",
               "date_end", "date_precision", "date_text", "date_id", "gregorian_year",
               "time_precision")


def from_last_event(rows: Sequence[EventRow], dates: Sequence[DateRow],
                    sentence_starts: Sequence[int], blocks: Sequence[tuple[str, int]]
                    ) -> list[EventRow]:
    """``rows`` (one document's or one group of blocks') with each ``running`` date that is a
    later, event-less date of the sentence whose events were dated last replaced by that last
    dated event's date (see the module docstring). ``dates``: the date rows the events took
    (by ``date_id``); ``sentence_starts``: the full-text start of every sentence;
    ``blocks``: the ``(text, offset)`` paragraphs. Only a secondary date is passed over (an
    age, a date in a bracket after the event's date): a main date may date an event the
    trigger lexicon missed. After a birth, no date (a birth's year dates no later event)."""
    by_id = {d.date_id: d for d in dates if d.date_id is not None}
    sents = sorted(sentence_starts)
    if not by_id or not sents:
        return list(rows)

    def sentence(at: int) -> int:
        return bisect.bisect_right(sents, at) - 1

    own = {r.date_id for r in rows if r.date_source == "sentence"}  # dates of events
    order = sorted(range(len(rows)), key=lambda i: (rows[i].start, i))
    out = list(rows)
    last: EventRow | None = None  # the last row dated by its own sentence, in text order
    for i in order:
        row = rows[i]
        if row.date_source == "sentence" and row.date_id is not None:
            last = row
            continue
        if row.date_source != "running" or last is None or row.date_id is None \
                or last.date_id == row.date_id:
            continue
        mine, theirs = by_id.get(row.date_id), by_id.get(last.date_id)
        if mine is None or theirs is None:
            continue
        if last.event_type == "birth" and theirs.start >= mine.end \
                and theirs.year != mine.year:  # "Time of invention: A.D. 132 ... Zhang Heng
            out[i] = no_date(row)  # (78- 139) was born ... He served as ...": not 132
            continue
        if theirs.start >= mine.start:
            continue
        if not sentence(theirs.start) == sentence(mine.start) == sentence(last.start) \
                or sentence(row.start) <= sentence(mine.start):
            continue
        if row.date_id in own or not _secondary(mine, theirs, blocks):
            continue  # the later date dates an event of its own: it is the narrative's
        if last.event_type == "birth":  # "He was born in 1791 (May 25th 1871). He ...":
            out[i] = no_date(row)  # later, year unknown (as for the birth's own date)
            continue
        out[i] = dataclasses.replace(row, **{f: getattr(last, f) for f in DATE_FIELDS})
    return out


def _secondary(d: DateRow, before: DateRow, blocks: Sequence[tuple[str, int]]) -> bool:
    """True if ``d`` is a secondary date after ``before`` in one sentence: an age ("at the
    age of 50") or inside a bracket opened after ``before`` ("... Canh Ty (on January 28th
    1841 of the solar calendar)")."""
    if d.kind == "age":
        return True
    starts = [off for _, off in blocks]
    k = bisect.bisect_right(starts, before.end) - 1
    if k < 0:
        return False
    text, off = blocks[k]
    if d.start - off > len(text):
        return False
    between = text[before.end - off:d.start - off]
    return between.count("(") > between.count(")")
