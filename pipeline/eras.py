"""Chinese regnal eras (年號) and dynasty names: lookup by English surface form.

Data: ``gazetteer/eras.csv`` (built by ``scripts/build_eras.py``) and ``gazetteer/dynasties.csv``.
Conventions: years are CE, astronomical (1 BCE = 0); ``start_year`` is the CE year of the
Chinese year numbered 1 in the era. JDNs are sanmiao's ``.5`` values (midnight starting a
day): ``start_jdn`` is the first day the era was in force under that dynasty (inclusive),
``end_jdn`` the first day it no longer was (exclusive). A sanmiao era continued by a new ruler
is one logical :class:`Era` (its ``ruler``/``ruler_zh`` list the rulers joined by "|").

Dynasty names: each canonical dynasty has aliases; a bare name such as "Jin", "Wei" or "Song"
can name several dynasties (``readings``). :meth:`EraTable.dynasty` returns the default
reading ("Jin" -> the Jurchen "Jin"); :meth:`EraTable.matches_dynasty`,
:meth:`EraTable.eras_of_dynasty` and :meth:`EraTable.era_in_force` accept a canonical name or
any alias and use *all* its readings plus their sub-dynasties ("Song" matches Northern and
Southern Song and also Liu Song; "Northern Song" only Northern Song), so the era name or year
decides between readings.
"""

from __future__ import annotations

import csv
import importlib.resources
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.resources import gazetteer_dir

DEFAULT_GAZETTEER = gazetteer_dir()

_DROP = set(" '\u2018\u2019\u02bc\u02bb`\u00b4-\u2010\u2011\u2012\u2013\u2014.\u00b7_")
# the same for ASCII text in one str.translate: the ASCII characters of _DROP and every ASCII
# character that isspace() (NFKD leaves ASCII as it is and no ASCII character is a mark)
_ASCII_DROP = str.maketrans("", "", "".join(
    chr(i) for i in range(128) if chr(i) in _DROP or chr(i).isspace()))


@dataclass(frozen=True)
class Era:
    """One logical era of one dynasty (see the module docstring for units)."""

    era_id: int
    name: str
    name_zh: str
    dynasty: str
    dynasty_zh: str
    ruler: str
    ruler_zh: str
    start_year: int
    end_year: int
    length: int
    cal_stream: int
    start_jdn: float
    end_jdn: float
    romanizations: tuple[str, ...] = ()
    name_zh_variants: tuple[str, ...] = ()

    def ce_year(self, era_year: int) -> int:
        """CE year (astronomical) in which the Chinese year ``era_year`` of this era began."""
        return self.start_year + era_year - 1

    def contains_era_year(self, era_year: int) -> bool:
        """True if ``era_year`` is a year of this era (1 .. length)."""
        return 1 <= era_year <= self.length


def era_key(text: str) -> str:
    """Normalise a surface form for lookup: "T'ien-hui" -> "tienhui", "Jing Kang" -> "jingkang".

    Lowercases, strips diacritics (ü -> u, v kept as written), drops spaces, apostrophes
    (straight and curly), hyphens/dashes, dots and underscores.
    """
    if text.isascii():
        return text.translate(_ASCII_DROP).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    out = []
    for ch in decomposed:
        if unicodedata.category(ch) == "Mn" or ch in _DROP or ch.isspace():
            continue
        out.append(ch.lower())
    return "".join(out)


def is_cjk(text: str) -> bool:
    """True if ``text`` has a CJK ideograph (U+3400-U+9FFF, U+20000 up): a name in characters."""
    return not text.isascii() and any("\u3400" <= ch <= "\u9fff" or ch >= "\U00020000"
                                      for ch in text)


@lru_cache(maxsize=1)
def _zh_fold_table() -> dict[int, str]:
    """sanmiao's character folding (``sanmiao/data/sanmiao_fuzzy_chars.csv``: a variant,
    traditional or Japanese form -> its normal form, one character each): 開 -> 开, 會 -> 会."""
    path = importlib.resources.files("sanmiao") / "data" / "sanmiao_fuzzy_chars.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {ord(r["Variant"]): r["Norm"] for r in csv.DictReader(fh)
                if len(r["Variant"]) == 1 and len(r["Norm"]) == 1}


