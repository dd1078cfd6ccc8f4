"""Places known only by their name: the first geocoding pass and the second one, made near
the document's other located places (every second-pass result is a guess and says so)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from pipeline.places.alternates import geocode_alternate
from pipeline.places.base import (
    Coordinate,
    ModernPlace,
    ModernPlaceIndex,
    _in_china,
    _seats,
    name_key,
    province_named,
)
from pipeline.places.context import load_place_words, name_part, strip_qualifier
from pipeline.places.features import geocode_feature
from pipeline.places.historical import geocode_historical, load_historical_units
from pipeline.places.modern import (
    _LEVEL_RANK,
    _candidates,
    _coordinate,
    county_homonyms,
    geocode,
    geocode_name,
    load_modern_places,
)
from pipeline.places.oldspell import locate_old_spelling
from pipeline.places.seats_in_use import historical_seats
from pipeline.places.world import geocode_world
from pipeline.records import PlaceRow

# years: a CHGIS unit this close in time may stand for the name (CHGIS dates many units by
# time slices: 睢陽郡 ends in 755, the Qing layer in 1911); farther is another period
NEAREST_YEAR_REACH = 20
#: degrees: the one CHGIS seat of a name in other years than the running year is taken only
#: this near the document's other places ("Yecheng" in 580, among places of Hebei, Shaanxi
#: and Jiangsu, is 鄴城, which CHGIS lacks, not 葉城縣 of Xinjiang, 1911: 35 degrees away)
OTHER_YEARS_REACH = 10.0


def _feature_name(name: str) -> str:
    """The pinyin place name a mountain or pass name is written as ("Mount Tai" -> "Taishan",
    "Tong Pass" -> "Tongguan"), else "". The endings are the values of the ``feature`` rows of
    ``place_gloss_words.csv`` ("mountain" -> shan); a feature word without one ("Street")
    names no county."""
    endings = load_place_words().features
    words = name.split()
    if len(words) == 2 and words[0].lower() == "mount" and endings.get("mount"):
        return words[1] + endings["mount"]
    if len(words) == 2 and endings.get(words[1].lower()):
        return words[0] + endings[words[1].lower()]
    return ""


def anchor_of(rows: Sequence[PlaceRow]) -> tuple[float, float] | None:
    """The median point of the rows located at county or prefecture level in China (the upper
    median of an even count), or None when there is none."""
    points = sorted((r.latitude, r.longitude) for r in rows
                    if r.latitude is not None and r.longitude is not None
                    and any(f":{p}" in r.coord_source or r.coord_source.endswith(p)
                            for p in ("county", "prefecture"))
                    and _in_china(r.latitude, r.longitude))
    if not points:
        return None
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def locate_name(name: str, year: int | None, near: str | None, index: ModernPlaceIndex | None,
                 anchor: tuple[float, float] | None, *, second: bool = False,
                 prefecture: str = "") -> tuple[Coordinate | None, str, str]:
    """(coordinate, modern name, coord_source prefix) of a place known only by its name.

    First pass: a CHGIS unit in use in ``year``, a current county or city
    (homonyms filtered by the province ``near``), a CHGIS unit of any year when the year is
    unknown, a place abroad. Second pass (``second``, for names the first pass left without
    coordinates; ``anchor`` is the median point of the located ones, or None; every result is
    a guess and says so in its source): CHGIS homonyms
    decided by the seat nearest the document's other places (":nearest"), the one seat of a
    CHGIS name in other years (":other-years"; within ``OTHER_YEARS_REACH`` degrees of
    ``anchor``), the CHGIS unit nearest in time when none is
    in use in ``year`` (at most ``NEAREST_YEAR_REACH`` years away: ":nearest-year"), a
    current name outside the province named nearby (":outside-hint"), a town of Taiwan
    within 2 degrees of them (GeoNames), a mountain or pass by the county named after it
    (":feature", precision near), a name after a direction word ("Eastern Liaoning
    Province": ":qualified", precision region), a name in an older romanization
    ("Kai-fong": ":old-spelling", :mod:`pipeline.places.oldspell`).
    ``prefecture``: adcode prefix of a prefecture-level city written beside the name (its
    current counties win).
    """
    modern_first = name.lower().endswith(" city")  # "Hanzhong City": today's city
    if not second:
        coord = geocode_historical(name, year, near) \
            if year is not None and not modern_first else None
        if coord is None:
            coord = geocode_name(name, near, index=index, prefecture=prefecture)
            seats = historical_seats(name, year, near) \
                if coord is not None and year is not None and not modern_first else []
            if coord is not None and len(seats) > 1:  # several units of that name that year
                if not any(abs(coord.latitude - a) <= 0.5 and abs(coord.longitude - b) <= 0.5
                           for a, b in seats):
                    return None, "", "name"  # the current place was none of them
                coord = replace(coord, basis=(
                    f"{len(seats)} CHGIS units named {name} in {year}: the one at the current "
                    f"{coord.matched}"))
            if coord is not None:
                return coord, coord.matched, "name"
        if coord is None and (year is None or modern_first) and (
                near or county_homonyms(name, index) < 2):  # "Hua County": 滑县, 華縣 ...
            coord = geocode_historical(name, None, near)
        if coord is not None:
            return coord, "", "name"
        coord = geocode_world(name)
        if coord is None:  # an older or foreign name of a city ("Port Arthur", "Pusan")
            coord = geocode_alternate(name)
            return coord, coord.matched if coord else "", "world"
        return coord, "", "world"
    if year is not None:
        coord = geocode_historical(name, year, near, anchor=anchor)
        if coord is not None:
            return coord, "", "name"
        coord = geocode_historical(name, None, near)  # one seat whatever the years
        if coord is not None and _close(coord, anchor, reach=OTHER_YEARS_REACH):
            return _tagged(coord, "other-years"), "", "name"
        coord = geocode_historical(name, year, near, anchor=anchor,
                                   nearest_year=NEAREST_YEAR_REACH)
        if coord is not None:  # "Suiyang" in 757: the commandery CHGIS ends in 755
            return coord, "", "name"
    if near:
        coord = geocode_name(name, None, index=index)
        if coord is not None and _close(coord, anchor):
            return _tagged(coord, "outside-hint"), coord.matched, "name"
    coord = nearest_current(name, anchor, index)
    if coord is not None:  # "Chien-shan" (1854, beside Anhui places): 潜山, not 千山 or 尖山
        return coord, coord.matched, "name"
    coord = geocode_world(name, inside_china=True) if anchor is not None else None
    # a town of Taiwan (GeoNames) near the other places; farther (across the strait) only when
    # no CHGIS unit of any year bears the name (no mainland homonym known)
    reach = 2.0 if name_key(strip_qualifier(name) or name) in load_historical_units() else 4.0
    if coord is not None and _close(coord, anchor, reach=reach):
        return coord, "", "world"
    feature = _feature_name(name)
    ending = next((e for e in set(load_place_words().features.values())
                   if e and feature.endswith(e)), "")
    coord = geocode_feature(feature, ending, index or load_modern_places()) if ending else None
    if coord is not None:  # "Tong Pass": 潼關, not 铜官 or 同官 (the pass character)
        return coord, coord.matched, "name"
    if feature:
        coord = geocode_name(feature, near, index=index) or (
            geocode_historical(feature, year, near, anchor=anchor) if year is not None
            else None)
        if coord is not None:
            coord = replace(coord, source=f"{coord.source}:feature", precision="near")
            return coord, coord.matched, "name"
    bare = strip_qualifier(name)
    if bare != name and name_part(bare):  # "Eastern Liaoning Province": part of a region
        province = province_named(bare)
        coord = geocode("", province, index=index) if province else locate_name(
            bare, year, near, index, None)[0]
        if coord is not None:
            coord = replace(coord, source=f"{coord.source}:qualified", precision="region")
            return coord, "", "name"
    coord = locate_old_spelling(name, year, near, index, anchor, NEAREST_YEAR_REACH)
    if coord is not None:  # "Kai-fong" (Boulger, 1881): Kaifeng
        return coord, coord.matched, "name"
    return None, "", "name"


ANCHOR_REACH = 6.0  # degrees: a seat farther than this from the other places is no evidence
CLEARLY = 1.5  # every other seat at least this many times as far as the nearest


def nearest_current(name: str, anchor: tuple[float, float] | None,
                    index: ModernPlaceIndex | None = None) -> Coordinate | None:
    """The current county or prefecture (cpca, with its Wade–Giles and postal spellings)
    named ``name`` whose seat is clearly the nearest to ``anchor`` (lat, lon: the middle of the
    document's other located places) when the name has several seats: within
    ``ANCHOR_REACH`` degrees, every other seat at least ``CLEARLY`` times as far. ``source``
    ends in ":nearest" (a guess); None when there is no anchor, one seat or no clear one."""
    if anchor is None:
        return None
    idx = index or load_modern_places()
    found = [p for p in _candidates(name, None, idx)
             if p.level != "province" and _in_china(p.latitude, p.longitude)]
    if _seats((p.latitude, p.longitude) for p in found) < 2:
        return None

    def dist(p: ModernPlace) -> float:
        return math.hypot(p.latitude - anchor[0], p.longitude - anchor[1])

    ranked = sorted(found, key=lambda p: (dist(p), _LEVEL_RANK.get(p.level, 3), p.adcode))
    best = ranked[0]
    others = [p for p in ranked if abs(p.latitude - best.latitude) > 0.5
              or abs(p.longitude - best.longitude) > 0.5]
    if dist(best) > ANCHOR_REACH or dist(others[0]) < CLEARLY * max(dist(best), 0.5):
        return None
    coord = _coordinate(best, idx)
    return replace(coord, source=f"{coord.source}:nearest", basis=(
        f"{1 + _seats((p.latitude, p.longitude) for p in others)} current places named "
        f"{name}: {best.name} ({best.province}), the one nearest the document's other places"))


def _tagged(coord: Coordinate, tag: str) -> Coordinate:
    return replace(coord, source=f"{coord.source}:{tag}")


def far_other_years_seat(name: str, near: str | None,
                         anchor: tuple[float, float] | None) -> str:
    """Why a name is left without coordinates when its one CHGIS seat (of other years than
    the running year) lies farther than ``OTHER_YEARS_REACH`` degrees from ``anchor`` (the
    middle of the document's other located places); "" when it has no such seat."""
    coord = geocode_historical(name, None, near)
    if coord is None or anchor is None or _close(coord, anchor, reach=OTHER_YEARS_REACH):
        return ""
    return (f"the one CHGIS seat of that name ({coord.matched or name}, "
            f"{coord.province or '?'}, {coord.latitude:.2f}, {coord.longitude:.2f}) is of "
            f"other years than the text's and lies more than {OTHER_YEARS_REACH:.0f} degrees "
            f"from the document's other places ({anchor[0]:.2f}, {anchor[1]:.2f})")


def _close(coord: Coordinate, anchor: tuple[float, float] | None, reach: float = 5.0) -> bool:
    return anchor is None or (abs(coord.latitude - anchor[0]) <= reach
                              and abs(coord.longitude - anchor[1]) <= reach)
