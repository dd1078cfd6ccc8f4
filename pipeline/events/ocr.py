"""Trigger words garbled by OCR: "he oyerthrew the Later Liang", "set himself np as first
Emperor", "the Jin army attaeked Taiyuan".

A token is read as the word it differs from by one OCR confusion (the ``ocr`` rows of
``gazetteer/event_cues.csv``: "y=v", "n=u", "rn=m", "e=c" ...: letters as printed = letters
meant) when that word is a trigger word and:

* the trigger form is one word: the token is no English word (``wordfreq`` Zipf below
  :data:`UNKNOWN_ZIPF`: "oyerthrew" 0.0) and the word read is one (Zipf at least
  :data:`KNOWN_ZIPF`), so no real word is ever read as another ("lied" stays "lied");
* the trigger form has several words: the form's other words stand around the token exactly
  and the word read is more frequent than the token ("set himself np as": "up"), the token
  being no frequent word (Zipf below :data:`RARE_ZIPF`).

One confusion per token; a capitalised token inside a sentence is a name and is never read.
Offsets are token indices of the paragraph Doc.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.attrs import LOWER, ORTH, SENT_START
from spacy.tokens import Doc

from pipeline.clean_words import zipf
from pipeline.events.lexicon import FORM_TOKENS, EventLexicon

#: Below this Zipf frequency a token is no English word (wordfreq's "large" list).
UNKNOWN_ZIPF = 1.0
#: The word a one-word form is read as is at least this frequent.
KNOWN_ZIPF = 2.0
#: Tokens at least this frequent are never read as another word inside a multiword form.
RARE_ZIPF = 4.0


def variants(word: str, confusions: tuple[tuple[str, str], ...]) -> set[str]:
    """The words ``word`` (lower case) may stand for by one OCR confusion (itself excluded)."""
    out: set[str] = set()
    for seen, meant in confusions:
        start = word.find(seen)
        while start >= 0:
            out.add(word[:start] + meant + word[start + len(seen):])
            start = word.find(seen, start + 1)
    out.discard(word)
    return out


_WORDS: dict[int, tuple[EventLexicon, Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]]] \
    = {}


def _form_words(lexicon: EventLexicon) -> Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Trigger word -> the forms holding it (as token tuples, and as keys of the lexicon)."""
    cached = _WORDS.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for form in lexicon.forms:
        words = tuple(FORM_TOKENS.findall(form))
        for word in set(words):
            out.setdefault(word, []).append((words, form))
    index = {k: tuple(v) for k, v in out.items()}
    _WORDS[id(lexicon)] = (lexicon, index)
    return index


_READS: dict[int, tuple[EventLexicon, dict[str, tuple[float, tuple[tuple[str, float], ...]]]]] \
    = {}


def _word_reads(lexicon: EventLexicon) -> dict[str, tuple[float, tuple[tuple[str, float], ...]]]:
    """Lower-case word -> (its Zipf frequency, the trigger words it may be read as with theirs):
    one table per lexicon, filled as words are met (a word recurs on every page of a book;
    its reading depends only on the word and the lexicon's ``ocr`` confusions and forms)."""
    cached = _READS.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    table: dict[str, tuple[float, tuple[tuple[str, float], ...]]] = {}
    _READS[id(lexicon)] = (lexicon, table)
    return table


def ocr_triggers(doc: Doc, lexicon: EventLexicon,
                 taken: Mapping[tuple[int, int], str]) -> dict[tuple[int, int], str]:
    """``(start, end)`` token span -> trigger form, for the forms found only by reading one
    garbled token of ``doc`` (see the module doc); spans already in ``taken`` are left out."""
    if not lexicon.ocr:
        return {}
    words = _form_words(lexicon)
    table = doc.to_array([LOWER, ORTH, SENT_START])
    strings = doc.vocab.strings
    lower = [strings[h] for h in table[:, 0].tolist()]
    orths = table[:, 1].tolist()
    starts = table[:, 2].tolist()
    n = len(lower)
    reads = _word_reads(lexicon)  # per lower-case word, kept across calls
    out: dict[tuple[int, int], str] = {}
    for i, word in enumerate(lower):
        if not word.isalnum():
            continue
        if strings[orths[i]][:1].isupper() and starts[i] != 1:
            continue  # a capitalised word inside a sentence: a name
        got = reads.get(word)
        if got is None:
            freq = zipf(word)
            cands = () if freq >= RARE_ZIPF else tuple(
                (read, zipf(read)) for read in variants(word, lexicon.ocr) if read in words)
            got = reads[word] = (freq, cands)
        freq, cands = got
        for read, read_freq in cands:
            for form, key in words[read]:
                if len(form) == 1:
                    ok = freq < UNKNOWN_ZIPF and read_freq >= KNOWN_ZIPF
                    span = (i, i + 1)
                else:
                    k = form.index(read)
                    span = (i - k, i - k + len(form))
                    ok = span[0] >= 0 and span[1] <= n and read_freq > freq and all(
                        lower[span[0] + j] == w for j, w in enumerate(form) if j != k)
                if ok and span not in taken:
                    out.setdefault(span, key)
    return out
