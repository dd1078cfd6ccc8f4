"""Dates written in Chinese characters inside English text ("宣和二年十月九日", "天會六年二月",
"洪武元年"): read through the era table's names in characters, with the same row shape as a
romanized era date; checked against sanmiao's own reader on random era dates."""

from __future__ import annotations

import csv
import importlib.resources
import random
import re

from date_rows import resolved, row_at

from pipeline.calendar import gregorian_to_jdn
from pipeline.dates.cjk import cycle_of, find_cjk_dates, zh_number
from pipeline.resources import gazetteer_dir


def test_numerals_in_characters() -> None:
    assert [zh_number(t) for t in ("元", "正", "九", "十", "十二", "二十", "二十三", "廿三",
                                   "卅", "一〇")] == [1, 1, 9, 10, 12, 20, 23, 23, 30, 10]
    assert zh_number("年") is None
    assert (cycle_of("甲子"), cycle_of("丙子"), cycle_of("癸亥"), cycle_of("甲丑")) == (1, 13, 60,
                                                                                  None)


def test_era_date_in_characters_reads_like_a_romanized_one(eras, calendar) -> None:
    text = "In 宣和二年十月九日，方臘起事於青溪。 The rising spread."
    rows, warnings = resolved(text, eras, calendar)
    row = row_at(rows, text, "宣和")
    roman = "On the ninth day of the tenth month of the second year of Xuanhe the rising began."
    twin = resolved(roman, eras, calendar)[0][0]
    assert (row.year, row.month, row.day, row.era, row.era_year, row.certainty) == (
        1120, 10, 9, "Xuanhe", 2, "high")
    assert (row.date_start, row.date_end) == (twin.date_start, twin.date_end)
    assert row.text == "宣和二年十月九日"
    assert not warnings


def test_simplified_characters_and_season_and_cycle_day(eras, calendar) -> None:
    text = "The crossing is dated 开皇九年 in one book and 開皇九年春正月丙子 in another."
    rows, _ = resolved(text, eras, calendar)
    assert row_at(rows, text, "开皇").year == 589
    row = row_at(rows, text, "開皇九年春")
    assert (row.year, row.month, row.day) == (589, 1, 12)  # 丙子 = the 12th of that month


def test_shared_era_name_prefers_the_dynasty_named(eras, calendar) -> None:
    for text, year, level in (
        ("In 北漢天會六年 the Song army came.", 962, "high"),  # dynasty written before it
        ("In 金太宗天會六年二月 the army left.", 1128, "high"),  # dynasty, ruler, era
        ("The Jin army marched in 天會六年二月 and took the city.", 1128, "high"),
        ("The campaign of 天會六年 ended.", None, "low"),  # nothing named: low and warned
    ):
        rows, warnings = resolved(text, eras, calendar)
        row = row_at(rows, text, "天會")
        assert row.certainty == level, text
        if year is not None:
            assert row.year == year
        else:
            assert any(w.code == "ERA_CHOSEN_BY_DEFAULT" for w in warnings)


def test_chinese_era_before_a_korean_one_of_the_same_characters(eras, calendar) -> None:
    text = "The fleet sailed in 永樂三年."  # also Goguryeo's era (391-413)
    rows, warnings = resolved(text, eras, calendar)
    assert row_at(rows, text, "永樂").year == 1405
    assert any("the Chinese one" in w.message for w in warnings)


def test_unknown_name_and_impossible_year_give_no_wrong_row(eras, calendar) -> None:
    text = "The stele reads 某某二年. Another says 宣和二十年. In 二十二年 nothing happened."
    rows, warnings = resolved(text, eras, calendar)
    assert not [r for r in rows if r.year is not None]
    codes = {w.code for w in warnings}
    assert {"DATE_NOT_READ", "ERA_YEAR_OUT_OF_RANGE"} <= codes
    assert not [m for m in find_cjk_dates(text, eras) if m.text == "二十二年"]


def _sanmiao_start_years() -> dict[int, int]:
    path = importlib.resources.files("sanmiao") / "data" / "era_table.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {int(r["era_id"]): int(r["era_start_year"]) for r in csv.DictReader(fh)}


def _zh(n: int) -> str:
    digits = "〇一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, units = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[units] if units else "")


