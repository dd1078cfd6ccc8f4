"""Western dates written year first: "1231 Aug 26", and their ranges, the span lines of
HistoryMaps-style cards ("1231 Aug 26 - 1259 Jul 21", "1231 Aug 26 - 1232 Apr",
"1232 Jun 1 - Dec 1").

:func:`add_ymd_dates` adds a ``gregorian`` mention for each "YEAR MONTH [DAY]" (a year of 3-4
digits, optionally "BC"/"BCE"; a month name or abbreviation of the ``month`` words of
``gazetteer/date_words.csv``, capitalised; a day of 1-2 digits) and a ``range`` mention for two
joined by a dash or "to", the second of which may leave out its year ("Jun 1 - Dec 1": the
first's year) or be a year alone. Mentions inside such a span (a bare "1259" read by another
pass) give way to it. A span standing alone on its line or as its own sentence is an ``aside``
like the year span "1235 - 1239" under a card's heading (:func:`.bare.stands_alone`): dated
rows, not the running date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .bare import stands_alone
from .lexicon import load_lexicon


@lru_cache(maxsize=2)
def _pattern(key: int) -> tuple[re.Pattern, dict[str, int]]:
    months = {w.rstrip("."): int(v) for w, v in load_lexicon().cat("month").items()
              if w[:1].isupper()}
    mon = ("(?:" + "|".join(sorted(map(re.escape, months), key=len, reverse=True))
           + r")(?:\.(?=\s*\d))?")  # "Aug. 26"; not the full stop of "in 1234 Jan."
    bc = r"(?:\s*(?:BCE|BC|B\.C\.E\.|B\.C\.))"
    one = (rf"(?P<y#>\d{{3,4}})(?P<bc#>{bc})?\s+(?P<m#>{mon})"
           rf"(?:\s+(?P<d#>\d{{1,2}}))?(?!\w)")
    first = one.replace("#", "1")
    second = (rf"(?:{one.replace('#', '2')}|(?P<y3>\d{{3,4}})(?P<bc3>{bc})?(?!\w)"
              rf"|(?P<m4>{mon})(?:\s+(?P<d4>\d{{1,2}}))?(?!\w))")
    pat = re.compile(rf"(?<![\w.,])(?:{first})(?:(?P<gap>\s*[-–—]\s*|\s+to\s+){second})?")
    return pat, months


def _year(digits: str, bc: str | None) -> int:
    """Astronomical year of a written year: "209 BC" -> -208."""
    return 1 - int(digits) if bc else int(digits)


def add_ymd_dates(text: str, mentions: list, mention_type) -> list:
    """``mentions`` plus the year-first Western dates and ranges of the module docstring
    (``mention_type``: the :class:`.mention.DateMention` class); sorted by start."""
    if not re.search(r"\d{3,4}\s+[A-Z][a-z]", text):
        return mentions
    pat, months = _pattern(0)
    life = frozenset(w.lower() for w in load_lexicon().cat("life_word"))
    added = []
    for g in pat.finditer(text):
        y1 = _year(g.group("y1"), g.group("bc1"))
        m1 = months[g.group("m1").rstrip(".")]
        d1 = int(g.group("d1")) if g.group("d1") else None
        if d1 is not None and not 1 <= d1 <= 31:
            continue
        a_end = g.end("d1") if d1 is not None else g.end("m1")
        a = mention_type(start=g.start(), end=a_end, text=text[g.start():a_end],
                         kind="gregorian", western_year=y1, month=m1, day=d1,
                         calendar="western")
        if g.group("gap") is None:
            aside = stands_alone(text, g.start(), a_end, life, True)
            added.append(replace(a, aside=True) if aside else a)
            continue
        s2 = g.end("gap")
        if g.group("y2"):
            y2, m2 = _year(g.group("y2"), g.group("bc2")), months[g.group("m2").rstrip(".")]
            d2 = int(g.group("d2")) if g.group("d2") else None
        elif g.group("y3"):
            y2, m2, d2 = _year(g.group("y3"), g.group("bc3")), None, None
        else:
            y2, m2 = y1, months[g.group("m4").rstrip(".")]
            d2 = int(g.group("d4")) if g.group("d4") else None
        if d2 is not None and not 1 <= d2 <= 31:
            continue
        b = mention_type(start=s2, end=g.end(), text=text[s2:g.end()], kind="gregorian",
                         western_year=y2, month=m2, day=d2, calendar="western")
        added.append(mention_type(start=g.start(), end=g.end(), text=g.group(), kind="range",
                                  parts=(a, b),
                                  aside=stands_alone(text, g.start(), g.end(), life, False)))
    if not added:
        return mentions
    spans = [(x.start, x.end) for x in added]
    kept = [m for m in mentions
            if m.kind == "dynasty" or not any(s <= m.start and m.end <= e for s, e in spans)]
    clash = [x for x in added if any(m.start < x.end and x.start < m.end for m in kept
                                     if m.kind != "dynasty")]
    added = [x for x in added if x not in clash]
    return sorted(kept + added, key=lambda x: (x.start, x.end))
