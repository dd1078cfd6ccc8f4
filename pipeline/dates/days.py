"""From (year, month, day) to days: the lunar month table, sexagenary days, printed-year checks."""

from __future__ import annotations

from pipeline.calendar import (
    CHINESE_STREAMS,
    STREAM_NAMES,
    LunarCalendar,
    gregorian_to_jdn,
    jdn_to_julian,
)

from .day_glosses import settle_gloss_day
from .glosses import gloss_agreement, gloss_window
from .mentions import DateMention
from .state import _Res

# Gregorian from: Japan from Meiji 6 (1873); Korea (Joseon, stream 5) from Geonyang 1 (1896);
# China (stream 3) from Minguo 1 (1912: the Republic's calendar; sanmiao's month table ends 1911)
GREGORIAN_FROM = {3: 1912, 4: 1873, 5: 1896}


def _calendar_range(res: _Res, m: DateMention, stream: int, calendar: LunarCalendar) -> None:
    """Fill ``res.jdn`` from the lunar calendar (day > month > season > year)."""
    if res.year is None:
        return
    if stream in GREGORIAN_FROM and res.year >= GREGORIAN_FROM[stream]:
        month, day = res.month or 1, res.day or 1
        if res.month is not None and not 1 <= res.month <= 12:
            return
        first = gregorian_to_jdn(res.year, month, day)
        if res.day is not None:
            last = first
        elif res.month is not None:
            last = gregorian_to_jdn(res.year + (month == 12), month % 12 + 1, 1) - 1
        else:
            last = gregorian_to_jdn((res.year_end or res.year) + 1, 1, 1) - 1
        res.jdn = (first, last)
        res.note(f"{STREAM_NAMES[stream]} year from {GREGORIAN_FROM[stream]}: Gregorian calendar")
        return
    if stream > CHINESE_STREAMS and not calendar.has_own_year(stream, res.year):
        _foreign_fallback(res, m, stream)
        stream = 3
    if calendar.year_jdn_range(stream, res.year) is None:
        for other in (3, 1, 2):
            if other != stream and calendar.year_jdn_range(other, res.year) is not None:
                res.basis.append(f"calendar stream {other} (no table for {res.year} in {stream})")
                stream = other
                break
    res.stream = stream
    if res.month is not None and not 1 <= res.month <= 12:
        res.guess("INVALID_MONTH", f"lunar month {res.month} does not exist")
        res.month = None
    if m.leap and res.month is None and res.year is not None:
        res.month = calendar.leap_month_of(stream, res.year)
        res.leap = res.month is not None  # "the run month": the year's intercalary month
        if res.month is None:
            res.guess("LEAP_MONTH_NOT_FOUND", f"no leap month in {res.year}")
    if res.month is not None:
        leap = res.leap
        rng = calendar.month_jdn_range(stream, res.year, res.month, leap)
        if rng is None and leap:
            for other in range(1, CHINESE_STREAMS + 1):
                rng = calendar.month_jdn_range(other, res.year, res.month, True)
                if rng is not None:
                    res.basis.append(f"leap month {res.month} from calendar stream {other}")
                    stream = res.stream = other
                    break
            if rng is None:
                near = [y for y in (res.year - 1, res.year + 1)
                        if calendar.month_jdn_range(stream, y, res.month, True) is not None]
                hint = (f"; {near[0]} has one: the running year may be wrong" if near else "")
                res.guess("LEAP_MONTH_NOT_FOUND",
                          f"no leap month {res.month} in {res.year}{hint}")
                res.leap = False
                rng = calendar.month_jdn_range(stream, res.year, res.month, False)
        if rng is None and not res.leap and stream <= CHINESE_STREAMS:  # a month before the
            # state's own table begins: the other Chinese streams
            for other in range(1, CHINESE_STREAMS + 1):  # (Shu Han 221 before its 4th month)
                rng = calendar.month_jdn_range(other, res.year, res.month, False)
                if rng is not None:
                    res.basis.append(f"month {res.month} of {res.year} from calendar stream "
                                     f"{other} (none in stream {stream})")
                    stream = res.stream = other
                    _outside_era(res, rng)
                    break
        if rng is None:  # no calendar has it (Wu Zhou's renamed months): the year only
            res.guess("MONTH_NOT_IN_CALENDAR", f"no lunar month {res.month} in the calendar "
                      f"of {res.year}: the year only", "medium",
                      basis=f"month {res.month} not in the calendar: the year only")
            res.day = None
            rng = calendar.year_jdn_range(stream, res.year)
        if rng is not None and res.day is None and (m.last_day or m.cycle_day):
            _special_day(res, m, rng)
        if rng is not None and res.day is not None:
            jdn = calendar.day_jdn(stream, res.year, res.month, res.day, res.leap)
            if jdn is None:
                res.guess("INVALID_DAY", f"day {res.day} of lunar month {res.month}")
                res.day = None
            else:
                rng = (jdn, jdn)
                if m.cycle_day is not None and m.day is not None:  # "26th Day (Kapchin)"
                    _check_cycle_day(res, m.cycle_day, jdn)
        res.jdn = rng
        return
    if res.day is not None:  # "28th Day (Pyŏngo)" after a year with no month: no day of it
        res.guess("DAY_WITHOUT_MONTH", f"day {res.day} of a month not known: the year only")
        res.day = None
    if res.season:
        res.jdn = calendar.season_jdn_range(stream, res.year, res.season)
        return
    first = calendar.year_jdn_range(stream, res.year)
    last = calendar.year_jdn_range(stream, res.year_end or res.year)
    if first and last:
        res.jdn = (first[0], last[1])


