"""Years of the persons named near a cycle year: evidence for a sexagenary year that has no
era, ruler or running date of its own ("In the jiashen year, Li Zicheng's rebels entered
Beijing": the jiashen year of Li Zicheng's adult life is 1644).

Spans come from data, never from the sentence:

* ``gazetteer/person_years.csv`` (hand-kept; ``canonical,aliases,born,died,note``): a person's
  years of activity are ``born + ADULT`` .. ``died`` (the whole life if shorter); the aliases
  of the ``persons.csv`` row with the same canonical name count too.
* the rulers of the ruler tables (``rulers.csv``, ``rulers_korea.csv``, ``rulers_japan.csv``):
  a personal name of two words or more ("Zhu Youjian") spans the reign; so does a ruler named
  by a ``ruler_context`` mention ("King Sejong") or an ``era_context`` one ("the Chongzhen
  Emperor") when the name leaves one ruler.

A name given two spans that do not overlap (two persons) is not used. Names are matched as
whole words, case-sensitive. :func:`tag_lifetimes` sets ``DateMention.lifetimes`` on cycle-year
mentions without an era: ``(name, first year, last year, distance)``, distance 0 for a name in
the mention's sentence, 1 in its paragraph; the resolver (:func:`person_year`) takes the one
cycle year that falls in the spans of all the persons at the nearest distance; for a reign
year of a ruler name several rulers bore ("the third year of Wu Di"), a ruler whose reign
year falls in those spans is preferred (:func:`lived_then`).
"""

from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.resources import active_gazetteer_dir
from pipeline.rulers import load_ruler_table

from .days import year_cycle
from .near_rulers import PARAGRAPH_END, SENTENCE_END, around, named_rulers, shared_ruler
from .reigns import ruler_of_era

ADULT = 15  # years: a person named in a history acts from this age on

Span = tuple[int, int]


@lru_cache(maxsize=4)
def person_spans(directory: Path) -> dict[str, Span]:
    """Name as written -> (first, last) CE year of the person's activity (see the module
    docstring); names of two persons with spans apart are left out."""
    found: dict[str, list[Span]] = {}

    def add(name: str, span: Span) -> None:
        name = " ".join(name.split())
        if name:
            found.setdefault(name, []).append(span)

    years: dict[str, Span] = {}
    path = directory / "person_years.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                born, died = int(row["born"]), int(row["died"])
                span = (born + ADULT if born + ADULT <= died else born, died)
                years[row["canonical"]] = span
                for name in (row["canonical"], *row["aliases"].split("|")):
                    add(name, span)
    persons = directory / "persons.csv"
    if persons.exists() and years:
        with persons.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                span = years.get(row["canonical"])
                if span is not None:
                    for name in row["aliases"].split("|"):
                        if " " in name.strip():  # "Gaozong" alone names many
                            add(name, span)
    for r in load_ruler_table(directory).rulers:
        if " " in r.personal.strip():
            add(r.personal, (r.reign_start, r.reign_end))
    out: dict[str, Span] = {}
    for name, spans in found.items():
        lo, hi = max(s[0] for s in spans), min(s[1] for s in spans)
        if lo <= hi or len(set(spans)) == 1:  # one person (or spans that overlap)
            out[name] = (min(s[0] for s in spans), max(s[1] for s in spans))
    return out


@lru_cache(maxsize=4)
def _pattern(directory: Path) -> re.Pattern[str] | None:
    names = person_spans(directory)
    if not names:
        return None
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?=['’]s\b|[^\w'’-]|$)")  # "Li Zicheng's"


def _mention_spans(m, eras) -> list[tuple[str, Span]]:
    """The reign a ruler mention names, when it names one ruler only."""
    if m.kind == "ruler_context":
        rulers = named_rulers(m, eras)
        one = rulers[0] if len(rulers) == 1 else None
    elif m.kind == "era_context" and m.era:
        one = ruler_of_era(m.era, eras)
    else:
        return []
    return [(m.text, (one.reign_start, one.reign_end))] if one is not None else []


def tag_lifetimes(text: str, mentions: list, eras) -> list:
    """``mentions`` with ``lifetimes`` set on sexagenary mentions without an era and on reign
    mentions whose ruler name rulers of several dynasties bore (see the module docstring);
    others unchanged."""
    todo = [i for i, m in enumerate(mentions)
            if (m.kind == "sexagenary" and not m.era and m.cycle_year is not None)
            or shared_ruler(m, eras)]  # "the third year of Wu Di": nine rulers
    if not todo:
        return mentions
    directory = active_gazetteer_dir()
    pattern, spans = _pattern(directory), person_spans(directory)
    out = list(mentions)
    for i in todo:
        m = mentions[i]
        found: list[tuple[str, int, int, int]] = []
        for dist, unit in enumerate((SENTENCE_END, PARAGRAPH_END)):
            lo, hi = around(text, m.start, m.end, unit)
            hits: list[tuple[str, Span]] = []
            if pattern is not None:
                hits += [(h.group(), spans[h.group()]) for h in pattern.finditer(text, lo, hi)
                         if not m.start <= h.start() < m.end]
            hits += [h for o in mentions if lo <= o.start < hi for h in _mention_spans(o, eras)]
            if hits:
                found = [(n, a, b, dist) for n, (a, b) in dict(hits).items()]
                break
        if found:
            out[i] = replace(m, lifetimes=tuple(found))
    return out


def outside_all(year: int, lifetimes) -> str | None:
    """The persons (nearest distance) none of whose spans holds ``year``, as text; None when
    one does or none is named."""
    if not lifetimes:
        return None
    dist = min(lt[3] for lt in lifetimes)
    near = [lt for lt in lifetimes if lt[3] == dist]
    if any(a <= year <= b for _n, a, b, _d in near):
        return None
    return ", ".join(f"{n} ({a}-{b})" for n, a, b, _ in near)


def person_year(target: int, lifetimes) -> tuple[int | None, int, str]:
    """(CE year, distance, why) of cycle position ``target`` (1-60) from ``lifetimes``: the
    one year of that cycle position inside the span of every person named at the nearest
    distance; year None (why says so) when the spans hold none or several such years."""
    if not lifetimes:
        return None, 2, ""
    dist = min(lt[3] for lt in lifetimes)
    near = [lt for lt in lifetimes if lt[3] == dist]
    common: set[int] | None = None
    for _name, a, b, _d in near:
        years = {y for y in range(a, b + 1) if year_cycle(y) == target}
        common = years if common is None else common & years
    names = ", ".join(f"{n} ({a}-{b})" for n, a, b, _ in near)
    if not common:
        return None, dist, f"no such cycle year in the years of {names}"
    if len(common) > 1:
        return None, dist, (f"the years of {names} hold {len(common)} such cycle years: "
                            + ", ".join(map(str, sorted(common))))
    return common.pop(), dist, names


def lived_then(year: int, lifetimes) -> bool:
    """True if CE ``year`` falls in the span of a person named at the nearest distance."""
    if not lifetimes:
        return False
    dist = min(lt[3] for lt in lifetimes)
    return any(a <= year <= b for _n, a, b, d in lifetimes if d == dist)
