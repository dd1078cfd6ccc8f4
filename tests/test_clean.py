"""Cleaning: each rule by the form of the noise, and offsets back to the original."""

from __future__ import annotations

import re

import pytest

from pipeline.clean import clean

CASES = [
    # (raw, expected cleaned text, expected warning code)
    ("Site Name - Category - Some Article Title\n\nText here.", "\n\nText here.",
     "SCRAPED_HEADER"),
    ("Home > History > Tang\nThe Tang fell.", "\nThe Tang fell.", "SCRAPED_HEADER"),
    ("west of Sanmenxia, ??Henan).", "west of Sanmenxia, Henan).", "MOJIBAKE"),
    ("with Pusan ??Anzhen as the commander", "with Pusan Anzhen as the commander", "MOJIBAKE"),
    ("end of text.\n?\n\nComment: more.", "end of text.\n\n\nComment: more.",
     "LONE_QUESTION_MARK"),
    ("(now Jiangsu). , taking advantage", "(now Jiangsu). taking advantage",
     "DOUBLED_PUNCTUATION"),
    ("at Liyangjin ( Southeast of Junxian)", "at Liyangjin (Southeast of Junxian)",
     "SPACE_AFTER_BRACKET"),
    ("the Song Dynasty ) battle", "the Song Dynasty) battle", "SPACE_BEFORE_PUNCTUATION"),
    ("The Jin Army\u2019s attack", "The Jin Army's attack", "CURLY_QUOTE"),
    ("so  much   space", "so much space", "WHITESPACE_RUN"),
    ('<h1 class="x" > Title</h1>', " Title", "HTML_TAG"),
    ("a feather.[1] Next", "a feather. Next", "FOOTNOTE_MARK"),
    ("Same title\nSame title\n\nSame title\nBody.", "Same title\n\n\n\nBody.", "REPEATED_LINE"),
]


@pytest.mark.parametrize(("raw", "expected", "code"), CASES)
def test_rule(raw: str, expected: str, code: str) -> None:
    result = clean(raw)
    assert result.text == expected
    assert code in {w.code for w in result.warnings}


@pytest.mark.parametrize(("raw", "_expected", "_code"), CASES)
def test_every_word_maps_back_to_the_same_original_characters(raw, _expected, _code) -> None:
    result = clean(raw)
    for match in re.finditer(r"\w+", result.text):
        start, end = result.to_original(match.start(), match.end())
        assert raw[start:end] == match.group()


def test_warnings_point_at_what_was_removed() -> None:
    raw = "captured Shaanzhou (west of Sanmenxia, ??Henan)."
    result = clean(raw)
    (warning,) = result.warnings
    assert raw[warning.start:warning.end] == "??"


def test_plain_questions_and_hyphenated_ranges_are_kept() -> None:
    raw = "Why did he flee? Nobody knows - not even (1125 - 1127) chroniclers."
    assert clean(raw).text == raw


def test_span_over_removed_text_covers_it() -> None:
    raw = "Pusan ??Anzhen led"
    result = clean(raw)
    start, end = result.to_original(0, len("Pusan Anzhen"))
    assert raw[start:end] == "Pusan ??Anzhen"
