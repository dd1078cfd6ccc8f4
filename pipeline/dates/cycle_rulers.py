"""A sexagenary year named with its ruler: "the Pyŏngin year of King Gojong", "the gengzi
year of Emperor Dezong of Tang" (issue 7, item 5): the cycle year within that ruler's reign.

Finding: a ``sexagenary`` mention without era or ruler, followed by "of [the reign of]
[King|Emperor|Queen|Empress] <Name> [of <Dynasty> [Dynasty]]" where Name is a ruler of
``rulers*.csv`` and no era (an era is read by the grammar: "the jiashen year of Chongzhen"),
is extended over that phrase with ``ruler`` (and ``dynasty``) set.

Resolving (:func:`cycle_in_reign`): the years of the reigns of the rulers so named (of the
dynasty named, if any) whose cycle is the one written; one such year: high; several (two
rulers of one name, or a reign over 60 years): the one nearest the running year (medium,
``CYCLE_YEAR_FROM_RUNNING_DATE``), else the earliest (low, ``RULER_CHOSEN_BY_DEFAULT``);
none: a warning (``CYCLE_YEAR_NOT_IN_REIGN``) and no year.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.eras import EraTable
from pipeline.rulers import Ruler, load_ruler_table, rules_written

from .reigns import _NAME, _TITLE

_OF_RULER = re.compile(
    rf"\s+of\s+(?:the\s+)?(?:reign\s+of\s+)?(?P<title>{_TITLE}\s+)?(?P<name>{_NAME})"
    r"(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][\wŏŭ']+(?:\s+[A-Z][\wŏŭ']+)?)(?:\s+[Dd]ynasty)?)?")
MIN_UNTITLED = 5  # letters a ruler's name needs without a title ("of Sejong", not "of Wu")


def attach_cycle_rulers(text: str, mentions: list, eras: EraTable) -> list:
    """``mentions`` with each sexagenary year followed by "of <ruler>" extended over it
    (``ruler`` and ``dynasty`` set); others unchanged, in order."""
    out = []
    for m in mentions:
        hit = (_OF_RULER.match(text, m.end)
               if m.kind == "sexagenary" and not m.era and not m.ruler else None)
        name = hit.group("name") if hit else ""
        if (hit is None or eras.candidates(name) or not load_ruler_table().find(name)
                or (not hit.group("title") and len(name) < MIN_UNTITLED)):
            out.append(m)
            continue
        dyn = hit.group("dyn") if hit.group("dyn") and eras.dynasty(hit.group("dyn")) else None
        end = hit.end() if dyn else hit.end("name")
        out.append(replace(m, end=end, text=text[m.start:end], ruler=name, dynasty=dyn))
    return out


def _reigns(m, eras: EraTable) -> list[Ruler]:
    found = load_ruler_table().find(m.ruler or "")
    if m.dynasty:
        found = [r for r in found if rules_written(r, m.dynasty, eras)] or found
    return found


def cycle_in_reign(m, state, eras: EraTable, res) -> None:
    """Set ``res`` (year, ruler, dynasty, era) for a sexagenary year ``m`` named with its
    ruler (``m.ruler``), see the module docstring."""
    from .days import year_cycle  # days imports mentions, which imports this module

    hits = sorted({(y, r) for r in _reigns(m, eras)
                   for y in range(r.first_year, r.reign_end + 1)
                   if year_cycle(y) == m.cycle_year}, key=lambda h: (h[0], h[1].ruler_id))
    if not hits:
        res.guess("CYCLE_YEAR_NOT_IN_REIGN", "that cycle year falls in no "
                  f"reign of a ruler called {m.ruler!r}")
        return
    year, ruler = hits[0]
    if len(hits) > 1 and state.year is not None:
        year, ruler = min(hits, key=lambda h: abs(h[0] - state.year))
        res.guess("CYCLE_YEAR_FROM_RUNNING_DATE", f"{len(hits)} such years in "
                  f"the reigns so named; the one nearest the running year {state.year}",
                  "medium", basis=f"sexagenary year nearest the running year {state.year}")
    elif len(hits) > 1:
        res.guess("RULER_CHOSEN_BY_DEFAULT", f"{len(hits)} such years in the "
                  "reigns so named; the earliest was taken",
                  basis="cycle year chosen by default (earliest)")
    res.year, res.ruler, res.dynasty = year, ruler, ruler.dynasty
    res.alternatives.extend(str(y) for y, _ in hits if y != year)
    own = [e for e in (eras.era_by_id(i) for i in ruler.era_ids) if e is not None]
    in_force = [e for e in own if e.start_year <= year <= e.end_year]
    if in_force:
        era = in_force[-1] if in_force[-1].start_year == year else in_force[0]
        res.era, res.era_year = era, year - era.start_year + 1
    res.note(f"sexagenary year within the reign of {ruler.label} ({ruler.dynasty})")
