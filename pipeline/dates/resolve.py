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
* A sexagenary year with no era of its own takes the nearest evidence in the text
  (:mod:`.cycles`): the running date, or the next era named / year written, whichever stands
  in its own sentence, else its paragraph; the running date on a tie, unless it is a guess.
* Lunar dates use the era's calendar stream. A leap month missing from that stream is looked
  up in the other Chinese streams (texts often use another state's calendar).
* Western dates ("9 January 1127") are Julian before 1582-10-15 and Gregorian after, unless
  the text says "Gregorian calendar"; they also set the running Chinese date.
* A printed CE year that differs from the computed one sets ``conflict`` and adds a
  STATED_YEAR_CONFLICT warning, except when the printed year is the Western year of the
  mentioned month or day (months 11-12 often fall in the next Western year).
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import replace

from pipeline.calendar import (
    LunarCalendar,
    jdn_to_gregorian,
    jdn_to_julian,
)
from pipeline.eras import EraTable
from pipeline.records import DateRow, WarningRow

from .ages import resolve_age
from .choose import _explicit, _inherited, _stream
from .coarse import coarse_certainty
from .cycles import Anchor, anchor_of
from .datelines import needs_hints, read_this_year, this_year_hints
from .day_glosses import settle_cycle_gloss
from .days import _calendar_range, _check_gloss, _check_stated
from .era_jumps import check_era_jump
from .era_years import era_of_day, era_of_year
from .far_years import FAR_DOUBT
from .kinds import _bare, _reign, _relative, _sexagenary
from .mentions import DateMention
from .mtdigits import MT_DOUBT
from .ocr_context import read_ocr_month
from .phrases import OCR_STATED_DOUBT
from .print_repairs import OCR_DAY_CODE
from .printed import printed_year_wins
from .reigns import pick_ruler, ruler_of_era
from .state import _SEASON_FIRST, DEFAULT_STREAM, RunningDate, _dyn_score, _Memo, _prior, _Res
from .western_calendar import read_as_gregorian
from .western_months import flag_lunar, printed_months, resolve_western, western_text
from .western_seasons import western_winter
from .western_years import _western


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


_SELF_DATED = frozenset(("explicit", "inherited", "reign", "sexagenary"))


def _update(state: RunningDate, res: _Res, m: DateMention, calendar: LunarCalendar) -> None:
    if res.year is None:
        if res.jdn is None and m.kind in _SELF_DATED:
            state.unread = m.text  # later dates that inherit the running date are unsure
        return
    if not res.after_unread:
        state.unread = None  # a date read on its own: the narrative's date is known again
        state.unread_low = False
    state.where = m.where
    if m.kind in ("gregorian", "explicit", "inherited", "reign", "sexagenary", "range"):
        state.repaired = m.text if m.year_doubt == MT_DOUBT else None
    # a Western running date, not a printed "(229)" glossing a Chinese date (.western_months)
    state.western = ((res.year, res.month, res.day, res.jdn[0] if res.jdn else None)
                     if res.western and not m.text.startswith("(") else None)
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
    if res.era is not None or res.ruler is not None:
        state.ruler = res.ruler  # a new era named: "his reign" is then its ruler's
    if (res.era is None and res.ruler is not None and state.era is not None
            and res.ruler.dynasty != state.era.dynasty
            and state.era.era_id not in res.ruler.era_ids):
        state.era = None  # "the 22nd year of King Injo" after a Qing era: the king's own count
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


def _coarse_note(res: _Res, m: DateMention) -> None:
    """A decade or century read as its range of years (see :mod:`.coarse`)."""
    what = f"{m.coarse_part!r} of a {m.coarse}" if m.coarse_part else f"a {m.coarse}"
    level = coarse_certainty(m.coarse or "", m.coarse_part)
    basis = f"{what}: years {res.year}-{res.year_end}"
    if level == "high":
        res.note(basis)
    else:
        res.guess("DATE_APPROXIMATE", f"read as {what}, years {res.year}-"
                  f"{res.year_end}: the text gives no closer date", level, basis=basis)


def _resolve_one(
    m: DateMention, state: RunningDate, eras: EraTable, calendar: LunarCalendar,
    prior: Counter[str], ahead: tuple[Anchor, ...] = (), this_year: int | None = None,
) -> _Res:
    res = _Res()
    if (m := read_ocr_month(m, state, res)) is None:  # "the first moon of l053": no year read
        return res
    if m.kind == "gregorian":
        _western(m, state, eras, calendar, res)
        return res
    if m.kind == "age":  # "At the age of twenty-five" after "Nurhaci (1559–1626)"
        resolve_age(m, res)
        _calendar_range(res, m, DEFAULT_STREAM, calendar)
        return res
    if m.annual:  # "the Qingming holiday (April 4 - 6)": a date of every year (.annual)
        res.month, res.day = m.month, m.day
        res.guess("ANNUAL_DATE", "a yearly date (a holiday, a festival or "
                  "'every year' in its sentence): no year", basis="yearly date: no year")
        return res
    if resolve_western(m, state, res, calendar):  # "in March" after "12 February 1912"
        return res
    if m.unknown_name and m.kind == "month":  # "the twelfth month of Longfeng 12"
        res.guess("UNKNOWN_ERA", f"{m.unknown_name!r} is no known era: no year")
        res.basis.append(f"unknown era name {m.unknown_name!r}")
        res.month, res.leap = m.month, m.leap
        return res
    if m.kind == "explicit":
        _explicit(m, state, eras, prior, res)
    elif m.kind == "reign":
        _reign(m, state, eras, prior, res)
    elif m.kind == "sexagenary":
        _sexagenary(m, state, eras, res, ahead, prior)
    elif m.kind == "inherited":
        _inherited(m, state, eras, prior, res)
    elif m.kind == "relative" and this_year is not None:  # "this year" of a dated document
        read_this_year(m, state, this_year, res)
        era_of_year(res, state, eras, prior)
    elif m.kind == "relative":
        _relative(m, state, eras, calendar, res, prior)
    else:
        _bare(m, state, eras, res, prior, calendar)
    if m.month is not None:
        res.month, res.leap = m.month, m.leap
    elif m.leap and res.month is None and state.month is not None and m.kind == "month":
        res.month, res.leap = state.month, True
    if m.day is not None:
        res.day = m.day
    if m.season:
        res.season = m.season
    stream = _stream(res, state, eras)
    settle_cycle_gloss(res, m, stream, calendar)  # "On the day Bingshen (November 4th)"
    _calendar_range(res, m, stream, calendar)
    western_winter(res, m, stream, calendar)  # "the winter of 209 BC": not the Qin year's own
    if m.lunar_year is not None and m.era is None:  # an era the text wrote stays its label
        era_of_day(res, eras)  # "the sixth month of 1278": Xiangxing 1, not Jingyan 3
    _check_gloss(res, m)
    _check_stated(res, m)
    if m.year_doubt == OCR_STATED_DOUBT:  # "(A.D. l07)": the printed year is a repair
        res.guess("OCR_YEAR_GUESSED", f"{m.text!r}: printed year read as {m.stated_year} "
                  "(OCR's letter l or I for the digit 1)", "medium",
                  basis=f"printed year repaired from OCR: {m.stated_year}")
    printed_year_wins(res, m, calendar, stream)
    return res


def resolve_dates(
    mentions: list[DateMention], eras: EraTable, calendar: LunarCalendar,
    state: RunningDate | None = None,
) -> tuple[list[DateRow], list[WarningRow]]:
    """Resolve mentions (as returned by find_date_mentions) in document order.

    ``state``: the running date to start from (a document's context, or the end of the
    previous file of a work); it is updated in place to the running date at the end.

    Returns one DateRow per date mention (``kind="dynasty"`` context mentions give none) and
    the warnings; ``doc_id=""`` and ``sentence_id=-1`` are for the caller to fill in.
    """
    eras = _Memo(eras)  # type: ignore[assignment]
    prior = _prior(mentions, eras)
    state = state if state is not None else RunningDate()
    state.western_text = western_text(mentions)
    state.printed_months = printed_months(mentions)
    ordered = sorted(mentions, key=lambda x: (x.start, x.end))
    initial = copy.copy(state)
    rows, warnings = _fold(ordered, state, eras, calendar, prior, {})
    if needs_hints(ordered):  # "this year" in a memorial that ends with its date (.datelines)
        hints = this_year_hints(ordered, rows)
        if hints:
            state.__dict__.update(initial.__dict__)
            rows, warnings = _fold(ordered, state, eras, calendar, prior, hints)
    return read_as_gregorian(rows, warnings)  # a text whose lunar glosses are Gregorian


def _fold(
    ordered: list[DateMention], state: RunningDate, eras: EraTable, calendar: LunarCalendar,
    prior: Counter[str], hints: dict[int, int],
) -> tuple[list[DateRow], list[WarningRow]]:
    """One pass over ``ordered`` (see :func:`resolve_dates`); ``hints``: start offset of a
    "this year" phrase -> the year of its document's dateline (.datelines)."""
    rows: list[DateRow] = []
    warnings: list[WarningRow] = []
    # for each mention, the next era named and the next year written after it
    ahead_at: list[tuple[Anchor, ...]] = [()] * len(ordered)
    next_era: Anchor | None = None
    next_year: Anchor | None = None
    for i in range(len(ordered) - 1, -1, -1):
        ahead_at[i] = tuple(a for a in (next_era, next_year) if a is not None)
        found = anchor_of(ordered[i], eras, lambda e: (_dyn_score(e, eras, prior), e.length))
        if found is not None and found.era is not None:
            next_era = found
        elif found is not None:
            next_year = found
    for i, m in enumerate(ordered):
        if m.kind == "ruler_context":  # "King Sejong": the running ruler
            state.ruler = pick_ruler(m.ruler or "", state, eras, m.dynasty) or state.ruler
            continue
        if m.kind == "era_context":  # "the Kangxi Emperor": the running ruler, if one only
            state.ruler = ruler_of_era(m.era or "", eras) or state.ruler
            continue
        if m.kind == "dynasty":
            continue
        if m.kind == "relative" and m.rel_months is not None and state.month is None:
            # "In 1200 ... Two months later": months from no known month; not read
            m = replace(m, kind="unread")
        if m.kind == "time_clause":  # "... in 1421 and was minister when the Emperor was
            state.unread, state.unread_low = m.text, True  # taken": a later, undated time
            continue
        if m.kind == "unread":  # "In the Tianshengg 3rd year": a date phrase not read
            state.unread = m.text
            code, why = (("GARBLED_DIGITS", m.year_doubt) if m.year_doubt else  # .mtdigits
                         ("DATE_NOT_READ", "looks like a date but could not be read"))
            warnings.append(WarningRow("", m.start, m.end, code, f"{m.text!r}: {why}"))
            continue
        try:
            if m.kind == "range" and len(m.parts) == 2:
                # a printed span aside ("Li Renxiao (1149-69)") leaves the running date alone
                # so does a decade or century ("the 1120s"): no narrative date
                st = copy.copy(state) if m.aside or m.coarse else state
                a = _resolve_one(m.parts[0], st, eras, calendar, prior)
                _update(st, a, m.parts[0], calendar)
                b = _resolve_one(m.parts[1], st, eras, calendar, prior)
                _update(st, b, m.parts[1], calendar)
                flag_lunar(m.parts[0], a)  # after the update: the month's doubt, not the year's
                flag_lunar(m.parts[1], b)
                if m.aside and a.year is not None and b.year is not None:
                    state.span = (a.year, b.year_end or b.year)  # context for later guesses
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
                if m.coarse:
                    _coarse_note(res, m)
                    if m.coarse == "period":  # "in the Later Han": a dynasty as the date
                        kind = "period"
                if m.aside:
                    kind = "aside"
                    res.basis.append("printed span aside (a gloss on the name before it): "
                                     "not the narrative's date")
            else:
                res = _resolve_one(m, state, eras, calendar, prior, ahead_at[i],
                                   hints.get(m.start))
                jump = check_era_jump(m, res, state, ordered, eras, lambda x, i=i: _resolve_one(
                    x, state, eras, calendar, prior, ahead_at[i], hints.get(x.start)))
                if jump is not None and jump.year is None:  # "Jian 'an 2" in a text on 960
                    rows.append(_row(m, jump, m.kind))
                    warnings.extend(WarningRow("", m.start, m.end, code, f"{m.text!r}: {msg}")
                                    for code, msg in jump.warnings)
                    state.unread = m.text
                    continue
                res = jump or res
                if m.aside:  # "Died A.D. 934." heading an entry: no running date (.bare)
                    res.basis.append("a life date standing alone: not the narrative's date")
                elif m.parallel:  # "Shu: Ninth Year of Yen-hsi" below the main heading
                    res.basis.append("parallel era heading of another state: the running "
                                     "date stays the main heading's")
                elif (m.backdrop and res.year is not None and state.year is not None
                      and (res.year_end or res.year) < state.year):  # (.backdrop)
                    res.basis.append("in a past-perfect clause, earlier than the running "
                                     "year: background, not the narrative's date")
                elif m.year_doubt == FAR_DOUBT:  # "October 2002" in a text on 1120
                    pass  # (.far_years): not the running date
                elif m.kind == "day" and m.cycle_day and res.day is None:
                    pass  # a cycle day not in the running month: the running date stays
                elif m.kind != "age":  # a year derived from an age leaves the running date
                    _update(state, res, m, calendar)
                    if m.mt_order and res.western:  # "June 4, ..." read as Western, a guess:
                        state.month, state.day, state.leap = None, None, False  # no lunar day
                flag_lunar(m, res)  # "October" after an era date: a lunar month, a guess
                kind = "aside" if m.aside else m.kind
        except (ValueError, KeyError, TypeError, IndexError) as exc:  # never crash on bad input
            warnings.append(WarningRow("", m.start, m.end, "DATE_NOT_RESOLVED", repr(exc)))
            state.unread = m.text
            continue
        if m.ocr_digits:  # "the 3Oth of April" (.print_repairs)
            res.guess(OCR_DAY_CODE, f"{m.ocr_digits!r} read with OCR's letters as digits "
                      "(O for 0, l or I for 1)", "medium",
                      basis=f"OCR-garbled number read: {m.ocr_digits}")
        rows.append(_row(m, res, kind))
        for code, message in res.warnings:
            warnings.append(WarningRow("", m.start, m.end, code, f"{m.text!r}: {message}"))
    return rows, warnings
