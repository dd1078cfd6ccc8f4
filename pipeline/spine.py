"""The spine's spaCy pass (``senter``, gazetteer, ``ner``) batched across the documents of a
serial run (``jobs=1``).

Each document's blocks go to spaCy in batches of at most
:data:`~pipeline.segment.MAX_BATCH_CHARS` characters (:func:`~pipeline.segment.pipe_blocks`);
a page of a few thousand characters alone is a small batch, which the transition-based ``ner``
processes slower per token than a full one. While a run's documents are processed in this
process (:func:`pipeline.run.tasks.serial`), a :class:`SpineBatches` is active
(:func:`batching`): the last, partly filled batch of a document is topped up with the first
blocks of the documents after it (read, front matter blanked and cleaned ahead, exactly as
:func:`pipeline.document.process_file` does). Those documents then take their cleaned text
(:func:`cleaned`) and the Docs of their first blocks (:func:`pipe`) from here instead of
computing them again. What is held ahead is bounded by one batch of Docs and the cleaned texts
of the documents it reaches into.

A Doc depends only on its text and the model, so the rows do not change (checked:
``tests/test_golden.py``, the dev pages). Anything that does not match (a file changed, a
document that failed, a range of blocks) falls back to the plain pass. Measured on 97 dev and
fresh pages (the spine alone, process CPU, best of 4 rounds): 4.76 s one document at a time,
4.05 s batched across documents.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import segment
from .clean import CleanText, clean
from .segment import Block, pipe_blocks, split_blocks


@dataclass
class _Ahead:
    """A document prepared ahead: its text with the front matter blanked, that text cleaned,
    its blocks, and the Docs of its first blocks (piped with the documents before it)."""

    text: str
    cleaned: CleanText
    blocks: list[Block]
    docs: list[Doc] = field(default_factory=list)


def prepare_file(path: Path) -> tuple[str, CleanText] | None:
    """``(text with the front matter blanked, its cleaned form)`` of the file at ``path``, as
    :func:`pipeline.document.process_file` prepares it; None if that fails in any way (the
    document then reports its own error when its turn comes)."""
    from .context import split_front_matter
    from .reading import read_document

    try:
        text = split_front_matter(read_document(path).text)[0]
        return text, clean(text)
    except Exception:  # noqa: BLE001 - the document itself fails (or not) when it is processed
        return None


class SpineBatches:
    """The spine's Docs for a sequence of documents processed in order.

    ``upcoming``: the documents after the first, in processing order, each as
    :func:`prepare_file` gives it (called lazily: only when a batch has room for them)."""

    def __init__(self, nlp: Language, upcoming: Iterator[tuple[str, CleanText] | None],
                 max_batch_chars: int | None = None) -> None:
        self.nlp = nlp
        self.limit = segment.MAX_BATCH_CHARS if max_batch_chars is None else max_batch_chars
        self._upcoming = upcoming
        self._ahead: deque[_Ahead] = deque()
        self._current: _Ahead | None = None

    def cleaned(self, text: str) -> CleanText:
        """``clean(text)`` for the document starting now: taken from the documents prepared
        ahead when one has this text (those before it are dropped: they were not processed),
        else computed."""
        self._current = None
        for k, ahead in enumerate(self._ahead):
            if ahead.text == text:
                for _ in range(k + 1):
                    self._current = self._ahead.popleft()
                return ahead.cleaned
        return clean(text)

    def pipe(self, blocks: Sequence[Block]) -> Iterator[Doc]:
        """One Doc per block of the document started by :meth:`cleaned` (all its blocks, in
        order): those piped ahead first, the rest in batches, the last one topped up with
        blocks of the documents after it."""
        current, self._current = self._current, None
        done: list[Doc] = []
        if current is not None and len(current.blocks) == len(blocks) and all(
                a.text == b.text for a, b in zip(current.blocks, blocks, strict=True)):
            done = current.docs
        yield from done
        batch: list[str] = []
        size = 0
        for block in blocks[len(done):]:
            if batch and size + len(block.text) > self.limit:
                yield from self.nlp.pipe(batch, batch_size=len(batch))
                batch, size = [], 0
            batch.append(block.text)
            size += len(block.text)
        if not batch:
            return
        extra = self._top_up(self.limit - size)
        texts = batch + [block.text for ahead, taken in extra
                         for block in ahead.blocks[len(ahead.docs):len(ahead.docs) + taken]]
        try:
            docs = list(self.nlp.pipe(texts, batch_size=len(texts)))
        except Exception:  # a later page's text may be what fails: this page alone, then
            if not extra:
                raise
            docs, extra = list(self.nlp.pipe(batch, batch_size=len(batch))), []
        at = len(batch)
        for ahead, taken in extra:  # kept before this document goes on
            ahead.docs.extend(docs[at:at + taken])
            at += taken
        del docs[len(batch):]
        yield from docs

    def _top_up(self, room: int) -> list[tuple[_Ahead, int]]:
        """The next documents' blocks that fit in ``room`` characters, in order: ``(document,
        how many of its blocks after those already piped)``, stopping at the first block that
        does not fit."""
        out: list[tuple[_Ahead, int]] = []
        k = 0
        while True:
            if k == len(self._ahead):
                got = next(self._upcoming, False)
                if got is False:
                    return out
                if got is None:  # unreadable: its turn gives its error row
                    continue
                text, cleaned = got
                self._ahead.append(_Ahead(text, cleaned, split_blocks(cleaned.text)))
            ahead = self._ahead[k]
            taken = 0
            for block in ahead.blocks[len(ahead.docs):]:
                if len(block.text) > room:
                    break
                room -= len(block.text)
                taken += 1
            if taken:
                out.append((ahead, taken))
            if len(ahead.docs) + taken < len(ahead.blocks):
                return out
            k += 1


_ACTIVE: ContextVar[SpineBatches | None] = ContextVar("chronicle_spine", default=None)


@contextmanager
def batching(spine: SpineBatches | None) -> Iterator[None]:
    """Within the block, :func:`cleaned` and :func:`pipe` use ``spine`` (None: the plain pass)."""
    token = _ACTIVE.set(spine)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def cleaned(text: str) -> CleanText:
    """``clean(text)`` (from the active :class:`SpineBatches` when it prepared it ahead)."""
    spine = _ACTIVE.get()
    return spine.cleaned(text) if spine is not None else clean(text)


def pipe(nlp: Language, blocks: Sequence[Block], whole: bool) -> Iterator[Doc]:
    """The spine's Docs of ``blocks``; ``whole``: they are all the blocks of the document
    being processed (only then can the active :class:`SpineBatches` serve them)."""
    spine = _ACTIVE.get()
    if spine is None or not whole or spine.nlp is not nlp:
        return pipe_blocks(nlp, blocks)
    return spine.pipe(blocks)


def upcoming(paths: Sequence[Path],
             prepare: Callable[[Path], tuple[str, CleanText] | None] = prepare_file,
             ) -> Iterator[tuple[str, CleanText] | None]:
    """The documents at ``paths`` prepared one by one, lazily (for :class:`SpineBatches`)."""
    for path in paths:
        yield prepare(path)
