"""Evidence from data for dates the text gives loosely (issue 7): Japanese cycle-year readings
generated from cycle_japanese.csv, persons' years for cycle years and shared ruler names,
decades and centuries. Sentences are invented; the end-to-end cases are in
date_honesty_cases.csv."""

from __future__ import annotations

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.dates.coarse import coarse_spans
from pipeline.dates.cycle_japanese import cycle_zh, japanese_positions
from pipeline.dates.days import year_cycle
from pipeline.dates.lexicon import load_lexicon
from pipeline.dates.lifetimes import person_year
from pipeline.eras import EraTable


def test_kun_names_are_one_reading_each() -> None:
    assert japanese_positions("kinoe-ne") == (1,)
    assert japanese_positions("Hinoto-Hitsuji") == (44,)
    assert japanese_positions("mizu no to i") == (60,)
    assert cycle_zh(44) == "丁未" and cycle_zh(60) == "癸亥"


def test_on_names_keep_every_reading() -> None:
    assert japanese_positions("kōshi") == (1, 37)  # 甲子, 庚子
    assert japanese_positions("koushi") == japanese_positions("kôshi") == (1, 37)
    assert japanese_positions("kasshi") == (1,)  # the doubled consonant is 甲 only
    assert {cycle_zh(p) for p in japanese_positions("jinshin")} == {"壬申", "壬辰"}
    assert japanese_positions("shingai") == (48,)
    assert japanese_positions("kinoe") == ()  # a stem alone is no year


def test_every_cycle_position_has_a_kun_name() -> None:
    stems = ["ki-no-e", "ki-no-to", "hi-no-e", "hi-no-to", "tsuchi-no-e", "tsuchi-no-to",
             "ka-no-e", "ka-no-to", "mizu-no-e", "mizu-no-to"]
    branches = ["ne", "ushi", "tora", "u", "tatsu", "mi", "uma", "hitsuji", "saru", "tori",
                "inu", "i"]
    for n in range(1, 61):
        name = f"{stems[(n - 1) % 10]}-{branches[(n - 1) % 12]}"
        assert japanese_positions(name) == (n,), name
    assert year_cycle(1924) == 1  # 甲子


def test_person_year_needs_one_fit() -> None:
    assert person_year(21, (("A", 1621, 1645, 0),))[0] == 1644
    assert person_year(21, (("A", 1580, 1660, 0),))[0] is None  # 1584 and 1644
    assert person_year(21, (("A", 1580, 1660, 0), ("B", 1630, 1650, 0)))[0] == 1644
    assert person_year(21, (("A", 1580, 1660, 1), ("B", 1630, 1650, 0)))[0] == 1644
    assert person_year(30, (("A", 1621, 1645, 0),))[0] is None  # 1653 is after A


def test_coarse_spans() -> None:
    lex = load_lexicon()
    text = ("the 1120s; the late 12th century; the 3rd century BC; two centuries later; "
            "the 3rd and 2nd centuries BC; the 1100s")
    got = [(text[s:e], a, b) for s, e, _u, _p, a, b in coarse_spans(text, lex)]
    assert got == [("the 1120s", 1120, 1129), ("the late 12th century", 1168, 1200),
                   ("the 3rd century BC", -299, -200), ("the 3rd and 2nd centuries BC", -299, -100),
                   ("the 1100s", 1100, 1199)]


def test_ruler_persons_disagree_is_low(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "In the third year of Wu Di, Zhuge Liang marched north."
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    assert rows[0].certainty == "low"
    assert "RULER_PERSONS_DISAGREE" in {w.code for w in warnings}


def test_cycle_year_outside_persons_is_low(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "In 1127 Kaifeng fell, and in the jiashen year Yue Fei was born."
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    row = next(r for r in rows if "jiashen" in r.text)
    assert row.year == 1104 and row.certainty != "high"
