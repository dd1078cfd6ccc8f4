"""Dynasties of the persons named near a date: evidence for an era name several dynasties share
(and for a ruler name several dynasties' rulers bore: "the third year of Emperor Wu").

"In the first month of the second year of Zhide, An Lushan was murdered by his son An Qingxu":
Zhide is an era of Chen (583-586) and of Tang (756-758); An Lushan is a person of Tang. The
resolver (:func:`.choose._choose`) uses the dynasties of the persons named in the date's
sentence (else its paragraph) to pick among same-named eras, as a guess (certainty medium,
ERA_CHOSEN_BY_PERSONS), after a dynasty named with the era, a printed CE year and a running
date near one of the candidates.

Names and their dynasties come from the loaded resources, not from files read here
(:func:`name_polities`): the gazetteer's PERSON aliases (``persons.csv`` canonical names and
aliases, and the spellings derived from them in ``name_romanizations.csv``: "Kuo Tzu-i"), each
with the polity of its person (``Resources.person_polity``, read as a dynasty name of
``dynasties.csv``), and the personal names of the Chinese rulers of the ruler table
("Li Heng" -> Tang). A name that can belong to more than one dynasty is left out, and so is a
polity that names several dynasties and none exactly ("Qi": Southern, Northern or the puppet
Qi). Without a table (a direct call of :func:`find_date_mentions`), the one of the active
gazetteer folder is built once (:func:`default_name_polities`).
Matching is on whole words, case-sensitive (names are capitalised).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.resources import active_gazetteer_dir

from .mentions import DateMention
from .near_rulers import PARAGRAPH_END, SENTENCE_END, around, shared_ruler

if TYPE_CHECKING:
    from pipeline.gazetteer import Gazetteer
    from pipeline.rulers import Ruler



_CAPS = re.compile(r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)+")


#: name as written (two words or more) -> the polities or dynasties given for it
NamePolities = Mapping[str, frozenset[str]]


def name_polities(gazetteer: Gazetteer, person_polity: Mapping[str, str],
                  rulers: Iterable[Ruler] = ()) -> dict[str, frozenset[str]]:
    """Name as written (two words or more) -> the polities of the persons it names.

    ``gazetteer``: its PERSON entries give alias -> canonical (the persons' own polity column,
    ``GazetteerEntry.polity``, when it has one, else ``person_polity[canonical]``);
    ``person_polity``: canonical -> polity (``Resources.person_polity``); ``rulers``: reigns
    whose personal name ("Li Heng") names their dynasty (Chinese calendar streams 1-3 only).
    """
    found: dict[str, set[str]] = {}

    def add(name: str, polity: str | None) -> None:
        name = " ".join(name.split())
        if " " in name and polity:
            found.setdefault(name, set()).add(polity)

    for entry in gazetteer.entries:
        if entry.label == "PERSON":
            add(entry.alias, entry.polity or person_polity.get(entry.canonical))
            add(entry.canonical, entry.polity or person_polity.get(entry.canonical))
    for ruler in rulers:
        if ruler.cal_stream <= 3:
            add(ruler.personal, ruler.dynasty)
    return {n: frozenset(d) for n, d in found.items()}


@lru_cache(maxsize=4)
def default_name_polities(directory: Path) -> dict[str, frozenset[str]]:
    """:func:`name_polities` of the gazetteer folder ``directory`` (loaded with the same
    loaders as :func:`pipeline.document.load_resources`); cached per folder."""
    from pipeline.events import load_person_polities  # noqa: PLC0415 (events import dates)
    from pipeline.gazetteer import load_gazetteer  # noqa: PLC0415
    from pipeline.rulers import load_ruler_table  # noqa: PLC0415

    polity = load_person_polities(directory / "persons.csv", directory / "armies.csv")
    return name_polities(load_gazetteer(directory), polity,
                         load_ruler_table(directory).rulers)


def people_dynasties(text: str, eras, names: NamePolities | None = None
                     ) -> list[tuple[int, str]]:
    """(offset, canonical dynasty) of every person named in ``text`` whose name belongs to
    one dynasty only. ``names``: :func:`name_polities` (None: the active gazetteer's)."""
    table = names if names is not None else default_name_polities(active_gazetteer_dir())
    out: list[tuple[int, str]] = []
    for run in _CAPS.finditer(text):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i + 1, -1):  # longest name first
                name = " ".join(run.group()[a:b] for a, b in words[i:j])
                polities = table.get(name)
                if polities is None and name.endswith(("'s", "’s")):  # "Liu Che's army"
                    polities = table.get(name[:-2])
                if polities is None:
                    continue
                dyns = _narrowest({_dynasty(p, eras) for p in polities}, eras)
                if len(dyns) == 1 and None not in dyns:
                    out.append((run.start() + words[i][0], dyns.pop()))
                i = j - 1
                break
            i += 1
    return out


def _narrowest(dyns: set[str | None], eras) -> set[str | None]:
    """``dyns`` without a dynasty that contains another of them ("Han" beside "Western Han":
    persons.csv and rulers.csv name the same person at two levels)."""
    if len(dyns) < 2 or None in dyns:
        return dyns
    return {d for d in dyns if not any(o != d and d in eras.ancestors(o) for o in dyns)}


@lru_cache(maxsize=1024)
def _dynasty(polity: str, eras) -> str | None:
    """The canonical dynasty a polity names: itself if canonical ("Qin", not the default
    reading Former Qin), else its only reading ("Mongol" -> Yuan); None if ambiguous ("Qi").
    A state without eras of its own in the tables, counted within a parent that has eras,
    stands for that parent (``dynasties.csv``: the rebel Great Yan of An Lushan -> Tang, whose
    eras date its people)."""
    info = eras.dynasty_info(polity)
    if info is not None:
        if info.parent and not eras.eras_of_dynasty(polity) and \
                eras.eras_of_dynasty(info.parent):
            return info.parent
        return polity
    readings = eras.dynasty_readings(polity)
    return readings[0] if len(readings) == 1 else None


def tag_people(text: str, mentions: list[DateMention], eras,
               names: NamePolities | None = None) -> list[DateMention]:
    """``mentions`` with ``people`` set on those naming an era of several dynasties: the
    canonical dynasties of the persons named in the mention's sentence, else its paragraph
    (document order, no repeats). Other mentions are returned unchanged. ``names``:
    :func:`name_polities` (None: the active gazetteer's)."""
    shared = [i for i, m in enumerate(mentions)
              if (m.era and len({e.dynasty for e in eras.candidates(m.era)}) > 1)
              or shared_ruler(m, eras)]  # "the third year of Emperor Wu": nine dynasties
    if not shared:
        return mentions
    spans: list[tuple[int, int]] = []  # the paragraphs of those mentions, merged
    for i in shared:
        lo, hi = around(text, mentions[i].start, mentions[i].end, PARAGRAPH_END)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    hits = [(lo + p, d) for lo, hi in spans for p, d in people_dynasties(text[lo:hi], eras, names)]
    if not hits:
        return mentions
    out = list(mentions)
    offsets = [p for p, _ in hits]  # ascending
    for i in shared:
        m = mentions[i]
        for lo, hi in (around(text, m.start, m.end, SENTENCE_END),
                       around(text, m.start, m.end, PARAGRAPH_END)):
            inside = hits[bisect_left(offsets, lo):bisect_left(offsets, hi)]
            # not a name inside the date itself ("the fifth year of Emperor Gaozong")
            dyns = tuple(dict.fromkeys(d for p, d in inside if not m.start <= p < m.end))
            if dyns:
                out[i] = replace(m, people=dyns)
                break
    return out
