"""Western month names ("in June", "November 27", "June of that year") and day offsets
("two days later") read against a Western running date.

A month written as an English month name is a Western month (Julian before 1582-10-15,
Gregorian after) when the running date came from a Western date ("12 February 1912", "1852")
or the text writes full Western dates elsewhere ("January 11, 1851"). Its year
is the running Western year (the next year when the month is more than six months before the
running Western month: a guess, flagged; also when it is before the running month and the text
prints that month with the next year but not with the running one, ``NEXT_YEAR_BY_PRINTED_MONTH``:
"Date 14 April 1619 - 18 April 1619 ... In July 1618 ... On 13 April" is April 1619).

Otherwise (the running date came from an era date and the text writes no Western month date:
a translated chronicle that writes lunar months with English names, issue 7) the month stays
lunar, but that reading is a guess: ``medium`` with a ``WESTERN_MONTH_NAME_AS_LUNAR`` warning.

A day offset ("two days later") from a running Western day is counted on the Western calendar
(sanmiao's lunar month table ends in 1911).

Entry points: :func:`western_text` (does the document write Western month dates?),
:func:`month_name` (does the mention name its month in English?), :func:`resolve_western`
(fills ``res`` and returns True when the mention is read as Western here), :func:`flag_lunar`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipeline.calendar import (
    gregorian_to_jdn,
    jdn_to_gregorian_ymd,
    jdn_to_julian_ymd,
    julian_to_jdn,
)

from .clause_months import flag_clause_month
from .days import GREGORIAN_FROM
from .grammar import _grammar

if TYPE_CHECKING:
    from pipeline.calendar import LunarCalendar

    from .mentions import DateMention
    from .state import RunningDate, _Res

GREGORIAN_REFORM_JDN = 2299161  # 1582-10-15 Gregorian
_WORD = re.compile(r"[A-Za-z]+\.?")
_KINDS = frozenset(("month", "day", "relative"))


def western_text(mentions: list[DateMention]) -> bool:
    """True when some mention is a Western date with a day, a month and a year ("12 February
    1912", "July 19, 1864"; also inside ranges). A month and year alone ("January 976") is no
    evidence: texts that write lunar months with English names write those too."""
    for m in mentions:
        for part in (m, *m.parts):
            if (part.kind == "gregorian" and part.month is not None and part.day is not None
                    and part.western_year is not None and not part.year_doubt):
                return True
    return False


def printed_months(mentions: list[DateMention]) -> frozenset[tuple[int, int]]:
    """(year, month) of every Western date printed with its month and year ("14 April 1619",
    "July 1618", also range ends), years astronomical; a doubtful year (OCR, "after 'of'") is
    no anchor. Read by :func:`resolve_western` for a yearless month before the running one."""
    return frozenset((part.western_year, part.month) for m in mentions for part in (m, *m.parts)
                     if part.kind == "gregorian" and part.month is not None
                     and part.western_year is not None and not part.year_doubt)


def month_name(m: DateMention) -> bool:
    """True when ``m`` is a month/day/relative mention whose month is an English month name
    (not "the sixth month"), without a lunar gloss, a leap word or a printed lunar year."""
    if (m.kind not in _KINDS or m.month is None or m.leap or m.gloss_months
            or m.lunar_year is not None or m.cycle_day is not None):
        return False
    months = _grammar().months
    return any(w[0].isupper() and w.rstrip(".").lower() in months
               for w in _WORD.findall(m.text))


def _to_jdn(year: int, month: int, day: int) -> int:
    jdn = julian_to_jdn(year, month, day)
    return gregorian_to_jdn(year, month, day) if jdn >= GREGORIAN_REFORM_JDN else jdn


def _ymd(jdn: int) -> tuple[int, int, int]:
    return jdn_to_gregorian_ymd(jdn) if jdn >= GREGORIAN_REFORM_JDN else jdn_to_julian_ymd(jdn)


def _month_range(year: int, month: int) -> tuple[int, int]:
    first = _to_jdn(year, month, 1)
    nxt = _to_jdn(year + (month == 12), month % 12 + 1, 1)
    if first < GREGORIAN_REFORM_JDN <= nxt:  # October 1582: both ends in their own calendar
        nxt = gregorian_to_jdn(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - 1


def resolve_western(m: DateMention, state: RunningDate, res: _Res,
                    calendar: LunarCalendar | None = None) -> bool:
    """Read ``m`` as a Western month or day (see the module doc); False: not done here.

    A day with an English month name after a running Western *year* (no month) in a text
    that writes no full Western date ("In 1120 ... On the 22nd November"): the Western day
    and the lunar day of that number are both readings (machine translation writes 十一月
    二十二日 so). With ``calendar``, the row takes the running year, no month or day, the JDN
    span from the earlier reading to the later one, ``low`` and ``WESTERN_OR_LUNAR_DAY``."""
    west = state.western
    if m.kind == "relative" and m.rel_days is not None:
        if west is None or west[3] is None or west[2] is None:
            return False
        jdn = west[3] + m.rel_days
        res.western = True
        res.year, res.month, res.day = _ymd(jdn)
        res.jdn = (jdn, jdn)
        res.inherit(f"running Western day {m.rel_days:+d} days", state)
        return True
    if m.kind == "relative" and m.rel_months is not None:
        if west is None or west[1] is None:
            return False  # a lunar running month (or none): kinds._relative
        total = west[0] * 12 + west[1] - 1 + m.rel_months
        res.western = True
        res.year, res.month = total // 12, total % 12 + 1
        res.jdn = _month_range(res.year, res.month)
        res.inherit(f"running Western month {west[0]}-{west[1]:02d} {m.rel_months:+d} "
                    "months", state)
        return True
    if not month_name(m) or state.year is None:
        return False
    gregorian_era = state.year >= GREGORIAN_FROM.get(state.stream, state.year + 1)
    if west is None and not state.western_text and not gregorian_era:
        return False
    if west is not None:
        year, running_month = west[0], west[1]
        source = f"running Western year {year}"
    elif gregorian_era:  # "the 26th year of the Republic", Meiji 6 on: Gregorian months
        year, running_month = state.year, state.order_month
        source = f"running year {year} (Gregorian calendar)"
    else:
        year, running_month = state.year, state.order_month
        source = f"running year {year}"
    if m.kind == "relative":
        if m.rel_years is None:
            return False
        year += m.rel_years
        running_month = None if m.rel_years else running_month
        source += f" {m.rel_years:+d}"
    res.western = True
    month, day = m.month, m.day
    if not 1 <= month <= 12:
        return False
    if (day is not None and calendar is not None and m.kind != "relative"
            and west is not None and west[1] is None and not state.western_text
            and _either_day(m, year, state, res, calendar)):
        return True
    if running_month is not None and running_month - month > 6:
        year += 1
        res.inherit(f"Western month {month} after running month {running_month}: next year",
                    state, "medium", "NEXT_YEAR_BY_MONTH_ORDER")
    elif (m.kind != "relative" and running_month is not None and month < running_month
          and (year, month) not in state.printed_months
          and (year + 1, month) in state.printed_months):
        year += 1
        res.inherit(f"Western month {month} after running month {running_month}: the next "
                    f"year, whose month {month} the text prints", state, "medium",
                    "NEXT_YEAR_BY_PRINTED_MONTH")
    else:
        res.inherit(source, state)
    res.year, res.month = year, month
    first, last = _month_range(year, month)
    if day is not None:
        if not 1 <= day <= last - first + 1:
            res.guess("INVALID_DAY", f"day {day} of month {month} does not exist in {year}")
            res.jdn = (first, last)
            return True
        res.day = day
        first = last = first + day - 1
    res.jdn = (first, last)
    if west is None and not gregorian_era:  # an era date, Western dates elsewhere in the text
        res.guess("WESTERN_MONTH_GUESSED", f"read as a Western month of {year}: the text "
                  "writes full Western dates, but the running date is a Chinese date (it may be "
                  "a lunar month)", "medium",
                  basis="month name read as Western: the text writes Western dates")
    elif west is not None and west[1] is None and not state.western_text:  # "In 534 ... in May"
        res.guess("WESTERN_MONTH_GUESSED", f"read as a Western month of {year}: the running "
                  "date is a Western year, but the text writes no full Western date (it may be "
                  "a lunar month)", "medium",
                  basis="Western month name after a Western year")
    elif m.mt_order and res.certainty == "high":  # "April 24, the army ...": MT of 四月二十四日
        res.guess("WESTERN_MONTH_GUESSED", f"read as a Western day of {year}: a month-first "
                  "day opening a sentence is how machine translation writes a lunar day",
                  "medium", basis="month-first day opening a sentence read as Western")
    res.basis.append("English month name read as a Western month "
                     + ("(Gregorian)" if first >= GREGORIAN_REFORM_JDN else "(Julian)"))
    return True


def _either_day(m: DateMention, year: int, state: RunningDate, res: _Res,
                calendar: LunarCalendar) -> bool:
    """Both readings of a day-month after a running Western year (see
    :func:`resolve_western`): False when one of them does not exist (then the caller reads
    the Western one, as before)."""
    first, last = _month_range(year, m.month)
    lunar = calendar.day_jdn(state.stream, year, m.month, m.day)
    if m.day > last - first + 1 or lunar is None:
        return False
    west = first + m.day - 1
    res.inherit(f"running Western year {year}", state)
    res.year = year
    res.jdn = (min(west, lunar), max(west, lunar))
    wy, wm, wd = _ymd(west)
    ly, lm, ld = _ymd(lunar)
    res.guess("WESTERN_OR_LUNAR_DAY",
              f"after the Western year {year}, in a text that writes no full "
              f"Western date: the Western day {wy}-{wm:02d}-{wd:02d} or the lunar month "
              f"{m.month}, day {m.day} ({ly}-{lm:02d}-{ld:02d}); no day taken, the span of "
              "both", basis="month name after a Western year: Western or lunar day")
    return True


def flag_lunar(m: DateMention, res: _Res) -> None:
    """A month name read as a lunar month (era-dated running date, no Western dates in the
    text): a guess, ``medium`` with a warning."""
    flag_clause_month(m, res)  # "November, Yelu Deguang ...": a month word opening a clause
    if not res.western and month_name(m) and res.year is not None:
        res.guess("WESTERN_MONTH_NAME_AS_LUNAR",
                  f"an English month name read as the lunar month {m.month}: the running "
                  "date is an era date and the text writes no full Western date",
                  "medium", basis=f"month name read as lunar month {m.month}")
