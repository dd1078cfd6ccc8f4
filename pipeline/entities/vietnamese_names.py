"""Vietnamese personal names written without diacritics that hold a Chinese state's word.

A Vietnamese name is built from Sino-Vietnamese syllables, and in plain letters some of them
spell a Chinese state or place: "Ho Han Thuong" (Hồ Hán Thương) holds the polity Han, "Le
Chi Tuc" the state Qi. The lexicon reads that one word as the state; this pass (on the entity
rows of one block, after :func:`pipeline.entities.collisions.resolve_collisions`) reads the
whole run of words as one PERSON when:

* the run is two to four capitalised words joined by single spaces, holding a one-word POLITY
  or PLACE row;
* its first word is a Vietnamese surname (``gazetteer/vietnamese_surnames.csv``, diacritics
  taken off: "Hồ" → ho);
* every word is one Vietnamese syllable (``gazetteer/vietnamese_syllables.csv``: an onset, the
  vowel letters and a final consonant of quốc ngữ, diacritics taken off);
* at least one word is no Chinese syllable (pinyin or Wade–Giles: "Thuong", "Nguyen") or is
  written with a Vietnamese letter ("Thương"), so "Ho Yen" (何晏, Wade–Giles) stays Chinese;
* the run is no name of the place tables (``world_places.csv``: "Dong Do" is Thăng Long) nor a
  non-person of the lexicon, and no place, army or polity word follows it ("Ho Han river").

The POLITY/PLACE rows inside the run and PERSON rows covering part of it ("Tran" of "Tran
Thieu De") give way to one PERSON row (canonical: the lexicon's person of that name, else the
name as written). Offsets are Python str indices into the block's text.
"""

from __future__ import annotations

import csv
import dataclasses
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.entities.pinyin import is_real_syllable, is_wade_giles_syllable
from pipeline.entities.viqr import load_surnames
from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

FILE = "vietnamese_syllables.csv"
_CAP_WORD = r"[A-ZĐ\u00C0-\u1EF9][^\W\d_]*"
_RUN_BEFORE = re.compile(r"(?:(" + _CAP_WORD + r") ){0,3}$")
_RUN_AFTER = re.compile(r"(?: (" + _CAP_WORD + r")){0,3}")
_WORD = re.compile(_CAP_WORD)
_NEXT_WORD = re.compile(r"\s*([\w'’]+)")
#: letters only Vietnamese writing uses (not pinyin's ā á ǎ à ü nor Wade–Giles' ê ŭ)
_VIET_LETTERS = frozenset("ăâđơưôĂÂĐƠƯÔ") | frozenset(
    "ạảấầẩẫậắằẳẵặẹẻẽếềểễệĩỉịõọỏốồổỗộớờởỡợũụủứừửữựỳỵỷỹ"
    "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆĨỈỊÕỌỎỐỒỔỖỘỚỜỞỠỢŨỤỦỨỪỬỮỰỲỴỶỸ")


def fold(word: str) -> str:
    """``word`` in lower case without diacritics ("Thương" → "thuong", "Đô" → "do")."""
    return plain_letters(word).lower()


@lru_cache(maxsize=4)
def syllable_pattern(gazetteer_dir: Path) -> re.Pattern[str] | None:
    """A regex matching one folded Vietnamese syllable, built from the onsets, vowel letters
    and codas of ``gazetteer_dir``/vietnamese_syllables.csv (None if the file is missing)."""
    path = gazetteer_dir / FILE
    if not path.is_file():
        return None
    parts: dict[str, list[str]] = {"onset": [], "vowel": [], "coda": []}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] in parts and row["part"].strip():
                parts[row["kind"]].append(row["part"].strip())

    def alt(items: list[str]) -> str:
        return "|".join(sorted(map(re.escape, items), key=len, reverse=True))

    return re.compile(f"(?:{alt(parts['onset'])})?(?:{alt(parts['vowel'])})"
                      f"(?:{alt(parts['coda'])})?")


def _chinese(word: str) -> bool:
    return not any(c in _VIET_LETTERS for c in word) and (
        is_real_syllable(word) or is_wade_giles_syllable(word))


