"""A cycle year in apposition to a dated phrase confirms it: "In the fourth month of the
twentieth year of Wanli (1592), the Imjin year, Toyotomi Hideyoshi sent ...".

:func:`join_appositions` joins such a sexagenary-year mention ("the Imjin year", set off by a
comma right after the date) to the date before it: one mention, whose ``cycle_year`` the
resolver checks against the year it reads (:func:`.days._check_cycle_year`: agreement is noted,
a mismatch is a CYCLE_YEAR_MISMATCH warning). So the apposition is no new date for the
running date or for the events of the sentence, which keep the fuller date (its month).

A Western year set off by a comma after a cycle year closes it as its printed year ("in the
spring of Ky Dau, 1789", a title's style): :func:`printed_after_cycle` sets ``stated_year``
when the year ends the sentence or the clause, so the resolver checks the cycle against it.

An era date glossed in brackets by a cycle year and its Western year ("The Second Year of
Xian'an (The Renshen Year, 372 AD)", the annals style of translated 資治通鑑 chapters) takes the
bracket's years as its printed year and cycle year (:func:`printed_from_cycle_gloss`): the
printed year then chooses among eras of the same name (Taihe of Eastern Jin, 366-371, not of
Northern Wei) and the cycle year is checked; the gloss keeps its own row.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .mentions import DateMention

_BETWEEN = re.compile(r"\s*,\s*")
_PRINTED = re.compile(r"\s*,\s*(?P<year>\d{3,4})(?:\s*(?:CE|AD|A\.D\.))?(?=\s*(?:$|[.;:,)\n]))")
_DATED = frozenset(("explicit", "inherited", "reign", "gregorian", "relative"))


def _bare_cycle(m: DateMention) -> bool:
    """A sexagenary year alone ("the wuzi year"): no era, dynasty, month or day of its own."""
    return (m.kind == "sexagenary" and m.cycle_year is not None and m.era is None
            and m.dynasty is None and m.month is None and m.day is None)


def join_appositions(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with each cycle year set off by a comma after a date joined to that date
    (its span extended over the apposition, ``cycle_year`` set), and likewise a cycle year
    followed by a comma and the date it names ("In the wuzi year, the thirteenth year of
    Jian'an": the era year places the cycle year, not the running date); others unchanged."""
    out: list[DateMention] = []
    prev: int | None = None  # index in out of the last date mention (dynasty ones skipped)
    for m in mentions:
        a = out[prev] if prev is not None else None
        if (a is not None and _bare_cycle(m)
                and a.kind in _DATED and a.cycle_year is None and a.end <= m.start
                and m.stated_year in (None, a.stated_year)
                and _BETWEEN.fullmatch(text[a.end:m.start])):
            out[prev] = replace(a, end=m.end, text=text[a.start:m.end], cycle_year=m.cycle_year)
            continue
        if (a is not None and prev == len(out) - 1 and _bare_cycle(a) and a.stated_year is None
                and m.kind in _DATED and m.kind != "relative" and m.cycle_year is None
                and m.era_year is not None and a.end <= m.start
                and _BETWEEN.fullmatch(text[a.end:m.start])):
            out[prev] = replace(m, start=a.start, text=text[a.start:m.end],
                                cycle_year=a.cycle_year)
            continue
        if m.kind != "dynasty":
            prev = len(out)
        out.append(m)
    return out


def printed_after_cycle(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with a cycle-year mention followed by ", 1789" (a Western year ending the
    clause, not a date mention of its own) given that year as its printed year and its span."""
    starts = {m.start for m in mentions if m.kind != "dynasty"}
    out = []
    for m in mentions:
        p = _PRINTED.match(text, m.end) if m.kind == "sexagenary" and m.era is None \
            and m.stated_year is None else None
        if p is not None and not any(p.start() < s < p.end() for s in starts):
            m = replace(m, end=p.end(), text=text[m.start:p.end()],
                        stated_year=int(p.group("year")))
        out.append(m)
    return out


_OPEN = re.compile(r"\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
_ERA_DATED = frozenset(("explicit", "inherited", "reign"))


def printed_from_cycle_gloss(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with an era date followed by a bracketed cycle year with its Western year
    ("(The Jiayin Year, 354 AD)", read by :func:`printed_after_cycle`) given that Western year
    as ``stated_year`` and the cycle year as ``cycle_year``; the bracket's mention stays."""
    out = list(mentions)
    dated = [i for i, m in enumerate(out) if m.kind != "dynasty"]
    for i, j in zip(dated, dated[1:], strict=False):
        a, b = out[i], out[j]
        if (a.kind in _ERA_DATED and a.era_year is not None and a.stated_year is None
                and a.cycle_year is None and _bare_cycle(b) and b.stated_year is not None
                and not b.stated_year_end and a.end <= b.start
                and _OPEN.fullmatch(text[a.end:b.start]) and _CLOSE.match(text, b.end)):
            out[i] = replace(a, stated_year=b.stated_year, cycle_year=b.cycle_year)
    return out
