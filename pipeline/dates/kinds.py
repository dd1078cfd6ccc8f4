"""Readings by kind: reign years and sexagenary years; relative and bare dates are in
:mod:`pipeline.dates.running` (re-exported here)."""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace

from pipeline.eras import Era
from pipeline.rulers import Ruler, rules_written

from .choose import NEAR_RUNNING_ERA
from .cycle_japanese import cycle_zh
from .cycle_rulers import cycle_in_reign
from .cycles import (
    Anchor,
    ahead_wins,
    country_date,
    distance,
    foreign,
    pick_anchor,
    place,
    reading_country,
)
from .days import year_cycle
from .era_years import _era_for_year
from .lifetimes import lived_then, outside_all, person_year
from .reigns import running_ruler
from .running import LONG_RELATIVE, _bare, _relative, _shift_month, year_order
from .state import (
    LEVELS,
    _dyn_score,
    _Res,
    _rulers,
)
from .twice import first_accession

__all__ = ["LONG_RELATIVE", "_bare", "_reign", "_relative", "_sexagenary", "_shift_month",
           "year_order"]


def _reign(m, state, eras, prior, res: _Res) -> None:
    """'the twelfth year of Emperor Gaozong of the Qing Dynasty': reign year -> CE year -> the
    ruler's era in force that year (or a plain reign count for a ruler without eras).
    "during Emperor Shenzong's reign" (no year): the whole reign, first to last year."""
    n = m.era_year or 1
    if m.running_ruler:  # "the twelfth year of his reign"
        named = running_ruler(state, eras)
        if named is None:
            res.guess("NO_RUNNING_RULER", "'his reign' before any ruler or era is named")
            res.printed_year_only(m.stated_year)
            return
        res.guess("RULER_FROM_CONTEXT", f"'his reign' read as the reign of {named.label} "
                  f"({named.dynasty}), the ruler last named", "medium",
                  basis=f"running ruler: {named.label}")
        found = [named]
    else:
        found = _rulers().find(m.ruler or "")
    if m.dynasty:
        named = [r for r in found if rules_written(r, m.dynasty, eras)]
        if found and not named:
            res.guess("RULER_DYNASTY_MISMATCH", f"no ruler {m.ruler!r} of {m.dynasty!r}")
        found = named
    if not found:
        res.guess("UNKNOWN_RULER", f"no ruler called {m.ruler!r}")
        res.printed_year_only(m.stated_year)
        return

    def key(r: Ruler) -> tuple:
        stated = abs(r.ce_year(n) - m.stated_year) if m.stated_year is not None else 0
        fits = 0 if r.contains_reign_year(n) else 1
        near = (max(r.reign_start - state.year, state.year - r.reign_end, 0)
                if state.year is not None else 0)
        # as for eras: a running date near a reign beats the persons named; persons beat a far one
        far = 0 if near <= NEAR_RUNNING_ERA else 1
        named_by = 0 if any(d in eras.ancestors(r.dynasty) for d in m.people) else 1
        if m.lifetimes and not m.people:  # "Wu Di" beside Sima Yan (236-290): his reign
            named_by = 0 if lived_then(r.ce_year(n), m.lifetimes) else 1
        return (stated, fits, far, named_by, near,
                -sum(prior.get(a, 0) for a in eras.ancestors(r.dynasty)),
                r.qualified, -(r.reign_end - r.reign_start), r.first_year)

    found, twice = first_accession(found, n)
    if twice:
        res.guess("RULER_REIGNED_TWICE", twice, "medium", basis="reign year of a later reign")
    ruler = min(found, key=key)
    called = (f"{m.ruler} = " if m.ruler and ruler.label and
              ruler.label.lower() != m.ruler.lower() else "")  # "Wu = Shizong": 孝武帝 is 世宗
    res.note(f"ruler named: {called}{ruler.label} ({ruler.dynasty})")
    if m.dynasty:
        res.note(f"dynasty named: {m.dynasty}")
    if len(found) > 1:
        keys = [key(r) for r in found]
        if m.stated_year is not None and len({k[0] for k in keys}) > 1:
            res.note("ruler chosen by printed CE year")
        elif state.year is not None and len({k[2] for k in keys}) > 1:
            res.note("ruler chosen by nearness to running date", "medium",
                     "RULER_CHOSEN_BY_RUNNING_DATE")
        elif len({k[3] for k in keys}) > 1:
            whose = ", ".join(d for d in m.people if d in eras.ancestors(ruler.dynasty)) or \
                ", ".join(f"{lt[0]} ({lt[1]}-{lt[2]})" for lt in m.lifetimes)
            res.note(f"ruler chosen by the persons named near it ({whose})", "medium",
                     "RULER_CHOSEN_BY_PERSONS")
        elif state.year is not None and len({k[4] for k in keys}) > 1:
            res.note("ruler chosen by nearness to running date", "medium",
                     "RULER_CHOSEN_BY_RUNNING_DATE")
        elif len({k[5] for k in keys}) > 1:
            res.note("ruler chosen by dynasties named in text", "medium", "RULER_CHOSEN_BY_CONTEXT")
        elif len({k[6] for k in keys}) > 1:
            res.guess("RULER_CHOSEN_BY_NAME",
                      f"{m.ruler!r} names {len(found)} rulers; the one sanmiao names without "
                      "its dynasty was taken", "medium",
                      basis="ruler chosen by sanmiao's unqualified name")
        else:
            res.guess("RULER_CHOSEN_BY_DEFAULT",
                      f"{m.ruler!r} names {len(found)} rulers; the longest reign was taken",
                      basis="ruler chosen by default (longest reign)")
        res.alternatives.extend(f"{r.label} ({r.dynasty}) {r.ce_year(n)}"
                                for r in found if r is not ruler)
    res.dynasty, res.ruler = ruler.dynasty, ruler
    if m.era_year is None:
        res.year, res.year_end = ruler.first_year, ruler.reign_end
        res.note(f"the whole reign of {ruler.label} ({ruler.dynasty})")
        return
    if not ruler.contains_reign_year(n):
        res.guess("ERA_YEAR_OUT_OF_RANGE", f"{ruler.label} ({ruler.dynasty}) reigned "
                  f"{ruler.reign_end - ruler.first_year + 1} counted years, not {n}")
        res.printed_year_only(m.stated_year)
        return
    year = ruler.ce_year(n)
    res.year = year
    if m.lifetimes and len(found) > 1 and not lived_then(year, m.lifetimes):
        res.guess("RULER_PERSONS_DISAGREE", f"{year} is outside the years of the persons "
                  "named near it: " + ", ".join(f"{lt[0]} ({lt[1]}-{lt[2]})"
                                                for lt in m.lifetimes))
    own = [e for e in (eras.era_by_id(i) for i in ruler.era_ids) if e is not None]
    in_force = [e for e in own if e.start_year <= year <= e.end_year]
    if in_force:
        era = in_force[-1] if in_force[-1].start_year == year else in_force[0]
        res.era, res.dynasty, res.era_year = era, era.dynasty, year - era.start_year + 1
        res.note(f"reign year {n} = {era.name} {res.era_year}")
    elif ruler.counts_reign_years:
        res.era_year = n
        res.note(f"reign year {n} (a Korean king's own reign count)")
    elif (not own and eras.eras and ruler.reign_end < eras.eras[0].start_year
          and eras.dynasty_info(ruler.dynasty) is not None):
        # Gaozu of Han, Empress Lü: reign years were the count (the pre-Qin kings of
        # preqin_rulers.csv keep the warning: a traditional chronology)
        res.era_year = n
        res.note(f"reign year {n} (before era names: reign years were the count)")
    else:
        res.era_year = n
        res.note(f"reign year {n} (no era of this ruler in force)", "medium",
                 "REIGN_YEAR_WITHOUT_ERA")


