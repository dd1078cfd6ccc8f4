"""Places of one spelling and several seats, settled by the other places around them.

Two checks on the place rows the first geocoding pass placed by name alone (``coord_source``
``name:...``; a gloss, the hand gazetteer or a province written beside the name decided the
others):

* **Homonyms in use together.** CHGIS (``historical_places.csv``) gives several seats of the
  name in the running year ("Yancheng" in 1140: 郾城 in Henan, 鹽城 in Jiangsu) and the first
  pass took the current city of that name (no province written near it decided). The seat
  clearly nearest one of the other places located in the same sentence (else paragraph, else
  the whole text) is taken instead (``coord_source`` holds ``:nearest``, certainty low); when
  it is the current city's seat, or no seat is clearly nearest, the row stays medium.
* **A current namesake far from the text's places.** The first pass took a current county or
  city of the name (``name:cpca...``: "Ningyuan" in 1626, Ningyuan county in Hunan), but a
  CHGIS unit of the name in use that year is clearly the nearest to the other places located
  in the sentence (else paragraph, else text) and the current place is ``FAR_FACTOR`` times
  farther from them (寧遠衛 in Liaoning, beside Shenyang and Fushun): the unit is taken
  (``:nearest``, certainty low).
* **Homonyms of neighbouring centuries.** The name had one seat in the running year, but other
  seats within ``WINDOW_YEARS`` years before or after (when one of those is clearly the nearest
  to the places located in the same sentence and the in-year seat
  ``FAR_FACTOR`` times as far, it is taken: "Bianzhou" in 937 beside Kaifeng is 汴州, not
  辯州 in Guangdong; ``:nearest``, low), of the same unit level when the text
  writes one ("Lingzhou" in 1000: CHGIS has only 令州 in Guizhou that year; 靈州 in
  Ningxia is its unit of 618-720 and 1288-): the table may lack the unit meant, so the row
  is medium, never high, and the warning names the other seats. A seat of the same Chinese
  name (another level or seat of one unit, else no homonym) counts too when its years come
  within ``MOVED_YEARS`` of the running year: the name had just moved ("Dingxiang" in 630:
  定襄縣 of Shanxi from 621, but 定襄郡 sat in Inner Mongolia until 617).

* **A province the text names.** The same one-seat pick, when the sentence (else the
  paragraph) names provinces (rows located at province level) and not the province of the
  seat in use, while another seat of the name within ``WINDOW_YEARS`` lies in one of them:
  the seat there nearest in time is taken ("rose at Changyuan" in 874 beside "Henan and
  Shandong": 長垣 of Henan, which CHGIS lacks between 625 and 906, not 昌元 of Sichuan;
  ``:nearest``, low).
* **A name left blank.** A row the two passes left without coordinates takes the CHGIS unit
  of its name within ``BLANK_WINDOW`` years that is clearly the nearest to the places located
  in its sentence ("fled from Woyang to Shouyang" in 548: 壽陽 of Anhui, in CHGIS until 461;
  ``:nearest``, low).

Both return a ``basis`` (why) per changed row for the ``PLACE_HOMONYM_CHOSEN`` /
``PLACE_COORDINATE_GUESSED`` warnings of :func:`pipeline.places.rows.place_rows_and_warnings`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.places.base import _in_china
from pipeline.places.certainty import HAND_PICK
from pipeline.places.historical import (
    HISTORICAL_SOURCE,
    HistoricalUnit,
    geocode_historical,
    unit_rank,
)
from pipeline.places.seats import (  # noqa: F401 (other_seats: the tests' import)
    MOVED_YEARS,
    REACH,
    SEAT_SPREAD,
    WINDOW_YEARS,
    _far,
    _neighbours,
    _paragraph_of,
    _sentence_bounds,
    _units,
    higher_unit_at,
    other_seats,
)
from pipeline.records import PlaceRow

BLANK_WINDOW = 100  # years: a name left blank may take a unit this near in time
CURRENT_PICK = "the one at the current"  # first-pass basis: the current city among homonyms


def _by_name_alone(row: PlaceRow) -> bool:
    parts = row.coord_source.split(":")
    return row.latitude is not None and parts[0] == "name" and row.certainty != "low" \
        and _in_china(row.latitude, row.longitude or 0.0)


def _at_unit(row: PlaceRow, unit: HistoricalUnit) -> PlaceRow:
    """``row`` moved to the CHGIS ``unit`` (low certainty, the unit's id in coord_source)."""
    level = "county" if unit_rank(unit) == 2 else "prefecture"
    kind = unit.kind.replace(" ", "-")
    source = f"name:{HISTORICAL_SOURCE}:{kind}:{unit.tgaz_id}:nearest"
    return replace(row, latitude=unit.latitude, longitude=unit.longitude, modern="",
                   province=unit.province, certainty="low",
                   coord_source=source if level in source.split(":") else f"{source}:{level}")

def settle_homonyms(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                    year_at: Callable[[int], int | None], text: str = "",
                    basis: Mapping[int, str] | None = None
                    ) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` (from the first and second geocoding pass) with homonyms settled as the module
    docstring says, and {row index: why} for every row changed. ``mentions``: place -> the
    offsets of its mentions (into ``text``, which may be "": then the whole document counts as
    one paragraph); ``basis``: {row index: why} of the first pass — only a row whose basis
    says it took the current city among CHGIS homonyms (:data:`CURRENT_PICK`) is re-chosen
    (a province written beside a name decided the others). The input is not changed."""
    out = list(rows)
    why: dict[int, str] = {}
    for i, row in enumerate(rows):
        if row.latitude is None and text and row.place in mentions:
            found = _window_unit(rows, i, mentions, text, year_at)
            if found is not None:  # "fled from Woyang to Shouyang" (548): 壽陽, Anhui
                unit, year = found
                out[i] = _at_unit(row, unit)
                why[i] = (f"no CHGIS unit named {row.place} in use in {year} lies near the "
                          f"places located in its sentence; {_neighbour_unit_note(unit)}")
            continue
        if _nearest_guess(row) and row.place in mentions:
            first = mentions[row.place][0]
            year = year_at(first)
            moved = _other_period_unit(
                row.place, year, row.latitude or 0.0, row.longitude or 0.0,
                _neighbours(rows, i, mentions, text, first, trusted=year), anywhere=True) \
                if year is not None else None
            if moved is not None:  # "Yunzhou" (986) among Liao places: 雲州 of Shanxi
                unit, where = moved
                out[i] = _at_unit(row, unit)
                why[i] = (f"the CHGIS units named {row.place} in use in {year} all lie far "
                          f"from the places located in its {where}; {_named(unit)}, of "
                          "a neighbouring period, lies by them: the table may lack the unit "
                          "of the text's state and years")
            continue
        if HAND_PICK in (basis or {}).get(i, "") and row.place in mentions \
                and row.coord_source.startswith("gazetteer:"):
            moved = _hand_reading_moved(rows, i, mentions, text, year_at)
            if moved is not None:  # "took Qinzhou" (1075) by Thang Long: 欽州, not Tianshui
                out[i], why[i] = moved
            continue
        if not _by_name_alone(row) or row.place not in mentions:
            continue
        first = mentions[row.place][0]
        year = year_at(first)
        if year is None:
            continue
        lat, lon = row.latitude or 0.0, row.longitude or 0.0
        if CURRENT_PICK in (basis or {}).get(i, ""):
            near = _neighbours(rows, i, mentions, text, first, trusted=year)
            if not near[0]:
                near = _neighbours(rows, i, mentions, text, first)
            unit, where = _nearest_unit(row.place, year, near)
            if unit is None:  # none in use that year clearly nearer: one of the window's
                unit, where = _nearer_unit(row.place, year, lat, lon, near)
            if unit is not None and _far(lat, lon, unit):
                out[i] = _at_unit(row, unit)
                why[i] = (f"CHGIS units named {row.place} at several seats in {year}: "
                          f"{_named(unit)}, "
                          f"the one nearest the places named in its {where}")
            continue
        if HISTORICAL_SOURCE not in row.coord_source:
            unit, where = None, ""
            for name in dict.fromkeys((row.place, wg_name_to_pinyin(row.place), row.modern)):
                if name and unit is None:  # "Ch'üan-chou": Quanzhou
                    unit, where = _nearer_unit(name, year, lat, lon,
                                               _neighbours(rows, i, mentions, text, first))
            if unit is not None:
                out[i] = _at_unit(row, unit)
                why[i] = (f"{row.place} was placed by the current place of that name "
                          f"({row.province or '?'}), but the CHGIS unit {_named(unit)} lies "
                          f"much nearer the places named in its {where}")
            continue
        if row.certainty != "high":
            continue
        alone = geocode_historical(row.place, year)  # the name alone gave this seat
        if alone is None or abs(alone.latitude - lat) > SEAT_SPREAD \
                or abs(alone.longitude - lon) > SEAT_SPREAD:
            continue
        parts = row.coord_source.split(":")
        zh = next((u.zh for u in _units(row.place) if u.tgaz_id in parts), "")
        others = other_seats(row.place, year, lat, lon, zh=zh)
        moved = _other_period_unit(row.place, year, lat, lon,
                                   _neighbours(rows, i, mentions, text, first)) if others else None
        if moved is not None:  # "Bianzhou" in 937 beside Kaifeng: 汴州, not 辯州 (Guangdong)
            unit, where = moved
            out[i] = _at_unit(row, unit)
            why[i] = (f"the one CHGIS unit named {row.place} in use in {year} lies far from the "
                      f"places named in its {where}; {_neighbour_unit_note(unit)}")
            continue
        moved = _province_unit(others, year, row.province,
                               _named_provinces(rows, i, mentions, text, first)) \
            if others else None
        if moved is not None:  # "rose at Changyuan" (874) with Henan named: 長垣, not 昌元
            unit, where = moved
            out[i] = _at_unit(row, unit)
            why[i] = (f"the one CHGIS unit named {row.place} in use in {year} lies in "
                      f"{row.province or '?'}, a province its {where} does not name; "
                      f"{_named(unit)}, the "
                      "seat of that name nearest in time in a province it names: the table "
                      "may lack the unit meant")
            continue
        others = other_seats(row.place, year, lat, lon, zh=zh, namesakes=False)
        window = WINDOW_YEARS
        if not others:  # 定襄 in 630: its commandery sat in Inner Mongolia until 617
            others, window = other_seats(row.place, year, lat, lon, zh=zh, moved=MOVED_YEARS,
                                         namesakes=False), MOVED_YEARS
        if others:
            named = "; ".join(_named(u)
                              for u in others[:3])
            out[i] = replace(row, certainty="medium")
            why[i] = (f"the one CHGIS unit named {row.place} in use in {year}, but the name had "
                      f"other seats within {window} years ({named}): the table may lack "
                      "the unit meant")
    return out, why



def _hand_reading_moved(rows: Sequence[PlaceRow], i: int,
                        mentions: Mapping[str, Sequence[int]], text: str,
                        year_at: Callable[[int], int | None]) -> tuple[PlaceRow, str] | None:
    """(row, why) for a hand-gazetteer reading among CHGIS homonyms (basis
    :data:`~pipeline.places.certainty.HAND_PICK`) when a CHGIS unit of the name in use that
    year is clearly the nearest to the trusted places located around it (else any located
    places) and the hand row's point ``FAR_FACTOR`` times as far (:func:`_nearer_unit`):
    the unit, low; else None (also when the sentence, else the paragraph, names the hand
    row's province)."""
    row = rows[i]
    first = mentions[row.place][0]
    year = year_at(first)
    if year is None or row.latitude is None \
            or row.province in _named_provinces(rows, i, mentions, text, first)[0]:
        return None  # "envoys from Jiangsu ... to learn about Yangzhou": 揚州 stays
    near = _neighbours(rows, i, mentions, text, first, trusted=year)
    if not near[0]:
        near = _neighbours(rows, i, mentions, text, first)
    unit, where = _nearer_unit(row.place, year, row.latitude, row.longitude or 0.0, near)
    if unit is None or _seat_outranks(row, unit, year):
        return None
    return _at_unit(row, unit), (
        f"the bundled gazetteer reads {row.place} as {row.modern or '?'} "
        f"({row.province or '?'}), far from the places named in its {where}; the CHGIS unit "
        f"{_named(unit)} in use in {year} lies by them")


def _seat_outranks(row: PlaceRow, unit: HistoricalUnit, year: int) -> bool:
    """The hand reading's point seats a unit above county level in ``year`` (a capital or
    commandery seat: 長安 in 101 BC, seat of 京兆尹) and ``unit`` is a county whose point
    seats nothing above it (昌安縣 of Shandong): the seat of rank keeps the name, whatever
    the other places of the text (:func:`higher_unit_at`)."""
    return unit_rank(unit) == 2 and row.latitude is not None \
        and higher_unit_at(row.latitude, row.longitude or 0.0, year) is not None \
        and higher_unit_at(unit.latitude, unit.longitude, year) is None


def _window_unit(rows: Sequence[PlaceRow], i: int, mentions: Mapping[str, Sequence[int]],
                 text: str, year_at: Callable[[int], int | None]
                 ) -> tuple[HistoricalUnit, int] | None:
    """(unit, year) for a row left without coordinates: the CHGIS unit of its name in use
    within ``BLANK_WINDOW`` years of the running year that is clearly the nearest to the
    places located in the same sentence (:func:`_nearest_unit`); else None. ("Yizhou" in 210
    beside Baqiu is 益州 of Sichuan, which CHGIS has far away, not the 義州 of 502 by Baqiu:
    hence a short window.)"""
    first = mentions[rows[i].place][0]
    year = year_at(first)
    if year is None:
        return None
    found = _neighbours(rows, i, mentions, text, first)
    if found[1] != "sentence" or not found[0]:
        return None
    unit, _ = _nearest_unit(rows[i].place, year, found, window=BLANK_WINDOW)
    return (unit, year) if unit is not None else None


def _named_provinces(rows: Sequence[PlaceRow], i: int, mentions: Mapping[str, Sequence[int]],
                     text: str, offset: int) -> tuple[set[str], str]:
    """(provinces, where): the current provinces the sentence of ``offset`` names as places
    (rows located at province level), else those its paragraph names; (set(), "") when
    neither names one or ``text`` is ""."""
    if not text:
        return set(), ""
    lo, hi = _paragraph_of(text, offset)
    s_lo, s_hi = _sentence_bounds(text, offset, lo, hi)
    for where, a, b in (("sentence", s_lo, s_hi), ("paragraph", lo, hi)):
        named = {r.province for j, r in enumerate(rows) if j != i and r.province
                 and ":province" in r.coord_source
                 and any(a <= o < b for o in mentions.get(r.place, ()))}
        if named:
            return named, where
    return set(), ""


def _province_unit(others: Sequence[HistoricalUnit], year: int, province: str,
                   named: tuple[set[str], str]) -> tuple[HistoricalUnit, str] | None:
    """For a name whose one unit in use in ``year`` lies in ``province``: when the text
    names provinces (``named``, from :func:`_named_provinces`) and not that one, the seat of
    ``others`` (units of the name in neighbouring centuries) in a named province whose years
    come nearest to ``year`` (strictly nearer than any other there); else None."""
    provinces, where = named
    if not provinces or province in provinces:
        return None
    inside = [u for u in others if u.province in provinces]

    def gap(u: HistoricalUnit) -> int:
        return max(u.start_year - year, year - u.end_year, 0)

    ranked = sorted(inside, key=gap)
    if not ranked or (len(ranked) > 1 and gap(ranked[1]) == gap(ranked[0])):
        return None
    return ranked[0], where


def _named(unit: HistoricalUnit) -> str:
    """A CHGIS unit as the warnings name it: "雲州 (Shanxi, 1214-1287)"."""
    return f"{unit.zh} ({unit.province or '?'}, {unit.start_year}-{unit.end_year})"


def _neighbour_unit_note(unit: HistoricalUnit) -> str:
    """The warning's tail for a unit of a neighbouring period chosen beside the text's places."""
    return (f"{_named(unit)}, of a neighbouring period, lies by them: the table may lack the "
            "unit meant")


def _nearest_guess(row: PlaceRow) -> bool:
    """A row the second pass placed at the CHGIS homonym nearest the document's places
    (certainty low, ``coord_source`` "name:<CHGIS>:...:nearest")."""
    parts = row.coord_source.split(":")
    return row.latitude is not None and row.certainty == "low" and parts[0] == "name" \
        and HISTORICAL_SOURCE in parts and "nearest" in parts


def _other_period_unit(name: str, year: int, lat: float, lon: float,
                       found: tuple[list[tuple[float, float]], str], anywhere: bool = False
                       ) -> tuple[HistoricalUnit, str] | None:
    """For a name whose one CHGIS unit in use in ``year`` lies at (``lat``, ``lon``): a unit of
    the name within ``WINDOW_YEARS`` years that is clearly the nearest to the places located in
    the same sentence (``found``, from :func:`_neighbours`), the in-year seat being
    at least ``FAR_FACTOR`` times as far from them; else None. ``anywhere``: the points of
    the paragraph or text count too (for a row already a guess: a low ":nearest" pick)."""
    points, where = found
    if (where != "sentence" and not anywhere) or not points:  # a paragraph's places may be
        return None  # far ("rose at Fanyang" among places of Henan): the sentence decides
    unit, _ = _nearest_unit(name, year, found, window=WINDOW_YEARS)
    if unit is None or not _far(lat, lon, unit):
        return None

    def dist(a: float, b: float) -> float:
        return min(math.hypot(a - x, b - y) for x, y in points)

    if dist(lat, lon) < FAR_FACTOR * max(dist(unit.latitude, unit.longitude), 0.5):
        return None
    return unit, where


FAR_FACTOR = 3.0  # a current namesake this many times farther than a CHGIS seat gives way


def _nearer_unit(name: str, year: int, lat: float, lon: float,
                 found: tuple[list[tuple[float, float]], str]
                 ) -> tuple[HistoricalUnit | None, str]:
    """For a place located by its current namesake at (``lat``, ``lon``): the CHGIS unit of
    ``name`` in use in ``year`` that is clearly the nearest to the neighbour points (as
    :func:`_nearest_unit`) when that current place is far (more than ``SEAT_SPREAD``) from
    it and at least ``FAR_FACTOR`` times as far from the neighbours; else (None, where)."""
    unit, where = _nearest_unit(name, year, found)
    if unit is None:  # 寧遠衛 (1626) is in CHGIS only as 寧遠州 from 1664: a unit of the window
        unit, where = _nearest_unit(name, year, found, window=WINDOW_YEARS // 3)
    points = found[0]
    if unit is None or not points or not _far(lat, lon, unit):
        return None, where

    def dist(a: float, b: float) -> float:
        return min(math.hypot(a - x, b - y) for x, y in points)

    if dist(lat, lon) < FAR_FACTOR * max(dist(unit.latitude, unit.longitude), 0.5):
        return None, where
    return unit, where


def _nearest_unit(name: str, year: int,
                  found: tuple[list[tuple[float, float]], str], window: int = 0
                  ) -> tuple[HistoricalUnit | None, str]:
    """The CHGIS unit of ``name`` in use in ``year`` whose seat is clearly the nearest to one
    of the neighbour points (within ``REACH`` degrees; every other seat at least 1.5 times as
    far), the highest unit at that seat; (None, where) when none is. ``window``: units in use
    that many years before or after ``year`` count too."""
    points, where = found
    units = [u for u in _units(name) if u.start_year - window <= year <= u.end_year + window]
    if not points or not units:
        return None, where

    def dist(u: HistoricalUnit) -> float:
        return min(math.hypot(u.latitude - a, u.longitude - b) for a, b in points)

    ranked = sorted(units, key=dist)
    best = ranked[0]
    others = [u for u in ranked if _far(best.latitude, best.longitude, u)]
    if dist(best) > REACH or (others and dist(others[0]) < 1.5 * max(dist(best), 0.5)):
        return None, where
    seat = [u for u in ranked if not _far(best.latitude, best.longitude, u)]
    return min(seat, key=lambda u: (unit_rank(u), u.tgaz_id)), where
