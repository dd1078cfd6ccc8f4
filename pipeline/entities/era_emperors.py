"""Emperors named by their era, in any romanization: "Emperor Tao Kwang", "the Taokwang
Emperor", "Emperor Kang Hsi", Boulger's "Keen Lung", Giles's "K'ang-hsi".

The Ming and Qing emperors are known by the one era of their reign ("the Daoguang Emperor",
rulers.csv ``canonical`` "<era> Emperor"); English texts of the 19th century write that era in
Wade–Giles, often without its aspiration apostrophes ("Kang Hsi" for K'ang-hsi), or in the
older spellings of Morrison and Williams ("Tao Kwang", "Kia King", "Hien Fung", "Kwang Su").
:func:`era_emperor` reads a name syllable by syllable into every pinyin reading it may have
(:func:`pipeline.old_spellings.name_readings`, shared with :mod:`pipeline.dates.era_rulers`:
strict Wade–Giles, the aspiration apostrophe the text left out, and the lexicon's
``old_syllable`` rows of ``entity_lexicon.csv``: "kwang=kuang", "kia=chia", "hien=hsien")
and links the name to an emperor only when its readings spell the era of exactly one
era-named emperor (:func:`era_emperor_keys`): the era names of the Ming and Qing emperors are
few and far apart, so "Tung Chi" (tong+zhi, dong+ji, tong+qi ...) can only be Tongzhi. A
name another ruler bears (a posthumous name, another era) is left to
:meth:`pipeline.entities.rulers.RulerIndex.resolve`, which is asked first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pipeline.entities.pinyin import is_pinyin_word, is_real_syllable
from pipeline.entities.rulers import RulerIndex, gazetteer_ruler_index
from pipeline.eras import era_key
from pipeline.gazetteer import Gazetteer
from pipeline.old_spellings import (  # shared with pipeline.dates.era_rulers
    KIND,
    MAX_SYLLABLES,
    name_readings,
    old_syllables,
    syllable_readings,
)

__all__ = ["MAX_SYLLABLES", "era_emperor", "era_emperor_keys", "gazetteer_era_emperors",
           "model_era_emperor", "old_syllables", "pinyin_name", "syllable_readings"]


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
    found = {keys[k] for k in name_readings(toks, old) if k in keys}
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
                                 old_syllables(gaz.words(KIND)))
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


_LOWER_SYLLABLE = re.compile(r" ([a-z][a-z'’]{0,5})\b")


def lower_era_tail(name: str, text: str, end: int, gaz: Gazetteer,
                   titles: Iterable[str]) -> tuple[int, str]:
    """An era emperor whose second syllable the text writes in lower case after a space
    (Howorth's "Yung lo", OCR'd as two words; the model's span stops at "Yung"): when the
    one-word mention ``name`` ending at ``end`` in ``text`` and the lower-case word after it,
    capitalised, are read by :func:`model_era_emperor` as exactly one emperor, the end of
    that word and the emperor's canonical ("Yongle Emperor"); else ``(end, "")``."""
    m = _LOWER_SYLLABLE.match(text, end)
    if " " in name or m is None:
        return end, ""
    emperor = model_era_emperor(f"{name} {m.group(1).capitalize()}", gaz, titles)
    return (m.end(), emperor) if emperor else (end, "")
