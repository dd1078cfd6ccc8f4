"""The date of an event: its clause's own date first, then the sentence's, then the running date.

A date is the clause's own when, in the parse, the nearest verb above the date's first token is
the trigger's own verb (for a noun trigger, the verb above it): "In 1126 the Jin took Taiyuan
and in 1127 took Kaifeng" dates the two captures apart. Without one: the sentence's last date
before the trigger, else the first one after it in the trigger's clause window, else the
running date (the last date before the sentence). Offsets are full-text offsets.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.events.roles import coarse
from pipeline.records import DateRow


def date_precision(d: DateRow) -> str:
    """day | month | season | range | year ("" without a year)."""
    if d.day is not None:
        return "day"
    if d.month is not None:
        return "month"
    if d.season:
        return "season"
    if d.year is not None and d.year_end is not None and d.year_end != d.year:
        return "range"
    return "year" if d.year is not None else ""


def time_precision(d: DateRow) -> int | None:
    """ACLED's numeric convention: 1 a day, 2 a month or season, 3 a year or coarser."""
    text = date_precision(d)
    if not text:
        return None
    return {"day": 1, "month": 2, "season": 2}.get(text, 3)


def gregorian_year(d: DateRow) -> int | None:
    """The proleptic Gregorian (astronomical) year of ``d.date_start``, or None."""
    if not d.date_start:
        return None
    try:
        return int(d.date_start[:-6])  # "YYYY-MM-DD" or "-0044-03-15"
    except ValueError:
        return None


def date_fields(d: DateRow | None) -> dict[str, object]:
    """EventRow's date fields taken from ``d`` (None: no fields, the defaults stay)."""
    if d is None:
        return {}
    return {"year": d.year, "year_end": d.year_end, "month": d.month, "leap_month": d.leap_month,
            "day": d.day, "season": d.season, "date_start": d.date_start,
            "date_end": d.date_end, "date_precision": date_precision(d), "date_text": d.text,
            "date_id": d.date_id, "gregorian_year": gregorian_year(d),
            "time_precision": time_precision(d)}


def _clause_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (the root if none)."""
    steps = 0
    while coarse(tok) != "VERB" and tok.head.i != tok.i and steps < 12:
        tok = tok.head
        steps += 1
    return tok


def _token_at(sdoc: Doc, char: int) -> Token | None:
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def event_date(dates: Sequence[DateRow], starts: Sequence[int], sdoc: Doc, head: Token,
               sent_start: int, trig_start: int, clause_end: int) -> DateRow | None:
    """The date of the event whose trigger heads at ``head`` in the parsed sentence ``sdoc``
    (whose first character is at full-text offset ``sent_start``); ``dates`` sorted by start,
    with a year."""
    lo = bisect.bisect_left(starts, sent_start)
    hi = bisect.bisect_left(starts, sent_start + sdoc[-1].idx + len(sdoc[-1]))
    if sdoc.has_annotation("DEP") and hi > lo:
        verb = _clause_verb(head)
        own = []
        for d in dates[lo:hi]:
            tok = _token_at(sdoc, d.start - sent_start)
            if tok is not None and _clause_verb(tok).i == verb.i:
                own.append(d)
        before = [d for d in own if d.start < trig_start]
        if before or own:
            return (before or own)[-1] if before else own[0]
    i = bisect.bisect_left(starts, trig_start) - 1
    if i >= 0 and dates[i].start >= sent_start:
        return dates[i]
    j = i + 1
    if j < len(dates) and dates[j].start < clause_end:
        return dates[j]
    k = bisect.bisect_left(starts, sent_start) - 1
    return dates[k] if k >= 0 else None
