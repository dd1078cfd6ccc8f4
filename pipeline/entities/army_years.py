"""Army readings of the gazetteer that the dates of the text rule out.

``armies.csv`` names the armies of one polity: "Eastern Route Army" is the Jin's 東路軍 of
the 1125 invasion, but the Mongol fleet of 1281 had an Eastern Route Army too, and the
PhraseMatcher reads the alias wherever it is written, giving the Jin as the side of the
invaders of Japan. An army exists only while its polity does. Once the dates are known (the
years of the sentence, else the running year: the ``years_at`` of
:func:`pipeline.entities.periods.refuse_far_rulers`), :func:`refuse_far_armies` checks each
ARMY row whose canonical is an ``armies.csv`` row against the years of that row's polity:
the reigns (``rulers.csv``, sanmiao; ``dynasties.csv`` groups) of the dynasties whose Chinese
name is the ``polities.csv`` Chinese name of the polity (Jin 金 -> 1115–1234; Eastern Jin,
an alias of "Jin (266-420)" 晉 -> 266–420). A mention dated more than ``MARGIN`` years
outside those years is no such army: its canonical becomes the name as written (no polity,
so no side in the events) and an ``ARMY_OUT_OF_PERIOD`` warning names the reading refused.
Both directions are checked: a later text on the army dates its sentences by the army's
years, so the sentence's own years fit. An army whose polity has no reigns in the tables is
left alone.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.entities.dynasty_years import zh_reign_years
from pipeline.records import EntityRow, WarningRow
from pipeline.resources import active_gazetteer_dir

CODE = "ARMY_OUT_OF_PERIOD"
MARGIN = 20  # years: an army is raised a little before its dynasty's first reign (or outlasts it)


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=2)
def army_spans(directory: Path) -> Mapping[str, tuple[int, int, str]]:
    """Army canonical (``armies.csv``) -> (first, last) reign year (astronomical) of its
    polity's dynasties and the polity's name; armies whose polity has no reigns are left
    out."""
    zh_of: dict[str, str] = {}
    for r in _rows(directory / "polities.csv"):
        zh = r.get("zh", "")
        for name in (r.get("canonical", ""), *(r.get("aliases") or "").split("|")):
            if name and zh:
                zh_of.setdefault(name, zh)
    years_of = zh_reign_years(directory)
    out: dict[str, tuple[int, int, str]] = {}
    for r in _rows(directory / "armies.csv"):
        name, polity = r.get("canonical", ""), r.get("polity", "")
        years = years_of.get(zh_of.get(polity, ""))
        if name and years is not None:
            out[name] = (years[0], years[1], polity)
    return out


def _show(year: int) -> str:
    return f"{1 - year} BCE" if year <= 0 else str(year)


def refuse_far_armies(entities: Sequence[EntityRow], years_at: Callable[[int], list[int]],
                      directory: Path | None = None
                      ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` with the army readings of the module docstring refused, and one warning
    row per refusal. ``years_at``: offset -> the years that date it (astronomical; [] when
    none); ``directory``: the gazetteer folder (None: the active one). New lists."""
    spans = army_spans(directory or active_gazetteer_dir())
    out: list[EntityRow] = []
    warnings: list[WarningRow] = []
    for e in entities:
        known = spans.get(e.canonical) if e.label == "ARMY" else None
        years = years_at(e.start) if known is not None else []
        if known is None or not years or (min(years) <= known[1] + MARGIN
                                          and max(years) >= known[0] - MARGIN):
            out.append(e)
            continue
        shown = _show(min(years)) + ("" if min(years) == max(years)
                                     else "–" + _show(max(years)))
        warnings.append(WarningRow(e.doc_id, e.start, e.end, CODE,
                                   f"{e.text!r} not read as {e.canonical} (the {known[2]}, "
                                   f"{_show(known[0])}–{_show(known[1])}): the text is dated "
                                   f"{shown}; canonical left as {e.text!r}"))
        out.append(dataclasses.replace(e, canonical=e.text))
    return out, warnings
