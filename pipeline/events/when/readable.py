"""Which dates of a document may date events at all: a date phrase the date stage could not
read, in apposition to a date of its sentence that prints its year, is passed over
(:func:`glossed_unread`); the filtered list is kept for the same list object
(:func:`_readable`: every event of a document passes the same list)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.records import DateRow

#: Characters at most between a date with a printed year and an unread date in apposition.
_APPOSITION_GAP = 8
_PRINTED_YEAR = re.compile(r"\d{3,4}")


#: The last ``(dates, len(dates), starts)`` given to :func:`_readable` and its answer: every
#: event of a document passes the same list (a book: thousands of events, thousands of dates).
_READABLE: list[tuple[Sequence[DateRow], int, Sequence[int], Sequence[DateRow],
                      Sequence[int]]] = []


def _readable(dates: Sequence[DateRow], starts: Sequence[int]
              ) -> tuple[Sequence[DateRow], Sequence[int]]:
    """``dates`` (and their ``starts``) without the :func:`glossed_unread` ones; the answer for
    the last list given is kept (the same list object, of the same length)."""
    if _READABLE and _READABLE[0][0] is dates and _READABLE[0][1] == len(dates) \
            and _READABLE[0][2] is starts:
        return _READABLE[0][3], _READABLE[0][4]
    kept, kept_starts = dates, starts
    if any(d.year is None for d in dates):
        kept = [d for i, d in enumerate(dates) if not glossed_unread(dates, i)]
        kept_starts = [d.start for d in kept]
    _READABLE[:] = [(dates, len(dates), starts, kept, kept_starts)]
    return kept, kept_starts


def glossed_unread(dates: Sequence[DateRow], i: int) -> bool:
    """True if ``dates[i]`` (sorted by start) is a date phrase the date stage could not read
    (no year: an unknown era, "the 2nd year of Anh Vũ Chiêu Thắng") in apposition to the date
    right before it in the same sentence, which prints its year ("In the spring of 1077, the
    2nd year of ..."): the narrative's time is known, so the unread phrase is no blank running
    date for the events after it."""
    d = dates[i]
    if d.year is not None or i == 0:
        return False
    p = dates[i - 1]
    return p.year is not None and p.sentence_id == d.sentence_id \
        and 0 <= d.start - p.end <= _APPOSITION_GAP and bool(_PRINTED_YEAR.search(p.text)) \
        and not p.basis.startswith("running")