def _sexagenary(m, state, eras, res: _Res, anchors: tuple[Anchor, ...],
                prior: Counter[str]) -> None:
    """'the jiashen year': the cycle year nearest the running date, else inside (or nearest
    the start of) the next era the text names, or nearest the next year it writes. Evidence
    nearer in the text wins: the next era or year in the same sentence (or paragraph) beats a
    running date set farther back. A name
    in a Korean (Vietnamese, Japanese) reading takes that country's era or dynasty."""
    target = m.cycle_year
    if target is None:
        res.guess("CYCLE_YEAR_UNKNOWN", f"{m.text!r} names no sexagenary year")
        return
    if len(m.cycle_alts) > 1:  # "kōgo": 甲午 or 庚午, the evidence chooses
        _ambiguous_cycle(m, state, eras, res, anchors, prior)
        return
    if m.ruler:  # "the Pyŏngin year of King Gojong": the cycle year inside that reign
        cycle_in_reign(m, state, eras, res)
        return
    if m.era:  # "the jiashen year of Chongzhen": the cycle year inside the era named
        hits = [(e, y) for e in eras.candidates(m.era)
                for y in range(e.start_year, e.end_year + 1) if year_cycle(y) == target]
        if not hits:
            res.guess("CYCLE_YEAR_NOT_IN_ERA", f"no {m.text!r} in any era called {m.era!r}")
            return
        if state.year is not None:
            era, year = min(hits, key=lambda h: abs(h[1] - state.year))
        else:
            era, year = max(hits, key=lambda h: (_dyn_score(h[0], eras, prior), h[0].length))
        if len({e for e, _ in hits}) > 1 and state.year is None:
            res.guess("ERA_CHOSEN_BY_DEFAULT",
                      f"{m.era!r} names several eras with that cycle year", "low")
        elif len({e for e, _ in hits}) > 1:
            res.note("era chosen by nearness to running date", "medium",
                     "ERA_CHOSEN_BY_RUNNING_DATE")
        res.era, res.dynasty, res.era_year, res.year = (era, era.dynasty,
                                                       year - era.start_year + 1, year)
        res.note(f"sexagenary year within the {era.name} era")
        return
    anchor = pick_anchor(target, m.where, anchors)
    ahead = anchor.era if anchor is not None else None
    by_ahead = anchor is not None and (
        state.year is None
        or ahead_wins(m.where, state.where, state.certainty == "high", anchor))
    p_year, p_dist, p_why = person_year(target, m.lifetimes)
    nearest = min([distance(m.where, state.where) if state.year is not None else 3,
                   distance(m.where, anchor.where) if anchor is not None else 3])
    if m.stated_year is not None and year_cycle(m.stated_year) == target:
        pass  # the printed year decides (below)
    elif p_year is not None and p_dist < nearest:  # persons nearer than any date
        res.guess("CYCLE_YEAR_FROM_PERSONS", f"read as the cycle year {p_year}, within the "
                  f"years of the persons named near it: {p_why}", "medium",
                  basis=f"sexagenary year within the years of {p_why}")
        _cycle_era(m, p_year, None, state, eras, res, prior)
        return
    elif m.lifetimes and p_year is None and p_dist < nearest:
        res.guess("CYCLE_YEAR_PERSONS_UNSURE", f"not read by the persons named near it: "
                  f"{p_why}")
        if state.year is None and anchor is None:
            return
    if m.stated_year is not None and year_cycle(m.stated_year) == target:
        year = m.stated_year
        res.note("sexagenary year agrees with the printed CE year")
        by_ahead = False
    elif state.year is not None and not by_ahead:
        base = state.year
        delta = (target - year_cycle(base)) % 60
        year = base + delta if delta <= 30 else base + delta - 60
        res.guess("CYCLE_YEAR_FROM_RUNNING_DATE",
                  f"{m.text!r} read as the cycle year nearest the running year {base}",
                  "medium", basis=f"sexagenary year nearest the running year {base}")
    elif anchor is not None:
        year = place(target, anchor)
        inside = anchor.first <= year <= anchor.last
        where = ("the same sentence" if distance(m.where, anchor.where) == 0
                 else "the same paragraph" if distance(m.where, anchor.where) == 1
                 else "the text")
        rather = (f", preferred to the running year {state.year}"
                  if state.year is not None else "")
        near = "in" if inside else "near"
        res.guess("CYCLE_YEAR_FROM_LATER_ERA",
                  f"{m.text!r} placed {near} {anchor.label} named later in {where}{rather}",
                  "low" if not inside and anchor.era is not None else "medium",
                  basis=f"sexagenary year {near} {anchor.label} (named later in {where})")
    else:
        res.guess("NO_RUNNING_DATE", "sexagenary year before any known date")
        return
    if p_year is not None and p_year == year:
        res.note(f"the persons named near it agree: {p_why}")
    elif (apart := outside_all(year, m.lifetimes)) is not None:
        res.guess("CYCLE_YEAR_PERSONS_DISAGREE", f"{year} is outside the years of the persons "
                  f"named near it: {apart}")
    _cycle_era(m, year, ahead if by_ahead else None, state, eras, res, prior)


