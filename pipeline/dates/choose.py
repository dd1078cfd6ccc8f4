"""The explicit / inherited era readings of a date mention (:func:`_explicit`,
:func:`_inherited`); the era choice among same-named candidates is in :mod:`.era_choice`
(re-exported here)."""

from __future__ import annotations

from collections import Counter

from pipeline.eras import Era, EraTable, era_key

from .era_choice import (  # noqa: F401 (re-exported: kinds)
    NEAR_RUNNING_ERA,
    _by_nearness,
    _choose,
    _next_of_running_dynasty,
    _stated_distance,
)
from .japanese import supported_reading_eras
from .meanings import supported_meaning_eras
from .mentions import DateMention
from .state import MAX_STEP_BACK, RunningDate, _dyn_score, _label, _Res


def _supported_fuzzy(m, state, eras, prior: Counter[str]) -> list[Era]:
    """Eras one letter from the written name that the context supports: the dynasty named
    with it, a printed CE year agreeing, the running date inside the era, or a dynasty of the
    document. Without support: []."""
    n = m.era_year or 1
    out = []
    for e in eras.fuzzy_candidates(m.era or ""):
        if not e.contains_era_year(n):
            continue
        if m.dynasty and eras.matches_dynasty(e, m.dynasty):
            out.append(e)
        elif m.stated_year is not None and abs(e.ce_year(n) - m.stated_year) <= 1:
            out.append(e)
        elif m.dynasty is None and m.stated_year is None and (
                (state.year is not None and e.start_year - 5 <= state.year <= e.end_year + 5)
                or _dyn_score(e, eras, prior) > 0):
            out.append(e)
    return out


def _stream(res: _Res, state: RunningDate, eras: EraTable) -> int:
    if res.era is not None:
        return res.era.cal_stream
    if res.dynasty:
        info = eras.dynasty_info(res.dynasty)
        if info and info.cal_stream:
            return info.cal_stream
    return state.stream


def _era_after(era: Era, n: int, not_before: int | None, eras: EraTable) -> Era | None:
    """The first era after ``era`` with a year ``n`` not before ``not_before``: of the same
    dynasty, else of the same dynasty family (Northern -> Southern Song) if it follows on."""
    top = eras.ancestors(era.dynasty)[-1]
    dyn_end = max((e.end_year for e in eras.eras if e.dynasty == era.dynasty), default=0)
    family: Era | None = None
    for e in eras.eras:
        if e.start_year <= era.start_year or not e.contains_era_year(n):
            continue
        if not_before is not None and e.ce_year(n) < not_before:
            continue
        if e.dynasty == era.dynasty:
            return e
        if (family is None and top != era.dynasty and eras.ancestors(e.dynasty)[-1] == top
                and e.start_year <= dyn_end + 1):
            family = e
    return family


def _by_stated(n: int, stated: int, pool: list[Era]) -> list[Era]:
    return [e for e in pool if e.contains_era_year(n) and e.ce_year(n) == stated]


