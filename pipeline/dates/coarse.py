"""Coarse Western dates: decades ("the 1120s", "the late 1120s") and centuries ("the 12th
century", "the late twelfth century", "the first half of the 3rd century BC").

Each becomes a ``range`` mention of two Western years. ``DateMention.coarse`` is "decade",
"century", or "hundred" for "the 1100s" (read 1100-1199: it may mean the decade or the
century, and the hundred years hold both); "the 12th and 13th centuries" is one range,
1101-1300. ``coarse_part`` is the part named, in percent of the span's years. A coarse date
is resolved like a printed span but certainty-capped by the resolver
(:func:`coarse_certainty`): a plain decade is what the text says (high); a part of a decade
or a plain century (or hundred) is medium, a part of a century low (warned
``DATE_APPROXIMATE``). A coarse date leaves the running date alone (a century is no
narrative date for the next "the following year").

Conventions: the nth century CE is the years (n-1)*100+1 .. n*100 (the strict count: "the 12th
century" = 1101-1200); BC centuries and decades count down (the 3rd century BC = 300-201 BC =
astronomical -299..-200; "the 210s BC" = 219-210 BC). Years are astronomical (1 BC = 0).
Words come from ``gazetteer/date_words.csv``: ``coarse_phase`` (word -> "first-last" percent:
early = 0-33), ``coarse_unit`` (century), ``ordinal`` numbers, ``ce_suffix`` (BC, AD).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import Lexicon, _alt, parse_number

MAX_CENTURY = 21


@dataclass(frozen=True)
class _Coarse:
    century: re.Pattern[str]
    century_cue: re.Pattern[str]
    decade: re.Pattern[str]
    parts: dict[str, tuple[int, int]]
    negative: frozenset[str]
    ordinals: frozenset[str]
    units: dict[str, str]  # "century" -> "singular", "centuries" -> "plural"


_CACHE: dict[int, tuple[Lexicon, _Coarse]] = {}


def _patterns(lex: Lexicon) -> _Coarse:
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    if len(_CACHE) > 4:
        _CACHE.clear()
    _CACHE[id(lex)] = (lex, _build(lex))
    return _CACHE[id(lex)][1]


def _build(lex: Lexicon) -> _Coarse:
    parts = {w.lower(): tuple(int(x) for x in v.split("-"))
             for w, v in lex.cat("coarse_phase").items()}
    phase = _alt(list(lex.cat("coarse_phase")))
    unit = _alt(list(lex.cat("coarse_unit")))
    suffix = _alt(list(lex.cat("ce_suffix")), ci=False, boundary=False)
    the = r"(?:[Tt]he\s+)?"
    # "the late 12th century", "mid-14th century", "late in the twelfth century",
    # "the first half of the 3rd century BC", "a 12th-century temple"
    number = r"\d{1,2}(?:st|nd|rd|th)|[A-Za-z]+(?:[\-‐][A-Za-z]+)?"
    century = re.compile(
        rf"\b{the}(?:(?P<ph>{phase})[\s\-‐]+|(?P<ph2>{phase})\s+(?:of|in)\s+the\s+)?"
        rf"(?P<n>{number})(?:\s*(?:[\-–—]|\s(?:and|to)\s)\s*(?:the\s+)?(?P<n2>{number}))?"
        rf"[\s\-‐]+(?P<unit>{unit})(?:\s*(?P<suf>{suffix})(?![A-Za-z]))?")
    decade = re.compile(
        rf"\b{the}(?:(?P<ph>{phase})[\s\-‐]+)?(?P<d>[1-9]\d{{1,2}}0)['’]?s\b(?!\s+of\b)"
        rf"(?:\s*(?P<suf>{suffix})(?![A-Za-z]))?")
    negative = frozenset(w for w, v in lex.cat("ce_suffix").items() if int(v) < 0)
    ordinals = frozenset(w.lower() for cat in ("ordinal", "ordinal_tens")
                         for w in lex.cat(cat))
    cue = re.compile(unit)
    units = {w.lower(): v for w, v in lex.cat("coarse_unit").items()}
    return _Coarse(century, cue, decade, parts, negative, ordinals, units)


def _ordinal(word: str, lex: Lexicon, ordinals: frozenset[str]) -> int | None:
    """'12th' -> 12, 'twelfth' -> 12, 'twenty-first' -> 21; None for a cardinal ('two')."""
    last = re.split(r"[\-‐\s]+", word.lower())[-1]
    if not (re.fullmatch(r"\d+(?:st|nd|rd|th)", last) or last in ordinals):
        return None
    return parse_number(word, lex)


def _part(first: int, last: int, part: tuple[int, int] | None) -> tuple[int, int]:
    """The years ``part`` (percent from, to) of the span first..last (time order)."""
    if part is None:
        return first, last
    n = last - first + 1
    return first + math.floor(n * part[0] / 100), first + math.ceil(n * part[1] / 100) - 1


_DECADE_CUE = re.compile(r"\d0['’]?s\b")
_WINDOW = 60  # characters before a cue word that a coarse date may start


def _near(pattern: re.Pattern[str], cue: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of ``pattern`` that hold a match of the cheap ``cue`` (the regex is only
    tried in a window before each cue: a whole-text scan is slow)."""
    out: list[re.Match[str]] = []
    for c in cue.finditer(text):
        if out and out[-1].end() >= c.end():
            continue
        for m in pattern.finditer(text, max(0, c.start() - _WINDOW), min(len(text), c.end() + 12)):
            if m.start() <= c.start() and c.end() <= m.end():
                out.append(m)
                break
    return out


