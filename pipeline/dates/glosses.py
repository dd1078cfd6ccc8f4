"""A Western month glossed with a lunar month, or the reverse: one date, checked for agreement.

"in June (the fifth lunar month) of 1368", "In August (the 7th month of the Chinese lunar
calendar)", "September 3 (Chinese lunar calendar: 8th day of the 8th month)" and "in the fifth
month (June) of the third year of Hongwu" name one month (or day) twice. The Western half (with
its parentheses, and a "Chinese lunar calendar:" label) is blanked in the masked copy the
grammar reads, so the lunar month and the year make one mention; the mention is then widened
to start at the Western month and carries the Western month(s) and day as ``gloss_months`` /
``gloss_day``. The lunar month gives the date (its day range); the resolver then checks that the
Western month agrees (:func:`gloss_agreement`: some day of the lunar month, or the lunar day,
falls in that Western month, Julian or proleptic Gregorian). Month names come from the ``month``
words of ``gazetteer/date_words.csv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.calendar import jdn_to_gregorian_ymd, jdn_to_julian_ymd

from .lexicon import Lexicon

_GREGORIAN_REFORM_JDN = 2299161  # 1582-10-15 Gregorian
_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?)"
# "the Chinese lunar calendar", "lunar calendar", "the Chinese calendar"
_CAL = r"(?:[Tt]he\s+)?(?:(?:[Cc]hinese|[Tt]raditional)\s+)?(?:(?:lunar|lunisolar)\s+)?calendar"
_MONTH = (rf"(?:[Tt]he\s+)?(?:(?:[Ll]eap|[Ii]ntercalary)\s+)?{_ORD}\s+(?:lunar\s+)?month")
_LUNAR = rf"(?:(?:[Tt]he\s+)?{_ORD}\s+day\s+of\s+)?{_MONTH}"
_TAIL = rf"\s+(?:of|in)\s+(?:{_CAL}|the\s+lunar\s+year)"
_DAY = r"(?:\s+(?P<wd>\d{1,2})(?:st|nd|rd|th)?\b)?"


@dataclass(frozen=True)
class Gloss:
    """One Western/lunar pair. ``anchor``: a position inside the mention of the lunar phrase
    (the lunar phrase's start, or the word "month" before a Western gloss); ``start``: where the
    mention is to start (the Western month of "June (the fifth lunar month)"), else None;
    ``end``: the end of the gloss (its closing parenthesis)."""

    anchor: int
    months: tuple[int, ...]
    day: int | None
    start: int | None
    end: int
    year: int | None = None  # a Western year written with the Western month: "August 1449 (…)"


_CACHE: dict[int, tuple[Lexicon, tuple[re.Pattern, re.Pattern]]] = {}


def _patterns(lex: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    names = sorted((w for w in lex.cat("month") if not w.endswith(".")), key=len, reverse=True)
    mon = "(?:" + "|".join(re.escape(w) for w in names) + ")"
    every = sorted(lex.cat("month"), key=len, reverse=True)  # "(Sep./Oct.)": abbreviations too
    mon_any = "(?:" + "|".join(re.escape(w) + ("" if w.endswith(".") else r"\b")
                               for w in every) + ")"
    western_first = re.compile(
        rf"(?P<w>\b(?P<wm>{mon}){_DAY}(?:,?\s+(?P<wy>\d{{3,4}})(?!\d))?"
        rf"\s*\(\s*(?:(?:in\s+)?{_CAL}\s*[:,]?\s*)?)"
        rf"(?P<l>{_LUNAR})(?P<t>{_TAIL})?(?P<c>\s*\))")
    lunar_first = re.compile(  # the lunar phrase itself is left to the grammar
        rf"\bmonth(?P<t>{_TAIL})?"
        rf"(?P<w>\s*\(\s*(?P<wm>{mon_any}){_DAY}(?:\s*[-–/]\s*(?P<wm2>{mon_any}))?"
        r"(?:,\s*\d{3,4})?\s*\))")
    _CACHE[id(lex)] = (lex, (western_first, lunar_first))
    return western_first, lunar_first


def blank_glosses(text: str, masked: str, lex: Lexicon) -> tuple[str, list[Gloss]]:
    """Blank the Western halves of month glosses (and "of the Chinese lunar calendar") in
    ``masked`` (same length as ``text``). Returns the new masked text and the glosses."""
    if "(" not in text or "month" not in text:
        return masked, []
    western_first, lunar_first = _patterns(lex)
    months = {w.lower(): int(v) for w, v in lex.cat("month").items()}
    spans: list[tuple[int, int]] = []
    found: list[Gloss] = []
    for m in western_first.finditer(text):
        spans.extend((m.span("w"), m.span("c")))
        if m.group("t"):
            spans.append(m.span("t"))
        day = int(m.group("wd")) if m.group("wd") else None
        year = int(m.group("wy")) if m.group("wy") else None
        found.append(Gloss(m.start("l"), (months[m.group("wm").lower()],), day,
                           m.start("w"), m.end("c"), year))
    for m in lunar_first.finditer(text):
        spans.append(m.span("w"))
        if m.group("t"):
            spans.append(m.span("t"))
        got = tuple(months[g.lower()] for g in (m.group("wm"), m.group("wm2")) if g)
        day = int(m.group("wd")) if m.group("wd") else None
        found.append(Gloss(m.start(), got, day, None, m.end()))
    if not spans:
        return masked, []
    chars = list(masked)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars), found


def widen_mentions(text: str, mentions: list, glosses: list[Gloss]) -> list:
    """Give each mention the Western month(s) glossed with its lunar month; start it at the
    Western month of a "June (the fifth lunar month)…" gloss, and end it after the closing
    parenthesis when nothing follows the lunar month. A bracketed Western day after a lunar
    date ("(6 February 1593)") is read whole first (:mod:`.day_glosses`)."""
    from .day_glosses import attach_day_glosses  # noqa: PLC0415 (imports the lexicon)

    mentions = attach_day_glosses(text, mentions)
    if not glosses:
        return mentions
    out = []
    for m in mentions:
        for g in glosses:
            if not (m.start <= g.anchor < m.end) or m.kind in ("range", "dynasty"):
                continue
            if g.start is not None and m.start != g.anchor:
                continue
            start = m.start if g.start is None else g.start
            end = max(m.end, g.end)
            fields = {}
            if g.year is not None and m.kind in ("month", "day") and m.lunar_year is None:
                # "August 1449 (the 7th month)": the Chinese year that month falls in (a 11th
                # or 12th month written as January/February is of the year before)
                late = m.month is not None and m.month >= 11 and g.months[0] <= 2
                fields["lunar_year"] = g.year - 1 if late else g.year
            m = replace(m, start=start, end=end, text=text[start:end], gloss_months=g.months,
                        gloss_day=g.day, **fields)
            break
        out.append(m)
    return out


def gloss_window(first: int, last: int, months: tuple[int, ...],
                 western_year: int | None) -> tuple[int, int] | None:
    """The days of the lunar JDN range ``first..last`` (inclusive) that fall in the glossed
    Western month(s) of ``western_year`` ("the eleventh month of Qianlong 51 (January 1787)":
    the January 1787 part of a month begun in December 1786), Julian before 1582-10-15,
    Gregorian after; None unless the range straddles a Western new year and the glossed days
    lie in one Western year (then the gloss says on which side of it the date falls)."""
    def ymd(jdn: int) -> tuple[int, int, int]:
        return (jdn_to_gregorian_ymd(jdn) if jdn >= _GREGORIAN_REFORM_JDN
                else jdn_to_julian_ymd(jdn))
    if western_year is None or ymd(first)[0] == ymd(last)[0]:
        return None
    days = [j for j in range(first, last + 1) if ymd(j)[1] in months]
    if not days or {ymd(j)[0] for j in days} != {western_year}:
        return None
    return days[0], days[-1]


def gloss_agreement(first: int, last: int, months: tuple[int, ...],
                    day: int | None) -> list[str]:
    """Which calendars make the Western month(s) (and day) agree with the lunar JDN range
    ``first..last`` (integer JDNs, inclusive): a subset of ["Julian", "Gregorian"]. A Western
    month agrees when some day of the range falls in it; with a day, when that Western date is
    a day of the range."""
    found = []
    for name, ymd in (("Julian", jdn_to_julian_ymd), ("Gregorian", jdn_to_gregorian_ymd)):
        for jdn in range(first, last + 1):
            _, mo, d = ymd(jdn)
            if mo in months and (day is None or d == day):
                found.append(name)
                break
    return found
