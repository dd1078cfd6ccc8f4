"""Rejoin words that OCR or a line break split in two, deciding by English word frequencies.

Old books reach historians as OCR text: a word broken at a line end keeps its hyphen and gains a
space or line break ("rebel- lion", "where-\\nupon"), and OCR often splits a word at a syllable
("destruc tion", "recov ered"). Later stages (entities, dates, event triggers) need whole words.
This cleaning pass yields :class:`~pipeline.clean.Edit` s (applied and mapped back to the
original by :func:`pipeline.clean.clean`); every edit spans both parts, so a span found in the
joined word maps back to the original span covering both parts, and every edit becomes a warning
row (each join is a guess).

The decision uses the word frequencies of the ``wordfreq`` package (Robyn Speer et al., Apache
2.0 code, CC BY-SA 4.0 data; the English "large" list, about 321,000 words), on the Zipf scale
(log10 of frequency per billion words: "the" 7.7, "rebellion" 4.2, "cession" 2.4; 0 for a word
not in the list). For two parts ``a`` and ``b`` and the joined word ``ab``, the *join score* is
``zipf(ab) - (zipf(a) + zipf(b) - 9)``: log10 of how much likelier the one word is than the two
words in a row. Codes:

``OCR_SPLIT_WORD``
    ``a b`` (one space; ``b`` lower case; ``a`` lower case or capitalised) becomes ``ab`` when
    ``ab`` is a known word (Zipf >= :data:`MIN_JOINED_ZIPF`, at least :data:`MIN_JOINED_CHARS`
    letters), the join score is at least :data:`MIN_SPACE_SCORE`, and the parts are not both
    real words (Zipf >= :data:`REAL_WORD_ZIPF`): "in to", "a round", "log in" stay.
``HYPHEN_BREAK_JOINED``
    ``a- b`` / ``a-\\nb`` (``b`` lower case) becomes ``ab`` when ``ab`` is a known word with a
    join score of at least :data:`MIN_HYPHEN_SCORE` (Zipf >= :data:`MIN_HYPHEN_JOINED_ZIPF`), or
    a frequent word (Zipf >= :data:`FREQUENT_JOINED_ZIPF`): "rebel- lion" -> "rebellion",
    "where-\\nupon" -> "whereupon"; "twenty- fifth", "long- term" keep their hyphen.
    A capitalised first part ("Kai-\\nfong") is joined when the text itself writes the joined
    word ("Kaifong") elsewhere as a whole word and never the hyphenated one (the document's
    own spelling of a name); the reverse keeps the hyphen.
``HYPHEN_BREAK_KEPT``
    otherwise, when both parts are real words or both are pinyin/Wade–Giles syllables (the
    second may be an older spelling of ``old_spellings.csv``: "Kai- fong"), the
    hyphen is kept and the space or line break dropped: a compound or a name written with
    hyphens ("twenty- fifth" -> "twenty-fifth", "Ch'i- mun" -> "Ch'i-mun"). Anything else
    ("Tai- pings", "frag- mnt") is left as it is.

Never edited: a capitalised second part ("Hupeh- Anhui", "Sino- Japanese": a compound of two
names), a very frequent second word after a hyphen ("pre- and post-war": Zipf >=
:data:`SUSPENDED_HYPHEN_ZIPF`), digits. A capitalised first part that is a pinyin or
Wade–Giles syllable (``pipeline.entities.pinyin``, pypinyin's tables) is a name: it is never
joined without its hyphen, and never joined across a space ("Wu han", "Tai pings" stay). A part
after a hyphen chain ("Tsêng-kuo- fan") keeps its hyphen.

All offsets are Python ``str`` indices, end exclusive; every pattern runs in linear time.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable
from functools import lru_cache

from .clean import Edit

#: The joined word must be at least this frequent (Zipf scale) to be joined without a hyphen.
MIN_JOINED_ZIPF = 2.0
#: ... and at least this many letters long across a space ("sta ts" stays).
MIN_JOINED_CHARS = 6
#: A part at least this frequent is a real word; two real words across a space are never joined.
REAL_WORD_ZIPF = 3.5
#: Join score needed across a space (the joined word 10**4.5 times likelier than the two words).
MIN_SPACE_SCORE = 4.5
#: A line-break hyphen is dropped when the joined word is at least this frequent and has at
#: least this join score ("rebel- lion": 3.94 and 4.6, "cov- erlet": 1.82 and 8.0; kept:
#: "re- script": 1.81 and 1.2, "twenty- fifth": 0.0) ...
MIN_HYPHEN_JOINED_ZIPF = 1.5
MIN_HYPHEN_SCORE = 2.0
#: ... or when the joined word is at least this frequent, whatever the parts ("where- upon": 3.02,
#: "with- out": 5.69; kept: "long- term": 2.75, "anti- war": 2.60).
FREQUENT_JOINED_ZIPF = 3.0
#: A word after "X- " at least this frequent ("and", "or", "to", "which") ends a suspended
#: compound ("pre- and post-war"): no edit.
SUSPENDED_HYPHEN_ZIPF = 6.0
#: The ``wordfreq`` word list used.
WORDLIST = "large"

_L = r"[^\W\d_]"  # one letter, any script
# a word broken at a hyphen: letters (apostrophes inside), "-", spaces or one line break, letters
_HYPHEN_BREAK = re.compile(
    rf"(?<![\w'’])(?P<a>{_L}++(?:['’]{_L}++)*+)-(?P<gap>[ \t]*+\n[ \t]*+|[ \t]++)"
    rf"(?P<b>{_L}++)(?![\w'’-])")
# one word of ASCII letters alone between non-word characters (no hyphen, apostrophe or period)
_WORD = re.compile(r"(?<![\w'’.\-])[A-Za-z]++(?![\w'’\-])")


@lru_cache(maxsize=1)
def word_frequencies() -> dict[str, float]:
    """``wordfreq``'s English frequencies (word in lower case -> share of all words), loaded
    once (about 0.4 s and 37 MB); :func:`pipeline.document.load_resources` loads it before
    worker processes fork."""
    from wordfreq import get_frequency_dict

    return get_frequency_dict("en", wordlist=WORDLIST)


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (case ignored): log10 of its frequency per billion words,
    0.0 for a word not in the list."""
    share = word_frequencies().get(word.lower())
    return math.log10(share) + 9.0 if share else 0.0


