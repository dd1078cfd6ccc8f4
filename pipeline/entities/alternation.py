"""Regex alternations of lexicon word lists, built once per list.

The entity stage's frame rules (:mod:`pipeline.entities.relabel` and its helpers) run once per
paragraph block; escaping and joining the same ``entity_lexicon.csv`` word lists for every
block cost more than the searches themselves (2026-12-02: ~380,000 ``re.escape`` calls over
97 pages). The word lists are the gazetteer's tuples (hashable), so the joined text is cached
per list; ``re.compile`` caches the compiled pattern of the same text.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["alternation", "lower_set", "word_set"]


@lru_cache(maxsize=256)
def alternation(words: tuple[str, ...], *, longest_first: bool = False,
                capitalized: bool = False) -> str:
    """``"|".join`` of the :func:`re.escape`-d ``words``: in their order, or with
    ``longest_first`` sorted by length, longest first (a stable sort: words of one length keep
    their order, as ``sorted(words, key=len, reverse=True)``); with ``capitalized`` each word
    is ``str.capitalize``-d first ("eunuch" -> "Eunuch")."""
    if longest_first:
        words = tuple(sorted(words, key=len, reverse=True))
    return "|".join(re.escape(w.capitalize() if capitalized else w) for w in words)


@lru_cache(maxsize=64)
def lower_set(*word_lists: tuple[str, ...]) -> frozenset[str]:
    """The lower-cased words of all ``word_lists`` (each a tuple of words), as one set."""
    return frozenset(w.lower() for words in word_lists for w in words)


@lru_cache(maxsize=64)
def word_set(words: tuple[str, ...]) -> frozenset[str]:
    """``words`` (a tuple of words) as a set, for membership tests."""
    return frozenset(words)
