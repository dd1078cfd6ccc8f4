"""Name sets the loader derives from other files: compound clan surnames, every place name
of the place data (with the postal spellings), the spellings of the sexagenary syllables."""

from __future__ import annotations

import csv
from pathlib import Path

from .files import (
    HISTORICAL_PLACES_FILE,
    MODERN_PLACES_FILE,
    POSTAL_FILE,
    POSTAL_PLACES_FILE,
    ROMANIZATIONS_FILE,
)
from .model import GazetteerEntry


def _with_compound_surnames(base: Path, clans: list[str], entries: list[GazetteerEntry],
                            words: set[str], known: frozenset[str]) -> list[str]:
    """The lexicon's ``clan_surname`` values plus the romanized compound surnames of
    ``compound_surnames.csv`` (:mod:`pipeline.entities.surnames`: "Geshu", "Dugu", "Yuchi")
    that are none of ``words`` (eras, titles: "Chanyu"), no place of the place data
    (``known``: "Puyang", "Helan") and no other name of the gazetteer: a listed clan + any
    capitalised word is read as a person."""
    from pipeline.entities.surnames import load_compound_surnames  # noqa: PLC0415

    taken = {e.alias for e in entries} | words | known
    seen = {c.replace(" ", "").lower() for c in clans}
    out = list(clans)
    for romanized in load_compound_surnames(base).values():
        if romanized not in taken and romanized.lower() not in seen:
            seen.add(romanized.lower())
            out.append(romanized)
    return out


def _known_places(base: Path, modern_rows: list[dict[str, str]]
                  ) -> tuple[frozenset[str], dict[str, str]]:
    """(every place name of the place data, postal spelling -> current name); see
    :attr:`Gazetteer.known_places`. Missing files are skipped."""
    names = {r["name"] for r in modern_rows}
    postal: dict[str, str] = {}
    path = base / HISTORICAL_PLACES_FILE
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            names.update(r["name"] for r in csv.DictReader(fh)
                         if r.get("name") and r["name"][:1].isalpha())
    path = base / ROMANIZATIONS_FILE
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r.get("file") in (MODERN_PLACES_FILE, HISTORICAL_PLACES_FILE) and r.get("alias"):
                    names.add(r["alias"])
                    if r.get("style") == "postal" and r["file"] == MODERN_PLACES_FILE:
                        postal.setdefault(r["alias"], r["canonical"])
    path = base / POSTAL_FILE
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            names.update(r["postal"] for r in csv.DictReader(fh) if r.get("postal"))
    path = base / POSTAL_PLACES_FILE  # late-Qing seats: "Hengchow", "Kweilin"
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            names.update(r["alias"] for r in csv.DictReader(fh) if r.get("alias"))
    return frozenset(names), postal


def _cycle_forms(syllables: list[tuple[int, str]], words_path: Path,
                 stems: bool = False) -> list[tuple[int, str]]:
    """The syllables with the spellings the date stage derives from them ("Kabo", "Ŭryu":
    :func:`pipeline.dates.lexicon.cycle_spellings`)."""
    from pipeline.dates.lexicon import cycle_spellings  # noqa: PLC0415

    liaison: dict[str, str] = {}
    if stems and words_path.is_file():
        with words_path.open(encoding="utf-8", newline="") as fh:
            liaison = {r["word"]: r["value"] for r in csv.DictReader(fh)
                       if r.get("category") == "cycle_liaison"}
    forms = cycle_spellings({w: str(v) for v, w in syllables}, liaison)
    return [(int(v), w) for w, v in forms.items()]
