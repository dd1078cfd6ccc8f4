"""A surname read as a dynasty that did not exist yet: "The Yuan army was greatly defeated" in
a text on 200 is Yuan Shao's army, not the Mongol Yuan (1271–1368).

A one-word POLITY row in its own spelling followed by an army word (``army_word`` of the
lexicon: "army", "troops") whose every dynasty (:func:`pipeline.entities.dynasty_years.
polity_spans`: ``dynasties.csv`` and sanmiao's reigns of ``rulers.csv``, Western Han on) began
more than ``MARGIN`` years after the year at the mention (the sentence's dates, else the
running year) names the side of a person of that surname named before it in the text
("Yuan Shao"): the row becomes that PERSON (the nearest one before it) with a
``SURNAME_NOT_DYNASTY`` warning. Years before the Qin (221 BC) are left alone: the states of
the Zhou (Qi, Zhao, Wei ...) have no reigns in those tables. Without such a person the row
stays as it is.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.entities.dynasty_years import polity_spans
from pipeline.records import EntityRow, WarningRow
from pipeline.resources import active_gazetteer_dir, lexicon_values

CODE = "SURNAME_NOT_DYNASTY"
MARGIN = 30  # years: a dynasty's name used a generation before its first reign is no slip
FIRST_YEAR = -221  # before the Qin the tables hold no reigns of the Zhou states
_NEXT = re.compile(r"\s+([A-Za-z]+)")


@lru_cache(maxsize=2)
def _army_words(directory: Path) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_values(directory, "army_word"))


def surname_sides(entities: Sequence[EntityRow], text: str, years_at: Callable[[int], list[int]],
                  directory: Path | None = None,
                  ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` (sorted by start, offsets into ``text``) with the POLITY rows of the module
    docstring made PERSON rows, and one warning per change. ``years_at``: offset -> the years
    that date it (astronomical; [] when none); ``directory``: the gazetteer folder (None: the
    active one). New lists."""
    directory = directory or active_gazetteer_dir()
    army_words = _army_words(directory)
    rows = list(entities)
    warnings: list[WarningRow] = []
    words = {e.text for e in rows if e.label == "POLITY" and " " not in e.text
             and e.text == e.canonical}
    if not words:
        return rows, warnings
    spans = polity_spans(words, directory)
    for k, e in enumerate(rows):
        if e.label != "POLITY" or e.text not in spans or e.text != e.canonical:
            continue
        nxt = _NEXT.match(text, e.end)
        if nxt is None or nxt.group(1).lower() not in army_words:
            continue
        years = years_at(e.start)
        first = min(lo for lo, _ in spans[e.text])
        if not years or min(years) < FIRST_YEAR or max(years) >= first - MARGIN:
            continue
        person = next((p for p in reversed(rows[:k]) if p.label == "PERSON"
                       and p.text.split()[0] == e.text and " " in p.text), None)
        if person is None:
            continue
        rows[k] = dataclasses.replace(e, label="PERSON", canonical=person.canonical)
        warnings.append(WarningRow(e.doc_id, e.start, e.end, CODE,
                                   f"{e.text!r} read as the side of {person.canonical}: the "
                                   f"text is dated {max(years)}, the dynasty {e.text} began in "
                                   f"{first}"))
    return rows, warnings
