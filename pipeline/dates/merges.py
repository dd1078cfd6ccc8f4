"""Merging neighbouring date mentions: "From A to B" (one ``range`` mention with ``parts``; a
bracketed span of Western years is an ``aside``), "between A and B" (two bare Western years, B
later, the clause ending after B: a range; a year after "between" without such a B is no
date: "between 300 and 400 men"), "221 to 210 BC" (the suffix applies to both), and a day
phrase set off by a comma after a dated month ("..., on the twenty-fifth day")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .grammar import _grammar

if TYPE_CHECKING:
    from .mentions import DateMention


_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|-|–|—)\s*")
_FROM_BEFORE = re.compile(r"\b[Ff]rom\s+$")
_OPEN_BEFORE = re.compile(r"\(\s*(?:[Ff]rom\s+)?$")
_CLOSE_AFTER = re.compile(r"\s*\)")


_ERA_LETTERS = re.compile(r"[A-Za-z]\.?\s*$")
BETWEEN_DOUBT = "after 'between'"  # the year_doubt .bare gives a year after the weak "between"
_AND_YEAR = re.compile(r"\s+and\s+(\d{3,4})(?=\s*(?:[,.;:)]|$))")


def _between(text: str, a: DateMention) -> DateMention | None:
    """"between 1875 and 1886": ``a`` (the first year, read after the weak "between") as a
    range mention up to the year after "and" when that one is later and ends its clause; None
    when no such year follows (then "between" made no date: "between 300 and 400 men")."""
    hit = _AND_YEAR.match(text, a.end)
    if (hit is None or a.western_year is None or a.western_year < 1 or a.parts
            or int(hit.group(1)) <= a.western_year):
        return None
    first = replace(a, year_doubt=None)
    b = replace(first, start=hit.start(1), end=hit.end(1), text=hit.group(1),
                western_year=int(hit.group(1)))
    return type(a)(start=a.start, end=b.end, text=text[a.start:b.end], kind="range",
                   parts=(first, b))


def _bc_range_start(a: DateMention, b: DateMention, text: str) -> DateMention:
    """'221 to 210 BC': an era suffix written only after the second year applies to both."""
    if b.western_year < 1 and a.western_year > 0 and not _ERA_LETTERS.search(a.text):
        if a.text.strip().isdigit():
            return replace(a, western_year=1 - a.western_year)
    return a


def _month_shares_year(a: DateMention, b: DateMention, gap: str) -> DateMention:
    """'May-June 1909', 'from May to June 1909': a Western month name written alone before a
    dated Western month takes that month's year (a Western month of the same or an earlier
    number); any other mention is returned unchanged."""
    if (a.kind == "month" and a.day is None and not a.leap and a.month is not None
            and b.kind == "gregorian" and b.western_year is not None and b.month is not None
            and a.month <= b.month and _RANGE_GAP.fullmatch(gap)
            and a.text.strip().rstrip(".").lower() in _grammar().months):
        return replace(a, kind="gregorian", western_year=b.western_year, calendar=b.calendar)
    return a


def _merge_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """'From A to B' (or 'A – B' for Western dates) -> one range mention with parts."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        if a.kind == "gregorian" and a.year_doubt == BETWEEN_DOUBT:
            span = _between(text, a)
            if span is not None:
                out.append(span)
            i += 1
            continue
        if i + 1 < len(mentions):
            b = mentions[i + 1]
            gap = text[a.end:b.start]
            a = _month_shares_year(a, b, gap)
            both_western = a.kind == b.kind == "gregorian"
            if both_western and b.western_year is not None and a.western_year is not None \
                    and _RANGE_GAP.fullmatch(gap):  # not "in 102, and ... B.C. 104": no range
                a = _bc_range_start(a, b, text)
            if both_western and a.year_doubt is None and b.year_doubt:
                b = replace(b, year_doubt=None)  # "from 1514 to 1587": the start supports it
            if _RANGE_GAP.fullmatch(gap) and (
                _FROM_BEFORE.search(text[max(0, a.start - 6):a.start]) or both_western
            ) and a.kind != "dynasty" and b.kind != "dynasty":
                # "Hai Rui (from 1514 to 1587)": a bracketed span of Western years is an aside
                aside = (both_western and _OPEN_BEFORE.search(text[max(0, a.start - 8):a.start])
                         is not None and _CLOSE_AFTER.match(text, b.end) is not None)
                out.append(type(a)(start=a.start, end=b.end, text=text[a.start:b.end],
                                   kind="range", parts=(a, b), aside=aside))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_DAY_GAP = re.compile(r"\s*,\s*(?:[Oo]n\s+)?")


def _merge_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """'In leap November of the first year of Jingkang, on the twenty-fifth day': a day phrase
    set off by a comma right after a dated month (no day of its own) completes that date."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (prev is not None and m.kind == "day" and m.month is None and not m.leap
                and prev.kind not in ("range", "dynasty", "era_context", "gregorian")
                and prev.month is not None and prev.day is None and prev.cycle_day is None
                and not prev.last_day and _DAY_GAP.fullmatch(text[prev.end:m.start]) is not None):
            out[-1] = replace(prev, end=m.end, text=text[prev.start:m.end], day=m.day,
                              cycle_day=m.cycle_day, last_day=m.last_day)
            continue
        out.append(m)
    return out
