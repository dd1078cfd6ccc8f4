"""Resolve date mentions to CE years and days in one pass over a document (narrative mode).

The fold keeps a running date (:class:`RunningDate`: era, CE year, lunar month, leap flag,
day) and fills in what each :class:`~pipeline.dates.DateMention` leaves out, as HeidelTime's
narrative mode does. Rules (each row's ``basis`` names the ones used):

* Era names shared by several dynasties are chosen by, in order: a dynasty named with the era,
  a printed CE year, nearness to the running date, dynasties mentioned in the document, era
  length. Rejected readings go to ``alternatives`` ("Tianhui (Northern Han) 959").
* An era year without an era ("In the fourteenth year") continues the running era. If it
  cannot (past the era's last year, or more than :data:`MAX_STEP_BACK` years back) the era
  changed silently: the next era of the same dynasty that contains that year and does not go
  back in time is used. A printed CE year overrides all of this.
* "the ninth year of the Jin Dynasty (1149)": the dynasty's era whose year 9 is the printed
  year; without one, the running era if it is of that dynasty, else the dynasty's next era.
* A bare month takes the running year. If it is more than six months *before* the running
  month (October, then "February 8") the nearer reading is the next year; otherwise the same
  year (a narrative stepping back a little keeps its year).
* Relative years/days move the running date; a day offset uses the lunar month table.
* Lunar dates use the era's calendar stream. A leap month missing from that stream is looked
  up in the other Chinese streams (texts often use another state's calendar).
* Western dates ("9 January 1127") are Julian before 1582-10-15 and Gregorian after, unless
  the text says "Gregorian calendar"; they also set the running Chinese date.
* A printed CE year that differs from the computed one sets ``conflict`` and adds a
  STATED_YEAR_CONFLICT warning, except when the printed year is the Western year of the
  mentioned month or day (months 11-12 often fall in the next Western year).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from pipeline.calendar import (
    CHINESE_STREAMS,
    LunarCalendar,
    gregorian_to_jdn,
    jdn_to_gregorian,
    jdn_to_julian,
    julian_to_jdn,
)
from pipeline.dates import DateMention, era_name_spans
from pipeline.eras import Era, EraTable, era_key
from pipeline.records import DateRow, WarningRow
from pipeline.rulers import Ruler, RulerTable, load_ruler_table

__all__ = ["RunningDate", "era_name_spans", "resolve_dates"]

MAX_STEP_BACK = 2  # an inherited era year this many years back is a flashback, not a new era
DEFAULT_STREAM = 3
GREGORIAN_REFORM_JDN = 2299161  # 1582-10-15 Gregorian
_SEASON_FIRST = {"spring": 1, "summer": 4, "autumn": 7, "winter": 10}
LEVELS = ("low", "medium", "high")  # certainty values, weakest first


@dataclass
class RunningDate:
    """The fold's state: the last fully known date of the narrative."""

    era: Era | None = None
    dynasty: str | None = None
    year: int | None = None
    month: int | None = None
    leap: bool = False
    day: int | None = None
    stream: int = DEFAULT_STREAM
    order_month: int | None = None  # month or first month of a season, for the month-order rule
    certainty: str = "high"  # of the reading that set the running date


@dataclass
class _Res:
    """One resolved value (internal, turned into a DateRow)."""

    era: Era | None = None
    dynasty: str | None = None
    era_year: int | None = None
    year: int | None = None
    year_end: int | None = None
    month: int | None = None
    leap: bool = False
    day: int | None = None
    season: str | None = None
    jdn: tuple[int, int] | None = None
    western: bool = False
    basis: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    conflict: bool | None = None
    stream: int | None = None
    levels: list[str] = field(default_factory=list)  # evidence strengths; certainty = weakest

    def note(self, basis: str, level: str = "high") -> None:
        """Record one piece of evidence (its ``basis`` text and strength)."""
        self.basis.append(basis)
        self.levels.append(level)

    def guess(self, code: str, message: str, level: str = "low", basis: str | None = None) -> None:
        """Record a guess: a warning row, lowered certainty and (optionally) a basis text."""
        self.warnings.append((code, message))
        self.levels.append(level)
        if basis:
            self.basis.append(basis)

    @property
    def certainty(self) -> str:
        """The weakest evidence used (low if no year was found)."""
        if self.year is None and self.jdn is None:
            return "low"
        return min(self.levels, key=LEVELS.index, default="high")


