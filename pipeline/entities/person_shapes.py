"""Model PLACE rows that are persons by the shape of their name, for
:func:`pipeline.entities.relabel.relabel`: a Chinese person's name shape (a surname and a
given name of two pinyin syllables, or pinyin syllables listed with a PERSON:
:func:`_person_shapes`), and a foreign surname listed with a PERSON of two words or more
(:func:`_foreign_partners`); :func:`syllables` splits a pinyin word. Rows are
``(start, end, label, canonical, source, text)`` tuples, as in
:func:`pipeline.entities.extract.extract_entities`.
"""

from __future__ import annotations

import re

from pipeline.entities.alternation import alternation, word_set
from pipeline.entities.collisions import load_collisions
from pipeline.entities.pinyin import is_one_syllable, is_pinyin_word, is_real_syllable
from pipeline.gazetteer import Gazetteer
from pipeline.gazetteer.place_names import place_names

Row = tuple[int, int, str, str, str, str]

# what may stand between two names of one list: a comma or "and", after an optional date
_LIST_SEP = re.compile(r"^(?:\s+in\s+\d{1,4}(?:\s*(?:BCE?|B\.C\.))?)?"
                       r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")


def syllables(word: str) -> list[str]:
    """The pinyin syllables of a capitalised pinyin word, fewest first ("Chongxi" ->
    ["chong", "xi"], "Lin'er" -> ["lin", "er"]; an apostrophe or hyphen ends a syllable), []
    when it is no pinyin word. Syllables are pypinyin's readings
    (:func:`~pipeline.entities.pinyin.is_real_syllable`)."""
    best: dict[int, list[str]] = {0: []}
    low = word.lower().replace("’", "'")
    if not is_pinyin_word(word.replace("-", "").capitalize() if "-" in word else word):
        return []
    for i in range(len(low)):
        if i not in best:
            continue
        for j in range(i + 1, min(len(low), i + 6) + 1):
            piece = low[i:j]
            nxt = j + 1 if j < len(low) and low[j] in "'-" else j
            if is_real_syllable(piece) and piece.isalpha() and (
                    nxt not in best or len(best[nxt]) > len(best[i]) + 1):
                best[nxt] = best[i] + [piece]
    return best.get(len(low), [])


def _listed_with_person(rows: list[Row], k: int, text: str, full_names: bool = False) -> bool:
    start, end = rows[k][0], rows[k][1]
    return any(
        r[2] == "PERSON" and (not full_names or " " in r[5]) and (
            (r[1] <= start and _LIST_SEP.match(text[r[1]:start]))
            or (r[0] >= end and _LIST_SEP.match(text[end:r[0]])))
        for j, r in enumerate(rows) if j != k)


def _person_shapes(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    surnames = word_set(gaz.words("surname"))
    generic = load_collisions(gaz.source_dir).place_syllables
    before = gaz.words("place_before")
    pre = re.compile(r"(?:^|\s)(?:" + alternation(before, longest_first=True) + r")\s+$") \
        if before else None
    known = place_names(gaz)
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        words = name.split()
        if label != "PLACE" or source != "model" or len(words) != 2:
            continue
        first, given = words
        sylls = syllables(given)
        n = len(sylls)
        if not is_one_syllable(first) or not n or n > 2 or name in known \
                or (first + given.lower()).replace("-", "") in known \
                or gaz.resolve(name) is not None or any(
                    e.label != "PERSON" for e in gaz.lookup(name)):
            continue
        if sylls[-1] in generic:
            continue  # "Bai Shan", "Li Jiang": a place's generic syllable ends it
        if pre is not None and pre.search(text, max(0, start - 20), start) is not None:
            continue  # "at Tie Xuan": written as a place
        polity = any(e.label == "POLITY" for e in gaz.lookup(first))
        shaped = first in surnames and not polity and n == 2
        if shaped or _listed_with_person(rows, k, text):
            rows[k] = (start, end, "PERSON", name, source, name)


def _foreign_partners(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """A one-word model PLACE that no place table knows (gazetteer, CHGIS, cpca, GeoNames)
    and that is no Chinese word (not pinyin or Wade–Giles syllables) is a foreign person's
    surname when listed with a PERSON of two words or more: "Li Hongzhang and Patenotre
    signed" (not "raided Tsushima and Iki": a one-word PERSON may be a place too)."""
    known = place_names(gaz, world=True)
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label != "PLACE" or source != "model" or " " in name or "-" in name \
                or name in known or gaz.lookup(name) or syllables(name) \
                or not _listed_with_person(rows, k, text, full_names=True):
            continue
        rows[k] = (start, end, "PERSON", name, source, name)
