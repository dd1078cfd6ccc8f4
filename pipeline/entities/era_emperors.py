"""Emperors named by their era, in any romanization: "Emperor Tao Kwang", "the Taokwang
Emperor", "Emperor Kang Hsi", Boulger's "Keen Lung", Giles's "K'ang-hsi".

The Ming and Qing emperors are known by the one era of their reign ("the Daoguang Emperor",
rulers.csv ``canonical`` "<era> Emperor"); English texts of the 19th century write that era in
Wade–Giles, often without its aspiration apostrophes ("Kang Hsi" for K'ang-hsi), or in the
older spellings of Morrison and Williams ("Tao Kwang", "Kia King", "Hien Fung", "Kwang Su").
:func:`era_emperor` reads a name syllable by syllable into every pinyin reading it may have:

* the syllable read strictly as Wade–Giles (:func:`wg_syllable_to_pinyin`: "hsi" -> xi);
* the same with the aspiration apostrophe the text left out ("kang" -> "k'ang" -> kang,
  "tung" -> "t'ung" -> tong);
* through the lexicon's ``old_syllable`` rows (``entity_lexicon.csv``: "kwang=kuang",
  "kia=chia", "hien=hsien", "fung=feng", "su=hsü") and then as above;

and links the name to an emperor only when its readings spell the era of exactly one
era-named emperor (:func:`era_emperor_keys`): the era names of the Ming and Qing emperors are
few and far apart, so "Tung Chi" (tong+zhi, dong+ji, tong+qi ...) can only be Tongzhi. A
name another ruler bears (a posthumous name, another era) is left to
:meth:`pipeline.entities.rulers.RulerIndex.resolve`, which is asked first.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping

from pipeline.entities.pinyin import is_pinyin_word, is_real_syllable
from pipeline.entities.rulers import RulerIndex, gazetteer_ruler_index
from pipeline.entities.wadegiles import wg_syllable_to_pinyin
from pipeline.eras import era_key
from pipeline.gazetteer import Gazetteer

#: Wade–Giles initials that have an aspirated twin written with an apostrophe
_ASPIRABLE = re.compile(r"^(ch|ts|tz|k|p|t)(?!')")
#: at most this many syllables in an era name read so (Ming/Qing eras have two)
MAX_SYLLABLES = 3


def old_syllables(rows: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The lexicon's ``old_syllable`` values ("kwang=kuang", "ching=cheng") as old spelling
    (lower case) -> its Wade–Giles syllables; a value without "=" is skipped."""
    out: dict[str, list[str]] = {}
    for row in rows:
        old, sep, wg = row.partition("=")
        if sep and old.strip() and wg.strip():
            out.setdefault(old.strip().lower(), []).append(wg.strip().lower())
    return {k: tuple(v) for k, v in out.items()}


def syllable_readings(syllable: str, old: Mapping[str, tuple[str, ...]]) -> frozenset[str]:
    """Toneless pinyin readings (lower case, ü as u) of one syllable written in Wade–Giles,
    with or without its aspiration apostrophe, or in an older spelling of ``old``
    ("kwang" -> {guang, kuang}; "hsi" -> {xi}; "su" -> {su, xu}); empty if none."""
    syl = syllable.lower().replace("’", "'")
    out: set[str] = set()
    for form in (syl, *old.get(syl, ())):
        for variant in (form, _ASPIRABLE.sub(r"\1'", form)):
            reading = wg_syllable_to_pinyin(variant)
            if reading:
                out.add(reading.replace("ü", "u"))
    return frozenset(out)


def _splits(word: str, old: Mapping[str, tuple[str, ...]], parts: int) -> list[list[str]]:
    """Ways to cut one unhyphenated word into ``parts`` pieces that each have a reading
    ("Taokwang" -> [["tao", "kwang"]])."""
    if parts == 1:
        return [[word]] if syllable_readings(word, old) else []
    out = []
    for cut in range(1, len(word)):
        head = word[:cut]
        if syllable_readings(head, old):
            out.extend([head] + rest for rest in _splits(word[cut:], old, parts - 1))
    return out


