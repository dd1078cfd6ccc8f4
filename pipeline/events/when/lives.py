"""Years only from a person's life: a carried year outside its actor's life is no year.

An event whose date is not its clause's own (``date_source`` ``running``, ``other_clause`` or
``summary``: the last date of the narrative, another clause's, the body's) takes that year
as a guess. When the event's ``actor1`` or ``actor2`` is a person whose life we know, a guessed year
outside the life cannot be the event's: the year is left blank (:func:`within_lives`; a
blank is better than a wrong year). The check never invents a year and never touches a
date of the event's own clause (a printed "in 928" stays, even against the tables).

Lives come from data, never from the event's sentence:

* ``gazetteer/person_years.csv`` (``canonical,aliases,born,died``): the whole life, born ..
  died (:func:`recorded_lives`);
* a printed span right after a PERSON name in the document ("Yue Fei (1103-1142)", the
  dictionary entry "Li Ts'ung-k'o 李從珂. A.D. 892-936."): a life span; one marked as a reign
  ("(r. 471-499)", "reigned") is skipped, and one after a ruler's title ("Emperor Minh Mang
  (1820-1840)") may be a reign, so it bounds only from above (an emperor may act before his
  reign, seldom after it); a span shorter than :data:`MIN_LIFE_SPAN` years is no life (a
  tenure, an office, a revolt: "Geng Jingzhong (1674–76)") (:func:`printed_lives`).

A name given two different lives (two persons) is not used. Years are astronomical;
:data:`SLACK` years either side allow a Chinese year that ends in the next Western year.
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.events.certainty import undated
from pipeline.records import DateRow, EntityRow, EventRow
from pipeline.rulers import load_ruler_table

#: Years of slack at each end of a life (a 12th lunar month falls in the next Western year).
SLACK = 1
#: Date sources whose year is a guess carried from elsewhere (see :mod:`pipeline.events.when`).
CARRIED = frozenset({"running", "other_clause", "summary", "section"})
#: Characters at most between a PERSON name and its printed span ("李從珂. A.D. ").
_GAP_CHARS = 30
_GAP = re.compile(r"[\s\u3400-\u9fff\uf900-\ufaff.,;:(（]*(?:a\.?\s?d\.?\s*)?", re.IGNORECASE)
_REIGN = re.compile(r"\b(?:r\.|reign|reigned)", re.IGNORECASE)
#: First words of a name that make a printed span possibly a reign ("Emperor Minh Mang").
_RULER_TITLES = frozenset({"emperor", "empress", "king", "queen", "khan", "tsar", "shah",
                           "sultan", "prince", "duke"})

#: Years a printed span after a name needs to be read as a life: a shorter one is a tenure,
#: an office or a campaign ("Geng Jingzhong (1674–76)" in an infobox's list of commanders).
MIN_LIFE_SPAN = 15

#: (first year, last year) of a life; first None: bounded only from above.
Life = tuple[int | None, int]


@lru_cache(maxsize=4)
def recorded_lives(directory: Path) -> dict[str, Life]:
    """Name (canonical and aliases of ``person_years.csv``) -> (born, died), astronomical
    years; a name given two different lives, or the canonical or personal name of a ruler of
    the ruler tables (``rulers.csv``) whose reign is not inside the life, is left out. Empty
    without the file."""
    path = directory / "person_years.csv"
    found: dict[str, set[Life]] = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    life = (int(row["born"]), int(row["died"]))
                except (KeyError, ValueError):
                    continue
                names = [row.get("canonical", "")] + (row.get("aliases") or "").split("|")
                for name in names:
                    name = " ".join(name.split())
                    if name:
                        found.setdefault(name, set()).add(life)
    try:  # a personal name a ruler of other years bore ("Sima Yi", 司馬奕 r. 365-371)
        reigns = [(n, r.reign_start, r.reign_end) for r in load_ruler_table(directory).rulers
                  for n in (r.canonical, r.personal) if n in found]
    except OSError:
        reigns = []
    for name, lo, hi in reigns:
        if any(not (born <= lo and hi <= died + SLACK) for born, died in found[name]
               if born is not None):
            found[name].add((lo, hi))  # another person's years: two lives, the name dropped
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def printed_lives(entities: Sequence[EntityRow], dates: Sequence[DateRow],
                  blocks: Sequence[tuple[str, int]]) -> dict[str, Life]:
    """Canonical name -> life from the printed spans right after PERSON names in the
    document (see the module docstring): ``dates`` sorted by start (a span is a row with
    ``year_end`` after ``year``), ``blocks`` the ``(text, offset)`` paragraphs, offsets
    full-text. A span after a ruler's title bounds only from above (``lo`` None)."""
    starts = [d.start for d in dates]
    block_starts = [off for _, off in blocks]
    found: dict[str, set[Life]] = {}
    for e in entities:
        if e.label != "PERSON" or not e.canonical:
            continue
        i = bisect.bisect_left(starts, e.end)
        if i >= len(dates):
            continue
        d = dates[i]
        if d.year is None or d.year_end is None or d.year_end - d.year < MIN_LIFE_SPAN \
                or d.start - e.end > _GAP_CHARS:
            continue
        k = bisect.bisect_right(block_starts, e.start) - 1
        if k < 0:
            continue
        text, off = blocks[k]
        if d.start - off > len(text):
            continue
        gap = text[e.end - off:d.start - off]
        if "\n" in gap or not _GAP.fullmatch(gap) or _REIGN.search(gap) \
                or _REIGN.match(d.text):
            continue
        before = text[max(0, e.start - off - 20):e.start - off].split()
        words = [*before[-1:], *e.text.split()[:1]]  # "Emperor Minh Mang", "Emperor [Minh Mang]"
        titled = any(w.lower().strip(".,;:") in _RULER_TITLES for w in words)
        life: Life = (None if titled else d.year, d.year_end)
        found.setdefault(e.canonical, set()).add(life)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def outside_life(row: EventRow, lives: Mapping[str, Life]) -> bool:
    """True if ``row``'s year is carried (:data:`CARRIED`) and falls outside the life (with
    :data:`SLACK`) in ``lives`` of its ``actor1`` (who acts, is born or dies) or ``actor2``
    (who is killed, appointed, captured: alive then too)."""
    return whose_life(row, lives) is not None


