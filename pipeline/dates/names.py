"""Era, dynasty, number and month names found by dictionary lookup and masked in a
same-length copy of the text, so the grammar matches on placeholders and offsets carry over."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.eras import EraTable, era_key
from pipeline.resources import active_gazetteer_dir

from .cycle_japanese import japanese_cycles
from .grammar import _grammar
from .lexicon import (
    _CARD_HEAD,
    _DYN_START,
    _ERA_START,
    _MON_HEAD,
    _ORD_HEAD,
    Lexicon,
)

_TOKEN = re.compile(r"[^\W\d_]+")
_SEP = frozenset(("", " ", "'", "*", "’", "‘", "ʼ", "`", "´", "-", "‐", " '", " ’", "' ", "’ "))
_ANCHOR = ""  # word_class value of words that start a date phrase but are not masked


@dataclass(frozen=True)
class _NameIndex:
    era_keys: frozenset[str]
    prefixes: frozenset[str]
    fused: frozenset[str]  # dynasty + era in one capitalised word ("Songjingde")
    dyn_first: dict[str, list[tuple[str, ...]]]  # first word -> dynasty names as word tuples
    word_class: dict[str, str]  # token -> mask head char (numbers lowercased, months as written)
    word_cache: dict[str, tuple[str, bool, str | None, bool]]  # token -> _word_info (bounded)
    cycle_words: frozenset[str] = frozenset()  # joined cycle names, lowercase ("gengzi")


# One index per EraTable object (keyed by id, holding the table so the id stays valid); bounded.
_INDEX_CACHE: dict[int, tuple[EraTable, _NameIndex]] = {}


def _name_index(eras: EraTable, lex: Lexicon) -> _NameIndex:
    """Lookup structures for one era table, built once per table object."""
    hit = _INDEX_CACHE.get(id(eras))
    if hit is not None and hit[0] is eras:
        return hit[1]
    keys = eras.surface_keys()
    all_keys = frozenset(keys)
    prefixes = frozenset(k[:i] for k in all_keys for i in range(1, len(k) + 1))
    forms = set()
    for f in eras.dynasty_surface_forms():
        f = re.sub(r"\s+(?:[Dd]ynasty|\(.*\))$", "", f).strip()
        if f and f[0].isupper():
            forms.add(f)
    dyn_first: dict[str, list[tuple[str, ...]]] = {}
    for f in sorted({tuple(_TOKEN.findall(f)) for f in forms}, key=lambda t: (-len(t), t)):
        if f and f[0][0].isupper():
            dyn_first.setdefault(f[0], []).append(f)
    word_class: dict[str, str] = {}
    for cat, head in (("ordinal", _ORD_HEAD), ("ordinal_tens", _ORD_HEAD),
                      ("ordinal_hundred", _ORD_HEAD), ("cardinal", _CARD_HEAD),
                      ("cardinal_tens", _CARD_HEAD), ("cardinal_hundred", _CARD_HEAD)):
        for w in lex.cat(cat):
            word_class[w.lower()] = head
            word_class[w.capitalize()] = head
    for w in lex.cat("month"):
        if not w.endswith("."):
            word_class[w] = _MON_HEAD
    for w in _grammar().firsts:
        word_class.setdefault(w, _ANCHOR)
        word_class.setdefault(w.capitalize(), _ANCHOR)
    fused = frozenset(k for k in eras.fused_keys() if k not in prefixes)
    stems, branches = lex.cat("heavenly_stem"), lex.cat("earthly_branch")
    cycle_words = frozenset((st + br).lower() for st in stems for br in branches
                            if int(stems[st]) % 2 == int(branches[br]) % 2)
    cycle_words |= japanese_cycles(active_gazetteer_dir()).joined  # "boshin", "kasshi"
    index = _NameIndex(
        all_keys, prefixes, fused, dyn_first, word_class, {}, cycle_words,
    )
    if len(_INDEX_CACHE) > 8:
        _INDEX_CACHE.clear()
    _INDEX_CACHE[id(eras)] = (eras, index)
    return index


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    return era_key(text)


_DIGITS = re.compile(r"(?<![\d,])\d")
_CE_DOTTED = re.compile(r"\b(?:A\.\s?D|C\.E)\.(?=\s*\d)")  # "Died A.D. 806"
_CE_PAREN = re.compile(r"\((?=\s*(?:\d|A\.?\s?D|the\s+Christian|C\.?E))")
_WORD_BEFORE = re.compile(r"[A-Za-z]+\s+$")
# "the first year yung-ch'u", "the sixth year of yuan-ch'u": an era in lowercase Wade-Giles of
# two or more syllables is an era right after the word "year" (Chavannes' translations)
_YEAR_BEFORE = re.compile(r"\b[Yy]ear\s+(?:of\s+)?$")
_GROUP = re.Match.group
_CTRL_RE = re.compile("[\x01-\x08\x0e\x0f]")
_FRAG_TAIL = re.compile(r"\d{1,3}\s+years\s*\(")


def _word_info(word: str, index: _NameIndex) -> tuple[str, bool, str | None, bool]:
    """(era key, key is an era-key prefix, mask head or _ANCHOR or None, worth a look)."""
    info = index.word_cache.get(word)
    if info is None:
        key = era_key(word)
        head = index.word_class.get(word)
        if head is None:
            head = index.word_class.get(word.lower())
            if head == _MON_HEAD:
                head = None
        is_prefix = key in index.prefixes
        fused = word[:1].isupper() and key in index.fused
        info = (key, is_prefix, head,
                is_prefix or fused or head is not None or word in index.dyn_first)
        if len(index.word_cache) < 200_000:
            index.word_cache[word] = info
    return info


_APOSTROPHES = ("'", "’", "‘", "ʼ")


def _form_at(text: str, toks: list[re.Match], i: int, form: tuple[str, ...]) -> int:
    """How many tokens from ``toks[i]`` spell the dynasty ``form`` (word by word, joined by a
    space or hyphen; a word may be written with a Wade–Giles apostrophe, "Later T'ang" for
    Later Tang); 0 when they do not."""
    j, n = i + 1, len(toks)
    for word in form[1:]:
        if j >= n or text[toks[j - 1].end():toks[j].start()] not in (" ", "-"):
            return 0
        got = toks[j].group()
        if got != word and j + 1 < n and text[toks[j].end():toks[j + 1].start()] in _APOSTROPHES:
            got += toks[j + 1].group()
            j += 1
        if got != word:
            return 0
        j += 1
    return j - i


_DAY_BEFORE = re.compile(r"\b[Dd]ay\s+$")
_DAY_AFTER = re.compile(r"\s+day\b")


def _scan(text: str, index: _NameIndex) -> tuple[str, list[int], list[tuple[int, int]]]:
    """Mask era names, dynasty names, number words and month names in a same-length copy.

    Era names: the longest window of 1-4 words (joined by nothing, a space, an apostrophe or a
    hyphen) whose key is an era key; lowercase only for keys of 5+ letters in one word, or of
    two words or more right after "year" ("the first year yung-ch'u").
    Dynasty names: the longest capitalised 1-3 word dynasty form not inside an era name.
    Returns (masked text, sorted candidate start offsets for the grammar, dynasty spans).
    """
    if _CTRL_RE.search(text):  # placeholder characters in the input itself: blank them
        text = _CTRL_RE.sub(" ", text)
    toks = list(_TOKEN.finditer(text))
    cache = index.word_cache
    infos = [cache.get(w) or _word_info(w, index) for w in map(_GROUP, toks)]
    hot = [k for k, info in enumerate(infos) if info[3]]
    spans: list[tuple[int, int, str]] = []  # (start, end, head char)
    anchors: list[int] = []
    dyns: list[tuple[int, int]] = []
    n = len(toks)
    i = 0
    for h in hot:
        if h < i:
            continue
        i = h
        tok = toks[i]
        word = tok.group()
        key, is_prefix, head, _hot = infos[i]
        if is_prefix:
            best = 1 if key in index.era_keys else 0
            for k in (1, 2, 3):
                j = i + k
                if j >= n or text[toks[j - 1].end():toks[j].start()] not in _SEP:
                    break
                key += infos[j][0]
                if key not in index.prefixes:
                    break
                if key in index.era_keys:
                    best = k + 1
            if best:
                s0, e = tok.start(), toks[i + best - 1].end()
                # a lowercase cycle name is the cycle year, not the era of that name ("the
                # gengzi year": 庚子, not Western Liang's Gengzi era)
                # nor is a cycle name written as a day ("on the day Gengzi", "the Gengzi day")
                cycle_day = best == 1 and word.lower() in index.cycle_words and (
                    _DAY_BEFORE.search(text, max(0, s0 - 5), s0) or _DAY_AFTER.match(text, e))
                if not cycle_day and (word[0].isupper() or (
                        best == 1 and e - s0 >= 5 and word not in index.cycle_words)
                        or (best > 1 and _YEAR_BEFORE.search(text, max(0, s0 - 12), s0))):
                    anchors.append(s0)
                    spans.append((s0, e, _ERA_START))
                    i += best
                    continue
        if not is_prefix and word[0].isupper() and key in index.fused:
            anchors.append(tok.start())
            spans.append((tok.start(), tok.end(), _ERA_START))
            i += 1
            continue
        forms = index.dyn_first.get(word)
        if forms is not None:
            best = 0
            for form in forms:  # longest first
                k = _form_at(text, toks, i, form)
                if k:
                    best = k
                    break
            if best:
                s0, e = tok.start(), toks[i + best - 1].end()
                spans.append((s0, e, _DYN_START))
                dyns.append((s0, e))
                i += best
                continue
        if head is not None:
            anchors.append(tok.start())
            if head:
                spans.append((tok.start(), tok.end(), head))
        i += 1
    era_starts = [sp[0] for sp in spans if sp[2] == _ERA_START]
    for s0, e in dyns:  # "Jin Tianhui", "Wei Shao Emperor Cao Fang Jiaping": era soon after
        k = bisect.bisect_left(era_starts, e)
        if k < len(era_starts) and era_starts[k] - e <= 40:
            anchors.append(s0)
    pieces: list[str] = []
    last = 0
    for s0, e, head in spans:
        pieces.append(text[last:s0])
        pieces.append(head + chr(ord(head) + 1) * (e - s0 - 1))
        last = e
    pieces.append(text[last:])
    masked = "".join(pieces)
    for m in _DIGITS.finditer(text):
        p = m.start()
        anchors.append(p)
        if _FRAG_TAIL.match(text, p):  # "yuan 13 years (1276)": the word before may start it
            before = _WORD_BEFORE.search(text, max(0, p - 20), p)
            if before:
                anchors.append(before.start())
    anchors.extend(m.start() for m in _CE_PAREN.finditer(text))
    anchors.extend(m.start() for m in _CE_DOTTED.finditer(text))
    starts = set(anchors)
    for p in anchors:
        if p >= 4 and text[p - 4:p].lower() == "the ":
            starts.add(p - 4)
    return masked, sorted(starts), dyns
