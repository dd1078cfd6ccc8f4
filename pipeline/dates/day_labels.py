"""Ordinal days that label an annal's entry: "8th month, 13th day. The men of Silla ...
\\n\\n17th day. The enemy generals came to Chu-yu ... \\n\\n28th day. The Japanese generals
..." (translated annals, Aston's Nihongi, the Veritable Records: after the month is given
once, each entry opens with its day alone).

The grammar reads an ordinal day only with its month ("9th month, 7th day", "the 17th day of
the same month"); a day alone is no date to it ("on the third day" of a siege counts days).
:func:`add_day_labels` adds one as a ``kind="day"`` mention (``day`` set, no month: the day of
the running month, as "the 17th day of the same month" is) only when all of these hold:

* it is written in digits with an ordinal suffix and "day" ("17th day", "2nd day"), at most
  30, and it opens a line or a sentence;
* a full stop, colon or comma follows it, then a capitalised word or "the" (the entry's first
  clause: "17th day. The enemy ...", "24th day, the fleet ...");
* an earlier mention of the text names a month (the running month the day belongs to; an
  annal runs on by days over many paragraphs, so no distance is asked).

Offsets are full-text offsets.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import DateMention

#: Context kinds that may overlap a new mention (a dynasty name is no date of its own).
_CONTEXT = ("dynasty", "era_context", "ruler_context")
_LABEL = re.compile(r"(?<![\w,])(?P<n>[1-9]\d?)(?:st|nd|rd|th)\s+day(?=\s*[.:,]\s*(?:[A-Z]|the\s))")
_OPENS = re.compile(r"(?:^|[.!?;]\s+|\n\s*|\)\s+)$")
_MAX_DAY = 30


def add_day_labels(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (sorted by start) with the ordinal day labels of ``text`` added (see the
    module docstring); sorted by start."""
    if not mentions:
        return mentions
    months = sorted(m.start for m in mentions if m.month is not None)
    if not months:
        return mentions
    taken = [(m.start, m.end) for m in mentions if m.kind not in _CONTEXT]
    new: list[DateMention] = []
    for hit in _LABEL.finditer(text):
        s, e = hit.span()
        n = int(hit.group("n"))
        if n > _MAX_DAY or months[0] >= s or any(a < e and s < b for a, b in taken):
            continue
        if not _OPENS.search(text[max(0, s - 40):s]) and s != 0:
            continue
        new.append(type(mentions[0])(start=s, end=e, text=hit.group(0), kind="day", day=n))
    if not new:
        return mentions
    kept = [m for m in mentions if m.kind not in _CONTEXT
            or not any(n.start <= m.start and m.end <= n.end for n in new)]
    return sorted([*kept, *new], key=lambda x: (x.start, x.end))
