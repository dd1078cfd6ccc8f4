"""A Western day glossed in brackets after a lunar date: "the sixth day of the first month of
the twenty-first year of Wanli (6 February 1593)", "the thirteenth day of the fourth lunar month
(23 May 1592)", "the fourth month (18 May 1593)".

The grammar reads a bracket after an era date as a printed CE year and would take the day
number ("(6") for the year; a month name in the bracket would also make the mention look like a
Western month. :func:`attach_day_glosses` reads the bracket whole instead: the mention is
widened over it and carries the Western month and day as ``gloss_months`` / ``gloss_day`` (as
:mod:`.glosses` does for "June (the fifth lunar month)") and the bracket's year, if any, as its
printed year (``stated_year``; None when the bracket has no year: a day number is never a
year). Western date mentions inside the bracket are dropped (they are the gloss).

The resolver then reads the lunar date as usual; the printed year is checked against the era
reading (``STATED_YEAR_CONFLICT``) and the Western day against the lunar range
(:func:`.glosses.gloss_agreement`). :func:`gloss_day_jdn` gives the Julian Day Number of the
Western day (Julian before 1582-10-15, Gregorian after, or the calendar the bracket names),
which dates the row when the lunar reading leaves the day open or lies within a few days of it.

A bare cycle day takes such a bracket too ("On the day Bingshen (November 4th)"): the Western day
is then looked up in the running Chinese year and, when its cycle day is the one written, gives
the lunar month and day (:func:`settle_cycle_gloss`); the running month does not decide it.

Month names come from the ``month`` words of ``gazetteer/date_words.csv``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from pipeline.calendar import gregorian_to_jdn, julian_to_jdn

from .lexicon import load_lexicon

GREGORIAN_REFORM_JDN = 2299161  # 1582-10-15 Gregorian
# kinds that carry a lunar (or era) reading a Western day can gloss
_KINDS = frozenset(("explicit", "inherited", "month", "day", "season", "reign", "sexagenary",
                    "relative"))


@lru_cache(maxsize=4)
def _pattern(key: int) -> tuple[re.Pattern, dict[str, int]]:
    lex = load_lexicon()
    months = {w.rstrip(".").lower(): int(v) for w, v in lex.cat("month").items()}
    names = sorted({w for w in lex.cat("month")}, key=len, reverse=True)
    mon = "(?:" + "|".join(re.escape(w.rstrip(".")) + r"\.?" for w in names) + r")(?![A-Za-z])"
    era = r"(?:AD|A\.D\.|CE|C\.E\.|BC|B\.C\.|BCE|B\.C\.E\.)"
    pat = re.compile(
        rf"\s*\(\s*(?:=\s*)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{mon})"
        rf"|(?P<m2>{mon})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)|(?P<m3>{mon}))"
        rf"(?:,?\s+(?:(?:AD|A\.D\.|CE)\s+)?(?P<y>\d{{1,4}})(?!\d)(?:\s*(?P<suf>{era}))?)?"
        r"(?:[,;]?\s+(?:(?:in|of)\s+the\s+)?(?P<cal>Gregorian|Julian)(?:\s+calendar)?)?"
        r"\s*\)")
    return pat, months


def _read(text: str, at: int) -> tuple[int, int, int | None, int | None, str | None] | None:
    """The gloss starting at ``at`` (spaces allowed before its bracket): (end, month, day,
    year, calendar) or None."""
    pat, months = _pattern(0)
    g = pat.match(text, at)
    if g is None:
        return None
    word = (g.group("m1") or g.group("m2") or g.group("m3")).rstrip(".").lower()
    day = g.group("d1") or g.group("d2")
    year = int(g.group("y")) if g.group("y") else None
    if g.group("m3") and year is None:
        return None  # "(February)": a month gloss, read by .glosses
    if year is not None and g.group("suf") and g.group("suf").upper().startswith("B"):
        year = 1 - year
    cal = g.group("cal").lower() if g.group("cal") else None
    return g.end(), months[word], int(day) if day else None, year, cal


def attach_day_glosses(text: str, mentions: list) -> list:
    """Widen each lunar/era mention followed by (or ending in) a bracketed Western day over
    that bracket; see the module docstring. ``mentions`` sorted by start; returns a new list."""
    if "(" not in text:
        return mentions
    out: list = []
    drop_until = -1
    gloss_span: tuple[int, int] | None = None
    for m in mentions:
        if gloss_span is not None and gloss_span[0] <= m.start and m.end <= gloss_span[1]:
            continue  # "February 1593" inside the gloss of the mention before
        if m.kind not in _KINDS or m.start < drop_until or m.gloss_months:
            out.append(m)
            continue
        found = None
        inner = m.text.rfind("(")
        if m.text.endswith(")") and inner > 0:
            found = _read(text, m.start + inner)
            if found is not None and found[0] != m.end:
                found = None
            at = m.start + inner
        if found is None and (m.month is not None or m.cycle_day is not None):
            found = _read(text, m.end)  # a year alone keeps a bracket after it; a cycle day
            at = m.end  # alone takes one: "On the day Bingshen (November 4th)"
        if found is None:
            out.append(m)
            continue
        end, month, day, year, cal = found
        gloss_span = (at, end)
        drop_until = end
        fields = {"stated_year": year, "stated_year_end": None}
        if year is not None and m.kind in ("month", "day") and m.lunar_year is None:
            # no year in the lunar phrase: the Chinese year of the bracket's day (an 11th or
            # 12th month glossed January/February is of the year before)
            late = m.month is not None and m.month >= 11 and month <= 2
            fields["lunar_year"] = year - 1 if late else year
        out.append(replace(m, end=end, text=text[m.start:end], gloss_months=(month,),
                           gloss_day=day, gloss_year=year, gloss_calendar=cal, **fields))
    return out


def gloss_day_jdn(m) -> int | None:
    """JDN of the Western day a mention's bracket gives (needs its year, month and day), or
    None. Julian before 1582-10-15 and Gregorian after, unless the bracket names the calendar."""
    if m.gloss_year is None or m.gloss_day is None or len(m.gloss_months) != 1:
        return None
    return _western_jdn(m.gloss_year, m.gloss_months[0], m.gloss_day, m.gloss_calendar)


def _western_jdn(y: int, mo: int, d: int, calendar: str | None) -> int | None:
    """JDN of a Western day: Julian before 1582-10-15 and Gregorian after, unless ``calendar``
    ("julian"/"gregorian") names one; None for an impossible day."""
    try:
        if calendar == "gregorian":
            return gregorian_to_jdn(y, mo, d)
        if calendar == "julian":
            return julian_to_jdn(y, mo, d)
        jdn = julian_to_jdn(y, mo, d)
        return gregorian_to_jdn(y, mo, d) if jdn >= GREGORIAN_REFORM_JDN else jdn
    except ValueError:
        return None


def settle_cycle_gloss(res, m, stream: int, calendar) -> bool:
    """A cycle day written without a month and glossed by a Western day ("On the day Bingshen
    (November 4th)", "(4 November 369)"): the Western day (of the bracket's year, else) in the
    Chinese year ``res.year`` (of
    calendar ``stream``) whose cycle day is the one written dates the row: ``res.month``,
    ``res.leap``, ``res.day`` set from the lunar calendar (the month the cycle day falls in,
    not the running month), as the bracket after "the eighth month, on the day Jihai
    (September 16th)" confirms a month and day. True when settled; False (nothing changed)
    when there is no such mention or year, or the Western day is not that cycle day (then
    the running month is kept and :func:`.days._check_gloss` warns)."""
    if (m.cycle_day is None or m.month is not None
            or m.gloss_day is None or len(m.gloss_months) != 1 or res.year is None):
        return False
    from .days import day_cycle  # noqa: PLC0415 (days imports this module)

    year = calendar.year_jdn_range(stream, res.year) or next(
        (r for s in (3, 1, 2) if (r := calendar.year_jdn_range(s, res.year))), None)
    if year is None:
        return False
    mo, d = m.gloss_months[0], m.gloss_day
    days = [j for y in ((m.gloss_year,) if m.gloss_year is not None else (res.year, res.year + 1))
            if (j := _western_jdn(y, mo, d, m.gloss_calendar)) is not None
            and year[0] <= j <= year[1]]
    if len(days) != 1 or day_cycle(days[0]) != m.cycle_day:
        return False
    # the running era's calendar, else the Chinese streams (.days._calendar_range's order)
    found = next((f for s in (stream, 3, 1, 2)
                  if (f := calendar.locate(s, days[0])) is not None and f[0] == res.year), None)
    if found is None:
        return False
    _, res.month, res.leap, res.day = found
    res.basis.append(f"cycle day {m.cycle_day} is the Western {_MONTHS[mo - 1]} {d} in "
                     f"brackets: lunar month {'leap ' if res.leap else ''}{res.month} day "
                     f"{res.day}")
    return True


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


NEAR_DAYS = 2  # a lunar day this near the bracket's Western day: the tables differ, the text wins


def settle_gloss_day(res, m) -> bool:
    """Check the bracket's Western day against the lunar reading in ``res`` (``res.jdn`` a
    range of integer JDNs). Inside the range: agreement, and a month read without its day gets
    the day (``res.day`` = the lunar day, ``res.jdn`` that one day). Within :data:`NEAR_DAYS` of
    a lunar day: the bracket's day dates the row (``GLOSS_DAY_TAKEN``, medium). True when
    settled here; False leaves the month check (:func:`.days._check_gloss`) to decide."""
    jdn = gloss_day_jdn(m)
    if jdn is None or res.jdn is None:
        return False
    first, last = res.jdn
    what = f"Western day {m.gloss_day}.{m.gloss_months[0]}.{m.gloss_year}"
    if first <= jdn <= last:
        if res.day is None and res.month is not None and last - first < 30:
            res.day = jdn - first + 1
            res.jdn = (jdn, jdn)
            res.basis.append(f"{what} in brackets gives the day of lunar month {res.month}")
        else:
            res.note(f"{what} in brackets agrees with the lunar date")
        return True
    if res.day is not None and first == last and abs(jdn - first) <= NEAR_DAYS:
        res.jdn = (jdn, jdn)
        res.guess("GLOSS_DAY_TAKEN", f"{what} in brackets is {jdn - first:+d} days from lunar "
                  f"month {res.month} day {res.day} in the calendar tables: the bracket's day "
                  "is kept", "medium", basis=f"{what} in brackets (the tables differ by "
                  f"{abs(jdn - first)} day(s))")
        return True
    return False