def _outside_era(res: _Res, rng: tuple[int, int]) -> None:
    """A month found only in another state's calendar that lies before the era began or after
    it ended ("the second month of Zhangwu 1": Liu Bei proclaimed Zhangwu in the fourth
    month): a date the era never had, read on the other calendar, medium and warned."""
    era = res.era
    if era is None or era.start_jdn <= rng[0] < era.end_jdn:
        return
    when = "before the era began" if rng[0] < era.start_jdn else "after the era ended"
    res.guess("DATE_OUTSIDE_ERA", f"lunar month {res.month} of {res.year} is {when} "
              f"({era.name}, {era.dynasty}): read on another Chinese calendar", "medium",
              basis=f"month {when}")


def _foreign_fallback(res: _Res, m: DateMention, stream: int) -> None:
    """A Japanese/Korean/Vietnamese date in a year its own month table lacks: Chinese months,
    a warning where a month or day is read (a year alone only shifts by days at its ends)."""
    name = STREAM_NAMES.get(stream, f"stream {stream}")
    if res.month is not None or res.season or m.leap or m.last_day or m.cycle_day:
        res.guess("CALENDAR_FALLBACK_CHINESE",
                  f"no {name} month table for {res.year} in sanmiao: Chinese months used",
                  "medium", basis=f"Chinese months ({name} calendar not in the table)")
    else:
        res.basis.append(f"year bounds from the Chinese calendar ({name} not in the table)")


def _is_leap_year(year: int, gregorian: bool) -> bool:
    if gregorian:
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return year % 4 == 0


def day_cycle(jdn: int) -> int:
    """Sexagenary day number 1-60 (1 = jiazi) of an integer JDN (the day cycle has run
    unbroken since antiquity; checked against sanmiao's ``nmd_gz`` in the tests)."""
    return (jdn - 11) % 60 + 1


def year_cycle(year: int) -> int:
    """Sexagenary year number 1-60 (1 = jiazi, e.g. 1984) of a Chinese year (astronomical)."""
    return (year - 4) % 60 + 1


def _special_day(res: _Res, m: DateMention, rng: tuple[int, int]) -> None:
    """'the last day of the month' and sexagenary days ('the yisi day'): the day of the month."""
    if m.last_day:
        res.day = rng[1] - rng[0] + 1
        res.note("last day of the month")
        return
    first = day_cycle(rng[0])
    day = (m.cycle_day - first) % 60 + 1
    if day > rng[1] - rng[0] + 1:
        res.guess("CYCLE_DAY_NOT_IN_MONTH",
                  f"cycle day {m.cycle_day} is not in lunar month {res.month} of {res.year}")
        return
    res.day = day
    res.note(f"cycle day {m.cycle_day} is day {day} of the month")


