"""Heading lines told twice: a web page repeats its title as an image caption ("Mongol
invasions under King Gojong" and, under the picture, "Mongol invasions under King Gojong
©Anonymous") or as a section heading. Only the first telling is read for events; a later line
that says the same (a trailing "©"/"(c)" credit left out, case and spacing ignored) gives no
row. Only short lines without sentence punctuation count (a heading or a caption, at most
:data:`MAX_WORDS` words): a sentence told twice in running text stays as written.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.events.triggers import Block

#: Most words a heading or caption line may have.
MAX_WORDS = 14
#: A picture credit at the end of a caption: "©Anonymous", "© Wikimedia", "(c) X".
_CREDIT = re.compile(r"\s*(?:©|\(c\)).*$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _key(line: str) -> str:
    """The line as compared: its credit dropped, spaces folded, lower case; "" for a line that
    is no heading (empty, too long, or ending as a sentence)."""
    text = _SPACE.sub(" ", _CREDIT.sub("", line)).strip().casefold()
    if not text or text.endswith((".", "!", "?", ";", ":")) or len(text.split()) > MAX_WORDS:
        return ""
    return text


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def without_repeated_headings(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` (one document's paragraphs, in order) with the triggers dropped that stand
    on a heading line saying what an earlier line said (module doc)."""
    seen: set[str] = set()
    out = []
    for block in blocks:
        lines = []  # (start, end, key) of the block's lines, block-text offsets
        at = 0
        for line in block.text.split("\n"):
            lines.append((at, at + len(line), _key(line)))
            at += len(line) + 1
        repeated = []
        for start, end, key in lines:
            if key and key in seen:
                repeated.append((start, end))
            elif key:
                seen.add(key)
        if not repeated or not block.todo:
            out.append(block)
            continue
        todo = [(sent, trigs) for sent, trigs in
                ((sent, [(t, r) for t, r in trigs if not _inside(t.start_char, repeated)])
                 for sent, trigs in block.todo) if trigs]
        out.append(dataclasses.replace(block, todo=todo))
    return out
