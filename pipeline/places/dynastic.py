"""Capital names several dynasties reused (Dongjing, Xijing, Nanjing, Shangjing, Beijing),
read by the running year and the dynasties named in the paragraph.

The entity stage reads "Dongjing of the Liao" by the dynasty named beside it; without one it
takes the gazetteer's default reading (``places.csv``: the first row without context). This
stage looks again at such mentions: the readings whose period of use
(``gazetteer/capital_periods.csv``: canonical, alias, dynasty, start_year, end_year) holds the
running year, narrowed to the dynasties the paragraph names (POLITY mentions, matched through
``dynasties.csv`` aliases and parents: "Northern Song" is also "Song"). When exactly one
reading remains and it differs from the entity's, the mention's ``canonical`` is changed and
a ``PLACE_READING_GUESSED`` warning says why (a guess, never silent).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import GAZETTEER, PlaceGloss, _read
from pipeline.places.rows import outside_glosses
from pipeline.records import EntityRow, WarningRow

PARAGRAPH_REACH = 1500  # characters either side of a mention at most


@dataclass(frozen=True)
class CapitalPeriod:
    """One row of ``capital_periods.csv``: ``alias`` named ``canonical`` under ``dynasty`` from
    ``start_year`` to ``end_year`` (CE, astronomical, inclusive)."""

    canonical: str
    alias: str
    dynasty: str
    start_year: int
    end_year: int


@dataclass(frozen=True)
class CapitalTables:
    """Periods by lower-case alias; the default reading of each alias (``places.csv``); the
    dynasty family (itself and its parents) of every dynasty name or alias."""

    periods: Mapping[str, tuple[CapitalPeriod, ...]]
    defaults: Mapping[str, str]
    families: Mapping[str, frozenset[str]]


@lru_cache(maxsize=2)
def load_capital_tables(gazetteer: Path = GAZETTEER) -> CapitalTables:
    """Read ``capital_periods.csv``, ``places.csv`` and ``dynasties.csv`` (empty tables when
    ``capital_periods.csv`` is absent)."""
    path = gazetteer / "capital_periods.csv"
    periods: dict[str, list[CapitalPeriod]] = {}
    if path.is_file():
        for row in _read(path):
            period = CapitalPeriod(row["canonical"], row["alias"], row["dynasty"],
                                   int(row["start_year"]), int(row["end_year"]))
            periods.setdefault(period.alias.lower(), []).append(period)
    defaults: dict[str, str] = {}
    for row in _read(gazetteer / "places.csv"):
        if row["context"].strip():
            continue
        for alias in [row["canonical"], *row["aliases"].split("|")]:
            if alias.lower() in periods:
                defaults.setdefault(alias.lower(), row["canonical"])
    parents: dict[str, str] = {}
    names: dict[str, str] = {}
    rows = _read(gazetteer / "dynasties.csv")
    for row in rows:  # a dynasty's own name, then default_for ("Jin" is the Jurchen Jin),
        parents[row["dynasty"]] = row["parent"]  # then the first row with the alias
        names[row["dynasty"]] = row["dynasty"]
    for row in rows:
        for alias in row["default_for"].split("|"):
            if alias.strip():
                names.setdefault(alias.strip(), row["dynasty"])
    for row in rows:
        for alias in row["aliases"].split("|"):
            if alias.strip():
                names.setdefault(alias.strip(), row["dynasty"])
    families: dict[str, frozenset[str]] = {}
    for alias, dynasty in names.items():
        family = {dynasty}
        while parents.get(dynasty):
            dynasty = parents[dynasty]
            family.add(dynasty)
        families[alias] = frozenset(family)
    return CapitalTables({k: tuple(v) for k, v in periods.items()}, defaults, families)


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind("\n\n", 0, start), start - PARAGRAPH_REACH, 0)
    hi = text.find("\n\n", end)
    hi = min(hi if hi >= 0 else len(text), end + PARAGRAPH_REACH)
    return lo, hi


def reread_capitals(entities: Sequence[EntityRow], text: str,
                    year_at: Callable[[int], int | None],
                    glosses: Sequence[PlaceGloss] = (), *,
                    tables: CapitalTables | None = None
                    ) -> tuple[list[EntityRow], list[WarningRow]]:
    """``entities`` with reused capital names re-read by date and paragraph, and one warning
    per changed mention.

    ``text``: the text the entity offsets index; ``year_at``: offset -> running CE year or
    None. Only PLACE mentions still holding the default reading (no dynasty or gloss beside
    them chose another) and not inside a gloss of ``glosses`` ("(modern-day Nanjing)" names
    today's city) are looked at. Returns new lists; the input is not changed.
    """
    tab = tables or load_capital_tables()
    if not tab.periods:
        return list(entities), []
    polities = [e for e in entities if e.label == "POLITY" and
                (e.canonical in tab.families or e.text in tab.families)]
    out: list[EntityRow] = []
    warnings: list[WarningRow] = []
    outside = {id(e) for e in outside_glosses(entities, glosses)}
    for e in entities:
        alias = " ".join(text[e.start:e.end].split()).lower()
        periods = tab.periods.get(alias, ()) if e.label == "PLACE" else ()
        if not periods or e.canonical != tab.defaults.get(alias, e.canonical) \
                or id(e) not in outside:
            out.append(e)
            continue
        year = year_at(e.start)
        lo, hi = _paragraph(text, e.start, e.end)
        named = frozenset().union(*(tab.families.get(p.canonical) or tab.families[p.text]
                                    for p in polities if lo <= p.start < hi))
        in_use = [p for p in periods if year is not None and p.start_year <= year <= p.end_year]
        chosen, basis = "", ""
        fitting = [p for p in (in_use if year is not None else periods)
                   if tab.families.get(p.dynasty, frozenset({p.dynasty})) & named]
        if len({p.canonical for p in fitting}) == 1:
            chosen = fitting[0].canonical
            basis = (f"the dynasty named in the paragraph ({fitting[0].dynasty})"
                     + (f" and the running year {year}" if year is not None else ""))
        elif not fitting and len({p.canonical for p in in_use}) == 1:
            chosen = in_use[0].canonical
            basis = f"the running year {year} ({in_use[0].dynasty} name)"
        if chosen and chosen != e.canonical:
            out.append(dataclasses.replace(e, canonical=chosen))
            warnings.append(WarningRow(
                e.doc_id, e.start, e.end, "PLACE_READING_GUESSED",
                f"{text[e.start:e.end]!r} read as {chosen} (instead of {e.canonical}) from "
                f"{basis}; no dynasty is named beside it"))
        else:
            out.append(e)
    return out, warnings