class _Memo:
    """Per-call memo over the EraTable lookups the fold repeats (same method names)."""

    def __init__(self, table: EraTable) -> None:
        self.table = table
        self.eras = table.eras
        self._cache: dict[tuple, object] = {}

    def _get(self, name: str, *args):
        key = (name, *args)
        if key not in self._cache:
            self._cache[key] = getattr(self.table, name)(*args)
        return self._cache[key]

    def candidates(self, surface: str) -> list[Era]:
        # a spelling some eras list exactly ("Chia-ch'ing") narrows the apostrophe-free key
        return list(self._get("best_candidates", surface))

    def dynasty(self, surface: str) -> str | None:
        return self._get("dynasty", surface)

    def dynasty_info(self, name: str):
        return self._get("dynasty_info", name)

    def ancestors(self, name: str) -> list[str]:
        return self._get("ancestors", name)

    def era_by_id(self, era_id: int) -> Era | None:
        return self._get("era_by_id", era_id)

    def split_fused(self, surface: str):
        return self._get("split_fused", surface)

    def fuzzy_candidates(self, surface: str) -> list[Era]:
        return list(self._get("fuzzy_candidates", surface))

    def matches_dynasty(self, era: Era, dynasty: str) -> bool:
        return self._get("matches_dynasty", era, dynasty)

    def eras_of_dynasty(self, dynasty: str) -> list[Era]:
        return list(self._get("eras_of_dynasty", dynasty))

    def era_in_force(self, dynasty: str, year: int) -> list[Era]:
        return list(self._get("era_in_force", dynasty, year))


def _rulers() -> RulerTable:
    return load_ruler_table()


def _label(era: Era, era_year: int | None) -> str:
    year = f" {era.ce_year(era_year)}" if era_year else f" {era.start_year}-{era.end_year}"
    return f"{era.name} ({era.dynasty}){year}"


def _prior(mentions: list[DateMention], eras: EraTable) -> Counter[str]:
    """How often each canonical dynasty is named in the document."""
    counts: Counter[str] = Counter()
    for m in mentions:
        if m.dynasty:
            name = eras.dynasty(m.dynasty)
            if name:
                counts[name] += 1
    return counts


def _dyn_score(era: Era, eras: EraTable, prior: Counter[str]) -> int:
    return sum(prior.get(a, 0) for a in eras.ancestors(era.dynasty))


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

    def key(e: Era) -> tuple:
        stated = _stated_distance(e.ce_year(year_n), m) if m.stated_year is not None else 0
        fits = 0 if e.contains_era_year(year_n) else 1
        if state.year is not None:
            near = max(e.start_year - state.year, state.year - e.end_year, 0)
        else:
            near = 0
        same = 0 if state.era and state.era.dynasty == e.dynasty else 1
        return (stated, fits, near, same, -_dyn_score(e, eras, prior), -e.length, e.start_year)

    best = min(pool, key=key)
    if len(uniq) > 1:
        if named:
            res.note(f"dynasty named: {m.dynasty}")
        if len(pool) == 1:
            pass
        elif m.stated_year is not None and len({key(e)[0] for e in pool}) > 1:
            res.note("era chosen by printed CE year")
        elif state.year is not None and len({key(e)[2] for e in pool}) > 1:
            # the running era itself named again is as good as named with its dynasty
            res.note("era chosen by nearness to running date",
                     state.certainty if best is state.era else "medium")
        elif len({key(e)[4] for e in pool}) > 1:
            res.note("era chosen by dynasties named in text", "medium")
        else:
            res.guess("ERA_CHOSEN_BY_DEFAULT",
                      f"{m.era!r} names {len(pool)} eras; the longest was taken",
                      basis="era chosen by default (longest)")
        res.alternatives.extend(_label(e, n) for e in uniq
                                if e is not best and (n is None or e.contains_era_year(n)))
    return best


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