def _phase_years(era: Era, phase: str | None, n: int | None) -> tuple[int, int]:
    """CE year span of an era year, or of a phase of the whole era ("early years")."""
    if n is not None:
        return era.ce_year(n), era.ce_year(n)
    third = max(1, era.length // 3)
    if phase == "whole":
        return era.start_year, era.end_year
    if phase in ("beginning",):
        return era.start_year, era.start_year
    if phase in ("end",):
        return era.end_year, era.end_year
    if phase in ("late",):
        return era.end_year - third + 1, era.end_year
    if phase in ("middle",):
        return era.start_year + third, era.end_year - third
    return era.start_year, era.start_year + third - 1


# --------------------------------------------------------------------------- kinds
def _explicit(m, state, eras, prior, res: _Res) -> None:
    cands = eras.candidates(m.era or "")
    n = m.era_year
    fused = eras.split_fused(m.era or "") if not cands else None
    if fused is not None:
        cands = fused[1]
        res.note(f"dynasty fused to the era name: {m.era}")
    elif not cands and m.fuzzy_era:
        cands = _supported_fuzzy(m, state, eras, prior)
        if cands:
            res.guess("ERA_SPELLING_FUZZY",
                      f"{m.era!r} read as {cands[0].name}, one letter away, supported by "
                      "the context", "medium", basis=f"fuzzy spelling: {m.era} ~ {cands[0].name}")
    elif not cands and m.japanese_reading:
        cands, why = supported_reading_eras(m, eras)
        if cands:
            res.guess("ERA_JAPANESE_READING",
                      f"{m.era!r} read as the era {cands[0].name_zh} ({cands[0].name}), of which "
                      f"it is a Japanese reading, supported by the {why}",
                      basis=f"era written in a Japanese reading: {m.era} = {cands[0].name_zh}")
        else:
            res.guess("UNKNOWN_ERA", f"{m.era!r} may be a Japanese reading of "
                      f"{m.era_meaning.replace('|', ' or ')}, but no ruler, dynasty or printed "
                      "year beside it supports that")
            res.printed_year_only(m.stated_year, "era unknown: printed CE year")
            return
    elif not cands and m.era_meaning:
        cands, why, level = supported_meaning_eras(m, state, eras, prior)
        if cands:
            res.guess("ERA_BY_MEANING",
                      f"{m.era!r} read as the era {cands[0].name_zh} ({cands[0].name}) by the "
                      f"meaning of its characters, supported by the {why}", level,
                      basis=f"era translated by meaning: {m.era} = {cands[0].name_zh}")
    if not cands:
        res.guess("UNKNOWN_ERA", f"no era called {m.era!r}")
        res.printed_year_only(m.stated_year, "era unknown: printed CE year")
        return
    era = _choose(cands, n, m, state, eras, prior, res)
    res.era, res.dynasty, res.era_year = era, era.dynasty, n
    res.basis.insert(0, f"era named: {era.name}")
    other = state.ruler is not None and era.era_id not in state.ruler.era_ids
    if m.ruler_after and (other or (state.era is not None and state.era is not era)):
        # "King Sejong ... In the Nth year of his reign, the Kangxi Emperor ..." (.era_rulers)
        res.guess("RULER_FROM_CONTEXT", f"'his reign' read as the reign of the ruler named "
                  f"after it in the sentence ({m.era}), not of the one named before",
                  "medium", basis="'his reign': the ruler named after it")
    if n is not None and not era.contains_era_year(n):
        _out_of_range(res, m, f"{era.name} ({era.dynasty}) has {era.length} years, not {n}")
        return
    res.year, res.year_end = _phase_years(era, m.phase, n)
    if res.year_end == res.year:
        res.year_end = None
    if m.phase:
        level = "high" if m.phase == "whole" else "medium"
        res.note(f"phase: {m.phase}", level, "ERA_PHASE_GUESSED")
        if m.phase_guess:
            res.guess("ERA_PHASE_GUESSED", f"{m.text!r} read as the era's {m.phase} year",
                      "medium")


def _out_of_range(res: _Res, m: DateMention, message: str) -> None:
    """Never an era year past the era's end: the printed CE year, else no year."""
    res.guess("ERA_YEAR_OUT_OF_RANGE", message)
    res.era_year = m.era_year
    res.printed_year_only(m.stated_year)


def _own_count(n: int, stated: int | None, state, res: _Res) -> bool:
    """"the 25th year (1647)" with no running era after "the 24th year of King Injo": a year
    of the running ruler's own reign count (a Korean king, ``Ruler.counts_reign_years``) when
    the reign has that year and a printed CE year, if any, agrees (high; medium with no printed
    year). True when read."""
    ruler = state.ruler
    if (ruler is None or not ruler.counts_reign_years or not ruler.contains_reign_year(n)
            or (stated is not None and ruler.ce_year(n) not in (stated, stated - 1))):
        return False
    res.ruler, res.dynasty, res.era_year, res.year = ruler, ruler.dynasty, n, ruler.ce_year(n)
    res.note(f"reign year {n} of the running ruler {ruler.label} ({ruler.dynasty}), its own "
             "count" + (", as printed" if stated is not None else ""),
             "high" if stated is not None else "medium", "REIGN_YEAR_OF_RUNNING_RULER")
    return True


def _inherited(m, state, eras, prior, res: _Res) -> None:
    n = m.era_year
    stated = m.stated_year
    if m.unknown_name:  # the running era may be another state's: printed year or none
        res.guess("UNKNOWN_ERA", f"{m.unknown_name!r} after the year is no known era: "
                                 + ("the printed year" if stated is not None else "no year"))
        res.basis.append(f"unknown era name {m.unknown_name!r}")
        res.era_year = n
        res.printed_year_only(stated, "era unknown: printed CE year")
        return
    if m.dynasty:
        dyn = eras.dynasty(m.dynasty) or m.dynasty
        pool = eras.eras_of_dynasty(m.dynasty)
        res.dynasty = dyn
        era = None
        if stated is not None:
            hits = _by_stated(n, stated, pool) or _by_stated(n, stated - 1, pool)
            if hits:
                era = hits[0]
                res.note(f"era of {m.dynasty} whose year {n} is the printed year")
        if era is None and state.era is not None and eras.matches_dynasty(state.era, m.dynasty):
            if state.era.contains_era_year(n):
                era = state.era
                res.note(f"running era of {m.dynasty}", "medium", "ERA_FROM_RUNNING_DATE")
            else:
                era = _era_after(state.era, n, state.year, eras)
                if era:
                    res.note(f"next era of {m.dynasty} with a year {n}", "low",
                             "ERA_FROM_RUNNING_DATE")
        if era is None and state.year is not None:
            later = [e for e in pool if e.contains_era_year(n) and e.ce_year(n) >= state.year]
            if later:
                era = later[0]
                res.note(f"next era of {m.dynasty} with a year {n}", "low", "ERA_FROM_RUNNING_DATE")
        if era is None:
            res.guess("ERA_NOT_RESOLVED", f"which era of {m.dynasty!r} has year {n} is unknown")
            res.printed_year_only(stated)
            return
        res.era, res.dynasty, res.era_year, res.year = era, era.dynasty, n, era.ce_year(n)
        res.basis.insert(0, f"dynasty named without era: {m.dynasty}")
        return
    running = state.era
    if running is None and _own_count(n, stated, state, res):
        return
    if stated is not None and (running is None or running.ce_year(n) not in (stated, stated - 1)):
        pool = list(eras.eras)
        hits = _by_stated(n, stated, pool) or _by_stated(n, stated - 1, pool)
        if m.era_fragment:
            frag = era_key(m.era_fragment)
            hits = [e for e in hits if era_key(e.name).endswith(frag)] or hits
        if hits:
            def rank(e: Era) -> tuple:
                same = 0 if state.era and state.era.dynasty == e.dynasty else 1
                return (same, -_dyn_score(e, eras, prior), -e.length)
            hits.sort(key=rank)
            era = hits[0]
            res.era, res.dynasty, res.era_year, res.year = era, era.dynasty, n, era.ce_year(n)
            res.note(f"era not named: {era.name}, whose year {n} is the printed year", "medium",
                     "ERA_FROM_PRINTED_YEAR")
            res.alternatives.extend(_label(e, n) for e in hits[1:4])
            return
    if running is None:
        res.era_year = n
        res.guess("NO_RUNNING_ERA", f"year {n} of an era not named before")
        res.printed_year_only(stated)
        return
    current = state.year - running.start_year + 1 if state.year is not None else n
    era = running
    if n > running.length or n < current - MAX_STEP_BACK:
        newer = _era_after(running, n, state.year, eras)
        if newer is not None:
            era = newer
            why = "past its last year" if n > running.length else "would go back in time"
            text = f"era changed silently: {running.name} -> {newer.name} (year {n} {why})"
            res.guess("ERA_CHANGED_SILENTLY", text, basis=text)
            res.alternatives.append(_label(running, n))
        else:
            res.era, res.dynasty = running, running.dynasty
            _out_of_range(res, m, f"year {n} does not continue {running.name} "
                                  f"({running.dynasty})")
            return
    if era is running:
        res.inherit(f"running era: {running.name}", state)
    res.era, res.dynasty, res.era_year, res.year = era, era.dynasty, n, era.ce_year(n)
