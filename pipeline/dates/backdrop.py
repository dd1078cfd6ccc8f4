"""Dates of a past-perfect clause: an earlier time told as background, not the narrative's.

    ... and kept his court at Tay Do, the stone citadel he had built in Vinh Loc in the year
    Dinh Suu (1397). At the end of the same year he gave the throne ...

"he had built ... (1397)" reaches back before the narrative's time (1400): the clause's date
keeps its own row, but "the same year" that follows is still 1400. A mention is marked
``backdrop`` when its clause (the text from the last comma, semicolon, colon or sentence end
before it) holds "had" and a past participle ("had built", "had long been", "had been
appointed"); :func:`.resolve.resolve_dates` then leaves the running date alone only when the
mention's year is earlier than the running year (a later year is the narrative moving on).
Used by :func:`.mentions.find_date_mentions`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import DateMention

#: "had built", "had long been", "had already been sent": "had", at most one adverb, a
#: participle by its ending (-ed, -en, -t, -wn, -ne, -ng, -de: "built", "done", "begun", "made").
_PLUPERFECT = re.compile(r"\bhad\s+(?:[a-z]+ly\s+|long\s+|already\s+)?"
                         r"(?:been|[a-z]+(?:ed|en|t|wn|ne|ng|de))\b", re.IGNORECASE)
#: a clause boundary before the date: punctuation, or a sentence end
_BOUNDARY = re.compile(r"[,;:.!?\n]")
_MAX_CLAUSE = 160  # characters looked back at most


def mark_backdrops(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with those in a past-perfect clause marked ``backdrop=True`` (module
    doc); others unchanged."""
    out: list[DateMention] = []
    for m in mentions:
        lo = max(0, m.start - _MAX_CLAUSE)
        before = text[lo:m.start]
        cut = max((b.end() for b in _BOUNDARY.finditer(before)), default=0)
        if _PLUPERFECT.search(before[cut:]):
            m = replace(m, backdrop=True)
        out.append(m)
    return out
