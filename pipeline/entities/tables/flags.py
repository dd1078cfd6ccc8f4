"""Lexeme flags for the Matcher (word-set and regex tests checked natively instead of by a
Python predicate on every token) and hashes of word sets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.strings import hash_string
from spacy.vocab import Vocab


class _InSet:
    """Lexeme flag test: the word (or its lower case) is in a set (``{"ORTH": {"IN": ...}}``)."""

    def __init__(self, words: Iterable[str], lower: bool) -> None:
        self.words = frozenset(words)
        self.lower = lower
        self.key = ("LOWER" if lower else "ORTH", self.words)

    def __call__(self, text: str) -> bool:
        return (text.lower() if self.lower else text) in self.words


class _Regex:
    """Lexeme flag test: ``re.search`` on the word (``{"TEXT": {"REGEX": ...}}``)."""

    def __init__(self, pattern: str) -> None:
        self.regex = re.compile(pattern)
        self.key = ("REGEX", pattern)

    def __call__(self, text: str) -> bool:
        return self.regex.search(text) is not None


_FIRST_FLAG = 19  # spaCy's own lexeme flags use bits 1-18; 19-63 are free


def _flag_token(vocab: Vocab, test: _InSet | _Regex, fallback: dict) -> dict:
    """A Matcher token ``{bit: True}`` for a lexeme flag of ``vocab`` set by ``test``.

    Lexeme flags are checked natively by the Matcher, where the equivalent ``fallback``
    predicate (``IN``, ``REGEX``) calls Python on every token. A bit already set by an equal
    test is reused; when no bit is free, ``fallback`` is returned.
    """
    getters = vocab.lex_attr_getters
    bit = next((b for b, g in getters.items() if isinstance(b, int) and b < 64
                and isinstance(g, (_InSet, _Regex)) and g.key == test.key), None)
    if bit is None:
        bit = next((b for b in range(_FIRST_FLAG, 64) if b not in getters), None)
        if bit is None:
            return dict(fallback)
        vocab.add_flag(test, flag_id=bit)
    return {bit: True}


def _hashes(words: Iterable[str]) -> frozenset[int]:
    return frozenset(hash_string(x) for x in words)


_PAREN = frozenset({hash_string("(")})
