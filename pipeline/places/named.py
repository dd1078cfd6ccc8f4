"""Names written as the name of something else: an era, a state, a people, a noble title.

A place table knows "Inan" (沂南, Shandong), "Luoping" (Yunnan) and "Baishan" (Anhui), but
"took the era name Inan", "the country number was Dayue Luoping" and "the Baishan Mohe" name
an era, a state and a people. A mention is read as such a name when

* it lies in the run of capitalised words written after a ``name_cue`` phrase of
  ``place_gloss_words.csv`` ("era name", "reign title", "country number", "the state of"),
  with at most a few linking words between ("was", "to", "as", "called", ":"): the whole run
  is the name, so a place name inside a longer one ("Dayue Luoping") is no place either;
* or the word after it is a ``people`` word of ``place_gloss_words.csv`` ("tribe",
  "people", "clans") or a people of ``polities.csv`` (kind ``people``: "Mohe", "Jurchens");
* or it is the fief of a noble title: a ``title`` word of ``place_gloss_words.csv`` and
  "of" right before it ("deposed the Emperor as Prince of Donghai", "Fei, Lord of Wu-an",
  "ennobled him as Duke of Hsing"). The fief is a real place, but not where the text's
  events happen: the row keeps its name, loses its coordinates and gets the relation
  ``title`` (``TITLE_RELATION``), so events take no point from it.

:func:`refuse_other_names` takes the coordinates from a place row every mention of which is
read so (one mention elsewhere read as a place keeps them: "fled to Baishan"), with the
reason for a ``PLACE_CANDIDATE_REJECTED`` warning.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import _read
from pipeline.records import PlaceRow
from pipeline.resources import active_gazetteer_dir

LINK_WORDS = frozenset({"was", "is", "as", "to", "of", "called", "became", "changed", "the"})
TITLE = "noble title"
TITLE_RELATION = "title"  # the ``relation`` of a place row written only as a title's fief
_COMMON_TITLE_WORDS = frozenset({"count", "lord", "king", "queen", "baron", "earl"})
"""Title words that are titles only when capitalised ("a count of Luoyang's households")."""
MAX_LINKS = 3  # linking words allowed between a cue and the name ("was changed to")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|[:,]")


@dataclass(frozen=True)
class NameWords:
    """Cue phrases (lower case -> what they name: "era", "state") and people words (lower
    case) read by :func:`name_read_as`."""

    cues: Mapping[str, str]
    people: frozenset[str]
    titles: frozenset[str] = frozenset()


@lru_cache(maxsize=2)
def load_name_words(gazetteer: Path | None = None) -> NameWords:
    """The ``name_cue``, ``people`` and ``title`` rows of ``place_gloss_words.csv`` and the
    names and aliases of the ``people`` rows of ``polities.csv`` of ``gazetteer`` (None: the
    active gazetteer)."""
    folder = gazetteer or active_gazetteer_dir()
    cues: dict[str, str] = {}
    people: set[str] = set()
    titles: set[str] = set()
    words = folder / "place_gloss_words.csv"
    for row in _read(words) if words.is_file() else []:
        if row["kind"] == "name_cue":
            cues[row["phrase"].lower()] = row["value"] or "name"
        elif row["kind"] == "people":
            people.add(row["phrase"].lower())
        elif row["kind"] == "title":
            titles.add(row["phrase"].lower())
    polities = folder / "polities.csv"
    for row in _read(polities) if polities.is_file() else []:
        if row.get("kind") == "people":
            people.update(n.strip().lower() for n in
                          [row["canonical"], *row.get("aliases", "").split("|")] if n.strip())
    return NameWords(cues, frozenset(people), frozenset(titles))


def name_read_as(text: str, start: int, end: int, words: NameWords | None = None) -> str:
    """What the mention ``text[start:end]`` names when it is no place: "era name" ("took the
    era name Inan"), "state name" ("the country number was Dayue Luoping"), "people"
    ("the Baishan Mohe": "people's name"), "title" ("Prince of Donghai": ``TITLE``);
    "" otherwise."""
    w = words or load_name_words()
    after = re.match(r"[ \t]+([^\W\d_][\w'’\-]*(?:[ \t]+[^\W\d_][\w'’\-]*)?)", text[end:end + 40])
    if after:
        tokens = after.group(1).lower().split()
        if " ".join(tokens) in w.people or tokens[0] in w.people:
            return "people's name"
    # the run of capitalised words the mention ends, read backwards to the cue before it
    before = text[max(0, start - 80):start]
    stop = max(before.rfind(c) for c in ".;!?\n")
    tokens = _WORD.findall(before[stop + 1:])  # within the sentence; commas are tokens
    if len(tokens) >= 2 and tokens[-1].lower() == "of" and tokens[-2].lower() in w.titles \
            and (tokens[-2][0].isupper() or tokens[-2].lower() not in _COMMON_TITLE_WORDS):
        return TITLE  # "as Prince of Donghai", "Lord of Wu-an"
    i = len(tokens)
    while i > 0 and tokens[i - 1][:1].isupper() and tokens[i - 1].lower() not in LINK_WORDS:
        i -= 1  # "Dayue" of "Dayue Luoping"
    cues = sorted(w.cues.items(), key=lambda kv: -len(kv[0]))
    for _ in range(MAX_LINKS + 1):  # "the state of Wei", "the era name was changed to X"
        head = " ".join(t.lower() for t in tokens[:i])
        found = next((kind for cue, kind in cues if head == cue or head.endswith(" " + cue)),
                     "")
        if found:
            return f"{found} name"
        if i == 0 or not (tokens[i - 1].lower() in LINK_WORDS or tokens[i - 1] == ":"):
            break
        i -= 1
    return ""


def refuse_other_names(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                       ends: Mapping[int, int], text: str
                       ) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with the coordinates taken from every row all of whose mentions (offsets in
    ``mentions``, their ends in ``ends``) :func:`name_read_as` reads as an era, state or
    people name, and {row index: why} for them. The input is not changed."""
    out = list(rows)
    why: dict[int, str] = {}
    if not text:
        return out, why
    words = load_name_words()
    for i, row in enumerate(rows):
        offsets = mentions.get(row.place, ())
        if not offsets:
            continue
        read = [name_read_as(text, o, ends.get(o, o + len(row.place)), words)
                for o in offsets]
        if row.latitude is None:  # no point to take; a title's fief is still marked
            if all(r == TITLE for r in read):
                out[i] = replace(row, relation=TITLE_RELATION)
            continue
        if all(read):
            first = offsets[0]
            lo = text.rfind(" ", 0, max(0, first - 30)) + 1
            hi = text.find(" ", ends.get(first, first + len(row.place)) + 12)
            quoted = text[lo:hi if hi >= 0 else len(text)]
            title = all(r == TITLE for r in read)
            out[i] = replace(row, modern="", province="", latitude=None, longitude=None,
                             coord_source="", certainty="",
                             relation=TITLE_RELATION if title else row.relation)
            why[i] = (f"written as the fief of a noble title (\"…{' '.join(quoted.split())}…\"),"
                      " not a place where the text's events happen" if title else
                      f"written as {'an' if read[0][0] in 'aeiou' else 'a'} {read[0]} "
                      f"(\"…{' '.join(quoted.split())}…\"), not the place of that name")
    return out, why