def _check_cycle_day(res: _Res, cycle: int, jdn: int) -> None:
    """A day number written with its cycle day: agreement confirms the month; a mismatch is a
    warning (CYCLE_DAY_MISMATCH, low: the running month may be wrong)."""
    if day_cycle(jdn) == cycle:
        res.note(f"cycle day {cycle} agrees with day {res.day}")
    else:
        res.guess("CYCLE_DAY_MISMATCH", f"day {res.day} of lunar month {res.month} of "
                  f"{res.year} is cycle day {day_cycle(jdn)}, not {cycle} as written")


def _check_cycle_year(res: _Res, m: DateMention) -> None:
    """A date with a cycle year in apposition ("..., the Imjin year"): agreement is noted; a
    mismatch is a CYCLE_YEAR_MISMATCH warning (low)."""
    if m.kind == "sexagenary" or m.cycle_year is None or res.year is None:
        return
    if year_cycle(res.year) == m.cycle_year:
        res.note(f"cycle year {m.cycle_year} in apposition agrees")
    else:
        res.guess("CYCLE_YEAR_MISMATCH", f"the cycle year written beside the date is "
                  f"{m.cycle_year}, but {res.year} is cycle year {year_cycle(res.year)}")


def _check_stated(res: _Res, m: DateMention) -> None:
    _check_cycle_year(res, m)
    stated = m.stated_year
    if stated is None or res.year is None:
        return
    if stated == res.year or (m.stated_year_end and stated <= res.year <= m.stated_year_end):
        res.conflict = False
        return
    western_years = set()
    if res.jdn is not None and res.month is not None:
        western_years = {int(jdn_to_julian(j)[:-6]) for j in res.jdn}
    if stated in western_years:
        res.conflict = False
        res.basis.append(f"printed year {stated} is the Western year of the month")
        return
    res.conflict = True
    if res.printed_slip:  # "Yung-k'ang (A.D. 800)" for 300: the era reading stays (.printed)
        res.guess("PRINTED_YEAR_MISREAD", f"printed year {stated}, computed {res.year}: the "
                  "printed year is one digit off the era reading and near no era of that name "
                  "(a misprint or OCR slip); the era reading is kept", "medium",
                  basis="printed CE year read as a misprint of the era reading")
        return
    res.guess("STATED_YEAR_CONFLICT", f"printed year {stated}, computed {res.year}")


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _check_gloss(res: _Res, m: DateMention) -> None:
    """A Western month (and day) given with the lunar one ("August (the 7th month ...)"): the
    lunar month dates the row; the Western one must fall in it (Julian or proleptic Gregorian).
    Agreement is noted; a conflict is a GLOSS_MONTH_CONFLICT warning and low certainty."""
    if not m.gloss_months or res.month is None:
        return
    west = "/".join(_MONTH_NAMES[k - 1] for k in m.gloss_months if 1 <= k <= 12)
    west += f" {m.gloss_day}" if m.gloss_day else ""
    lunar = f"{'leap ' if res.leap else ''}lunar month {res.month}"
    lunar += f" day {res.day}" if res.day else ""
    if res.jdn is None:
        res.basis.append(f"Western {west} given with {lunar} (not checked: no year)")
        return
    if settle_gloss_day(res, m):  # "(6 February 1593)": a full Western day in brackets
        return
    agree = gloss_agreement(res.jdn[0], res.jdn[1], m.gloss_months, m.gloss_day)
    if agree:
        res.note(f"Western {west} agrees with {lunar} ({' or '.join(agree)} calendar)")
        window = gloss_window(res.jdn[0], res.jdn[1], m.gloss_months, m.gloss_year)
        if window is not None and res.day is None:  # "(January 1787)" of a month begun in Dec.
            res.jdn = window
            res.basis.append(f"Western {west} {m.gloss_year} in brackets: the part of {lunar} "
                             f"in {m.gloss_year}")
        return
    res.guess("GLOSS_MONTH_CONFLICT",
              f"{west} is not {lunar} of {res.year} in the Julian or Gregorian calendar: "
              "the lunar month was kept", basis=f"Western {west} disagrees with {lunar}")
