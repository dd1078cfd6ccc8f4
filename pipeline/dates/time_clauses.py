"""An undated time clause after a sentence's year: "who graduated as chin shih in 1421 and was
Vice-President of the Board of War when the Emperor was taken at T'u-mu" (1449). The sentence
ends at a later time it does not date, so "the 10th moon of that year" two sentences on need
not be 1421.

:func:`add_time_clauses` adds a ``time_clause`` mention (no row) for a "when" clause that
follows a dated mention in its sentence after a main clause of its own (at least
:data:`MIN_WORDS` words between the date and "when": "In 1421, when he was twenty, he
graduated" is the same time) with no date mention after it in the sentence. The resolver sets
the running date unsure there (``state.unread``): a later date that inherits the running year
is ``low`` with a RUNNING_DATE_UNSURE warning, until a date is read on its own.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import DateMention

MIN_WORDS = 4
_DATED = frozenset(("gregorian", "explicit", "reign", "inherited", "sexagenary"))
_END = re.compile(r"[.!?;](?=\s|$)|\n")
_WHEN = re.compile(r"\bwhen\s+(?!in\b|on\b|at\s+the\s+age\b)(?=[A-Za-z])")
_CLAUSE_END = re.compile(r"[,.;:!?\n]")


def add_time_clauses(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (sorted by start) with the undated time clauses of the module docstring."""
    if not mentions or "when" not in text:
        return mentions
    starts = sorted(m.start for m in mentions if m.kind != "dynasty")
    new: list[DateMention] = []
    for m in mentions:
        if m.kind not in _DATED or m.aside:
            continue
        stop = _END.search(text, m.end)
        send = stop.start() if stop else len(text)
        w = _WHEN.search(text, m.end, send)
        if w is None or len(text[m.end:w.start()].split()) < MIN_WORDS:
            continue
        if any(m.end < s < send for s in starts):
            continue  # another date in the sentence after this one: it dates the rest
        cend = _CLAUSE_END.search(text, w.end(), send)
        end = cend.start() if cend else send
        new.append(type(m)(start=w.start(), end=end, text=text[w.start():end],
                           kind="time_clause"))
    if not new:
        return mentions
    return sorted([*mentions, *new], key=lambda x: (x.start, x.end))