def _is_capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


def _is_name_syllable(word: str) -> bool:
    """A pinyin or Wade–Giles syllable ("Tai", "Ch'i", "Han"): read as part of a name."""
    from .entities.pinyin import is_real_syllable, is_wade_giles_syllable

    return is_real_syllable(word) or is_wade_giles_syllable(word)


def _is_old_syllable(word: str) -> bool:
    """A syllable of an older romanization ("fong" of "Kai-fong": ``old_spellings.csv``)."""
    from .places.oldspell import _syllable_table
    from .resources import active_gazetteer_dir

    return word.lower() in _syllable_table(active_gazetteer_dir())


def _occurs(text: str, word: str, start: int, end: int) -> bool:
    """Whether ``word`` occurs in ``text`` as a whole word (case kept) outside ``start:end``."""
    at = text.find(word)
    while at >= 0:
        stop = at + len(word)
        if ((at >= end or stop <= start)
                and not (at > 0 and (text[at - 1].isalnum() or text[at - 1] in "-'’"))
                and not (stop < len(text) and (text[stop].isalnum() or text[stop] in "-'’"))):
            return True
        at = text.find(word, stop)
    return False


def _document_spelling(text: str, a: str, b: str, start: int, end: int) -> str | None:
    """How the text itself writes a name broken at a line-end hyphen (capitalised ``a``):
    ``"joined"`` when ``ab`` ("Kaifong") occurs elsewhere as a whole word and ``a-b`` does
    not, ``"hyphenated"`` for the reverse, None otherwise (or when ``a`` is not
    capitalised)."""
    if not _is_capitalised(a):
        return None
    joined = _occurs(text, a + b, start, end)
    hyphenated = _occurs(text, f"{a}-{b}", start, end)
    if joined != hyphenated:
        return "joined" if joined else "hyphenated"
    return None


def _score(a: str, b: str) -> tuple[float, float, float, float]:
    """(join score, zipf(ab), zipf(a), zipf(b))."""
    joined, za, zb = zipf(a + b), zipf(a), zipf(b)
    return joined - (za + zb - 9.0), joined, za, zb


