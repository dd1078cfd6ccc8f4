"""Digits garbled by machine translation (Baidu-style number encoding): "/kloc-0/848" for
1848, "June165438+1October", "/kloc-in the spring of 0/848", "1in July, 850".

Some machine translators (pages translated with Baidu are full of them) replace digits by
codes: "/kloc-0/" stands for "1" and "165438+0" for "11", and the codes get split, glued to
words, or mixed with other digits. A date read next to such a code would look certain and be
wrong (the running year frozen at the last year read), so:

* A document holds garbled digits only if it holds one of the codes (``/kloc-`` or
  ``65438``, :data:`MARKERS`); only then are other odd tokens mixing digits with letters or
  slashes ("1in", "0/848") taken as garbled too (an ordinal "3rd", a decade "1850s", a span
  "1101/02" or a number "20,000" are not).
* A garbled token whose codes all have a known reading (:data:`REPAIRS`) and which then reads
  as a plain 3-4 digit number ("/kloc-0/848" -> 1848) is a Western year, flagged (certainty
  medium, GARBLED_DIGITS_REPAIRED).
* Any other garbled token is a date phrase not read (kind ``unread``, ``year_doubt`` =
  :data:`MT_DOUBT`: no row, a GARBLED_DIGITS warning, and later dates that inherit the running
  date are unsure). A month, season or day phrase right beside it ("the spring of 0/848",
  "1in July") is taken into it: its year is the garbled one, so it gets none (a blank is
  better than a wrong year).
"""

from __future__ import annotations

import re

from .grammar import _grammar
from .mentions import DateMention

MT_DOUBT = "digits garbled by machine translation"
MARKERS = re.compile(r"/kloc-|65438")
#: codes with one known reading (any other code is not repaired)
REPAIRS = (("/kloc-0/", "1"), ("165438+0", "11"))
_TOKEN = re.compile(r"\S+")
_TRAIL = ",.;:!?)]\"'’”"
_LEAD = "([\"'‘“"
# tokens with digits that are no garble: numbers, ordinals, decades, percentages, spans, ToC
_NORMAL = re.compile(
    r"[(\[\"'“‘]?(?:\d[\d,.]*(?:st|nd|rd|th|s|%)?|\d{2,4}\s?[/–—-]\s?\d{1,4}s?"
    r"|[A-Za-z]+[-–]\d+|\d+[-–][A-Za-z]+|[-–—]\d{1,4})")  # last: a span's end, "(892 -942)"
# what may stand between a date phrase and the garbled digits that are its year
_GAP = re.compile(r"[\s,]*(?:(?:of|in|on|at|the)[\s,]+)*", re.IGNORECASE)
_BESIDE_KINDS = frozenset(("month", "season", "day"))
_YEAR = re.compile(r"\d{3,4}")


