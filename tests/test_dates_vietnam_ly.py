"""Lý-dynasty eras (1010-1225) in vietnam_eras_source.csv: quốc ngữ with and without
diacritics, era year 1 = the row's start_year (references in the row's note)."""

from __future__ import annotations

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable


def _rows(text: str, eras: EraTable, calendar: LunarCalendar):
    rows, _warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    return {r.text: r for r in rows}


@pytest.mark.parametrize(("text", "phrase", "year"), [
    ("In the 2nd year of Anh Vũ Chiêu Thắng, Lý Thường Kiệt crossed the border.",
     "the 2nd year of Anh Vũ Chiêu Thắng", 1077),
    ("In the 2nd year of Anh Vu Chieu Thang, the Song army came south.",
     "the 2nd year of Anh Vu Chieu Thang", 1077),
    ("In the third year of Long Phù, a temple was built.", "the third year of Long Phù", 1103),
    ("In the first year of Thuan Thien, the capital moved to Thang Long.",
     "the first year of Thuan Thien", 1010),
    ("In the 4th year of Kiến Gia, rebels rose in the north.", "the 4th year of Kiến Gia", 1214),
])
def test_ly_era_years(text: str, phrase: str, year: int, eras: EraTable,
                      calendar: LunarCalendar) -> None:
    rows = _rows(text, eras, calendar)
    assert phrase in rows, sorted(rows)
    assert rows[phrase].year == year


def test_ly_readings_kept_apart_from_pinyin(eras: EraTable) -> None:
    # 大定: Đại Định of the Lý (1140) and Dading of the Jin (1161): the readings do not mix
    assert {e.dynasty for e in eras.candidates("Dai Dinh")} == {"Vietnam"}
    assert "Vietnam" not in {e.dynasty for e in eras.candidates("Dading")}
    assert [e.start_year for e in eras.candidates("Long Phu")] == [1101]
