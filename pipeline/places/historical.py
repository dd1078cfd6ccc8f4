"""Historical units (CHGIS/TGAZ, ``historical_places.csv``): the table, unit ranks, and
:func:`geocode_historical`, which reads a name as the unit(s) in use in a year and chooses
among seats (province written nearby, one higher unit, the seat nearest the document's other
places, the unit nearest in time); :func:`historical_seats` counts a name's seats in a year.
Wade–Giles/postal spellings of late-Qing seats come from ``postal_places.csv``."""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import (
    _GEOCODABLE_SUFFIXES,
    _SUFFIX_WORDS,
    Coordinate,
    _one_syllable,
    _read,
    _seats,
    name_key,
)
from pipeline.places.garrison import garrison_units
from pipeline.resources import active_gazetteer_dir


@dataclass(frozen=True)
class HistoricalUnit:
    """One row of ``historical_places.csv`` (CHGIS/TGAZ): a unit of one name, kind and seat."""

    name: str
    zh: str
    kind: str
    province: str
    latitude: float
    longitude: float
    start_year: int
    end_year: int
    tgaz_id: str


HISTORICAL_SOURCE = "chgis-tgaz-2016"


_KIND_RANK = {"county": 2, "county-level district": 2}


# CHGIS "sub-prefecture" holds 散廳 and 散州; a 散廳 (its name ends in 廳) governed no county
_SUB_PREFECTURE_HALL = ("sub-prefecture", "廳")


def unit_rank(unit: HistoricalUnit) -> int:
    """2 for a county-level CHGIS unit (county, county-level district, a sub-prefecture 散廳:
    太湖廳 beside 太湖縣 is no unit above it), else 1."""
    if (unit.kind, unit.zh[-1:]) == _SUB_PREFECTURE_HALL:
        return 2
    return _KIND_RANK.get(unit.kind, 1)


def building_kinds(gazetteer: Path | None = None) -> frozenset[str]:
    """The ``city_part`` words of ``place_gloss_words.csv`` of ``gazetteer`` (None: the active
    one): palace, hall, gate …; a unit of such a kind (``historical_places_extra.csv``: 未央宮
    "Weiyang Palace") is placed at the seat of the county it stood in, precision ``near``
    (events: ``geo_precision`` 2)."""
    return _building_kinds(gazetteer or active_gazetteer_dir())


@lru_cache(maxsize=2)
def _building_kinds(gazetteer: Path) -> frozenset[str]:
    path = gazetteer / "place_gloss_words.csv"
    return frozenset(r["phrase"].lower() for r in (_read(path) if path.is_file() else [])
                     if r["kind"] == "city_part")


_SITE_KINDS = frozenset({"village", "plateau"})
"""Kinds of ``historical_places_extra.csv`` rows placed at the seat of the county they lie in
(Dazexiang 大澤鄉, Bashang 霸上): precision ``near``, as for buildings."""
_REGION_KINDS = frozenset({"circuit", "province", "branch secretariat", "region", "country",
                           "provincial administrative commission", "independent regime"})


