"""Old dictionaries' and BC prose years (pipeline.dates.short_years, .bc, .merges, .grammar):
"A.D. 73 ... in 94", "in B.C. 90", a bare year inside a BC span, a BC suffix that is no
range's, and a dynasty name whose readings lie far from the text's time."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.dates.mentions import find_date_mentions

_ENTRY = ("Pan Ch'ao. A.D. 32-102. In A.D. 73 he accompanied Tou Ku against the Hsiung-nu. "
          "In 91 he was made Protector-General, and in 94 he subdued Yen-ch'i. He took 12 "
          "cities in 3 years, and in 80 ships sent envoys west. He returned in 102, and "
          "died.\n\nLi Kuang-li. Died B.C. 88. In B.C. 104 he was sent against Ta-yuan. In 102 "
          "he took Erh-shih. He surrendered in B.C. 90, and was put to death.\n")


def _years(text: str, eras) -> dict[str, int | None]:
    return {m.text: m.western_year for m in find_date_mentions(text, eras)
            if m.kind == "gregorian"}


def test_short_years_after_an_ad_year(eras, calendar) -> None:
    rows, _ = resolved(_ENTRY, eras, calendar)
    assert row_at(rows, _ENTRY, "91 he").year == 91
    assert row_at(rows, _ENTRY, "94 he").year == 94
    assert row_at(rows, _ENTRY, "91 he").certainty == "medium"  # a guess, flagged
    found = _years(_ENTRY, eras)
    assert "12" not in found and "3" not in found and "80" not in found  # counts


def test_bc_before_a_short_number_and_no_range_sign(eras) -> None:
    found = {m.text: m.western_year for m in find_date_mentions(_ENTRY, eras)}
    assert found["B.C. 90"] == -89
    assert found["B.C. 88"] == -87
    first = next(m for m in find_date_mentions(_ENTRY, eras) if m.text == "102")
    assert first.western_year == 102  # "in 102, and died. ... B.C. 104": no "102 to 104 BC"


def test_short_year_needs_an_era_word_before(eras) -> None:
    assert "30" not in _years("In the year 1127 he fled. In 30 he won.", eras)
    assert "30" not in _years("In A.D. 1127 he fled. In 30 he won.", eras)  # not 2-digit era


def test_bare_year_inside_a_bc_span(eras) -> None:
    text = ("The Chu-Han Contention (206–202 BC) followed. Xiang Yu burned Xianyang in 206. "
            "Liu Bang won at Gaixia in 202 BC.")
    assert _years(text, eras)["206"] == -205
    text = "In 210 BC he died; in 215 Meng Tian went north."
    assert _years(text, eras)["215"] == 215  # larger than the BC year: read CE (flagged)


def test_an_inherited_year_takes_its_printed_year_when_no_era_fits(eras, calendar) -> None:
    text = ("In the forty years of Jiajing (1561), the pirates attacked Taizhou. The second "
            "year (1562), the pirates turned to invade Fujian.")
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "The second year")
    assert (row.year, row.certainty) == (1562, "medium")  # not Longqing 2 = 1568


_LIVES = ("Pan Chao. A.D. 32-102. Younger brother of Pan Ku, the historian. He was poor and "
          "copied documents for a living. In 97 he despatched Kan Ying to the west.\n\n"
          "Sang Hung-yang. B.C. 152-80. A merchant's son of Lo-yang. In 110 he set up the "
          "equable transport.\n\nChang Heng. A.D. 78-139. In 12 days he built a machine, "
          "and in 40 he was gone.\n")


def test_a_short_era_marked_life_span_is_read(eras) -> None:
    spans = {m.text: (m.parts[0].western_year, m.parts[1].western_year)
             for m in find_date_mentions(_LIVES, eras) if m.kind == "range"}
    assert spans["32-102"] == (32, 102)
    assert spans["152-80"] == (-151, -79)  # BC counts down: not 152-180


def test_a_life_span_bounds_the_entrys_bare_years(eras, calendar) -> None:
    rows, _ = resolved(_LIVES, eras, calendar)
    row = row_at(rows, _LIVES, "97 he")
    assert row.year == 97 and row.certainty == "low"  # 65 years past 32, inside the life
    assert row_at(rows, _LIVES, "110 he").year == -109  # inside the BC life: 110 BC
    found = _years(_LIVES, eras)
    assert "12" not in found  # a count, not a year
    assert "40" not in found  # outside the life 78-139: no year


def test_a_life_span_bounds_short_years_a_page_on(eras) -> None:
    filler = "He fought many battles in the west and won the trust of the kings there. " * 10
    text = ("Pan Chao. A.D. 32-102. A copyist. In 73 he served under Tou Ku. " + filler
            + "In 74 he entered Kashgar. " + filler + "Kuei-tzu submitted in 91, and he was "
            "made Protector.\n\nChang Heng. A.D. 78-139. " + filler + "In 40 he was gone.\n")
    found = _years(text, eras)
    assert (found["73"], found["74"], found["91"]) == (73, 74, 91)  # each far from the last
    assert "40" not in found  # outside that entry's life (and another paragraph's)
