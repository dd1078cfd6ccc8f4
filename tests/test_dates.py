"""Date-mention recognition (pipeline.dates), driven by tests/date_cases.csv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.dates import (
    DateMention,
    era_name_spans,
    find_date_mentions,
    load_lexicon,
    parse_number,
    with_offset,
)
from pipeline.eras import EraTable

CASES_PATH = Path(__file__).resolve().parent / "date_cases.csv"


def load_cases() -> list[dict[str, str]]:
    with CASES_PATH.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


CASES = load_cases()
POSITIVE = [c for c in CASES if c["kind"] != "none"]
DISTRACTORS = [c for c in CASES if c["kind"] == "none"]


def dated(mentions: list[DateMention]) -> list[DateMention]:
    return [m for m in mentions if m.kind != "dynasty"]


@pytest.mark.parametrize("case", POSITIVE, ids=[c["case_id"] for c in POSITIVE])
def test_case_is_found_with_its_kind(case: dict[str, str], eras: EraTable) -> None:
    text = case["context"]
    mentions = dated(find_date_mentions(text, eras))
    texts = [m.text for m in mentions]
    assert case["phrase"] in texts, texts
    mention = mentions[texts.index(case["phrase"])]
    assert mention.kind == case["kind"]
    assert text[mention.start:mention.end] == mention.text
    if case["stated_year"]:
        assert mention.stated_year == int(case["stated_year"])


@pytest.mark.parametrize("case", DISTRACTORS, ids=[c["case_id"] for c in DISTRACTORS])
def test_distractor_is_not_a_date(case: dict[str, str], eras: EraTable) -> None:
    text = case["context"]
    start = text.index(case["phrase"])
    end = start + len(case["phrase"])
    for m in dated(find_date_mentions(text, eras)):
        assert m.end <= start or m.start >= end, f"{m.text!r} overlaps {case['phrase']!r}"


def test_cases_cover_many_periods() -> None:
    periods = {c["period"] for c in POSITIVE}
    wanted = {"Han", "Three Kingdoms", "Tang", "Five Dynasties", "Song", "Liao", "Jin", "Yuan",
              "Ming", "Qing"}
    assert wanted <= periods
    assert len(DISTRACTORS) >= 10


def test_underspecified_fields(eras: EraTable) -> None:
    text = ("In the first month of the following year, the court fled. "
            "In the spring of the sixth year of Tianhui, the army moved. In November, it rested.")
    mentions = dated(find_date_mentions(text, eras))
    first, second, third = mentions
    assert (first.kind, first.rel_years, first.month) == ("relative", 1, 1)
    assert (second.kind, second.era, second.era_year, second.season) == (
        "explicit", "Tianhui", 6, "spring")
    assert text[second.era_start:second.era_end] == "Tianhui"
    assert (third.kind, third.month, third.era) == ("month", 11, None)


def test_range_has_two_parts(eras: EraTable) -> None:
    text = "From May to July, the general recovered six counties."
    (m,) = dated(find_date_mentions(text, eras))
    assert m.kind == "range" and m.text == "May to July"
    assert [p.month for p in m.parts] == [5, 7]


def test_dynasty_context_mentions(eras: EraTable) -> None:
    text = "The Jin army and the Song court made peace."
    kinds = [(m.text, m.kind) for m in find_date_mentions(text, eras)]
    assert ("Jin", "dynasty") in kinds and ("Song", "dynasty") in kinds


def test_era_name_spans_only_inside_dates(eras: EraTable) -> None:
    text = "Datong was quiet. In the third year of Tianhui (1125), the army marched to Datong."
    spans = era_name_spans(find_date_mentions(text, eras))
    assert [text[s:e] for s, e in spans] == ["Tianhui"]


def test_sorted_and_offsets(eras: EraTable) -> None:
    text = ("In 1264 he died. In the same year, in October, the court mourned. "
            "The next day rain fell.")
    mentions = find_date_mentions(text, eras)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    shifted = with_offset(mentions[0], 10)
    assert (shifted.start, shifted.end) == (mentions[0].start + 10, mentions[0].end + 10)


@pytest.mark.parametrize(
    ("word", "value"),
    [("forty-fourth", 44), ("45th", 45), ("fifteen", 15), ("twenty nine", 29), ("third", 3),
     ("yuannian", 1), ("banana", None)],
)
def test_parse_number(word: str, value: int | None) -> None:
    assert parse_number(word) == value


def test_lexicon_is_data() -> None:
    lex = load_lexicon()
    assert lex.cat("ordinal")["eleventh"] == "11"
    assert lex.cat("month")["October"] == "10"
    assert "winter" in lex.cat("season")


@pytest.mark.parametrize(
    "text",
    ["", "??", "(((", "In the year", "the 999999th year of Tianhui", "In February 8",
     "the ninth day of the thirteenth month", "Tianhui Tianhui Tianhui 1 2 3",
     "In 0 AD", "(AD 99999)", "\x01\x02 Tianhui \x03", "In the 0th year of Jiajing"],
)
def test_garbage_never_crashes(text: str, eras: EraTable) -> None:
    for m in find_date_mentions(text, eras):
        assert text[m.start:m.end] == m.text
