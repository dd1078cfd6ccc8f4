"""Print damage inside a day or year phrase, repaired in a same-length copy of the text before
the grammar reads it: "the 3Oth of April" (OCR's letter O for the digit 0), "May l5th", "2Ist
of June"; and an infobox label glued to its value, "DateDecember 1673 – December 1681".

* A day token beside a Western month name (``month`` rows of ``gazetteer/date_words.csv``):
  one or two characters, each a digit or an ``ocr_digit`` letter that reads as one digit only
  (O, o = 0; l, I = 1), at least one true digit and one such letter, an ordinal suffix or
  none, then "of <Month>" or "<Month>", or after "<Month> " ("the 3Oth of April", "April
  3O"); the same token with an ordinal suffix before "day", "month", "moon" or "year" ("the
  2Oth year of Kangxi", "the l5th day of the 3rd month"). Its letters are written as their
  digits in the copy when the number is 1-31 (an ordinal before those words: 1-99); the
  mention found over it keeps the printed text and carries the token in
  ``DateMention.ocr_digits``; the resolver warns (``OCR_NUMBER_GUESSED``, medium).
* A capitalised word glued to a Western month name at a line start, the month followed by a
  space and a digit ("DateDecember 1673", an infobox label and its value copied without the
  cell break): the label is blanked in the copy, so the month and its year are read whole
  (and a range after it keeps its start).

Offsets are unchanged (the copy has the text's length); the repairs are returned as spans.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import load_lexicon
from .mention import DateMention

OCR_DAY_CODE = "OCR_NUMBER_GUESSED"


@lru_cache(maxsize=4)
def _patterns(key: int) -> tuple[tuple[re.Pattern, ...], re.Pattern, dict[str, str]]:
    """((day before a month, day after a month, ordinal before "day", "month", "moon" or
    "year"), glued label, letter -> digit); ``key`` only keys the cache."""
    lex = load_lexicon()
    names = sorted({w.rstrip(".") for w in lex.cat("month")}, key=len, reverse=True)
    mon = "(?:" + "|".join(re.escape(w) for w in names) + r")\.?(?![A-Za-z])"
    # letters read as one digit only (S is 8 or 5, B 8, Z 2, G 6: too many words and codes)
    table = {k: v for k, v in lex.cat("ocr_digit").items() if "|" not in v and v in "01"}
    ch = "[0-9" + re.escape("".join(table)) + "]"
    tok = rf"(?P<tok>{ch}{{1,2}})(?P<suf>st|nd|rd|th)?"
    before = re.compile(rf"(?<![\w'’-]){tok}(?=\s+(?:of\s+)?{mon})")
    ordinal = re.compile(rf"(?<![\w'’-])(?P<tok>{ch}{{1,2}})(?P<suf>st|nd|rd|th)"
                         r"(?=\s+(?:lunar\s+)?(?i:day|month|moon|year)\b)")
    after = re.compile(rf"{mon}\s+{tok}(?![\w'’-])")
    glued = re.compile(rf"(?m)^[ \t]*(?P<label>[A-Z][a-z]+)(?={mon} \d)")
    return (before, after, ordinal), glued, table


def repair_print(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
    """``text`` with garbled day tokens written in digits and glued labels blanked (same
    length; see the module docstring), and the repaired day tokens as (start, end, printed)."""
    numbers, glued, table = _patterns(0)
    chars: list[str] | None = None
    spans: list[tuple[int, int, str]] = []
    for pat in numbers:
        for hit in pat.finditer(text):
            tok = hit.group("tok")
            if tok.isdigit() or not any(c.isdigit() for c in tok):
                continue
            day = "".join(table.get(c, c) for c in tok)
            top = 99 if pat is numbers[-1] else 31  # a year ordinal: "the 4Oth year of Kangxi"
            if not 1 <= int(day) <= top or (hit.group("suf") is None and len(tok) < 2):
                continue
            s = hit.start("tok")
            chars = chars if chars is not None else list(text)
            chars[s:s + len(tok)] = day
            spans.append((s, s + len(tok), tok))
    for hit in glued.finditer(text):
        s, e = hit.span("label")
        chars = chars if chars is not None else list(text)
        chars[s:e] = " " * (e - s)
    if chars is None:
        return text, ()
    return "".join(chars), tuple(sorted(spans))


def mark_repaired(text: str, mentions: list[DateMention],
                  spans: tuple[tuple[int, int, str], ...]) -> list[DateMention]:
    """``mentions`` (found in the repaired copy) with the printed text of ``text`` and, over
    a repaired day token, ``ocr_digits`` set to the token as printed."""
    if not spans:
        return mentions
    out = []
    for m in mentions:
        hit = next((tok for s, e, tok in spans if m.start <= s and e <= m.end), None)
        if hit is not None:
            m = replace(m, text=text[m.start:m.end], ocr_digits=hit)
        out.append(m)
    return out
