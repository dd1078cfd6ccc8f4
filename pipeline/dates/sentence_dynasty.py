"""A dynasty named in the same sentence settles an era name several dynasties used:
"Emperor Gaozu of Tang died in the ninth year of Zhenguan" (貞觀: Tang, and a Western Xia
era too).

:func:`settle_by_sentence` gives an explicit era mention without a dynasty of its own, and
without a printed CE year (which settles it anyway), the dynasty of the sentence when exactly
one of the dynasties named in that sentence (``kind="dynasty"`` mentions and the dynasty of
a ``ruler_context`` one, "Emperor Gaozu of Tang"; ``where`` set by
:func:`.cycles.tag_positions`) can be the dynasty of one or more, but not all, of the era's
candidates, and no other dynasty named there can. The resolver then reads it as "dynasty
named" (certain), as for "the ninth year of Zhenguan of Tang".
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.eras import EraTable

    from .mentions import DateMention


_NAMING = frozenset(("dynasty", "ruler_context"))  # "the Tang", "Emperor Gaozu of Tang"


def settle_by_sentence(mentions: list[DateMention], eras: EraTable) -> list[DateMention]:
    """``mentions`` with shared era names settled by the sentence's dynasty (see module)."""
    named: dict[tuple[int, int], list[str]] = {}
    for m in mentions:
        if m.kind in _NAMING and m.where is not None and m.dynasty:
            named.setdefault(m.where, []).append(m.dynasty)
    if not named:
        return mentions
    out = []
    for m in mentions:
        dyns = named.get(m.where) if m.where is not None else None
        if (dyns and m.kind == "explicit" and m.era and not m.dynasty
                and m.stated_year is None and not m.fuzzy_era):
            m = _settled(m, dyns, eras)
        out.append(m)
    return out


def _settled(m: DateMention, dyns: list[str], eras: EraTable) -> DateMention:
    cands = list(dict.fromkeys(eras.candidates(m.era or "")))
    if len(cands) < 2:
        return m
    fitting = {d for d in dict.fromkeys(dyns)
               if 0 < sum(1 for e in cands if eras.matches_dynasty(e, d)) < len(cands)}
    if len(fitting) != 1:
        return m
    return replace(m, dynasty=fitting.pop())
