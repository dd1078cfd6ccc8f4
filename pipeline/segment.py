"""Split cleaned text into blocks for spaCy, and turn spaCy sentences into offset spans.

Blocks are paragraphs (split at blank lines), and paragraphs longer than ``max_chars`` are cut at
a sentence-like boundary, so a multi-megabyte file without line breaks never reaches spaCy's
length limit. :func:`pipe_blocks` hands blocks to spaCy in batches of bounded *size* (characters,
not a count of blocks), so memory does not depend on where the line breaks are. Offsets are
``str`` indices into the cleaned text. ``\r\n`` and ``\r`` count as line breaks (cleaning has
already made them ``\n``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

#: Longest block handed to spaCy at once (characters).
MAX_BLOCK_CHARS = 10_000
#: Most characters in one batch of blocks given to spaCy (its working memory grows with this).
#: Smaller batches are also faster, up to a point: the spine's CPU time on the corpus x10 was
#: 4.3-4.4 s with 25,000, 4.5-4.9 s with 100,000, 4.7-4.9 s with 5,000 (matrices that fit in
#: the cache).
MAX_BATCH_CHARS = 25_000

_BREAK = r"(?:\r\n?|\n)"
_BLANK_LINES = re.compile(rf"{_BREAK}[ \t\f\v]*+{_BREAK}\s*+")
_LINE_BREAK = re.compile(_BREAK)
_NON_SPACE = re.compile(r"\S")
_SENTENCE_END = re.compile(r"[.!?;][\"')\]]*\s+")
_TERMINAL = ".!?:;\"')]"


@dataclass(frozen=True)
class Block:
    """A piece of the cleaned text: ``text == cleaned[start:start + len(text)]``."""

    start: int
    text: str


def _cut_long(start: int, text: str, max_chars: int) -> Iterator[Block]:
    pos = 0
    while len(text) - pos > max_chars:
        window = text[pos:pos + max_chars]
        cut = 0
        for match in _SENTENCE_END.finditer(window, max_chars // 2):
            cut = match.end()
        if not cut:
            space = window.rfind(" ", max_chars // 2)
            cut = space + 1 if space > 0 else max_chars
        yield Block(start + pos, text[pos:pos + cut])
        pos += cut
    if pos < len(text):
        yield Block(start + pos, text[pos:])


def split_blocks(text: str, max_chars: int = MAX_BLOCK_CHARS) -> list[Block]:
    """Paragraph blocks of ``text`` (whitespace-only ones dropped), none over ``max_chars``."""
    blocks: list[Block] = []
    pos = 0
    for match in _BLANK_LINES.finditer(text):
        if text[pos:match.start()].strip():
            blocks.extend(_cut_long(pos, text[pos:match.start()], max_chars))
        pos = match.end()
    if text[pos:].strip():
        blocks.extend(_cut_long(pos, text[pos:], max_chars))
    return blocks


def pipe_blocks(nlp: Language, blocks: Iterable[Block],
                max_batch_chars: int | None = None) -> Iterator[Doc]:
    """``nlp.pipe`` over the blocks' texts, one Doc per block, in order.

    Blocks are grouped into batches of at most ``max_batch_chars`` characters (a block longer
    than that is a batch of its own; default ``MAX_BATCH_CHARS``): spaCy's memory grows with the
    text of a batch, and its own ``batch_size`` counts blocks, so 256 blocks of 10,000
    characters would take gigabytes.
    """
    limit = MAX_BATCH_CHARS if max_batch_chars is None else max_batch_chars
    batch: list[str] = []
    size = 0
    for block in blocks:
        if batch and size + len(block.text) > limit:
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(block.text)
        size += len(block.text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


def _split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a sentence at line breaks that end a heading or a finished sentence."""
    piece_start = line_start = start
    for match in _LINE_BREAK.finditer(text, start, end):
        at, after_break = match.start(), match.end()
        before = text[max(piece_start, line_start):at].rstrip()
        line = text[max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1:at]
        line_start = after_break
        nxt = _NON_SPACE.search(text, after_break, end)
        # a heading is a short line of its own: a line that ends a sentence inside it is
        # running text wrapped at a page width ("... in person. He left\nPeking": no heading)
        heading = len(before) < 60 and nxt is not None and nxt.group().isupper() \
            and not _SENTENCE_END.search(line)
        if before and (before[-1] in _TERMINAL or heading):
            yield piece_start, at
            piece_start = after_break
    yield piece_start, end


def _sentence_char_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``(start_char, end_char)`` of each of ``doc.sents``, read from token arrays (fast)."""
    if len(doc) == 0:
        return []
    array = doc.to_array([IDX, LENGTH, SENT_START])
    idx, length, sent_start = array[:, 0].tolist(), array[:, 1].tolist(), array[:, 2].tolist()
    firsts = [0] + [i for i in range(1, len(doc)) if sent_start[i] == 1]
    lasts = [i - 1 for i in firsts[1:]] + [len(doc) - 1]
    return [(idx[a], idx[b] + length[b]) for a, b in zip(firsts, lasts, strict=True)]


def sentence_spans(doc: Doc, offset: int = 0, text: str | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``doc`` as ``(start, end)`` offsets plus ``offset``, whitespace trimmed.

    ``text``: ``doc.text`` if the caller holds it (the text the Doc was made from; spaCy
    rebuilds ``doc.text`` token by token on every access)."""
    text = doc.text if text is None else text
    spans: list[tuple[int, int]] = []
    for sent_start, sent_end in _sentence_char_bounds(doc):
        pieces = (_split_lines(text, sent_start, sent_end)
                  if _LINE_BREAK.search(text, sent_start, sent_end) else ((sent_start, sent_end),))
        for start, end in pieces:
            piece = text[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            spans.append((offset + start + lead, offset + start + lead + len(stripped)))
    return spans