def _stated_distance(year: int, m: DateMention) -> int:
    """Years between ``year`` and the printed year or printed range ("(1403-1424)")."""
    last = m.stated_year_end or m.stated_year
    return max(m.stated_year - year, year - last, 0)


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
    if not cands:
        res.guess("UNKNOWN_ERA", f"no era called {m.era!r}")
        if m.stated_year is not None:
            res.year = m.stated_year
            res.guess("YEAR_FROM_PRINTED_YEAR", "the year is the printed CE year only",
                      basis="era unknown: printed CE year")
        return
    era = _choose(cands, n, m, state, eras, prior, res)
    res.era, res.dynasty, res.era_year = era, era.dynasty, n
    res.basis.insert(0, f"era named: {era.name}")
    if n is not None and not era.contains_era_year(n):
        _out_of_range(res, m, f"{era.name} ({era.dynasty}) has {era.length} years, not {n}")
        return
    res.year, res.year_end = _phase_years(era, m.phase, n)
    if res.year_end == res.year:
        res.year_end = None
    if m.phase:
        level = "high" if m.phase == "whole" else "medium"
        res.note(f"phase: {m.phase}", level)
        if m.phase_guess:
            res.guess("ERA_PHASE_GUESSED", f"{m.text!r} read as the era's {m.phase} year",
                      "medium")


def _out_of_range(res: _Res, m: DateMention, message: str) -> None:
    """Never an era year past the era's end: the printed CE year, else no year."""
    res.guess("ERA_YEAR_OUT_OF_RANGE", message)
    res.era_year = m.era_year
    if m.stated_year is not None:
        res.year = m.stated_year
        res.guess("YEAR_FROM_PRINTED_YEAR", "the year is the printed CE year only",
                  basis="printed CE year")


def _inherited(m, state, eras, prior, res: _Res) -> None:
    n = m.era_year
    stated = m.stated_year
    if m.unknown_name:
        res.guess("UNKNOWN_ERA", f"{m.unknown_name!r} after the year is no known "
                                 "era; read as the running era")
        res.basis.append(f"unknown era name {m.unknown_name!r} ignored")
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
                res.note(f"running era of {m.dynasty}", "medium")
            else:
                era = _era_after(state.era, n, state.year, eras)
                if era:
                    res.note(f"next era of {m.dynasty} with a year {n}", "low")
        if era is None and state.year is not None:
            later = [e for e in pool if e.contains_era_year(n) and e.ce_year(n) >= state.year]
            if later:
                era = later[0]
                res.note(f"next era of {m.dynasty} with a year {n}", "low")
        if era is None:
            res.guess("ERA_NOT_RESOLVED", f"which era of {m.dynasty!r} has year {n} is unknown")
            if stated is not None:
                res.year = stated
                res.guess("YEAR_FROM_PRINTED_YEAR", "the year is the printed CE year only",
                          basis="printed CE year")
            return
        res.era, res.dynasty, res.era_year, res.year = era, era.dynasty, n, era.ce_year(n)
        res.basis.insert(0, f"dynasty named without era: {m.dynasty}")
        return
    running = state.era
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
            res.note(f"era not named: {era.name}, whose year {n} is the printed year", "medium")
            res.alternatives.extend(_label(e, n) for e in hits[1:4])
            return
    if running is None:
        res.era_year = n
        res.guess("NO_RUNNING_ERA", f"year {n} of an era not named before")
        if stated is not None:
            res.year = stated
            res.guess("YEAR_FROM_PRINTED_YEAR", "the year is the printed CE year only",
                      basis="printed CE year")
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
        res.note(f"running era: {running.name}", state.certainty)
    res.era, res.dynasty, res.era_year, res.year = era, era.dynasty, n, era.ce_year(n)