def zh_fold(text: str) -> str:
    """``text`` with each character in sanmiao's normal form (same length, so offsets carry
    over): "開皇" and "开皇" -> "开皇". The key of names in characters."""
    return text.translate(_zh_fold_table())


def _one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by one substitution, insertion, deletion or swap."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


def _exact_form(text: str) -> str:
    """Lowercase, NFC, curly apostrophes and modifier letters as ASCII "'", spaces collapsed."""
    text = unicodedata.normalize("NFC", text)
    for ch in "\u2018\u2019\u02bc\u02bb`\u00b4":
        text = text.replace(ch, "'")
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Dynasty:
    """One row of ``gazetteer/dynasties.csv``."""

    name: str
    name_zh: str
    parent: str
    cal_stream: int
    aliases: tuple[str, ...]
    default_for: tuple[str, ...]


class EraTable:
    """All eras and dynasties, with lookup by surface form."""

    def __init__(self, eras: tuple[Era, ...], dynasties: tuple[Dynasty, ...]) -> None:
        self.eras = tuple(sorted(eras, key=lambda e: (e.start_year, e.start_jdn, e.era_id)))
        self.dynasties = dynasties
        self._by_key: dict[str, list[Era]] = {}
        self._by_id = {e.era_id: e for e in self.eras}
        self._one_era = {e.dynasty: e for e in self.eras}  # an era of each era dynasty
        self._of_dynasty: dict[str, tuple[Era, ...]] = {}  # eras_of_dynasty's, filled on use
        forms: set[str] = set()
        for era in self.eras:
            for form in era.romanizations or (era.name,):
                forms.add(form)
                bucket = self._by_key.setdefault(era_key(form), [])
                if era not in bucket:
                    bucket.append(era)
        for bucket in self._by_key.values():
            bucket.sort(key=lambda e: (e.start_year, e.start_jdn, e.era_id))
        self._forms = sorted(forms, key=lambda f: (-len(f), f))
        # names in characters, folded: an index apart from the romanized keys and forms
        self._by_zh: dict[str, list[Era]] = {}
        for era, form in ((e, f) for e in self.eras for f in (e.name_zh, *e.name_zh_variants)):
            if form and era not in self._by_zh.setdefault(zh_fold(form), []):
                self._by_zh[zh_fold(form)].append(era)
        self._dyn_zh: dict[str, list[str]] = {}
        for d in (d for d in dynasties if d.name_zh):
            self._dyn_zh.setdefault(zh_fold(d.name_zh), []).append(d.name)
        self._dyn_by_name = {d.name: d for d in dynasties}
        # alias key -> list of canonical names (readings), default reading first
        readings: dict[str, list[str]] = {}
        defaults: dict[str, str] = {}
        dyn_forms: set[str] = set()
        for d in dynasties:
            for alias in _with_dynasty_suffix((d.name, *d.aliases)):
                dyn_forms.add(alias)
                lst = readings.setdefault(era_key(alias), [])
                if d.name not in lst:
                    lst.append(d.name)
            for alias in _with_dynasty_suffix(d.default_for):
                defaults[era_key(alias)] = d.name
        for key, lst in readings.items():
            exact = [n for n in lst if era_key(n) == key]
            first = defaults.get(key) or (exact[0] if exact else lst[0])
            lst.remove(first)
            lst.insert(0, first)
        self._dyn_readings = readings
        self._dyn_forms = sorted(dyn_forms, key=lambda f: (-len(f), f))

    # ---------------------------------------------------------------- eras
    def candidates(self, surface: str, dynasty: str | None = None) -> list[Era]:
        """Every era with a romanization whose :func:`era_key` equals the surface's; by start.

        With ``dynasty`` (canonical or alias), only eras :meth:`matches_dynasty` accepts.
        A name in characters ("開皇", "开皇") is looked up folded (:func:`zh_fold`), exact first.
        """
        if is_cjk(surface):  # written exactly so first: 天曆 (Yuan) before 天暦 (Japan)
            found = list(self._by_zh.get(zh_fold(surface), ()))
            exact = [e for e in found if surface in (e.name_zh, *e.name_zh_variants)]
            found = exact or found
        else:
            found = list(self._by_key.get(era_key(surface), ()))
        if dynasty is not None:
            found = [e for e in found if self.matches_dynasty(e, dynasty)]
        return found

    def best_candidates(self, surface: str, dynasty: str | None = None) -> list[Era]:
        """Like :meth:`candidates`, but if some candidates list the surface itself (case and
        apostrophe style aside) as a romanization, only those: "Ch'ien-lung" -> 乾隆 only,
        while "Chienlung" stays ambiguous (乾隆 and 建隆)."""
        found = self.candidates(surface, dynasty)
        exact = _exact_form(surface)
        narrowed = [e for e in found if exact in {_exact_form(r) for r in e.romanizations}]
        return narrowed or found

    def split_fused(self, surface: str) -> tuple[str, list[Era]] | None:
        """A dynasty name fused to an era name ("Songjingde", "Tangkaiyuan"): (the dynasty as
        written in the key, the eras of that name of that dynasty), or None."""
        key = era_key(surface)
        for i in range(len(key) - 2, 1, -1):
            head, tail = key[:i], key[i:]
            if head in self._dyn_readings and tail in self._by_key:
                eras = [e for e in self._by_key[tail]
                        if any(self.matches_dynasty(e, d) for d in self._dyn_readings[head])]
                if eras:
                    return head, eras
        return None

    def fused_keys(self) -> frozenset[str]:
        """Keys of every dynasty + era fusion that :meth:`split_fused` resolves."""
        heads: dict[str, list[str]] = {}  # canonical dynasty -> alias keys naming it
        for head, names in self._dyn_readings.items():
            for name in names:
                heads.setdefault(name, []).append(head)
        out = set()
        for tail, eras in self._by_key.items():
            for era in eras:
                for name in self.ancestors(era.dynasty):
                    out.update(head + tail for head in heads.get(name, ()))
        return frozenset(out)

    def fuzzy_candidates(self, surface: str) -> list[Era]:
        """Eras one letter away from ``surface`` (substitution, insertion, deletion or two
        neighbours swapped; keys of 5+ letters only): "Xiangping" -> Xianping. A guess: the
        caller must find support in the context and flag it."""
        key = era_key(surface)
        if len(key) < 5:
            return []
        found: list[Era] = []
        for other, eras in self._by_key.items():
            if abs(len(other) - len(key)) <= 1 and other != key and _one_edit(key, other):
                found.extend(e for e in eras if e not in found)
        return sorted(found, key=lambda e: (e.start_year, e.era_id))

    def zh_era_names(self) -> list[str]:
        """Era names in characters (era_zh, variants), folded (:func:`zh_fold`), longest first."""
        return sorted(self._by_zh, key=lambda f: (-len(f), f))

    def zh_dynasty_names(self) -> list[str]:
        """Dynasty names in characters (dynasty_zh), folded, longest first."""
        return sorted(self._dyn_zh, key=lambda f: (-len(f), f))

    def era_by_id(self, era_id: int) -> Era | None:
        """The era with this ``era_id``, or None."""
        return self._by_id.get(era_id)

    def surface_keys(self) -> frozenset[str]:
        """All era keys (normalised with :func:`era_key`)."""
        return frozenset(self._by_key)

    def surface_forms(self) -> list[str]:
        """All romanization strings, longest first (ties alphabetical)."""
        return list(self._forms)

    # ---------------------------------------------------------------- dynasties
    def dynasty(self, surface: str) -> str | None:
        """Canonical dynasty for an alias ("Great Jin" -> "Jin", "金" -> "Jin"); default reading
        if ambiguous."""
        lst = self.dynasty_readings(surface)
        return lst[0] if lst else None

    def dynasty_readings(self, surface: str) -> list[str]:
        """All canonical dynasties an alias can name, default reading first ([] if unknown);
        a name in characters ("宋", "北漢") by ``dynasty_zh``."""
        if is_cjk(surface):
            return list(self._dyn_zh.get(zh_fold(surface), ()))
        return list(self._dyn_readings.get(era_key(surface), ()))

    def dynasty_surface_forms(self) -> list[str]:
        """All dynasty names and aliases, longest first."""
        return list(self._dyn_forms)

    def dynasty_info(self, name: str) -> Dynasty | None:
        """The dynasties.csv row of a canonical dynasty name."""
        return self._dyn_by_name.get(name)

    def ancestors(self, name: str) -> list[str]:
        """The dynasty and its parent groups, innermost first ("Northern Song" -> [.., "Song"])."""
        out: list[str] = []
        while name and name not in out:
            out.append(name)
            d = self._dyn_by_name.get(name)
            name = d.parent if d else ""
        return out

    def matches_dynasty(self, era: Era, dynasty: str) -> bool:
        """True if ``dynasty`` (canonical or alias) can name the era's dynasty or a group of it."""
        readings = set(self.dynasty_readings(dynasty))
        if dynasty in self._dyn_by_name:
            readings.add(dynasty)
        return any(a in readings for a in self.ancestors(era.dynasty))

    def eras_of_dynasty(self, dynasty: str) -> list[Era]:
        """Eras matching ``dynasty`` (see :meth:`matches_dynasty`), by start year (found once
        per table and dynasty, each era dynasty tested once; a new list each call)."""
        if dynasty not in self._of_dynasty:
            fits = {d: self.matches_dynasty(e, dynasty) for d, e in self._one_era.items()}
            self._of_dynasty[dynasty] = tuple(e for e in self.eras if fits[e.dynasty])
        return list(self._of_dynasty[dynasty])

    def era_in_force(self, dynasty: str, year: int) -> list[Era]:
        """Eras of ``dynasty`` whose span start_year..end_year contains CE ``year``."""
        return [e for e in self.eras_of_dynasty(dynasty) if e.start_year <= year <= e.end_year]


