"""Western dates and printed CE years (kind ``gregorian``): :func:`_western` reads them
(Julian before 1582-10-15, Gregorian after, unless the text says "Gregorian calendar");
:func:`check_bare_year` checks a bare number read as a year against the running date."""

from __future__ import annotations

from pipeline.calendar import gregorian_to_jdn, julian_to_jdn

from .bare import ARTICLE_DOUBT
from .bc import BC_DOUBTS, bc_evidence
from .days import _check_cycle_year, _is_leap_year
from .far_years import FAR_DOUBT, FAR_LUNAR_DOUBT
from .lexicon import load_lexicon
from .mtdigits import MT_DOUBT
from .ocr import OCR_BC_DOUBTS, OCR_CE_DOUBT, OCR_DOUBT, OCR_MONTH_NAME_DOUBT, read_ocr_year
from .state import GREGORIAN_REFORM_JDN, _Res

_OCR = (OCR_DOUBT, OCR_CE_DOUBT, OCR_MONTH_NAME_DOUBT, *OCR_BC_DOUBTS)

NEAR_RUNNING = 100  # a doubtful bare year this near the running year is supported by it


def check_bare_year(m, year: int, state, res: _Res) -> bool:
    """A bare number read as a year with a doubt (``m.year_doubt``: "after 'of'", "leading
    zero"): supported when a running year is known and within :data:`NEAR_RUNNING` years
    (then medium, warned ``BARE_YEAR_UNSURE``). Unsupported: a weak-preposition year stays,
    low; a leading-zero number, or one opening a sentence before a comma and an article
    ("200, the second section": ``ARTICLE_DOUBT``), is no year (False: the row keeps no year)."""
    near = state.year is not None and abs(year - state.year) <= NEAR_RUNNING
    why = f"{m.text!r} ({m.year_doubt})"
    if near:
        res.guess("BARE_YEAR_UNSURE", f"{why} read as a year: near the running year "
                  f"{state.year}", "medium", basis=f"bare number as a year ({m.year_doubt}), "
                  "near the running year")
        return True
    if m.year_doubt in ("leading zero", ARTICLE_DOUBT):  # "0844", "200, the second section"
        res.guess("BARE_YEAR_UNSURE", f"{why} not read as a year: no running date near it")
        return False
    res.guess("BARE_YEAR_UNSURE", f"{why} read as a year without support from the running "
              "date", basis=f"bare number as a year ({m.year_doubt}), no support")
    return True


def _western(m, state, eras, calendar, res: _Res) -> None:
    year = m.western_year
    res.western = True
    if m.year_doubt in _OCR:  # "In 1SS4", "B.C. l54"
        year = read_ocr_year(m, state, res, load_lexicon())
        if year is None:
            return
    if year is None:
        if state.year is None:
            res.guess("NO_RUNNING_DATE", "Western month/day without a year")
            return
        year = state.year
        res.inherit("Western year from running year", state, "medium",
                    "WESTERN_YEAR_FROM_RUNNING_DATE")
    if m.year_doubt == MT_DOUBT:  # "/kloc-0/848": a machine-translation code repaired
        res.guess("GARBLED_DIGITS_REPAIRED", f"{m.text!r} read as {year}: digits garbled by "
                  "machine translation, repaired by the codes' known readings", "medium",
                  basis=f"garbled digits repaired: {m.text} = {year}")
    elif m.year_doubt == FAR_LUNAR_DOUBT:  # "October 2002, the ninth day" (.far_years)
        res.guess("WESTERN_YEAR_FAR", f"the year {year} is {m.year_doubt}: a Chinese month and "
                  "day whose era year was garbled into a Western year (machine translation): "
                  "no year", basis=f"Western year {year} far from the text's other dates, "
                  "before a lunar day: no year")
        return
    elif m.year_doubt == FAR_DOUBT:  # "October 2002" in a text on 1120 (.far_years)
        res.guess("WESTERN_YEAR_FAR", f"the year {year} is {m.year_doubt}: "
                  "kept as written, not used as the running date",
                  basis=f"Western year {year} far from the text's other dates")
    elif m.year_doubt in BC_DOUBTS:  # "Zhao in 228" after "230 BC" (.bc)
        bc_evidence(m, res)
    elif (m.year_doubt and m.year_doubt not in _OCR
          and not check_bare_year(m, year, state, res)):
        return
    res.year, res.month, res.day = year, m.month, m.day
    if m.approx:  # "c. 1100", "circa 1127"
        res.guess("YEAR_APPROXIMATE", "the text gives the year as approximate",
                  "medium", basis="approximate year")
    if m.month is None:  # "In 1884, the Kapsin year" (a January day may be the year before)
        _check_cycle_year(res, m)
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
        res.day = None  # the printed year and month stay; the impossible day does not
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