def _reign(m, state, eras, prior, res: _Res) -> None:
    """'the twelfth year of Emperor Gaozong of the Qing Dynasty': reign year -> CE year -> the
    ruler's era in force that year (or a plain reign count for a ruler without eras)."""
    n = m.era_year
    found = _rulers().find(m.ruler or "")
    if m.dynasty:
        dyn = eras.dynasty(m.dynasty) or m.dynasty
        named = [r for r in found if dyn in eras.ancestors(r.dynasty)]
        if found and not named:
            res.guess("RULER_DYNASTY_MISMATCH", f"no ruler {m.ruler!r} of {m.dynasty!r}")
        found = named
    if not found:
        res.guess("UNKNOWN_RULER", f"no ruler called {m.ruler!r}")
        if m.stated_year is not None:
            res.year = m.stated_year
            res.guess("YEAR_FROM_PRINTED_YEAR", "the year is the printed CE year only",
                      basis="printed CE year")
        return

    def key(r: Ruler) -> tuple:
        stated = abs(r.ce_year(n) - m.stated_year) if m.stated_year is not None else 0
        fits = 0 if r.contains_reign_year(n) else 1
        near = (max(r.reign_start - state.year, state.year - r.reign_end, 0)
                if state.year is not None else 0)
        return (stated, fits, near, -sum(prior.get(a, 0) for a in eras.ancestors(r.dynasty)),
                -(r.reign_end - r.reign_start), r.first_year)

    ruler = min(found, key=key)
    res.note(f"ruler named: {ruler.label} ({ruler.dynasty})")
    if m.dynasty:
        res.note(f"dynasty named: {m.dynasty}")
    if len(found) > 1:
        keys = [key(r) for r in found]
        if m.stated_year is not None and len({k[0] for k in keys}) > 1:
            res.note("ruler chosen by printed CE year")
        elif state.year is not None and len({k[2] for k in keys}) > 1:
            res.note("ruler chosen by nearness to running date", "medium")
        else:
            res.guess("RULER_CHOSEN_BY_DEFAULT",
                      f"{m.ruler!r} names {len(found)} rulers; the longest reign was taken",
                      basis="ruler chosen by default (longest reign)")
        res.alternatives.extend(f"{r.label} ({r.dynasty}) {r.ce_year(n)}"
                                for r in found if r is not ruler)
    res.dynasty = ruler.dynasty
    if not ruler.contains_reign_year(n):
        res.guess("ERA_YEAR_OUT_OF_RANGE", f"{ruler.label} ({ruler.dynasty}) reigned "
                  f"{ruler.reign_end - ruler.first_year + 1} counted years, not {n}")
        if m.stated_year is not None:
            res.year = m.stated_year
            res.guess("YEAR_FROM_PRINTED_YEAR", "the year is the printed CE year only",
                      basis="printed CE year")
        return
    year = ruler.ce_year(n)
    res.year = year
    own = [e for e in (eras.era_by_id(i) for i in ruler.era_ids) if e is not None]
    in_force = [e for e in own if e.start_year <= year <= e.end_year]
    if in_force:
        era = in_force[-1] if in_force[-1].start_year == year else in_force[0]
        res.era, res.dynasty, res.era_year = era, era.dynasty, year - era.start_year + 1
        res.note(f"reign year {n} = {era.name} {res.era_year}")
    else:
        res.era_year = n
        res.note(f"reign year {n} (no era of this ruler in force)", "medium")


def _sexagenary(m, state, eras, res: _Res, ahead: Era | None, prior: Counter[str]) -> None:
    """'the jiashen year': the cycle year nearest the running date, else inside (or nearest
    the start of) the next era the text names."""
    target = m.cycle_year
    if target is None:
        res.guess("CYCLE_YEAR_UNKNOWN", f"{m.text!r} names no sexagenary year")
        return
    if m.stated_year is not None and year_cycle(m.stated_year) == target:
        year = m.stated_year
        res.note("sexagenary year agrees with the printed CE year")
    elif state.year is not None:
        base = state.year
        delta = (target - year_cycle(base)) % 60
        year = base + delta if delta <= 30 else base + delta - 60
        res.guess("CYCLE_YEAR_FROM_RUNNING_DATE",
                  f"{m.text!r} read as the cycle year nearest the running year {base}",
                  "medium", basis=f"sexagenary year nearest the running year {base}")
    elif ahead is not None:
        delta = (target - year_cycle(ahead.start_year)) % 60
        year = ahead.start_year + delta
        if year > ahead.end_year and delta > 30:
            year -= 60
        inside = ahead.start_year <= year <= ahead.end_year
        res.guess("CYCLE_YEAR_FROM_LATER_ERA",
                  f"{m.text!r} placed {'in' if inside else 'near'} the {ahead.name} era "
                  "named later in the text", "low" if not inside else "medium",
                  basis=f"sexagenary year {'in' if inside else 'near'} {ahead.name} "
                        "(named later)")
    else:
        res.guess("NO_RUNNING_DATE", "sexagenary year before any known date")
        return
    res.year = year
    era = ahead if state.year is None and ahead is not None else None
    if era is None or not era.start_year <= year <= era.end_year:
        era = _era_for_year(year, state, eras, prior)
    if era is not None and era.start_year <= year <= era.end_year:
        res.era, res.dynasty, res.era_year = era, era.dynasty, year - era.start_year + 1


