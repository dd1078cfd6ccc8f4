"""Wade–Giles ↔ pinyin for single syllables and names, from pypinyin's tables.

Used to link a name written in Wade–Giles ("Ssu-ma Kuang", "Li K'o-yung") to the pinyin
spelling the gazetteer and other mentions use ("Sima Guang", "Li Keyong"). Syllables are
read strictly as Wade–Giles: "kuang" is pinyin guang, "k'uang" is kuang; the typographic
apostrophe counts as the straight one; ü may be written ü, v or u.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pypinyin import Style
from pypinyin.pinyin_dict import pinyin_dict
from pypinyin.style import convert


@lru_cache(maxsize=4096)  # pypinyin's table repeats about 1,500 toned readings 100,000 times
def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")  # ü, ǚ ...
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every toneless pinyin syllable of pypinyin's character table (ü as v; about 410)."""
    return frozenset(_toneless(r) for rs in pinyin_dict.values() for r in rs.split(","))


def _wg(syl: str) -> str:
    """Wade–Giles of one toneless pinyin syllable (ü as v in and ü out). pypinyin writes
    final -ai as -ei ("ai" -> "ei", "hai" -> "hei"); Wade–Giles keeps -ai."""
    if syl == "huo":  # pypinyin writes "ho", the Wade–Giles of he; huo is "huo" (火, 霍)
        return "huo"
    wg = convert(syl, Style.WADEGILES, True).replace("v", "ü")
    wg = _PYPINYIN_WRONG.get(wg, wg)
    return wg[:-2] + "ai" if syl.endswith("ai") and wg.endswith("ei") else wg


#: forms pypinyin (0.55, ``Style.WADEGILES``) writes that are no Wade–Giles ("sho" for shuo,
#: "t'oeh" for tie, a backtick for the apostrophe of ch'ua) -> the standard form
_PYPINYIN_WRONG = {"sho": "shuo", "t'oeh": "t'ieh", "ch`ua": "ch'ua"}
#: Wade–Giles syllables pypinyin's table lacks or reads otherwise, from the standard table
#: (I. L. Legeza, *Guide to transliterated Chinese in the modern Peking dialect*, Brill 1968,
#: after Giles's *Chinese-English dictionary*, 1892; as tabulated by cjklib), with Giles's
#: old forms of the finals -üeh (hsio, chio, lio) and -ieh (chiai); ê is read as e
_STANDARD = {
    "shuo": "shuo", "t'ieh": "tie", "ch'ua": "chua", "ke": "ge", "k'e": "ke", "he": "he",
    "yi": "yi", "e": "e", "chio": "jue", "chüo": "jue", "ch'io": "que", "ch'üo": "que",
    "hsio": "xue", "hsüo": "xue", "lio": "lüe", "lüo": "lüe", "nüo": "nüe", "chiai": "jie",
    "ch'iai": "qie",
}


@lru_cache(maxsize=1)
def _wg_table() -> dict[str, str]:
    """Wade–Giles syllable (lower case) -> pinyin (ü as ü). When two pinyin syllables have one
    Wade–Giles form ("ho": he, huo; "lo": luo, lo) the one more characters are read with wins,
    and the other is also found by its own spelling. A form with ü is also looked up with u
    ("chueh" for "chüeh") where no syllable is spelled so itself ("chu" is zhu, not ju)."""
    count: dict[str, int] = {}
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            key = _toneless(r)
            count[key] = count.get(key, 0) + 1
    exact: dict[str, str] = {}
    for syl in sorted(count, key=lambda x: (-count[x], x)):
        py = syl.replace("v", "ü")
        if exact.setdefault(_wg(syl), py) != py:
            exact.setdefault(py, py)
    for wg, py in _STANDARD.items():
        exact[wg] = py
    loose: dict[str, str] = {}
    for wg, py in exact.items():
        loose.setdefault(wg.replace("ü", "u"), py)
    return {**loose, **exact}


def wg_syllable_to_pinyin(syllable: str) -> str:
    """Pinyin of one Wade–Giles syllable ("Kuang" -> "guang", "k'o" -> "ke", "Ssu" -> "si"),
    lower case; "" if it is none."""
    key = syllable.lower().replace("’", "'").replace("ŭ", "u").replace("ê", "e")
    return _wg_table().get(key, "")


