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
    ("Why" + "?" * 30 + " he left", "Why??? he left", "PUNCTUATION_RUN"),
    ("x " + "([{" * 8 + " end", "x ([{ end", "PUNCTUATION_RUN"),
    ("x " + "_" * 25 + " y", "x ___ y", "PUNCTUATION_RUN"),
    ("x " + "ab" * 700 + " y", "x " + "ab" * 500 + " " + "ab" * 200 + " y", "LONG_WORD"),
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


def test_short_punctuation_runs_are_kept() -> None:
    raw = "Really?! (see [1125-1127]) -- and ''so'' on " + "-" * 20 + " and " + "=" * 20 + " end"
    result = clean(raw)
    assert result.text == raw
    assert not result.warnings


def test_a_punctuation_run_warning_covers_what_was_cut() -> None:
    raw = "He asked" + "?" * 500 + " and left."
    result = clean(raw)
    (warning,) = result.warnings
    assert warning.code == "PUNCTUATION_RUN"
    assert raw[warning.start:warning.end] == "?" * 497
    assert "500" in warning.message


def test_a_long_word_is_broken_every_max_word_chars() -> None:
    raw = "A" * 2500
    result = clean(raw)
    assert result.text.split() == ["A" * 1000, "A" * 1000, "A" * 500]
    assert [(w.start, w.end) for w in result.warnings] == [(1000, 1000), (2000, 2000)]
    third = result.text.rindex(" ") + 1
    assert result.to_original(third, len(result.text)) == (2000, 2500)


def test_mojibake_inside_a_long_question_mark_run() -> None:
    # the run before a letter is still mojibake (placeholders of lost characters)
    raw = "west of " + "?" * 15 + "Henan and " + "?" * 15 + " more"
    assert clean(raw).text == "west of Henan and more"


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_ends_become_line_breaks_silently(ending: str) -> None:
    lines = ["Home > History > Tang", "Same title", "Same title", "", "?", "Text  here."]
    unix = clean("\n".join(lines))
    raw = ending.join(lines)
    result = clean(raw)
    assert result.text == unix.text
    assert [(w.code, w.message) for w in result.warnings] == [
        (w.code, w.message) for w in unix.warnings]
    for match in re.finditer(r"\S+", result.text):
        start, end = result.to_original(match.start(), match.end())
        assert raw[start:end] == match.group()
    unix_raw = "\n".join(lines)
    for warning, unix_warning in zip(result.warnings, unix.warnings, strict=True):
        removed = raw[warning.start:warning.end].replace("\r\n", "\n").replace("\r", "\n")
        assert removed == unix_raw[unix_warning.start:unix_warning.end]
