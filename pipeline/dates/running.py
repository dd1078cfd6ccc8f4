"""Readings counted from the running date: relative dates ("three years later", "the next
month", "the following day") and bare months, days or seasons without a year (the running
year, with the wrap rule by the months' order in the Chinese year, :func:`year_order`).

Split from :mod:`pipeline.dates.kinds` (same names, re-exported there)."""

from __future__ import annotations

from collections import Counter

from .era_years import _era_for_year, _shift_day
from .relative_bounds import bound_note
from .state import _SEASON_FIRST, _Res

LONG_RELATIVE = 10  # years: a relative date this far from the running year is a guess


def _relative(m, state, eras, calendar, res: _Res, prior: Counter[str]) -> None:
    if state.year is None:
        res.guess("NO_RUNNING_DATE", "relative date before any known date")
        return
    if m.rel_years is not None:
        res.year = state.year + m.rel_years
        res.inherit(f"running year {state.year} {m.rel_years:+d}", state)
        if abs(m.rel_years) >= LONG_RELATIVE:  # "Thirty years later": counted from what?
            res.guess("RELATIVE_YEARS_FROM_RUNNING_DATE",
                      f"{m.text!r} counted from the running year {state.year}; over so many "
                      "years the text may count from an event it does not date", "medium")
        bound_note(m, res)  # "More than one hundred years later": a bound, low
    elif m.rel_months is not None:
        _shift_month(m.rel_months, state, calendar, res)
    elif m.rel_days is not None:
        res.year, res.month, res.leap = state.year, state.month, state.leap
        if state.month is not None and state.day is not None:
            loc = _shift_day(state, m.rel_days, calendar)
            if loc is not None:
                res.year, res.month, res.leap, res.day = loc
                res.inherit(f"running day {m.rel_days:+d} days", state)
                if m.rel_days:  # "the next evening": counted from the last day the text dated
                    res.guess("RELATIVE_DAY_FROM_RUNNING_DATE", f"{m.rel_days:+d} days from "
                              "the running day; the text may count from an event it does not "
                              "date", "medium")
        if res.day is None:
            res.inherit("running month (day not known)", state)
    era = _era_for_year(res.year, state, eras, prior)
    if era is not None:
        res.era, res.dynasty = era, era.dynasty
        res.era_year = res.year - era.start_year + 1


def _shift_month(n: int, state, calendar, res: _Res) -> None:
    """``res`` = the lunar month ``n`` months from the running month, counted in calendar
    order (a leap month is a month: "the following month" after the third month of a year
    with a leap third month is that leap month). Without a running month the resolver leaves
    the phrase unread."""
    if state.month is None:
        return
    months: list[tuple[int, int, bool]] = []
    for year in range(state.year - 1 - abs(n) // 12, state.year + 2 + abs(n) // 12):
        months.extend((year, lm.month, lm.leap)
                      for lm in calendar.months_of_year(state.stream, year))
    here = (state.year, state.month, bool(state.leap))
    if here not in months or not 0 <= months.index(here) + n < len(months):
        total = state.year * 12 + state.month - 1 + n  # no table: ordinary months
        res.year, res.month, res.leap = total // 12, total % 12 + 1, False
        res.inherit(f"running month {state.month} of {state.year} {n:+d} months (no month "
                    "table: leap months not counted)", state, "medium",
                    "RELATIVE_MONTH_UNCOUNTED")
        return
    res.year, res.month, res.leap = months[months.index(here) + n]
    res.inherit(f"running month {'leap ' if state.leap else ''}{state.month} of {state.year} "
                f"{n:+d} months", state)


def year_order(calendar, stream: int, year: int) -> dict[int, int] | None:
    """Month number -> its place (0-11) in the Chinese year ``year`` of calendar ``stream``,
    from sanmiao's month table: the Qin and early Han calendar (stream 1 up to the Taichu
    reform, ind_year -103) opens the year with months 10-12, so month 1 comes fourth. None
    when the table has no full year (twelve distinct months 1-12): then the ordinary order."""
    if calendar is None:
        return None
    months = [lm.month for lm in calendar.months_of_year(stream, year) if not lm.leap]
    if sorted(months) != list(range(1, 13)):
        return None
    return {n: i for i, n in enumerate(months)}


def _bare(m, state, eras, res: _Res, prior: Counter[str], calendar=None) -> None:
    """Month, day or season without a year: the running year (see the wrap rule); a day below
    the running day ("the 20th" after "the 22nd") is of the next month (medium, warned). The
    wrap rule compares the months' places in the running Chinese year (:func:`year_order`): in
    an annal before 104 BCE "In winter ... In January of spring" is one year."""
    if m.lunar_year is None and state.year is None:
        res.guess("NO_RUNNING_DATE", "month or day before any known year")
        return
    if m.lunar_year is not None:
        res.year = m.lunar_year
        res.note(f"the Chinese year begun in {m.lunar_year}")
        era = _era_for_year(res.year, state, eras, prior)
        if era is not None:
            res.era, res.dynasty = era, era.dynasty
            res.era_year = res.year - era.start_year + 1
        return
    res.year = state.year
    month = m.month
    if month is None and m.season:
        month = _SEASON_FIRST.get(m.season)
    order = year_order(calendar, state.stream, state.year) if month is not None else None
    places = order if order is not None and month in order \
        and state.order_month in order else {n: n for n in range(1, 13)}
    if month is not None and state.order_month is not None \
            and places.get(state.order_month, state.order_month) - places.get(month, month) > 6:
        res.year += 1
        res.inherit(f"month {month} after running month {state.order_month}: next year",
                    state, "medium", "NEXT_YEAR_BY_MONTH_ORDER")
    else:
        res.inherit(f"running year {state.year}", state)
    if m.month is None and (m.day is not None or m.cycle_day is not None) and not m.leap:
        # "On the day bingxu" after a month: that cycle day within the running month
        res.month, res.leap = state.month, state.leap
        if (calendar is not None and m.day is not None and state.day is not None
                and state.month is not None and m.day < state.day):
            _shift_month(1, state, calendar, res)  # narratives run forward: the next month
            res.guess("NEXT_MONTH_BY_DAY_ORDER", f"day {m.day} after the running day "
                      f"{state.day}: read in the next month", "medium",
                      basis="day below the running day: next month")
    era = _era_for_year(res.year, state, eras, prior)
    if era is not None:
        res.era, res.dynasty = era, era.dynasty
        res.era_year = res.year - era.start_year + 1