def _numbers(joined: float, za: float, zb: float, score: float) -> str:
    return f"wordfreq Zipf {joined:.2f}, parts {za:.2f} and {zb:.2f}; join score {score:.1f}"


def _hyphen_breaks(text: str) -> Iterable[Edit]:
    for match in _HYPHEN_BREAK.finditer(text):
        a, b = match["a"], match["b"]
        chain = match.start() > 0 and text[match.start() - 1] == "-"
        if not b.islower() or zipf(b) >= SUSPENDED_HYPHEN_ZIPF:
            continue
        start, end = match.start("a"), match.end("b")
        old = text[start:end]
        score, joined, za, zb = _score(a, b)
        name = chain or (a[0].isupper() and _is_name_syllable(a.replace("’", "'")))
        known = ((joined >= MIN_HYPHEN_JOINED_ZIPF and score >= MIN_HYPHEN_SCORE)
                 or joined >= FREQUENT_JOINED_ZIPF)
        spelt = None if chain else _document_spelling(text, a, b, start, end)
        by_words = known and not name and spelt != "hyphenated" and "'" not in a and "’" not in a
        if by_words or spelt == "joined":
            new = a + b
            why = (_numbers(joined, za, zb, score) if by_words
                   else f"the text writes {new!r} unbroken elsewhere")
            yield Edit(start, end, new, "HYPHEN_BREAK_JOINED",
                       f"joined a word broken at a hyphen (a guess: {why}): {old!r} -> {new!r}")
            continue
        syllables = (_is_name_syllable(a.replace("’", "'"))
                     and (_is_name_syllable(b) or _is_old_syllable(b)))
        if spelt == "hyphenated":
            syllables = True
        words = za >= REAL_WORD_ZIPF and zb >= REAL_WORD_ZIPF
        if syllables or words:  # a name in syllables, a compound of two words: keep the hyphen
            new = f"{a}-{b}"
            why = ("the text writes it so elsewhere" if spelt == "hyphenated"
                   else "two syllables of a name" if syllables else "two words")
            yield Edit(start, end, new, "HYPHEN_BREAK_KEPT",
                       f"dropped the space after a hyphen, kept the hyphen ({why}; a guess): "
                       f"{old!r} -> {new!r}")


def _space_splits(text: str) -> Iterable[Edit]:
    frequencies = word_frequencies()
    min_share = 10.0 ** (MIN_JOINED_ZIPF - 9.0)
    previous_end = -1
    words = _WORD.finditer(text)  # pairs of neighbours, without holding every word at once
    for first, second in itertools.pairwise(words):
        if first.end() + 1 != second.start() or first.start() < previous_end:
            continue
        a, b = first.group(), second.group()
        if frequencies.get((a + b).lower(), 0.0) < min_share or text[first.end()] != " ":
            continue  # most pairs: the joined word is not in the list
        if (len(a) < 2 or len(b) < 2 or len(a) + len(b) < MIN_JOINED_CHARS or not b.islower()
                or not (a.islower() or _is_capitalised(a))):
            continue
        score, joined, za, zb = _score(a, b)
        if (joined < MIN_JOINED_ZIPF or score < MIN_SPACE_SCORE
                or (za >= REAL_WORD_ZIPF and zb >= REAL_WORD_ZIPF)):
            continue
        if a[0].isupper() and (_is_name_syllable(a) or _is_name_syllable(b)):
            continue
        previous_end = second.end()
        yield Edit(first.start(), second.end(), a + b, "OCR_SPLIT_WORD",
                   f"joined a word split by a space (a guess: {_numbers(joined, za, zb, score)})"
                   f": {a + ' ' + b!r} -> {a + b!r}")


def split_words(text: str) -> Iterable[Edit]:
    """Edits rejoining split words in ``text`` (codes ``OCR_SPLIT_WORD``, ``HYPHEN_BREAK_JOINED``,
    ``HYPHEN_BREAK_KEPT``; see the module docstring). Hyphen breaks come first; a space split
    overlapping one is dropped by :func:`pipeline.clean.apply_edits`."""
    yield from _hyphen_breaks(text)
    yield from _space_splits(text)
