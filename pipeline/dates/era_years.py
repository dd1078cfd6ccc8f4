"""The era in force in a CE year (:func:`_era_for_year`, :func:`era_of_year`) and a day offset
on the lunar month table (:func:`_shift_day`): helpers of the resolver's kinds (.kinds)."""

from __future__ import annotations

from collections import Counter

from pipeline.calendar import CHINESE_STREAMS, LunarCalendar
from pipeline.eras import Era, EraTable

from .state import RunningDate, _dyn_score, _Res

__all__ = ["DIVIDED", "_era_for_year", "_shift_day", "era_of_year", "era_of_day"]


DIVIDED = 3  # states with eras in force in one year: a divided period, no default era label


def _era_for_year(
    year: int, state: RunningDate, eras: EraTable, prior: Counter[str] | None = None,
    guess: bool = False,
) -> Era | None:
    """The era in force in a CE year: the running era, else one of the running dynasty, else
    (no dynasty known yet) the era of the dynasty most named in the text, else the longest.
    None when :data:`DIVIDED` or more states had eras then (934: Later Tang, Liao, Southern
    Han, Wu, Min, Later Shu) and the text names none of them in force then (``guess``: the
    longest era all the same)."""
    if state.era is not None and state.era.start_year <= year <= state.era.end_year:
        return state.era
    if state.dynasty:
        hits = eras.era_in_force(state.dynasty, year)
        hits = [e for e in hits if e.dynasty == state.dynasty] or hits
        if hits:
            return hits[-1] if len(hits) > 1 and hits[-1].start_year == year else hits[0]
        return None
    hits = [e for e in eras.eras if e.start_year <= year <= e.end_year]
    # no dynasty known yet: a Chinese era (a Japanese one only once a Japanese era was read)
    hits = [e for e in hits if e.cal_stream <= CHINESE_STREAMS] or hits
    if not hits:
        return None
    best = max(hits, key=lambda e: (_dyn_score(e, eras, prior or Counter()), e.length))
    if (not guess and _dyn_score(best, eras, prior or Counter()) == 0
            and len({e.dynasty for e in hits}) >= DIVIDED):
        return None  # a divided period, no state of it named: no era label (a blank)
    return best


def _shift_day(
    state: RunningDate, days: int, calendar: LunarCalendar
) -> tuple[int, int, bool, int] | None:
    """(year, month, leap, day) ``days`` after the running day, via the lunar month table."""
    month = calendar.month(state.stream, state.year, state.month, state.leap)
    if month is not None and 1 <= state.day + days <= month.days:
        return state.year, state.month, state.leap, state.day + days
    jdn = calendar.day_jdn(state.stream, state.year, state.month, state.day, state.leap)
    if jdn is None:
        return None
    for stream in dict.fromkeys((state.stream, 3, 1, 2)):
        loc = calendar.locate(stream, jdn + days)
        if loc is not None:
            return loc
    return None


def era_of_year(res: _Res, state: RunningDate, eras: EraTable, prior: Counter[str]) -> None:
    """Fill ``res``'s era and era year from its CE year (the era in force then)."""
    era = _era_for_year(res.year, state, eras, prior) if res.year is not None else None
    if era is not None:
        res.era, res.dynasty = era, era.dynasty
        res.era_year = res.year - era.start_year + 1


def era_of_day(res: _Res, eras: EraTable) -> None:
    """Relabel ``res``'s era, chosen by its CE year, by the day its range starts on when the
    era changed within that year: "the sixth month of 1278" is Xiangxing 1 (祥興, from the
    fifth month of 1278), not Jingyan 3. Only to another era of the same dynasty in force on
    that day (the era table's ``start_jdn``/``end_jdn``, midnight-based, end exclusive)."""
    era = res.era
    if era is None or res.jdn is None or res.year is None:
        return
    day = res.jdn[0] - 0.5  # the midnight the first day begins
    if era.start_jdn <= day < era.end_jdn:
        return
    found = [e for e in eras.eras_of_dynasty(era.dynasty) if e.start_jdn <= day < e.end_jdn]
    if len(found) == 1 and found[0].start_year <= res.year:
        res.era, res.era_year = found[0], res.year - found[0].start_year + 1
        res.note(f"era in force on that day: {found[0].name} (from the era table's days)")
