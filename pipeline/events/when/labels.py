"""A period date that labels a list item ("- Han dynasty: a walled town was built", "- Early
Ming: the wall was rebuilt"; :func:`pipeline.dates.periods._label`) dates the events of its
line, as a printed year label ("- 190 AD: ...") does; any other period date dates only its
own clause (:func:`pipeline.events.when.dated_event`)."""

from __future__ import annotations

import re

from pipeline.records import DateRow

_BULLET = re.compile(r"[ \t]*(?:[-–—•*·][ \t]*)?")


def labels_line(d: DateRow, stext: str, sent_start: int) -> bool:
    """True if the date ``d`` (full-text offsets) opens its line in the sentence text
    ``stext`` (whose first character is at ``sent_start``), after a list bullet at most, and a
    colon follows it: "- Early Ming: the wall was rebuilt"."""
    at = d.start - sent_start
    if at < 0 or d.end - sent_start > len(stext):
        return False
    head = stext[:at].rsplit("\n", 1)[-1]  # from the line's start or the sentence's
    return bool(_BULLET.fullmatch(head)) and stext[d.end - sent_start:].lstrip(
        " \t").startswith(":")


_NOT_WORDS = re.compile(r"[\s()\[\],.;:–—-]*")


def on_dateline(stext: str, at: int, trig: int, spans: list[tuple[int, int]]) -> bool:
    """True if the date starting at ``at`` (an offset into the sentence text ``stext`` as the
    parser cut it) stands on a line before the trigger's (``trig``) that holds nothing but
    date phrases (``spans``: ``(start, end)`` offsets of the sentence's dates), brackets and
    punctuation: a dateline the parser ran into the next sentence ("1268 Feb (Bun'ei 5, 1st
    month)\\nKublai's letter had been turned back in 1267"). It gives the time of the lines
    after it, as a running date does: a date of the trigger's own clause comes first."""
    end = stext.find("\n", at)
    if end == -1 or end >= trig:
        return False
    start = stext.rfind("\n", 0, at) + 1
    rest = list(stext[start:end])
    for s, e in spans:
        for k in range(max(s, start), min(e, end)):
            rest[k - start] = " "
    return bool(_NOT_WORDS.fullmatch("".join(rest)))
