"""Datelines: a document's own date, written apart from its narrative.

A memorial, edict or letter ends with the date it was written ("Respectfully memorialized.
Guangxu, third year, twelfth month, fifth day."), or opens with it on a line of its own. Inside
such a document "this year" is the year of writing, not the narrative's running year: "In the
sixth month of the second year of Guangxu ... In the third month of this year ..." (Guangxu 3).

:func:`mark_datelines` marks the mentions of a dateline (``DateMention.dateline``): a sentence
made only of date phrases (and ``dateline_word`` words of ``gazetteer/date_words.csv``, "dated",
"written"), with at least one phrase that dates itself (an era year, a reign year, a Western
year). A dateline at the end of a paragraph, or on the document's last line, dates the block
before it (back to the previous dateline); a dateline on a line of its own elsewhere is a
heading and dates the block after it.

:func:`this_year_hints` maps each "this year" phrase of a dated block to its dateline's year,
read by a first pass of the fold; :func:`read_this_year` reads the phrase as that year, at most
``medium`` with a ``THIS_YEAR_FROM_DATELINE`` warning (the text does not say which year "this"
is: the writer's, by the usual convention of the genre).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import TYPE_CHECKING

from .lexicon import load_lexicon

if TYPE_CHECKING:
    from pipeline.records import DateRow

    from .mentions import DateMention
    from .state import RunningDate, _Res

_SELF_DATED = frozenset(("explicit", "reign", "sexagenary", "gregorian"))
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
_WORD = re.compile(r"[^\W\d_]+")


def _dates_itself(m: DateMention) -> bool:
    return m.kind in _SELF_DATED and (m.kind != "gregorian" or m.western_year is not None)


def _date_only(text: str, s: int, e: int, inside: list[DateMention], words: frozenset[str]) -> bool:
    """True when ``text[s:e]`` holds only the date phrases ``inside`` and dateline words."""
    if not any(_dates_itself(m) for m in inside):
        return False
    chars = list(text[s:e])
    for m in inside:
        for k in range(max(m.start, s), min(m.end, e)):
            chars[k - s] = " "
    return all(w.lower() in words for w in _WORD.findall("".join(chars)))


def mark_datelines(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with ``dateline`` set on those of a dateline (see the module doc), and
    ``dateline_head`` on a heading dateline's. Sorted by start, as given."""
    words = frozenset(w.lower() for w in load_lexicon().cat("dateline_word"))
    dated = [m for m in mentions if m.kind not in ("dynasty", "era_context", "ruler_context")]
    if not dated:
        return mentions
    lines = [ln for ln in _LINE.finditer(text) if ln.group().strip()]
    starts = [m.start for m in dated]
    marked: dict[int, bool] = {}  # id of a dateline mention -> heading?
    for i, ln in enumerate(lines):
        e = ln.start() + len(ln.group().rstrip())
        k = bisect_left(starts, ln.start())
        if k == len(starts) or starts[k] >= e:
            continue  # no date phrase on this line
        cuts = [ln.start(), *(ln.start() + c.end() for c in _SENTENCE_END.finditer(ln.group()))]
        s = cuts[-1]
        inside = [m for m in dated[k:bisect_left(starts, e)] if m.start >= s and m.end <= e]
        if not inside or not _date_only(text, s, e, inside, words):
            continue
        head = len(cuts) == 1 and i < len(lines) - 1  # a line of its own, not the last one
        for m in inside:
            marked[id(m)] = head
    if not marked:
        return mentions
    return [replace(m, dateline=True, dateline_head=marked[id(m)]) if id(m) in marked else m
            for m in mentions]


def _is_this_year(m: DateMention) -> bool:
    """A relative year of offset 0 written with "this" ("this year", "in the third month of
    this year")."""
    return m.kind == "relative" and m.rel_years == 0 and bool(
        re.search(r"\bthis\b", m.text, re.IGNORECASE))


def needs_hints(mentions: list[DateMention]) -> bool:
    """True when a document has a dateline and a "this year" phrase (a second pass may help)."""
    return any(m.dateline for m in mentions) and any(_is_this_year(m) for m in mentions)


def this_year_hints(mentions: list[DateMention], rows: list[DateRow]) -> dict[int, int]:
    """Start offset of each "this year" phrase of a dated block -> its dateline's year (from
    ``rows``, the first pass; the dateline's first row with a year). ``mentions`` by start."""
    year_at = {r.start: r.year for r in rows if r.year is not None}
    first_pass = {r.start: r.year for r in rows if r.kind == "relative"}
    lines: list[tuple[int, int, bool]] = []  # (start, end, heading) of each dateline
    group: list[DateMention] = []
    for m in [*mentions, None]:
        if m is not None and m.dateline and (not group or m.dateline_head == group[0].dateline_head
                                             and m.start - group[-1].end < 80):
            group.append(m)
            continue
        if group:
            year = next((year_at[g.start] for g in group if g.start in year_at), None)
            if year is not None:
                lines.append((group[0].start, year, group[0].dateline_head))
            group = [m] if m is not None and m.dateline else []
    hints: dict[int, int] = {}
    for m in mentions:
        if not _is_this_year(m) or m.dateline:
            continue
        after = next(((s, y) for s, y, head in lines if s > m.start and not head), None)
        before = [(s, y) for s, y, head in lines if s < m.start and head]
        # the nearest dateline that dates this block: an end dateline after it, unless a
        # heading stands between them
        if after is not None and not any(m.start < s < after[0] for s, _y, h in lines if h):
            hints[m.start] = after[1]
        elif before:
            hints[m.start] = before[-1][1]
    # only where the first pass read another year: else the running year said the same
    return {k: y for k, y in hints.items() if first_pass.get(k) != y}


def read_this_year(m: DateMention, state: RunningDate, year: int, res: _Res) -> None:
    """Read "this year" as the dateline's ``year`` (fills ``res.year``; era: the caller)."""
    res.year = year
    res.inherit(f"the document's dateline year {year}", state)
    res.guess("THIS_YEAR_FROM_DATELINE",
              f"{m.text!r} read as the year of the document's dateline ({year}), not the "
              f"running year {state.year}", "medium",
              basis="'this year' of a dated document: the year it was written")