def coarse_spans(text: str, lex: Lexicon) -> list[tuple[int, int, str, str | None, int, int]]:
    """(start, end, "century"|"decade", part word or None, first CE year, last CE year) of
    every coarse date in ``text``, by start; years astronomical."""
    pat = _patterns(lex)
    out = []
    for m in _near(pat.century, pat.century_cue, text):
        n = _ordinal(m.group("n"), lex, pat.ordinals)
        n2 = _ordinal(m.group("n2"), lex, pat.ordinals) if m.group("n2") else n
        plural = pat.units.get(m.group("unit").lower()) == "plural"
        if n is None or n2 is None or not 1 <= n <= MAX_CENTURY or not 1 <= n2 <= MAX_CENTURY:
            continue
        if plural != bool(m.group("n2")) or (n2 < n if not m.group("suf") else False):
            continue  # "the 12th and 13th centuries"; "the 12th century"
        bc = m.group("suf") in pat.negative
        lo, hi = (max(n, n2), min(n, n2)) if bc else (n, n2)
        first, last = ((1 - lo * 100, 1 - ((hi - 1) * 100 + 1)) if bc
                       else ((lo - 1) * 100 + 1, hi * 100))
        word = (m.group("ph") or m.group("ph2") or "").lower() or None
        a, b = _part(first, last, pat.parts.get(" ".join(word.split())) if word else None)
        out.append((m.start(), m.end(), "century", word, a, b))
    for m in _near(pat.decade, _DECADE_CUE, text):
        d = int(m.group("d"))
        bc = m.group("suf") in pat.negative
        # "the 1100s" may be 1100-1109 or 1100-1199: the hundred years hold both readings
        width = 99 if d % 100 == 0 else 9
        first, last = (1 - (d + width), 1 - d) if bc else (d, d + width)
        word = (m.group("ph") or "").lower() or None
        a, b = _part(first, last, pat.parts.get(" ".join(word.split())) if word else None)
        out.append((m.start(), m.end(), "decade" if width == 9 else "hundred", word, a, b))
    out.sort()
    return out


def add_coarse_mentions(text: str, mentions: list, lex: Lexicon, make: Callable) -> list:
    """``mentions`` plus a ``range`` mention (``make`` = DateMention) for each coarse date;
    a Western year found inside one ("1120" of "the 1120s") is dropped, and a coarse date
    overlapping any other mention is left out."""
    spans = coarse_spans(text, lex)
    if not spans:
        return mentions
    out = list(mentions)
    for s, e, unit, word, a, b in spans:
        inside = [m for m in out if m.start < e and s < m.end]
        if any(not (m.kind == "gregorian" and s <= m.start and m.end <= e) for m in inside):
            continue
        out = [m for m in out if m not in inside]
        parts = (make(start=s, end=e, text=text[s:e], kind="gregorian", western_year=a,
                      calendar="western"),
                 make(start=s, end=e, text=text[s:e], kind="gregorian", western_year=b,
                      calendar="western"))
        out.append(make(start=s, end=e, text=text[s:e], kind="range", parts=parts,
                        coarse=unit, coarse_part=word))
    out.sort(key=lambda m: (m.start, m.end))
    return out


def coarse_certainty(unit: str, part: str | None) -> str:
    """The certainty a coarse date can have: a whole decade high, a part of a decade or a
    whole century medium (so "the 1100s", read as 1100-1199, a decade or a century), a part
    of a century low; a dynasty or named period (:mod:`.periods`) always low."""
    if unit == "period":
        return "low"
    if unit == "decade":
        return "high" if part is None else "medium"
    return "medium" if part is None else "low"
