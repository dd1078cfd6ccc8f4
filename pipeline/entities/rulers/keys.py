"""The persons-independent keys of the rulers of a gazetteer folder (name, era and dynasty
keys, built once per folder while its files are unchanged) and :func:`surname_key`."""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from pipeline.eras import era_key
from pipeline.rulers import Ruler, load_ruler_table


def _name_forms(r: Ruler) -> set[str]:
    """Temple and posthumous forms of a ruler (not the personal name), as era_keys; for the
    Han posthumous names in 孝 also the name without it ("Wudi", "Wu" of 孝武帝)."""
    personal = era_key(r.personal) if r.personal else ""
    forms = {era_key(f) for f in r.romanizations} - {personal, ""}
    for f in list(forms):
        if f.startswith("xiao") and len(f) >= 6:
            forms.add(f[4:])
    return forms


def _stamps(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """(name, size, mtime in ns) of the files the ruler keys are read from."""
    out = []
    for name in ("rulers.csv", "ruler_names.csv", "eras.csv", "dynasties.csv"):
        try:
            st = (directory / name).stat()
        except OSError:
            continue
        out.append((name, st.st_size, st.st_mtime_ns))
    return tuple(out)


@dataclass(frozen=True)
class _RulerKeys:
    """The persons-independent part of a :class:`RulerIndex` (see :func:`_ruler_keys`)."""

    rulers: tuple[Ruler, ...]
    by_name: Mapping[str, tuple[Ruler, ...]]
    by_era: Mapping[str, tuple[Ruler, ...]]
    dynasty_keys: Mapping[int, frozenset[str]]
    default_keys: Mapping[int, frozenset[str]]
    era_words: frozenset[str]
    labels: Mapping[str, frozenset[int]]  # "<dynasty> <temple or posthumous>" -> ruler ids


@lru_cache(maxsize=4)
def _ruler_keys(gazetteer_dir: Path, stamps: tuple[tuple[str, int, int], ...]) -> _RulerKeys:
    """Name, era and dynasty keys of the rulers of ``gazetteer_dir`` (``stamps``: the files'
    sizes and times, so an edited file is read again)."""
    rulers = load_ruler_table(gazetteer_dir).rulers
    era_forms: dict[int, list[str]] = {}
    era_ruler: dict[int, tuple[str, str]] = {}  # era id -> (dynasty, ruler_zh) of eras.csv
    eras = gazetteer_dir / "eras.csv"
    if eras.is_file():
        with eras.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                forms = [x for x in (row.get("romanizations") or "").split("|") if x]
                era_forms[int(row["era_id"])] = forms
                era_ruler[int(row["era_id"])] = (row.get("dynasty", ""), row.get("ruler_zh", ""))
    # eras of a reign sanmiao's ruler table lacks (Ming Yingzong's first reign, Zhengtong) are
    # given to the ruler of the same dynasty and Chinese name
    eras_of: dict[int, set[int]] = {r.ruler_id: set(r.era_ids) for r in rulers}
    by_zh = {(r.dynasty, r.name_zh): r.ruler_id for r in rulers}
    for era_id, key in era_ruler.items():
        if key in by_zh:
            eras_of[by_zh[key]].add(era_id)
    aliases: dict[str, set[str]] = {}
    defaults: dict[str, set[str]] = {}
    parent: dict[str, str] = {}
    dyn_path = gazetteer_dir / "dynasties.csv"
    if dyn_path.is_file():
        with dyn_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                name = row["dynasty"]
                keys = {era_key(a) for a in (row.get("aliases") or "").split("|") if a}
                keys.add(era_key(name.split(" (")[0]))
                aliases[name] = keys
                defaults[name] = {era_key(a) for a in (row.get("default_for") or "").split("|")
                                  if a}
                parent[name] = row.get("parent") or ""
    dynasty_keys: dict[int, frozenset[str]] = {}
    default_keys: dict[int, frozenset[str]] = {}
    by_name: dict[str, list[Ruler]] = {}
    by_era: dict[str, list[Ruler]] = {}
    era_words: set[str] = set()
    labels: dict[str, set[int]] = {}
    for r in rulers:
        keys: set[str] = set()
        dflt: set[str] = set()
        name, seen = r.dynasty, set()
        while name and name not in seen:
            seen.add(name)
            keys |= aliases.get(name, {era_key(name.split(" (")[0])})  # "Qin (state)": qin
            dflt |= defaults.get(name, set())
            name = parent.get(name, "")
        default_keys[r.ruler_id] = frozenset(dflt)
        dynasty_keys[r.ruler_id] = frozenset(keys) | dynasty_keys.get(r.ruler_id, frozenset())
        for f in _name_forms(r):
            by_name.setdefault(f, []).append(r)
        for era_id in sorted(eras_of[r.ruler_id]):
            forms = era_forms.get(era_id, ())
            era_words.update(x for x in forms if x.isalpha() and x[:1].isupper()
                             and x[1:].islower())
            for f in {era_key(x) for x in forms}:
                by_era.setdefault(f, []).append(r)
        label = r.temple or r.posthumous
        if label:
            labels.setdefault(f"{r.dynasty} {label}", set()).add(r.ruler_id)
    freeze = lambda d: MappingProxyType({k: tuple(v) for k, v in d.items()})  # noqa: E731
    return _RulerKeys(tuple(rulers), freeze(by_name), freeze(by_era),
                      MappingProxyType(dynasty_keys), MappingProxyType(default_keys),
                      frozenset(era_words),
                      MappingProxyType({k: frozenset(v) for k, v in labels.items()}))


def surname_key(text: str) -> str:
    """A surname as lower-case letters only, ü and v as u ("Yelü", "Ye Lv" -> "yelu")."""
    folded = text.lower().replace("ü", "u").replace("v", "u")
    return "".join(c for c in folded if c.isalpha())
