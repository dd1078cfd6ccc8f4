"""Rulers as a dating system: ``gazetteer/rulers.csv`` (built by ``scripts/build_rulers.py``).

A :class:`Ruler` is one reign: ``first_year`` is the CE year (astronomical) counted as year 1
of the reign, ``reign_start``/``reign_end`` the years of accession and end, ``era_ids`` the
ids (``eras.csv``) of the ruler's own eras in order. Names are looked up by the same
toneless key as era names (:func:`pipeline.eras.era_key`): "Gaozong", "Gao Zong", "Kao-tsung"
and "Shun" (for 順帝) all work. Data: sanmiao's ruler tables (MIT; DILA/DDBC Time Authority).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from pipeline.eras import era_key
from pipeline.resources import active_gazetteer_dir, gazetteer_dir

GAZETTEER = gazetteer_dir()


@dataclass(frozen=True)
class Ruler:
    """One reign (see the module docstring for units)."""

    ruler_id: int
    dynasty: str
    name_zh: str
    temple: str
    posthumous: str
    personal: str
    reign_start: int
    reign_end: int
    first_year: int
    era_ids: tuple[int, ...]
    romanizations: tuple[str, ...]
    cal_stream: int = 3  # sanmiao calendar stream: 1-3 Chinese, 5-8 Korean states
    dynasty_zh: str = ""
    #: the English name historians use for the reign (rulers.csv ``canonical``: "Emperor
    #: Taizong of Tang", "Emperor Zhao of Han", "Kangxi Emperor"); "" where the file has none
    canonical: str = ""

    @property
    def qualified(self) -> bool:
        """True if sanmiao's canonical name carries the dynasty ("渤海世宗", "朝鮮成宗"): sanmiao
        needs the dynasty to tell this ruler from another of the same name."""
        return bool(self.dynasty_zh) and self.name_zh.startswith(self.dynasty_zh)

    @property
    def counts_reign_years(self) -> bool:
        """True for kings who counted their own reign years while using another state's eras
        (the Korean states: streams 5-8)."""
        return self.cal_stream >= 5

    @property
    def label(self) -> str:
        """English label: temple or posthumous name, else the personal name, else the
        canonical (``ruler_names.csv``: "Empress Lü"), else the Chinese name."""
        return (self.temple or self.posthumous or self.personal or self.canonical
                or self.name_zh)

    def ce_year(self, reign_year: int) -> int:
        """CE year of reign year ``reign_year`` (1 = ``first_year``)."""
        return self.first_year + reign_year - 1

    def contains_reign_year(self, reign_year: int) -> bool:
        """True if reign year ``reign_year`` falls within the reign."""
        return 1 <= reign_year and self.ce_year(reign_year) <= self.reign_end


class RulerTable:
    """All reigns, indexed by romanization key."""

    def __init__(self, rulers: tuple[Ruler, ...]) -> None:
        self.rulers = rulers
        self._by_key: dict[str, list[Ruler]] = {}
        self._states = frozenset(era_key(r.dynasty.split(" (")[0]) for r in rulers
                                 if " (" in r.dynasty)
        for r in rulers:
            for form in r.romanizations:
                lst = self._by_key.setdefault(era_key(form), [])
                if r not in lst:
                    lst.append(r)

    def find(self, surface: str) -> list[Ruler]:
        """Reigns whose temple, posthumous or personal name reads ``surface`` (by start)."""
        return list(self._by_key.get(era_key(surface), ()))

    def names_state(self, written: str) -> bool:
        """True if ``written`` ("Qin", "Lu") is the name of the state of a ruler whose dynasty
        carries a bracketed qualifier ("Qin (state)", ``preqin_rulers.csv``)."""
        return era_key(written) in self._states

    def keys(self) -> frozenset[str]:
        """All lookup keys (toneless, lowercase, no separators)."""
        return frozenset(self._by_key)


def rules_written(ruler: Ruler, written: str, eras) -> bool:
    """True if the dynasty or state ``written`` in the text ("Han", "Qin", "the Tang") names
    ``ruler``'s: its default reading (``eras.dynasty``, dynasties.csv) is the ruler's dynasty
    or one of its groups, or, for a state dynasties.csv does not list (the Warring States of
    ``preqin_rulers.csv``: "Qin (state)"), the written name is the state's name without the
    bracketed qualifier. ``eras``: an :class:`pipeline.eras.EraTable`."""
    canon = eras.dynasty(written) or written
    if canon in eras.ancestors(ruler.dynasty):
        return True
    return (eras.dynasty_info(ruler.dynasty) is None
            and era_key(ruler.dynasty.split(" (")[0]) == era_key(written))


@lru_cache(maxsize=4)
def personal_names(table: RulerTable) -> tuple[re.Pattern | None, dict[str, tuple[Ruler, ...]]]:
    """One pattern over the rulers' personal names of two words or more ("Liu Che"; whole
    words, case-sensitive), or None if there is none, and the rulers each names (name ->
    reigns). Cached per table."""
    names: dict[str, list[Ruler]] = {}
    for r in table.rulers:
        name = " ".join(r.personal.split())
        if " " in name:
            names.setdefault(name, []).append(r)
    if not names:
        return None, {}
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w'’-])"), {n: tuple(v) for n, v in
                                                           names.items()}


RULER_FILES = ("rulers.csv", "rulers_korea.csv", "rulers_japan.csv")  # Korea, Japan optional


def load_ruler_table(gazetteer_dir: Path | None = None) -> RulerTable:
    """Read ``rulers.csv`` and, when present, ``rulers_korea.csv`` and ``rulers_japan.csv`` of
    ``gazetteer_dir`` (None:
    the active gazetteer, :func:`pipeline.resources.active_gazetteer_dir`); cached per folder.
    Raises OSError if ``rulers.csv`` is missing."""
    return _load_ruler_table(gazetteer_dir or active_gazetteer_dir())


@lru_cache(maxsize=4)
def _load_ruler_table(gazetteer_dir: Path) -> RulerTable:
    out = []
    for name in RULER_FILES:
        path = gazetteer_dir / name
        if name != RULER_FILES[0] and not path.exists():
            continue
        out.extend(_read_rulers(path))
    extra = _read_names(gazetteer_dir / NAMES_FILE)
    return RulerTable(tuple(_with_names(r, extra.get(r.ruler_id)) for r in out))


NAMES_FILE = "ruler_names.csv"  # hand-kept names of reigns sanmiao gives no English name


def _read_names(path: Path) -> dict[int, tuple[tuple[str, ...], str]]:
    """``ruler_names.csv`` (``ruler_id,names,canonical,source,note``): ruler id -> (the
    ``|``-separated names, the canonical or ""); {} without the file."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {int(row["ruler_id"]): (tuple(x.strip() for x in row["names"].split("|")
                                             if x.strip()), row["canonical"].strip())
                for row in csv.DictReader(fh)}