def garbled_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the garbled tokens of ``text`` (trailing punctuation left out), by start;
    [] when the text holds no code of :data:`MARKERS`."""
    if not MARKERS.search(text):
        return []
    out = []
    for t in _TOKEN.finditer(text):
        tok = t.group()
        if not MARKERS.search(tok) and (not any(c.isdigit() for c in tok)
                                        or _NORMAL.fullmatch(tok.rstrip(_TRAIL))):
            continue
        s, e = t.span()
        while e > s and text[e - 1] in _TRAIL:
            e -= 1
        while s < e and text[s] in _LEAD:  # "(/kloc-0/203)"
            s += 1
        if e > s:
            out.append((s, e))
    return out


def repaired_year(token: str) -> int | None:
    """The year a garbled token reads as once its codes are replaced ("/kloc-0/848" -> 1848),
    or None when a code is left or the result is no 3-4 digit number."""
    for code, digits in REPAIRS:
        token = token.replace(code, digits)
    return int(token) if _YEAR.fullmatch(token) else None


def add_mt_digit_mentions(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with the garbled tokens of ``text`` as repaired-year or ``unread``
    mentions (see the module docstring); a mention overlapping a garbled token, or a month,
    season or day phrase beside one, is taken into it. Sorted by start."""
    spans = garbled_spans(text)
    if not spans:
        return mentions
    groups = [[s, e] for s, e in spans]
    kept: list[DateMention] = []
    for m in mentions:
        if m.kind == "dynasty":
            kept.append(m)
            continue
        hits = [g for g in groups if g[0] < m.end and m.start < g[1]]
        if not hits and m.kind in _BESIDE_KINDS:  # "the spring of 0/848", "1in July"
            hits = [g for g in groups if (g[1] <= m.start and _GAP.fullmatch(text, g[1], m.start))
                    or (m.end <= g[0] and _GAP.fullmatch(text, m.end, g[0]))]
        if not hits:
            kept.append(m)
            continue
        for g in hits:  # "/kloc-in the spring of 0/848": both sides join into one
            g[0], g[1] = min(g[0], m.start), max(g[1], m.end)
    merged: list[list[int]] = []
    for g in sorted(groups):  # a phrase between two tokens joins them into one
        if merged and g[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], g[1])
        else:
            merged.append(g)
    new = []
    plain = [y for m in mentions for y in (m.western_year, m.stated_year) if y is not None]
    for s, e in merged:
        year = repaired_year(text[s:e])
        if year is None:
            split = split_year(text, s, e, [(a, b) for a, b in spans if s <= a and b <= e],
                               plain)
            if split is not None:
                year, e, month, season = split
                new.append(DateMention(start=s, end=e, text=text[s:e], kind="gregorian",
                                       western_year=year, calendar="western", month=month,
                                       season=season, year_doubt=MT_DOUBT))
                continue
        if year is not None:
            new.append(DateMention(start=s, end=e, text=text[s:e], kind="gregorian",
                                   western_year=year, calendar="western", year_doubt=MT_DOUBT))
            continue
        readings = [f"{text[a:b]!r} may read {y}" for a, b in spans if s <= a and b <= e
                    for y in [repaired_year(text[a:b])] if y is not None]
        why = "; ".join([MT_DOUBT, *readings])  # "the spring of /kloc-0/848": not taken apart
        new.append(DateMention(start=s, end=e, text=text[s:e], kind="unread", year_doubt=why))
    taken = [(m.start, m.end) for m in new]
    kept = [m for m in kept if m.kind == "dynasty"
            or not any(s < m.end and m.start < e for s, e in [*merged, *taken])]
    return sorted(kept + new, key=lambda x: (x.start, x.end))


#: Years at most between a split repaired year and a year the text prints plainly.
SPLIT_NEAR = 50
_GLUED = re.compile(r"^[A-Za-z]+|[A-Za-z]+$")
_SPLIT_TAIL = re.compile(
    r"(?P<words>(?:[\s,]+[A-Za-z]+){0,4}?)[\s,]+(?P<digits>\d{3})(?![\d,.]?\d)")


def split_year(text: str, s: int, e: int, tokens: list[tuple[int, int]], plain: list[int]
               ) -> tuple[int, int, int | None, str | None] | None:
    """A year whose code the translator split around a date phrase ("/kloc-in the spring of
    0/848": "/kloc-" + "0/848" -> 1848; "1in July, 850": "1" + "850" -> 1850), as ``(year,
    end, month, season)``; None unless the words glued to the garbled ``tokens`` of the group
    ``text[s:e]`` and the words between are only date words (a month, a season, "in", "of",
    "the"), the joined digits read as a 3-4 digit year, and a year the text prints plainly
    (``plain``) lies within :data:`SPLIT_NEAR` years of it. ``end``: the group's end, or the
    end of a plain 3-digit number after it that completes the year."""
    g = _grammar()
    words: list[str] = []
    digits = ""
    for a, b in tokens:
        tok = text[a:b]
        words += _GLUED.findall(tok)
        digits += _GLUED.sub("", tok)
    words += re.findall(r"[A-Za-z]+", _strip_tokens(text, s, e, tokens))
    year = repaired_year(digits)
    if year is None and len(digits) <= 2:  # "1in July, 850": the rest of the year after
        tail = _SPLIT_TAIL.match(text, e)
        if tail is not None:
            words += tail.group("words").replace(",", " ").split()
            year = repaired_year(digits + tail.group("digits"))
            e = tail.end("digits")
    if year is None or not any(abs(year - y) <= SPLIT_NEAR for y in plain):
        return None
    month = season = None
    for w in (w.lower() for w in words):
        if w in g.months:
            month = g.months[w]
        elif w in g.seasons:
            season = g.seasons[w]
        elif w not in _SPLIT_WORDS:
            return None
    return year, e, month, season


_SPLIT_WORDS = frozenset(("in", "of", "the", "on", "at"))


def _strip_tokens(text: str, s: int, e: int, tokens: list[tuple[int, int]]) -> str:
    """``text[s:e]`` without the ``tokens`` (full-text spans inside it)."""
    out, pos = [], s
    for a, b in sorted(tokens):
        out.append(text[pos:a])
        pos = b
    out.append(text[pos:e])
    return " ".join(out)
