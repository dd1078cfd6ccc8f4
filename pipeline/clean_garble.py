"""Undo a document-wide character garble ("Revowt of de Three Feudatories", OCR's "tbe", "Mongo1").

Some mirrors rewrite letters throughout a page ("l" -> "w", "th" -> "d": "kiwwed", "Juwy",
"Apriw 1674"), and OCR confuses letter shapes ("tbe", "Mongo1", "victorv"). Later stages need
the words. The candidate substitutions are data: ``gazetteer/garble_substitutions.csv``
(``garbled,plain``: "w,l", "d,th", "1,l", "b,h", ...).

For one document, a distinct word (ASCII letters and digits, at least two letters, compared in
lower case) *is repaired* when it is unknown to English (wordfreq Zipf below
:data:`UNKNOWN_ZIPF`, :func:`pipeline.clean_words.zipf`) and replacing some occurrences of the
candidates' ``garbled`` strings in it by their ``plain`` gives a known word (Zipf at least
:data:`REPAIRED_ZIPF` and :data:`MIN_GAIN` above the word's own; the most frequent such word).
The word counts for the pairs its repair uses ("weaders" is "leaders", "w", not "weathers",
"d"). A pair is *adopted* for the document only when it repairs at least
:data:`MIN_REPAIRED_WORDS` distinct words, and at least :data:`MIN_REPAIRED_SHARE` of the
document's distinct words (a long book has more chance repairs). Each
occurrence of an unknown word that the adopted pairs (together) repair becomes one
:class:`~pipeline.clean.Edit` (code ``GARBLE_SUBSTITUTION``); known words are never changed
("wed", "de" and "deaf" stay, though the mirror made them of "led", "the" and "death"). The
edits change length ("dree" -> "three"); :func:`pipeline.clean.clean` maps every offset back to
the original text and writes one warning row per adopted pair (with its count and examples), not
one per word.

All offsets are Python ``str`` indices into the text the pass reads, end exclusive.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .clean import Edit
from .records import WarningRow
from .resources import active_gazetteer_dir

#: The edit code (one warning row per adopted pair, not per edit: :func:`pipeline.clean.clean`).
CODE = "GARBLE_SUBSTITUTION"
#: A word below this Zipf frequency is unknown ("tbe" 2.56, "deir" 2.88, "dree" 1.77).
UNKNOWN_ZIPF = 3.0
#: A repair must give a word at least this frequent ...
REPAIRED_ZIPF = 2.5
#: ... and at least this much more frequent than the garbled word (Zipf, log10 units).
MIN_GAIN = 2.0
#: A pair is adopted for a document when it repairs at least this many distinct words ...
MIN_REPAIRED_WORDS = 3
#: ... and at least this share of the document's distinct words. Measured (``bench/garble23.md``):
#: on 95 clean pages (fresh4..17, corpus-dev, dev4..dev10 texts) no pair repairs more than one
#: word a page, and on all of them joined (79,000 words, 7,801 distinct) at most 4 ("b"->"h":
#: "tbe", "tbus", "ber", and the wrong "beidi" -> "heidi"); the "l"->"w", "th"->"d" mirror page
#: (259 distinct words) gives 31 ("l"), 8 ("th" as "d"), 3 ("th" as "f": 1.2 %).
MIN_REPAIRED_SHARE = 0.005
#: At most this many occurrences of garbled strings in one word are tried (2**n variants).
MAX_SITES = 6

_WORD = re.compile(r"(?<![\w'’\-])(?=[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]++"
                   r"(?![\w'’\-])")


@dataclass(frozen=True)
class Pair:
    """One candidate substitution: ``garbled`` in the text stands for ``plain`` (lower case)."""

    garbled: str
    plain: str

    def label(self) -> str:
        return f"{self.garbled!r}->{self.plain!r}"


@lru_cache(maxsize=4)
def _load_pairs(gazetteer_dir: Path) -> tuple[Pair, ...]:
    path = gazetteer_dir / "garble_substitutions.csv"
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(Pair(row["garbled"].strip().lower(), row["plain"].strip().lower())
                     for row in csv.DictReader(fh)
                     if row["garbled"].strip() and row["plain"].strip())


def pairs(gazetteer_dir: Path | None = None) -> tuple[Pair, ...]:
    """The candidate pairs of ``garble_substitutions.csv`` of ``gazetteer_dir`` (None: the active
    gazetteer); empty without the file; cached per folder."""
    return _load_pairs(gazetteer_dir or active_gazetteer_dir())


def _sites(word: str, chosen: Sequence[Pair]) -> list[tuple[int, Pair]]:
    """Non-overlapping occurrences (start, pair) of the pairs' garbled strings in ``word``."""
    found: list[tuple[int, Pair]] = []
    for pair in chosen:
        at = word.find(pair.garbled)
        while at >= 0:
            found.append((at, pair))
            at = word.find(pair.garbled, at + len(pair.garbled))
    found.sort(key=lambda s: (s[0], -len(s[1].garbled)))
    kept: list[tuple[int, Pair]] = []
    end = -1
    for at, pair in found:
        if at >= end:
            kept.append((at, pair))
            end = at + len(pair.garbled)
    return kept[:MAX_SITES]