_SUFFIXES = ("dynasty", "kingdom", "state", "dynasties", "kingdoms")


def _with_dynasty_suffix(aliases: tuple[str, ...]) -> list[str]:
    """The aliases plus "<alias> Dynasty" / "<alias> dynasty" for plain names ("Southern Song
    Dynasty"), not for names already ending in dynasty/kingdom/state or in brackets."""
    out = list(aliases)
    for a in aliases:
        last = a.split()[-1].lower() if a.split() else ""
        if last in _SUFFIXES or a.endswith(")") or not a[:1].isupper():
            continue
        for form in (f"{a} Dynasty", f"{a} dynasty"):
            if form not in out:
                out.append(form)
    return out


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


def load_dynasties(gazetteer_dir: Path | None = None) -> tuple[Dynasty, ...]:
    """Read ``dynasties.csv``."""
    path = (gazetteer_dir or DEFAULT_GAZETTEER) / "dynasties.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(Dynasty(name=r["dynasty"], name_zh=r["dynasty_zh"], parent=r["parent"],
                             cal_stream=int(r["cal_stream"] or 0), aliases=_split(r["aliases"]),
                             default_for=_split(r["default_for"])) for r in csv.DictReader(fh))


# Chinese eras; Japanese, Korean and Vietnamese eras (kept apart, optional)
ERA_FILES = ("eras.csv", "eras_japan.csv", "eras_korea.csv", "eras_vietnam.csv")


