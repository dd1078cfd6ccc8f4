"""Personal names a machine translation rendered by meaning as English numbers.

Childhood and common names of numbers (张九四 Zhang Jiusi, the salt smuggler Zhang Shicheng's
birth name; 朱重八 Zhu Chongba) come out of machine translation as "Zhang Nine Four": the name
rules take "Zhang Nine" (a surname + a word that spells pinyin) and leave "Four" behind. A
PERSON row of a surname and a ``cardinal`` word of ``date_words.csv`` (one to ten) followed by
more such words is widened over them, and its canonical is the surname and the numbers in
pinyin (pypinyin's reading of the numerals 一 … 十): "Zhang Nine Four" -> "Zhang Jiusi" (or the
canonical of a gazetteer person of that name).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.dates.lexicon import load_lexicon
from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

_NUMERALS = "一二三四五六七八九十"  # the Chinese numerals 1-10, read by pypinyin
_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)\b")


@lru_cache(maxsize=4)
def _cardinals(directory: Path) -> dict[str, str]:
    """Capitalised English number word ("Nine") -> its pinyin syllable ("jiu"), for the
    ``cardinal`` rows 1-10 of ``date_words.csv``."""
    from pypinyin import lazy_pinyin  # noqa: PLC0415

    return {word.capitalize(): lazy_pinyin(_NUMERALS[int(value) - 1])[0]
            for word, value in load_lexicon(directory).cat("cardinal").items()
            if value.isdigit() and 1 <= int(value) <= 10 and " " not in word}


def numeral_names(rows: Sequence[EntityRow], text: str, gazetteer: Gazetteer,
                  surnames: frozenset[str]) -> list[EntityRow]:
    """``rows`` with each "surname + number words" PERSON widened and given a pinyin canonical
    (module docstring); ``surnames``: the one-word surnames of the lexicon. A new list."""
    directory = gazetteer.source_dir
    if directory is None or not (Path(directory) / "date_words.csv").is_file():
        return list(rows)
    numbers = _cardinals(Path(directory))
    widened: dict[int, EntityRow] = {}  # row index -> the widened row
    for k, e in enumerate(rows):
        words = e.text.split()
        if e.label != "PERSON" or len(words) != 2 or words[0] not in surnames \
                or words[1] not in numbers:
            continue
        end, syllables = e.end, [numbers[words[1]]]
        while (m := _NEXT_WORD.match(text, end)) is not None and m.group(1) in numbers:
            end, syllables = m.end(), syllables + [numbers[m.group(1)]]
        if len(syllables) < 2:
            continue  # "Zhang Nine" alone: a number may be no name ("Li Jiu" is one)
        canonical = f"{words[0]} {''.join(syllables).capitalize()}"
        known = [g.canonical for g in gazetteer.lookup(canonical) if g.label == "PERSON"]
        widened[k] = dataclasses.replace(e, end=end, text=text[e.start:end],
                                         canonical=known[0] if known else canonical)
    if not widened:
        return list(rows)
    spans = [(w.start, w.end) for w in widened.values()]
    return [widened.get(k, e) for k, e in enumerate(rows)
            if k in widened or not any(s <= e.start and e.end <= t for s, t in spans)]
