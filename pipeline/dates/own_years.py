"""A season, month or day joined to the year written right after it, and Western day-months the
grammar does not start on.

- "in summer 580", "winter 588", "In spring 589": a season followed by a bare year (3-4 digits)
  or an "AD n" year is the season of the Chinese year begun in that year (``lunar_year``, as
  "the spring of 580").
- "3 February AD 6", "On 10 January AD 9", "(45 BC – 6 October AD 23)": a Western day-month
  followed by "AD n" (or "n AD/BC") is one Western date (kind ``gregorian``).
- "for 6 October", "the evening of 10 October", "(August 7)": a Western day and month not
  preceded by a word the grammar starts on is a ``day`` mention all the same (read by the
  running date as any "on 6 October"), when a preposition, a bracket or a dash comes before
  it (day-first also at the start of a sentence), or a year or a range follows; not in an
  apposition ("the anniversary, 10 October, ..."). "April 24, the Song army ..." (month-first
  opening a sentence, a comma after it) is how machine translation writes a lunar day: a
  ``day`` mention with ``mt_order``, never read as a Western day at ``high``; so is one set
  off by commas right after a dated phrase ("In the fourth year of Jiajing (1525), May 3rd,
  he was born": 嘉靖四年五月初三).
- "10 October – 1 December 1911": a day-month before a dash (or "to") and a full Western date
  is a range; its start takes the end's year (the year before when its month is later).
- "In the spring, the first month of the fourth year of Tonghe": a season set off by a comma
  before a dated month of that season is one date with it.
- "Ninth day of October (Boxer), November 1, 1120" opening a text: a month or day before any
  year takes the Chinese year of a full Western date later in the same sentence.

A year mention swallowed by a join is dropped. Month and season words come from
``gazetteer/date_words.csv`` (``month``, ``season``, ``ce_suffix``, ``count_noun``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import load_lexicon

_SEASON_MONTHS = {"spring": (1, 2, 3), "summer": (4, 5, 6), "autumn": (7, 8, 9),
                  "winter": (10, 11, 12)}
_RANGE_GAP = re.compile(r"\s*(?:–|—|-|to|until|till)\s*")
_SEASON_GAP = re.compile(r"\s*,\s*")
# "June 4, Li Zicheng ..." opening a sentence is how machine translation writes a lunar day
# (六月四日): the month-first order needs a word or a bracket before it, or opens a sentence
# with a comma after it (then ``mt_order``: the resolver warns whichever way it reads it)
_LEAD_WORD = re.compile(r"(?:\b(?:[Ff]or|of|[Bb]y|[Oo]n|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill"
                        r"|[Ff]rom|to|[Ii]n|[Ss]ince|and)\s+|\(\s*|[–—-]\s*)$")
_RANGE_ON = re.compile(r"\s*(?:–|—|-|to|until|till)\s*(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d)")
# what may come before an untriggered day-month: a preposition, a bracket, a dash, the start of
# a sentence or line ("April 24, the army ...")
_LEAD = re.compile(r"(?:\b(?:[Ff]or|of|[Bb]y|[Oo]n|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill|[Ff]rom|to"
                   r"|[Ii]n|[Ss]ince|and)\s+|\(\s*|[–—-]\s*|[.!?;:]\s+|\n\s*|^\s*)$")


_COMMA_GAP = re.compile(r"\s*,\s*")
_SENTENCE_START = re.compile(r"(?:[.!?;]\s+|\n\s*|^\s*)$")


@lru_cache(maxsize=4)
def _patterns(key: int) -> tuple[re.Pattern, re.Pattern, re.Pattern, dict[str, int]]:
    lex = load_lexicon()
    months = {w.lower(): int(v) for w, v in lex.cat("month").items() if not w.endswith(".")}
    mon = "(?:" + "|".join(sorted((w for w in lex.cat("month") if not w.endswith(".")),
                                  key=len, reverse=True)) + r")(?![A-Za-z])"
    counts = "|".join(re.escape(w) for w in sorted(lex.cat("count_noun"), key=len,
                                                   reverse=True))
    year_after = re.compile(
        r"[ \t]+(?:(?:AD|A\.D\.|CE|C\.E\.)\s+(?P<y1>\d{1,4})|(?P<y2>\d{3,4}))(?![\d,.]\d|\d)"
        r"(?:\s*(?P<suf>BCE|BC|B\.C\.E\.|B\.C\.|AD|CE|A\.D\.|C\.E\.)(?![A-Za-z]))?"
        rf"(?!\s*(?:{counts})\b)(?!\s+[a-z]+s\b)")
    day_first = re.compile(rf"(?<![\d,.])\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{mon})")
    month_first = re.compile(
        rf"\b(?P<m>{mon})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![\d,.]\d)"
        rf"(?!\s*(?:{counts})\b)(?!\s+[a-z]+s\b)")
    return year_after, day_first, month_first, months


def _year_after(text: str, at: int) -> tuple[int, int] | None:
    """(end, astronomical year) of a year written right after ``at``, or None."""
    g = _patterns(0)[0].match(text, at)
    if g is None:
        return None
    year = int(g.group("y1") or g.group("y2"))
    suf = (g.group("suf") or "").upper()
    if suf.startswith("B"):
        year = 1 - year
    if year == 0 and not suf:
        return None
    return g.end(), year


def _western_words(m) -> bool:
    months = _patterns(0)[3]
    return any(w.lower() in months and w[0].isupper() for w in re.findall(r"[A-Za-z]+", m.text))


def _untriggered(text: str, mentions: list, factory) -> list:
    """Western day-months no mention covers: new ``day`` mentions."""
    _, day_first, month_first, months = _patterns(0)
    taken = [(m.start, m.end) for m in mentions]
    dated = [(m.start, m.end) for m in mentions if not _no_year(m) and m.month is None]
    out = []
    for pat in (day_first, month_first):
        for g in pat.finditer(text):
            s, e = g.span()
            if any(a < e and s < b for a, b in taken):
                continue
            day = int(g.group("d"))
            lead = (_LEAD if pat is day_first else _LEAD_WORD).search(text, max(0, s - 12), s)
            # "April 24, the Song army ...": month-first opening a sentence, then a comma
            mt_order = (pat is month_first and lead is None and text[e:e + 1] == ","
                        and _SENTENCE_START.search(text, max(0, s - 12), s) is not None)
            # "In the fourth year of Jiajing (1525), May 3rd, he was born": the day of the
            # date written right before it, set off by a comma (machine translation's order)
            after = any(b <= s and _COMMA_GAP.fullmatch(text, b, s) for _, b in dated)
            mt_order = mt_order or (after and pat is month_first)
            if not 1 <= day <= 31 or not (lead or mt_order or after or _RANGE_ON.match(text, e)
                                          or _year_after(text, e)):
                continue  # "the anniversary, 10 October, is ...": an apposition, no narrative date
            if pat is month_first and re.match(r"\s*,?\s*(?:AD\s+)?\d", text[e:]):
                continue  # "October 6, 1911": the grammar's (a year it did not take is no day)
            taken.append((s, e))
            out.append(factory(start=s, end=e, text=text[s:e], kind="day",
                               month=months[g.group("m").lower()], day=day, mt_order=mt_order))
    return out


def _no_year(m) -> bool:
    return (m.era is None and m.era_year is None and m.lunar_year is None
            and m.western_year is None and m.stated_year is None and m.rel_years is None
            and m.dynasty is None and not m.parts)


def join_own_years(text: str, mentions: list, factory) -> list:
    """``mentions`` (sorted by start) with the joins of the module docstring made; new
    mentions are built with ``factory`` (the DateMention class). Sorted by start."""
    from .cycles import tag_positions  # noqa: PLC0415 (imports mentions)

    added = _untriggered(text, mentions, factory)
    if added:
        mentions = sorted([*mentions, *tag_positions(text, added)],
                          key=lambda x: (x.start, x.end))
    out: list = []
    skip_until = -1
    i = 0
    while i < len(mentions):
        m = mentions[i]
        i += 1
        if m.start < skip_until and m.kind in ("gregorian", "dynasty"):
            continue  # the year a join took
        if not _no_year(m) or m.kind not in ("season", "day", "month"):
            out.append(m)
            continue
        western = m.kind in ("day", "month") and m.month is not None and _western_words(m)
        got = _year_after(text, m.end)
        if got is not None and (m.kind == "season" or western):
            end, year = got
            if m.kind == "season":
                m = replace(m, end=end, text=text[m.start:end], lunar_year=year)
            else:
                m = replace(m, end=end, text=text[m.start:end], kind="gregorian",
                            western_year=year, calendar="western")
            skip_until = end
            out.append(m)
            continue
        nxt = mentions[i] if i < len(mentions) else None
        if nxt is None:
            out.append(m)
            continue
        gap = text[m.end:nxt.start]
        if (western and m.day is not None and nxt.kind == "gregorian"
                and nxt.western_year is not None and nxt.month is not None
                and nxt.day is not None and _RANGE_GAP.fullmatch(gap)):
            year = nxt.western_year - (m.month > nxt.month)
            a = replace(m, kind="gregorian", western_year=year, calendar=nxt.calendar)
            out.append(factory(start=m.start, end=nxt.end, text=text[m.start:nxt.end],
                               kind="range", parts=(a, nxt), where=m.where))
            i += 1
            continue
        if (m.kind == "season" and m.season in _SEASON_MONTHS and _SEASON_GAP.fullmatch(gap)
                and nxt.month in _SEASON_MONTHS[m.season] and not nxt.leap
                and (nxt.era_year is not None or nxt.lunar_year is not None)):
            out.append(replace(nxt, start=m.start, text=text[m.start:nxt.end], where=m.where))
            i += 1
            continue
        out.append(m)
    return _look_ahead(out)


def _look_ahead(mentions: list) -> list:
    """A month or day before any year of the text takes the Chinese year of a Western date
    later in its sentence: "Ninth day of October (Boxer), November 1, 1120" (the 10th month,
    9th day of the year 1120). A Western month late in the year before a January/February
    date is of the year before."""
    for k, m in enumerate(mentions):
        if m.kind in ("dynasty", "ruler_context", "era_context"):
            continue
        if m.kind not in ("month", "day") or not _no_year(m) or m.month is None:
            return mentions  # a year (or another date) came first: the running date decides
        later = next((x for x in mentions[k + 1:] if x.where == m.where and x.kind == "gregorian"
                      and x.western_year is not None and x.month is not None), None)
        if later is None or m.where is None:
            return mentions
        year = later.western_year - (m.month >= 11 and later.month <= 2)
        return [*mentions[:k], replace(m, lunar_year=year), *mentions[k + 1:]]
    return mentions
