"""Chinese era names garbled into a Japanese reading by machine translation: "Gaozu Takenori
9" (高祖武德九年: 武徳 read as the personal name Takenori), "the ninth year of Takenori".

Data: ``gazetteer/era_japanese.csv`` (built by ``scripts/build_era_japanese.py`` with pykakasi:
era name in characters -> its Japanese reading, long vowels kept and dropped). A capitalised word
that is no era, dynasty or ruler we know but is such a reading, before a year number ("Takenori
9", "Takenori nine years", "Takenori Year 9") or after "the Nth year of", becomes an explicit
mention with ``japanese_reading=True`` and ``era_meaning`` = the era name(s) in characters
("Gaozu Takenori nine day", a number of days after a supported reading, is a date not read:
kind ``unread``, a DATE_NOT_READ warning, no year guessed). The
resolver accepts it only with support (:func:`supported_reading_eras`: a ruler of that era named
right before it, "Gaozu Takenori"; the dynasty named; a printed CE year) and flags it
(ERA_JAPANESE_READING, low). Without support: no row, a DATE_NOT_READ warning.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import regex

from pipeline.eras import Era

from .lexicon import GAZETTEER, Lexicon, parse_number
from .mentions import DateMention

_BEFORE_NUMBER = regex.compile(
    r"(?:\b(?P<pre>\p{Lu}[a-z]+)\s+)?\b(?P<name>\p{Lu}[a-z]{3,})\s+"
    r"(?:(?:[Yy]ear\s+)?(?P<num>\d{1,2})(?![\d.,]*\d)(?!\s*(?:st|nd|rd|th)\b)"
    r"|(?P<word>[a-z]+(?:-[a-z]+)?)\s+(?:years?|(?P<day>days?))\b)"
    r"(?:\s*\(\s*(?:AD\s+)?(?P<ce>\d{3,4})(?:\s*(?:AD|CE))?\s*\))?")

_DATE_BEFORE = regex.compile(r"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Ff]rom|[Ss]ince)\s+$")


@lru_cache(maxsize=4)
def load_readings(gazetteer_dir: Path = GAZETTEER) -> dict[str, tuple[str, ...]]:
    """Reading (lower case) -> era names in characters, from ``era_japanese.csv`` ({} when
    the file is absent)."""
    path = gazetteer_dir / "era_japanese.csv"
    if not path.is_file():
        return {}
    out: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out.setdefault(r["reading"], []).append(r["era_zh"])
    return {k: tuple(v) for k, v in out.items()}


def _reading(name: str, eras) -> tuple[str, ...]:
    if eras.candidates(name) or eras.dynasty(name):
        return ()
    return load_readings().get(name.lower(), ())


def add_reading_mentions(text: str, mentions: list[DateMention], eras,
                         lex: Lexicon) -> list[DateMention]:
    """``mentions`` with "the Nth year of <reading>" marked and "<reading> N" mentions added
    (see the module docstring); sorted by start."""
    from .state import _rulers  # noqa: PLC0415 (state imports mentions)

    if not load_readings():
        return mentions
    out: list[DateMention] = []
    for m in mentions:
        if m.kind == "inherited" and m.unknown_name and m.era_year:
            chars = _reading(m.unknown_name, eras)
            s0 = text.find(m.unknown_name, m.end)
            if chars and s0 >= 0:
                e0 = s0 + len(m.unknown_name)
                m = replace(m, kind="explicit", era=m.unknown_name, era_start=s0, era_end=e0,
                            era_meaning="|".join(chars), japanese_reading=True,
                            unknown_name=None, end=e0, text=text[m.start:e0])
        out.append(m)
    taken = [(m.start, m.end) for m in out if m.kind != "dynasty"]
    for hit in _BEFORE_NUMBER.finditer(text):
        name = hit.group("name")
        chars = _reading(name, eras)
        if not chars or _rulers().find(name):
            continue
        n = int(hit.group("num")) if hit.group("num") else parse_number(hit.group("word"), lex)
        if n is None or n < 1:
            continue
        fields: dict = {}
        start = hit.start("name")
        pre = hit.group("pre")
        if pre and eras.dynasty(pre):
            fields["dynasty"], start = pre, hit.start("pre")
        elif pre and _rulers().find(pre):
            fields["ruler"], start = pre, hit.start("pre")
        if hit.group("ce"):
            fields["stated_year"] = int(hit.group("ce"))
        if not fields and not _DATE_BEFORE.search(text, max(0, start - 12), start):
            continue  # "Masanori 3 ...": no support and no date context
        inside = [m for m in out if m.kind == "gregorian" and hit.group("ce")
                  and hit.start("ce") <= m.start + 1 and m.end <= hit.end()]  # "(626)"
        if any(a < hit.end() and start < b for a, b in taken
               if not any((x.start, x.end) == (a, b) for x in inside)):
            continue
        out = [m for m in out if m not in inside]
        if hit.group("day"):  # "Gaozu Takenori nine day": a count of days, not a year
            if fields:
                out.append(DateMention(start=start, end=hit.end(), text=text[start:hit.end()],
                                       kind="unread"))
                taken.append((start, hit.end()))
            continue
        out.append(DateMention(
            start=start, end=hit.end(), text=text[start:hit.end()], kind="explicit", era=name,
            era_start=hit.start("name"), era_end=hit.end("name"), era_year=n,
            era_meaning="|".join(chars), japanese_reading=True, **fields))
        taken.append((start, hit.end()))
    return sorted(out, key=lambda x: (x.start, x.end))


def supported_reading_eras(m: DateMention, eras) -> tuple[list[Era], str]:
    """Eras named by the Japanese reading ``m.era`` with year ``m.era_year``, that the phrase
    itself supports: a ruler named before it whose eras include one (``m.ruler``), the dynasty
    named, or a printed CE year within a year. No support: ([], "")."""
    from .state import _rulers  # noqa: PLC0415

    names = set((m.era_meaning or "").split("|"))
    n = m.era_year or 1
    pool = [e for e in eras.eras if e.name_zh in names and e.contains_era_year(n)]
    why = []
    if m.ruler:
        ids = {i for r in _rulers().find(m.ruler) for i in r.era_ids}
        pool = [e for e in pool if e.era_id in ids]
        why.append(f"ruler named: {m.ruler}")
    if m.dynasty:
        pool = [e for e in pool if eras.matches_dynasty(e, m.dynasty)]
        why.append(f"dynasty named: {m.dynasty}")
    if m.stated_year is not None:
        pool = [e for e in pool if abs(e.ce_year(n) - m.stated_year) <= 1]
        why.append(f"printed year {m.stated_year}")
    if not why or not pool:
        return [], ""
    return pool, ", ".join(why)
