"""Korean syllables in romanisation, by rule: a hyphenated Korean given name is one word.

Korean personal names are written surname + given name, the given name's two syllables joined
by a hyphen ("Dae Jo-yeong" 大祚榮, "Jang Mun-hyu", "Kim Yu-sin"). Its second syllable is
written in lower case and is seldom a Chinese syllable ("yeong", "hyu", "hyeon"), so the
clean-up that drops trailing lower-case words would cut the name at the hyphen ("Dae Jo").
:func:`is_korean_syllable` tells a Korean syllable from the composition rules of the two
romanisations in use, not from a list of names: initial consonant + vowel + final consonant.

* Revised Romanization (Ministry of Culture and Tourism, 2000): initials g kk n d tt r m b pp
  s ss j jj ch k t p h (or none); vowels a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu
  eu ui i; finals k n t l m p ng (or none).
* McCune–Reischauer (1939): initials k kk n t tt r m p pp s ss ch tch ch' k' t' p' h (or
  none); vowels a ae ya yae ŏ e yŏ ye o wa wae oe yo u wŏ we wi yu ŭ ŭi i; the same finals.
"""

from __future__ import annotations

import re
from functools import lru_cache

_RR_INITIALS = ("", "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "j", "jj",
                "ch", "k", "t", "p", "h")
_RR_VOWELS = ("a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
              "u", "wo", "we", "wi", "yu", "eu", "ui", "i")
_MR_INITIALS = ("", "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "ch", "tch",
                "ch'", "k'", "t'", "p'", "h")
_MR_VOWELS = ("a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u",
              "wŏ", "we", "wi", "yu", "ŭ", "ŭi", "i")
_FINALS = ("", "k", "n", "t", "l", "m", "p", "ng")


def _alternation(parts: tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + ")"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    finals = _alternation(_FINALS)
    rr = _alternation(_RR_INITIALS) + _alternation(_RR_VOWELS) + finals
    mr = _alternation(_MR_INITIALS) + _alternation(_MR_VOWELS) + finals
    return re.compile(f"(?:{rr})|(?:{mr})")


def is_korean_syllable(word: str) -> bool:
    """True if ``word`` (any case, ’ taken as ') is one Korean syllable in Revised
    Romanization or McCune–Reischauer: "yeong", "Hyu", "sin", "Jo", "hyŏn"; not "Bator",
    "khoto", "tsung"."""
    w = word.lower().replace("’", "'")
    return bool(w) and _pattern().fullmatch(w) is not None


def korean_given_name(first: str, second: str) -> bool:
    """True if ``first``-``second`` is a hyphenated Korean given name: a capitalised Korean
    syllable, then a lower-case one ("Jo"-"yeong", "Mun"-"hyu", "Gwang"-"hyeon")."""
    return first[:1].isupper() and second[:1].islower() \
        and is_korean_syllable(first) and is_korean_syllable(second)