def _variant(word: str, sites: Iterable[tuple[int, Pair]]) -> str:
    out, pos = [], 0
    for at, pair in sites:
        out.append(word[pos:at])
        out.append(pair.plain)
        pos = at + len(pair.garbled)
    out.append(word[pos:])
    return "".join(out)


def repair(word: str, chosen: Sequence[Pair]) -> tuple[str, tuple[Pair, ...]] | None:
    """The most frequent known word that replacing some garbled strings of ``chosen`` in the
    unknown ``word`` (lower case) gives, with the pairs used; None when ``word`` is known or no
    replacement qualifies (fewer replacements win a tie)."""
    from .clean_words import zipf

    own = zipf(word)
    if own >= UNKNOWN_ZIPF:
        return None
    sites = _sites(word, chosen)
    best: tuple[str, tuple[Pair, ...]] | None = None
    best_zipf = max(REPAIRED_ZIPF, own + MIN_GAIN)
    for n in range(1, len(sites) + 1):
        for subset in itertools.combinations(sites, n):
            candidate = _variant(word, subset)
            score = zipf(candidate)
            if score > best_zipf or (best is None and score >= best_zipf):
                used = tuple(dict.fromkeys(pair for _, pair in subset))
                best, best_zipf = (candidate, used), score
    return best


def _recased(original: str, repaired: str) -> str:
    """``repaired`` with the case of ``original``: all capitals, capitalised, or lower case."""
    if original.isupper() and len(original) > 1:
        return repaired.upper()
    if original[0].isupper():
        return repaired[0].upper() + repaired[1:]
    return repaired


def adopted_pairs(words: Iterable[str], candidates: Sequence[Pair]) -> dict[Pair, list[str]]:
    """The pairs of ``candidates`` adopted for a document of the distinct lower-case ``words``:
    pair -> the distinct words whose best repair by all the candidates together uses it (at
    least :data:`MIN_REPAIRED_WORDS`, and :data:`MIN_REPAIRED_SHARE` of ``words``). A word is
    counted for the pairs of its best repair only: "weaders" is "leaders" ("w"), not
    "weathers" ("d")."""
    words = sorted(set(words))
    need = max(MIN_REPAIRED_WORDS, MIN_REPAIRED_SHARE * len(words))
    repaired: dict[Pair, list[str]] = {}
    for word in words:
        if not any(pair.garbled in word for pair in candidates):
            continue
        fixed = repair(word, candidates)
        for pair in fixed[1] if fixed else ():
            repaired.setdefault(pair, []).append(word)
    return {pair: found for pair, found in repaired.items() if len(found) >= need}


def garble_edits(text: str, gazetteer_dir: Path | None = None) -> list[Edit]:
    """Edits undoing the adopted substitutions of ``text`` (see the module docstring); each
    edit's message starts with the labels of the pairs it used, `` | ``-joined, then ``: ``."""
    candidates = pairs(gazetteer_dir)
    if not candidates:
        return []
    lowered = {m.lower() for m in _WORD.findall(text)}
    adopted = adopted_pairs(lowered, candidates)
    if not adopted:
        return []
    chosen = tuple(adopted)
    repaired: dict[str, tuple[str, str]] = {}
    for word in lowered:
        if any(p.garbled in word for p in chosen):
            fixed = repair(word, chosen)
            if fixed is not None:
                repaired[word] = (fixed[0], " | ".join(p.label() for p in fixed[1]))
    edits: list[Edit] = []
    for match in _WORD.finditer(text):
        hit = repaired.get(match.group().lower())
        if hit is not None:
            new = _recased(match.group(), hit[0])
            edits.append(Edit(match.start(), match.end(), new, CODE,
                              f"{hit[1]}: {match.group()!r} -> {new!r}"))
    return edits


#: How many examples a summarised warning row names.
SUMMARY_EXAMPLES = 5


def summary_rows(groups: dict[tuple[str, str], list[tuple[int, int, str]]]) -> list[WarningRow]:
    """One warning row per (code, key) of the summarised edits of one cleaning pass
    (``pipeline.clean._SUMMARISED``; ``groups`` holds each edit's original ``(start, end,
    example)``): the span of the first edit, the count of edits and of distinct changes, and
    the first :data:`SUMMARY_EXAMPLES` examples."""
    rows = []
    for (code, key), hits in groups.items():
        distinct = list(dict.fromkeys(example for _, _, example in hits))
        shown = "; ".join(distinct[:SUMMARY_EXAMPLES])
        rows.append(WarningRow("", hits[0][0], hits[0][1], code,
                               f"read {key} throughout the document (a guess from word "
                               f"frequencies): {len(hits)} word(s) changed, {len(distinct)} "
                               f"distinct, e.g. {shown}"))
    return rows
