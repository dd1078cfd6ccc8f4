"""Token-level views of a doc for matching: Giles's ê/ŭ folded, hard-wrapped lines joined, span
text from token texts."""

from __future__ import annotations

import re

from spacy.tokens import Doc

_GILES = str.maketrans("êŭÊŬ", "euEU")


_GILES_CHARS = re.compile("[êŭÊŬ]")


def _giles_folded(doc: Doc, words: list[str], spaces: list[int]) -> Doc | None:
    """The doc's tokens with Giles's ê and ŭ as e and u ("Chu Wên", "Ssŭch'uan"), same token
    indices, for matching the gazetteer's spellings; None when the text has neither."""
    if not _GILES_CHARS.search("".join(words)):  # (doc.text: a Token object per token)
        return None
    return Doc(doc.vocab, words=[w.translate(_GILES) for w in words],
               spaces=[bool(x) for x in spaces])


def _joined_lines(doc: Doc, words: list[str], spaces: list[int]
                  ) -> tuple[Doc, list[int]] | None:
    """The doc without its single line breaks between two words (a hard-wrapped line: "Yue\n
    Fei"), Giles's ê/ŭ folded, and for each of its tokens the index of the doc's token; None
    when there is no such break. Blank lines (paragraphs) are kept."""
    n = len(words)
    breaks = [i for i in _where_text(words, "\n") if 0 < i < n - 1
              and not words[i - 1].isspace() and not words[i + 1].isspace()]
    if not breaks:
        return None
    dropped = set(breaks)
    keep = [i for i in range(n) if i not in dropped]
    new_words = [words[i].translate(_GILES) for i in keep]
    new_spaces = [bool(spaces[i]) or i + 1 in dropped for i in keep]
    return Doc(doc.vocab, words=new_words, spaces=new_spaces), keep


def _where_text(words: list[str], text: str) -> list[int]:
    """Indices of the tokens equal to ``text``."""
    out, i = [], -1
    while True:
        try:
            i = words.index(text, i + 1)
        except ValueError:
            return out
        out.append(i)


def _span_text(words: list[str], spaces: list[int], start: int, end: int) -> str:
    """``doc[start:end].text`` from the token texts and trailing-space flags."""
    text = "".join([words[k] + " " if spaces[k] else words[k] for k in range(start, end)])
    return text[:-1] if end > start and spaces[end - 1] else text
