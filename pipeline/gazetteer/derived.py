"""Entries from the derived and other stages' files: the spellings of
``name_romanizations.csv``, the persons of ``person_years.csv``, the postal spellings of
``postal_places.csv`` (each file optional; hand-kept aliases win)."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

from .files import (
    _FILES,
    MODERN_PLACES_FILE,
    PERSON_YEARS_FILE,
    POSTAL_PLACES_FILE,
    ROMANIZATIONS_FILE,
    _read_rows,
    _split,
)
from .model import GazetteerEntry


def _derived_entries(path: Path, entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Entries for the derived spellings of ``name_romanizations.csv`` (optional file): each
    a copy of its canonical's default entry (the first without context) with the new alias.
    A spelling that is already a hand-kept alias is skipped (hand-kept aliases win). The postal
    spelling of a current city (file ``modern_places.csv``, style ``postal``: "Amoy") is a
    PLACE whose canonical is the city's current name ("Xiamen"; the place stage geocodes it
    through the same file), unless that name is borne by several current places or is an alias
    of another entry: "Foochow" (福州) stays "Foochow", since "Fuzhou" is also 抚州."""
    if not path.is_file():
        return []
    files = {name: label for label, (name, _) in _FILES.items()}
    default: dict[tuple[str, str], GazetteerEntry] = {}
    for entry in entries:
        key = (entry.label, entry.canonical)
        if key not in default or (default[key].context and not entry.context):
            default[key] = entry
    taken = {e.alias for e in entries}
    out = []
    rows = list(_read_rows(path, ("file", "canonical", "zh", "province", "alias", "style")))
    cities: dict[str, set[str]] = {}  # current name -> its places (characters)
    for _, row in rows:
        if row["file"] == MODERN_PLACES_FILE:
            cities.setdefault(row["canonical"], set()).add(row["zh"])
    for line, row in rows:
        if row["file"] == MODERN_PLACES_FILE and row["style"] == "postal" \
                and row["alias"] not in taken:  # "Amoy", "Foochow": a current city's postal
            taken.add(row["alias"])             # name is a PLACE of that spelling
            one = len(cities.get(row["canonical"], ())) == 1 and row["canonical"] not in taken
            out.append(GazetteerEntry(label="PLACE",
                                      canonical=row["canonical"] if one else row["alias"],
                                      alias=row["alias"], zh=row["zh"], modern=row["canonical"],
                                      province=row["province"],
                                      source=f"{ROMANIZATIONS_FILE}:{line}"))
            continue
        label = files.get(row["file"])
        base = default.get((label, row["canonical"])) if label else None
        if base is None or row["alias"] in taken:
            continue
        out.append(replace(base, alias=row["alias"], context=(),
                           source=f"{ROMANIZATIONS_FILE}:{line}"))
    return out



def _lifetime_entries(path: Path, entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """PERSON entries for the names of ``person_years.csv`` (``canonical,aliases,born,died,
    note``) that no persons.csv row spells: a person with known life years is a person ("Zheng
    He", whose first word is also a state and whose second is an English word). Empty without
    the file."""
    if not path.is_file():
        return []
    spelled = {e.alias for e in entries}
    out: list[GazetteerEntry] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            canonical = (row.get("canonical") or "").strip()
            names = [canonical] + list(_split(row.get("aliases") or ""))
            if not canonical or any(n in spelled for n in names):
                continue
            out.extend(GazetteerEntry(label="PERSON", canonical=canonical, alias=n,
                                      note=row.get("note", ""),
                                      source=f"{PERSON_YEARS_FILE}:{line}")
                       for n in dict.fromkeys(names))
    return out


def _postal_entries(path: Path, entries: list[GazetteerEntry],
                    era_names: set[str]) -> list[GazetteerEntry]:
    """PLACE entries for the postal spellings of late-Qing seats (``postal_places.csv``, style
    ``postal``: "Hengchow", "Kweilin"), each of its own spelling (the place stage reads it as
    the CHGIS units it names); none for a spelling already an alias or an era name."""
    if not path.is_file():
        return []
    taken = {e.alias for e in entries} | era_names
    out = []
    for line, row in _read_rows(path, ("alias", "style", "name", "zh", "kind", "province",
                                       "tgaz_id")):
        if row["style"] == "postal" and row["alias"] not in taken:
            taken.add(row["alias"])
            out.append(GazetteerEntry(label="PLACE", canonical=row["alias"], alias=row["alias"],
                                      zh=row["zh"], province=row["province"],
                                      source=f"{POSTAL_PLACES_FILE}:{line}"))
    return out

