"""Dates a fresh user's texts got wrong (round 4), as invented sentences of the same kinds:
an era proclaimed the year after the accession (Jianwen 1 = 1399), and era names the tables do
not know, with or without a printed year beside them."""

from __future__ import annotations

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable


def _rows(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


def _at(rows, text: str, phrase: str):
    """The row covering ``phrase`` (the first occurrence in ``text``)."""
    p0 = text.index(phrase)
    hits = [r for r in rows if r.start <= p0 < r.end]
    assert hits, f"no row for {phrase!r}: {[r.text for r in rows]}"
    return hits[0]


def test_jianwen_first_year_is_1399(eras, calendar) -> None:
    text = "In the first year of Jianwen the prince went north. In the third year the war began."
    rows, _ = _rows(text, eras, calendar)
    assert (_at(rows, text, "first year of Jianwen").year,
            _at(rows, text, "the third year").year) == (1399, 1401)


def test_unknown_era_with_printed_year_takes_the_printed_year(eras, calendar) -> None:
    text = ("In the second year of Xuande the army withdrew. "
            "The king died in the fourth year of Zorvan Tal (1431).")
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "the fourth year")
    assert (row.year, row.certainty) == (1431, "low")
    assert row.end == text.index("(1431)") + len("(1431)")
    assert not [r for r in rows if r.text == "(1431)"]  # the printed year is the row's own
    assert any(w.code == "UNKNOWN_ERA" for w in warnings)


def test_unknown_era_without_printed_year_is_blank(eras, calendar) -> None:
    text = ("In the second year of Xuande the army withdrew. "
            "The king died in the fourth year of Zorvan Tal.")
    rows, warnings = _rows(text, eras, calendar)
    assert _at(rows, text, "the fourth year").year is None
    assert any(w.code == "UNKNOWN_ERA" for w in warnings)


def test_month_of_unknown_era_year_is_blank(eras, calendar) -> None:
    text = ("In the twentieth year of Zhizheng the rebels rose. "
            "Their king drowned in the ninth month of Zorvan 7.")
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "the ninth month")
    assert (row.year, row.month, row.certainty) == (None, 9, "low")
    assert any(w.code == "UNKNOWN_ERA" for w in warnings)


def test_day_month_without_year_reads_the_running_year(eras, calendar) -> None:
    text = "In 1926 the army marched north. It took the city on 11 July and the fort on 2 August."
    rows, _ = _rows(text, eras, calendar)
    july = _at(rows, text, "11 July")
    assert (july.year, july.month, july.day, july.certainty) == (1926, 7, 11, "medium")
    assert (_at(rows, text, "2 August").month, _at(rows, text, "2 August").day) == (8, 2)


def test_day_month_with_year_stays_one_date(eras, calendar) -> None:
    text = "On 11 July 1926 the army marched."
    rows, _ = _rows(text, eras, calendar)
    assert [(r.year, r.month, r.day) for r in rows] == [(1926, 7, 11)]


def test_fall_as_a_verb_is_no_season(eras, calendar) -> None:
    text = "In 1354 the siege began. When the town was about to fall, the general was recalled."
    rows, _ = _rows(text, eras, calendar)
    assert [r.text for r in rows] == ["1354"]


def test_fall_as_a_season_is_read(eras, calendar) -> None:
    text = "In 1354 the siege began. In the fall the army left."
    rows, _ = _rows(text, eras, calendar)
    assert _at(rows, text, "the fall").season == "autumn"


def test_backtick_aspirate_in_an_era_name(eras, calendar) -> None:
    text = "In the twelfth year of K`ang Hsi the court abolished the fiefs."
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, "twelfth year")
    assert (row.era, row.year) == ("Kangxi", 1673)


def test_parallel_era_headings_keep_the_main_era(eras, calendar) -> None:
    text = ("Annals\n\nSeventh Year of Zhengshi (246 A.D.)\nShu: Ninth Year of Yanxi\n"
            "Wu: Ninth Year of Chiwu\n\n1. Spring, second month. The army withdrew.\n")
    rows, _ = _rows(text, eras, calendar)
    assert [r.era for r in rows[:3]] == ["Zhengshi", "Yanxi", "Chiwu"]
    month = _at(rows, text, "second month")
    assert (month.era, month.dynasty, month.year) == ("Zhengshi", "Cao Wei", 246)


def test_label_line_apart_is_no_parallel_heading(eras) -> None:
    text = ("Seventh Year of Zhengshi (246 A.D.)\n\nNote: Ninth Year of Chiwu\n\n"
            "Shu: Ninth Year of Yanxi, the army withdrew from the pass.\n")
    marked = [m.text for m in find_date_mentions(text, eras) if m.parallel]
    assert marked == []  # not directly below a heading; a sentence, not a heading line


def test_cycle_day_named_after_the_month(eras, calendar) -> None:
    text = ("First Year of Jiaping (249 A.D.)\n\n"
            "1. Summer, fourth month, the day i-ch'ou. The era was changed.\n")
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, "fourth month")
    assert (row.year, row.month, row.date_start) == (249, 4, "0249-05-07")
