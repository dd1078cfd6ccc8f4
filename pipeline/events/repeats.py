"""Heading lines told twice: a web page repeats its title as an image caption ("Mongol
invasions under King Gojong" and, under the picture, "Mongol invasions under King Gojong
©Anonymous") or as a section heading. Only the first telling is read for events; a later line
that says the same (a trailing "©"/"(c)" credit left out, case and spacing ignored) gives no
row. Only short lines without sentence punctuation count (a heading or a caption, at most
:data:`MAX_WORDS` words): a sentence told twice in running text stays as written.

The lines of a link list name other pages, not happenings: under a ``link_heading`` line of
``gazetteer/modality_cues.csv`` ("See also", "See also[edit]", "Further reading"), the short
lines that follow (same test, bullets allowed: "* Siege of Yongqiu", "Battle of Lushunkou")
give no row either, up to the first line that is no such line (a sentence, a long line, a
blank line once an item was read; the list may start in the next paragraph when the heading
ends its own).

The values of an infobox's tally (a ``tally_label`` line of ``modality_cues.csv``:
"Casualties and losses\tLight\tMost of the army destroyed", or the label alone and its values
on the next short lines: "22,687 killed", "6,663 captured") count men and losses: no row
either (the annotation guide gives casualty counts none), on the label's line and on at most
:data:`TALLY_LINES` short lines after a bare label, up to a blank line.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from pipeline.events.habits import link_heading, tally_label
from pipeline.events.triggers import Block

#: Most words a heading or caption line may have.
MAX_WORDS = 14
#: Most value lines read after a bare tally label (one per side of the box, and a spare).
TALLY_LINES = 3
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
    on a heading line saying what an earlier line said, or on a link list's line (module
    doc)."""
    seen: set[str] = set()
    listing = False  # inside a link list (its heading read, no other line since)
    out = []
    for block in blocks:
        lines = []  # (start, end, key) of the block's lines, block-text offsets
        at = 0
        for line in block.text.split("\n"):
            lines.append((at, at + len(line), _key(line), line))
            at += len(line) + 1
        dropped = []
        items = 0
        tally = 0  # value lines of a bare tally label still to read
        for start, end, key, line in lines:
            is_tally, value = tally_label(line) if key else (False, 0)
            if is_tally:
                dropped.append((start + value, end + 1))
                tally = TALLY_LINES if start + value >= end else 0
                continue
            if tally and key:
                dropped.append((start, end + 1))
                tally -= 1
                continue
            tally = 0
            if link_heading(line):
                listing, items = True, 0
                continue
            if listing and key:
                dropped.append((start, end))
                items += 1
                continue
            if listing and not line.strip() and not items:
                continue  # a blank line right after the heading
            listing = False
            if key and key in seen:
                dropped.append((start, end))
            elif key:
                seen.add(key)
        listing = listing and not items  # a heading ending its paragraph: the list follows
        if not dropped or not block.todo:
            out.append(block)
            continue
        todo = [(sent, trigs) for sent, trigs in
                ((sent, [(t, r) for t, r in trigs if not _inside(t.start_char, dropped)])
                 for sent, trigs in block.todo) if trigs]
        out.append(dataclasses.replace(block, todo=todo))
    return out
