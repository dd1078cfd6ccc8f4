"""Hostile inputs cost about what plain text costs (ratios of times, never seconds), and line
ends do not change the rows."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline import api
from pipeline.clean import clean
from pipeline.places import find_place_glosses

ROOT = Path(__file__).resolve().parent.parent
PROSE = ("In the first year of Jingkang, the Jin army crossed the Yellow River and besieged "
         "Kaifeng (now Kaifeng, Henan). Emperor Qinzong sent envoys to the Jin camp, and the "
         "court debated whether to cede the three prefectures of Taiyuan, Zhongshan and Hejian.\n"
         "Li Gang, now Minister of War, organised the defence of the city walls.\n\n")


def _after_word(unit: str) -> Callable[[int], str]:
    return lambda n: ("word " + unit * n)[:n]


HOSTILE: dict[str, Callable[[int], str]] = {
    "question marks after a word": lambda n: ("word" + "?" * n)[:n],
    "open brackets": _after_word("("),
    "capitals": _after_word("A"),
    "close brackets": _after_word(")"),
    "?! alternating": _after_word("?!"),
    "underscores": _after_word("_"),
    "capitals and hyphens": _after_word("Abc-"),
    "'Abc, now ' repeated": _after_word("Abc, now "),
    "'? ' repeated (cleaning joins it into a run)": _after_word("? "),
}
#: Token-dense inputs (one token per two to four characters against about five in prose) are
#: linear but cost up to 2.5 times plain text in spaCy: left out of the whole-pipeline test.
TOKEN_DENSE = {"capitals and hyphens", "'Abc, now ' repeated"}


def _plain(n: int) -> str:
    return (PROSE * (n // len(PROSE) + 1))[:n]


def _seconds(run: Callable[[], object], rounds: int = 2) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def test_hostile_inputs_cost_at_most_three_times_plain_text(resources: api.Resources) -> None:
    size = 40_000

    def whole_pipeline(text: str) -> Callable[[], object]:
        def run() -> object:
            resources.nlp.tokenizer._flush_cache()
            return api.process_text(text, "t", resources)
        return run

    plain = _seconds(whole_pipeline(_plain(size)), rounds=1)
    slow = {name: round(_seconds(whole_pipeline(build(size)), rounds=1) / plain, 2)
            for name, build in HOSTILE.items() if name not in TOKEN_DENSE}
    assert all(ratio <= 3 for ratio in slow.values()), slow


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_regular_expressions_are_linear_on_hostile_text(name: str) -> None:
    """Cleaning and the gloss patterns alone: four times the text takes about four times as
    long (a quadratic pattern takes sixteen times, and minutes at this size)."""
    def regex_stages(text: str) -> Callable[[], object]:
        return lambda: find_place_glosses(clean(text).text)

    small = _seconds(regex_stages(HOSTILE[name](20_000)), rounds=3)
    large = _seconds(regex_stages(HOSTILE[name](80_000)), rounds=3)
    # linear: about 4x; a quadratic pattern: 16x and minutes. The margin absorbs a loaded
    # machine (a 1.16 s against 1.13 s failure was seen with other jobs running).
    assert large <= 10 * small + 1.0, (small, large)


def _rows(result: api.DocumentResult) -> dict[str, list[object]]:
    """Every row of every table, offsets set to 0."""
    def unplaced(row: object) -> object:
        names = {f.name for f in dataclasses.fields(row)}  # type: ignore[arg-type]
        offsets = {k: 0 for k in ("start", "end", "first_start") if k in names}
        return dataclasses.replace(row, **offsets)  # type: ignore[type-var]

    return {name: [unplaced(row) for row in getattr(result, name)]
            for name in ("sentences", "entities", "dates", "events", "places", "warnings",
                         "candidates")}


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_line_ends_give_the_same_rows(resources: api.Resources, ending: str) -> None:
    unix = "History > Song > Jin\n\nThe fall of Kaifeng\n" + PROSE * 2 + "Notes\nNotes\n?\n"
    text = unix.replace("\n", ending)
    expected = api.process_text(unix, "t", resources)
    result = api.process_text(text, "t", resources)
    assert _rows(result) == _rows(expected)
    assert result.sentences and result.entities and result.dates and result.events
    for entity in result.entities:
        assert text[entity.start:entity.end] == entity.text
    for sentence in result.sentences:
        assert text[sentence.start:sentence.end].split() == sentence.text.split()
    for warning, unix_warning in zip(result.warnings, expected.warnings, strict=True):
        assert (text[warning.start:warning.end].replace(ending, "\n")
                == unix[unix_warning.start:unix_warning.end])
