"""PLACE candidates of :func:`pipeline.entities.spans.find_spans`: "(now X, Y)" glosses, modern
place names, listed places ("Hai, Si and other states"), the dynasty beside a reused name, and
rule places that are common nouns."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.entities.candidates import _Cand
from pipeline.entities.pinyin import is_one_syllable, is_pinyin_word
from pipeline.entities.rules import _where
from pipeline.entities.tables import _PAREN, BLOCK_LABEL, _syllable, _Tables
from pipeline.gazetteer import Gazetteer


def _gloss_after(words: list[str], end: int) -> str:
    """Space-joined words of a parenthesised gloss right after token ``end`` ('' if none)."""
    if end < len(words) and words[end] == "(":
        stop = min(end + 20, len(words))
        close = next((k for k in range(end + 1, stop) if words[k] == ")"), stop)
        return " ".join(words[end + 1:close])
    return ""


def _dynasty_beside(words: list[str], start: int, end: int, gaz: Gazetteer) -> str:
    """Canonical name of the polity written right beside tokens ``start:end``: after them as
    "of (the) X (Dynasty)" or ", the capital of (the) X", or before them as "X" / "X's" /
    "the X capital" ("Dongjing of the Liao", "Liao Dongjing", "Ying, the capital of Chu",
    "the Chu capital Ying"), else ""."""
    def polity(seq: list[str]) -> str:
        entry = gaz.resolve(" ".join(seq)) if seq else None
        return entry.canonical if entry is not None and entry.label == "POLITY" else ""

    k = end
    if words[k:k + 4] == [",", "the", "capital", "of"]:
        k += 3  # "Ying, the capital of Chu"
    if k < len(words) and words[k] == "of":
        k += 1 + (k + 1 < len(words) and words[k + 1].lower() == "the")
        for n in (3, 2, 1):
            found = polity(words[k:k + n])
            if found:
                return found
    j = start - (2 if start >= 2 and words[start - 1] in ("'s", "’s") else 1)
    if j >= 1 and words[j].lower() == "capital":
        j -= 1  # "the Chu capital Ying"
    for n in (2, 1):
        if j - n + 1 >= 0:
            found = polity(words[j - n + 1:j + 1])
            if found:
                return found
    return ""


def _opens_gloss(doc: Doc, paren: int, tables: _Tables) -> bool:
    """Token ``paren`` is "(" followed by a modern-place gloss opener ("now", "today's" ...)."""
    if paren >= len(doc) or doc[paren].text != "(":
        return False
    for tok in doc[paren + 1: paren + 3]:
        if tok.lower_ in tables.gloss_openers:
            return True
        if not tok.is_space:
            break
    return False


def _gloss_places(words: list[str], orth: list[int], tables: _Tables) -> list[_Cand]:
    """PLACE candidates from "(now X, Y)" glosses: the names inside and the name before.

    ``words`` are the token texts of the doc (token index = list index).
    """
    cands: list[_Cand] = []
    n = len(words)
    for i in _where(orth, _PAREN):
        j = i + 1
        while j < n and words[j].isspace():
            j += 1
        if j >= n:
            continue
        close = next((k for k in range(j, min(j + 25, n)) if words[k] == ")"), None)
        if close is None:
            continue
        first = words[j].lower()
        opener = first in tables.gloss_openers
        known_province = any(w in tables.provinces for w in words[j:close])
        if not (opener or known_province or first in tables.gloss_words):
            continue
        if opener:
            k = i
            while k > 0 and k > i - 3 and words[k - 1].istitle() and words[k - 1].isalpha():
                k -= 1
            if k < i and not (i - k == 1 and words[k].lower() in ("the", "in", "at")):
                cands.append(_Cand(k, i, "PLACE", "", 0))
        run: list[int] = []
        for k in range(j, close + 1):
            t = words[k]
            word_ok = k < close and t.lower() not in tables.gloss_words and (
                is_pinyin_word(t) or t in tables.provinces or t in tables.suffixes
                or (t[:1].isupper() and "'" in t)
                or (bool(run) and t.istitle() and t.isalpha()))  # "Iranian Plateau"
            if word_ok and run and words[run[-1]] in tables.provinces and \
                    t not in tables.suffixes:
                cands.append(_Cand(run[0], run[-1] + 1, "PLACE", "", 0))
                run = []
            if word_ok:
                run.append(k)
            elif run:
                cands.append(_Cand(run[0], run[-1] + 1, "PLACE", "", 0))
                run = []
    return cands


def _modern_places(words: list[str], orth: list[int], tables: _Tables) -> list[_Cand]:
    """PLACE candidates for one-word names of current prefectures and counties ("Xinzheng").

    Only words of five letters or more that are no era name and do not follow a surname or
    dynasty word (which would make them a given name or an era: "Li Anyang", "Jin Tianhui").
    The postal spellings of cities count too ("Ningpo"), with the current name as canonical
    (:attr:`pipeline.gazetteer.Gazetteer.postal_places`).
    """
    w = tables.words
    postal = tables.gazetteer.postal_places
    return [_Cand(i, i + 1, "PLACE", postal.get(words[i], ""), 0)
            for i in _where(orth, tables.modern_hashes)
            if i == 0 or (words[i - 1] not in w.surnames and words[i - 1] not in w.pol_words)]


def _listed_places(words: list[str], lower: list[int], spans: list[_Cand],
                   taken: bytearray, tables: _Tables) -> list[_Cand]:
    """Relabel one-word names listed before "(and other) states/prefectures/counties" as PLACE.

    "captured Hai, Si, Tang and other states": each listed name is a place even when it is
    also a dynasty name.
    """
    by_start = {c.start: c for c in spans}
    out = {c.start: c for c in spans}
    for i in _where(lower, tables.list_noun_hashes):
        k = i - 1
        while k >= 0 and words[k].lower() in ("other", "and", "the", "several", "more"):
            k -= 1
        while k >= 0:
            t = words[k]
            if t == ")":
                k = next((m for m in range(k - 1, max(k - 25, -1), -1) if words[m] == "("), -1)
                k -= 1
                continue
            if t in (",", "and", "、"):
                k -= 1
                continue
            if t.istitle() and t.isalpha():
                c = by_start.get(k)
                if c is None and taken[k]:
                    break
                if c is None:
                    out[k] = _Cand(k, k + 1, "PLACE", "", 0)
                    taken[k] = 1
                elif c.end == k + 1 and c.label in ("POLITY", "PERSON"):
                    entry = next((e for e in tables.gazetteer.lookup(t)
                                  if e.label == "PLACE"), None)
                    out[k] = _Cand(k, k + 1, "PLACE", entry.canonical if entry else "", 0)
                elif c.label != "PLACE":
                    break
                k -= 1
                continue
            break
    return sorted(out.values(), key=lambda c: c.start)


def _drop_common_nouns(words: list[str], cands: list[_Cand], tables: _Tables) -> list[_Cand]:
    """Block rule PLACE candidates ("Name Province") whose name is a word of two syllables or
    more that the same text also writes in lower case: a common noun, an office or rank
    ("the Yuan Dynasty's Wanhu Province ... a wanhu"), not a place name."""
    rule_places = [c for c in cands if c.label == "PLACE" and c.priority == 1
                   and not c.canonical]
    if not rule_places:
        return cands
    lower_words = {w for w in words if w.islower()}
    suffix_words = tables.words.suffix_words | tables.words.directions
    bad = {c for c in rule_places
           if any(w.lower() in lower_words and not is_one_syllable(w)
                  for w in words[c.start:c.end] if w[:1].isupper() and w not in suffix_words)}
    # blocked, so that the statistical model does not tag the span either
    return [_Cand(c.start, c.end, BLOCK_LABEL, "", c.priority) if c in bad else c
            for c in cands] if bad else cands


def _wg_compounds(words: list[str], tables: _Tables) -> tuple[list[_Cand], set[int]]:
    """Hyphenated Wade–Giles compounds whose first syllable is a polity name ("Chin-t'ien",
    one word: Jintian): (PLACE candidates for those followed by a place suffix word in any
    case, "Chin-t'ien village"; the token indices of their first syllables, whose one-word
    polity reading is dropped). The part after the hyphen is one lower-case syllable, so
    "Song-Jin" and "Tang-era" are no compounds."""
    w = tables.words
    suffix_lc = {x.lower() for x in w.suffix_words} | tables.suffix_lc
    cands: list[_Cand] = []
    firsts: set[int] = set()
    n = len(words)
    for i in _where_words(words, "-"):
        k = i - 1
        if k < 0 or i + 1 >= n or words[k] not in w.pol_single:
            continue
        second = words[i + 1].replace("’", "'")
        if not (second[:1].islower() and _syllable(second)):
            continue
        firsts.add(k)
        if i + 2 < n and words[i + 2].lower() in suffix_lc:
            cands.append(_Cand(k, i + 3, "PLACE", "", 1))
    return cands, firsts


def _where_words(words: list[str], text: str) -> list[int]:
    """Indices of the tokens equal to ``text``."""
    return [i for i, x in enumerate(words) if x == text] if text in words else []
