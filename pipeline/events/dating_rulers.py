"""Persons named inside a date phrase are no actors of the sentence's events.

A reign date names its ruler ("in the 23rd year of King Injo", "the 8th month of the 21st
year of King Injo (1643)"): the ruler dates the sentence, he does not do what it tells ("the
year in which the Ming dynasty fell", "the army of Li Zicheng was routed"). The event stage
reads actors from the entity rows of a paragraph (subjects, the one side named in a sentence,
pronoun antecedents); a PERSON row that lies wholly inside a date row's span is left out of
those rows, so no reading picks it; only an agentless state act of the same sentence ("the
Crown Princess was ordered to die") still takes him as its implied agent. The entity table
keeps the row (this only filters the event stage's copy).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from pipeline.records import DateRow, EntityRow


def outside_dates(entities: Sequence[EntityRow], dates: Sequence[DateRow]
                  ) -> tuple[list[EntityRow], tuple[EntityRow, ...]]:
    """(``entities`` without the PERSON rows inside a date phrase, those PERSON rows): a row
    inside a date phrase lies within the ``[start, end)`` of a row of ``dates`` (full-text
    ``str`` offsets; dates with no text span, ``start == end``, cover nothing). Order kept."""
    spans = sorted((d.start, d.end) for d in dates if d.end > d.start)
    if not spans:
        return list(entities), ()
    starts = [s for s, _ in spans]
    reach: list[int] = []  # the furthest end of the spans up to each one (nested phrases)
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)

    def inside(e: EntityRow) -> bool:
        i = bisect.bisect_right(starts, e.start) - 1
        return i >= 0 and e.end <= reach[i]

    out: list[EntityRow] = []
    dating: list[EntityRow] = []
    for e in entities:
        (dating if e.label == "PERSON" and inside(e) else out).append(e)
    return out, tuple(dating)
