"""Bare years after a BC year: "He took Han in 230 BC, Zhao in 228, Wei in 225 and Qi in
221 BC" writes the era suffix only on some years of the list.

:func:`carry_bc` looks at each bare Western year (digits only, no BC/AD, no month) whose
nearest earlier year in the same paragraph is a BC year (a Western "230 BC", a printed
"(293 BC)", or a bare year this pass already read as BC):

* counting down from it (the number is not larger; after a BC span, not larger than the
  span's first year: "The Chu–Han Contention (206–202 BC) ... burned Xianyang in 206"), with
  a later BC year of the same paragraph not larger than it ("..., Chu in 223, ... Qi in
  221 BC"): BC, sure (:data:`BC_BETWEEN`);
* counting down from it, no later BC year bounds it ("In 222 BC ... and in 221 Qi"): BC, a
  guess (:data:`BC_AFTER`, the resolver flags it ``medium``);
* a larger number ("In 210 BC ... by 220"): CE or a step back in BC time; read CE, flagged
  (:data:`CE_AFTER_BC`).

The reading is kept in ``DateMention.year_doubt`` (one of :data:`BC_DOUBTS`) and
``western_year`` (astronomical: 1 BC = 0); :func:`bc_evidence` records it on the resolved row.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import DateMention
    from .state import _Res

BC_BETWEEN = "BC: between BC years"
BC_AFTER = "BC: after a BC year"
CE_AFTER_BC = "CE: after a BC year"
BC_DOUBTS = frozenset((BC_BETWEEN, BC_AFTER, CE_AFTER_BC))
MAX_GAP = 400  # characters: a BC year farther back than this gives no context
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_DIGITS = re.compile(r"\d{1,4}")
# mentions that set a year of their own (the others: context, months, relative dates)
_YEAR_KINDS = frozenset(("gregorian", "range", "explicit", "inherited", "reign", "sexagenary"))


def _bare(m: DateMention) -> bool:
    return (m.kind == "gregorian" and m.month is None and m.day is None
            and m.western_year is not None and m.western_year > 0
            and _DIGITS.fullmatch(m.text) is not None)


def _bc_written(m: DateMention, first: bool = False) -> int | None:
    """The written BC number of a year mention ("230 BC" -> 230), None if it is no BC year.
    A range gives its last year ("221–206 BC" -> 206), or with ``first`` its first year when
    that is BC too (221: the bare years inside the span count down from its start)."""
    if m.kind == "range" and m.coarse == "period":
        return None  # "the Warring States period": no BC number written (.periods)
    if m.kind == "range" and m.parts:
        head = _bc_written(m.parts[0]) if first else None
        m = m.parts[-1]
        if head is not None and _bc_written(m) is not None:
            return head
    year = m.western_year if m.kind == "gregorian" else m.stated_year
    return 1 - year if year is not None and year <= 0 else None


def _near(text: str, end: int, start: int) -> bool:
    return 0 <= start - end <= MAX_GAP and _PARAGRAPH.search(text, end, start) is None


def carry_bc(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions (sorted by start), bare years after a BC year re-read (see module doc)."""
    out = list(mentions)
    prev: int | None = None  # index of the last mention with a year of its own
    for i, m in enumerate(out):
        if m.kind not in _YEAR_KINDS:
            continue
        if prev is not None and _bare(m) and _near(text, out[prev].end, m.start):
            p = _bc_written(out[prev], first=True)  # "(206–202 BC) ... in 206": BC
            if p is not None:
                out[i] = m = _reread(text, out, i, p)
        prev = i
    return out


def _reread(text: str, out: list[DateMention], i: int, p: int) -> DateMention:
    m = out[i]
    v = m.western_year
    if v > p:
        return replace(m, year_doubt=CE_AFTER_BC)
    end = m.end
    for later in out[i + 1:]:
        if later.kind not in _YEAR_KINDS:
            continue
        if not _near(text, end, later.start):
            break
        if _bare(later):
            end = later.end
            continue
        n = _bc_written(later)
        if n is not None and n <= v:
            return replace(m, western_year=1 - v, year_doubt=BC_BETWEEN)
        break
    return replace(m, western_year=1 - v, year_doubt=BC_AFTER)


def bc_evidence(m: DateMention, res: _Res) -> None:
    """Record on ``res`` how a bare year after a BC year was read (``m.year_doubt``)."""
    written = m.text
    if m.year_doubt == BC_BETWEEN:
        res.note(f"bare year {written} read as BC: between BC years of the same passage")
    elif m.year_doubt == BC_AFTER:
        res.guess("BARE_YEAR_BC_GUESSED", f"read as {written} BC: it follows a BC "
                  "year and counts down from it, but no later BC year confirms it", "medium",
                  basis=f"bare year {written} read as BC (after a BC year)")
    else:
        res.guess("BARE_YEAR_CE_OR_BC", f"read as {written} CE, though it follows a "
                  "BC year: it may be a BC year before it", "medium",
                  basis=f"bare year {written} read as CE after a BC year")
