"""Shared place types, the gloss word lists, province names (``provinces.csv``), and the name
forms (unit words, one pinyin syllable) and seat counting the geocoders share."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.resources import gazetteer_dir

GAZETTEER = gazetteer_dir()

# China's bounding box (degrees): every coordinate we emit must lie inside it.
CHINA_BBOX = (18.0, 54.0, 73.0, 135.0)


@dataclass(frozen=True)
class PlaceGloss:
    """A gloss the text gives after a place name.

    ``place``/``start``/``end``: the historical name as written and its offsets. ``modern``: the
    modern locality named ("Datong", "Huaxian County"; "" when only a province is given).
    ``relation``: at | in | part of | near | north of | southwest of ... . ``province``: the
    normalised province ("Shaanxi"), or "". ``fallback``: a containing or anchor locality to
    geocode when ``modern`` is unknown ("Suxian County" in "Fuliji, Suxian County, Anhui").
    ``gloss_start``/``gloss_end``: offsets of the gloss: the parenthesis, brackets included, or
    for a gloss without brackets (", now Lingwu, Ningxia") from the comma to its last word.
    """

    place: str
    start: int
    end: int
    modern: str
    relation: str
    province: str
    gloss_start: int
    gloss_end: int
    fallback: str = ""


@dataclass(frozen=True)
class Coordinate:
    """A geocoding result. ``precision``: county | prefecture | province | near.

    ``basis``: "" when the name matched one place (or several at one seat); otherwise why this
    one was chosen among homonyms ("the one in Henan, the province named beside it"): the
    place row's ``certainty`` is then below high and a warning row names the choice.
    """

    latitude: float
    longitude: float
    source: str
    precision: str
    matched: str = ""
    province: str = ""
    country: str = ""  # ISO 3166 code of a place outside China (world_places.csv), else ""
    basis: str = ""


@dataclass(frozen=True)
class ModernPlace:
    """One row of ``modern_places.csv``."""

    name: str
    name_zh: str
    level: str
    province: str
    latitude: float
    longitude: float
    suffix: str
    adcode: str
    source: str


@dataclass(frozen=True)
class GlossLexicon:
    """Words used to read glosses; keys are lower-case."""

    markers: tuple[str, ...]
    relations: tuple[tuple[str, str], ...]  # (phrase, relation), longest phrase first
    directions: Mapping[str, str]
    suffixes: frozenset[str]
    skips: frozenset[str]
    rejects: frozenset[str]
    provinces: Mapping[str, str]  # lower-case variant (no spaces/hyphens) -> province
    municipalities: frozenset[str] = frozenset()  # provinces that are also cities (Beijing)
    distance_units: frozenset[str] = frozenset()  # "kilometers", "li": "2 km south of X"
    heads: frozenset[str] = frozenset()  # last words of X in "X of Y, now Z": "Baiju Field"


@dataclass(frozen=True)
class ModernPlaceIndex:
    """Modern places by normalised key, aliases by (key, province)."""

    by_key: Mapping[str, tuple[ModernPlace, ...]]
    provinces: Mapping[str, ModernPlace]
    province_kind: Mapping[str, str]
    aliases: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def name_key(name: str) -> str:
    """Normalised lookup key: lower case, letters only ("Xi'an" -> "xian")."""
    return re.sub(r"[^a-z]", "", name.lower())


@lru_cache(maxsize=2)
def load_gloss_lexicon(gazetteer: Path = GAZETTEER) -> GlossLexicon:
    """Read ``place_gloss_words.csv`` and ``provinces.csv``."""
    rows = _read(gazetteer / "place_gloss_words.csv")
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append((row["phrase"].lower(), row["value"]))
    provinces: dict[str, str] = {}
    municipalities = set()
    for row in _read(gazetteer / "provinces.csv"):
        if row["kind"] == "municipality":
            municipalities.add(row["province"])
        for variant in [row["province"], *row["variants"].split(";")]:
            if variant.strip():
                provinces[name_key(variant)] = row["province"]
    return GlossLexicon(
        markers=tuple(sorted((p for p, _ in by_kind.get("marker", [])), key=len, reverse=True)),
        relations=tuple(sorted(by_kind.get("relation", []), key=lambda r: -len(r[0]))),
        directions=dict(by_kind.get("direction", [])),
        suffixes=frozenset(p for p, _ in by_kind.get("suffix", [])),
        skips=frozenset(p for p, _ in by_kind.get("skip", [])),
        rejects=frozenset(p for p, _ in by_kind.get("reject", [])),
        provinces=provinces,
        municipalities=frozenset(municipalities),
        distance_units=frozenset(p for p, _ in by_kind.get("distance_unit", [])),
        heads=frozenset(p for kind in ("head", "feature", "suffix")
                        for p, _ in by_kind.get(kind, [])),
    )



def _province_of(part: str, lex: GlossLexicon) -> str:
    words = [w for w in part.split() if w.lower() not in lex.suffixes]
    return lex.provinces.get(name_key(" ".join(words)), "") if words else ""


def _in_china(lat: float, lon: float) -> bool:
    lat_min, lat_max, lon_min, lon_max = CHINA_BBOX
    return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def province_named(name: str) -> str:
    """The province a place name is ("Hubei Province", "Honan" -> "Henan"), else ""."""
    return _province_of(name, load_gloss_lexicon()) if name.strip() else ""


# ---------------------------------------------------------------- name forms, seats


_SUFFIX_WORDS = re.compile(
    r"\s+(county|city|town|township|district|prefecture|province|village|municipality)$",
    re.IGNORECASE)


# written unit words after which the bare name is still the unit's name ("Luoyang City")
_GEOCODABLE_SUFFIXES = frozenset({"county", "city", "prefecture", "district", "municipality"})


_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan"
    r"|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ue|ui|a|e|i|o|u|v)")


def _one_syllable(key: str) -> bool:
    return _SYLLABLE.fullmatch(key) is not None


def _seats(points: Iterable[tuple[float, float]], spread: float = 0.5) -> int:
    """How many distinct seats (points more than ``spread`` degrees apart) ``points`` hold."""
    seats: list[tuple[float, float]] = []
    for lat, lon in points:
        if not any(abs(lat - a) <= spread and abs(lon - b) <= spread for a, b in seats):
            seats.append((lat, lon))
    return len(seats)