class _HistoricalIndex(Mapping[str, tuple[HistoricalUnit, ...]]):
    """name_key -> units of ``historical_places.csv``; rows are parsed on first lookup."""

    def __init__(self, raw: dict[str, list[str]]) -> None:
        self._raw = raw
        self._parsed: dict[str, tuple[HistoricalUnit, ...]] = {}

    def __getitem__(self, key: str) -> tuple[HistoricalUnit, ...]:
        if key not in self._parsed:
            rows = [line.split(",") for line in self._raw[key]]
            self._parsed[key] = tuple(
                HistoricalUnit(r[0], r[1], r[2], r[3], float(r[4]), float(r[5]), int(r[6]),
                               int(r[7]), r[8]) for r in rows)
        return self._parsed[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def load_historical_units(
        gazetteer: Path | None = None) -> Mapping[str, tuple[HistoricalUnit, ...]]:
    """``historical_places.csv`` of ``gazetteer`` (None: the active gazetteer,
    :func:`pipeline.resources.active_gazetteer_dir`); cached per folder."""
    return _load_historical_units(gazetteer or active_gazetteer_dir())


@lru_cache(maxsize=2)
def _load_historical_units(gazetteer: Path) -> Mapping[str, tuple[HistoricalUnit, ...]]:
    """``historical_places.csv`` by name_key of the pinyin stem ({} if the file is absent).
    The file has no quoted fields (the build script writes none), so lines are split on ",".
    Names with an unread character ("?Shi") are left out."""
    path = gazetteer / "historical_places.csv"
    if not path.is_file():
        return {}
    raw: dict[str, list[str]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()[1:] + _extra_lines(gazetteer)
    for line in lines:
        name = line[:line.index(",")]
        if "?" in name:
            continue  # CHGIS marks an unread character with "?": no name to match
        key = name.lower()
        if not key.isalpha():
            key = name_key(name)
        raw.setdefault(key, []).append(line)
    return _HistoricalIndex(raw)


EXTRA_FILE = "historical_places_extra.csv"


def _extra_lines(gazetteer: Path) -> list[str]:
    """The rows of the hand-kept ``historical_places_extra.csv`` (units CHGIS lacks, placed at
    the CHGIS point of their seat county: Liao 應州 and 寰州), as lines of
    ``historical_places.csv``'s nine columns; [] without the file."""
    path = gazetteer / EXTRA_FILE
    if not path.is_file():
        return []
    cols = ("name", "zh", "kind", "province", "latitude", "longitude", "start_year", "end_year",
            "tgaz_id")
    with path.open(encoding="utf-8", newline="") as fh:
        return [",".join(row[c] for c in cols) for row in csv.DictReader(fh)]


def load_postal_places(gazetteer: Path | None = None) -> Mapping[str, tuple[tuple[str, str], ...]]:
    """``postal_places.csv`` of ``gazetteer`` (None: the active gazetteer): name_key of a
    Wade–Giles or postal spelling ("hengchow") -> (name_key of the CHGIS pinyin name, the
    unit's characters) pairs ({} if the file is absent); cached per folder."""
    return _load_postal_places(gazetteer or active_gazetteer_dir())


@lru_cache(maxsize=2)
def _load_postal_places(gazetteer: Path) -> Mapping[str, tuple[tuple[str, str], ...]]:
    path = gazetteer / "postal_places.csv"
    out: dict[str, list[tuple[str, str]]] = {}
    for row in _read(path) if path.is_file() else []:
        pair = (name_key(row["name"]), row["zh"])
        if pair not in out.setdefault(name_key(row["alias"]), []):
            out[name_key(row["alias"])].append(pair)
    return {k: tuple(v) for k, v in out.items()}


_CIRCUIT_WORDS = re.compile(r"\s+(road|circuit)$", re.IGNORECASE)


def geocode_historical(name: str, year: int | None = None, province: str | None = None, *,
                       spread: float = 0.5, strict: bool = False,
                       units: Mapping[str, tuple[HistoricalUnit, ...]] | None = None,
                       anchor: tuple[float, float] | None = None,
                       nearest_year: int = 0) -> Coordinate | None:
    """Coordinates of a historical unit named ``name`` ("Fanyang", "Jiangling Prefecture") from
    CHGIS (``historical_places.csv``), or None.

    With ``year`` (CE) only units in use that year count (if none is, None); with ``province``
    only units in that current province when it has any (with ``strict``, None when it has
    none); a written "County" keeps counties — and commanderies (郡, which translations
    write "County" too) in use in ``year`` more than ``COMMANDERY_GAP`` degrees from every
    county of the name: a name of both is a homonym, decided
    by ``anchor`` only (none in use: the commandery) — "Prefecture" or
    "City" keeps the units above them. A one-syllable name that is no unit's name is read as
    the prefecture (州) of that name, as translations write them ("Hai, Si and other states");
    a written "Road" or "Circuit" (路, 道) keeps circuits ("Hedong Road"). A Wade–Giles or
    postal spelling of a late-Qing seat ("Hengchow", ``postal_places.csv``) reads as the
    units of those characters; in a year none of them is in use, as every unit of its pinyin
    (the spelling writes sounds: "Yung-chou" in 1052 is 邕州 of Guangxi or 永州 of Hunan).
    The remaining seats must lie within ``spread`` degrees of each other, else the name is
    ambiguous: with ``anchor`` (lat, lon: the middle of the document's other located places)
    the seat clearly nearest to it is taken and ``source`` ends in ":nearest" (a guess from
    context); otherwise None is returned. The seat of the highest unit (prefecture or commandery
    before county) is given.
    ``nearest_year`` (years, 0 = off): when no unit of the name is in use in ``year``, the
    units whose years come closest to it, at most that many years before or after, are read
    instead ("Suiyang" in 757: 睢陽郡 ends in 755 in CHGIS); ``source`` then ends in
    ":nearest-year" and ``basis`` names the unit and its years (a guess).
    ``source`` is ``chgis-tgaz-2016:<kind>:<tgaz id>[:nearest][:nearest-year]``; precision
    county | prefecture | region.
    """
    table = load_historical_units() if units is None else units
    name = name.strip()
    circuit = _CIRCUIT_WORDS.search(name)  # "Hedong Road", "Jingxi Circuit": 路/道
    if circuit:
        name = name[:circuit.start()]
    suffix = _SUFFIX_WORDS.search(name)
    if suffix and suffix.group(1).lower() not in _GEOCODABLE_SUFFIXES:
        return None  # "Fuxing Village": the unit named "Fuxing" is another place
    key = name_key(_SUFFIX_WORDS.sub("", name))
    found = table.get(key, ())
    if not found and len(key) <= 6 and " " not in name and _one_syllable(key):
        found = table.get(key + "zhou", ())  # "Hai, Si, Tang and other states": 海州 ...
    if not found:  # "Wei-hai-wei", "Datong Left Guard": the guard (衛) of that name
        found = garrison_units(name, table)
    if not found:  # "Hengchow": 衡州府, 橫州
        found = postal_units(key, year, table)
    if circuit:
        found = tuple(u for u in found if u.kind == "circuit")
    commanderies: tuple[HistoricalUnit, ...] = ()
    if suffix and suffix.group(1).lower() == "county":
        # translations write 郡 "County" too: a commandery far away makes the name a homonym
        commanderies = tuple(u for u in found if u.kind == "commandery")
        found = tuple(u for u in found if unit_rank(u) == 2)
    elif suffix and suffix.group(1).lower() in ("prefecture", "city"):
        found = tuple(u for u in found if unit_rank(u) != 2)
    outside = ""
    if year is not None:
        in_use = tuple(u for u in found if u.start_year <= year <= u.end_year)
        if not in_use and nearest_year > 0:
            in_use = _nearest_in_time(found, year, nearest_year)
            outside = ":nearest-year" if in_use else ""
        found = in_use
        commanderies = tuple(u for u in commanderies if u.start_year <= year <= u.end_year
                             and all(_far(u, c, COMMANDERY_GAP) for c in found))
    else:
        commanderies = ()  # no year: "County" keeps the counties
    homonym = bool(found and commanderies)  # "County": a county, or the commandery (郡)
    found = found + commanderies if found else commanderies
    before = found
    if province:  # a province named nearby, when it holds one of the units (always: strict)
        found = tuple(u for u in found if u.province == province) or (() if strict else found)
    if not found:
        return None
    by_province = len(found) < len(before) and _seats(
        (u.latitude, u.longitude) for u in before) > 1
    lats = [u.latitude for u in found]
    lons = [u.longitude for u in found]
    guessed = level = ""
    if max(lats) - min(lats) > spread or max(lons) - min(lons) > spread:
        higher = () if homonym else _one_higher_seat(found, spread)
        if higher:  # "Lingwu" in 750: 靈武郡, not the county 靈武縣 at another seat
            found, level = higher, higher[0].kind
        else:
            found = _nearest_seat(found, anchor, spread) if anchor is not None else ()
            if not found:
                return None
            guessed = ":nearest"
    best = min(found, key=lambda u: (unit_rank(u), u.kind in _REGION_KINDS,
                                     -(u.end_year - u.start_year), u.tgaz_id))
    precision = "near" if best.kind in building_kinds() or best.kind in _SITE_KINDS else "county" \
        if unit_rank(best) == 2 else ("region" if best.kind in _REGION_KINDS else "prefecture")
    reasons = []
    if outside:
        reasons.append(f"no CHGIS unit named {name} in {year}: the one nearest in time, "
                       f"{best.zh} ({best.start_year}–{best.end_year})")
    if level:
        reasons.append(f"CHGIS units named {name} at several seats: the {level}, above the "
                       "counties of that name")
    if guessed:
        reasons.append(f"CHGIS units named {name} at several seats: the one nearest the "
                       "other places")
    elif by_province:
        reasons.append(f"CHGIS units named {name} at several seats: the one in {province}, "
                       "the province named near it")
    basis = "; ".join(reasons)
    guessed += outside
    return Coordinate(best.latitude, best.longitude,
                      f"{HISTORICAL_SOURCE}:{best.kind.replace(' ', '-')}:{best.tgaz_id}"
                      f"{guessed}",
                      precision, best.name, best.province, basis=basis)


COMMANDERY_GAP = 2.0  # degrees: 建寧郡 (Yunnan) vs 建寧縣 (Hunan) in 225; not 靈武郡/縣 (90 km)


def _far(a: HistoricalUnit, b: HistoricalUnit, spread: float) -> bool:
    """Whether the seats of ``a`` and ``b`` lie more than ``spread`` degrees apart."""
    return abs(a.latitude - b.latitude) > spread or abs(a.longitude - b.longitude) > spread


_ANCHOR_REACH = 6.0  # degrees: farther than this from the document's places is no evidence


def _nearest_seat(found: tuple[HistoricalUnit, ...], anchor: tuple[float, float],
                  spread: float) -> tuple[HistoricalUnit, ...]:
    """The units at the seat nearest ``anchor`` when that seat is clearly the nearest: within
    ``_ANCHOR_REACH`` degrees, and every other seat at least 1.5 times as far; else ()."""
    def dist(u: HistoricalUnit) -> float:
        return math.hypot(u.latitude - anchor[0], u.longitude - anchor[1])

    ranked = sorted(found, key=dist)
    best = ranked[0]
    near = tuple(u for u in ranked if abs(u.latitude - best.latitude) <= spread
                 and abs(u.longitude - best.longitude) <= spread)
    others = [u for u in ranked if u not in near]
    if dist(best) > _ANCHOR_REACH or (others and dist(others[0]) < 1.5 * max(dist(best), 0.5)):
        return ()
    return near


def _one_higher_seat(found: tuple[HistoricalUnit, ...], spread: float
                     ) -> tuple[HistoricalUnit, ...]:
    """The units above county level of ``found`` when they all sit at one seat and every
    other unit is a county (a bare name means the commandery or prefecture rather than a
    county of the same name elsewhere); else ()."""
    higher = tuple(u for u in found if unit_rank(u) != 2
                   and u.kind not in _REGION_KINDS)
    if not higher or len(higher) == len(found) or any(
            u.kind in _REGION_KINDS for u in found) or _seats(
            ((u.latitude, u.longitude) for u in higher), spread) != 1:
        return ()
    return higher


def _nearest_in_time(found: tuple[HistoricalUnit, ...], year: int, reach: int
                     ) -> tuple[HistoricalUnit, ...]:
    """The units of ``found`` whose years lie closest to ``year`` (none of them covering it),
    at most ``reach`` years away; () when none is that close."""
    def gap(u: HistoricalUnit) -> int:
        return u.start_year - year if year < u.start_year else year - u.end_year

    near = [u for u in found if gap(u) <= reach]
    if not near:
        return ()
    least = min(gap(u) for u in near)
    return tuple(u for u in near if gap(u) == least)


QING_START = 1644  # postal spellings name the Qing seats: before, only their sounds count


def postal_units(key: str, year: int | None,
                 table: Mapping[str, tuple[HistoricalUnit, ...]] | None = None
                 ) -> tuple[HistoricalUnit, ...]:
    """The CHGIS units a Wade–Giles or postal spelling (``key``, a name_key: "hengchow")
    reads as (``postal_places.csv``): the units of the characters of its late-Qing seat
    (衡州府 -> 衡州, 衡州府); when ``year`` is before ``QING_START`` (the table's seats are
    those of the Qing) or none of them is in use then, every unit of its pinyin (the spelling
    writes sounds, not characters: "Yung-chou" in 1052 is 邕州 of Guangxi or 永州 of Hunan).
    () for a spelling the table does not know."""
    spelled = load_postal_places()
    if key not in spelled:
        return ()
    units = load_historical_units() if table is None else table

    def of(stem: str, zh: str, u: HistoricalUnit) -> bool:
        return u.zh == zh or (u.zh.startswith(stem) and len(u.zh) <= len(stem) + 1)

    found = tuple(u for pinyin, zh in spelled[key] for u in units.get(pinyin, ())
                  if of(zh[:-1] if zh.endswith(("府", "廳")) else zh, zh, u))
    if year is not None and (year < QING_START or not any(
            u.start_year <= year <= u.end_year for u in found)):
        found = tuple(u for pinyin in dict.fromkeys(p for p, _ in spelled[key])
                      for u in units.get(pinyin, ()))
    return tuple(dict.fromkeys(found))
