"""Persons named as the ruler of a date phrase are no actors of the sentence's events.

A reign date names its ruler ("in the 23rd year of King Injo", "the 8th month of the 21st
year of King Injo (1643)", "the reign of Emperor Kōtoku"): the ruler dates the sentence, he
does not do what it tells ("the year in which the Ming dynasty fell", "the army of Li Zicheng
was routed"). The event stage reads actors from the entity rows of a paragraph (subjects, the
one side named in a sentence, pronoun antecedents); a PERSON row that lies wholly inside a
date row's span right after "of" ("year of X", "reign of the X") is left out of those rows, so
no reading picks it; only an agentless state act of the same sentence ("the Crown Princess
was ordered to die") still takes him as its implied agent. A name the date phrase merely runs
into ("In the first year of Daye, Emperor Yang ascended the throne", where the date reader
may take "Emperor Yang" as the era's ruler) is not after "of" and stays an actor. The entity
table keeps every row (this only filters the event stage's copy).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.records import DateRow, EntityRow

_OF = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)


def outside_dates(entities: Sequence[EntityRow], dates: Sequence[DateRow]
                  ) -> tuple[list[EntityRow], tuple[EntityRow, ...]]:
    """(``entities`` without the PERSON rows that are the ruler of a date phrase, those PERSON
    rows). Such a row lies within the ``[start, end)`` of a row of ``dates`` (full-text
    ``str`` offsets; dates with no text span, ``start == end``, cover nothing) and the date's
    words before it end with "of" (:data:`_OF`). Order kept."""
    spans = sorted((d for d in dates if d.end > d.start and len(d.text) == d.end - d.start),
                   key=lambda d: d.start)
    if not spans:
        return list(entities), ()
    starts = [d.start for d in spans]

    def ruler(e: EntityRow) -> bool:
        i = bisect.bisect_right(starts, e.start) - 1
        while i >= 0 and starts[i] > e.start - 400:  # nested or overlapping phrases
            d = spans[i]
            if e.end <= d.end and _OF.search(d.text[:e.start - d.start]) is not None:
                return True
            i -= 1
        return False

    out: list[EntityRow] = []
    dating: list[EntityRow] = []
    for e in entities:
        (dating if e.label == "PERSON" and ruler(e) else out).append(e)
    return out, tuple(dating)
