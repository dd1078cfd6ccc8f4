"""Names listed after a word of command: "Qing armies under Zhao Liangdong and Changtai".

A place table knows many given names ("Changtai", 彰泰 the Manchu prince, is also 長泰縣 of
Fujian), so the gazetteer tags them PLACE. A list of names joined by commas and "and" right
after a word that introduces commanders (``person_command`` rows of
``gazetteer/entity_lexicon.csv``: "under", "led by", "commanded by") names persons when one of
its names is a PERSON row: its one-word PLACE rows become PERSON rows (their other PLACE rows
of the same name in the text too: one sense per text). A list with no PERSON ("the counties
under Jiangling and Xiangyang") is left alone.

Rows are ``(start, end, label, canonical, source, text)`` tuples, as in
:func:`pipeline.entities.extract.extract_entities`; offsets index ``text``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.entities.alternation import alternation
from pipeline.gazetteer import Gazetteer

Row = tuple[int, int, str, str, str, str]

_JOIN = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


@lru_cache(maxsize=8)
def _cue(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(r"\b(?:" + alternation(words) + r")\s+$") if words else None


def _joined(text: str, end: int, start: int) -> bool:
    return _JOIN.fullmatch(text, end, start) is not None


def commanded_persons(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Relabel, in place, the one-word PLACE rows of ``rows`` listed with a PERSON after a
    word of command, as the module docstring says."""
    cue = _cue(tuple(sorted(gaz.words("person_command"))))
    if cue is None:
        return
    order = sorted(range(len(rows)), key=lambda k: rows[k][0])
    names: dict[str, str] = {}
    done: set[int] = set()
    for pos, k in enumerate(order):
        if k in done or rows[k][2] not in ("PERSON", "PLACE"):
            continue
        if not cue.search(text, max(0, rows[k][0] - 20), rows[k][0]):
            continue
        members = [k]
        for nxt in order[pos + 1:]:  # the list: rows joined by commas and "and"
            last = rows[members[-1]]
            if rows[nxt][2] not in ("PERSON", "PLACE") or rows[nxt][0] < last[1] \
                    or not _joined(text, last[1], rows[nxt][0]):
                break
            members.append(nxt)
        done.update(members)
        if len(members) < 2 or not any(rows[m][2] == "PERSON" for m in members):
            continue
        for m in members:
            start, end, label, _canon, source, name = rows[m]
            if label == "PLACE" and " " not in name:
                rows[m] = (start, end, "PERSON", name, source, name)
                names[name] = name
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label == "PLACE" and name in names:  # one sense per text
            rows[k] = (start, end, "PERSON", names[name], source, name)