def _name_syllables(words: list[str], old: Mapping[str, tuple[str, ...]]) -> list[list[str]]:
    """The syllable sequences a name of one or more words may be read as: the words' own
    hyphen-separated syllables, and each one-word name cut into two or three syllables."""
    syls = [s for w in words for s in re.split(r"[-‐]", w) if s]
    options = [syls] if all(syllable_readings(s, old) for s in syls) else []
    if len(syls) == 1:
        for n in range(2, MAX_SYLLABLES + 1):
            options.extend(_splits(syls[0], old, n))
    return [o for o in options if 1 < len(o) <= MAX_SYLLABLES]


def era_emperor_keys(rulers: RulerIndex) -> dict[str, str]:
    """era_key of every spelling of the era of an era-named emperor (rulers.csv canonical
    "<era> Emperor": the Ming and Qing emperors) -> the emperor's canonical name (that of
    :class:`RulerIndex`, so a persons.csv canonical where it has one). A spelling several
    such emperors share is left out."""
    named: dict[int, str] = {}
    for rid, ruler in rulers.by_id.items():
        if ruler.canonical.endswith(" Emperor"):
            key = era_key(ruler.canonical[: -len(" Emperor")])
            if any(r.ruler_id == rid for r in rulers.by_era.get(key, ())):
                named[rid] = rulers.canonical[rid]
    out: dict[str, str] = {}
    shared: set[str] = set()
    for key, reigns in rulers.by_era.items():
        ids = {r.ruler_id for r in reigns if r.ruler_id in named}
        if len(ids) == 1:
            name = named[ids.pop()]
            if out.setdefault(key, name) != name:
                shared.add(key)
    return {k: v for k, v in out.items() if k not in shared}


def era_emperor(words: Iterable[str], keys: Mapping[str, str],
                old: Mapping[str, tuple[str, ...]]) -> tuple[str, bool]:
    """(canonical, exact) of the era-named emperor a name (its words, titles removed: "Tao",
    "Kwang") names, or ("", False).

    ``keys``: :func:`era_emperor_keys`; ``old``: :func:`old_syllables`. ``exact``: the name
    is a spelling of the era table itself ("Kang Hsi", "Taoukwang"); else it was read through
    the syllable readings above, and only one emperor's era fits them."""
    toks = [w for w in words if w and w not in ("-", "‐")]
    if not toks or len(toks) > MAX_SYLLABLES or not all(t[:1].isupper() for t in toks):
        return "", False
    exact = keys.get(era_key(" ".join(toks)), "")
    if exact:
        return exact, True
    found: set[str] = set()
    for syls in _name_syllables(toks, old):
        readings = [sorted(syllable_readings(s, old)) for s in syls]
        for combo in itertools.product(*readings):
            name = keys.get("".join(combo))
            if name:
                found.add(name)
    return (found.pop(), False) if len(found) == 1 else ("", False)


def pinyin_name(names: list[str]) -> bool:
    """One pinyin word ("Daoguang") or words that are each one pinyin syllable ("Yong Le";
    not "Kia King", "Tao Kwang"): such a name is left to the ruler index."""
    if len(names) == 1:
        return is_pinyin_word(names[0])
    return all(is_real_syllable(t) for t in names)


_CACHE: dict[int, tuple[object, dict[str, str], dict[str, tuple[str, ...]]]] = {}


def gazetteer_era_emperors(gaz: Gazetteer) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """(:func:`era_emperor_keys`, :func:`old_syllables`) of a gazetteer (its ruler index and
    lexicon; empty keys without ``rulers.csv``), built once per gazetteer."""
    got = _CACHE.get(id(gaz))
    if got is None or got[0] is not gaz:
        rulers = gazetteer_ruler_index(gaz)
        got = _CACHE[id(gaz)] = (gaz, era_emperor_keys(rulers) if rulers else {},
                                 old_syllables(gaz.words("old_syllable")))
    return got[1], got[2]


def model_era_emperor(text: str, gaz: Gazetteer, titles: Iterable[str]) -> str:
    """The era-named emperor a PERSON mention the statistical model found names by an era
    not in pinyin (Boulger's "Keen Lung", "the Emperor Kien-lung"), or "": its words without
    title words and articles, read by :func:`era_emperor`."""
    skip = set(titles) | {"the", "The"}
    words = [w for w in text.split() if w not in skip]
    if pinyin_name(words):
        return ""  # pinyin: the ruler index's and the gazetteer's
    keys, old = gazetteer_era_emperors(gaz)
    return era_emperor(words, keys, old)[0] if keys else ""
