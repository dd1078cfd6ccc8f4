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
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import GAZETTEER, PlaceGloss, _read, name_key
from pipeline.places.mentions import outside_glosses
from pipeline.records import EntityRow, PlaceRow, WarningRow

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
            for alias in row["alias"].split("|"):  # "Dongjing|Eastern Capital": one period
                period = CapitalPeriod(row["canonical"], alias.strip(), row["dynasty"],
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
        own = _dynasty_beside(e, polities, text, tab)
        if own:  # "the Eastern Capital of the Tang", "the Liao's Dongjing": read, no guess
            mine = [p for p in periods if tab.families.get(p.dynasty, frozenset()) & own]
            mine = [p for p in mine if p in in_use] or mine
            if len({p.canonical for p in mine}) == 1:
                if mine[0].canonical != e.canonical:
                    e = dataclasses.replace(e, canonical=mine[0].canonical)
                out.append(e)
                continue
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
            continue
        out.append(e)
        # a default not chosen by a context word, other than the city of that very name
        # ("Beijing", "Nanjing": today's city unless the date or a dynasty says otherwise)
        kept = tab.defaults.get(alias) == e.canonical and name_key(alias) != name_key(e.canonical)
        why = "" if chosen or year is None or not kept else _unresolved(
            fitting or in_use, periods, year)
        if why:
            warnings.append(WarningRow(
                e.doc_id, e.start, e.end, "PLACE_READING_GUESSED",
                f"{text[e.start:e.end]!r} kept as {e.canonical}, the gazetteer's default "
                f"reading, though {why}; no dynasty is named beside it"))
    return out, warnings


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_BEFORE = re.compile(r"(?:['’]s)?\s+")


def _dynasty_beside(e: EntityRow, polities: Sequence[EntityRow], text: str,
                    tab: CapitalTables) -> frozenset[str]:
    """The dynasty family of a POLITY written right beside a capital name ("Eastern Capital
    of the Tang", "the Song Eastern Capital", "the Liao's Dongjing"), else an empty set."""
    for p in polities:
        if (p.start >= e.end and _OF_THE.fullmatch(text[e.end:p.start])) or (
                p.end <= e.start and _BEFORE.fullmatch(text[p.end:e.start])):
            return tab.families.get(p.canonical) or tab.families.get(p.text, frozenset())
    return frozenset()


def _unresolved(readings: Sequence[CapitalPeriod], periods: Sequence[CapitalPeriod],
                year: int) -> str:
    """Why the default reading of a capital name is itself a guess in ``year`` ("" when it is
    not): several readings remain after the running year and the paragraph's dynasties, or
    no reading is in use in ``year`` though later ones are (after every period of ``periods``
    the name is read as today's city: no warning)."""
    names = sorted({f"{p.canonical} ({p.dynasty})" for p in readings})
    if len({p.canonical for p in readings}) > 1:
        return (f"{len(names)} readings are in use in {year} and the paragraph's dynasties "
                f"do not settle it: {', '.join(names)}")
    if not readings and year < max(p.end_year for p in periods):  # later: today's name
        return f"no capital of that name is known in {year}"
    return ""


def lower_guessed_readings(places: Sequence[PlaceRow], entities: Sequence[EntityRow],
                           warnings: Sequence[WarningRow]) -> list[PlaceRow]:
    """``places`` with certainty ``high`` lowered to ``medium`` for a place every mention of
    which is a capital name read by :func:`reread_capitals` (a ``PLACE_READING_GUESSED``
    warning at its offsets: the reading is a guess from the date and paragraph, never certain).
    ``entities``: the PLACE mentions the rows were built from (same offsets as ``warnings``)."""
    guessed = {(w.start, w.end) for w in warnings if w.code == "PLACE_READING_GUESSED"}
    spans: dict[str, set[tuple[int, int]]] = {}
    for e in entities:
        if e.label == "PLACE":
            spans.setdefault(e.canonical, set()).add((e.start, e.end))
    return [dataclasses.replace(p, certainty="medium")
            if p.certainty == "high" and spans.get(p.place) and spans[p.place] <= guessed
            else p for p in places]
