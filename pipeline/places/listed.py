"""Names listed after a noun for persons: "three brothers Shiyi, Shide and Shixin".

A model reads a given name as a place when a place table knows it ("Shiyi" 石邑 of Hebei,
"Shixin" 始新 of Zhejiang), but names listed right after a noun for persons — a kin word
(the ``relative`` cue of ``gazetteer/event_cues.csv``: brothers, sons, nephews …) or an office
noun (``person_before`` rows of ``gazetteer/entity_lexicon.csv``: generals, ministers …),
singular or plural, after at most an article, a possessive or a number word — are persons.
The list is read backwards from the mention over names (one to three capitalised words)
joined by commas and "and"; its first name must follow the noun directly.

:func:`refuse_listed_persons` takes the coordinates from a place row every mention of which is
so listed (one mention elsewhere read as a place keeps them: "he went to Shiyi"), with the
reason for a ``PLACE_CANDIDATE_REJECTED`` warning.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import _read
from pipeline.records import PlaceRow
from pipeline.resources import active_gazetteer_dir

_NAME = r"[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}"
_LIST_TAIL = re.compile(rf"(?:{_NAME})(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
_NOUN_BEFORE = re.compile(r"([a-z][a-z\-]*)\s+$")


@lru_cache(maxsize=2)
def load_person_nouns(gazetteer: Path | None = None) -> frozenset[str]:
    """Lower-case nouns for persons, singular and plural: the ``relative`` cue of
    ``event_cues.csv`` and the ``person_before`` rows of ``entity_lexicon.csv`` of
    ``gazetteer`` (None: the active gazetteer); an absent file adds nothing."""
    folder = gazetteer or active_gazetteer_dir()
    nouns: set[str] = set()
    cues = folder / "event_cues.csv"
    for row in _read(cues) if cues.is_file() else []:
        if row.get("kind") == "relative":
            nouns.update(w.strip().lower() for w in row["cue"].split(";") if w.strip())
    lexicon = folder / "entity_lexicon.csv"
    for row in _read(lexicon) if lexicon.is_file() else []:
        if row.get("kind") == "person_before":
            nouns.add(row["value"].strip().lower())
    return frozenset(nouns | {n + "s" for n in nouns if not n.endswith("s")})


def listed_after_person_noun(text: str, start: int, nouns: frozenset[str] | None = None
                             ) -> str:
    """The noun for persons whose list of names holds the name starting at ``start``
    ("brothers" for "Shixin" in "three brothers Shiyi, Shide and Shixin"), else ""."""
    words = nouns if nouns is not None else load_person_nouns()
    pos = start
    for _ in range(8):  # at most eight names before it in the list
        m = _NOUN_BEFORE.search(text, max(0, pos - 30), pos)
        if m and m.group(1) in words:
            return m.group(1)
        m = _LIST_TAIL.search(text, max(0, pos - 60), pos)
        if not m:
            return ""
        pos = m.start()
    return ""


def refuse_listed_persons(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                          text: str) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with the coordinates taken from every row all of whose mentions (offsets in
    ``mentions``) :func:`listed_after_person_noun` reads as names of persons, and {row index:
    why} for them. The input is not changed."""
    out = list(rows)
    why: dict[int, str] = {}
    if not text:
        return out, why
    nouns = load_person_nouns()
    for i, row in enumerate(rows):
        offsets = mentions.get(row.place, ())
        if row.latitude is None or not offsets:
            continue
        read = [listed_after_person_noun(text, o, nouns) for o in offsets]
        if all(read):
            first = offsets[0]
            lo = text.rfind(read[0], max(0, first - 120), first)
            quoted = " ".join(text[max(lo, 0):first + len(row.place)].split())
            out[i] = replace(row, modern="", relation="", province="", latitude=None,
                             longitude=None, coord_source="", certainty="")
            why[i] = (f"listed among the names of persons after \"{read[0]}\" (\"{quoted}\"), "
                      "not a place")
    return out, why
