"""Rulers named near a date: evidence for an era name one dynasty used twice, and for a ruler
name several rulers bore.

"In the second year of Yuanshou, Emperor Wu of Han sent Zhang Qian west": Yuanshou is 元狩
(Han Wudi, 122-117 BCE) and 元壽 (Han Aidi, 2-1 BCE), both Western Han, so the dynasties of
the persons named (:mod:`.people`) cannot choose; the ruler named in the same sentence can:
元狩 is one of Wudi's eras (``era_ids`` of ``rulers.csv``). The resolver
(:func:`.choose._choose`) prefers an era of a ruler named in the date's sentence (else its
paragraph), as a guess (certainty medium, ERA_CHOSEN_BY_RULER), after a dynasty or ruler
named with the era, a printed CE year and the era's length.

Rulers named are the ``ruler_context`` and ``reign`` mentions ("Emperor Wu of Han", "King
Sejong", "the third year of Emperor Wu") and a ruler's personal name written out ("Liu Che",
the ``personal`` column of ``rulers.csv``, whole words, case-sensitive). A title without a
dynasty keeps every ruler of that name ("Emperor Wu": nine rulers); their eras all count.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from pipeline.rulers import Ruler, load_ruler_table, personal_names, rules_written

from .mentions import DateMention
from .reigns import personal_name_hits

SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
PARAGRAPH_END = re.compile(r"\n\s*\n")
_NAME_KINDS = ("ruler_context", "reign")


def named_rulers(m: DateMention, eras) -> tuple[Ruler, ...]:
    """The rulers a ``ruler_context``/``reign`` mention can name: all of that name, narrowed
    to the dynasty written with it when that leaves any."""
    if not m.ruler:
        return ()
    found = load_ruler_table().find(m.ruler)
    if m.dynasty:
        found = [r for r in found if rules_written(r, m.dynasty, eras)] or found
    return tuple(found)


def shared_ruler(m: DateMention, eras) -> bool:
    """True for a reign mention whose ruler name rulers of several dynasties bore, with no
    dynasty written ("the third year of Emperor Wu"): the persons named near it are evidence
    (:mod:`.people`)."""
    return (m.kind == "reign" and bool(m.ruler) and not m.dynasty
            and len({r.dynasty for r in named_rulers(m, eras)}) > 1)


def tag_rulers(text: str, mentions: list[DateMention], eras) -> list[DateMention]:
    """``mentions`` with ``near_eras`` set on those naming an era name that several eras
    bear: the era ids of the rulers named in the mention's sentence, else its paragraph (see
    the module docstring). Other mentions are returned unchanged."""
    shared = [i for i, m in enumerate(mentions)
              if m.era and not m.ruler and len(eras.candidates(m.era)) > 1]
    if not shared:
        return mentions
    hits: list[tuple[int, tuple[Ruler, ...]]] = [
        (m.start, named_rulers(m, eras)) for m in mentions if m.kind in _NAME_KINDS]
    lo = min(mentions[i].start for i in shared)
    _, personal = personal_names(load_ruler_table())
    lo = max(0, lo - 4000)
    hi = min(len(text), max(mentions[i].end for i in shared) + 4000)
    hits.extend((s, personal[name]) for s, e, name in personal_name_hits(text)
                if lo <= s and e <= hi)
    hits = [h for h in hits if h[1]]
    if not hits:
        return mentions
    # the hits by offset (with their place in ``hits``, whose order the era ids keep)
    order = sorted(range(len(hits)), key=lambda k: hits[k][0])
    offsets = [hits[k][0] for k in order]
    out = list(mentions)
    for i in shared:
        m = mentions[i]
        for unit in (SENTENCE_END, PARAGRAPH_END):
            a, b = around(text, m.start, m.end, unit)
            inside = sorted(order[bisect_left(offsets, a):bisect_left(offsets, b)])
            ids = tuple(dict.fromkeys(e for p, rulers in (hits[k] for k in inside)
                                      if not m.start <= p < m.end
                                      for r in rulers for e in r.era_ids))
            if ids:
                out[i] = replace(m, near_eras=ids)
                break
    return out


def around(text: str, start: int, end: int, boundary: re.Pattern) -> tuple[int, int]:
    """The span ``(start, end)`` of the unit (``SENTENCE_END``: sentence, ``PARAGRAPH_END``:
    paragraph) holding ``start:end``; a unit is cut 4000 characters either side."""
    lo = max(0, start - 4000)  # (a unit longer than this is cut)
    for b in boundary.finditer(text, lo, start):
        lo = b.end()
    nxt = boundary.search(text, end, end + 4000)
    return lo, nxt.start() if nxt else min(len(text), end + 4000)
