"""Word lists of the date grammar (``gazetteer/date_words.csv``) and number words.

Also the placeholder characters the name scanner writes into its masked copy of the text
(era, dynasty, number and month heads), shared by the grammar and the scanner.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.resources import active_gazetteer_dir, gazetteer_dir

GAZETTEER = gazetteer_dir()

_ERA_START, _ERA_FILL, _DYN_START, _DYN_FILL = "\x01", "\x02", "\x03", "\x04"
_ORD_HEAD, _ORD_FILL, _CARD_HEAD, _CARD_FILL = "\x05", "\x06", "\x07", "\x08"
_MON_HEAD, _MON_FILL = "\x0e", "\x0f"


@dataclass(frozen=True)
class Lexicon:
    """Word lists of ``date_words.csv`` grouped by category (word -> value)."""

    words: dict[str, dict[str, str]]

    def cat(self, category: str) -> dict[str, str]:
        return self.words.get(category, {})


def load_lexicon(gazetteer_dir: Path | None = None) -> Lexicon:
    """Read ``date_words.csv`` of ``gazetteer_dir`` (None: the active gazetteer,
    :func:`pipeline.resources.active_gazetteer_dir`); cached per folder."""
    return _load_lexicon(gazetteer_dir or active_gazetteer_dir())


@lru_cache(maxsize=4)
def _load_lexicon(gazetteer_dir: Path) -> Lexicon:
    """Read ``date_words.csv`` (cached per directory)."""
    words: dict[str, dict[str, str]] = {}
    with (gazetteer_dir / "date_words.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            words.setdefault(row["category"], {})[row["word"]] = row["value"]
    liaison = words.get("cycle_liaison", {})
    for cat in ("heavenly_stem", "earthly_branch"):
        words[cat] = cycle_spellings(words.get(cat, {}), liaison if cat == "heavenly_stem" else {})
    return Lexicon(words)


def _plain(word: str) -> str:
    """Without diacritics ("pyŏng" -> "pyong", "đinh" -> "dinh")."""
    decomposed = unicodedata.normalize("NFKD", word.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def cycle_spellings(syllables: dict[str, str], liaison: dict[str, str]) -> dict[str, str]:
    """The stem or branch syllables of ``date_words.csv`` (spelling -> 1-10 / 1-12) with the
    spellings derived from them by rule: without diacritics ("pyong" for pyŏng) and without
    apostrophes ("chuk" for ch'uk); and, for stems, the Korean liaison forms of
    ``cycle_liaison`` rows (a final written ``word`` becomes ``value`` before a branch that
    begins with a vowel: 甲午 kap+o "Kabo", 乙酉 ŭl+yu "Ŭryu"). Spellings listed win."""
    out = dict(syllables)
    for word, value in syllables.items():
        forms = {_plain(word), word.replace("'", ""), _plain(word).replace("'", "")}
        for end, voiced in liaison.items():
            if word.endswith(end):
                forms |= {f[: -len(end)] + voiced for f in forms | {word} if f.endswith(end)}
        for form in forms:
            out.setdefault(form, value)
    return out


def _alt(items: list[str] | set[str], *, ci: bool = True, boundary: bool = True) -> str:
    """Regex alternation of literal phrases, longest first; spaces match any whitespace."""
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(items), key=lambda s: -len(s))]
    body = "|".join(parts)
    body = f"(?i:{body})" if ci else f"(?:{body})"
    return rf"\b{body}(?![\w])" if boundary else body


def parse_number(text: str, lex: Lexicon | None = None) -> int | None:
    """'forty-fourth' -> 44, '45th' -> 45, 'fifteen' -> 15, '6' -> 6; None if not a number."""
    lex = lex or load_lexicon()
    s = text.strip().lower()
    m = re.match(r"(\d+)", s)
    if m:
        return int(m.group(1))
    values = {**lex.cat("cardinal"), **lex.cat("ordinal"), **lex.cat("cardinal_tens"),
              **lex.cat("ordinal_tens"), **lex.cat("first_year")}
    s = re.sub(r"\s+", " ", s)
    if s in values:
        return int(values[s])
    hundreds = {**lex.cat("cardinal_hundred"), **lex.cat("ordinal_hundred")}
    words = [w for w in re.split(r"[\s\-‐]+", s) if w != "and"]
    if not words or any(w not in values and w not in hundreds for w in words):
        return None
    total = part = 0  # "one hundred and first" -> 101, "twenty-fifth" -> 25
    for w in words:
        if w in hundreds:
            total += (part or 1) * int(hundreds[w])
            part = 0
        else:
            part += int(values[w])
    return total + part


def cycle_number(text: str, lex: Lexicon | None = None) -> int | None:
    """Sexagenary name -> 1..60 (1 = jiazi): 'jiashen' -> 21, 'kuei-mao' -> 40, 'Gapsin' -> 21.

    Stems and branches come from ``date_words.csv`` (pinyin, Wade-Giles, Korean); a stem and a
    branch of different parity name no cycle position (None).
    """
    lex = lex or load_lexicon()
    word = re.sub(r"[\s\-‐’'ʼ]+", "", text.strip().lower())
    stems = {k.replace("'", ""): int(v) for k, v in lex.cat("heavenly_stem").items()}
    branches = {k.replace("'", ""): int(v) for k, v in lex.cat("earthly_branch").items()}
    for i in range(1, len(word)):
        st, br = stems.get(word[:i]), branches.get(word[i:])
        if st is not None and br is not None and (st - br) % 2 == 0:
            return next(n for n in range(1, 61)
                        if (n - 1) % 10 + 1 == st and (n - 1) % 12 + 1 == br)
    return None
