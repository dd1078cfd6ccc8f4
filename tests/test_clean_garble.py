"""A document-wide character garble (``GARBLE_SUBSTITUTION``): a mirror that rewrites "l" as "w"
and "th" as "d", OCR's "b" for "h"; invented texts in the style of such pages."""

from __future__ import annotations

import csv

import pytest

from pipeline import api
from pipeline.clean import clean
from pipeline.clean_garble import (
    MIN_REPAIRED_WORDS,
    Pair,
    adopted_pairs,
    garble_edits,
    pairs,
    repair,
)
from pipeline.resources import gazetteer_dir

# an invented paragraph as an "l" -> "w", "th" -> "d" mirror prints it
MIRROR = ("The Revowt of de Three Feudatories was a rebewwion in de souf. In Juwy 1673 de "
          "governor was kiwwed, and in Apriw 1674 de generaw revowted. He procwaimed himsewf "
          "king and pwaced his fader under arrest. De dree weaders fowwowed him. He was wed "
          "by his officiaws into de city, where he died widin dree monds; his audority ended.")


def _rows(raw: str) -> list:
    return [w for w in clean(raw).warnings if w.code == "GARBLE_SUBSTITUTION"]


def test_a_mirror_garble_is_read_and_offsets_point_into_the_original() -> None:
    result = clean(MIRROR)
    assert "Revolt" in result.text and "killed" in result.text and "July 1673" in result.text
    assert "April 1674" in result.text and "proclaimed himself" in result.text
    assert "three leaders followed" in result.text
    # "th" -> "d" changes the length: a span of the cleaned text maps back to the garbled word
    at = result.text.index("three")
    start, end = result.to_original(at, at + len("three"))
    assert MIRROR[start:end] == "dree"
    at = result.text.index("April")
    start, end = result.to_original(at, at + len("April 1674"))
    assert MIRROR[start:end] == "Apriw 1674"


def test_one_warning_row_per_adopted_pair_with_its_count() -> None:
    rows = _rows(MIRROR)
    assert len(rows) == 2
    assert "'w'->'l'" in rows[0].message and "13 word(s) changed" in rows[0].message
    assert MIRROR[rows[0].start:rows[0].end] == "Revowt"
    # "d" -> "th": "dree" (twice), "fader", "widin", "monds", "audority"
    assert "'d'->'th'" in rows[1].message and "6 word(s) changed, 5 distinct" in rows[1].message
    # with only two "d" words the pair is not adopted: no row, the words stay
    fewer = MIRROR.replace(" widin dree monds; his audority ended", "")
    assert len(_rows(fewer)) == 1 and "De dree weaders" not in clean(fewer).text
    assert "De dree leaders" in clean(fewer).text


def test_known_words_are_never_changed() -> None:
    text = clean(MIRROR).text
    # "wed" (led), "de" (the) and "died" are English words: left as the mirror wrote them
    assert "He was wed by" in text and " de city" in text and "he died" in text


def test_case_is_kept() -> None:
    text = clean(MIRROR.upper().replace("JUWY", "Juwy")).text
    assert "REVOLT" in text and "KILLED" in text and "Juwy" not in text and "July" in text


@pytest.mark.parametrize("raw", [
    # one OCR slip in a clean page: too few words for a document-wide reading
    "Tbe army of Wang Mang crossed the river in 23 and took the city; the victorv was short.",
    # names and pinyin that a substitution would turn into English words stay
    "Beidi and Wuwu were named; Liangzhou fell to the Wei in the year wuwu, and Lu Bu fled.",
    # Vietnamese without its diacritics, pinyin names: unknown words, but no garble
    ("Le Loi va Nguyen Trai danh bai quan Minh o Chi Lang; Vua Le Thai To ban bo luat Hong "
     "Duc. Duc, cuc, doc, bac, cuoc, chuc, thuc, luc, tuc, phuc."),
    ("Liu Bei, Liang Qichao, Lianghuai, Liaodong, Bianliang, Wuwei, Wuhu, Wuxi, Wudi, Dade, "
     "Dading, Chengde, Tiande, Jiade, Yongde, Bohai, Beidi, Beiping, Boluo, Vang Pao."),
    # the paragraph as the source wrote it
    ("The Revolt of the Three Feudatories was a rebellion in the south. In July 1673 the governor "
     "was killed, and in April 1674 the general revolted. He proclaimed himself king and placed "
     "his father under arrest. The three leaders followed him. He was led by his officials into "
     "the city, where he died within three months; his authority ended."),
])
def test_clean_text_is_left_alone(raw: str) -> None:
    assert garble_edits(raw) == []
    assert clean(raw).text == raw.replace("\r\n", "\n")


def test_adoption_needs_many_distinct_words_and_a_share_of_the_document() -> None:
    pair = Pair("w", "l")
    repaired = ["kiwwed", "revowt", "juwy", "apriw"]
    assert set(adopted_pairs(repaired, (pair,))[pair]) == set(repaired)
    assert adopted_pairs(repaired[:MIN_REPAIRED_WORDS - 1], (pair,)) == {}
    # the same three repairs among a thousand other words (a long book): a chance, not a garble
    other = [f"word{n}x" for n in range(1000)]
    assert adopted_pairs(repaired[:3] + other, (pair,)) == {}


def test_repair_prefers_the_known_word_and_refuses_known_input() -> None:
    wl, dth = Pair("w", "l"), Pair("d", "th")
    assert repair("kiwwed", (wl, dth))[0] == "killed"
    assert repair("widdrew", (wl, dth))[0] == "withdrew"  # one "d" of two, the "w" of "drew" kept
    assert repair("wed", (wl,)) is None  # a known word
    assert repair("qxzw", (wl,)) is None  # no known reading


def test_every_listed_example_repairs_with_its_pair() -> None:
    path = gazetteer_dir() / "garble_substitutions.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(pairs())
    for row in rows:
        garbled, plain = row["example"].lower().split("=")
        pair = Pair(row["garbled"], row["plain"])
        assert pair.garbled in garbled
        assert repair(garbled, (pair,))[0] == plain, row


def test_a_garbled_month_and_trigger_reach_the_tables() -> None:
    resources = api.load_resources()
    out = api.process_text(MIRROR, "doc", resources)
    months = {(d.year, d.month) for d in out.dates}
    assert (1673, 7) in months and (1674, 4) in months
    triggers = {e.trigger for e in out.events}
    assert "killed" in triggers or "revolted" in triggers
    for event in out.events:  # offsets into the original text
        assert 0 <= event.start < event.end <= len(MIRROR)
