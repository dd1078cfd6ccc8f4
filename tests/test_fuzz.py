"""Property-based fuzz test (Hypothesis): mutated corpus text and random Unicode never raise, and
every row points at the original text: offsets in bounds, the row's letters equal to the letters
of the original slice (less the text cleaning removed, which has warnings of its own).

Bounded and derandomized so the suite stays fast and repeatable; set CHRONICLE_FUZZ_EXAMPLES to a
larger number to fuzz longer (then also with random seeds: CHRONICLE_FUZZ_RANDOM=1)."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import api
from pipeline.clean import clean

CORPUS = (Path(__file__).resolve().parent.parent / "corpus" / "song_jin_wars.txt").read_text(
    encoding="utf-8")
# Pieces a hostile or damaged file holds: noise cleaning removes, controls, line ends, brackets,
# date words and numbers the date grammar reads, CJK, replacement and invisible characters.
PIECES = ["??", "?", "\x00", "\x0e", "\x01", "\x85", "\r\n", "\r", "\n\n", "(", ")", "((", "<b>",
          "</p>", "[1]", "\u201c", "\u2019", "\u200b", "\ufffd", "\u00a0", "年", "金天會",
          "the following year", "the next day", "In the sixth year of Tianhui",
          "the -5th year", "the one hundred and first year", "February 29, 1127", "(1126)",
          "From the sixth year of Tianhui to the first year of Tianhui", "Jingkang",
          "leap month", "Kaifeng (now", ", Henan)", "  ", "\t", "-", "=", "'", '"', "...",
          "A" * 30, "!" * 40, "e\u0301", "\U0001f600", "Lü", "Tsê"]

_ROWS = ("sentences", "entities", "dates", "events")
_EXAMPLES = int(os.environ.get("CHRONICLE_FUZZ_EXAMPLES", "100"))
_SETTINGS = settings(max_examples=_EXAMPLES, deadline=None,
                     derandomize=not os.environ.get("CHRONICLE_FUZZ_RANDOM"),
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mutated_corpus(draw: st.DrawFn) -> str:
    start = draw(st.integers(0, len(CORPUS) - 1))
    text = CORPUS[start:start + draw(st.integers(0, 1500))]
    for _ in range(draw(st.integers(0, 8))):
        pos = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["piece", "unicode", "delete", "repeat"]))
        if operation == "piece":
            text = text[:pos] + draw(st.sampled_from(PIECES)) + text[pos:]
        elif operation == "unicode":
            text = text[:pos] + draw(st.text(max_size=12)) + text[pos:]
        elif operation == "delete":
            text = text[:pos] + text[pos + draw(st.integers(0, 40)):]
        else:
            piece = text[pos:pos + draw(st.integers(1, 30))]
            text = text[:pos] + piece * draw(st.integers(2, 30)) + text[pos:]
    return text


def _letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def _check(text: str, resources: api.Resources) -> None:
    result = api.process_text(text, "fuzz", resources)  # must not raise
    removed = [(w.start, w.end) for w in clean(text).warnings]
    kept = [not any(s <= i < e for s, e in removed) for i in range(len(text))]
    for name in _ROWS:
        for row in getattr(result, name):
            assert 0 <= row.start <= row.end <= len(text), (name, row)
            original = "".join(ch for i, ch in enumerate(text[row.start:row.end], row.start)
                               if kept[i])
            assert _letters(row.text) == _letters(original), (name, row, text[row.start:row.end])
    for warning in result.warnings:
        assert 0 <= warning.start <= warning.end <= len(text), warning
    for candidate in result.candidates:
        assert 0 <= candidate.first_start <= len(text), candidate


@_SETTINGS
@given(text=mutated_corpus())
def test_mutated_corpus_text(resources: api.Resources, text: str) -> None:
    _check(text, resources)


@_SETTINGS
@given(text=st.text(max_size=300))
def test_random_unicode(resources: api.Resources, text: str) -> None:
    _check(text, resources)