def _era_for_year(
    year: int, state: RunningDate, eras: EraTable, prior: Counter[str] | None = None
) -> Era | None:
    """The era in force in a CE year: the running era, else one of the running dynasty, else
    (no dynasty known yet) the era of the dynasty most named in the text."""
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
    return max(hits, key=lambda e: (_dyn_score(e, eras, prior or Counter()), e.length))


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


def _relative(m, state, eras, calendar, res: _Res, prior: Counter[str]) -> None:
    if state.year is None:
        res.guess("NO_RUNNING_DATE", "relative date before any known date")
        return
    if m.rel_years is not None:
        res.year = state.year + m.rel_years
        res.note(f"running year {state.year} {m.rel_years:+d}", state.certainty)
    elif m.rel_days is not None:
        res.year, res.month, res.leap = state.year, state.month, state.leap
        if state.month is not None and state.day is not None:
            loc = _shift_day(state, m.rel_days, calendar)
            if loc is not None:
                res.year, res.month, res.leap, res.day = loc
                res.note(f"running day {m.rel_days:+d} days", state.certainty)
        if res.day is None:
            res.note("running month (day not known)", state.certainty)
    era = _era_for_year(res.year, state, eras, prior)
    if era is not None:
        res.era, res.dynasty = era, era.dynasty
        res.era_year = res.year - era.start_year + 1


def _bare(m, state, eras, res: _Res, prior: Counter[str]) -> None:
    """Month, day or season without a year: the running year (see the wrap rule)."""
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
    if month is not None and state.order_month is not None and state.order_month - month > 6:
        res.year += 1
        res.note(f"month {month} after running month {state.order_month}: next year", "medium")
    else:
        res.note(f"running year {state.year}", state.certainty)
    if m.month is None and m.day is not None and not m.leap:
        res.month, res.leap = state.month, state.leap
    era = _era_for_year(res.year, state, eras, prior)
    if era is not None:
        res.era, res.dynasty = era, era.dynasty
        res.era_year = res.year - era.start_year + 1


def _western(m, state, eras, calendar, res: _Res) -> None:
    year = m.western_year
    res.western = True
    if year is None:
        if state.year is None:
            res.guess("NO_RUNNING_DATE", "Western month/day without a year")
            return
        year = state.year
        res.note("Western year from running year", "medium")
    res.year, res.month, res.day = year, m.month, m.day
    gregorian = m.calendar == "gregorian"
    to_jdn = gregorian_to_jdn if gregorian else julian_to_jdn
    month_days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if m.month == 2 and not _is_leap_year(year, gregorian or year > 1582):
        month_days[1] = 28
    if m.month is not None and not 1 <= m.month <= 12:
        res.guess("INVALID_MONTH", f"month {m.month}")
        return
    if m.day is not None and m.month is not None and not 1 <= m.day <= month_days[m.month - 1]:
        res.guess("INVALID_DAY", f"day {m.day} of month {m.month} does not exist in {year}")
        return
    if m.month and m.day:
        first = last = to_jdn(year, m.month, m.day)
    elif m.month:
        first = to_jdn(year, m.month, 1)
        last = to_jdn(year + (m.month == 12), m.month % 12 + 1, 1) - 1
    else:
        first, last = to_jdn(year, 1, 1), to_jdn(year + 1, 1, 1) - 1
    if not gregorian and first >= GREGORIAN_REFORM_JDN:
        first, last = (gregorian_to_jdn(year, m.month or 1, m.day or 1), last)
        if m.month and m.day:
            last = first
        elif m.month:
            last = gregorian_to_jdn(year + (m.month == 12), m.month % 12 + 1, 1) - 1
        else:
            last = gregorian_to_jdn(year + 1, 1, 1) - 1
        res.basis.append("Western date read as Gregorian (after 1582)")
    elif not gregorian:
        res.basis.append("Western date read as Julian (before 1582)")
    else:
        res.basis.append("Gregorian date (text says so)")
    res.jdn = (first, last)


