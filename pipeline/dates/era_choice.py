"""Era choice among same-named candidates (:func:`_choose`): which of the eras a written
era name may be (a dynasty, a ruler or persons named with it, a printed CE year, the running
date, the text's dynasties), with the reason and the rejected readings recorded on the
resolution; used by the explicit reading of :mod:`.choose`.
"""

from __future__ import annotations

from collections import Counter

from pipeline.calendar import CHINESE_STREAMS
from pipeline.eras import Era, EraTable, is_cjk

from .mentions import DateMention
from .printed import fits_no_era, one_digit_off
from .state import RunningDate, _dyn_score, _label, _Res, _rulers

NEAR_RUNNING_ERA = 10  # years: a running date this near an era makes it the likely one


def _choose(
    cands: list[Era], n: int | None, m: DateMention, state: RunningDate, eras: EraTable,
    prior: Counter[str], res: _Res,
) -> Era:
    """Pick one era among same-named candidates; record why and the rejected readings."""
    uniq = list(dict.fromkeys(cands))
    named = [e for e in uniq if m.dynasty and eras.matches_dynasty(e, m.dynasty)]
    pool = named or uniq
    if m.dynasty and not named:
        res.guess("ERA_DYNASTY_MISMATCH", f"{m.era!r} is not an era of {m.dynasty!r}")
    ruled: list[Era] = []
    if m.ruler:
        ids = {i for r in _rulers().find(m.ruler) for i in r.era_ids}
        ruled = [e for e in pool if e.era_id in ids]
        if ruled:
            pool = ruled
            if len(uniq) > 1:
                res.note(f"ruler named: {m.ruler}")
    year_n = n or 1

    if m.era_title and len(pool) > 1:
        # "Emperor Zhengde", "the Kangxi Emperor": rulers called by their only era's name
        sole = [e for e in pool
                if any(len(r.era_ids) == 1 and e.era_id in r.era_ids for r in _rulers().rulers)]
        if sole and len(sole) < len(pool):
            pool = sole
            res.note("era used as an emperor's name: the era of a one-era ruler")

    people = [d for d in m.people if any(eras.matches_dynasty(e, d) for e in pool)]
    near_ids = frozenset(m.near_eras)
    written_zh = is_cjk(m.era or "")

    misread = False  # the printed year is a misprint of the reading the context chooses

    def key(e: Era) -> tuple:
        stated = (_stated_distance(e.ce_year(year_n), m)
                  if m.stated_year is not None and not misread else 0)
        fits = 0 if e.contains_era_year(year_n) else 1
        if state.year is not None:
            near = max(e.start_year - state.year, state.year - e.end_year, 0)
        else:
            near = 0
        # a running date near an era beats the persons named; persons beat a far one
        far = 0 if near <= NEAR_RUNNING_ERA else 1
        named_by = 0 if any(d in eras.ancestors(e.dynasty) for d in people) else 1
        same = 0 if state.era and state.era.dynasty == e.dynasty else 1
        ruled_near = 0 if e.era_id in near_ids else 1  # an era of a ruler named near it
        # an era name in characters is shared with Japanese, Korean and Vietnamese eras
        # (永樂: Ming and Goguryeo): in this English text on China, the Chinese one first
        foreign = 1 if written_zh and e.cal_stream > CHINESE_STREAMS else 0
        return (stated, fits, far, ruled_near, named_by, near, same, -_dyn_score(e, eras, prior),
                foreign, -e.length, e.start_year)

    if (m.stated_year is not None and not m.stated_year_end and n is not None
            and fits_no_era(m.stated_year, n, uniq)):
        misread = True  # "Yung-k'ang (A.D. 800)": the era as the context reads it ...
        alt = min(pool, key=key)
        k = key(alt)
        supported = (bool(named) or bool(ruled) or k[3] == 0 or k[4] == 0
                     or (state.year is not None and (k[2] == 0 or k[6] == 0)))
        # ... when the printed year is one digit off it and the text supports it
        misread = (k[1] == 0 and supported and one_digit_off(m.stated_year, alt.ce_year(n)))
        res.printed_slip = misread
    best = min(pool, key=key)
    if len(uniq) > 1:
        keys = [key(e) for e in pool]

        def differ(i: int) -> bool:
            return len({k[i] for k in keys}) > 1

        if named:
            res.note(f"dynasty named: {m.dynasty}")
        if len(pool) == 1:
            pass
        elif m.stated_year is not None and differ(0):
            res.note("era chosen by printed CE year")
        elif (n is not None and m.stated_year is not None and keys[0][0] == 0
              and len({e.ce_year(n) for e in pool if e.contains_era_year(n)}) == 1):
            # "The Second Year of Xian'an (The Renshen Year, 372 AD)": Eastern Jin's and Former
            # Liang's Xian'an 2 are both 372, the printed year: the year is certain, the label
            # (the state whose era it is) is the one the text's dynasties favour
            res.note(f"every era {m.era!r} with a year {n} gives the printed CE year "
                     f"{m.stated_year}; era label chosen by the text's dynasties")
        elif n is not None and differ(1) and sum(1 for k in keys if k[1] == 0) == 1:
            res.note(f"the only era of that name with a year {n}")
        elif state.year is not None and differ(2):
            # the running era itself named again is as good as named with its dynasty
            _by_nearness(res, best, state, pool, eras, prior)
        elif differ(3):
            whose = next((f"{r.label} ({r.name_zh}, {r.dynasty})" for r in _rulers().rulers
                          if best.era_id in r.era_ids), best.dynasty)
            res.guess("ERA_CHOSEN_BY_RULER",
                      f"{m.era!r} names {len(pool)} eras; {best.name} ({best.name_zh}) was "
                      f"taken as the era of a ruler named near it: {whose}", "medium",
                      basis=f"era of a ruler named near it: {whose}")
        elif differ(4):
            whose = ", ".join(d for d in people if d in eras.ancestors(best.dynasty))
            res.guess("ERA_CHOSEN_BY_PERSONS",
                      f"{m.era!r} names {len(pool)} eras; {best.name} of {best.dynasty} was "
                      f"taken for the persons named near it ({whose})", "medium",
                      basis=f"dynasty of persons named: {whose}")
        elif state.year is not None and differ(5):
            _by_nearness(res, best, state, pool, eras, prior)
        elif differ(7):
            res.note("era chosen by dynasties named in text", "medium", "ERA_CHOSEN_BY_CONTEXT")
        else:
            which = "the Chinese one" if differ(8) else "the longest"
            res.guess("ERA_CHOSEN_BY_DEFAULT",
                      f"{m.era!r} names {len(pool)} eras; {which} was taken",
                      basis=f"era chosen by default ({which})")
        res.alternatives.extend(_label(e, n) for e in uniq
                                if e is not best and (n is None or e.contains_era_year(n)))
    return best


