"""A model PLACE that opens a clause as its subject and that "he" takes up later in the same
sentence is a person: "In 1402 Timur turned west, and on July 28 of that year he routed the
Ottoman sultan" (the model read "Timur" as a place; no place table knows it, so "he" skipped
it and went to an emperor of an earlier paragraph). A place does not act as "he".

Only names no place table knows (the hand gazetteer, CHGIS, cpca, GeoNames:
:func:`pipeline.gazetteer.place_names.place_names` with the world tables), of the model, at
the start of a sentence (after an opening date phrase at most: "In 1402 ") and followed by a
lower-case word (the verb); "he"/"his"/"him" must follow in the same sentence with no other
PERSON between. The document's other PLACE rows of that name follow (one sense per text).

:func:`kin_apposed`: such a name (one or two words) apposed between commas to a lower-case kin
noun (``male_word``/``female_word`` of ``entity_lexicon.csv``) is a person too: "another
grandson, Khalil Sultan, seized Samarkand"; so is a one-word PLACE (of any table) right after
a possessive and a kin noun, an age or rank word at most between ("his elder brother
Fuquan"): "he wanted to kill his concubine Helan" (the Helan mountains are a place, the
concubine 賀蘭 a person).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.entities.alternation import alternation
from pipeline.gazetteer import Gazetteer
from pipeline.gazetteer.place_names import place_names

Row = tuple[int, int, str, str, str, str]  # start, end, label, canonical, source, text

# the start of a sentence, with an opening date phrase at most ("In 1402 ", "By 1370, ")
_CLAUSE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:(?:In|By|On|After)\s[^,.;:]{0,30}?\d"
                           r"[^,.;:]{0,12}?,?\s+)?$")
_VERB_AFTER = re.compile(r" [a-z]+\b")
_PRONOUN = re.compile(r"\b(?:he|his|him)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def pronoun_subjects(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Relabel in place (module docstring) the model PLACE rows of ``rows`` (offsets into
    ``text``) that are a clause's subject taken up by "he" as PERSON, canonical the name."""
    unknown = _unknown_places(gaz)
    persons: set[str] = set()
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label != "PLACE" or source != "model" or name.count(" ") > 1 \
                or not _CLAUSE_START.search(text, max(0, start - 50), start) \
                or not _VERB_AFTER.match(text, end):
            continue
        stop = _SENTENCE_END.search(text, end)
        limit = stop.start() if stop else len(text)
        pronoun = _PRONOUN.search(text, end, limit)
        if pronoun is None or any(r[2] == "PERSON" and end <= r[0] < pronoun.start()
                                  for r in rows):
            continue
        if unknown(name):
            _to_person(rows, k, persons)
    _follow(rows, persons)


#: words that may stand between a possessive and a kin noun ("his elder brother")
_AGE = ("elder", "younger", "eldest", "youngest", "older", "oldest", "second", "third",
        "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "first", "only",
        "adopted", "half", "late", "own")


def kin_apposed(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Relabel in place the model PLACE rows of one or two words no place table knows that
    stand between commas after a lower-case kin noun ("another grandson, Khalil Sultan,
    seized"), and the one-word PLACE rows right after a possessive and a kin noun ("his
    concubine Helan"), as PERSON, and the other model PLACE rows of those names."""
    kin = tuple(sorted({w.lower() for kind in ("male_word", "female_word")
                        for w in gaz.words(kind) if w.isalpha()}))
    if not kin:
        return
    apposed = re.compile(r"\b(?:" + alternation(kin) + r"), $")
    # an age or rank word may stand between ("his elder brother Fuquan", "her younger son")
    owned = re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir) (?:(?:" + alternation(_AGE)
                       + r") )?(?:" + alternation(kin) + r") $")
    unknown = _unknown_places(gaz)
    persons: set[str] = set()
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label == "PLACE" and " " not in name \
                and owned.search(text, max(0, start - 30), start):  # "his concubine Helan"
            _to_person(rows, k, persons)
            continue
        if label != "PLACE" or source != "model" or name.count(" ") > 1 \
                or not text.startswith(",", end) \
                or not apposed.search(text, max(0, start - 20), start):
            continue
        if unknown(name):
            _to_person(rows, k, persons)
    _follow(rows, persons)


def _unknown_places(gaz: Gazetteer) -> Callable[[str], bool]:
    """name -> no place table knows it (nor the gazetteer under any label); the tables are
    read on the first call."""
    known: set[str] = set()

    def unknown(name: str) -> bool:
        if not known:
            known.update(place_names(gaz, world=True))
        return name not in known and not gaz.lookup(name)
    return unknown


def _to_person(rows: list[Row], k: int, persons: set[str]) -> None:
    start, end, _label, _canon, source, name = rows[k]
    rows[k] = (start, end, "PERSON", name, source, name)
    persons.add(name)


def _follow(rows: list[Row], persons: set[str]) -> None:
    """The model PLACE rows named in ``persons`` become PERSON (one sense per text)."""
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label == "PLACE" and source == "model" and name in persons:
            rows[k] = (start, end, "PERSON", name, source, name)
