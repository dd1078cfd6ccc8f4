"""Names an OCR'd page split at a hyphen: "Wang Shih- ch^ung" (Wang Shichong).

A line break inside a hyphenated Wade–Giles name leaves "Shih-" + space + "ch^ung" after the
scan is joined into lines (Giles's apostrophe often read as "^"). The statistical model then
proposes "Wang Shih-", whose canonical is a wrong name ("Wang Shi"). A model row that ends
with a hyphen and is followed by a space and a lower-case piece of one Wade–Giles syllable is
widened over that piece, and its canonical is read from the joined name with "^" as the
apostrophe ("Wang Shih-ch'ung" -> the gazetteer's or the Wade–Giles rule's "Wang Shichong").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.entities.name_checks import pinyin_canonical
from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

_PIECE = re.compile(r"[ \t]{1,2}([a-zêüŭ][a-zêüŭ'’^]{0,5})\b")


def join_hyphen_splits(rows: Sequence[EntityRow], text: str,
                       gazetteer: Gazetteer) -> list[EntityRow]:
    """``rows`` with each model row ending in "-" widened over the lower-case syllable that
    follows it after a space (module docstring). A new list."""
    out: list[EntityRow] = []
    for e in rows:
        m = _PIECE.match(text, e.end) if e.source == "model" and e.text.endswith("-") \
            and e.label in ("PERSON", "PLACE") else None
        if m is None:
            out.append(e)
            continue
        joined = e.text + m.group(1).replace("^", "'")
        entry = gazetteer.resolve(joined)
        label = entry.label if entry is not None else e.label
        canonical = entry.canonical if entry is not None \
            else pinyin_canonical(joined, label, gazetteer)
        out.append(dataclasses.replace(e, end=m.end(), text=text[e.start:m.end()], label=label,
                                       canonical=canonical))
    return out
