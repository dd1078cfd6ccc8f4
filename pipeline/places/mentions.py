"""Where and when a place is mentioned: entities outside glosses, glosses by the entity they
gloss, the running year at an offset (datelines aside), the province named near a mention,
and the located places of a mention's sentence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from pipeline.places.base import PlaceGloss, load_gloss_lexicon, province_named
from pipeline.places.locate import anchor_of
from pipeline.records import DateRow, EntityRow, PlaceRow

if TYPE_CHECKING:
    from pipeline.places.lookup import HistoricalPlace


def outside_glosses(entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss]
               ) -> list[EntityRow]:
    """``entities`` without those inside a gloss's parentheses ("Datong" in "(now Datong)")."""
    spans = sorted((g.gloss_start, g.gloss_end) for g in glosses)
    starts = [s for s, _ in spans]

    def inside(e: EntityRow) -> bool:
        i = bisect.bisect_right(starts, e.start) - 1
        return i >= 0 and e.end <= spans[i][1]

    return [e for e in entities if not inside(e)]


def _gloss_for(glosses: Sequence[PlaceGloss], entities: Sequence[EntityRow]
               ) -> dict[str, list[PlaceGloss]]:
    """Glosses by the canonical name of the PLACE entity they overlap (else the gloss name)."""
    places = sorted((e for e in entities if e.label == "PLACE"), key=lambda e: e.start)
    starts = [e.start for e in places]
    out: dict[str, list[PlaceGloss]] = {}
    for gloss in glosses:
        i = bisect.bisect_left(starts, gloss.start - 100)
        canonical = next((e.canonical for e in places[i:bisect.bisect_left(starts, gloss.end)]
                          if e.start < gloss.end and gloss.start < e.end), gloss.place)
        out.setdefault(canonical, []).append(gloss)
    return out


YearAt = Callable[[int], "int | None"]


def year_lookup(pairs: Iterable[tuple[int, int | None]]) -> YearAt:
    """From (offset, year) pairs, a function offset -> year of the last pair at or before it."""
    items = sorted((o, y) for o, y in pairs if y is not None)
    offsets = [o for o, _ in items]

    def year_at(offset: int) -> int | None:
        i = bisect.bisect_right(offsets, offset) - 1
        return items[i][1] if i >= 0 else None

    return year_at


def years_from_dates(dates: Sequence[DateRow], text: str = "") -> YearAt:
    """The running year at each offset: the year of the last DateRow starting at or before
    (a printed span aside, kind ``aside``, "Hai Rui (1514–1587)", is no running year).

    ``text`` (the text the offsets index; optional): a full Western date (day, month, year)
    standing in a line of its own with at most :data:`DATELINE_WORDS` other words and no
    sentence end ("By admin - Posted on 20 January 2009"), later than every other date of the
    text, is a page's dateline, not a date of the narrative, and is no running year either."""
    told = [d for d in dates if d.kind != "aside"]
    lines = [d for d in told if text and is_dateline(d, text)]
    latest = max((d.year for d in told if d not in lines and d.year is not None), default=None)
    lines = [d for d in lines if latest is not None and (d.year or 0) > latest]
    return year_lookup((d.start, d.year) for d in told if d not in lines)


DATELINE_WORDS = 6


def is_dateline(date: DateRow, text: str) -> bool:
    """True when ``date`` is a full Gregorian date (with a day) alone in its line of ``text``
    but for at most :data:`DATELINE_WORDS` words without a sentence end: a publication or
    posting date ("Posted on 20 January 2009", "Updated: 2019-05-03")."""
    if date.kind != "gregorian" or date.day is None:
        return False
    start = text.rfind("\n", 0, date.start) + 1
    end = text.find("\n", date.end)
    rest = text[start:date.start] + " " + text[date.end:len(text) if end < 0 else end]
    return len(rest.split()) <= DATELINE_WORDS and not re.search(r"[.!?]", rest)


def province_hints(entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss], *,
                   window: int = 200) -> Callable[[Sequence[int]], str | None]:
    """A function: mention offsets -> the one province named within ``window`` characters of
    them (a PLACE entity that is a province, or a gloss's province), else None (none or
    several different ones). A municipality (Beijing, Tianjin ...) named as a PLACE is a city
    beside the others, no hint (one written right after a name still is: see
    :func:`pipeline.places.context.places_beside`)."""
    marks: list[tuple[int, str]] = [(g.gloss_start, g.province) for g in glosses if g.province]
    cities = load_gloss_lexicon().municipalities  # "Tientsin" near "Mukden" is a city, no hint
    marks += [(e.start, prov) for e in entities if e.label == "PLACE"
              for prov in [province_named(e.canonical)] if prov and prov not in cities]
    marks.sort()
    offsets_only = [o for o, _ in marks]

    def hint(offsets: Sequence[int]) -> str | None:
        found = set()
        for offset in offsets:
            lo = bisect.bisect_left(offsets_only, offset - window)
            hi = bisect.bisect_right(offsets_only, offset + window)
            found.update(p for _, p in marks[lo:hi])
        return found.pop() if len(found) == 1 else None

    return hint


_NEAR = re.compile(r"\s*,?\s*(?:near|outside|not far from|close to)\s+(?:the\s+)?")


def near_place(text: str, end: int, entities: Sequence[EntityRow],
               historical: Mapping[str, HistoricalPlace]) -> str | None:
    """The province of the place written right after a mention ending at ``end`` as "near X"
    ("Hua-hsien near Canton" -> Guangdong): X's bundled gazetteer province (one only), or the
    province X names; None without such a place."""
    m = _NEAR.match(text, end)
    if m is None:
        return None
    for e in entities:
        if e.label == "PLACE" and e.start == m.end():
            hand = historical.get(e.canonical)
            provinces = hand.province.split("|") if hand is not None and hand.province else []
            if len(provinces) == 1:
                return provinces[0]
            return province_named(e.canonical) or None
    return None


def _sentence_anchor(text: str, offset: int, rows: Sequence[PlaceRow],
                     firsts: Sequence[tuple[int, int]]) -> tuple[float, float] | None:
    """The median point of the places the first pass located (county or prefecture level)
    that are mentioned in the sentence of ``offset`` (a span of ``text`` between sentence
    ends or line breaks), or None when there is none or no ``text``. ``firsts``: sorted
    (mention offset, index in ``rows``) of the rows the first pass located."""
    if not text:
        return None
    lo = max(0, offset - _SENTENCE_REACH)  # a book is long: look only this far around
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, offset)]
    start = ends[-1] if ends else lo
    after = _SENTENCE_END.search(text, offset, offset + _SENTENCE_REACH)
    end = after.start() if after else min(len(text), offset + _SENTENCE_REACH)
    lo_i = bisect.bisect_left(firsts, (start, -1))
    hi_i = bisect.bisect_left(firsts, (end, -1))
    return anchor_of([rows[k] for k in sorted({k for _, k in firsts[lo_i:hi_i]})])


_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


_SENTENCE_REACH = 600  # characters before and after a mention searched for its sentence ends
