"""A person of the data written with a close misspelling: "Chen Yongliang" for Chen Youliang.

Machine translation and OCR misspell the given names of well-known persons by a letter or two.
:func:`link_near_spellings` runs with the dates known (the ``years_at`` of
:func:`pipeline.entities.periods.refuse_far_rulers`) and links a two-word PERSON row that no
gazetteer alias reads (its canonical is the text as written) to a dated person of
``person_years.csv`` when

* the surname is the same and both given names have ``MIN_GIVEN`` letters or more,
* the given names differ by one or two letters (edit distance, at most a quarter of the
  data's given name: "Yongliang"/"Youliang" 2 of 8),
* exactly one dated person fits, and
* every year that dates the mention lies within that person's life (born … died): an undated
  mention, or one dated outside the life, stays as written.

A link is a guess and never silent: each gives a ``PERSON_NEAR_SPELLING`` warning row naming
the person, the distance and the years that support it.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.records import EntityRow, WarningRow
from pipeline.resources import active_gazetteer_dir

CODE = "PERSON_NEAR_SPELLING"
MIN_GIVEN = 5  # letters: a one-syllable given name is too short to be told from another


@lru_cache(maxsize=2)
def _dated_names(directory: Path) -> dict[str, list[tuple[str, str, int, int]]]:
    """Surname -> [(given name, canonical, born, died)] for the names (canonical and aliases
    of two words) of ``person_years.csv``."""
    out: dict[str, list[tuple[str, str, int, int]]] = {}
    path = directory / "person_years.csv"
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            try:
                born, died = int(row["born"]), int(row["died"])
            except (KeyError, ValueError):
                continue
            names = [row["canonical"]] + [a.strip() for a in row.get("aliases", "").split("|")]
            for name in names:
                words = name.split()
                if len(words) == 2:
                    out.setdefault(words[0], []).append((words[1], row["canonical"], born,
                                                         died))
    return out


def _distance(a: str, b: str) -> int:
    """Levenshtein distance of two words (case-insensitive)."""
    a, b = a.lower(), b.lower()
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _show(year: int) -> str:
    return f"{1 - year} BCE" if year <= 0 else str(year)


def link_near_spellings(entities: Sequence[EntityRow],
                        years_at: Callable[[int], list[int]],
                        directory: Path | None = None
                        ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` with the near spellings of the module docstring linked, one warning row per
    link. ``years_at``: offset -> the years that date it (astronomical; [] when none);
    ``directory``: the gazetteer folder (None: the active one). New lists."""
    names = _dated_names(directory or active_gazetteer_dir())
    out: list[EntityRow] = []
    warnings: list[WarningRow] = []
    for e in entities:
        words = e.text.split()
        options = names.get(words[0], []) if e.label == "PERSON" and len(words) == 2 \
            and e.canonical == e.text and len(words[1]) >= MIN_GIVEN else []
        if any(given == words[1] or canonical == e.canonical
               for given, canonical, _, _ in options):
            options = []  # the name as written is a dated person of the data
        fits = {(canonical, born, died, d) for given, canonical, born, died in options
                if len(given) >= MIN_GIVEN
                and 0 < (d := _distance(given, words[1])) <= min(2, len(given) // 4)}
        years = years_at(e.start) if len(fits) == 1 else []
        if not years:
            out.append(e)
            continue
        canonical, born, died, dist = next(iter(fits))
        if not all(born <= y <= died for y in years):
            out.append(e)
            continue
        warnings.append(WarningRow(
            e.doc_id, e.start, e.end, CODE,
            f"{e.text!r} read as {canonical} ({_show(born)}–{_show(died)}): no name of the data "
            f"as written, {dist} letter(s) from his name, and the text is dated "
            f"{', '.join(_show(y) for y in sorted(set(years)))}, within his life; a guess"))
        out.append(dataclasses.replace(e, canonical=canonical))
    return out, warnings
