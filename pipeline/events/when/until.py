"""A running year closed by the next dated event: "In 1405 ... [killed] ... In 1407 ...": 1405-1407.

An event dated by the running date (``date_source`` ``running``: the last date before its
sentence) happened then or later. When the narrative goes on to an event dated by its own
sentence (``date_source`` ``sentence``) with a later year, within :data:`WITHIN` sentences and
in the same paragraph, the running event happened before that one (a chronicle tells its
events in order): its date is the range from the running year to that year (``year_end``,
``date_end`` the later date's start, ``date_precision`` ``range``; the source stays
``running``, the certainty unchanged). A later event told with a year no later than the
running one closes nothing (a flashback), and the range never crosses a paragraph. Never
invents a year: the range only widens a carried year to the next printed one.

First, a range a running row already has (an event told as later, :mod:`.later`: up to the
next later year printed) is capped to its **section** (:func:`within_section`): the text
between two headings that print a number (annals' year headings, "Yihai Year (approx. 1755)":
:func:`pipeline.events.horizon.numbered_headings`). When it reaches the time a later section
tells (the earliest year of the events dated by their own sentence there), its end may not
pass the latest year of such events in its own section (a later year printed only beyond the
next heading is another section's time: "later placed his death in the intercalary 3rd
month" under the 1697 heading is not 1697-1755); with no such year above its start, the row
keeps its start year alone. The warning is ``EVENT_YEAR_RANGE_CAPPED`` (:mod:`.notes`).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from pipeline.events.horizon import numbered_headings
from pipeline.records import DateRow, EventRow

#: Sentences at most from the running event to the dated event that closes its range.
WITHIN = 8


def until_next_dated(rows: Sequence[EventRow], sentence_starts: Sequence[int],
                     blocks: Sequence[tuple[str, int]], dates: Sequence[DateRow] = ()
                     ) -> list[EventRow]:
    """``rows`` (one document's) with each ``running`` row without a ``year_end`` given the
    year of the next event dated by its own sentence as ``year_end`` (see the module
    docstring). ``sentence_starts``: full-text start of every sentence; ``blocks``: the
    ``(text, offset)`` paragraphs, full-text offsets; ``dates``: the document's dates (their
    ``date_id`` and ``start``, for :func:`within_section`)."""
    rows = within_section(rows, blocks, dates)
    sents = sorted(sentence_starts)
    block_starts = [off for _, off in blocks]

    def sentence(at: int) -> int:
        return bisect.bisect_right(sents, at) - 1

    def block(at: int) -> int:
        return bisect.bisect_right(block_starts, at) - 1

    order = sorted(range(len(rows)), key=lambda i: (rows[i].start, i))
    out = list(rows)
    for n, i in enumerate(order):
        row = rows[i]
        if row.date_source != "running" or row.year is None or row.year_end is not None:
            continue
        here, para = sentence(row.start), block(row.start)
        for j in order[n + 1:]:
            nxt = rows[j]
            if block(nxt.start) != para or sentence(nxt.start) - here > WITHIN:
                break
            if sentence(nxt.start) == here or nxt.date_source != "sentence" \
                    or nxt.year is None:
                continue
            if nxt.year > row.year:
                out[i] = dataclasses.replace(
                    row, year_end=nxt.year, date_end=nxt.date_start or row.date_end,
                    date_precision="range")
            break  # the next dated event: a later year closes the range, another nothing
    return out


def within_section(rows: Sequence[EventRow], blocks: Sequence[tuple[str, int]],
                   dates: Sequence[DateRow] = ()) -> list[EventRow]:
    """``rows`` with each ``running`` range capped to its section (see the module
    docstring); ``blocks``: the ``(text, offset)`` paragraphs, full-text offsets. A range
    the text prints as one date (an infobox's "Date 1590–1600" above a lead that narrates
    1590) is what the text says, not a guess to cap: only a range made by the events stage
    (:mod:`.later`: its end from another date) is capped (``dates``: the document's dates,
    found by ``date_id``)."""
    walls = numbered_headings(blocks)
    if not walls:
        return list(rows)
    printed = {d.date_id: (d.year, d.year_end) for d in dates
               if d.date_id is not None and d.year_end is not None}

    def section(at: int) -> int:
        return bisect.bisect_right(walls, at)

    top: dict[int, int] = {}  # section -> the latest year of its events dated by their sentence
    last: dict[int, str] = {}  # section -> the latest date_end of those events
    low: dict[int, int] = {}  # section -> the earliest year of those events
    for r in rows:
        if r.date_source in ("sentence", "clause") and r.year is not None:
            k = section(r.start)
            top[k] = max(top.get(k, r.year), r.year_end or r.year)
            low[k] = min(low.get(k, r.year), r.year)
            if r.date_end:
                last[k] = max(last.get(k, r.date_end), r.date_end)
    out = list(rows)
    for i, r in enumerate(rows):
        if r.date_source != "running" or r.year is None or r.year_end is None \
                or r.date_precision != "range":
            continue
        k = section(r.start)
        if printed.get(r.date_id) == (r.year, r.year_end):
            continue  # the range the text prints itself (docstring)
        cap = top.get(k)
        later = [y for j, y in low.items() if j > k]
        if cap is None or r.year_end <= cap or not later or r.year_end < min(later):
            continue
        end = last.get(k) or r.date_start  # the section's latest day known
        out[i] = dataclasses.replace(r, year_end=cap, date_end=end) if cap > r.year else \
            dataclasses.replace(r, year_end=None, date_end=end, date_precision="year")
    return out
