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
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from pipeline.records import EventRow

#: Sentences at most from the running event to the dated event that closes its range.
WITHIN = 8


def until_next_dated(rows: Sequence[EventRow], sentence_starts: Sequence[int],
                     blocks: Sequence[tuple[str, int]]) -> list[EventRow]:
    """``rows`` (one document's) with each ``running`` row without a ``year_end`` given the
    year of the next event dated by its own sentence as ``year_end`` (see the module
    docstring). ``sentence_starts``: full-text start of every sentence; ``blocks``: the
    ``(text, offset)`` paragraphs, full-text offsets."""
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
