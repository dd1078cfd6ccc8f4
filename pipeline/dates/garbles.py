"""One-letter-off era names written before their year number: "Guangxv 20 (1894)", "Qing
Kangxy 23", "Wanlii Year 10 (1582)".

The name scanner only knows exact era spellings, so the grammar never sees such a phrase; "the
twentieth year of Guangxv" is caught by the "of <Name>" rule of :mod:`.mentions`. Here a
capitalised word that is no known era or dynasty but is one letter from an era name
(:meth:`~pipeline.eras.EraTable.fuzzy_candidates`), followed by a year number, becomes an explicit
mention with ``fuzzy_era=True`` only when a dynasty name stands right before it or a printed CE
year right after it; the resolver then still checks that this evidence agrees and flags the
reading (``ERA_SPELLING_FUZZY``).
"""

from __future__ import annotations

import re

from .mentions import DateMention

_GARBLE = re.compile(
    r"(?:\b(?P<dyn>[A-Z][a-z]+)\s+)?\b(?P<name>[A-Z][a-z]{3,}(?:[-'’][a-z]+)?)"
    r"\s+(?:[Yy]ear\s+)?(?P<n>\d{1,2})(?![\d,.]*\d)(?!\s*(?:st|nd|rd|th)\b)"
    r"(?:\s*\(\s*(?:AD\s+)?(?P<ce>\d{3,4})(?:\s*(?:AD|CE))?\s*\))?")


def add_garbled_mentions(text: str, mentions: list[DateMention], eras) -> list[DateMention]:
    """``mentions`` plus garbled-era mentions (see the module docstring) that overlap none of
    them; a mention inside a new one (its printed year) is dropped. Sorted by start."""
    spans = [(m.start, m.end) for m in mentions if m.kind != "dynasty"]
    new: list[DateMention] = []
    for hit in _GARBLE.finditer(text):
        name = hit.group("name")
        dyn = hit.group("dyn")
        if dyn is not None and not eras.dynasty(dyn):
            dyn = None
        if dyn is None and hit.group("ce") is None:
            continue
        if eras.candidates(name) or eras.dynasty(name) or not eras.fuzzy_candidates(name):
            continue
        start = hit.start("dyn") if dyn else hit.start("name")
        end = hit.end()
        if any(s < hit.end("n") and hit.start("name") < e for s, e in spans):
            continue
        fields: dict = {}
        if dyn:
            fields["dynasty"] = dyn
        if hit.group("ce"):
            fields["stated_year"] = int(hit.group("ce"))
        new.append(DateMention(
            start=start, end=end, text=text[start:end], kind="explicit", era=name,
            era_start=hit.start("name"), era_end=hit.end("name"), era_year=int(hit.group("n")),
            fuzzy_era=True, **fields))
    if not new:
        return mentions
    kept = [m for m in mentions
            if m.kind == "dynasty" or not any(g.start <= m.start and m.end <= g.end for g in new)]
    return sorted(kept + new, key=lambda x: (x.start, x.end))
