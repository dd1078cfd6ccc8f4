"""A homonym the sentence alone chose, decided again by the sure places of its paragraph.

The earlier passes place a name of several seats by its sentence (a province or place
written beside it) and, when the sentence names nothing, by the name alone or by the median
point of the whole document. A historian reads the paragraph: "the Crown Prince was made to
follow Hong Taiji to the siege of Jinzhou ... brought to Shenyang" (1641) is 錦州 of
Liaoning, not 晉州 of Hebei, the one CHGIS unit of that name in use in 1641 (錦州府 is in
CHGIS only from 1664); "Sangui was ordered to abandon Ningyuan" (1644) beside Datong and
Xuanfu is 寧遠 of Liaoning, not the current Ningyuan county of Hunan; "revolted in Fuzhou"
beside Xiamen and Quanzhou (1674) is Fuzhou of Fujian, not 撫州 of Jiangxi.

:func:`paragraph_seats`: for a row in China placed by its name alone (``coord_source``
``name:...``) below certainty high, the seats of the name are its own point and the CHGIS
units of the name in use within ``SEAT_WINDOW`` years of the running year. The spans asked,
in turn: its sentence, its paragraph, the whole text; in each, the other rows at certainty
``high`` count: provinces (rows located at province level) and anchors (county, prefecture
or city points, :func:`pipeline.places.seats._guides`).

* A span that names the province of the row's own point keeps it (nothing moves).
* A span that names the province of exactly one other seat takes that seat ("revolted in
  Fuzhou" beside "landed in Fujian").
* Else, when one seat is clearly the nearest to the span's anchors (within ``REACH`` degrees
  of one, every seat elsewhere and the row's own point at least ``CLEAR_FACTOR`` times as
  far, distances below ``MIN_DEGREES`` counted as that) and it is not the row's own point,
  the row moves there; when some seat lies within ``REACH`` of the anchors but none is
  clearly nearest, nothing moves; when none does, the next span is asked. On the whole
  text's places (the weakest evidence) only a unit not in use in the running year but
  within ``TEXT_WINDOW`` years of it is taken (:func:`_later_stand_in`).

A moved row is certainty medium (only the text's other places decided), ``coord_source``
ends ``:paragraph-nearest``, and a ``PLACE_HOMONYM_CHOSEN`` warning names the seat left, the
unit taken and the span that decided.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from pipeline.places.base import _in_china
from pipeline.places.historical import HISTORICAL_SOURCE, HistoricalUnit, unit_rank
from pipeline.places.seats import (
    REACH,
    _far,
    _guides,
    _paragraph_of,
    _sentence_bounds,
    _units,
)
from pipeline.records import PlaceRow

SEAT_WINDOW = 100  # years: CHGIS units of the name this near the running year are seats
CLEAR_FACTOR = 1.5  # every other seat at least this many times as far as the nearest one
MIN_DEGREES = 0.5  # distances below this count as this (seats by one anchor are not told apart)


def _eligible(row: PlaceRow) -> bool:
    return row.latitude is not None and row.longitude is not None \
        and row.coord_source.startswith("name:") and row.certainty in ("medium", "low") \
        and _in_china(row.latitude, row.longitude)


_LEVELS = ("sentence", "paragraph", "text")


def _levels(rows: Sequence[PlaceRow], i: int, mentions: Mapping[str, Sequence[int]],
            text: str, offset: int
            ) -> list[tuple[str, list[tuple[float, float]], set[str]]]:
    """[(where, points, provinces)] for the sentence of ``offset``, its paragraph and the
    whole ``text``: the points of the other rows at certainty high that can guide a homonym
    (:func:`pipeline.places.seats._guides`) and the provinces of the rows at certainty high
    located at province level, with a mention in that span."""
    sure = [r for j, r in enumerate(rows) if j != i and r.certainty == "high"
            and r.place != rows[i].place and r.latitude is not None]
    lo, hi = _paragraph_of(text, offset)
    s_lo, s_hi = _sentence_bounds(text, offset, lo, hi)
    out = []
    for where, a, b in zip(_LEVELS, (s_lo, lo, 0), (s_hi, hi, len(text)), strict=True):
        inside = [r for r in sure if any(a <= o < b for o in mentions.get(r.place, ()))]
        out.append((where, [(r.latitude or 0.0, r.longitude or 0.0) for r in inside
                            if _guides(r)],
                    {r.province for r in inside if r.province
                     and ":province" in r.coord_source}))
    return out


def _in_window(unit: HistoricalUnit, year: int) -> bool:
    return unit.start_year - SEAT_WINDOW <= year <= unit.end_year + SEAT_WINDOW


def _seat_at(units: Sequence[HistoricalUnit], best: HistoricalUnit, year: int
             ) -> HistoricalUnit:
    """The unit of ``units`` at ``best``'s seat to name: the highest, nearest in time."""
    seat = [u for u in units if not _far(best.latitude, best.longitude, u)]
    return min(seat, key=lambda u: (unit_rank(u), abs(year - min(max(year, u.start_year),
                                                                  u.end_year)), u.tgaz_id))


