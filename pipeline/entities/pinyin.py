"""Does a word spell pinyin syllables? (diacritics and ü/v allowed)."""

from __future__ import annotations

import re
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




# --- the rule tables ---------------------------------------------------------------------------
