"""A date after "since" starts a stretch: it is no other clause's date and no running date.

"The Privy Council ordered the Office ... to compile the administrative law that had been
implemented since the Mujin year (1388)": 1388 is when the law began to be applied, not the
time of the order, nor of the events told after it. An event that took such a date from
another clause (``date_source`` ``other_clause``) or as the running date (``running``) has no
year; so has an event dated by a date that prints no year ("28th Day (Pyŏngo)", "In July":
``kind`` month, day, season, inherited or relative, whose year the date stage took from the
running date) when the last date before it that has a year is a "since" date
(:func:`after_since`). A date of the event's own clause stays ("has ruled since 1388").
The narrative's time is then the last date before the "since" date in the same paragraph that
is not itself a "since" date ("Xiang Yu agreed to a truce in 203 BC. ... released Liu Bang's
father, whom he had held as hostages since 205 BC. Xiang Yu then withdrew": 203 BC, not 205):
the event takes that date as its running date (:func:`narrative_before`), certainty ``low``
when it lies in an earlier paragraph than the event; with no such date the year is blank.
Never invents a year. Offsets are full-text offsets.

A date inside a **quoted document** is treated the same way: a rescript, letter or memorial
the text quotes after a cue ending a sentence with a colon ("The imperial rescript ... reads
as follows:", "The letter read as follows:"; :data:`QUOTE_CUE`), that is the paragraph after
the cue's paragraph, or, when the cue's paragraph goes on, the quotation marks opened right
after it up to their close (:func:`quoted_spans`). The document retells its own past ("...
in the 4th year of Heen-fung, set on foot the volunteer movement ..."): its dates date its
own events (they run on inside it), not the narrative told after the quotation ("The fall of
Nanking ..." is not 1854).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from pipeline.records import DateRow, EventRow

from .fields import date_fields
from .lives import no_date

#: The words right before a date that make it the start of a stretch ("since the").
SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
#: Kinds of dates that print no year of their own (their year is the running date's).
_YEARLESS = frozenset({"month", "day", "season", "inherited", "relative"})
_LOOK_BACK = 12  # characters before a date searched for "since the"


#: A sentence that introduces a quoted document: a verb of writing or saying (or "as
#: follows") right before a colon at the end of the paragraph or before an opening quote.
QUOTE_CUE = re.compile(r"\b(?:as\s+follows|reads?|ran|runs|wrote|writes|stated|states|"
                       r"declared|declares)\s*:\s*(?=$|[\"“])", re.IGNORECASE)
_CLOSE = {"“": "”", '"': '"'}


def quoted_spans(blocks: Sequence[tuple[str, int]]) -> list[tuple[int, int]]:
    """Full-text ``(start, end)`` of each quoted document of the ``(text, offset)``
    paragraphs ``blocks``: after a :data:`QUOTE_CUE` that ends its paragraph, the next
    paragraph; after one followed by an opening quote in the same paragraph, the quotation up
    to its closing mark (or the paragraph's end)."""
    out = []
    for k, (text, off) in enumerate(blocks):
        for m in QUOTE_CUE.finditer(text):
            rest = text[m.end():]
            if not rest.strip():
                if k + 1 < len(blocks):
                    nxt, noff = blocks[k + 1]
                    out.append((noff, noff + len(nxt)))
                continue
            lead = len(rest) - len(rest.lstrip())
            mark = rest.lstrip()[:1]
            if mark not in _CLOSE:
                continue
            start = m.end() + lead + 1
            close = text.find(_CLOSE[mark], start)
            out.append((off + start, off + (close if close >= 0 else len(text))))
    return out


def since_dates(dates: Sequence[DateRow], blocks: Sequence[tuple[str, int]]) -> set[int]:
    """The ``date_id`` of each date printed right after "since" ("since the Mujin year") or
    inside a quoted document (:func:`quoted_spans`) in the ``(text, offset)`` paragraphs
    ``blocks``."""
    starts = [off for _, off in blocks]
    quoted = quoted_spans(blocks)
    out = set()
    for d in dates:
        k = bisect.bisect_right(starts, d.start) - 1
        if d.date_id is None or k < 0:
            continue
        text, off = blocks[k]
        at = d.start - off
        if 0 < at <= len(text) and SINCE.search(text[max(0, at - _LOOK_BACK):at]):
            out.add(d.date_id)
        elif any(a <= d.start < b for a, b in quoted):
            out.add(d.date_id)
    return out


def after_since(rows: Sequence[EventRow], dates: Sequence[DateRow],
                blocks: Sequence[tuple[str, int]]) -> list[EventRow]:
    """``rows`` with the years taken from a "since" date replaced by the narrative's date
    before it, or blank (see the module docstring); ``dates``: the date rows the events took
    (by ``date_id``), ``blocks`` the ``(text, offset)`` paragraphs."""
    since = since_dates(dates, blocks)
    if not since:
        return list(rows)
    with_year = sorted((d for d in dates if d.year is not None and d.kind not in
                        ("aside", "period")), key=lambda d: d.start)
    starts = [d.start for d in with_year]
    by_id = {d.date_id: d for d in dates if d.date_id is not None}
    block_starts = [off for _, off in blocks]
    quoted = quoted_spans(blocks)
    out = []
    for r in rows:
        d = by_id.get(r.date_id) if r.year is not None else None
        if d is None:
            out.append(r)
            continue
        if d.date_id in since and r.date_source in ("running", "other_clause") \
                and not _same_quote(r.start, d.start, quoted):
            out.append(_instead(r, narrative_before(d, with_year, since, blocks),
                                block_starts))
            continue
        k = bisect.bisect_left(starts, d.start) - 1
        if d.kind in _YEARLESS and "running" in d.basis.split("; ")[0] and k >= 0 \
                and with_year[k].date_id in since \
                and not _same_quote(r.start, with_year[k].start, quoted):
            # "since the Mujin year (1388) ... 28th Day": not 1388
            out.append(_instead(r, narrative_before(with_year[k], with_year, since, blocks),
                                block_starts))
            continue
        out.append(r)
    return out


def _same_quote(a: int, b: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """True if full-text offsets ``a`` and ``b`` lie in one quoted document (``quoted``:
    :func:`quoted_spans`): there its dates run on as the document's own narrative."""
    return any(lo <= a < hi and lo <= b < hi for lo, hi in quoted)


def narrative_before(d: DateRow, with_year: Sequence[DateRow], since: set[int],
                     blocks: Sequence[tuple[str, int]]) -> DateRow | None:
    """The last date of ``with_year`` (dates with a year, sorted by start) before the "since"
    date ``d`` in ``d``'s paragraph that is no "since" date itself and does not take its year
    from one (the narrative's time when the text turned back to the stretch's start); None
    if there is none."""
    block_starts = [off for _, off in blocks]
    k = bisect.bisect_right(block_starts, d.start) - 1
    floor = block_starts[k] if k >= 0 else 0
    i = bisect.bisect_left([x.start for x in with_year], d.start) - 1
    while i >= 0 and with_year[i].start >= floor:
        p = with_year[i]
        if p.date_id not in since and not (p.kind in _YEARLESS
                                           and "running" in p.basis.split("; ")[0]):
            return p
        i -= 1
    return None


def _instead(row: EventRow, date: DateRow | None, block_starts: Sequence[int]) -> EventRow:
    """``row`` dated by ``date`` as its running date (certainty low when the date is in an
    earlier paragraph than the row: ``block_starts``, the paragraphs' full-text starts), or
    with no date when ``date`` is None."""
    if date is None:
        return no_date(row)
    other = bisect.bisect_right(block_starts, row.start) \
        != bisect.bisect_right(block_starts, date.start)
    certainty = "low" if other else row.certainty
    return dataclasses.replace(row, **date_fields(date), date_source="running",
                               certainty=certainty)
