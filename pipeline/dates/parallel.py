"""Parallel era headings of a chronicle: one year given in the eras of several states.

    Seventh Year of Cheng-shih (246 A.D.)
    Shu: Ninth Year of Yen-hsi
    Wu: Ninth Year of Ch'ih-wu

The first heading is the chronicle's own (main) era; the lines below it, each opened by a
state's name and a colon, give the same year in other states' eras. Those are marked
``parallel``: they keep their own row but leave the running date (era, dynasty, calendar) to
the main heading, so the months that follow are read in the main era. Used by
:func:`.mentions.find_date_mentions`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import DateMention

# "Shu:", "Northern Wei:", "Wu :" at the start of a line
_LABEL = re.compile(r"[A-Z][\w'’`-]*(?:\s+[A-Z][\w'’`-]*)?\s*:\s*$")
_ERA_KINDS = frozenset(("explicit", "inherited", "reign"))


def _line(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _heading(text: str, m: DateMention) -> bool:
    """The mention fills its line, apart from an opening label and closing punctuation."""
    s, e = _line(text, m.start)
    return not text[m.end:e].strip(" .,;)(") and len(text[s:m.start].strip()) <= 30


def mark_parallel_headings(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (by start) with parallel era headings marked (``parallel=True``): an era
    date alone on its line after "<State>:", directly below another era heading line (the
    main one, or an earlier parallel one)."""
    out: list[DateMention] = []
    above: tuple[int, int] | None = None  # line span of the last era heading line
    for m in mentions:
        if m.kind in _ERA_KINDS and "\n" in text and _heading(text, m):
            s, e = _line(text, m.start)
            label = text[s:m.start]
            between = text[above[1]:s] if above is not None else ""
            if (above is not None and _LABEL.fullmatch(label.strip())
                    and not between.strip() and between.count("\n") == 1):
                m = replace(m, parallel=True)
            above = (s, e)
        out.append(m)
    return out
