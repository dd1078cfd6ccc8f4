"""One huge document split over worker processes: range tasks and their merge.

A file larger than ``split_bytes`` (default :data:`SPLIT_BYTES`) is, with ``--jobs N > 1`` or
Dask, submitted as several range tasks (:func:`process_range_task`): each worker reads the file,
runs the whole-text stages (:func:`pipeline.ranges.whole_text`, under a tenth of the work:
dates from the starting running date, place glosses, the block list) and then spaCy, the
entities and the events on its range of blocks only, cut at event-group boundaries
(:func:`pipeline.ranges.cut_ranges`). This process merges the ranges in order
(:meth:`SplitDocument.merge`, through :func:`pipeline.document.process_file` with ``parts``):
sentence numbers, dates, place rows and event numbers come out exactly as with ``--jobs 1``.
A range that fails fails its document (its error row; the rows merged so far are taken back by
the caller).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..context import DocumentContext
from ..document import DocumentResult, Resources, RowSink, process_file
from ..ranges import BlockPart, WholeText

#: Bytes past which one file is split into ranges of blocks run by different workers (only with
#: ``--jobs N > 1`` or Dask, never with ``--continuous``). Smaller files stay one task: a range
#: task repeats the whole-text stages (under a tenth of the work) and its merge is serial.
SPLIT_BYTES = 1_000_000
#: Most ranges per worker for one file (each range repeats the whole-text stages; with Dask the
#: workers are counted as ``max(jobs, 2)``).
RANGES_PER_WORKER = 1


def range_count(path: Path, split_bytes: int, workers: int) -> int:
    """How many range tasks ``path`` becomes: 1 up to ``split_bytes`` bytes, else one per
    ``split_bytes`` (at most ``RANGES_PER_WORKER * workers``)."""
    try:
        size = path.stat().st_size
    except OSError:
        return 1
    if size <= split_bytes or workers < 2:
        return 1
    return max(1, min(math.ceil(size / split_bytes), RANGES_PER_WORKER * workers))


@dataclass(frozen=True)
class RangeSpec:
    """Range ``index`` of ``count`` of a document's blocks; ``group_chars``: the event-group size
    the ranges are cut by (:data:`pipeline.document.EVENT_GROUP_CHARS` in the submitting
    process)."""

    index: int
    count: int
    group_chars: int


@dataclass(frozen=True)
class RangeResult:
    """One range's block results ``parts``: blocks ``first`` to ``last`` of the cleaned text
    whose sha256 is ``digest`` (checked at the merge); the first range also hands over the
    whole-text stages' results (``whole``), so that the merge does not run them again."""

    first: int
    last: int
    digest: str
    parts: list[BlockPart]
    whole: WholeText | None = None


def document_range(path: Path, doc_id: str, resources: Resources,
                   context: DocumentContext | None, spec: RangeSpec) -> RangeResult:
    """The block results of range ``spec`` of the file at ``path`` (read and prepared as
    :func:`~pipeline.document.process_file` does). Raises what reading or a stage raises."""
    from ..clean import clean
    from ..compute import one_blas_thread
    from ..context import read_sidecar
    from ..document import _starting_point
    from ..ranges import block_parts, cut_ranges, whole_text
    from ..reading import read_document
    from ..resources import using_gazetteer

    raw = read_document(path)
    sidecar, _ = read_sidecar(path)
    if sidecar is not None:
        context = sidecar.over(context)
    with using_gazetteer(resources.gazetteer_dir), one_blas_thread():
        text, state, context_rows, _, _ = _starting_point(raw.text, doc_id, resources,
                                                          context, None)
        cleaned = clean(text)
        whole = whole_text(cleaned.text, resources, state, context_rows)
        first, last = cut_ranges(whole.blocks, spec.count, spec.group_chars)[spec.index]
        parts = list(block_parts(cleaned.text, doc_id, resources, whole, first, last,
                                 spec.group_chars))
    return RangeResult(first, last, _digest(cleaned.text), parts,
                       whole if spec.index == 0 else None)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def process_range_task(path: str, doc_id: str, model: str, gazetteer_dir: str | None,
                       context: DocumentContext | None, spec: RangeSpec) -> RangeResult:
    """One range of one document in a worker process or a Dask task."""
    from .tasks import worker_resources

    return document_range(Path(path), doc_id, worker_resources(model, gazetteer_dir), context,
                          spec)


class SplitDocument:
    """A document submitted as range tasks: ``futures`` (one per range, in order; anything
    with ``result()`` and ``cancel()``), merged by :meth:`merge` in this process."""

    def __init__(self, path: Path, doc_id: str, futures: Sequence[Any]) -> None:
        self.path, self.doc_id, self.futures = path, doc_id, list(futures)

    def parts(self, text: str) -> tuple[WholeText, Iterator[BlockPart]]:
        """The whole-text results (from the first range) and the ranges' block results in
        order, each range's taken as it arrives (then dropped). Raises ``ValueError`` if a
        worker read another text than ``text`` (the cleaned text here: a file changed)."""
        digest = _digest(text)

        def take() -> RangeResult:
            got: RangeResult = self.futures.pop(0).result()
            if got.digest != digest:
                raise ValueError(f"{self.path}: the file changed while it was processed")
            return got

        first = take()
        if first.whole is None or first.first != 0:
            raise ValueError(f"{self.path}: the ranges came out of order")
        whole = first.whole

        pending = [first]

        def parts() -> Iterator[BlockPart]:
            expected = 0
            while pending or self.futures:
                got = pending.pop() if pending else take()
                if got.first != expected:
                    raise ValueError(f"{self.path}: the ranges came out of order")
                expected, blocks = got.last, got.parts
                del got  # a range's rows are dropped once merged
                yield from blocks

        return whole, parts()

    def merge(self, resources: Resources, sink: RowSink,
              context: DocumentContext | None) -> DocumentResult:
        """Read the file here, run its whole-text stages and merge the ranges into ``sink``
        (as :func:`~pipeline.document.process_file`: a failure gives the error row)."""
        try:
            return process_file(self.path, self.doc_id, resources, sink=sink,
                                context=context, parts=self.parts)
        finally:
            self.close()

    def close(self) -> None:
        """Cancel the ranges not merged (a failed document, an interrupted run)."""
        for future in self.futures:
            future.cancel()
        self.futures = []
