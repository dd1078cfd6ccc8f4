"""Dates a fresh user's texts got wrong (round 2), as invented sentences of the same kinds:
Minguo (Republic of China) years, bare years after a BC year, Western month names after a
Western date, printed life spans with a spaced hyphen, month words opening a clause after a
printed year, day offsets from a Western day, and a dynasty named beside a shared era."""

from __future__ import annotations

import pytest
from date_rows import resolved as _rows
from date_rows import row_at as _at


@pytest.mark.parametrize(("text", "phrase", "year", "start"), [
    ("The old court was gone; in the first year of the Republic the capital moved.",
     "the first year", 1912, "1912-01-01"),
    ("The treaty came in the 17th year of the Republic (1928).", "the 17th year", 1928, None),
    ("The mill was built in Minguo 8.", "Minguo 8", 1919, "1919-01-01"),
    ("The gazetteer was printed in the fifth year of Min-kuo.", "the fifth year", 1916, None),
    ("In the fourth month of the 30th year of the Republic, the school closed.",
     "the fourth month", 1941, "1941-04-01"),
])
def test_minguo_years(text, phrase, year, start, eras, calendar) -> None:
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, phrase)
    assert (row.year, row.era_zh, row.certainty) == (year, "民國", "high")
    if start:
        assert row.date_start == start


def test_bare_years_between_bc_years_are_bc(eras, calendar) -> None:
    text = "Wu Qi won at Yinjin in 389 BC, at Xihe in 387, at Anyi in 385 and at Puban in 380 BC."
    rows, _ = _rows(text, eras, calendar)
    got = {r.text: (r.year, r.certainty) for r in rows}
    assert got["387"] == (-386, "high") and got["385"] == (-384, "high")


def test_bare_year_after_one_bc_year_is_a_flagged_guess(eras, calendar) -> None:
    text = "In 260 BC the siege began, and in 259 the city surrendered."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "259")
    assert (row.year, row.certainty) == (-258, "medium")
    assert any(w.code == "BARE_YEAR_BC_GUESSED" for w in warnings)


def test_larger_bare_year_after_bc_year_is_ce_but_flagged(eras, calendar) -> None:
    text = "The wall was begun in 214 BC; by 300 it had been rebuilt twice."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "300")
    assert (row.year, row.certainty) == (300, "medium")
    assert any(w.code == "BARE_YEAR_CE_OR_BC" for w in warnings)


def test_bc_context_ends_with_the_paragraph(eras, calendar) -> None:
    text = "The state fell in 223 BC.\n\nIn 220 a new dynasty began at Luoyang."
    rows, _ = _rows(text, eras, calendar)
    assert (_at(rows, text, "220").year, _at(rows, text, "220").certainty) == (220, "high")


@pytest.mark.parametrize(("text", "phrase", "start", "end", "certainty"), [
    # a Western running date with a day: the month name is that year's Western month
    ("The treaty was signed on 9 April 1895. The army left Taiwan in June.", "June",
     "1895-06-01", "1895-06-30", "high"),
    # the text writes Western month dates: "of that year" after a bare year
    ("The siege began on May 3, 1853. Fighting spread in 1854, and Wuchang fell in October of "
     "that year.", "October", "1854-10-01", "1854-10-31", "high"),
    # a Minguo era date counts Gregorian months
    ("In the 20th year of the Republic the floods came; the dikes broke in August.", "August",
     "1931-08-01", "1931-08-31", "high"),
    # before 1582: a Julian month (date_start is proleptic Gregorian)
    ("He landed on 2 March 1421, and sailed home in May.", "May", "1421-05-10", "1421-06-09",
     "high"),
])
def test_month_name_after_western_date_is_western(text, phrase, start, end, certainty,
                                                  eras, calendar) -> None:
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, phrase)
    assert (row.date_start, row.date_end, row.certainty) == (start, end, certainty)


def test_month_name_after_era_date_stays_lunar_but_flagged(eras, calendar) -> None:
    text = "In the fifth year of Chunxi the envoys came. In March they left for the north."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "March")
    assert (row.year, row.month, row.certainty) == (1178, 3, "medium")
    assert row.date_start != "1178-03-01"  # the lunar third month, not the Western March
    assert any(w.code == "WESTERN_MONTH_NAME_AS_LUNAR" for w in warnings)