_PARTS = re.compile(r"[-\s]+")


@lru_cache(maxsize=16384)
def wg_name_to_pinyin(name: str) -> str:
    """A name of Wade–Giles words in pinyin, each word joined and capitalised ("Ssu-ma Kuang"
    -> "Sima Guang", "Li K'o-yung" -> "Li Keyong"); "" if a syllable is no Wade–Giles
    syllable. A word is split into syllables at its hyphens only."""
    words = []
    for word in name.split():
        syls = [wg_syllable_to_pinyin(s) for s in word.split("-") if s]
        if not syls or not all(syls):
            return ""
        words.append("".join(syls).capitalize())
    return " ".join(words)


def pinyin_to_wg(syllable: str) -> str:
    """Wade–Giles of one pinyin syllable, lower case, with its apostrophe and ü ("tong" ->
    "t'ung", "dong" -> "tung", "xu" -> "hsü"); "" if it is no pinyin syllable."""
    key = syllable.lower().replace("ü", "v")
    return _wg(key) if key in pinyin_syllables() else ""


def pinyin_to_wg_key(word: str) -> str:
    """A pinyin word (1-4 syllables, no separators) as Wade–Giles letters only, lower case
    ("Sima" -> "ssuma", "Ouyang" -> "ouyang"); "" if it does not split into pinyin syllables
    (the split with the fewest syllables is used)."""
    text = word.lower().replace("ü", "v")
    syls = pinyin_syllables()
    best: list[list[str] | None] = [[]] + [None] * len(text)
    for end in range(1, len(text) + 1):
        for start in range(max(0, end - 6), end):
            prev = best[start]
            if prev is not None and text[start:end] in syls and (
                    best[end] is None or len(prev) + 1 < len(best[end] or [])):
                best[end] = prev + [text[start:end]]
    split = best[len(text)]
    if not split:
        return ""
    wg = "".join(_wg(s) for s in split)
    return "".join(c for c in wg.replace("v", "u") if c.isalpha())


_MARKS = re.compile("['’üêŭÜÊŬ]")


def _giles_mark(syllable: str) -> bool:
    """True when a syllable's marks show Wade–Giles: an apostrophe, ê or ŭ, or a ü that pinyin
    would not write (pinyin writes ü in lü, nü, lüe, nüe: "Lü" is no evidence, "Hsü" is)."""
    if _MARKS.search(syllable) is None:
        return False
    key = syllable.lower().replace("ü", "v")
    return any(c in syllable for c in "'’êŭÊŬ") or key not in pinyin_syllables()


def wg_canonical(name: str) -> str:
    """The pinyin of a name written in Wade–Giles ("Ch'eng-tu" -> "Chengdu", "Ch'ang-an" ->
    "Chang'an", "Hsi-ch'uan" ->
    "Xichuan", "Shih Lang" -> "Shi Lang", "Chin-t'ien village" -> "Jintian village"), or "" if
    the name is not plainly Wade–Giles. Plainly: every capitalised word splits at its hyphens
    into Wade–Giles syllables, and the name shows Wade–Giles by an aspiration apostrophe or
    a Giles vowel (ê, ŭ, or ü where pinyin has none: "Lü Chan" is pinyin), by a word of two
    hyphenated syllables, or by a syllable pinyin
    has not ("Shih", "Hsing"); one pinyin-looking word ("Lin", "Chao") is left as written.
    Lower-case English words ("village") are kept."""
    from pipeline.entities.pinyin import is_real_syllable  # noqa: PLC0415

    out: list[str] = []
    shown = False
    for word in name.split():
        if word.islower() and len(word) > 3 and not wg_syllable_to_pinyin(word):
            out.append(word)
            continue
        syls = [s for s in word.split("-") if s]
        if not syls or not word[:1].isupper():
            return ""
        readings = [wg_syllable_to_pinyin(s) for s in syls]
        if not all(readings):
            return ""
        shown = shown or len(syls) > 1 or any(_giles_mark(s) for s in syls) \
            or any(not is_real_syllable(s) for s in syls)
        # pinyin marks a syllable that starts with a, e or o inside a word: "Chang'an"
        joined = readings[0] + "".join(("'" if r[:1] in "aeo" else "") + r for r in readings[1:])
        out.append(joined.capitalize())
    converted = " ".join(out)
    return converted if shown and converted != name else ""