def vietnamese_persons(entities: Sequence[EntityRow], text: str, gaz: Gazetteer,
                       stop_words: set[str] | frozenset[str] = frozenset()) -> list[EntityRow]:
    """``entities`` (one block, offsets into ``text``) with each Vietnamese name of the module
    docstring that holds a one-word POLITY or PLACE row made one PERSON row. ``stop_words``:
    lower-case words that, right after the run, make it a place or army ("river", "army").
    A new list."""
    if gaz.source_dir is None:
        return list(entities)
    surnames = load_surnames(gaz.source_dir)
    pattern = syllable_pattern(gaz.source_dir)
    if not surnames or pattern is None:
        return list(entities)
    rows = list(entities)
    for e in entities:
        if e.label not in ("POLITY", "PLACE") or " " in e.text or e not in rows:
            continue
        left = _RUN_BEFORE.search(text, max(0, e.start - 60), e.start)
        start = left.start() if left is not None else e.start
        if start and text[start - 1].isalnum():
            continue
        lead = next((m.start() for m in _WORD.finditer(text, start, e.start)
                     if fold(m.group(0)) in surnames), e.start)  # "Later Tran Thieu Han"
        start = lead
        end = _RUN_AFTER.match(text, e.end).end()
        words = [m.group(0) for m in _WORD.finditer(text, start, end)]
        name = text[start:end]
        if not 2 <= len(words) <= 4 or fold(words[0]) not in surnames \
                or not all(pattern.fullmatch(fold(w)) for w in words) \
                or all(_chinese(w) for w in words) \
                or name in gaz.world_places or plain_letters(name) in gaz.world_places \
                or any(x.label != "PERSON" for x in gaz.lookup(name)):
            continue
        nxt = _NEXT_WORD.match(text, end)
        if nxt is not None and nxt.group(1).lower() in stop_words:
            continue
        inside = [r for r in rows if r.start < end and r.end > start]
        if any(r.label not in ("POLITY", "PLACE", "PERSON") or r.start < start or r.end > end
               for r in inside):
            continue
        people = [x for x in gaz.lookup(name) if x.label == "PERSON"]
        canonical = people[0].canonical if people else name
        rows = [r for r in rows if r not in inside]
        rows.append(dataclasses.replace(e, start=start, end=end, text=name, label="PERSON",
                                        canonical=canonical))
    rows.sort(key=lambda r: (r.start, r.end, r.label))
    return rows


def plain_letters(name: str) -> str:
    """``name`` without diacritics, case kept ("Đông Đô" → "Dong Do")."""
    name = name.replace("Đ", "D").replace("đ", "d")
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


_ONE_AFTER = re.compile(r" ([A-Z][\w'’]*(?:-[\w'’]+)?)")
_ONE_BEFORE = re.compile(r"([A-Z][\w'’]*) $")


#: letters of Vietnamese writing that neither pinyin (ā á ǎ à, ü) nor Wade–Giles (ê, ŭ, ü)
#: uses: a word with one is Vietnamese ("Lăng", "Lợi", "Đông")
VIETNAMESE_LETTERS = frozenset(
    "ăâđơưôạảấầẩẫậắằẳẵặẹẻẽếềểễệĩỉịõọỏốồổỗộớờởỡợũụủứừửữựỳỵỷỹ"
    "ĂÂĐƠƯÔẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆĨỈỊÕỌỎỐỒỔỖỘỚỜỞỠỢŨỤỦỨỪỬỮỰỲỴỶỸ")


def _vietnamese(word: str) -> bool:
    return any(c in VIETNAMESE_LETTERS for c in word)


def vietnamese_names(entities: Sequence[EntityRow], text: str,
                     place_words: set[str] | frozenset[str] = frozenset()) -> list[EntityRow]:
    """Rule 3 of :mod:`pipeline.entities.collisions`: a one-word POLITY or PLACE row joined
    by one space to a capitalised word written with a Vietnamese letter
    (:data:`VIETNAMESE_LETTERS`: "Chi Lăng", "Lê Lợi") is a syllable of a Vietnamese name,
    no Chinese state: with a place word after the name (``place_words``, lower case: "Chi
    Lăng pass") the two words become one PLACE row, else the row is dropped (a person or a
    place: the name alone does not say). A new list."""
    out: list[EntityRow] = []
    for e in entities:
        if e.label not in ("POLITY", "PLACE") or " " in e.text:
            out.append(e)
            continue
        after = _ONE_AFTER.match(text, e.end)
        before = _ONE_BEFORE.search(text, max(0, e.start - 40), e.start)
        if after is not None and _vietnamese(after.group(1)):
            start, end = e.start, after.end(1)
        elif before is not None and _vietnamese(before.group(1)) \
                and not (before.start(1) and text[before.start(1) - 1].isalnum()):
            start, end = before.start(1), e.end
        else:
            out.append(e)
            continue
        nxt = _NEXT_WORD.match(text, end)
        if nxt is not None and nxt.group(1).lower() in place_words \
                and not any(o.start < end and e.start != o.start and o.end > start
                            for o in entities):
            name = text[start:end]
            out.append(dataclasses.replace(e, start=start, end=end, text=name, label="PLACE",
                                           canonical=name))
    return out
