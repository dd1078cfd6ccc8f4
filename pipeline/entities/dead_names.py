"""A famous person of long ago found inside a run of names of a later text.

The PhraseMatcher reads a ``persons.csv`` name wherever its words stand in a row: a machine
translation of 560 writes 權相宇文護 ("powerful minister Yuwen Hu") as "Quan Xiang Yu Wenhu",
and "Xiang Yu" (the Chu hegemon, died 202 BC) is read inside it. A later text may well name a
person of the past, so death alone proves nothing; but a name that runs on into a further
capitalised word ("Xiang Yu Wenhu": no comma, no "and") in a sentence dated long after the
person's death is a garble. :func:`refuse_garbled_dead` checks each PERSON row whose
canonical has a death year in ``person_years.csv``: when the years at the mention (the
``years_at`` of :func:`pipeline.entities.periods.refuse_far_rulers`) are all more than
``DEAD_MARGIN`` years after that death and the next word runs on, the reading is refused
with a ``PERSON_IN_GARBLE`` warning. When the mention's last word and the next one are the
text of another PERSON row of the document ("Yu Wenhu", named so elsewhere), the row becomes
that person there; else it is dropped (a blank is better than a wrong person).
"""

from __future__ import annotations

import csv
import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.records import EntityRow, WarningRow
from pipeline.resources import active_gazetteer_dir

CODE = "PERSON_IN_GARBLE"
DEAD_MARGIN = 200  # years after a death: a name read there inside a run of names is no reference
_RUNS_ON = re.compile(r" ([A-Z][a-z']+)\b(?!-)")


@lru_cache(maxsize=2)
def death_years(directory: Path) -> Mapping[str, int]:
    """Person canonical -> death year (astronomical) from ``person_years.csv``."""
    path = directory / "person_years.csv"
    if not path.is_file():
        return {}
    out: dict[str, int] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            try:
                out[r["canonical"]] = int(r.get("died") or "")
            except (KeyError, ValueError):
                continue
    return out


def _show(year: int) -> str:
    return f"{1 - year} BCE" if year <= 0 else str(year)


def refuse_garbled_dead(entities: Sequence[EntityRow], text: str,
                        years_at: Callable[[int], list[int]],
                        directory: Path | None = None
                        ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` with the readings of the module docstring refused (moved onto the person
    the run of names spells, or dropped), and one warning row per refusal. ``years_at``:
    offset -> the years that date it (astronomical; [] when none); ``directory``: the
    gazetteer folder (None: the active one). New lists."""
    died = death_years(directory or active_gazetteer_dir())
    persons = {e.text: e.canonical for e in entities if e.label == "PERSON"}
    out: list[EntityRow] = []
    warnings: list[WarningRow] = []
    for e in entities:
        death = died.get(e.canonical) if e.label == "PERSON" else None
        years = years_at(e.start) if death is not None else []
        m = _RUNS_ON.match(text, e.end) if years else None
        if death is None or not years or min(years) <= death + DEAD_MARGIN or m is None:
            out.append(e)
            continue
        last = e.text.split()[-1]
        other = f"{last} {m.group(1)}"
        dated = f"the text is dated {_show(min(years))}"
        if other in persons and other != e.text:
            start = e.end - len(last)
            warnings.append(WarningRow(e.doc_id, e.start, m.end(), CODE,
                                       f"{e.text!r} not read as {e.canonical} (died "
                                       f"{_show(death)}): {dated} and the name runs on; read "
                                       f"{other!r} ({persons[other]})"))
            out.append(dataclasses.replace(e, start=start, end=m.end(), text=other,
                                           canonical=persons[other]))
            continue
        warnings.append(WarningRow(e.doc_id, e.start, m.end(), CODE,
                                   f"{e.text!r} not read as {e.canonical} (died {_show(death)}):"
                                   f" {dated} and the name runs on ({text[e.start:m.end()]!r});"
                                   " row dropped"))
    return out, warnings
