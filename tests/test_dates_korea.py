"""Korean and Vietnamese eras and kings, bare ruler names, "of his reign", and a Western month
glossed with a lunar month (issue 7). Short invented inputs; expected years from sanmiao's
tables (Korean reign counts, eras of streams 5-8), the Veritable Records of Joseon (two
corrections in korea_errata.csv) and the references in vietnam_eras_source.csv."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable
from pipeline.rulers import load_ruler_table

REPO = Path(__file__).resolve().parent.parent


def _run(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


def _row(text: str, phrase: str, eras: EraTable, calendar: LunarCalendar):
    rows, warnings = _run(text, eras, calendar)
    by_text = {r.text: r for r in rows}
    assert phrase in by_text, sorted(by_text)
    row = by_text[phrase]
    return row, {w.code for w in warnings if w.start == row.start}


# text, phrase, year, dynasty, era (blank: none), era_year, certainty, warning
CASES = [
    # Joseon kings counted their own reign years (Sejong acceded 1418: year 1 = 1419)
    ("In the 25th year of King Sejong of Joseon, the script was made.",
     "the 25th year of King Sejong of Joseon", 1443, "Joseon", None, 25, "high", ""),
    # 世宗 also names a Balhae king (sanmiao: 渤海世宗): the unqualified name wins, flagged
    ("In the 25th year of King Sejong, the script was made.",
     "the 25th year of King Sejong", 1443, "Joseon", None, 25, "medium",
     "RULER_CHOSEN_BY_NAME"),
    # a founder counts his accession year; McCune-Reischauer spelling
    ("In the third year of King T'aejo of Chosŏn, the capital moved.",
     "the third year of King T'aejo of Chosŏn", 1394, "Joseon", None, 3, "high", ""),
    # bare name (no title) with the dynasty
    ("In the 3rd year of Taejo of Joseon, the capital moved.",
     "the 3rd year of Taejo of Joseon", 1394, "Joseon", None, 3, "high", ""),
    # coup kings counted the coup year (korea_errata.csv)
    ("In the second year of King Jungjong of Joseon, a law was made.",
     "the second year of King Jungjong of Joseon", 1507, "Joseon", None, 2, "high", ""),
    ("In the first year of King Injo of Joseon, a law was made.",
     "the first year of King Injo of Joseon", 1623, "Joseon", None, 1, "high", ""),
    # renamed temple name (宣宗 -> 宣祖): Seonjo 25 = 1592, the Imjin war
    ("In the 25th year of King Seonjo, Japan invaded.",
     "the 25th year of King Seonjo", 1592, "Joseon", None, 25, "high", ""),
    # a reign year inside the king's own era: Gojong 35 = Gwangmu 2
    ("In the 35th year of King Gojong of Joseon, a railway was begun.",
     "the 35th year of King Gojong of Joseon", 1898, "Joseon", "Gwangmu", 2, "high", ""),
    ("In the 10th year of King Munjong of Goryeo, a temple was built.",
     "the 10th year of King Munjong of Goryeo", 1056, "Goryeo", None, 10, "high", ""),
    # Korean eras in Revised and McCune-Reischauer romanization
    ("In the second year of Gwangmu, a railway was begun.",
     "the second year of Gwangmu", 1898, "Joseon", "Gwangmu", 2, "high", ""),
    ("Kwangmu 2: a railway was begun.", "Kwangmu 2", 1898, "Joseon", "Gwangmu", 2, "high", ""),
    ("In the first year of Geonyang, the calendar changed.",
     "the first year of Geonyang", 1896, "Joseon", "Geonyang", 1, "high", ""),
    ("In the third year of Kŏnwŏn, Silla built a temple.",
     "the third year of Kŏnwŏn", 538, "Silla", "Geonwon", 3, "high", ""),
    # Vietnamese eras, with and without diacritics
    ("In the second year of Minh Mạng, a decree was issued.",
     "the second year of Minh Mạng", 1821, "Vietnam", "Minh Mạng", 2, "high", ""),
    ("In the second year of Minh Mang, a decree was issued.",
     "the second year of Minh Mang", 1821, "Vietnam", "Minh Mạng", 2, "high", ""),
    ("In the 15th year of Minh Menh, a revolt broke out.",
     "the 15th year of Minh Menh", 1834, "Vietnam", "Minh Mạng", 15, "high", ""),
    ("Gia Long 2: the citadel was begun.", "Gia Long 2", 1803, "Vietnam", "Gia Long", 2,
     "high", ""),
    ("In the 10th year of Tu Duc (1857), the French attacked.",
     "the 10th year of Tu Duc (1857)", 1857, "Vietnam", "Tự Đức", 10, "high", ""),
    # bare ruler names
    ("In the 5th year of Sejong, the army marched.", "the 5th year of Sejong", 1423, "Joseon",
     None, 5, "medium", "RULER_CHOSEN_BY_NAME"),
    ("Sejong's 5th year was calm.", "Sejong's 5th year", 1423, "Joseon", None, 5, "medium",
     "RULER_CHOSEN_BY_NAME"),
    ("In Qianlong's 20th year the army marched.", "Qianlong's 20th year", 1755, "Qing",
     "Qianlong", 20, "high", ""),
    ("In the 12th year of Gaozong of Tang, a war began.", "the 12th year of Gaozong of Tang",
     661, "Tang", "Longshuo", 1, "high", ""),
]


@pytest.mark.parametrize("case", CASES, ids=[c[1] for c in CASES])
def test_reign_and_era(case, eras: EraTable, calendar: LunarCalendar) -> None:
    text, phrase, year, dynasty, era, era_year, certainty, warning = case
    row, codes = _row(text, phrase, eras, calendar)
    assert (row.year, row.dynasty, row.era, row.era_year) == (year, dynasty, era, era_year), \
        row.basis
    assert row.certainty == certainty, row.basis
    if warning:
        assert warning in codes
    if certainty == "high":
        assert not codes
    else:
        assert codes


def test_his_reign_takes_the_king_last_named(eras, calendar) -> None:
    text = "King Sejong ordered a new script. In the twenty-fifth year of his reign it was made."
    row, codes = _row(text, "the twenty-fifth year of his reign", eras, calendar)
    assert (row.year, row.dynasty, row.era_year) == (1443, "Joseon", 25)
    assert row.certainty == "medium" and "RULER_FROM_CONTEXT" in codes


def test_his_reign_takes_the_ruler_of_the_running_era(eras, calendar) -> None:
    text = "In the 2nd year of Jiaqing, the rebels rose. In the fifth year of his reign they fell."
    row, codes = _row(text, "the fifth year of his reign", eras, calendar)
    assert (row.year, row.era, row.era_year) == (1800, "Jiaqing", 5)
    assert "RULER_FROM_CONTEXT" in codes


@pytest.mark.parametrize(("text", "phrase", "year", "dynasty"), [
    ("King Taejo of Joseon moved the capital. In the 3rd year of his reign, a flood came.",
     "the 3rd year of his reign", 1394, "Joseon"),
    ("The Kangxi Emperor toured the south. In the 23rd year of his reign, trade opened.",
     "the 23rd year of his reign", 1684, "Qing"),
])
def test_his_reign_after_ruler_context(text, phrase, year, dynasty, eras, calendar) -> None:
    row, codes = _row(text, phrase, eras, calendar)
    assert (row.year, row.dynasty) == (year, dynasty)
    assert "RULER_FROM_CONTEXT" in codes


@pytest.mark.parametrize(("text", "phrase", "year"), [
    ("In the fifth year of the reign of Sejong, a flood came.",
     "the fifth year of the reign of Sejong", 1423),
    ("In the 30th year of Sejong's reign, a flood came.", "the 30th year of Sejong's reign",
     1448),
    ("In the 3rd year of the reign of Taejo of Joseon, a flood came.",
     "the 3rd year of the reign of Taejo of Joseon", 1394),
])
def test_reign_of_a_bare_name(text, phrase, year, eras, calendar) -> None:
    row, _ = _row(text, phrase, eras, calendar)
    assert (row.year, row.dynasty, row.kind) == (year, "Joseon", "reign")


def test_his_reign_without_antecedent_is_no_date(eras, calendar) -> None:
    rows, _ = _run("In the first year of his reign the king built a hall.", eras, calendar)
    assert rows == []


@pytest.mark.parametrize(("text", "phrase", "year", "month"), [
    ("In June (the fifth lunar month) of 1368, the army entered the capital.",
     "June (the fifth lunar month) of 1368", 1368, 5),
    ("In the fifth month (June) of the third year of Hongwu, it rained.",
     "the fifth month (June) of the third year of Hongwu", 1370, 5),
    ("In the seventh month (August–September) of the third year of Hongwu, it rained.",
     "the seventh month (August–September) of the third year of Hongwu", 1370, 7),
])
def test_western_month_glossed_with_lunar_month(text, phrase, year, month, eras,
                                                calendar) -> None:
    rows, _ = _run(text, eras, calendar)
    assert [r.text for r in rows] == [phrase]  # one date, no duplicate row
    assert (rows[0].year, rows[0].month) == (year, month)


@pytest.mark.parametrize(("text", "phrase", "year"), [
    # Korean readings of the cycle, nearest the running year
    ("In the 20th year of King Gojong of Joseon, reforms began. In the year of Gapsin, a coup "
     "failed.", "the year of Gapsin", 1884),
    ("In the 24th year of King Seonjo, envoys came. In the Imjin year, Japan invaded.",
     "the Imjin year", 1592),
    ("In the 20th year of King Kojong of Chosŏn, reforms began. In the Kapsin year, a coup "
     "failed.", "the Kapsin year", 1884),
    # Vietnamese readings, with and without diacritics
    ("In the 3rd year of Tu Duc, floods came. In the year of Tân Hợi, a famine.",
     "the year of Tân Hợi", 1851),
    ("In the 3rd year of Tu Duc, floods came. In the year of Tan Hoi, a famine.",
     "the year of Tan Hoi", 1851),
])
def test_korean_and_vietnamese_cycle_years(text, phrase, year, eras, calendar) -> None:
    row, codes = _row(text, phrase, eras, calendar)
    assert row.year == year
    assert "CYCLE_YEAR_FROM_RUNNING_DATE" in codes


def test_korean_eras_kept_apart(eras: EraTable) -> None:
    # 建元 is Geonwon in Silla and Jianyuan in China: the readings do not mix
    assert {e.dynasty for e in eras.candidates("Geonwon")} == {"Silla"}
    assert "Silla" not in {e.dynasty for e in eras.candidates("Jianyuan")}
    assert {e.dynasty for e in eras.candidates("Minh Mang")} == {"Vietnam"}


def test_korean_kings_in_ruler_table() -> None:
    table = load_ruler_table()
    sejong = [r for r in table.find("Sejong") if r.dynasty == "Joseon"]
    assert [(r.reign_start, r.first_year, r.counts_reign_years) for r in sejong] == [
        (1418, 1419, True)]
    assert {r.dynasty for r in table.find("Yŏngjo")} == {"Joseon"}
    assert table.find("Wang") == []  # a title, not a name


def _script(name: str):
    path = REPO / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("hangul", "system", "roman"), [
    ("신라", "rr", "Silla"), ("세종", "rr", "Sejong"), ("충렬", "rr", "Chungnyeol"),
    ("백제", "mr", "Paekche"), ("연산군", "mr", "Yŏnsan'gun"), ("태조", "mr", "T'aejo"),
    ("성종", "mr", "Sŏngjong"), ("광무", "mr", "Kwangmu"), ("건원", "mr", "Kŏnwŏn"),
])
def test_romanize_hangul(hangul: str, system: str, roman: str) -> None:
    assert _script("build_korea").romanize_hangul(hangul, system) == roman


def test_korea_tables_rebuild_equals_committed() -> None:
    pytest.importorskip("hanja")
    built_eras, built_rulers = _script("build_korea").build_texts()
    assert built_eras == (REPO / "gazetteer" / "eras_korea.csv").read_text(encoding="utf-8")
    assert built_rulers == (REPO / "gazetteer" / "rulers_korea.csv").read_text(encoding="utf-8")


def test_vietnam_eras_rebuild_equals_committed() -> None:
    built = _script("build_vietnam").build_text()
    assert built == (REPO / "gazetteer" / "eras_vietnam.csv").read_text(encoding="utf-8")
