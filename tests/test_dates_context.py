"""Dates read with their context (issue 7, a fresh user's texts): the persons named near a
shared era name, Korean cycle names spelled by rule, OCR-garbled years read by the running
date, date phrases not read leaving events undated, a cycle year in apposition. Invented
sentences only."""

from __future__ import annotations

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import cycle_number, find_date_mentions, load_lexicon
from pipeline.dates.lexicon import cycle_spellings
from pipeline.dates.ocr import ocr_readings
from pipeline.dates.people import people_dynasties
from pipeline.eras import EraTable
from pipeline.events.triggers import dated as events_dated


def _read(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


def _codes(warnings) -> set[str]:
    return {w.code for w in warnings}


# ------------------------------------------------------------------ persons named near a date
def test_persons_named_choose_the_dynasty(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = _read("In the first month of the second year of Zhide, An Lushan was "
                           "murdered by his son An Qingxu.", eras, calendar)
    row = rows[0]
    assert (row.dynasty, row.year, row.month) == ("Tang", 757, 1)
    assert row.certainty == "medium"
    assert "dynasty of persons named: Tang" in row.basis
    assert "ERA_CHOSEN_BY_PERSONS" in _codes(warnings)


def test_persons_in_the_paragraph_and_derived_spellings(eras: EraTable,
                                                        calendar: LunarCalendar) -> None:
    rows, _ = _read("Kuo Tzu-i marched west.\nIn the second year of Chih-te the capital was "
                    "recovered.", eras, calendar)
    assert (rows[0].dynasty, rows[0].year) == ("Tang", 757)


@pytest.mark.parametrize("text, dynasty, year", [
    ("In the second year of Zhide (584), An Lushan was born.", "Chen", 584),  # printed year
    ("In the second year of Zhide of the Chen dynasty, An Lushan was born.", "Chen", 584),
])
def test_persons_do_not_override_stronger_evidence(text: str, dynasty: str, year: int,
                                                   eras: EraTable,
                                                   calendar: LunarCalendar) -> None:
    rows, warnings = _read(text, eras, calendar)
    assert (rows[0].dynasty, rows[0].year) == (dynasty, year)
    assert "ERA_CHOSEN_BY_PERSONS" not in _codes(warnings)


def test_without_persons_the_default_is_still_flagged(eras: EraTable,
                                                      calendar: LunarCalendar) -> None:
    rows, warnings = _read("In the second year of Zhide, the city fell.", eras, calendar)
    assert rows[0].certainty == "low"
    assert "ERA_CHOSEN_BY_DEFAULT" in _codes(warnings)


def test_people_dynasties_reads_ruler_personal_names(eras: EraTable) -> None:
    found = people_dynasties("Li Heng took the throne; Guo Ziyi and Yue Fei are named.", eras)
    assert [d for _, d in found] == ["Tang", "Tang", "Song"]
    assert found[0][0] == 0


def test_people_dynasties_takes_the_loaded_table(eras: EraTable, gaz) -> None:
    """The name table is built from loaded data (gazetteer aliases, a person -> polity map,
    reigns), not read from files; a name of two dynasties counts for neither."""
    from pipeline.dates.people import name_polities
    from pipeline.rulers import Ruler

    reign = Ruler(ruler_id=1, dynasty="Tang", name_zh="", temple="", posthumous="",
                  personal="Wu Moxu", reign_start=700, reign_end=710, first_year=700,
                  era_ids=(), romanizations=())
    names = name_polities(gaz, {"Guo Ziyi": "Tang"}, [reign])
    assert "Tang" in names["Guo Ziyi"] and names["Wu Moxu"] == {"Tang"}
    text = "Wu Moxu and Guo Ziyi met; Zhang Xu was there."
    table = {**names, "Zhang Xu": frozenset({"Tang", "Song"})}
    assert [d for _, d in people_dynasties(text, eras, table)] == ["Tang", "Tang"]


# ------------------------------------------------------------------ Korean cycle names
@pytest.mark.parametrize("word, number", [
    ("Kabo", 31), ("Gabo", 31), ("Kabin", 51), ("Ŭryu", 22), ("Euryu", 22), ("Ŭrhae", 12),
    ("Kapchin", 41), ("Pyŏngo", 43), ("Pyongo", 43), ("Mujin", 5), ("Kich'uk", 26),
])
def test_korean_cycle_spellings(word: str, number: int) -> None:
    assert cycle_number(word) == number


def test_cycle_spellings_are_derived_by_rule() -> None:
    out = cycle_spellings({"kap": "1", "ŭl": "2", "ch'uk": "2"}, {"p": "b", "l": "r"})
    assert {"kab", "ŭr", "ur", "ul", "chuk"} <= set(out)
    assert out["ur"] == "2" and out["kab"] == "1"


def test_lexicon_has_liaison_forms() -> None:
    assert load_lexicon().cat("heavenly_stem").get("kab") == "1"


def test_kabo_year_with_printed_year(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, _ = _read("In the Kabo year (1894) the reforms began.", eras, calendar)
    assert rows[0].year == 1894 and rows[0].certainty == "high"


def test_day_with_cycle_day_in_parentheses(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In the fourth month of the twenty-fifth year of Hongwu, the envoy came.\n"
            "26th Day (Chŏngch'uk)\nThe officials were imprisoned.\n"
            "28th Day (Kapsin)\nThe king read the letter.")
    rows, warnings = _read(text, eras, calendar)
    days = [r for r in rows if r.kind == "day"]
    assert [(r.year, r.month, r.day) for r in days] == [(1392, 4, 26), (1392, 4, 28)]
    assert days[0].certainty == "high" and "agrees" in days[0].basis  # 丁丑 is day 26
    assert days[1].certainty == "low"  # 甲申 is not day 28 of that month
    assert [w.code for w in warnings] == ["CYCLE_DAY_MISMATCH"]


# ------------------------------------------------------------------ OCR-garbled years
def test_ocr_readings() -> None:
    assert ocr_readings("1SS4", load_lexicon()) == [1554, 1584, 1854, 1884]
    assert ocr_readings("ISK", load_lexicon()) == []


def test_ocr_year_read_by_the_running_date(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = _read("In 1876 China paid an indemnity. In 1SS4 difficulties with France "
                           "arose.", eras, calendar)
    row = next(r for r in rows if r.text == "1SS4")
    assert row.year == 1884 and row.certainty == "low"
    assert "OCR_YEAR_GUESSED" in _codes(warnings)


@pytest.mark.parametrize("text", [
    "In 1SS4 difficulties with France arose.",  # no running date
    "In 1620 the city fell. In 1SS4 difficulties arose.",  # no reading soon after 1620
])
def test_ocr_year_without_support_is_not_read(text: str, eras: EraTable,
                                              calendar: LunarCalendar) -> None:
    rows, warnings = _read(text, eras, calendar)
    assert all(r.year is None for r in rows if r.text == "1SS4")
    assert "DATE_NOT_READ" in _codes(warnings)


def test_unreadable_token_warns_and_makes_the_running_date_unsure(
        eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = _read("In 1890 the court met. In ISK acting on advice, the Emperor "
                           "proclaimed reforms. In the following year he was deposed.",
                           eras, calendar)
    assert not any(r.text == "ISK" for r in rows)
    assert {"DATE_NOT_READ", "RUNNING_DATE_UNSURE"} <= _codes(warnings)
    assert rows[-1].certainty != "high"


@pytest.mark.parametrize("text", ["In III the rules were set.", "In 1884 the war began."])
def test_no_ocr_guess_for_numerals_and_clean_years(text: str, eras: EraTable,
                                                   calendar: LunarCalendar) -> None:
    _, warnings = _read(text, eras, calendar)
    assert not {"DATE_NOT_READ", "OCR_YEAR_GUESSED"} & _codes(warnings)


# ------------------------------------------------------------------ a date not read
def test_out_of_range_era_year_leaves_events_undated(eras: EraTable,
                                                     calendar: LunarCalendar) -> None:
    rows, warnings = _read("In the third year of Kaiyuan, the general came. He died in the "
                           "50th year of Kaiyuan. In the following year his son came.",
                           eras, calendar)
    assert rows[1].year is None
    assert {"ERA_YEAR_OUT_OF_RANGE", "RUNNING_DATE_UNSURE"} <= _codes(warnings)
    assert rows[2].certainty != "high"
    dated, _ = events_dated(rows)  # what the events stage dates events by: the unread row is there
    assert rows[1] in dated


# ------------------------------------------------------------------ cycle year in apposition
def test_cycle_year_in_apposition_confirms(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = _read("In the fourth month of the twentieth year of Wanli (1592), the "
                           "Imjin year, Toyotomi Hideyoshi sent an army. In the fifth month "
                           "Hanseong fell.", eras, calendar)
    assert [(r.year, r.month, r.certainty) for r in rows] == [(1592, 4, "high"),
                                                              (1592, 5, "high")]
    assert rows[0].text.endswith("the Imjin year")
    assert not warnings


def test_cycle_year_in_apposition_disagreeing(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = _read("In 1885, the Kapsin year, the coup failed.", eras, calendar)
    assert rows[0].year == 1885 and rows[0].certainty == "low"
    assert "CYCLE_YEAR_MISMATCH" in _codes(warnings)


def test_only_era_with_that_year_is_no_default(eras: EraTable, calendar: LunarCalendar) -> None:
    # 元狩 (122-117 BCE) and 元壽 (2-1 BCE) are both "Yuanshou"; only the first has a year 4
    rows, warnings = _read("In the fourth year of Yuanshou, Zhang Qian went west.", eras,
                           calendar)
    assert rows[0].year == -118 and rows[0].certainty == "high"
    assert "ERA_CHOSEN_BY_DEFAULT" not in _codes(warnings)
