"""Age phrases: "At the age of twenty-five, he rose up" is no date, and its number no year.

An age phrase is found from the ``age_cue`` words of ``gazetteer/date_words.csv`` (value
``before``: "at the age of", "aged"; ``after``: "years old", "years of age") around a number (digits
or number words). Any other mention over its number is dropped (an age never becomes a year).
Only when the same paragraph printed a life span in brackets before it ("Nurhaci (1559–1626)",
a ``range`` mention with ``aside`` that is no reign span "r. 1127–1162") does the phrase become a
mention (kind ``age``: ``age``, ``born`` = the span's first CE year); the resolver gives it the
years ``born + age - 1`` (an age counted in sui, as Chinese sources do) to ``born + age``, low,
with an AGE_YEAR_DERIVED warning, and leaves the running date alone. Otherwise: no mention.
"""

from __future__ import annotations

import re

from .lexicon import Lexicon, parse_number

MAX_AGE = 120
_NUMBER = r"(?P<{}>\d{{1,3}}|(?:[a-z]+-)?[a-z]+)"
_REIGN_BEFORE = re.compile(r"(?i)(?:\br\.|\breigned|\bruled|\bregent)\s*$")
_CACHE: dict[int, tuple[Lexicon, re.Pattern]] = {}


def _pattern(lex: Lexicon) -> re.Pattern | None:
    hit = _CACHE.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    cues = lex.cat("age_cue")

    def alt(kind: str) -> str:
        words = sorted((w for w, v in cues.items() if v == kind), key=len, reverse=True)
        return "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)

    before, after = alt("before"), alt("after")
    parts = ([rf"\b(?:{before})\s+{_NUMBER.format('n1')}\b"] if before else []) + (
        [rf"\b{_NUMBER.format('n2')}\s+(?:{after})\b"] if after else [])
    pattern = re.compile("|".join(parts), re.IGNORECASE) if parts else None
    _CACHE[id(lex)] = (lex, pattern)  # type: ignore[assignment]
    return pattern


def add_age_mentions(text: str, mentions: list, lex: Lexicon, make) -> list:
    """``mentions`` without any mention over an age phrase's number, plus the age phrases a
    printed life span earlier in the same paragraph dates (see the module docstring).
    ``make``: the DateMention class."""
    pattern = _pattern(lex)
    if pattern is None:
        return mentions
    ages = []
    for hit in pattern.finditer(text):
        name = "n1" if hit.group("n1") is not None else "n2"
        n = parse_number(hit.group(name), lex)
        if n is None or not 0 < n <= MAX_AGE:
            continue
        ages.append((hit.start(), hit.end(), hit.span(name), n))
    if not ages:
        return mentions
    kept = [m for m in mentions
            if not any(m.start < s1 and s0 < m.end and m.kind != "dynasty"
                       for _, _, (s0, s1), _ in ages)]
    spans = [m for m in kept if m.kind == "range" and m.aside and m.parts
             and m.parts[0].western_year is not None
             and not _REIGN_BEFORE.search(text, max(0, m.start - 10), m.start)
             and 0 < (m.parts[-1].western_year or 0) - m.parts[0].western_year <= MAX_AGE]
    for start, end, _, n in ages:
        span = next((s for s in reversed(spans) if s.end <= start), None)
        if span is None or "\n" in text[span.end:start]:
            continue
        born = span.parts[0].western_year
        if n > span.parts[-1].western_year - born + 1:
            continue  # older than the life span allows: another person's age
        kept.append(make(start=start, end=end, text=text[start:end], kind="age", age=n,
                         born=born, died=span.parts[-1].western_year, stated_year=None))
    return sorted(kept, key=lambda x: (x.start, x.end))


def resolve_age(m, res) -> None:
    """An age phrase after a printed life span: the years ``born + age - 1`` to ``born + age``,
    low, warned (AGE_YEAR_DERIVED); cut at the span's last year (``died``). When only that
    last year is left ("A.D. 697-781 ... died at the age of eighty-five": 781), the printed
    year agrees with the age: that year, medium."""
    res.year, res.year_end = m.born + m.age - 1, m.born + m.age
    died = getattr(m, "died", None)
    if died is not None and res.year <= died < res.year_end:
        res.year, res.year_end = died, None
        res.guess("AGE_YEAR_DERIVED",
                  f"age {m.age} counted from the birth year {m.born} of the life span printed "
                  f"before it reaches its last year {died}", "medium",
                  basis=f"age {m.age} + birth year {m.born}: the printed last year {died}")
        return
    res.guess("AGE_YEAR_DERIVED",
              f"age {m.age} counted from the birth year {m.born} of the life span printed "
              f"before it: {res.year} (age in sui) or {res.year_end}",
              basis=f"age {m.age} + birth year {m.born} of the printed life span")