JAPAN_STREAM, JAPAN_GREGORIAN_FROM = 4, 1873  # Japan counts Gregorian years from Meiji 6


def _calendar_range(res: _Res, m: DateMention, stream: int, calendar: LunarCalendar) -> None:
    """Fill ``res.jdn`` from the lunar calendar (day > month > season > year)."""
    if res.year is None:
        return
    if stream == JAPAN_STREAM and res.year >= JAPAN_GREGORIAN_FROM:
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
        res.note("Japanese era year after 1872: Gregorian calendar")
        return
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
                res.guess("LEAP_MONTH_NOT_FOUND", f"no leap month {res.month} in {res.year}")
                res.leap = False
                rng = calendar.month_jdn_range(stream, res.year, res.month, False)
        if rng is not None and res.day is None and (m.last_day or m.cycle_day):
            _special_day(res, m, rng)
        if rng is not None and res.day is not None:
            jdn = calendar.day_jdn(stream, res.year, res.month, res.day, res.leap)
            if jdn is None:
                res.guess("INVALID_DAY", f"day {res.day} of lunar month {res.month}")
                res.day = None
            else:
                rng = (jdn, jdn)
        res.jdn = rng
        return
    if res.season:
        res.jdn = calendar.season_jdn_range(stream, res.year, res.season)
        return
    first = calendar.year_jdn_range(stream, res.year)
    last = calendar.year_jdn_range(stream, res.year_end or res.year)
    if first and last:
        res.jdn = (first[0], last[1])


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


def _check_stated(res: _Res, m: DateMention) -> None:
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
    res.guess("STATED_YEAR_CONFLICT", f"printed year {stated}, computed {res.year}")


def _row(m: DateMention, res: _Res, kind: str) -> DateRow:
    start, end = res.jdn if res.jdn else (None, None)
    return DateRow(
        doc_id="", sentence_id=-1, start=m.start, end=m.end, text=m.text, kind=kind,
        era=res.era.name if res.era else None,
        era_zh=res.era.name_zh if res.era else None,
        dynasty=res.era.dynasty if res.era else res.dynasty,
        era_year=res.era_year, year=res.year, year_end=res.year_end, month=res.month,
        leap_month=res.leap if res.month is not None and not res.western else None,
        day=res.day, season=res.season,
        date_start=jdn_to_gregorian(start) if start is not None else None,
        date_end=jdn_to_gregorian(end) if end is not None else None,
        julian_start=jdn_to_julian(start) if start is not None else None,
        julian_end=jdn_to_julian(end) if end is not None else None,
        stated_year=m.stated_year, conflict=res.conflict,
        basis="; ".join(res.basis), alternatives="; ".join(res.alternatives),
        certainty=res.certainty,
    )


def _update(state: RunningDate, res: _Res, m: DateMention, calendar: LunarCalendar) -> None:
    if res.year is None:
        return
    if res.western:
        state.certainty = res.certainty
        if res.jdn and res.day is not None:
            loc = calendar.locate(state.stream, res.jdn[0])
            if loc is not None:
                state.year, state.month, state.leap, state.day = loc
                state.order_month = state.month
                return
        state.year, state.month, state.leap, state.day = res.year, None, False, None
        state.order_month = None
        return
    if res.era is not None:
        state.era, state.dynasty, state.stream = res.era, res.era.dynasty, res.era.cal_stream
    elif res.dynasty:
        state.dynasty = res.dynasty
    if res.stream is not None:
        state.stream = res.stream
    state.year = res.year_end or res.year
    state.month = res.month
    state.leap = res.leap if res.month is not None else False
    state.day = res.day
    state.order_month = res.month
    state.certainty = res.certainty
    if res.season and res.month is None:
        state.order_month = _SEASON_FIRST.get(res.season)