def test_month_name_after_era_date_in_a_western_text_is_flagged(eras, calendar) -> None:
    text = ("The rising began on 11 January 1851. In the second year of Xianfeng the army "
            "crossed into Hunan, and Changsha was besieged in September.")
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "September")
    assert (row.date_start, row.certainty) == ("1852-09-01", "medium")
    assert any(w.code == "WESTERN_MONTH_GUESSED" for w in warnings)


def test_month_before_the_running_western_month_is_next_year(eras, calendar) -> None:
    text = "The mutiny broke out on 4 November 1900. In February the ringleaders were caught."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "February")
    assert (row.year, row.date_start, row.certainty) == (1901, "1901-02-01", "medium")
    assert any(w.code == "NEXT_YEAR_BY_MONTH_ORDER" for w in warnings)


@pytest.mark.parametrize(("text", "phrase", "start"), [
    ("The minister was shot on 14 June 1920 and died three days later.", "three days later",
     "1920-06-17"),
    ("The envoy arrived on 30 January 1650; two days later he was received.", "two days later",
     "1650-02-01"),
])
def test_day_offset_from_a_western_day(text, phrase, start, eras, calendar) -> None:
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, phrase)
    assert (row.date_start, row.date_end, row.certainty) == (start, start, "high")


def test_life_span_with_a_spaced_hyphen_in_a_garbled_text(eras, calendar) -> None:
    # the text holds machine-translation digit codes, so odd tokens are suspected of garbles
    text = "Liu Zhiyuan (895 -948) rose at Taiyuan. In /kloc-0/947 he took the throne."
    rows, warnings = _rows(text, eras, calendar)
    row = _at(rows, text, "895")
    assert (row.year, row.year_end) == (895, 948)
    assert not any(w.code == "GARBLED_DIGITS" and "895" in w.message for w in warnings)


@pytest.mark.parametrize(("text", "phrase", "year", "dynasty"), [
    ("Emperor Taizong of Tang sent envoys west in the third year of Zhenguan.",
     "the third year", 629, "Tang"),
    ("The Jin envoys were received by the Song court in the fifth year of Tianhui.",
     "the fifth year", 1127, "Jin"),
])
def test_dynasty_named_in_the_sentence_settles_a_shared_era(text, phrase, year, dynasty,
                                                            eras, calendar) -> None:
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, phrase)
    assert (row.year, row.dynasty, row.certainty) == (year, dynasty, "high")


def test_a_dynasty_in_another_sentence_does_not_settle_it(eras, calendar) -> None:
    text = "The Tang had long fallen. In the fourth year of Zhenguan, a drought struck."
    rows, _ = _rows(text, eras, calendar)
    assert _at(rows, text, "the fourth year").certainty != "high"


def test_month_words_opening_a_clause_after_an_era_date(eras, calendar) -> None:
    text = ("In the second year of Qianyou (949), Guo Wei marched north. Eight months, Guo Wei "
            "reached the river. In the third year of Qianyou (950) April, Guo Wei returned. "
            "Leap May, Liu Chengyou was afraid. October, Liao troops withdrew.")
    rows, warnings = _rows(text, eras, calendar)
    got = {r.text: (r.year, r.month, r.leap_month, r.certainty) for r in rows}
    assert got["Eight months"] == (949, 8, False, "medium")
    assert got["April"] == (950, 4, False, "medium")
    assert got["Leap May"] == (950, 5, True, "medium")  # 950 has a leap fifth month
    assert got["October"] == (950, 10, False, "medium")
    assert sum(w.code == "MONTH_WORD_READ" for w in warnings) == 4


def test_a_duration_or_a_lowercase_clause_is_no_month(eras, calendar) -> None:
    text = ("In 1127 the court fled. Two months, three days and more passed. Nine months "
            "later, peace.")
    rows, _ = _rows(text, eras, calendar)
    assert not any(r.text in ("Two months", "Nine months") for r in rows)


def test_month_name_in_a_gregorian_japanese_era_year(eras, calendar) -> None:
    text = "The harbour opened in the 8th year of Showa. The first ships came in May."
    rows, _ = _rows(text, eras, calendar)
    row = _at(rows, text, "May")
    assert (row.date_start, row.date_end, row.certainty) == ("1933-05-01", "1933-05-31", "high")
