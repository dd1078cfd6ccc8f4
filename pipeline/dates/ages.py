"""Age phrases: "At the age of twenty-five, he rose up" is no date, and its number no year.

An age phrase is found from the ``age_cue`` words of ``gazetteer/date_words.csv`` (value
``before``: "at the age of", "aged"; ``after``: "years old", "years of age") around a number (digits
or number words). Any other mention over its number is dropped (an age never becomes a year).
Only when the same paragraph printed a life span in brackets before it ("Nurhaci (1559–1626)",
a ``range`` mention with ``aside`` that is no reign span "r. 1127–1162") does the phrase become a
mention (kind ``age``: ``age``, ``born`` = the span's first CE year); the resolver gives it the
years ``born + age - 1`` (an age counted in sui, as Chinese sources do) to ``born + age + 1``
(a Western age, before or after the birthday), low,
with an AGE_YEAR_DERIVED warning, and leaves the running date alone. Without such a span, a
sentence stating a birth with a printed year ("was born in 1003", a ``birth_word``) at most
``BIRTH_REACH`` characters before the age phrase gives the birth year the same way (the same
person assumed: low, warned). Otherwise: no mention.
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
    births = _births(text, kept, lex)
    for start, end, _, n in ages:
        span = next((s for s in reversed(spans) if s.end <= start), None)
        if span is None or "\n" in text[span.end:start]:
            birth = next(((s, y) for s, y in reversed(births) if s <= start), None)
            if birth is not None and start - birth[0] <= BIRTH_REACH:
                kept.append(make(start=start, end=end, text=text[start:end], kind="age", age=n,
                                 born=birth[1], stated_year=None))
            continue
        born = span.parts[0].western_year
        if n > span.parts[-1].western_year - born + 1:
            continue  # older than the life span allows: another person's age
        kept.append(make(start=start, end=end, text=text[start:end], kind="age", age=n,
                         born=born, died=span.parts[-1].western_year, stated_year=None))
    return sorted(kept, key=lambda x: (x.start, x.end))


BIRTH_REACH = 1500  # characters: a birth stated farther back dates no age phrase
_SENTENCE = re.compile(r"[^.!?\n]+")


def _births(text: str, mentions: list, lex: Lexicon) -> list[tuple[int, int]]:
    """(sentence start, CE year) of each sentence stating a birth (a ``birth_word`` of
    ``date_words.csv``: "was born") with a printed year in it ("born in 1003", "the sixth year
    of Xianping (1003)"), in text order. Only the first printed year of the sentence."""
    words = lex.cat("birth_word")
    if not words:
        return []
    cue = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    out: list[tuple[int, int]] = []
    for sent in _SENTENCE.finditer(text):
        if not cue.search(sent.group()):
            continue
        for m in mentions:
            if sent.start() <= m.start < sent.end() and m.kind != "range":
                year = m.western_year if m.kind == "gregorian" else m.stated_year
                if year is not None:
                    out.append((sent.start(), year))
                    break
    return out


def resolve_age(m, res) -> None:
    """An age phrase after a birth year: the years ``born + age - 1`` to ``born + age + 1``,
    low, warned (AGE_YEAR_DERIVED); cut at the span's last year (``died``). When only that
    last year is left ("A.D. 697-781 ... died at the age of eighty-five": 781), the printed
    year agrees with the age: that year, medium."""
    # an age of N in sui is reached in the year born + N - 1; a Western age of N holds from
    # the birthday of born + N to the day before that of born + N + 1: the range holds both
    res.year, res.year_end = m.born + m.age - 1, m.born + m.age + 1
    died = getattr(m, "died", None)
    if died is not None and res.year <= died < res.year_end:
        res.year, res.year_end = died, None
        res.guess("AGE_YEAR_DERIVED",
                  f"age {m.age} counted from the birth year {m.born} of the life span printed "
                  f"before it reaches its last year {died}", "medium",
                  basis=f"age {m.age} + birth year {m.born}: the printed last year {died}")
        return
    if died is None:  # "He was born in 1003. When he was ten years old, ..."
        res.guess("AGE_YEAR_DERIVED",
                  f"age {m.age} counted from the birth year {m.born} the text states before "
                  f"it (the same person assumed): {res.year} (age in sui, as Chinese sources "
                  f"count) to {res.year_end} (a Western age)",
                  basis=f"age {m.age} + birth year {m.born} stated before it")
        return
    res.guess("AGE_YEAR_DERIVED",
              f"age {m.age} counted from the birth year {m.born} of the life span printed "
              f"before it: {res.year} (age in sui) to {res.year_end} (a Western age)",
              basis=f"age {m.age} + birth year {m.born} of the printed life span")
