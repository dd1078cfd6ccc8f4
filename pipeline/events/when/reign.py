"""Years from a reign: "During his reign, he made many reformations" dates by the ruler's reign.

An event without a year (``date_source`` "") whose sentence tells its time before the trigger
as the reign of a ruler named only by a possessive ("During his reign, ...", "under her
reign", "throughout his reign") happened within that reign: it takes the reign's years as a
range (``year`` .. ``year_end``, ``date_precision`` ``range``, ``date_source`` ``reign``,
``time_precision`` 3, no ``date_id``, ``certainty`` low). The ruler is the ``actor1`` of the
sentence's events (the pronoun's reading); the sentence must name exactly one actor whose reign
the tables know:

* ``rulers.csv`` (sanmiao's ruler tables): a reign whose English ``canonical`` name, personal
  name or romanization the actor's name is (the name's :func:`pipeline.eras.era_key`), when
  the name picks one reign;
* the era tables (``eras*.csv``): a ruler known by his only era ("Emperor Minh Mang" = the
  Minh Mạng era, 1820-1840), when the name picks one era and the era's ruler has no other.

Both readings must agree (within a year: an era starts the year after the accession); the
ruler tables' years are taken. A named reign ("under Gia Long's reign") is a date of the date stage
already; a row with a year keeps it. Never invents a year: without a known reign, no year.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.eras import era_key, load_era_table
from pipeline.records import EventRow
from pipeline.rulers import load_ruler_table

#: "During his reign", "under her own reign", "throughout his reign", "in his reign".
REIGN_PHRASE = re.compile(r"\b(?:during|under|in|throughout)\s+(?:his|her)\s+(?:own\s+)?reign\b",
                          re.IGNORECASE)
#: Titles dropped from an actor's name before the lookup ("Emperor Minh Mang").
_TITLES = frozenset({"emperor", "empress", "king", "queen", "khan", "the"})

#: Years an era may start after its ruler's accession (the year after) or end apart from it.
_ERA_LAG = 1
#: (first year, last year) of a reign, astronomical.
Reign = tuple[int, int]


def _name_key(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _TITLES]
    return era_key(" ".join(words)) if words else ""


@lru_cache(maxsize=4)
def known_reigns(directory: Path) -> tuple[dict[str, Reign], dict[str, Reign]]:
    """``(by ruler, by era)``: name key -> reign from the ruler tables and from the eras of
    rulers with one era (see the module docstring); a key naming two reigns is left out."""
    by_ruler: dict[str, set[Reign]] = {}
    try:
        rulers = load_ruler_table(directory).rulers
    except OSError:
        rulers = ()
    for r in rulers:
        for name in {r.canonical, r.personal, *r.romanizations}:
            key = _name_key(name) if name else ""
            if key:
                by_ruler.setdefault(key, set()).add((r.reign_start, r.reign_end))
    by_era: dict[str, set[Reign]] = {}
    try:
        eras = load_era_table(directory).eras
    except OSError:
        eras = ()
    count: dict[tuple[str, str], int] = {}
    for e in eras:
        if e.ruler:
            count[(e.dynasty, e.ruler)] = count.get((e.dynasty, e.ruler), 0) + 1
    for e in eras:
        one = bool(e.ruler) and count[(e.dynasty, e.ruler)] == 1
        for name in {e.name, *e.romanizations}:
            key = era_key(name)
            if key:  # an era of a ruler with more eras: that key names no whole reign
                by_era.setdefault(key, set()).add((e.start_year, e.end_year) if one
                                                  else (0, -1))
    return ({k: next(iter(v)) for k, v in by_ruler.items() if len(v) == 1},
            {k: next(iter(v)) for k, v in by_era.items() if len(v) == 1 and (0, -1) not in v})


def reign_of(name: str, directory: Path) -> Reign | None:
    """The reign of the ruler called ``name`` (an ``actor1``), or None when the tables do not
    know it, know two, or the ruler and era readings disagree."""
    key = _name_key(name)
    if not key:
        return None
    by_ruler, by_era = known_reigns(directory)
    ruler, era = by_ruler.get(key), by_era.get(key)
    if ruler is not None and era is not None and (abs(ruler[0] - era[0]) > _ERA_LAG
                                                  or abs(ruler[1] - era[1]) > _ERA_LAG):
        return None  # two readings of the name
    return ruler or era


def _trigger_at(row: EventRow) -> int:
    k = row.text.find(row.trigger) if row.trigger else -1
    return row.start + k if k >= 0 else row.start


def within_reign(rows: Sequence[EventRow], sentence_starts: Sequence[int],
                 blocks: Sequence[tuple[str, int]], directory: Path) -> list[EventRow]:
    """``rows`` (one document's) with each undated row whose sentence tells its time before
    the trigger as "his reign" dated by that reign (see the module docstring).
    ``sentence_starts``: full-text start of every sentence; ``blocks``: ``(text, offset)``
    paragraphs; ``directory``: the gazetteer folder."""
    if not any(r.year is None for r in rows):
        return list(rows)
    sents = sorted(sentence_starts)
    block_starts = [off for _, off in blocks]
    by_sentence: dict[int, list[int]] = {}
    for i, r in enumerate(rows):
        k = bisect.bisect_right(sents, _trigger_at(r)) - 1
        by_sentence.setdefault(k, []).append(i)
    out = list(rows)
    for k, members in by_sentence.items():
        if k < 0 or not any(rows[i].year is None for i in members):
            continue
        b = bisect.bisect_right(block_starts, sents[k]) - 1
        if b < 0:
            continue
        text, off = blocks[b]
        end = sents[k + 1] if k + 1 < len(sents) else off + len(text)
        sentence = text[sents[k] - off:min(end, off + len(text)) - off]
        phrase = REIGN_PHRASE.search(sentence)
        if phrase is None:
            continue
        names = {rows[i].actor1 for i in members if rows[i].actor1 and "; " not in rows[i].actor1}
        reigns = {reign_of(n, directory) for n in names}
        if len(reigns) != 1 or None in reigns:
            continue
        lo, hi = next(iter(reigns))  # type: ignore[misc]
        at = sents[k] + phrase.start()
        for i in members:
            r = rows[i]
            if r.year is not None or _trigger_at(r) < at:
                continue
            out[i] = dataclasses.replace(
                r, year=lo, year_end=hi, date_precision="range", date_text=phrase.group(0),
                date_source="reign", time_precision=3, certainty="low")
    return out
