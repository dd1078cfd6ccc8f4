"""Rulers as PERSON: one canonical name per reign from ``gazetteer/rulers.csv``.

A ruler is named in English by a title, a temple or posthumous name and a dynasty in many
orders ("Emperor Taizong of Tang", "Taizong of the Tang Dynasty", "Tang Taizong", "Emperor Wu
of Han"), by an era of his reign ("the Hongwu Emperor", "Emperor Kangxi") or by the temple
name alone ("Shenzong", resolved by the dynasties the document names). :class:`RulerIndex`
maps such a mention to one reign and gives it a canonical name:

* the canonical of the ``persons.csv`` row whose Chinese name ends the ruler's sanmiao name
  (so "Hongwu Emperor" and "Zhu Yuanzhang" are one person), else
* the ``canonical`` column of ``rulers.csv``: the name historians use, built from the data by
  ``scripts/build_rulers.py`` (era name from the Ming on, "Kangxi Emperor"; temple name from
  the Tang on, "Emperor Taizong of Tang"; posthumous name before, "Emperor Zhao of Han"; see
  gazetteer/README.md), else (a table without that column: Korea, Japan)
* "King <temple or posthumous name> of <dynasty>" for a Korean king ("King Sejong of
  Joseon"), "Emperor <name>" for a Japanese emperor ("Emperor Kanmu"), with the personal name
  (or the accession year) in brackets when two reigns of one dynasty share the name.

Data: sanmiao's ruler and era tables (``rulers.csv``, ``eras.csv``; MIT, DILA/DDBC Time
Authority), dynasty aliases and parents from ``dynasties.csv``.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.eras import era_key
from pipeline.gazetteer import Gazetteer
from pipeline.rulers import Ruler, load_ruler_table

_SKIP = frozenset({"the", "of", "dynasty", "dynasties", "state", "kingdom", "empire"})
#: titles (of ``person_title``) of persons who never reigned: "Lady Yang" is a consort, not
#: Emperor Yang of Sui; "Empress" stays (Empress Wu reigned)
NOT_RULER_TITLES = frozenset({"lady", "consort", "concubine", "princess"})


@dataclass(frozen=True)
class RulerIndex:
    """Rulers by name key (:func:`pipeline.eras.era_key`), by era key, and their dynasty keys.

    ``dynasty_keys[ruler_id]``: era_key of every alias of the ruler's dynasty and of its
    parents in ``dynasties.csv`` ("tang", "song", "northernsong" ...).
    """

    by_name: Mapping[str, tuple[Ruler, ...]]
    by_era: Mapping[str, tuple[Ruler, ...]]
    dynasty_keys: Mapping[int, frozenset[str]]
    canonical: Mapping[int, str]  # ruler_id -> canonical name
    default_keys: Mapping[int, frozenset[str]] = field(default_factory=dict)  # see _pick
    temple_names: frozenset[str] = frozenset()  # one-word temple names ("Shenzong")
    era_words: frozenset[str] = frozenset()  # one-word era spellings of rulers ("Hongwu")
    # era_key of a personal name borne by one ruler only ("zhuwen") -> the persons.csv
    # canonical of that ruler, else the personal name ("Zhu Wen")
    by_personal: Mapping[str, str] = field(default_factory=dict)
    # era_key of a personal name borne by several rulers ("liheng": 李亨 Suzong, 李恆 Muzong)
    personal_homonyms: Mapping[str, tuple[Ruler, ...]] = field(default_factory=dict)
    # a ruling family's surname (first word of a ruler's personal name, as lower-case letters,
    # ü as u: "sima", "tuoba", "liu") -> era_keys of the dynasties its rulers ruled (and their
    # parents): the "Sima Jin", the "Tuoba Wei" are states, "Sima Yan" a person
    surname_dynasties: Mapping[str, frozenset[str]] = field(default_factory=dict)
    by_id: Mapping[int, Ruler] = field(default_factory=dict)  # ruler_id -> its reign

    def resolve(self, words: Iterable[str], titles: frozenset[str],
                doc_dynasties: Sequence[str] = ()) -> str:
        """Canonical name of the ruler a PERSON mention names, or "" if not exactly one.

        ``words``: the mention's tokens ("Emperor", "Taizong", "of", "the", "Tang",
        "Dynasty"); ``titles``: title words to skip; ``doc_dynasties``: era_keys of the
        dynasties named in the document, nearest to the mention first, used when the mention
        names none: the first of them that leaves exactly one ruler decides.
        """
        toks = [w for w in words if w.strip() and w not in ("'s", "’s")]
        if any(t.lower() in NOT_RULER_TITLES for t in toks):
            return ""
        rank = _rank_title(toks)
        titled = any(t in titles or t.capitalize() in titles for t in toks)  # also "emperor"
        dynasty = ""
        if "of" in toks:
            k = toks.index("of")
            dynasty = era_key(" ".join(t for t in toks[k + 1:] if t.lower() not in _SKIP))
            toks = toks[:k]
        toks = [t for t in toks if t not in titles and t.capitalize() not in titles
                and t.lower() not in _SKIP]
        if not toks:
            return ""
        if not dynasty and not titled and len(toks) == 2:  # "Liu Bang", "Chu Wên"
            name = " ".join(toks)
            found = self.by_personal.get(era_key(name)) or \
                self.by_personal.get(era_key(wg_name_to_pinyin(name)))
            if found:
                return found
        options: list[tuple[str, str]] = [("", " ".join(toks))] if dynasty else []
        if not dynasty:  # "Tang Taizong", "Northern Song Shenzong", "Taizong"
            options += [(era_key(" ".join(toks[:n])), " ".join(toks[n:]))
                        for n in range(min(2, len(toks) - 1), -1, -1)]
        for dyn, name in options:
            dyn = dyn or dynasty
            key = era_key(name)
            if not (dyn or titled or key.endswith(("zong", "zu", "di", "tsung", "tsu", "ti"))):
                continue  # a bare posthumous name ("Mingyuan") is too often something else
            found = self._pick(_fit_title(self.by_name.get(key, ()), rank), dyn,
                               doc_dynasties)
            if not found and titled and key in self.by_era:  # "Hongwu Emperor"
                found = self._pick(self.by_era[key], dyn, doc_dynasties)
            if found:
                return found
        if not dynasty and len(toks) >= 4:  # "Ming Chengzu Zhu Di", "Tang Taizong Li Shimin"
            return self._with_personal(toks, titles, doc_dynasties)
        return ""

    def _with_personal(self, toks: list[str], titles: frozenset[str],
                       doc_dynasties: Sequence[str]) -> str:
        """A dynasty + temple name followed by a personal name (two words or more): the
        ruler the first two words name, unless the rest is the personal name of another
        ruler."""
        found = self.resolve(toks[:2], titles, doc_dynasties)
        if not found:
            return ""
        rest = " ".join(toks[2:])
        other = self.by_personal.get(era_key(rest)) or \
            self.by_personal.get(era_key(wg_name_to_pinyin(rest)))
        return found if not other or other == found else ""

    def options(self, words: Iterable[str], titles: frozenset[str]) -> tuple[Ruler, ...]:
        """The reigns a PERSON mention may name when it names no dynasty itself, if more than
        one ("Emperor Wu": Han Wudi, Western Jin Wudi, Liu Song Wudi ...; "Li Heng": Tang
        Suzong 李亨 and Muzong 李恆); () when the mention names a dynasty ("Emperor Wu of Han",
        "Tang Xuanzong"), the personal name of one ruler ("Zhu Wen") or one reign only.
        Arguments as in :meth:`resolve`."""
        toks = [w for w in words if w.strip() and w not in ("'s", "’s")]
        if "of" in toks or any(t.lower() in NOT_RULER_TITLES for t in toks):
            return ()
        rank = _rank_title(toks)
        titled = any(t in titles or t.capitalize() in titles for t in toks)
        toks = [t for t in toks if t not in titles and t.capitalize() not in titles
                and t.lower() not in _SKIP]
        if not titled and len(toks) == 2:  # "Li Heng": a personal name of several rulers
            name = " ".join(toks)
            found = self.personal_homonyms.get(era_key(name)) or \
                self.personal_homonyms.get(era_key(wg_name_to_pinyin(name)), ())
            if found:
                return found
        if not toks or (len(toks) > 1 and self.resolve(toks, titles, ())):
            return ()  # "Tang Xuanzong": the mention names its dynasty
        key = era_key(" ".join(toks))
        if not (titled or key.endswith(("zong", "zu", "di", "tsung", "tsu", "ti"))):
            return ()
        found = _fit_title(self.by_name.get(key, ()), rank)
        if not found and titled:
            found = self.by_era.get(key, ())
        ids = {r.ruler_id for r in found}
        return tuple({r.ruler_id: r for r in found}.values()) if len(ids) > 1 else ()

    def _pick(self, rulers: tuple[Ruler, ...], dynasty: str,
              doc_dynasties: Sequence[str]) -> str:
        if dynasty:
            rulers = tuple(r for r in rulers if dynasty in self.dynasty_keys[r.ruler_id])
            if len({r.ruler_id for r in rulers}) > 1:  # "of Han": the dynasty "Han" means
                rulers = tuple(r for r in rulers  # by default (dynasties.csv default_for)
                               if dynasty in self.default_keys.get(r.ruler_id, ())) or rulers
        elif len({r.ruler_id for r in rulers}) > 1:
            for key in doc_dynasties:
                ids = {r.ruler_id for r in rulers if key in self.dynasty_keys[r.ruler_id]}
                if len(ids) > 1:  # "Song" names the Zhao Song by default, not the Liu Song
                    ids = {i for i in ids if key in self.default_keys.get(i, ())} or ids
                if len(ids) == 1:
                    return self.canonical[ids.pop()]
                if ids:
                    return ""  # the nearest dynasty leaves several: no guess
            return ""
        ids = {r.ruler_id for r in rulers}
        return self.canonical[ids.pop()] if len(ids) == 1 else ""


#: the rank a title word gives, and the ending of the pinyin posthumous name of a ruler of that
#: rank (``preqin_rulers.csv``: 公 "-gong" a duke, 侯 "-hou" a marquis); kings and emperors
#: are every other ruler
_RANKS = {"duke": "gong", "marquis": "hou"}


def _rank_title(toks: Sequence[str]) -> str:
    """"duke", "marquis" or "king" (also for "Emperor" and any other title) by the first
    rank word among ``toks``; "" if there is none."""
    for t in toks:
        low = t.lower()
        if low in _RANKS:
            return low
        if low in ("king", "emperor"):
            return "king"
    return ""


def _fit_title(rulers: Sequence[Ruler], rank: str) -> tuple[Ruler, ...]:
    """``rulers`` of the rank a title names ("Duke Xiao" is no king: not King Xiao of Yan),
    all of them if none fits or no rank is named."""
    if not rank:
        return tuple(rulers)
    ending = _RANKS.get(rank)
    fit = tuple(r for r in rulers if (r.posthumous.endswith(ending) if ending else
                                      not r.posthumous.endswith(tuple(_RANKS.values()))))
    return fit or tuple(rulers)


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
    for name in ("rulers.csv", "eras.csv", "dynasties.csv"):
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


def build_ruler_index(gazetteer_dir: Path, persons_zh: Mapping[str, str],
                      persons_alias: Mapping[str, str] | None = None) -> RulerIndex | None:
    """The index for the files of ``gazetteer_dir`` (None if ``rulers.csv`` is missing).

    ``persons_zh``: Chinese name -> canonical of the ``persons.csv`` rows; ``persons_alias``:
    alias -> canonical of those rows (a ruler whose personal name is an alias of a row, "Liu
    Che" of "Emperor Wu of Han", takes that row's canonical).

    The part that does not depend on the persons (the name, era and dynasty keys) is built
    once per folder and kept while its files are unchanged (the entity and event stages both
    ask for it at load).
    """
    persons_alias = persons_alias or {}
    if not (gazetteer_dir / "rulers.csv").is_file():
        return None
    shared = _ruler_keys(gazetteer_dir, _stamps(gazetteer_dir))
    rulers, labels = shared.rulers, shared.labels
    canonical: dict[int, str] = {}
    from_persons: set[int] = set()
    by_id = {r.ruler_id: r for r in rulers}
    # a persons.csv alias names a ruler by his personal name only when no other ruler bears
    # it ("Liu Che": Han Wudi; not "Liu He", 劉賀 and 劉和, for the Jin commander Liu E)
    bearers = Counter(era_key(r.personal) for r in rulers if r.personal)
    for r in rulers:
        person = next((c for zh, c in persons_zh.items() if len(zh) >= 2
                       and r.name_zh.endswith(zh)), "") or (
            persons_alias.get(r.personal, "") if bearers[era_key(r.personal)] == 1 else "")
        label = r.temple or r.posthumous
        if person:
            canonical[r.ruler_id] = person
            from_persons.add(r.ruler_id)
        elif r.canonical:  # rulers.csv: "Emperor Taizong of Tang", "Kangxi Emperor"
            canonical[r.ruler_id] = r.canonical
        elif label:
            base = f"{r.dynasty} {label}"
            name = _english_label(r, label)
            canonical[r.ruler_id] = name if len(labels[base]) == 1 else \
                f"{name} ({r.personal or r.reign_start})"
        else:
            canonical[r.ruler_id] = r.personal or r.name_zh
    personal: dict[str, set[int]] = {}
    for r in rulers:
        if r.personal and " " in r.personal:  # surname + given name, not a bare given name
            personal.setdefault(era_key(r.personal), set()).add(r.ruler_id)
    # the ruler's one canonical, whatever name the text uses: the persons.csv canonical where
    # there is one ("Zhu Yuanzhang", "Zhu Wen" for "Chu Wên"), else the dynasty and temple name
    # ("Li Heng" -> "Tang Suzong", as "Emperor Suzong" of 756)
    by_personal = {k: canonical[i] for k, ids in personal.items() if len(ids) == 1 for i in ids}
    homonyms = {k: tuple(by_id[i] for i in sorted(ids)) for k, ids in personal.items()
                if len(ids) > 1}
    families: dict[str, set[str]] = {}
    for r in rulers:
        if r.personal and " " in r.personal:
            families.setdefault(surname_key(r.personal.split()[0]), set()).update(
                shared.dynasty_keys[r.ruler_id])
    return RulerIndex(by_name=shared.by_name, by_era=shared.by_era,
                      dynasty_keys=shared.dynasty_keys,
                      canonical=MappingProxyType(canonical),
                      default_keys=shared.default_keys,
                      temple_names=frozenset(r.temple for r in rulers if " " not in r.temple
                                             and r.temple.endswith(("zong", "zu"))),
                      era_words=shared.era_words,
                      by_personal=MappingProxyType(by_personal),
                      personal_homonyms=MappingProxyType(homonyms),
                      surname_dynasties=MappingProxyType(
                          {k: frozenset(v) for k, v in families.items()}),
                      by_id=MappingProxyType(by_id))


def gazetteer_ruler_index(gaz: Gazetteer) -> RulerIndex | None:
    """:func:`build_ruler_index` of the folder ``gaz`` was read from, with the Chinese names
    and aliases of its ``persons.csv`` rows (None: no folder, or no ``rulers.csv``): the index
    the entity stage and the implied agents (:mod:`pipeline.events.implied`) share."""
    if gaz.source_dir is None:
        return None
    persons = [e for e in gaz.entries
               if e.label == "PERSON" and e.source.startswith("persons.csv")]
    return build_ruler_index(gaz.source_dir, {e.zh: e.canonical for e in persons if e.zh},
                             {e.alias: e.canonical for e in persons})


def _english_label(r: Ruler, label: str) -> str:
    """The English name of a reign of a table without a ``canonical`` column, in the style of
    rulers.csv: a Japanese emperor (calendar stream 4) "Emperor Kanmu", a Korean king (streams
    5-8) "King Sejong of Joseon", else "<dynasty> <label>"."""
    if r.cal_stream == 4:
        return f"Emperor {label}"
    if r.counts_reign_years:
        return f"King {label} of {r.dynasty}"
    return f"{r.dynasty} {label}"


def surname_key(text: str) -> str:
    """A surname as lower-case letters only, ü and v as u ("Yelü", "Ye Lv" -> "yelu")."""
    folded = text.lower().replace("ü", "u").replace("v", "u")
    return "".join(c for c in folded if c.isalpha())