def whose_life(row: EventRow, lives: Mapping[str, Life]) -> tuple[str, Life] | None:
    """``(name, life)`` of the first of ``row``'s ``actor1``, ``actor2`` whose life (in
    ``lives``, with :data:`SLACK`) the row's carried year falls outside, or None."""
    if row.year is None or row.date_source not in CARRIED:
        return None
    last = row.year_end if row.year_end is not None else row.year
    for name in (row.actor1, row.actor2):
        lo, hi = lives.get(name, (None, None))
        if hi is not None and (row.year > hi + SLACK or (lo is not None and last < lo - SLACK)):
            return name, (lo, hi)
    return None


def no_date(row: EventRow) -> EventRow:
    """``row`` with its date columns blank and its certainty at most ``medium``
    (:func:`pipeline.events.certainty.undated`: its time is not known)."""
    return dataclasses.replace(
        row, year=None, year_end=None, month=None, leap_month=None, day=None, season=None,
        date_start=None, date_end=None, date_precision="", date_text="", date_id=None,
        gregorian_year=None, time_precision=None, date_source="",
        certainty=undated(row.certainty))


def within_lives(rows: Sequence[EventRow], lives: Mapping[str, Life]) -> list[EventRow]:
    """``rows`` with the carried years outside their actor's life blank (:func:`outside_life`):
    "In 928 he set himself up as Emperor. ... he was assassinated" with the "he" read as
    Huang Chao (died 884): not 928."""
    return [no_date(r) if outside_life(r, lives) else r for r in rows]
