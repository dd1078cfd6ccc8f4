"""Rulers who reigned twice (Ming 英宗: 正統 1436-1449, then 天順 1457-1464): which reign a
reign year names.

``rulers.csv`` holds one row per reign, so a person who reigned twice has two rows with the
same ``ruler_id`` (see ``scripts/build_rulers.py``, ``_earlier_reigns``). A reign year "the
fourth year of Emperor Yingzong" counts from the first accession when it falls in the first
reign; a year past the first reign's end cannot be told apart (counted from the first accession
it falls in another ruler's reign; counted from the second it is a guess) and is flagged.
"""

from __future__ import annotations

from pipeline.rulers import Ruler


def first_accession(found: list[Ruler], n: int) -> tuple[list[Ruler], str | None]:
    """``found`` with each person's reigns narrowed to the one reign year ``n`` names, and
    a warning message (None when the reading is sure).

    The first reign is kept where ``n`` falls in it; else the later reigns in which ``n``
    fits (all of them when none fits) are kept, with a message."""
    by_person: dict[int, list[Ruler]] = {}
    for r in found:
        by_person.setdefault(r.ruler_id, []).append(r)
    out: list[Ruler] = []
    message = None
    for reigns in by_person.values():
        if len(reigns) == 1:
            out.extend(reigns)
            continue
        reigns = sorted(reigns, key=lambda r: r.first_year)
        if reigns[0].contains_reign_year(n):
            out.append(reigns[0])
            continue
        later = [r for r in reigns[1:] if r.contains_reign_year(n)]
        out.extend(later or reigns[1:])
        message = (f"{reigns[0].label} reigned {len(reigns)} times "
                   f"({', '.join(f'{r.first_year}-{r.reign_end}' for r in reigns)}); "
                   f"reign year {n} is past the first reign, counted from a later accession")
    return [r for r in found if r in out], message
