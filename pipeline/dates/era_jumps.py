"""An era reading centuries away from the narrative: "In July of the second year of Jian 'an,
Taizu summoned Zhao Pu" in a text on 960 (the translation's garble of Jianlong 建隆 2, 961,
read as Jian'an 建安 2 = 197).

:func:`check_era_jump` tests an explicit era year read without anything of its own beside it
(no printed CE year, no dynasty or ruler written with it, no dynasty of that era named in its
sentence) against the narrative: when its year is more than :data:`JUMP` years from the
running year *and* from every year the text prints, it is no plausible reading. An era of the
running era's dynasty one letter away from the name as written replaces it (a spelling slip,
``ERA_SPELLING_FUZZY``, medium); else the row keeps no year (``ERA_FAR_FROM_NARRATIVE``, low)
and the running date stays as it was.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .far_years import _printed_years
from .mention import DateMention
from .state import RunningDate, _Res

JUMP = 200  # years


def _key(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower())


def _one_letter(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one letter replaced, added or dropped (not equal)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def jump_candidates(m: DateMention, ordered: list[DateMention], eras) -> bool:
    """True when ``m`` is an explicit era year with nothing of its own to support it (see the
    module docstring) in a text that prints years."""
    if (m.kind != "explicit" or m.era is None or m.era_year is None or m.stated_year is not None
            or m.dynasty or m.ruler or m.era_meaning or m.fuzzy_era or m.japanese_reading):
        return False
    named = {d.dynasty for d in ordered if d.kind == "dynasty" and d.dynasty
             and d.where is not None and d.where == m.where}
    return not any(eras.matches_dynasty(e, d) for e in eras.candidates(m.era) for d in named)


def check_era_jump(m: DateMention, res: _Res, state: RunningDate, ordered: list[DateMention],
                   eras, resolve) -> _Res | None:
    """A replacement reading of ``m`` when its reading ``res`` jumps centuries away from the
    narrative (module docstring), else None. ``resolve(mention)`` re-reads a mention."""
    if res.year is None or state.year is None or abs(res.year - state.year) <= JUMP \
            or not jump_candidates(m, ordered, eras):
        return None
    printed = [y for _, y in _printed_years(ordered)]
    if not printed or min(abs(res.year - y) for y in printed) <= JUMP:
        return None
    if state.era is not None:
        near = [e for e in eras.eras_of_dynasty(state.era.dynasty)
                if any(_one_letter(_key(m.era), _key(r)) for r in (e.name, *e.romanizations))]
        if len({e.name for e in near}) == 1:
            alt = resolve(replace(m, era=near[0].name))
            if alt.year is not None and abs(alt.year - state.year) <= JUMP:
                alt.guess("ERA_SPELLING_FUZZY", f"{m.era!r} read as {near[0].name}, one letter "
                          f"away and of the running dynasty ({state.era.dynasty}): as written "
                          f"it is {res.year}, {abs(res.year - state.year)} years from the "
                          "narrative", "medium", basis=f"fuzzy spelling: {m.era} ~ {near[0].name}")
                return alt
    out = _Res()
    out.guess("ERA_FAR_FROM_NARRATIVE",
              f"{m.era} {m.era_year} would be {res.year}, {abs(res.year - state.year)} years "
              f"from the running year {state.year} and from every year the text prints, with "
              "no dynasty, ruler or printed year of its own: no year (a garbled era name?)",
              basis=f"era reading {res.year} far from the narrative")
    out.alternatives = [f"{m.era} {m.era_year} = {res.year}"]
    return out