def _with_names(ruler: Ruler, extra: tuple[tuple[str, ...], str] | None) -> Ruler:
    """``ruler`` with the names of ``ruler_names.csv`` added to its romanizations (a regnant
    empress's titles, "Empress Gao" for 呂后, whose sanmiao row has no name in pinyin) and
    its canonical replaced when the row gives one."""
    if extra is None:
        return ruler
    names, canonical = extra
    forms = ruler.romanizations + tuple(n for n in names if n not in ruler.romanizations)
    return replace(ruler, romanizations=forms, canonical=canonical or ruler.canonical)


def _read_rulers(path: Path) -> list[Ruler]:
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            out.append(Ruler(
                ruler_id=int(row["ruler_id"]), dynasty=row["dynasty"], name_zh=row["name_zh"],
                temple=row["temple"], posthumous=row["posthumous"], personal=row["personal"],
                reign_start=int(row["reign_start"]), reign_end=int(row["reign_end"]),
                first_year=int(row["first_year"]),
                era_ids=tuple(int(x) for x in row["era_ids"].split("|") if x),
                romanizations=tuple(x for x in row["romanizations"].split("|") if x),
                cal_stream=int(row["cal_stream"] or 3), dynasty_zh=row["dynasty_zh"],
                canonical=row.get("canonical") or "",
            ))
    return out