def _by_nearness(res, best: Era, state, pool: list[Era], eras, prior: Counter[str]) -> None:
    """Record "era chosen by nearness to running date": the running era itself named again is
    as certain as the running date (whose reading warned); so is the running dynasty's next
    era ("the fourth year of Tianbao" after Kaiyuan 3 of Tang) when it is the only era of
    that name in the dynasty's sequence from the running era on and no other candidate is
    plausible (near the running date, or of a dynasty the text names). Otherwise a medium
    guess (ERA_CHOSEN_BY_RUNNING_DATE)."""
    if best is state.era:
        res.basis.append("era chosen by nearness to running date")
        res.levels.append(state.certainty)
    elif _next_of_running_dynasty(best, state, pool, eras, prior):
        res.basis.append(f"era chosen as the running dynasty's ({best.dynasty}) only era of "
                         "that name after the running era")
        res.levels.append(state.certainty)
    else:
        res.note("era chosen by nearness to running date", "medium", "ERA_CHOSEN_BY_RUNNING_DATE")


def _next_of_running_dynasty(best: Era, state, pool: list[Era], eras,
                             prior: Counter[str]) -> bool:
    """``best`` continues the running era's dynasty (starts at or after the running era) and
    every other candidate is implausible: none of the running dynasty after the running era,
    none within NEAR_RUNNING_ERA years of the running year, none of a dynasty the text names
    (other than the running dynasty's own family)."""
    run = state.era
    if run is None or state.year is None or best.dynasty != run.dynasty:
        return False
    if best.start_year < run.start_year:
        return False
    own = set(eras.ancestors(best.dynasty))
    for e in pool:
        if e is best:
            continue
        if e.dynasty == run.dynasty and e.start_year >= run.start_year:
            return False
        if max(e.start_year - state.year, state.year - e.end_year, 0) <= NEAR_RUNNING_ERA:
            return False
        if any(prior.get(a, 0) for a in eras.ancestors(e.dynasty) if a not in own):
            return False
    return True


def _stated_distance(year: int, m: DateMention) -> int:
    """Years between ``year`` and the printed year or printed range ("(1403-1424)")."""
    last = m.stated_year_end or m.stated_year
    return max(m.stated_year - year, year - last, 0)
