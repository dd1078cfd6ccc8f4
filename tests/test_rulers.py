"""Rulers table (gazetteer/rulers.csv, scripts/build_rulers.py) and the sexagenary cycle."""

from __future__ import annotations

import csv
import importlib.resources
import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.chronology import day_cycle, year_cycle
from pipeline.dates import cycle_number, parse_number
from pipeline.rulers import load_ruler_table

REPO = Path(__file__).resolve().parent.parent


def _build_module():
    path = REPO / "scripts" / "build_rulers.py"
    spec = importlib.util.spec_from_file_location("build_rulers", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_rulers"] = module
    spec.loader.exec_module(module)
    return module


def test_rebuild_equals_committed() -> None:
    built = _build_module().build_rulers_text()
    assert built == (REPO / "gazetteer" / "rulers.csv").read_text(encoding="utf-8")


def test_rulers_integrity() -> None:
    table = load_ruler_table()
    assert len(table.rulers) > 300
    for r in table.rulers:
        assert r.reign_start <= r.first_year <= r.reign_end + 1, r
        assert r.dynasty and r.name_zh


@pytest.mark.parametrize(("name", "dynasty", "first_year"), [
    ("Gaozong", "Qing", 1736), ("Kao-tsung", "Qing", 1736), ("Shengzu", "Qing", 1662),
    ("Shun", "Yuan", 1333), ("Shenzong", "Ming", 1573), ("Huizong", "Northern Song", 1101),
    # the Han emperors' filial 孝 is left out of their usual names: 孝武帝 = "Emperor Wu"
    ("Wu", "Western Han", -139), ("Wudi", "Western Han", -139), ("Ming", "Eastern Han", 58),
])
def test_ruler_lookup(name: str, dynasty: str, first_year: int) -> None:
    hits = [r for r in load_ruler_table().find(name) if r.dynasty == dynasty]
    assert [r.first_year for r in hits] == [first_year]


def test_dynastic_prefix_only_where_the_dynasty_shares_it() -> None:
    build = _build_module()
    got = build._dynastic_prefixes({"A": ["孝文帝", "孝武帝", "高帝"], "B": ["孝文帝", "道武帝",
                                                                        "宣武帝"]})
    assert got == {"A": "孝"}
    # Northern Wei's 孝文帝 is "Emperor Xiaowen": not read as "Emperor Wen"
    assert "Northern Wei" not in {r.dynasty for r in load_ruler_table().find("Wen")}


def test_day_cycle_matches_sanmiao_month_table() -> None:
    """Our day-cycle arithmetic agrees with sanmiao's nmd_gz (first-day cycle of each month)."""
    res = importlib.resources.files("sanmiao") / "data" / "lunar_table_dump.csv"
    with res.open(encoding="utf-8", newline="") as fh:
        rows = [r for i, r in enumerate(csv.DictReader(fh)) if i % 97 == 0]
    assert len(rows) > 500
    for r in rows:
        jdn = int(float(r["nmd_jdn"]) + 0.5)
        assert day_cycle(jdn) == int(r["nmd_gz"]), r


def test_year_cycle() -> None:
    assert year_cycle(1984) == 1 and year_cycle(1644) == cycle_number("jiashen") == 21


@pytest.mark.parametrize(("word", "number"), [
    ("jiashen", 21), ("jia-shen", 21), ("Jia Shen", 21), ("kuei-mao", 40), ("Gapsin", 21),
    ("gengshen", 57), ("yisi", 42), ("jiachou", None), ("zorblax", None),
])
def test_cycle_number(word: str, number: int | None) -> None:
    assert cycle_number(word) == number


@pytest.mark.parametrize(("text", "value"), [
    ("one hundred and first", 101), ("twenty-fifth", 25), ("hundredth", 100),
    ("two hundred", 200), ("first", 1), ("and", None), ("hundred and zorblax", None),
])
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


def test_japanese_eras_rebuild_equals_committed() -> None:
    pytest.importorskip("japanera")
    path = REPO / "scripts" / "build_eras_japan.py"
    spec = importlib.util.spec_from_file_location("build_eras_japan", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_eras_japan"] = module
    spec.loader.exec_module(module)
    built = module.build_text()
    assert built == (REPO / "gazetteer" / "eras_japan.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("wapuro", "forms"), [
    ("Syoutoku", ["Shōtoku", "Shotoku", "Shoutoku"]),
    ("Gennbunn", ["Genbun"]),
    ("Tempyou", ["Tempyō", "Tenpyō", "Tempyo", "Tenpyo", "Tempyou", "Tenpyou"]),
])
def test_hepburn_forms(wapuro: str, forms: list[str]) -> None:
    path = REPO / "scripts" / "build_eras_japan.py"
    spec = importlib.util.spec_from_file_location("build_eras_japan", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.hepburn_forms(wapuro) == forms
