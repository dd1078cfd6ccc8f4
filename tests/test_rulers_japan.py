"""Japanese emperors (tennō) as rulers: gazetteer/rulers_japan.csv, built from sanmiao's ruler
table (dynasty 日本) by scripts/build_japan_rulers.py. Short invented inputs; expected years
from sanmiao's era table (the era in force in the reign year)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.calendar import jdn_to_gregorian
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.rulers import load_ruler_table

REPO = Path(__file__).resolve().parent.parent


def _one(text, eras, calendar):
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    dated = [r for r in rows if r.year is not None]
    assert len(dated) == 1, rows
    return dated[0], {w.code for w in warnings if w.start == dated[0].start}


def test_emperors_loaded():
    table = load_ruler_table()
    japan = [r for r in table.rulers if r.dynasty == "Japan"]
    assert len(japan) >= 100
    (godaigo,) = table.find("Go-Daigo")
    assert godaigo.name_zh == "後醍醐天皇" and godaigo.cal_stream == 4
    assert table.find("Godaigo") == [godaigo]
    # a personal-name reading of pykakasi corrected by japan_ruler_readings.csv
    assert [r.name_zh for r in table.find("Kotoku")] == ["孝徳天皇"]
    assert not table.find("Takanori")
    # Japanese emperors do not count reign years of their own (eras do)
    assert not godaigo.counts_reign_years


CASES = [
    # one era per reign: the reign year is the era year
    ("In the 5th year of Emperor Meiji, the railway opened.", 1872, "Meiji", 5),
    # 桓武: 天応 1 (781) counted as year 1; year 10 = Enryaku 9
    ("In the 10th year of Emperor Kammu, the court moved.", 790, "Enryaku", 9),
    ("In the 3rd year of Emperor Go-Daigo, a fire broke out.", 1321, "Genkō", 1),
]


@pytest.mark.parametrize("text,year,era,era_year", CASES)
def test_reign_year_gives_era(text, year, era, era_year, eras, calendar):
    row, codes = _one(text, eras, calendar)
    assert (row.year, row.era, row.era_year) == (year, era, era_year)
    assert row.dynasty == "Japan" and not codes


def test_whole_reign(eras, calendar):
    row, _ = _one("In the reign of Emperor Go-Daigo, the court split.", eras, calendar)
    assert (row.year, row.year_end) == (1319, 1339)


def test_japanese_month_table_for_an_emperor(eras, calendar):
    # Go-Nijō 2 = Kagen 1 = 1303: Japan's table has a leap 4th month where stream 3 has none,
    # so the 5th month starts a month later than in the Chinese table
    row, _ = _one("On the 1st day of the 5th month of the 2nd year of Emperor Go-Nijō, it rained.",
                  eras, calendar)
    own = calendar.day_jdn(4, 1303, 5, 1)
    assert own != calendar.day_jdn(3, 1303, 5, 1)
    assert (row.year, row.month, row.day) == (1303, 5, 1)
    assert row.date_start == row.date_end
    assert row.date_start == jdn_to_gregorian(own)


def test_rebuild_equals_file():
    pytest.importorskip("pykakasi")
    path = REPO / "scripts" / "build_japan_rulers.py"
    spec = importlib.util.spec_from_file_location("build_japan_rulers", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_japan_rulers"] = module
    spec.loader.exec_module(module)
    built = module.build_text()
    assert built == (REPO / "gazetteer" / "rulers_japan.csv").read_text(encoding="utf-8")