def _cycle_era(m, year: int, era: Era | None, state, eras, res: _Res,
               prior: Counter[str]) -> None:
    """Set ``res`` to CE ``year`` of a cycle-year mention and the era in force then: ``era``
    (the evidence's own) if it holds the year, else the running era or dynasty's, else the
    era of the country whose reading the name is written in."""
    res.year = year
    if era is None or not era.start_year <= year <= era.end_year:
        era = _era_for_year(year, state, eras, prior, guess=True)
    country = reading_country(m.text)
    if country is not None:  # "Gapsin": a Korean reading, never a Japanese era
        own, dyn = country_date(country, year, eras)
        res.note(f"cycle year written in a reading of {country}: its calendar")
        if own is not None or (era is not None and foreign(era, country, eras)):
            era = own
        if era is None and dyn is not None:
            res.dynasty = dyn
            info = eras.dynasty_info(dyn)
            res.stream = info.cal_stream if info and info.cal_stream else None
    if era is not None and era.start_year <= year <= era.end_year:
        res.era, res.dynasty, res.era_year = era, era.dynasty, year - era.start_year + 1


def _ambiguous_cycle(m, state, eras, res: _Res, anchors: tuple[Anchor, ...],
                     prior: Counter[str]) -> None:
    """A cycle name with several readings (Japanese on readings: "kōgo" = 甲午 or 庚午): each
    read by the evidence as if written alone; the one printed, else with the strongest
    evidence, else nearest the running date (or the next date written) wins, flagged
    ``CYCLE_READING_AMBIGUOUS`` (at most medium). A tie leaves the year blank."""
    trials: list[tuple[int, _Res]] = []
    for c in m.cycle_alts:
        trial = _Res()
        _sexagenary(replace(m, cycle_year=c, cycle_alts=()), state, eras, trial, anchors,
                    prior)
        if trial.year is not None:
            trials.append((c, trial))
    names = " or ".join(cycle_zh(c) for c in m.cycle_alts)
    if not trials:
        res.guess("CYCLE_READING_AMBIGUOUS", f"reads {names}; no evidence places either")
        return
    ref = state.year
    if ref is None and anchors:
        ref = min(anchors, key=lambda a: (distance(m.where, a.where), a.where)).first

    def key(t: tuple[int, _Res]) -> tuple:
        r = t[1]
        return (0 if m.stated_year is not None and r.year == m.stated_year else 1,
                -LEVELS.index(r.certainty), abs(r.year - ref) if ref is not None else 0)

    trials.sort(key=key)
    c, best = trials[0]
    others = [f"{cycle_zh(o)} {r.year}" for o, r in trials[1:]]
    if len(trials) > 1 and key(trials[1]) == key(trials[0]):
        res.guess("CYCLE_READING_AMBIGUOUS", f"reads {names}; the evidence fits "
                  f"{cycle_zh(c)} {best.year} and {', '.join(others)} alike: no year")
        return
    for f in fields(_Res):
        setattr(res, f.name, getattr(best, f.name))
    if key(trials[0])[0] == 0:  # "The Boshin War (1868)": the printed year settles it
        res.note(f"reads {names}: {cycle_zh(c)}, the one of the printed year")
    else:
        res.guess("CYCLE_READING_AMBIGUOUS", f"reads {names}: {cycle_zh(c)} {best.year} "
                  "taken, the reading the evidence places best", "medium",
                  basis=f"ambiguous reading: {cycle_zh(c)} chosen")
    res.alternatives.extend(others)