def test_random_era_dates_agree_with_sanmiao(eras, calendar) -> None:
    """A few dozen random era + year + month + day dates of the Chinese era table, read by
    chronicle and by ``sanmiao.cjk_date_interpreter``: chronicle's day is one of sanmiao's
    readings (sanmiao lists every era of the name). Compared only where the two era tables
    agree on the era's first year (the gazetteer corrects sanmiao's early-Han and a few other
    eras, where the two disagree by design) and the dates sanmiao reads; Wu Zhou's renumbered
    months aside. Day 1 is left out: sanmiao reads "一日" as "one day"."""
    from sanmiao import cjk_date_interpreter

    sanmiao_start = _sanmiao_start_years()
    with (gazetteer_dir() / "eras.csv").open(encoding="utf-8", newline="") as fh:
        ids = {int(r["era_id"]): [int(i) for i in r["sanmiao_era_ids"].split("|") if i]
               for r in csv.DictReader(fh)}
    pool = [e for e in eras.eras if e.era_id in ids and e.dynasty != "Wu Zhou"
            and all(sanmiao_start.get(i) == e.start_year for i in ids[e.era_id])]
    rng = random.Random(20261201)
    compared = agreed = 0
    misses = []
    for _ in range(24):
        era = rng.choice(pool)
        n, month, day = rng.randint(1, era.length), rng.randint(1, 12), rng.randint(2, 29)
        phrase = (f"{era.name_zh}{'元' if n == 1 else _zh(n)}年"
                  f"{'正' if month == 1 else _zh(month)}月{_zh(day)}日")
        answer = cjk_date_interpreter(phrase, jd_out=True, civ="c")
        theirs = {int(float(x) + 0.5) for x in re.findall(r"JD (\d+\.5)）", answer)}
        if not theirs:
            continue  # sanmiao reads no day ("龍朔": its 朔 taken for the new moon)
        text = f"In {phrase} the army left."
        rows, warnings = resolved(text, eras, calendar)
        row = row_at(rows, text, phrase[:2])
        if row.date_start is None or row.date_start != row.date_end:
            continue  # no day given: no wrong day either
        if any(w.code == "DATE_OUTSIDE_ERA" for w in warnings):
            continue  # a month the era never had (sanmiao numbers its rows its own way)
        compared += 1
        sign, iso = (-1, row.date_start[1:]) if row.date_start.startswith("-") else (
            1, row.date_start)
        y, mo, d = (int(v) for v in iso.split("-"))
        if gregorian_to_jdn(sign * y, mo, d) in theirs:
            agreed += 1
        else:
            misses.append((phrase, row.date_start, answer))
    assert compared >= 15
    assert agreed == compared, misses


def test_printed_year_in_brackets_is_the_dates_gloss(eras, calendar) -> None:
    for text in ("In 宣和二年（1120年）the rebellion began.",
                 "In 宣和二年 (1120) the rebellion began."):
        rows, warnings = resolved(text, eras, calendar)
        assert [(r.year, r.era, r.certainty) for r in rows] == [(1120, "Xuanhe", "high")]
        assert rows[0].text.endswith(")") or rows[0].text.endswith("）")
    # a printed year no reading of the era fits: as for "the second year of Xuanhe (1125)"
    rows, warnings = resolved("In 宣和二年 (1125) the rebellion began.", eras, calendar)
    twin = resolved("In the second year of Xuanhe (1125) the rebellion began.", eras,
                    calendar)[0][0]
    assert (rows[0].year, rows[0].era, rows[0].certainty) == (twin.year, twin.era,
                                                              twin.certainty) == (1125, None,
                                                                                  "medium")
    assert any(w.code == "YEAR_FROM_PRINTED_YEAR" for w in warnings)


def test_month_before_the_era_began_is_read_on_another_calendar(eras, calendar) -> None:
    # Liu Bei proclaimed Zhangwu in the fourth month of 221: the second month is Han/Wei's
    text = "In 章武元年二月二日 the army left."
    rows, warnings = resolved(text, eras, calendar)
    assert (rows[0].year, rows[0].date_start, rows[0].certainty) == (221, "0221-03-12",
                                                                     "medium")
    assert any(w.code == "DATE_OUTSIDE_ERA" for w in warnings)


def test_month_no_calendar_has_gives_the_year_only(eras, calendar) -> None:
    # Wu Zhou renamed its months (正月, 臘月, 一月 ... 十月): no eleventh month in its tables
    text = "On the sixth day of the eleventh month of the first year of Shengong the army left."
    rows, warnings = resolved(text, eras, calendar)
    assert (rows[0].year, rows[0].day, rows[0].certainty) == (697, None, "medium")
    assert any(w.code == "MONTH_NOT_IN_CALENDAR" for w in warnings)
