"""Which calendar a text's Western days before 1582 are in, from the text itself.

A Western day before the Gregorian reform is read as Julian, the calendar historians quote
(:mod:`.western_years`). Some texts write proleptic Gregorian days instead, and show it where
they gloss a lunar day ("September 8 (Chinese lunar calendar: 13th day of the 8th month)":
the lunar day is 8 September only in the Gregorian calendar, :func:`.days._check_gloss`).
When the text's glossed days agree with the lunar ones in the Gregorian calendar only (at
least one, and none only in the Julian), its other Western days before 1582 are read as
Gregorian too: the same "September 8 1449" of the text is then one day, not two nine days
apart. That is a reading of the text's habit, not printed at each date: such a row is
``medium`` with a ``WESTERN_CALENDAR_FROM_TEXT`` warning. Years and months do not change.
"""

from __future__ import annotations

import dataclasses

from pipeline.calendar import gregorian_to_jdn, jdn_to_julian
from pipeline.records import DateRow, WarningRow

_JULIAN_READ = "Western date read as Julian (before 1582)"
_GREGORIAN_ONLY = "(Gregorian calendar)"
_JULIAN_ONLY = "(Julian calendar)"


def _iso(year: int, month: int, day: int) -> str:
    return f"{'-' if year < 0 else ''}{abs(year):04d}-{month:02d}-{day:02d}"


def gregorian_text(rows: list[DateRow]) -> bool:
    """True if some row's Western day agrees with its lunar day in the Gregorian calendar
    only (its basis notes "... agrees with lunar month M day D (Gregorian calendar)") and no
    row's only in the Julian."""
    notes = [r.basis for r in rows if "agrees with lunar" in r.basis]
    return any(_GREGORIAN_ONLY in b and " day " in b for b in notes) \
        and not any(_JULIAN_ONLY in b for b in notes)


def read_as_gregorian(rows: list[DateRow], warnings: list[WarningRow]
                      ) -> tuple[list[DateRow], list[WarningRow]]:
    """``rows`` with each Western day read as Julian (basis "Western date read as Julian
    (before 1582)", a month and a day, no range) read as proleptic Gregorian when
    :func:`gregorian_text`; the warnings with one ``WESTERN_CALENDAR_FROM_TEXT`` row each.
    Unchanged otherwise."""
    if not any(_JULIAN_READ in r.basis for r in rows) or not gregorian_text(rows):
        return rows, warnings
    out: list[DateRow] = []
    extra: list[WarningRow] = []
    for r in rows:
        if (_JULIAN_READ not in r.basis or r.kind != "gregorian" or r.year is None
                or r.month is None or r.day is None or r.year_end is not None):
            out.append(r)
            continue
        day = _iso(r.year, r.month, r.day)
        julian = jdn_to_julian(gregorian_to_jdn(r.year, r.month, r.day))
        out.append(dataclasses.replace(
            r, date_start=day, date_end=day, julian_start=julian, julian_end=julian,
            basis=r.basis.replace(_JULIAN_READ, "Western date read as proleptic Gregorian: "
                                  "the text's lunar glosses agree in the Gregorian calendar"),
            certainty="medium" if r.certainty == "high" else r.certainty))
        extra.append(WarningRow(r.doc_id, r.start, r.end, "WESTERN_CALENDAR_FROM_TEXT",
                                f"{r.text!r}: read as the Gregorian day {day} (Julian "
                                f"{julian}), as the text's Western glosses of lunar days are "
                                "Gregorian; not printed at this date"))
    return out, warnings + extra
