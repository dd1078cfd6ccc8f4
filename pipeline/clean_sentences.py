"""Sentences glued together by a full stop without a space ("...into the palace at night.Fu Sheng
was drunk"), as machine-translated and scraped pages write them.

The sentence splitter starts no sentence inside such a word, so the next sentence's subject is
lost. This cleaning pass yields :class:`~pipeline.clean.Edit` s (applied, mapped back to the
original and logged as warning rows by :func:`pipeline.clean.clean`):

``GLUED_SENTENCE``
    a space is inserted after a run of ``.`` / ``!`` that stands between a word and a
    capitalised word (an upper-case letter followed by a lower-case one: "night.Fu",
    "(357).The", "law!Wang"), unless the run is not a sentence end:

    * the word before is an abbreviation of ``gazetteer/sentence_abbreviations.csv``
      ("Mr.Smith", "St.Petersburg", "Fig.Three"; case-insensitive) or a single letter (an
      initial or a dotted abbreviation: "J.R.R.Tolkien", "A.D.Then", "U.S.Army");
    * the word after goes on with a full stop and a letter or digit, or the word before is
      itself glued by a full stop to a word ("Example.Com.Cn", "Report.Final.pdf": a dotted
      name, not two sentences);
    * the whitespace-delimited token holds a mark of an address, file path or identifier
      (``://``, ``www.``, ``@``, ``/``, ``\\``, ``=``, ``_``, ``#``, ``~``).

    A decimal ("3.5"), two capitals ("vol.II", "A.D"), a lower-case word ("index.html",
    "e.g.the") are never candidates. ``?`` is not handled here: a ``?`` glued to a letter is a
    lost character's placeholder (``MOJIBAKE``, an earlier pass).

All offsets are Python ``str`` indices, end exclusive; the pattern runs in linear time.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .clean import Edit
from .resources import active_gazetteer_dir

# A run of full stops / exclamation marks after a letter, digit or closing bracket/quote, before
# a letter; the capital/lower-case test is done in code (Unicode-aware).
_GLUED = re.compile(r"(?<=[^\W_]|[)\]\"'])[.!]++(?=[^\W\d_]{2})")
_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
_WORD_AFTER = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DOTTED = re.compile(r"\.[^\W_]")
_TOKEN_MARKS = ("://", "www.", "@", "/", "\\", "=", "_", "#", "~")
#: How far back/forward the token around a candidate is read (characters).
_TOKEN_REACH = 80


@lru_cache(maxsize=4)
def _load_abbreviations(gazetteer_dir: Path) -> frozenset[str]:
    path = gazetteer_dir / "sentence_abbreviations.csv"
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(row["abbreviation"].strip().casefold().rstrip(".")
                         for row in csv.DictReader(fh) if row["abbreviation"].strip())


def abbreviations(gazetteer_dir: Path | None = None) -> frozenset[str]:
    """Abbreviations (casefolded, no full stop) of ``sentence_abbreviations.csv`` of
    ``gazetteer_dir`` (None: the active gazetteer): a full stop after one ends no sentence."""
    return _load_abbreviations(gazetteer_dir or active_gazetteer_dir())


def _is_sentence_end(text: str, start: int, end: int, abbrevs: frozenset[str]) -> bool:
    """Whether the stop run ``text[start:end]`` ends a sentence glued to the next one."""
    after = _WORD_AFTER.match(text, end)
    if after is None or not (text[end].isupper() and text[end + 1].islower()):
        return False
    nxt = text[after.end():after.end() + 2]
    if len(nxt) == 2 and nxt[0] == "." and nxt[1].isalnum():
        return False  # "Example.Com.Cn": a dotted name
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        word = before.group()
        if len(word) == 1 or word.casefold() in abbrevs:
            return False
    left = _left_token(text, start)
    if _DOTTED.search(left):
        return False  # "Example.Com.Cn": the word before is itself dotted to a word
    token = left + text[start:after.end()] + nxt
    return not any(mark in token for mark in _TOKEN_MARKS)


def _left_token(text: str, start: int) -> str:
    """The part of the whitespace-delimited token before ``start`` (at most _TOKEN_REACH)."""
    left = text[max(0, start - _TOKEN_REACH):start]
    return left.split()[-1] if left.strip() and not left[-1].isspace() else ""


def glued_sentence_edits(text: str) -> Iterable[Edit]:
    """``GLUED_SENTENCE`` insertions of the module docstring on ``text``, in text order."""
    abbrevs = abbreviations()
    for match in _GLUED.finditer(text):
        start, end = match.start(), match.end()
        if _is_sentence_end(text, start, end, abbrevs):
            after = _WORD_AFTER.match(text, end)
            shown = _left_token(text, start) + text[start:after.end() if after else end]
            yield Edit(end, end, " ", "GLUED_SENTENCE",
                       f"inserted a space after a full stop glued to the next sentence: "
                       f"{shown!r}")
