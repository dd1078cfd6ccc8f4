"""Places of one spelling and several seats, settled by the other places around them.

Two checks on the place rows the first geocoding pass placed by name alone (``coord_source``
``name:...``; a gloss, the hand gazetteer or a province written beside the name decided the
others):

* **Homonyms in use together.** CHGIS (``historical_places.csv``) gives several seats of the
  name in the running year ("Yancheng" in 1140: 郾城 in Henan, 鹽城 in Jiangsu) and the first
  pass took the current city of that name (no province written near it decided). The seat
  clearly nearest the other places located in the same paragraph (else in the whole
  document) is taken instead
  (:func:`pipeline.places.geocode.geocode_historical` with an anchor: ``coord_source`` ends in
  ``:nearest``, certainty low), or, when it is the same seat, kept at medium certainty.
* **Homonyms of neighbouring centuries.** The name had one seat in the running year, but other
  seats within ``WINDOW_YEARS`` years before or after, of the same unit level when the text
  writes one ("Lingzhou" in 1000: CHGIS has only 令州
  in Guizhou that year; 靈州 in Ningxia is its unit of 618-720 and 1288-): the table may lack
  the unit meant, so the row is medium, never high, and the warning names the other seats.

Both return a ``basis`` (why) per changed row for the ``PLACE_HOMONYM_CHOSEN`` /
``PLACE_COORDINATE_GUESSED`` warnings of :func:`pipeline.places.rows.place_rows_and_warnings`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from pipeline.places.base import _in_china, name_key
from pipeline.places.geocode import (
    _KIND_RANK,
    _SUFFIX_WORDS,
    HISTORICAL_SOURCE,
    HistoricalUnit,
    geocode_historical,
    load_historical_units,
)
from pipeline.places.locate import anchor_of
from pipeline.records import PlaceRow

WINDOW_YEARS = 300  # other seats of a name this close in time make a one-seat pick a guess
SEAT_SPREAD = 0.5  # degrees: units closer than this share a seat
CURRENT_PICK = "the one at the current"  # first-pass basis: the current city among homonyms


def _paragraph_of(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, offset)
    hi = text.find("\n\n", offset)
    return (lo + 1 if lo >= 0 else 0), (hi if hi >= 0 else len(text))


def _units(name: str) -> tuple[HistoricalUnit, ...]:
    """CHGIS units of ``name``; a written "County" keeps counties, "Prefecture" or "City" the
    units above them (as :func:`geocode_historical` reads them)."""
    units = load_historical_units().get(name_key(_SUFFIX_WORDS.sub("", name.strip())), ())
    suffix = _SUFFIX_WORDS.search(name.strip())
    word = suffix.group(1).lower() if suffix else ""
    if word == "county":
        return tuple(u for u in units if _KIND_RANK.get(u.kind) == 2)
    if word in ("prefecture", "city"):
        return tuple(u for u in units if _KIND_RANK.get(u.kind) != 2)
    return units


def _far(lat: float, lon: float, unit: HistoricalUnit) -> bool:
    return abs(unit.latitude - lat) > SEAT_SPREAD or abs(unit.longitude - lon) > SEAT_SPREAD


def _by_name_alone(row: PlaceRow) -> bool:
    parts = row.coord_source.split(":")
    return row.latitude is not None and parts[0] == "name" and row.certainty != "low" \
        and _in_china(row.latitude, row.longitude or 0.0)


def other_seats(name: str, year: int, latitude: float, longitude: float,
                window: int = WINDOW_YEARS) -> list[HistoricalUnit]:
    """CHGIS units named ``name`` whose seat lies away from (``latitude``, ``longitude``)
    (more than ``SEAT_SPREAD`` degrees) and whose years come within ``window`` years of
    ``year``: one per seat, earliest first."""
    out: list[HistoricalUnit] = []
    for unit in sorted(_units(name), key=lambda u: (u.start_year, u.tgaz_id)):
        if unit.start_year - window <= year <= unit.end_year + window \
                and _far(latitude, longitude, unit) \
                and all(_far(u.latitude, u.longitude, unit) for u in out):
            out.append(unit)
    return out


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
        if not _by_name_alone(row) or row.place not in mentions:
            continue
        first = mentions[row.place][0]
        year = year_at(first)
        if year is None:
            continue
        lat, lon = row.latitude or 0.0, row.longitude or 0.0
        if CURRENT_PICK in (basis or {}).get(i, ""):
            anchor = _anchor_near(rows, i, mentions, text, first)
            coord = geocode_historical(row.place, year, anchor=anchor) if anchor else None
            if coord is not None and (abs(coord.latitude - lat) > SEAT_SPREAD
                                      or abs(coord.longitude - lon) > SEAT_SPREAD):
                source = f"name:{coord.source}"
                if coord.precision not in coord.source.split(":"):
                    source += f":{coord.precision}"
                out[i] = replace(row, latitude=coord.latitude, longitude=coord.longitude,
                                 modern="", province=coord.province, coord_source=source,
                                 certainty="low")
                why[i] = (f"CHGIS units named {row.place} at several seats in {year}: the one "
                          f"nearest the places named around it ({coord.province})")
            continue
        if row.certainty != "high" or HISTORICAL_SOURCE not in row.coord_source:
            continue
        alone = geocode_historical(row.place, year)  # the name alone gave this seat
        if alone is None or abs(alone.latitude - lat) > SEAT_SPREAD \
                or abs(alone.longitude - lon) > SEAT_SPREAD:
            continue
        others = other_seats(row.place, year, lat, lon)
        if others:
            named = "; ".join(f"{u.zh} ({u.province or '?'}, {u.start_year}-{u.end_year})"
                              for u in others[:3])
            out[i] = replace(row, certainty="medium")
            why[i] = (f"the one CHGIS unit named {row.place} in use in {year}, but the name had "
                      f"other seats within {WINDOW_YEARS} years ({named}): the table may lack "
                      "the unit meant")
    return out, why


def _anchor_near(rows: Sequence[PlaceRow], i: int, mentions: Mapping[str, Sequence[int]],
                 text: str, offset: int) -> tuple[float, float] | None:
    """The median point of the other rows located at county or prefecture level that have a
    mention in the paragraph of ``offset``; else of all other located rows; None if none."""
    others = [r for j, r in enumerate(rows) if j != i]
    if text:
        lo, hi = _paragraph_of(text, offset)
        near = [r for r in others if any(lo <= o < hi for o in mentions.get(r.place, ()))]
        anchor = anchor_of(near)
        if anchor is not None:
            return anchor
    return anchor_of(others)

