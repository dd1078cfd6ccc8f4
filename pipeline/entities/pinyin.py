"""Does a word spell pinyin syllables? (diacritics and ü/v allowed)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SYL = (
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn"
    r"|ia|ie|iu|ua|uo|ue|ve|ui|a|e|i|o|u|v))"
)
_PINYIN_RE = re.compile(rf"{_SYL}(?:'?{_SYL}){{0,3}}")
_ASCII = str.maketrans("üÜāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ’", "vVaaaaeeeeiiiioooouuuuvvvv'")


_ONE_SYL_RE = re.compile(_SYL)


def is_one_syllable(text: str) -> bool:
    """True for a word that spells exactly one pinyin syllable ("Jing", "Mi")."""
    return _ONE_SYL_RE.fullmatch(text.translate(_ASCII).lower()) is not None


@lru_cache(maxsize=65536)
def is_pinyin_word(text: str) -> bool:
    """True for a capitalised word that spells 1-4 pinyin syllables ("Shizhong", "Ma'anshan")."""
    if len(text) < 2 or not text[0].isupper() or not text[1:].replace("'", "").islower():
        return False
    return _PINYIN_RE.fullmatch(text.translate(_ASCII).lower()) is not None




@lru_cache(maxsize=1)
def _real_syllables() -> frozenset[str]:
    """Every toneless syllable pypinyin's character table reads (about 420: "he", no "ho")."""
    from pypinyin.pinyin_dict import pinyin_dict

    out: set[str] = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            out.add("".join(c for c in unicodedata.normalize("NFD", reading)
                            if not unicodedata.combining(c)))
    return frozenset(out)


def is_real_syllable(word: str) -> bool:
    """True for a word that is one syllable some Chinese character is read with in pinyin
    (pypinyin's table, tones ignored): "Sheng", "He"; not "Ho", "Tsung" (Wade–Giles)."""
    folded = "".join(c for c in unicodedata.normalize("NFD", word.lower())
                     if c.isalpha() and c.isascii())
    return folded in _real_syllables()


# one Wade–Giles syllable (Giles's spelling: ê, ŭ, ü; aspirates with an apostrophe)
WG_SYLLABLE = (
    r"(?:ch'|ch|hs|k'|k|p'|p|t'|t|ts'|ts|tz'|tz|ss|sz|sh|j|m|f|n|l|h|s|y|w)?"
    r"(?:iung|iang|uang|iao|ieh|ien|uai|uan|üan|üeh|ueh|uei|ang|eng|êng|ing|ung|erh|ai|ao|an|ei|en|ên"
    r"|ia|ih|in|iu|ou|ua|ui|un|ün|uo|a|e|ê|i|o|u|ü|ŭ)"
)
_WG_RE = re.compile(WG_SYLLABLE)


def is_wade_giles_syllable(text: str) -> bool:
    """True for a word that is one Wade–Giles syllable, any case ("Ts'ung", "yüan", "Sêng")."""
    return _WG_RE.fullmatch(text.replace("’", "'").lower()) is not None


# --- the rule tables ---------------------------------------------------------------------------
