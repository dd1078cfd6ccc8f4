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

:func:`surname_topics` reads the bare surname of the person a stretch is about: "Wei Qing's
campaign. ... Wei arranged his armored wagons in a ring" in 119 BC is Wei Qing, not the state
of Wei (220–266). A one-word POLITY row in its own spelling becomes the PERSON whose full name
(two or more words, the surname first) or whose surname so read stands within ``TOPIC_REACH``
characters before it, when every year at the mention lies outside every span of the polity by
more than ``MARGIN`` years (the polity has spans; years on or after ``FIRST_YEAR``: the Warring
States' Wei has no span)
and nothing in the text marks the word as a state: no POLITY row of that canonical in another
spelling ("Cao Wei", "Wei dynasty"), no "the Wei", "of Wei" ("King of Wei", "state of Wei"),
"Wei <polity_suffix>" ("Wei Kingdom"). Each change gives a ``SURNAME_AS_PERSON`` warning that
names the person and, when another person of that surname is named within the reach, the
other (a choice).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, MutableMapping, Sequence
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


TOPIC_CODE = "SURNAME_AS_PERSON"
TOPIC_REACH = 1000  # characters from the last mention of the person: the stretch about him


@lru_cache(maxsize=2)
def _polity_suffixes(directory: Path) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon_values(directory, "polity_suffix"))


@lru_cache(maxsize=256)
def _state_mark(word: str, suffixes: frozenset[str]) -> re.Pattern[str]:
    """"the Wei", "of Wei", "Wei Dynasty": the word used as a state's name."""
    w = re.escape(word)
    tail = "|".join(sorted(map(re.escape, suffixes)))
    return re.compile(rf"\b(?:[Tt]he|of)\s+{w}\b(?!['’]s)|\b{w}\s+(?i:{tail})\b")


def surname_topics(entities: Sequence[EntityRow], text: str,
                   years_at: Callable[[int], list[int]], directory: Path | None = None,
                   memory: MutableMapping[str, list[tuple[int, str]]] | None = None,
                   ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` (sorted by start, offsets into ``text``) with the one-word POLITY rows the
    module docstring reads as the topic person made PERSON rows (canonical: that person's),
    and one ``SURNAME_AS_PERSON`` warning per change. ``years_at`` and ``directory`` as for
    :func:`surname_sides`; ``memory`` (surname -> [(end offset, canonical)] of the persons of
    that surname named so far) carries earlier blocks of the text and is updated. New lists."""
    memory = {} if memory is None else memory
    rows = list(entities)
    warnings: list[WarningRow] = []
    words = {e.text for e in rows if e.label == "POLITY" and " " not in e.text
             and e.text == e.canonical}
    directory = directory or active_gazetteer_dir()
    suffixes = _polity_suffixes(directory)
    words = {w for w in words
             if not any(e.label == "POLITY" and e.canonical == w and e.text != w for e in rows)
             and (w in memory or any(p.label == "PERSON" and p.text.split()[0] == w
                                     and " " in p.text for p in rows))
             and _state_mark(w, suffixes).search(text) is None}
    spans = polity_spans(words, directory) if words else {}
    for k, e in enumerate(rows):
        first = e.text.split()[0] if e.text else ""
        if e.label == "PERSON" and " " in e.text and e.canonical.split()[:1] == [first]:
            memory.setdefault(first, []).append((e.end, e.canonical))
        if e.label != "POLITY" or e.text not in spans or e.text != e.canonical:
            continue
        years = years_at(e.start)
        if not years or min(years) < FIRST_YEAR or any(
                lo - MARGIN <= y <= hi + MARGIN for lo, hi in spans[e.text] for y in years):
            continue
        near = [c for end, c in memory.get(e.text, ()) if 0 <= e.start - end <= TOPIC_REACH]
        if not near:
            continue
        person = near[-1]
        others = sorted(set(near) - {person})
        rows[k] = dataclasses.replace(e, label="PERSON", canonical=person)
        memory[e.text].append((e.end, person))
        choice = f"; also named before it: {', '.join(others)}" if others else ""
        warnings.append(WarningRow(e.doc_id, e.start, e.end, TOPIC_CODE,
                                   f"{e.text!r} read as {person}, named before it: the text "
                                   f"is dated {max(years)}, outside every reign of the state "
                                   f"{e.text}{choice}"))
    return rows, warnings
