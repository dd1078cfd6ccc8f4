"""Ming and Qing guards (衛 *wei*) named after a place: "Wei-hai-wei", "Jianzhou Left Wei",
"Datong Zuowei", "Tianjin Guard".

A guard name is a place name, an optional side word (Left 左 *zuo*, Right 右 *you*, Front 前
*qian*, Rear 後 *hou*, Middle 中 *zhong*) and the guard word (*wei*, Guard), written apart,
hyphenated or joined. It names the CHGIS unit (``historical_places.csv``, kind "military
garrison" and others) whose Chinese name ends in 衛 and whose pinyin stem is the place name with
the side ("Weihai" 威海衛, "Datongzuo" 大同左衛; CHGIS sometimes keeps "wei" in the stem:
"Aoshanwei" 鼇山衛). Only such units: the bare place name is often another place ("Jianzhou"
is 建州 in Fujian, not the Jurchen guard 建州衛 of the Ming, which CHGIS lacks): no unit, no
coordinate. Word lists: ``place_gloss_words.csv``, kinds ``garrison`` (value: the character)
and ``garrison_side`` (value: the side's pinyin).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.places.base import _read, name_key
from pipeline.resources import active_gazetteer_dir

if TYPE_CHECKING:
    from pipeline.places.historical import HistoricalUnit


@lru_cache(maxsize=2)
def _words(gazetteer: Path) -> tuple[dict[str, str], dict[str, str]]:
    garrison: dict[str, str] = {}
    sides: dict[str, str] = {}
    path = gazetteer / "place_gloss_words.csv"
    for row in _read(path) if path.is_file() else []:
        if row["kind"] == "garrison":
            garrison[row["phrase"].lower()] = row["value"]
        elif row["kind"] == "garrison_side":
            sides[row["phrase"].lower()] = row["value"].lower()
    return garrison, sides


def garrison_parts(name: str) -> tuple[str, str, str] | None:
    """(place stem as written, side pinyin or "", the guard's character) of a guard name, or
    None when ``name`` does not end in a guard word. "Jianzhou Left Wei" -> ("Jianzhou",
    "zuo", "衛"); "Wei-hai-wei" -> ("Wei-hai", "", "衛"); "Jianzhou Zuowei" -> ("Jianzhou",
    "zuo", "衛"); "Weihaiwei" -> ("Weihai", "", "衛")."""
    garrison, sides = _words(active_gazetteer_dir())
    tokens = [t for t in re.split(r"([-\s]+)", name.strip()) if t]
    if not tokens:
        return None
    last = tokens[-1].lower()
    char = garrison.get(last, "")
    side = ""
    if char:
        stem_tokens = tokens[:-1]
        if len(stem_tokens) >= 3 and stem_tokens[-2].lower() in sides:
            side, stem_tokens = sides[stem_tokens[-2].lower()], stem_tokens[:-2]
    else:  # joined: "Zuowei", "Weihaiwei"
        ending = next((w for w in garrison if w.isalpha() and last.endswith(w)
                       and len(last) > len(w) + 2 and w == "wei"), "")
        if not ending:
            return None
        char = garrison[ending]
        rest = tokens[-1][: -len(ending)]
        if rest.lower() in sides and len(tokens) > 2:
            side, stem_tokens = sides[rest.lower()], tokens[:-1]
        else:
            stem_tokens = tokens[:-1] + [rest]
    stem = "".join(stem_tokens).strip(" -")
    if not name_key(stem):
        return None
    return stem, side, char


def garrison_units(name: str, table: Mapping[str, tuple[HistoricalUnit, ...]]
                   ) -> tuple[HistoricalUnit, ...]:
    """The CHGIS units a guard name names (see the module docstring); () for any other name,
    or when CHGIS has no guard of that name."""
    parts = garrison_parts(name)
    if parts is None:
        return ()
    stem, side, char = parts
    key = name_key(stem) + side
    found: list[HistoricalUnit] = []
    for k in (key, key + "wei"):
        found += [u for u in table.get(k, ()) if u.zh.endswith(char) and u not in found]
    return tuple(found)
