"""Later uses of a name the model tagged once: the same words elsewhere in the text are the same
person ("General Ngo Quyen vanquished ..." tagged, "In 939 Ngo Quyen proclaimed himself king"
missed by the statistical ``ner``). Vietnamese, Korean and Nanzhao names the gazetteer lacks
depend on the model alone, and it finds them in one context and not in the next.

One sense per text (the rule :func:`pipeline.entities.name_checks.carry_names` applies to
gazetteer names): a model PERSON of two words or more, every word a capital and then lower-case
letters (no all-caps page heading such as "VIET NAM"), that is no gazetteer alias, has no era
name for a word ("Taihe Chongbao", a coin) and that the model has not labelled otherwise so
far, gets a PERSON row at each occurrence of its exact words that no entity covers, in its own
block and the blocks after it. The new rows keep source ``model`` and the canonical of the
tagged mention. Blocks are processed in ranges (worker processes): a name is carried within
its range only, like ``carry_names``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

_WORD = re.compile(r"[A-Z][a-z'\u2019\u00c0-\u024f-]+")  # "Ngo", "Hung-ts'ao", "Đinh"


def _name_shaped(text: str) -> bool:
    """Two or more words, each a capital and then lower-case letters (hyphens, apostrophes)."""
    words = text.split()
    return len(words) >= 2 and all(_WORD.fullmatch(w) for w in words)


@dataclass
class ModelNames:
    """The model PERSON names of a document so far, block by block (mutable: one per range of
    blocks, like ``carry_names``' ``seen``). ``names``: mention text -> canonical; ``spoiled``:
    texts the model also gave another label (never carried)."""

    names: dict[str, str] = field(default_factory=dict)
    spoiled: set[str] = field(default_factory=set)
    _pattern: re.Pattern[str] | None = None
    _keys: tuple[str, ...] = ()

    def learn(self, rows: list[EntityRow], gaz: Gazetteer) -> None:
        """Add the block's model PERSON names; spoil the texts the model labels otherwise."""
        for r in rows:
            if r.source != "model":
                continue
            if r.label != "PERSON":
                self.spoiled.add(r.text)
                self.names.pop(r.text, None)
            elif r.text not in self.spoiled and r.text not in self.names \
                    and _name_shaped(r.text) and not gaz.lookup(r.text) \
                    and not any(w in gaz.era_names for w in r.text.split()):
                self.names[r.text] = r.canonical

    def pattern(self) -> re.Pattern[str] | None:
        """One regex of the names (longest first), rebuilt only when they change."""
        keys = tuple(sorted(self.names, key=len, reverse=True))
        if keys != self._keys:
            self._keys = keys
            self._pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, keys))
                                       + r")(?![\w'\u2019-])(?! [A-Z])") if keys else None
        return self._pattern


def carry_model_persons(rows: list[EntityRow], text: str, start: int, end: int,
                        seen: ModelNames, gaz: Gazetteer,
                        taken: Sequence[tuple[int, int]] = ()) -> list[EntityRow]:
    """``rows`` (one block's entities, full-text offsets) with a PERSON row for each untagged
    occurrence in ``text[start:end]`` of a model PERSON name of this block or an earlier one
    (``seen``, updated in place); ``taken``: full-text char spans no new row may touch (the
    date mentions' era names). Word boundaries both sides and no capitalised word straight
    after ("Ngo Xuong" is not found inside "Ngo Xuong Ngap"). A new list, sorted by start."""
    seen.learn(rows, gaz)
    pattern = seen.pattern() if seen.names else None
    if pattern is None:
        return rows
    out = list(rows)
    doc_id = rows[0].doc_id if rows else ""
    added = False
    for m in pattern.finditer(text, start, end):
        s, e = m.span()
        if not any(r.start < e and s < r.end for r in rows) \
                and not any(a < e and s < b for a, b in taken):
            out.append(EntityRow(doc_id, -1, s, e, m.group(), "PERSON", seen.names[m.group()],
                                 "model"))
            added = True
    return sorted(out, key=lambda r: (r.start, r.end, r.label)) if added else rows
