"""Years of a life's own events: a birth or death without a year of its own takes the life's.

A person is born once and dies once. When an event row is that person's birth or death
(``birth``: the ``actor1`` is born; ``death``, ``suicide``: the ``actor1`` dies; ``killing``,
``execution``: the ``actor2`` dies), the event is asserted, and the row has no year of its
own sentence (no year, or a carried one: ``date_source`` ``running``, ``other_clause`` or
``summary``), the year is the first (birth) or last (death) year of that person's known life
(:mod:`.lives`: ``gazetteer/person_years.csv`` and the spans printed after the name in the
document; a span after a ruler's title, which may be a reign, gives none), else the year of
the person's birth or death that another event row of the document dates by its own sentence
("Born 904" of an infobox, "Aguda was born in 1068"; one year only, :func:`told_ends`):
``date_source``
``life``, ``date_precision`` ``year``, ``time_precision`` 3, no ``date_id``, certainty at
most ``medium`` (the reading of the actor may be a guess). "When Wanyan Aguda was born, this
cloud was very big": 1068; "reigning from 951 until his death", Guo Wei (904-954): 954.
A year of the event's own sentence is kept (a printed "in 1145" stays, even against the
table), and so is a carried year outside a known life of the row's actors (the reading of
the person, a pronoun's, is then doubtful: :func:`.lives.within_lives` blanks it) or more
than :data:`NEAR_YEARS` from the life's year ("the West King killed 170 people of Zheng He's
fleet" in 1405 is not Zheng He's death in 1433); a carried year near it gives way ("Yue Fei
... was also executed" after 1140: 1142). Never
invents a year: without a known life, nothing changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from pipeline.records import EventRow

from .lives import CARRIED, Life, whose_life

#: Event type -> (the column naming whose life it is, 0 for the life's first year or 1 for
#: its last).
LIFE_ENDS: dict[str, tuple[str, int]] = {
    "birth": ("actor1", 0), "death": ("actor1", 1), "suicide": ("actor1", 1),
    "killing": ("actor2", 1), "execution": ("actor2", 1)}
#: Years at most between a carried year and the life's year that replaces it (farther: the
#: reading of the person as the one born or dying is doubtful, the carried year stays).
NEAR_YEARS = 5
#: ``date_source`` of a year taken from the life of the event's person.
SOURCE = "life"
_LOWER = {"high": "medium"}


#: Name -> (year of birth, year of death), either None when not known.
Ends = dict[str, tuple[int | None, int | None]]


def told_ends(rows: Sequence[EventRow]) -> Ends:
    """Name -> (birth year, death year) from the asserted birth and death rows of one
    document dated by their own sentence (``date_source`` ``sentence``) with one person;
    an end told with two different years is unknown."""
    found: dict[tuple[str, int], set[int]] = {}
    for r in rows:
        ends = LIFE_ENDS.get(r.event_type)
        if ends is None or r.status != "asserted" or r.year is None \
                or r.date_source != "sentence" or r.year_end not in (None, r.year):
            continue
        name = getattr(r, ends[0])
        if name and "; " not in name:
            found.setdefault((name, ends[1]), set()).add(r.year)
    out: Ends = {}
    for (name, end), years in found.items():
        if len(years) == 1:
            pair = list(out.get(name, (None, None)))
            pair[end] = next(iter(years))
            out[name] = (pair[0], pair[1])
    return out


def life_year(row: EventRow, lives: Mapping[str, tuple[int | None, int | None]]
              ) -> int | None:
    """The year of ``row``'s birth or death from the known ends of its person's life
    (``lives``: name -> (born, died), either None; see the module docstring), or None (not a
    life's event, not asserted, a year of its own sentence, or that end not known for a single
    named person)."""
    ends = LIFE_ENDS.get(row.event_type)
    if ends is None or row.status != "asserted" or (
            row.year is not None and row.date_source not in CARRIED):
        return None
    if row.year is not None and whose_life(row, lives) is not None:
        return None  # a carried year outside the life: the reading of the person is doubtful
    name = getattr(row, ends[0])
    if not name or "; " in name:
        return None
    life = lives.get(name)
    year = None if life is None else life[ends[1]]
    if year is not None and row.year is not None and abs(year - row.year) > NEAR_YEARS:
        return None  # "killed 170 people of Zheng He's fleet" (1405): not his death (1433)
    return year


def from_lives(rows: Sequence[EventRow], lives: Mapping[str, Life]) -> list[EventRow]:
    """``rows`` (one document's) with each birth or death without a year of its own sentence
    dated by the person's known life (``lives``, :mod:`.lives`; a life bounded only from above
    gives nothing), else by the document's own dated birth or death of that person
    (:func:`told_ends`); a carried year that already is that year stays."""
    ends: dict[str, tuple[int | None, int | None]] = dict(told_ends(rows))
    ends.update((k, v) for k, v in lives.items() if v[0] is not None)
    out = []
    for r in rows:
        year = life_year(r, ends)
        if year is None or (r.year == year and r.year_end is None):
            out.append(r)
            continue
        out.append(dataclasses.replace(
            r, year=year, year_end=None, month=None, leap_month=None, day=None, season=None,
            date_start=None, date_end=None, date_precision="year", date_text="",
            date_id=None, gregorian_year=None, time_precision=3, date_source=SOURCE,
            certainty=_LOWER.get(r.certainty, r.certainty)))
    return out
