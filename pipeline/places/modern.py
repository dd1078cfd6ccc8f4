"""Current places in China (cpca, ``modern_places.csv`` with ``provinces.csv``,
``place_aliases.csv`` and the derived ``name_romanizations.csv``): :func:`geocode` for a modern
name or province, :func:`geocode_name` for a place known by its own current name,
:func:`geocode_gloss` for a text's gloss, :func:`county_homonyms` for the seats a county name
may mean (current, defunct, or CHGIS since 1820)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import (
    _GEOCODABLE_SUFFIXES,
    _SUFFIX_WORDS,
    GAZETTEER,
    Coordinate,
    ModernPlace,
    ModernPlaceIndex,
    PlaceGloss,
    _in_china,
    _one_syllable,
    _province_of,
    _read,
    _seats,
    load_gloss_lexicon,
    name_key,
    province_named,
)
from pipeline.places.historical import load_historical_units, unit_rank
from pipeline.places.world import geocode_world
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


_LEVEL_RANK = {"prefecture": 0, "county": 1, "province": 2}


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


def geocode_gloss(gloss: PlaceGloss, *, index: ModernPlaceIndex | None = None
                  ) -> Coordinate | None:
    """Geocode a gloss: modern, then its fallback, then a place abroad of the modern name
    (GeoNames, :func:`pipeline.places.world.geocode_world`: "present-day Hanoi") when no
    province is given, then (when only a province is given) the
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
    if coord is None and gloss.modern and not gloss.province:
        coord = geocode_world(gloss.modern)  # "Đông Quan (present-day Hanoi)": a city abroad
    if coord is None:
        coord = geocode("", gloss.province, index=index)
    if coord is not None and gloss.relation not in ("at", "in", "part of") \
            and coord.precision != "province":
        coord = replace(coord, precision="near")
    return coord
