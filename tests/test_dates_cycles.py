"""Cycle years with no era of their own: evidence by text distance, and the country of the
reading ("Gapsin" is Korean: a Korean dynasty, never a Japanese era)."""

from __future__ import annotations

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.dates.cycles import Anchor, distance, pick_anchor, place, reading_country
from pipeline.eras import EraTable


def test_reading_country() -> None:
    assert reading_country("the year of Gapsin") == "Korea"  # Revised Romanization
    assert reading_country("the Kabo year") == "Korea"  # McCune-Reischauer, liaison form
    assert reading_country("the year of Canh Tý") == "Vietnam"
    assert reading_country("the jiashen year") is None  # pinyin
    assert reading_country("kuei-mao") is None  # Wade-Giles
    assert reading_country("the third year") is None


def test_korean_reading_takes_a_korean_dynasty(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In the fourteenth year of Keicho, Satsuma invaded Ryukyu.\n\n"
            "In the year of Gapsin, a coup failed in Seoul. In the twenty-seventh year of Meiji, "
            "war broke out.")
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    row = next(r for r in rows if "Gapsin" in r.text)
    assert (row.year, row.dynasty, row.era) == (1884, "Joseon", None)
    assert row.certainty == "medium"
    assert any(w.code == "CYCLE_YEAR_FROM_LATER_ERA" for w in warnings)


def test_distance() -> None:
    assert distance((1, 4), (1, 4)) == 0
    assert distance((1, 4), (1, 5)) == 1
    assert distance((1, 4), (2, 5)) == 2
    assert distance((1, 4), None) == 2


def test_same_year_with_season_and_month(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "Hongwu first year the emperor rose. Same year autumn eight month, Xu Da took Dadu."
    rows, _ = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    row = next(r for r in rows if r.text.startswith("Same year"))
    assert (row.year, row.season, row.month) == (1368, "autumn", 8)


def test_eight_month_siege_is_no_month(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "In 1200 the war began. The same year an eight month siege began."
    rows, _ = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    assert [r.month for r in rows] == [None, None]


def test_written_year_far_from_the_cycle_year_is_no_anchor() -> None:
    # 1871 is no xinhai year and none lies within ten years of it: not evidence for one
    far = Anchor(None, (0, 0), 1871, 1871)
    near = Anchor(None, (1, 0), 1880, 1880)
    assert pick_anchor(48, (0, 0), [far]) is None
    assert place(21, far) == 1884  # jiashen: 13 years from 1871, too far
    assert pick_anchor(21, (0, 0), [far, near]) is near
