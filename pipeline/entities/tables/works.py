"""Book titles (``works.csv`` and their derived spellings): blocked from being read as
names."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from pipeline.entities.pinyin import WG_SYLLABLE, is_one_syllable

WORKS_FILE = "works.csv"  # book titles (hand-kept); their spellings in name_romanizations.csv


def _syllable(word: str) -> bool:
    return is_one_syllable(word) or re.fullmatch(f"(?i:{WG_SYLLABLE})", word) is not None


def _two_syllables(title: str) -> bool:
    """A title of two one-syllable words ("Li Ji", "Zhou Li"): read as a person's name too."""
    words = title.split()
    return len(words) == 2 and all(_syllable(w) for w in words)


def work_titles(directory: Path | None) -> frozenset[str]:
    """Every spelling of the book titles of ``works.csv`` in ``directory`` (empty without it).

    Hand-kept titles (canonical and aliases) and the spellings derived from the characters
    (``name_romanizations.csv`` rows of file ``works.csv``: "Hsin Wu-tai Shih", "Tzu-chih
    T'ung-chien"). A derived spelling of two one-syllable words ("Li Ji" of 禮記, a person's
    name too) is kept only when the row itself lists such a split spelling ("Liao Shi")."""
    if directory is None or not (directory / WORKS_FILE).is_file():
        return frozenset()
    with (directory / WORKS_FILE).open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    titles: set[str] = set()
    split_ok: set[str] = set()
    for row in rows:
        names = [row["canonical"], *(a.strip() for a in (row.get("aliases") or "").split("|"))]
        titles.update(n for n in names if n)
        if any(_two_syllables(n) for n in names if n):
            split_ok.add(row["canonical"])
    derived = directory / "name_romanizations.csv"
    if derived.is_file():
        with derived.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("file") == WORKS_FILE and row.get("alias") and (
                        row["canonical"] in split_ok or not _two_syllables(row["alias"])):
                    titles.add(row["alias"])
    return frozenset(titles)
