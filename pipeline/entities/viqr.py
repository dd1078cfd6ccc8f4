"""Vietnamese personal names typed in VIQR ("Tra^`n-Hu+ng--Da.o", "Ngo^-Quye^`n").

VIQR (Vietnamese Quoted-Readable, RFC 1456) writes the diacritics of quốc ngữ as ASCII marks
after the letter: ``^`` circumflex, ``(`` breve, ``+`` horn, ``'`` ``\\``` ``?`` ``~`` ``.``
the five tones, ``-D``/``DD`` for Đ; old Usenet postings and transcriptions of French-era
histories join a name's syllables with hyphens. spaCy's tokenizer cuts such a name at every
mark and the model tags none of it, so the event stage sees no actor in "Tra^`n-Nha^.t-Dua^.t
defeated the Mongols".

:func:`viqr_persons` finds a hyphen-joined word of two or more syllables that carries at
least one VIQR mark no other romanization uses (``^ ( + ` ~ ?`` or a dot between letters: a
Wade–Giles apostrophe alone, "Ch'eng", is no sign) and names a person when

* its first syllable, the marks taken off, is a Vietnamese surname
  (``gazetteer/vietnamese_surnames.csv``: "Tra^`n" → Tran), and no capitalised word follows it
  ("Ba.ch--Da(`ng River" is a river; Bạch is a surname too); or
* a person title or a title noun stands right before it ("King
  Tra^`n-Nha^n-To^ng", "Prince Thoa^'t-Hoan", "General Toa-Do^": ``person_title`` and
  ``person_before`` words of ``entity_lexicon.csv``); the title is part of the mention (so "the
  King" finds it) but not of the canonical name.

The canonical name is the name as written (the marks kept: the text's own spelling).
:func:`add_viqr_persons` puts them among the entity stage's rows, dropping the model rows
they overlap (a gazetteer row wins).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

FILE = "vietnamese_surnames.csv"
#: A VIQR-typed word: an initial capital (or "-D"/"DD" for Đ), letters and marks, syllables
#: joined by one or two hyphens (a second hyphen is Đ's "-D": "Hu+ng--Da.o").
_WORD = re.compile(r"(?<![\w^+`'?~.\-])(?<![A-Za-z]\()(?:-?D|[A-Z])[A-Za-z^(+`'?~.]*"
                   r"(?:--?[A-Za-z][A-Za-z^(+`'?~.]*)+")
#: Marks only VIQR writes (the tone apostrophe is also Wade–Giles' aspiration mark).
_VIQR_MARK = re.compile(r"[\^(+`~?]|[A-Za-z]\.[A-Za-z]")
_MARKS = re.compile(r"[\^(+`'?~.]")
#: A title word right before the name, with one space.
_TITLE_BEFORE = re.compile(r"(?:\b([A-Za-z][a-z]+) )?\b([A-Za-z][a-z]+) $")
_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")

Row = tuple[int, int, str, str, str, str]


@lru_cache(maxsize=4)
def load_surnames(gazetteer_dir: Path) -> frozenset[str]:
    """The lower-case unmarked Vietnamese surnames of ``gazetteer_dir`` (empty if the file is
    missing)."""
    path = gazetteer_dir / FILE
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(row["surname"].strip().lower() for row in csv.DictReader(fh)
                         if row.get("surname"))


def syllables(word: str) -> list[str]:
    """The syllables of a VIQR word without their marks, lower case ("Tra^`n-Hu+ng--Da.o" →
    ["tran", "hung", "dao"]; "DD" is Đ, "d")."""
    out = []
    for part in re.split(r"-(?=-?[A-Za-z])", word.lstrip("-")):
        part = _MARKS.sub("", part.lstrip("-")).lower()
        out.append("d" + part[2:] if part.startswith("dd") else part)
    return [p for p in out if p]


def viqr_persons(text: str, surnames: frozenset[str], titles: frozenset[str],
                 glosses: frozenset[int] = frozenset()) -> list[tuple[int, int, str, str]]:
    """``(start, end, canonical, written)`` of each VIQR personal name of ``text`` (see the
    module doc); ``titles`` are title words in lower case ("king", "crown prince", "general":
    "the Mongol prince X" counts); ``glosses``: start
    offsets of person names already found, so that a name glossed by one in brackets right
    after it is a person too ("O^-Ma~-Nhi (Omar)"). Once a name is found, its other mentions
    written the same way are too ("Thoa^'t-Hoan fled" after "Prince Thoa^'t-Hoan"). Offsets
    are ``str`` indices of ``text`` and cover a title before the name."""
    found = []
    names: dict[int, tuple[int, str]] = {}  # start -> (end, name) of every VIQR name
    for m in _WORD.finditer(text):
        name = m.group(0)
        end = m.end()
        while name and name[-1] == "." and (end >= len(text) or not text[end].isalpha()):
            name, end = name[:-1], end - 1  # the sentence's full stop ("... Tha(ng-Long.")
        if not _VIQR_MARK.search(name):
            continue
        parts = syllables(name)
        if len(parts) < 2:
            continue
        start = m.start()
        names[start] = (end, name)
        title = _TITLE_BEFORE.search(text, max(0, start - 40), start)
        lead = None
        if title is not None and title.group(1) and \
                f"{title.group(1)} {title.group(2)}".lower() in titles:
            lead = title.start(1)  # "Crown Prince"
        elif title is not None and title.group(2).lower() in titles:
            lead = title.start(2)
        if lead is not None:
            found.append((lead, end, name, text[lead:end]))
        elif (parts[0] in surnames and not _NEXT_CAPITAL.match(text, end)) or (
                text.startswith(" (", end) and end + 2 in glosses):
            found.append((start, end, name, name))
    known = {f[2] for f in found}
    starts = {f[1] for f in found} | {f[0] for f in found}
    for start, (end, name) in names.items():
        if name in known and start not in starts and not any(
                f[0] <= start < f[1] for f in found):
            found.append((start, end, name, name))  # a repeat of a name found
    return sorted(found)


def add_viqr_persons(found: list[Row], text: str, gaz: Gazetteer) -> list[Row]:
    """``found`` (``(start, end, label, canonical, source, text)`` rows of
    :func:`pipeline.entities.extract.extract_entities`) with each name of
    :func:`viqr_persons` made a PERSON row (source ``gazetteer``), the model rows it overlaps
    dropped; a name overlapping a gazetteer row is left out. A new list, sorted by start."""
    if "^" not in text and "+" not in text and "`" not in text:
        return found  # no VIQR text (cheap test first)
    surnames = load_surnames(gaz.source_dir) if gaz.source_dir else frozenset()
    titles = frozenset(w.lower() for w in (*gaz.words("person_title"),
                                           *gaz.words("person_before")))
    hits = viqr_persons(text, surnames, titles,
                        frozenset(r[0] for r in found if r[2] == "PERSON"))
    if not hits:
        return found
    out = list(found)
    for start, end, canonical, written in hits:
        if any(r[4] != "model" and r[0] < end and start < r[1] for r in out):
            continue
        out = [r for r in out if r[1] <= start or r[0] >= end] + [
            (start, end, "PERSON", canonical, "gazetteer", written)]
    return sorted(out, key=lambda r: r[0])


def carry_viqr_persons(rows: list[EntityRow], text: str, start: int, end: int,
                       seen: dict[str, tuple[str, str]]) -> list[EntityRow]:
    """``rows`` (one block's entities, full-text offsets) with a PERSON row for each VIQR
    word of ``text[start:end]`` no row covers that is written as the canonical name of a VIQR
    person found earlier in the document ("Thoa^'t-Hoan fled" paragraphs after "Prince
    Thoa^'t-Hoan"): ``seen`` is :func:`pipeline.entities.carry_names`' text -> (label,
    canonical) of the document's gazetteer rows so far. A new list, sorted by start."""
    names = {canonical for label, canonical in seen.values()
             if label == "PERSON" and _VIQR_MARK.search(canonical)}
    if not names:
        return rows
    out = list(rows)
    doc_id = rows[0].doc_id if rows else ""
    for m in _WORD.finditer(text, start, end):
        name, stop = m.group(0), m.end()
        while name and name[-1] == "." and name not in names:
            name, stop = name[:-1], stop - 1
        if name in names and not any(r.start < stop and m.start() < r.end for r in out):
            out.append(EntityRow(doc_id, -1, m.start(), stop, name, "PERSON", name,
                                 "gazetteer"))
    return sorted(out, key=lambda e: (e.start, e.end, e.label))
