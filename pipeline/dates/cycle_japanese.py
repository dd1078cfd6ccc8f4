"""Sexagenary (cycle) year names in Japanese readings, in Hepburn: kun readings ("kinoe-ne"
甲子, "hinoto-hitsuji" 丁未) and on readings ("kōshi", "boshin" 戊辰, "jinshin" 壬申,
"kasshi" 甲子).

All spellings are generated from ``gazetteer/cycle_japanese.csv`` (one row per stem and
branch: ``kun`` with its parts joined by "-", ``on`` readings ``|``-separated, ``on_geminate``:
the syllable a stem's on reading shortens to before a branch beginning with s, sh, ch, t or k,
whose consonant it then doubles: 甲子 ka + sshi). A kun name is the stem's kun reading, then
the branch's ("kinoe-ne"); an on name the stem's on reading, then the branch's. Written forms
may join or split the parts with spaces or hyphens, and write a long vowel ō as ō, ô, o, oo,
ou or oh (ū as ū, û, u, uu).

On readings are ambiguous: 甲 and 庚 are both kō, 己 and 癸 both ki, 子 and 巳 both shi, 辰 and
申 both shin, so "kōgo" is 甲午 or 庚午 and "jinshin" 壬申 or 壬辰. :func:`japanese_positions`
gives every cycle position (1-60, 1 = 甲子) a name can be; the resolver lets the evidence
choose among them and flags the choice (``CYCLE_READING_AMBIGUOUS``).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.resources import active_gazetteer_dir

_SEP = r"[\s\-‐]?"
_LONG = {"ō": ("ō", "ô", "o", "oo", "ou", "oh"), "ū": ("ū", "û", "u", "uu")}
_GEMINATE = (("sh", "s"), ("s", "s"), ("ch", "t"), ("t", "t"), ("k", "k"))


@dataclass(frozen=True)
class JapaneseCycles:
    """Generated readings: ``keys`` (plain key -> cycle positions), ``pattern`` (regex source
    matching any written form, for the date grammar), ``firsts`` (lowercase first words of the
    written forms, anchors for the grammar), ``joined`` (plain keys of the one-word forms)."""

    keys: dict[str, frozenset[int]]
    pattern: str
    firsts: frozenset[str]
    joined: frozenset[str]


def plain_key(text: str) -> str:
    """Lower case, without diacritics, spaces, hyphens or apostrophes ("Kō-shi" -> "koshi")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return re.sub(r"[\s\-‐'’]+", "", "".join(c for c in decomposed
                                             if not unicodedata.combining(c)))


def _variants(word: str) -> set[str]:
    """Spellings of a Hepburn word with its long vowels written every usual way."""
    out = {""}
    for ch in word:
        out = {o + v for o in out for v in _LONG.get(ch, (ch,))}
    return out


def _rx(word: str) -> str:
    """Regex of a Hepburn word, long vowels written any usual way, parts split by "-"
    joined or split by a space or hyphen."""
    parts = []
    for ch in word:
        if ch in _LONG:
            parts.append("(?:" + "|".join(sorted(_LONG[ch], key=len, reverse=True)) + ")")
        elif ch == "-":
            parts.append(_SEP)
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


def _alt(words) -> str:
    return "(?:" + "|".join(_rx(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@lru_cache(maxsize=4)
def japanese_cycles(directory: Path) -> JapaneseCycles:
    """The readings of ``directory / "cycle_japanese.csv"`` (empty when the file is absent)."""
    path = directory / "cycle_japanese.csv"
    if not path.exists():
        return JapaneseCycles({}, "", frozenset(), frozenset())
    stems: dict[int, dict[str, list[str]]] = {}
    branches: dict[int, dict[str, list[str]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            side = stems if row["part"] == "stem" else branches
            side[int(row["number"])] = {
                "kun": [row["kun"]], "on": [w for w in row["on"].split("|") if w],
                "gem": [w for w in (row.get("on_geminate") or "").split("|") if w]}
    keys: dict[str, set[int]] = {}
    firsts: set[str] = set()
    joined: set[str] = set()
    for s, st in stems.items():
        for b, br in branches.items():
            if (s - b) % 2:
                continue
            n = next(k for k in range(1, 61) if (k - 1) % 10 + 1 == s and (k - 1) % 12 + 1 == b)
            forms = [(k1, k2) for k1 in st["kun"] for k2 in br["kun"]]
            forms += [(o1, o2) for o1 in st["on"] for o2 in br["on"]]
            for g in st["gem"]:
                for o2 in br["on"]:
                    dbl = next((d for lead, d in _GEMINATE if o2.startswith(lead)), None)
                    if dbl is not None:
                        forms.append((g + dbl, o2))
            for a, c in forms:
                for va in _variants(a):
                    for vc in _variants(c):
                        keys.setdefault(plain_key(va + vc), set()).add(n)
                        joined.add(plain_key(va + vc))
                        firsts.update({(va + vc).replace("-", ""), va.split("-")[0],
                                       va.replace("-", "")})
    stem_kun = _alt(w for st in stems.values() for w in st["kun"])
    branch_kun = _alt(w for br in branches.values() for w in br["kun"])
    stem_on = _alt(w for st in stems.values() for w in st["on"])
    branch_on = _alt(w for br in branches.values() for w in br["on"])
    gem = _alt(w for st in stems.values() for w in st["gem"])
    doubled = "|".join(f"{dbl}(?={lead})" for lead, dbl in _GEMINATE)
    pattern = (rf"(?i:\b(?:{stem_kun}{_SEP}{branch_kun}|{stem_on}{_SEP}{branch_on}"
               rf"|{gem}(?:{doubled}){branch_on})(?![\w]))")
    return JapaneseCycles({k: frozenset(v) for k, v in keys.items()}, pattern,
                          frozenset(f.lower() for f in firsts if f), frozenset(joined))


def japanese_positions(text: str, directory: Path | None = None) -> tuple[int, ...]:
    """Every cycle position (1-60) the Japanese reading ``text`` can be, ascending; () when
    it is none ("kōgo" -> (7, 31): 庚午, 甲午)."""
    table = japanese_cycles(directory or active_gazetteer_dir())
    return tuple(sorted(table.keys.get(plain_key(text), ())))


@lru_cache(maxsize=4)
def _zh(directory: Path) -> tuple[dict[int, str], dict[int, str]]:
    stems: dict[int, str] = {}
    branches: dict[int, str] = {}
    path = directory / "cycle_japanese.csv"
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                (stems if row["part"] == "stem" else branches)[int(row["number"])] = row["zh"]
    return stems, branches


def cycle_zh(position: int, directory: Path | None = None) -> str:
    """Characters of cycle position ``position`` (1-60): 1 -> "甲子" (from the ``zh`` column
    of ``cycle_japanese.csv``; the number itself when the file is absent)."""
    stems, branches = _zh(directory or active_gazetteer_dir())
    st, br = stems.get((position - 1) % 10 + 1), branches.get((position - 1) % 12 + 1)
    return st + br if st and br else str(position)
