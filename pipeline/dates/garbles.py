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

_NUMBER = re.compile(r"\d{1,2}(?!\d)")
# the words before a year number (matched on the text just before it, anchored at its end)
_BEFORE = re.compile(
    r"(?:\b(?P<dyn>[A-Z][a-z]+)\s+)?\b(?P<name>[A-Z][a-z]{3,}(?:[-'’][a-z]+)?)"
    r"\s+(?:[Yy]ear\s+)?$")
_AFTER = re.compile(
    r"(?![\d,.]*\d)(?!\s*(?:st|nd|rd|th)\b)(?:\s*\(\s*(?:AD\s+)?(?P<ce>\d{3,4})"
    r"(?:\s*(?:AD|CE))?\s*\))?")


def add_garbled_mentions(text: str, mentions: list[DateMention], eras) -> list[DateMention]:
    """``mentions`` plus garbled-era mentions (see the module docstring) that overlap none of
    them; a mention inside a new one (its printed year) is dropped. Sorted by start."""
    spans = [(m.start, m.end) for m in mentions if m.kind != "dynasty"]
    new: list[DateMention] = []
    for num in _NUMBER.finditer(text):
        p0, p1 = num.span()
        if p0 and (text[p0 - 1].isdigit() or text[p0 - 1] in ",."):
            continue
        w0 = max(0, p0 - 60)
        hit = _BEFORE.search(text[w0:p0])
        after = _AFTER.match(text, p1)
        if hit is None or after is None:
            continue
        name = hit.group("name")
        dyn = hit.group("dyn")
        if dyn is not None and not eras.dynasty(dyn):
            dyn = None
        ce = after.group("ce")
        if dyn is None and ce is None:
            continue
        if eras.candidates(name) or eras.dynasty(name) or not eras.fuzzy_candidates(name):
            continue
        name_start, name_end = w0 + hit.start("name"), w0 + hit.end("name")
        start = w0 + hit.start("dyn") if dyn else name_start
        end = after.end()
        if any(s0 < p1 and name_start < e0 for s0, e0 in spans):
            continue
        fields: dict = {}
        if dyn:
            fields["dynasty"] = dyn
        if ce:
            fields["stated_year"] = int(ce)
        new.append(DateMention(
            start=start, end=end, text=text[start:end], kind="explicit", era=name,
            era_start=name_start, era_end=name_end, era_year=int(num.group()),
            fuzzy_era=True, **fields))
    if not new:
        return mentions
    kept = [m for m in mentions
            if m.kind == "dynasty" or not any(g.start <= m.start and m.end <= g.end for g in new)]
    return sorted(kept + new, key=lambda x: (x.start, x.end))
