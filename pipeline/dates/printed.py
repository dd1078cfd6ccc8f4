"""A printed CE year that fits no reading of the era or reign written before it (issue 7,
item 4): "the second year of Tianhui (925)" (天會 is Jin 1123-1137 and Northern Han 957-973;
neither has a second year in 925).

After the usual reading, a row whose printed year conflicts (``STATED_YEAR_CONFLICT``) by
more than :data:`MAX_SLIP` years takes the printed year; the era, era year, ruler and dynasty
are left blank (the era read is kept as an alternative), the month and day, if any, are read
in the printed year's Chinese calendar, and the row is ``medium`` with a
``YEAR_FROM_PRINTED_YEAR`` warning. A slip of one year (a month 11-12 in the next Western
year, a translator's off-by-one) keeps the era reading and its conflict warning.

An era year without its era name ("The second year (1562)" after "the fortieth year of
Jiajing (1561)": a translation of "the next year" read as year 2 of the next era, Longqing 2 =
1568) takes the printed year the same way: no reading of the running era or of an era that
would follow it silently fits the year the text prints.

A misprinted year (OCR "(A.D. 800)" for 300 after "the first year of Yung-k'ang") does not
win either: when the printed year fits no era of that name (by more than :data:`MAX_SLIP`
years), differs from the reading the context chooses in one digit only, and that reading is
supported by the text (a running date near the era, a ruler, dynasty or persons of it named),
the era is chosen without the printed year (:func:`misprint_of`, used by ``choose._choose``)
and the row keeps the era reading, ``conflict`` true, ``medium``, with a
``PRINTED_YEAR_MISREAD`` warning.
"""

from __future__ import annotations

from pipeline.calendar import LunarCalendar

MAX_SLIP = 1  # years: a printed year this near the reading is a slip, not another era
READING_KINDS = frozenset(("explicit", "reign", "inherited"))


def one_digit_off(printed: int, year: int) -> bool:
    """True when two CE years of one sign and one length differ in exactly one digit
    (800 / 300, 1828 / 1328): the shape of an OCR slip or a typo."""
    a, b = str(abs(printed)), str(abs(year))
    return (printed > 0) == (year > 0) and len(a) == len(b) and sum(
        x != y for x, y in zip(a, b, strict=True)) == 1


def fits_no_era(stated: int, n: int, pool) -> bool:
    """True when the printed year ``stated`` is more than :data:`MAX_SLIP` years from year
    ``n`` of every era in ``pool`` (same-named eras)."""
    return all(abs(e.ce_year(n) - stated) > MAX_SLIP for e in pool)


def printed_year_wins(res, m, calendar: LunarCalendar, stream: int) -> bool:
    """Replace ``res``'s reading by the printed year ``m.stated_year`` where it fits no
    reading (see the module docstring); True if it did. ``stream``: the calendar stream of
    the reading (kept for the month and day)."""
    from .days import _calendar_range  # days imports mentions; keep this module leaf-light

    stated = m.stated_year
    if (not res.conflict or res.printed_slip or stated is None or m.stated_year_end
            or res.year is None or m.kind not in READING_KINDS
            or abs(res.year - stated) <= MAX_SLIP):
        return False
    name = res.era.name if res.era is not None else (res.ruler.label if res.ruler else m.text)
    res.alternatives.append(f"{name} {res.era_year} = {res.year}")
    message = (f"no reading of the era falls in the printed year {stated} (the nearest: "
               f"{name} {res.era_year} = {res.year}); the year is the printed year, the era "
               "is left blank")
    res.warnings = [w for w in res.warnings if w[0] != "STATED_YEAR_CONFLICT"]
    res.basis = [b for b in res.basis if not b.startswith(("era ", "ruler ", "reign "))]
    res.levels = []  # the era reading's evidence is set aside with it
    res.era = res.ruler = res.dynasty = None
    res.era_year = None
    res.year, res.jdn = stated, None
    res.guess("YEAR_FROM_PRINTED_YEAR", message, "medium",
              basis="printed CE year (no era reading fits it)")
    _calendar_range(res, m, stream, calendar)
    return True