def load_eras(gazetteer_dir: Path | None = None) -> tuple[Era, ...]:
    """Read ``eras.csv`` and, when present, ``eras_japan.csv``, ``eras_korea.csv`` and
    ``eras_vietnam.csv`` (same columns)."""
    out: list[Era] = []
    for name in ERA_FILES:
        path = (gazetteer_dir or DEFAULT_GAZETTEER) / name
        if name != ERA_FILES[0] and not path.exists():
            continue
        out.extend(_read_eras(path))
    return tuple(out)


def _read_eras(path: Path) -> tuple[Era, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(
            Era(
                era_id=int(r["era_id"]),
                name=r["era"],
                name_zh=r["era_zh"],
                dynasty=r["dynasty"],
                dynasty_zh=r["dynasty_zh"],
                ruler=r["ruler"],
                ruler_zh=r["ruler_zh"],
                start_year=int(r["start_year"]),
                end_year=int(r["end_year"]),
                length=int(r["length"]),
                cal_stream=int(r["cal_stream"]),
                start_jdn=float(r["start_jdn"]),
                end_jdn=float(r["end_jdn"]),
                romanizations=_split(r["romanizations"]),
                name_zh_variants=_split(r["era_zh_variants"]),
            )
            for r in csv.DictReader(fh)
        )


def load_era_table(gazetteer_dir: Path | None = None) -> EraTable:
    """Load eras and dynasties (default: the repository's ``gazetteer/``); not cached."""
    return EraTable(load_eras(gazetteer_dir), load_dynasties(gazetteer_dir))
