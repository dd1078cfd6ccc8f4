"""Vietnamese eras before 1802 are in no table we have (sanmiao holds no Vietnamese era; see
gazetteer/README.md, eras_vietnam.csv): their names must give a DATE_NOT_READ warning or a low
row, never a Chinese era's year silently (issue 7). Short invented inputs; the names are real
Lê, Trần and Tây Sơn eras (Hồng Đức 洪德 1470, Cảnh Hưng 景興 1740, Thiệu Phong 紹豐 1341,
Quang Trung 光中 1788)."""

from __future__ import annotations

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable

RUNNING = "In the first year of Chenghua, the court met. "


def _run(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


@pytest.mark.parametrize("phrase", [
    "In the 5th year of Hồng Đức", "In the fifth year of Hong Duc", "In Canh Hung 3",
    "In Cảnh Hưng 3", "Year 3 of Thieu Phong", "In the first year of Quang Trung",
])
def test_a_vietnamese_era_is_no_silent_chinese_year(phrase, eras, calendar) -> None:
    text = RUNNING + phrase + ", a flood came. The next year, a drought came."
    rows, warnings = _run(text, eras, calendar)
    after = [r for r in rows if r.start >= len(RUNNING)]
    codes = {w.code for w in warnings}
    assert codes & {"DATE_NOT_READ", "UNKNOWN_ERA"}
    assert all(r.certainty != "high" for r in after)  # the next year too: the era may have moved


def test_a_known_nguyen_era_still_reads(eras, calendar) -> None:
    rows, _ = _run("In the third year of Minh Mạng, a flood came.", eras, calendar)
    assert [(r.era, r.dynasty, r.year) for r in rows] == [("Minh Mạng", "Vietnam", 1822)]


def test_two_capitalised_words_that_are_a_known_era_are_no_unread_phrase(eras, calendar) -> None:
    rows, warnings = _run("In Jing Kang 2, the Jin took Kaifeng.", eras, calendar)
    assert [r.year for r in rows] == [1127] and not warnings


# Chinese eras garbled into a Japanese reading (pykakasi reads 武徳 as Takenori): Wude 9 = 626
@pytest.mark.parametrize("phrase", [
    "Gaozu Takenori 9",  # a ruler of that era named before it
    "Tang Takenori nine years",  # the dynasty named
    "Takenori 9 (626)",  # a printed year that agrees
])
def test_a_japanese_reading_with_support_is_read_low(phrase, eras, calendar) -> None:
    rows, warnings = _run(f"In {phrase}, Li Shimin killed his brothers.", eras, calendar)
    assert [(r.text, r.era, r.year, r.certainty) for r in rows] == [(phrase, "Wude", 626, "low")]
    assert "ERA_JAPANESE_READING" in {w.code for w in warnings}


@pytest.mark.parametrize("phrase", ["In Takenori 9", "In the ninth year of Takenori",
                                    "In Takenori 5 (626)"])
def test_a_japanese_reading_without_support_gives_no_era_year(phrase, eras, calendar) -> None:
    rows, warnings = _run(f"{phrase}, Li Shimin killed his brothers.", eras, calendar)
    assert all(r.era is None and r.certainty == "low" for r in rows)
    assert all(r.year in (None, 626) for r in rows)  # at most the printed year
    assert "UNKNOWN_ERA" in {w.code for w in warnings}


def test_the_japanese_readings_rebuild_equals_the_file() -> None:
    import importlib.util
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    path = repo / "scripts" / "build_era_japanese.py"
    spec = importlib.util.spec_from_file_location("build_era_japanese", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_era_japanese"] = module
    spec.loader.exec_module(module)
    assert module.build_text() == (repo / "gazetteer" / "era_japanese.csv").read_text(
        encoding="utf-8")