def _resolve_one(
    m: DateMention, state: RunningDate, eras: EraTable, calendar: LunarCalendar,
    prior: Counter[str], ahead: Era | None = None,
) -> _Res:
    res = _Res()
    if m.kind == "gregorian":
        _western(m, state, eras, calendar, res)
        return res
    if m.kind == "explicit":
        _explicit(m, state, eras, prior, res)
    elif m.kind == "reign":
        _reign(m, state, eras, prior, res)
    elif m.kind == "sexagenary":
        _sexagenary(m, state, eras, res, ahead, prior)
    elif m.kind == "inherited":
        _inherited(m, state, eras, prior, res)
    elif m.kind == "relative":
        _relative(m, state, eras, calendar, res, prior)
    else:
        _bare(m, state, eras, res, prior)
    if m.month is not None:
        res.month, res.leap = m.month, m.leap
    elif m.leap and res.month is None and state.month is not None and m.kind == "month":
        res.month, res.leap = state.month, True
    if m.day is not None:
        res.day = m.day
    if m.season:
        res.season = m.season
    stream = _stream(res, state, eras)
    _calendar_range(res, m, stream, calendar)
    _check_stated(res, m)
    return res


def resolve_dates(
    mentions: list[DateMention], eras: EraTable, calendar: LunarCalendar
) -> tuple[list[DateRow], list[WarningRow]]:
    """Resolve mentions (as returned by find_date_mentions) in document order.

    Returns one DateRow per date mention (``kind="dynasty"`` context mentions give none) and
    the warnings; ``doc_id=""`` and ``sentence_id=-1`` are for the caller to fill in.
    """
    eras = _Memo(eras)  # type: ignore[assignment]
    prior = _prior(mentions, eras)
    state = RunningDate()
    rows: list[DateRow] = []
    warnings: list[WarningRow] = []
    ordered = sorted(mentions, key=lambda x: (x.start, x.end))
    ahead_at: list[Era | None] = [None] * len(ordered)  # the next era named, for each mention
    nxt: Era | None = None
    for i in range(len(ordered) - 1, -1, -1):
        ahead_at[i] = nxt
        if ordered[i].era:
            cands = eras.candidates(ordered[i].era)
            if cands:
                nxt = max(cands, key=lambda e: (_dyn_score(e, eras, prior), e.length))
    for i, m in enumerate(ordered):
        if m.kind in ("dynasty", "era_context"):
            continue
        try:
            if m.kind == "range" and len(m.parts) == 2:
                a = _resolve_one(m.parts[0], state, eras, calendar, prior)
                _update(state, a, m.parts[0], calendar)
                b = _resolve_one(m.parts[1], state, eras, calendar, prior)
                _update(state, b, m.parts[1], calendar)
                res = replace(
                    a, year_end=b.year_end or b.year if b.year != a.year else None,
                    jdn=(a.jdn[0], b.jdn[1]) if a.jdn and b.jdn else None,
                    month=a.month if a.month == b.month else a.month,
                    basis=a.basis + ["range end: " + "; ".join(b.basis)],
                    alternatives=a.alternatives + b.alternatives,
                    warnings=a.warnings + b.warnings,
                    conflict=a.conflict or b.conflict,
                )
                if a.month != b.month or a.year != b.year:
                    res = replace(res, month=None, day=None, leap=False)
                if a.jdn and b.jdn and b.jdn[1] < a.jdn[0]:
                    res.guess("RANGE_REVERSED", "the range ends before it begins")
                    res.year_end, res.jdn = None, None
                res.levels = a.levels + b.levels
                kind = "range"
            else:
                res = _resolve_one(m, state, eras, calendar, prior, ahead_at[i])
                _update(state, res, m, calendar)
                kind = m.kind
        except (ValueError, KeyError, TypeError, IndexError) as exc:  # never crash on bad input
            warnings.append(WarningRow("", m.start, m.end, "DATE_NOT_RESOLVED", repr(exc)))
            continue
        rows.append(_row(m, res, kind))
        for code, message in res.warnings:
            warnings.append(WarningRow("", m.start, m.end, code, f"{m.text!r}: {message}"))
    return rows, warnings
