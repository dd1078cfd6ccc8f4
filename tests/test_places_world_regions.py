"""Places of the far lands Chinese history names (Zheng He's voyages, the Silk Road's west):
``world_regions.csv`` drives which GeoNames cities and alternate names are kept."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from pipeline.places.locate import locate_name

GAZ = Path(__file__).resolve().parent.parent / "gazetteer"


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Mecca", 21.4, 39.8),  # GeoNames' Makkah, by its alternate name
    ("Calicut", 11.2, 75.8),  # Kozhikode
    ("Hormuz", 27.1, 56.5),  # the island kingdom (hand row)
    ("Malabar", 10.5, 76.0),  # the coast (hand row)
    ("Aden", 12.8, 45.0),  # a city of a newly listed country
])
def test_far_places_of_the_voyages_are_located(name: str, lat: float, lon: float) -> None:
    coord, _, prefix = locate_name(name, 1421, None, None, None)
    assert coord is not None and prefix == "world"
    assert (coord.latitude, coord.longitude) == pytest.approx((lat, lon), abs=0.3)


def test_world_regions_rows_are_well_formed() -> None:
    with (GAZ / "world_regions.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    codes = [r["country"] for r in rows]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 2 and c.isupper() and r["note"] for c, r in zip(codes, rows, strict=True))


def test_far_alternates_are_no_pinyin_syllables() -> None:
    # names of the non-pinyin lands are kept only when they cannot be a garbled Chinese name
    with (GAZ / "world_regions.csv").open(encoding="utf-8", newline="") as fh:
        far = {r["country"] for r in csv.DictReader(fh) if r["alternates"] == "non-pinyin"}
    with (GAZ / "world_alternates.csv").open(encoding="utf-8", newline="") as fh:
        aliases = [r["alias"] for r in csv.DictReader(fh) if r["country"] in far]
    spec = importlib.util.spec_from_file_location(
        "build_world_alternates", GAZ.parent / "scripts" / "build_world_alternates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert "Calicut" in aliases
    assert not [a for a in aliases if module._PINYIN.fullmatch(module.key(a))]