def _province_seat(row: PlaceRow, units: Sequence[HistoricalUnit], year: int,
                   provinces: set[str]) -> HistoricalUnit | None:
    """The seat of ``units`` in a province of ``provinces`` (the provinces the span names)
    when it is the only seat there and the row's own province is not named; else None."""
    if not provinces or row.province in provinces:
        return None
    inside = [u for u in units if u.province in provinces
              and _far(row.latitude or 0.0, row.longitude or 0.0, u)]
    if not inside or any(_far(inside[0].latitude, inside[0].longitude, u) for u in inside):
        return None
    return _seat_at(inside, inside[0], year)


def _nearest_seat(row: PlaceRow, units: Sequence[HistoricalUnit], year: int,
                  points: Sequence[tuple[float, float]]) -> tuple[HistoricalUnit | None, bool]:
    """(unit, reached): the unit of ``units`` clearly nearest ``points`` among the units and
    the row's own point, as the module docstring says, else None (also when the row's own
    point is, or shares its seat); ``reached``: some seat lies within ``REACH`` degrees of a
    point (the points had a say: a farther span is not asked)."""
    lat, lon = row.latitude or 0.0, row.longitude or 0.0
    if not units or not points:
        return None, False

    def dist(a: float, b: float) -> float:
        return max(min(math.hypot(a - x, b - y) for x, y in points), MIN_DEGREES)

    best = min(units, key=lambda u: (dist(u.latitude, u.longitude), u.start_year))
    d = dist(best.latitude, best.longitude)
    reached = min(d, dist(lat, lon)) <= REACH
    if d > REACH or not _far(lat, lon, best):
        return None, reached
    rivals = [dist(u.latitude, u.longitude) for u in units
              if _far(best.latitude, best.longitude, u)] + [dist(lat, lon)]
    if min(rivals) < CLEAR_FACTOR * d:
        return None, reached
    return _seat_at(units, best, year), reached


TEXT_WINDOW = 50  # years: a unit the whole text's places pick must start (or end) this near


def _later_stand_in(unit: HistoricalUnit, year: int) -> bool:
    """``unit`` is not in use in ``year`` but within ``TEXT_WINDOW`` years of it: a unit the
    table has just after (or before) the text's date standing in for one it lacks (錦州府 of
    1664 for the Ming's Jinzhou of 1641). Only such a unit may be taken on the whole text's
    places: the earlier passes already weighed the units in use (姑孰 beside 穀熟 in 369), and
    a seat farther in time is another place (成都郡 of Hubei, 310-314, for Chengdu in 221)."""
    gap = max(unit.start_year - year, year - unit.end_year)
    return 0 < gap <= TEXT_WINDOW


def paragraph_seats(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                    year_at: Callable[[int], int | None], text: str,
                    skip: frozenset[str] | set[str] = frozenset()
                    ) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with each homonym the module docstring describes moved to the seat nearest
    the sure places of its sentence, else paragraph, else text, and {row index: why} for
    every row moved (the ``PLACE_HOMONYM_CHOSEN`` basis). ``mentions``: place -> offsets
    into ``text``; ``year_at``: offset -> running year (astronomical) or None; ``skip``: place
    names left as they are (names no entity tagged: a guess for them is refused later). The
    input is not changed; with ``text`` "" nothing moves."""
    out = list(rows)
    why: dict[int, str] = {}
    if not text:
        return out, why
    for i, row in enumerate(rows):
        if not _eligible(row) or row.place in skip or not mentions.get(row.place):
            continue
        first = mentions[row.place][0]
        year = year_at(first)
        if year is None:
            continue
        units = [u for u in _units(row.place) if _in_window(u, year)]
        unit, where, named = None, "", False
        for level, points, provinces in _levels(rows, i, mentions, text, first):
            where = level
            if row.province and row.province in provinces:
                break  # "took Xiamen and Quanzhou" beside "landed in Fujian": 泉州 stays
            unit = _province_seat(row, units, year, provinces)
            named = unit is not None
            if unit is None:
                unit, reached = _nearest_seat(row, units, year, points)
                if unit is None and reached:
                    break  # the span's sure places are near a seat and do not decide
            if unit is not None:
                break
        if unit is None or (where == "text" and not named and not _later_stand_in(unit, year)):
            continue
        level = "county" if unit_rank(unit) == 2 else "prefecture"
        kind = unit.kind.replace(" ", "-")
        source = f"name:{HISTORICAL_SOURCE}:{kind}:{unit.tgaz_id}"
        if level not in source.split(":"):
            source = f"{source}:{level}"
        out[i] = replace(row, latitude=unit.latitude, longitude=unit.longitude, modern="",
                         province=unit.province, certainty="medium",
                         coord_source=f"{source}:paragraph-nearest")
        why[i] = (f"{row.place} had been placed at {row.province or '?'} "
                  f"({row.latitude:.2f}, {row.longitude:.2f}); the CHGIS unit {unit.zh} "
                  f"({unit.province or '?'}, {unit.start_year}-{unit.end_year}) "
                  + (f"is its one seat in a province its {where} names (certainty high)"
                     if named else
                     f"lies clearly nearest the places placed with certainty high in its "
                     f"{where}: only distance decides"))
    return out, why
