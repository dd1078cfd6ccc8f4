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
