"""Read and validate a gazetteer folder into a :class:`~pipeline.gazetteer.Gazetteer`
(cached per folder while its files are unchanged)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from ..gazetteer_schema import validate_gazetteer
from ..resources import folder_stamps
from .derived import _derived_entries, _lifetime_entries, _postal_entries
from .files import (
    _DERIVED_FILES,
    _FILES,
    DATE_WORDS_FILE,
    ERAS_FILE,
    LEXICON_FILE,
    LEXICON_KINDS,
    MODERN_PLACES_FILE,
    PERSON_YEARS_FILE,
    POSTAL_PLACES_FILE,
    ROMANIZATIONS_FILE,
    WORLD_PLACES_FILES,
    GazetteerError,
    _read_rows,
    _split,
)
from .model import Gazetteer, GazetteerEntry, default_gazetteer_dir
from .word_sets import _cycle_forms, _known_places, _with_compound_surnames


def load_gazetteer(gazetteer_dir: Path | None = None) -> Gazetteer:
    """Read and validate all gazetteer files; raise GazetteerError naming file and line.

    Cached per folder while its files are unchanged (:func:`~pipeline.resources.folder_stamps`:
    names, sizes, times): the stages that share one folder read and validate it once."""
    base = Path(gazetteer_dir) if gazetteer_dir is not None else default_gazetteer_dir()
    return _load_gazetteer(base, folder_stamps(base))


@lru_cache(maxsize=8)
def _load_gazetteer(base: Path, _stamps: tuple[tuple[str, int, int], ...]) -> Gazetteer:
    validate_gazetteer(base)  # every file, not only these: header, required values, types
    entries: list[GazetteerEntry] = []
    files = [(label, name, columns) for label, (name, columns) in _FILES.items()]
    files += [f for f in _DERIVED_FILES if (base / f[1]).is_file()]
    for label, name, columns in files:
        path = base / name
        for line, row in _read_rows(path, columns):
            canonical = row["canonical"]
            if not canonical:
                raise GazetteerError(f"{path}:{line}: empty canonical name")
            context = tuple(_split(row.get("context", "")))
            # the canonical name is an unconditional alias unless it carries a "(qualifier)"
            aliases = [] if "(" in canonical else [(canonical, ())]
            aliases += [(a, context) for a in _split(row["aliases"]) if a != canonical]
            for alias, alias_context in aliases:
                entries.append(GazetteerEntry(
                    label=label, canonical=canonical, alias=alias,
                    polity=row.get("polity", ""), zh=row.get("zh", ""),
                    modern=row.get("modern", ""), province=row.get("province", ""),
                    context=alias_context, note=row.get("note", ""),
                    source=f"{name}:{line}",
                ))
    entries.extend(_derived_entries(base / ROMANIZATIONS_FILE, entries))
    entries.extend(_lifetime_entries(base / PERSON_YEARS_FILE, entries))
    lexicon: dict[str, list[str]] = {}
    lex_path = base / LEXICON_FILE
    for line, row in _read_rows(lex_path, ("kind", "value", "note")):
        kind, value = row["kind"], row["value"]
        if kind not in LEXICON_KINDS:
            raise GazetteerError(f"{lex_path}:{line}: unknown kind {kind!r}")
        if not value:
            raise GazetteerError(f"{lex_path}:{line}: empty value")
        if kind == "label_map" and "=" not in value:
            raise GazetteerError(f"{lex_path}:{line}: label_map value must be MODEL=LABEL")
        lexicon.setdefault(kind, []).append(value)
    era_names: set[str] = set()
    eras_path = base / ERAS_FILE  # owned by the date stage; optional here
    if eras_path.is_file():
        with eras_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                era_names.update(_split(row.get("romanizations") or ""))
    entries.extend(_postal_entries(base / POSTAL_PLACES_FILE, entries, era_names))
    modern: set[str] = set()
    modern_path = base / MODERN_PLACES_FILE  # owned by the place stage; optional here
    if modern_path.is_file():
        with modern_path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("name")]
        # urban districts (区) only when some county/city has the name too: district names
        # are generic ("Shizhong" 市中, "Chengguan", "Gulou") and read as offices or words
        modern.update(r["name"] for r in rows if not (r.get("name_zh") or "").endswith("区"))
    world: set[str] = set()
    for name in WORLD_PLACES_FILES:  # owned by the place stage; optional here
        if (base / name).is_file():
            with (base / name).open(encoding="utf-8", newline="") as fh:
                world.update(r["name"] for r in csv.DictReader(fh)
                             if r.get("name") and r.get("country") != "CN")
    known, postal = _known_places(base, rows if modern_path.is_file() else [])
    lexicon["clan_surname"] = _with_compound_surnames(
        base, lexicon.get("clan_surname", []), entries,
        era_names | {w for t in lexicon.get("person_title", []) for w in t.split()}, known)
    stems: list[tuple[int, str]] = []
    branches: list[tuple[int, str]] = []
    words_path = base / DATE_WORDS_FILE  # owned by the date stage; optional here
    if words_path.is_file():
        with words_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("category") in ("heavenly_stem", "earthly_branch") and \
                        (row.get("value") or "").isdigit():
                    target = stems if row["category"] == "heavenly_stem" else branches
                    target.append((int(row["value"]), row["word"].lower()))
    stems, branches = _cycle_forms(stems, words_path, True), _cycle_forms(branches, words_path)
    sexagenary = {s + b for i, s in stems for j, b in branches if i % 2 == j % 2}
    by_alias: dict[str, list[GazetteerEntry]] = {}
    for entry in entries:
        by_alias.setdefault(entry.alias, []).append(entry)
    return Gazetteer(
        entries=tuple(entries),
        lexicon=MappingProxyType({k: tuple(v) for k, v in lexicon.items()}),
        by_alias=MappingProxyType({k: tuple(v) for k, v in by_alias.items()}),
        era_names=frozenset(era_names),
        modern_places=frozenset(modern),
        sexagenary=frozenset(sexagenary),
        source_dir=base,
        world_places=frozenset(world),
        known_places=known,
        postal_places=MappingProxyType(postal),
    )

