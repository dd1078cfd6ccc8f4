"""A cycle year in apposition to a dated phrase confirms it: "In the fourth month of the
twentieth year of Wanli (1592), the Imjin year, Toyotomi Hideyoshi sent ...".

:func:`join_appositions` joins such a sexagenary-year mention ("the Imjin year", set off by a
comma right after the date) to the date before it: one mention, whose ``cycle_year`` the
resolver checks against the year it reads (:func:`.days._check_cycle_year`: agreement is noted,
a mismatch is a CYCLE_YEAR_MISMATCH warning). So the apposition is no new date for the
running date or for the events of the sentence, which keep the fuller date (its month).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .mentions import DateMention

_BETWEEN = re.compile(r"\s*,\s*")
_DATED = frozenset(("explicit", "inherited", "reign", "gregorian", "relative"))


def join_appositions(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with each cycle year set off by a comma after a date joined to that date
    (its span extended over the apposition, ``cycle_year`` set); others unchanged."""
    out: list[DateMention] = []
    prev: int | None = None  # index in out of the last date mention (dynasty ones skipped)
    for m in mentions:
        a = out[prev] if prev is not None else None
        if (a is not None and m.kind == "sexagenary" and m.cycle_year is not None
                and a.kind in _DATED and a.cycle_year is None and a.end <= m.start
                and m.era is None and m.dynasty is None and m.month is None and m.day is None
                and m.stated_year in (None, a.stated_year)
                and _BETWEEN.fullmatch(text[a.end:m.start])):
            out[prev] = replace(a, end=m.end, text=text[a.start:m.end], cycle_year=m.cycle_year)
            continue
        if m.kind != "dynasty":
            prev = len(out)
        out.append(m)
    return out
