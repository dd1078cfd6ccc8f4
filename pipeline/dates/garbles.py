"""One-letter-off era names written before their year number: "Guangxv 20 (1894)", "Qing
Kangxy 23", "Wanlii Year 10 (1582)".

The name scanner only knows exact era spellings, so the grammar never sees such a phrase; "the
twentieth year of Guangxv" is caught by the "of <Name>" rule of :mod:`.mentions`. Here a
capitalised word that is no known era or dynasty but is one letter from an era name
(:meth:`~pipeline.eras.EraTable.fuzzy_candidates`), followed by a year number, becomes an explicit
mention with ``fuzzy_era=True`` only when a dynasty name stands right before it or a printed CE
year right after it; the resolver then still checks that this evidence agrees and flags the
reading (``ERA_SPELLING_FUZZY``). Western years garbled by OCR ("In 1SS4") are added here
too (:mod:`.ocr`).
"""

from __future__ import annotations

import re

import regex

from .lexicon import load_lexicon
from .mentions import DateMention
from .ocr import ocr_year_mentions
from .ocr_context import add_ocr_context

_NUMBER = re.compile(r"\d{1,2}(?!\d)")
# the words before a year number (matched on the text just before it, anchored at its end)
_BEFORE = re.compile(
    r"(?:\b(?P<dyn>[A-Z][a-z]+)\s+)?\b(?P<name>[A-Z][a-z]{3,}(?:[-'’][a-z]+)?)"
    r"\s+(?:[Yy]ear\s+)?$")
_DATE_BEFORE = re.compile(r"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Ss]ince|the)\s+$")
_NOT_YEAR = re.compile(r"\s*(?:°|%|[.,]\d)")
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
        unsupported = dyn is None and ce is None
        n0 = w0 + hit.start("name")
        if unsupported and (not _DATE_BEFORE.search(text, max(0, n0 - 12), n0)
                            or _NOT_YEAR.match(text, p1)):
            continue  # no support, and no date context: not even a date not read
        if eras.candidates(name) or eras.dynasty(name) or not eras.fuzzy_candidates(name):
            continue
        name_start, name_end = w0 + hit.start("name"), w0 + hit.end("name")
        start = w0 + hit.start("dyn") if dyn else name_start
        end = after.end()
        if any(s0 < p1 and name_start < e0 for s0, e0 in spans):
            continue
        if unsupported:  # "In Tianshengg 3,": a garbled era without support, a date not read
            new.append(DateMention(start=start, end=p1, text=text[start:p1], kind="unread"))
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
    new.extend(_unread_mentions(text, spans, eras, new))
    new.extend(ocr_year_mentions(text, spans + [(m.start, m.end) for m in new],
                                 load_lexicon()))  # "In 1SS4": a year garbled by OCR
    new = add_ocr_context(text, mentions, new, spans, load_lexicon())  # "first moon of l053"
    if not new:
        return mentions
    kept = [m for m in mentions
            if m.kind == "dynasty" or not any(g.start <= m.start and m.end <= g.end for g in new)]
    return sorted(kept + new, key=lambda x: (x.start, x.end))


_ORD_YEAR = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Oo]f|[Tt]he)\s+(?:the\s+)?(?P<name>[A-Z][a-z]{3,}(?:[-'’][a-z]+)?)"
    r"\s+(?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th)|first|second|third)\s+[Yy]ear\b"
    r"|\b(?P<name2>[A-Z][a-z]{3,}(?:[-'’][a-z]+)?)\s+[Yy]ear\s+\d{1,2}(?![\d,.]*\d)")


# "In Canh Hung 3,", "Year 3 of Thieu Phong": a name of two to four capitalised words (any
# script: "Cảnh Hưng") before or after a year number, in date context
_UNREAD_MULTI = regex.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Ss]ince)\s+(?:the\s+)?"
    r"(?P<name>\p{Lu}[\w'’]+(?:[ -]\p{Lu}[\w'’]+){1,3})\s+(?:[Yy]ear\s+)?\d{1,2}"
    r"(?![\d,.]*\d)(?=\s*[,.;:(])"
    r"|\b[Yy]ear\s+\d{1,2}\s+of\s+(?:the\s+)?(?P<name2>\p{Lu}[\w'’]+(?:[ -]\p{Lu}[\w'’]+){0,3})")


def _unread_mentions(text: str, spans: list[tuple[int, int]], eras,
                     found: list[DateMention]) -> list[DateMention]:
    """Date phrases with an era name that is none we know, nor one letter from one: "In the
    Tianshengg 3rd year", "Zorblax Year 5", and names of two to four capitalised words in any
    script, such as Vietnamese eras no table holds ("In Canh Hung 3,", "Year 3 of Thiệu
    Phong"; no word a dynasty or a month) (kind ``unread``: no row, a DATE_NOT_READ warning,
    and later dates that inherit the running date are unsure)."""
    from .grammar import _grammar  # noqa: PLC0415

    lex = _grammar().lex
    words = {w.lower() for cat in lex.words.values() for w in cat}
    months = set(lex.cat("month"))
    out: list[DateMention] = []
    taken = spans + [(m.start, m.end) for m in found]
    hits = [*_ORD_YEAR.finditer(text), *_UNREAD_MULTI.finditer(text)]
    for hit in hits:
        group = "name" if hit.group("name") else "name2"
        name = hit.group(group)
        s0 = hit.start(group)
        parts = name.replace("-", " ").split()
        if (eras.candidates(name) or eras.dynasty(name) or name.lower() in words
                or any(eras.dynasty(w) or w in months for w in parts)
                or name.endswith(("'s", "’s"))
                or any(a < hit.end() and s0 < b for a, b in taken)):
            continue
        s0 = min(s0, hit.start())
        if text[s0:s0 + 2].lower() == "in":  # "In Canh Hung 3": start at the name
            s0 = hit.start(group)
        out.append(DateMention(start=s0, end=hit.end(), text=text[s0:hit.end()], kind="unread"))
        taken.append((s0, hit.end()))
    return out
