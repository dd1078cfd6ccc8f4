"""A Western month glossed with a lunar month, or the reverse: one date, the lunar month wins.

"in June (the fifth lunar month) of 1368" and "in the fifth month (June) of the third year of
Hongwu" name one month twice. The Western half (with its parentheses) is blanked in the masked
copy the grammar reads, so the lunar month and the year make one mention; the mention is then
widened to start at the Western month ("June (the fifth lunar month) of 1368"). Month names
come from the ``month`` words of ``gazetteer/date_words.csv``; the Western month is not checked
against the lunar one (a lunar month falls across two Western months).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import Lexicon

_LUNAR = (r"(?:[Tt]he\s+)?(?:(?:[Ll]eap|[Ii]ntercalary)\s+)?"
          r"(?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)\s+(?:lunar\s+)?month(?:\s+of\s+the\s+lunar\s+(?:year|calendar))?")


_CACHE: dict[int, tuple[Lexicon, tuple[re.Pattern, re.Pattern]]] = {}


def _patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    names = sorted((w for w in lex.cat("month") if not w.endswith(".")), key=len, reverse=True)
    mon = "(?:" + "|".join(re.escape(w) for w in names) + ")"
    western_first = re.compile(
        rf"(?P<w>\b{mon}\s*\(\s*)(?P<l>{_LUNAR})(?P<c>\s*\))")
    lunar_first = re.compile(  # the lunar phrase itself is left to the grammar
        rf"\bmonth(?:\s+of\s+the\s+lunar\s+(?:year|calendar))?"
        rf"(?P<w>\s*\(\s*{mon}(?:\s*[-–/]\s*{mon})?\s*\))")
    _CACHE[id(lex)] = (lex, (western_first, lunar_first))
    return western_first, lunar_first


def blank_glosses(
    text: str, masked: str, lex: Lexicon
) -> tuple[str, dict[int, tuple[int, int, int]]]:
    """Blank the Western month glosses in ``masked`` (same length as ``text``).

    Returns the new masked text and {lunar phrase start: (Western month start, lunar phrase
    end, closing parenthesis end)} for the "June (the fifth lunar month)" order (to widen the
    mention afterwards).
    """
    if "(" not in text or "month" not in text:
        return masked, {}
    western_first, lunar_first = _patterns(lex)
    spans: list[tuple[int, int]] = []
    widen: dict[int, tuple[int, int, int]] = {}
    for m in western_first.finditer(text):
        spans.extend((m.span("w"), m.span("c")))
        widen[m.start("l")] = (m.start("w"), m.end("l"), m.end("c"))
    for m in lunar_first.finditer(text):
        spans.append(m.span("w"))
    if not spans:
        return masked, {}
    chars = list(masked)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars), widen


def widen_mentions(text: str, mentions: list, widen: dict[int, tuple[int, int, int]]) -> list:
    """Start a mention at the Western month of its gloss ("June (the fifth lunar month)…"),
    and end it after the closing parenthesis when nothing follows the lunar month."""
    if not widen:
        return mentions
    out = []
    for m in mentions:
        if m.start in widen:
            start, lunar_end, close = widen[m.start]
            end = close if m.end == lunar_end else m.end
            m = replace(m, start=start, end=end, text=text[start:end])
        out.append(m)
    return out
