"""Words split by OCR or a line break are rejoined by word frequencies, each join a warning row,
and every span of the joined text maps back to the original (invented inputs)."""

from __future__ import annotations

import re

import pytest

from pipeline import api
from pipeline.clean import clean
from pipeline.clean_words import zipf

JOINS = [
    # (raw, expected cleaned text, code)
    ("the destruc tion of the city", "the destruction of the city", "OCR_SPLIT_WORD"),
    ("the army recov ered the town", "the army recovered the town", "OCR_SPLIT_WORD"),
    ("Em peror Gaozong fled", "Emperor Gaozong fled", "OCR_SPLIT_WORD"),
    ("the govern ment fell", "the government fell", "OCR_SPLIT_WORD"),
    ("the rebel- lion ended", "the rebellion ended", "HYPHEN_BREAK_JOINED"),
    ("the rebel-\nlion ended", "the rebellion ended", "HYPHEN_BREAK_JOINED"),
    ("the rebel- \n lion ended", "the rebellion ended", "HYPHEN_BREAK_JOINED"),
    ("a general dis- tribution of rewards", "a general distribution of rewards",
     "HYPHEN_BREAK_JOINED"),
    ("the twenty- fifth year", "the twenty-fifth year", "HYPHEN_BREAK_KEPT"),
    ("occupied Ch\u2019i- mun", "occupied Ch'i-mun", "HYPHEN_BREAK_KEPT"),
    ("he took Hang- chou", "he took Hang-chou", "HYPHEN_BREAK_KEPT"),
    ("Tseng-kuo- fan wrote", "Tseng-kuo-fan wrote", "HYPHEN_BREAK_KEPT"),
]

KEPT = [
    "he came in to the hall",          # two real words
    "they walked a round the wall",    # two real words
    "log in first",                    # two real words
    "a wry smile",                     # "awry": the joined word is not likelier enough
    "the Hupeh- Anhui border",         # capitalised second part: a compound of names
    "pre- and post-war",               # suspended hyphen
    "in 1850- 1900",                   # digits
    "Chan nel came",                   # capitalised pinyin syllable: a name, not "Channel"
    "the rebel- <br>lion ended",       # a join never spans removed text
    "the destruc  tion",               # nor a run of spaces
    "the Tai- pings came",             # a syllable and an unknown word: no evidence either way
    "a cut-off frag- mnt here",        # neither a known word joined nor two words
]


@pytest.mark.parametrize(("raw", "expected", "code"), JOINS)
def test_split_words_are_joined_with_a_warning(raw: str, expected: str, code: str) -> None:
    result = clean(raw)
    assert result.text == expected
    (warning,) = [w for w in result.warnings if w.code == code]
    assert "a guess" in warning.message


@pytest.mark.parametrize("raw", KEPT)
def test_real_words_names_and_compounds_are_not_joined(raw: str) -> None:
    result = clean(raw)
    codes = {w.code for w in result.warnings}
    assert not codes & {"OCR_SPLIT_WORD", "HYPHEN_BREAK_JOINED", "HYPHEN_BREAK_KEPT"}


@pytest.mark.parametrize(("raw", "expected", "code"), JOINS)
def test_a_joined_word_maps_back_to_both_parts(raw: str, expected: str, code: str) -> None:
    result = clean(raw)
    (warning,) = [w for w in result.warnings if w.code == code]
    (joined,) = [word for word in expected.split() if word not in raw.split()]
    start = result.text.index(joined)
    end = start + len(joined)
    o_start, o_end = result.to_original(start, end)
    assert o_start <= warning.start < warning.end == o_end  # both parts ("Tseng-" before one)
    # a span inside the joined word covers both parts of the original
    inner = result.to_original(end - 3, end - 1)
    assert inner[0] <= warning.start and inner[1] == warning.end
    for match in re.finditer(r"\w+", result.text):
        if match.end() <= start or match.start() >= end:  # the other words keep their characters
            o_start, o_end = result.to_original(match.start(), match.end())
            assert raw[o_start:o_end] == match.group()


def test_the_warning_covers_both_parts_in_the_original() -> None:
    raw = "In 1130 the army recov ered the town."
    (warning,) = clean(raw).warnings
    assert raw[warning.start:warning.end] == "recov ered"


def test_zipf_reads_wordfreq() -> None:
    assert zipf("the") > zipf("rebellion") > zipf("cession") > 0.0
    assert zipf("destruc") == 0.0


def test_an_event_in_a_joined_word_points_at_the_original(resources: api.Resources) -> None:
    text = "In 1130 Yue Fei recov ered Jiankang."
    result = api.process_text(text, "doc", resources)
    (event,) = [e for e in result.events if e.trigger == "recovered"]
    assert event.start <= text.index("recov ered")
    assert event.end >= text.index("recov ered") + len("recov ered")
    (warning,) = [w for w in result.warnings if w.code == "OCR_SPLIT_WORD"]
    assert text[warning.start:warning.end] == "recov ered"


NAME_BREAKS = [
    # (raw, expected cleaned text, code): a capitalised name broken at a line end
    ("Kaifong fell. The Mongols entered Kai-\nfong at last.",
     "Kaifong fell. The Mongols entered Kaifong at last.", "HYPHEN_BREAK_JOINED"),
    ("Tamsun held out; then Tam-\nsun fell.", "Tamsun held out; then Tamsun fell.",
     "HYPHEN_BREAK_JOINED"),
    ("Kai-fong fell. They entered Kai-\nfong.", "Kai-fong fell. They entered Kai-fong.",
     "HYPHEN_BREAK_KEPT"),
    ("They entered Kai-\nfong.", "They entered Kai-fong.", "HYPHEN_BREAK_KEPT"),  # old spelling
]


@pytest.mark.parametrize(("raw", "expected", "code"), NAME_BREAKS)
def test_a_name_broken_at_a_line_end_follows_the_texts_own_spelling(
        raw: str, expected: str, code: str) -> None:
    result = clean(raw)
    assert result.text == expected
    (warning,) = [w for w in result.warnings if w.code == code]
    assert "a guess" in warning.message


@pytest.mark.parametrize("raw", [
    "the Sino-\nJapanese war; Sinojapanese",    # capitalised second part: never edited
    "Tam-\nsun fell; Tamsun and Tam-sun both",  # the text writes it both ways: no evidence
    "Tam-\nsun fell",                           # neither a known word nor syllables
])
def test_a_name_break_without_evidence_is_left(raw: str) -> None:
    result = clean(raw)
    codes = {w.code for w in result.warnings}
    assert not codes & {"HYPHEN_BREAK_JOINED", "HYPHEN_BREAK_KEPT"}
    assert result.text == raw
