"""Persons whose two-word name spells a stem-branch pair ("Wu Chen" 武臣, the general who made
himself King of Zhao in 209 BC, spells the cyclical name Wuchen 戊辰).

A cyclical name is dropped from the entities (it is a date: "on the day Wu Chen", "the Wu
Chen year"). A two-word name that the name rules read as a person (surname + given name, the
``PERSON`` rows of the gazetteer component) is kept as that person when nothing around it
makes it a date: the word before it is no date word of ``date_words.csv`` (a
``relative_unit`` "day"/"year", a ``month_word``, a ``year_preposition`` "in"/"on"/"of", or
"the") and the word after it is none of the units ("year", "day", a ``count_noun``). "In 209 BC
Wu Chen declared himself King" and "Wu Chen north to the old lands of Zhao" are persons;
"on Wu Chen", "the day Wu Chen", "Wu Chen year" and a name opening a sentence before a comma
("Ren Xu, the king attacked": a day heading its entry) stay dates.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline.dates.lexicon import load_lexicon

_BEFORE_CATEGORIES = ("relative_unit", "month_word", "year_preposition")
_AFTER_CATEGORIES = ("relative_unit", "month_word", "count_noun")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
_WORD_AFTER = re.compile(r"\W*?([A-Za-z]+)")


@lru_cache(maxsize=4)
def _date_context(directory: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case words that make a following cyclical name a date, words that make a
    preceding one a date), from ``date_words.csv``."""
    lex = load_lexicon(directory)
    before = {w.lower() for c in _BEFORE_CATEGORIES for w in lex.cat(c) if " " not in w}
    after = {w.lower() for c in _AFTER_CATEGORIES for w in lex.cat(c) if " " not in w}
    return frozenset(before | {"the"}), frozenset(after)


def cyclical_person(text: str, start: int, end: int, directory: Path | None) -> bool:
    """True when the two-word name at ``text[start:end]`` (a stem-branch spelling the name
    rules read as a person) stands where no date stands (module docstring); False without
    ``directory`` (the gazetteer folder with ``date_words.csv``)."""
    if directory is None or " " not in text[start:end].strip():
        return False
    path = Path(directory)
    if not (path / "date_words.csv").is_file():
        return False
    before_words, after_words = _date_context(path)
    line_start = max(text.rfind("\n", 0, start) + 1, start - 30)
    prev = _WORD_BEFORE.search(text, line_start, start)
    if prev is not None and prev.group(1).lower() in before_words:
        return False
    opening = text[line_start:start].rstrip().endswith((".", ":", ";")) \
        or not text[line_start:start].strip()
    if opening and text[end:end + 2].lstrip()[:1] in (",", ":", ";"):
        return False  # "Renxu, the king attacked": a day heading its entry
    nxt = _WORD_AFTER.match(text, end, min(len(text), end + 30))
    return nxt is None or nxt.group(1).lower() not in after_words
