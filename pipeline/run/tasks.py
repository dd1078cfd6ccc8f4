"""The per-document tasks: what a worker process (``--jobs``) or a Dask task runs, with the
resources loaded once per process; ``--continuous`` works (the files of one folder in order,
each from the running date the previous one ended with); the serial scheduler (this process).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..context import DocumentContext
from ..document import (
    STREAMED,
    DocumentResult,
    Resources,
    RowSink,
    load_resources,
    process_file,
)
from ..exports.stream import DocumentParts
from ..spine import SpineBatches, batching, upcoming

_WORKER: dict[tuple[str, str | None], Resources] = {}


def resources_key(resources: Resources) -> tuple[str, str | None]:
    """``(model, gazetteer folder or None)``: what a worker needs to load the same resources."""
    gazetteer_dir = getattr(resources, "gazetteer_dir", None)
    return resources.model, str(gazetteer_dir) if gazetteer_dir else None


def worker_resources(model: str, gazetteer_dir: str | None) -> Resources:
    """The resources of this process for ``model`` (loaded on first use, then kept)."""
    key = (model, gazetteer_dir)
    if key not in _WORKER:
        _WORKER[key] = load_resources(model, Path(gazetteer_dir) if gazetteer_dir else None)
    return _WORKER[key]


def share(resources: Resources) -> tuple[str, str | None]:
    """Make ``resources`` this process's (forked workers inherit them); return their key."""
    key = resources_key(resources)
    _WORKER[key] = resources
    return key


def unshare(key: tuple[str, str | None]) -> None:
    """Forget resources shared by :func:`share`."""
    _WORKER.pop(key, None)


def init_worker(model: str, gazetteer_dir: str | None) -> None:
    """Worker process start: leave SIGINT to the parent (it shuts the pool down), load the
    resources once (a no-op when inherited from the parent by fork)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    worker_resources(model, gazetteer_dir)


def process_task(path: str, doc_id: str, model: str,
                 gazetteer_dir: str | None = None,
                 context: DocumentContext | None = None) -> DocumentResult:
    """One document in a worker process or a Dask task (resources loaded once per process)."""
    return process_file(Path(path), doc_id, worker_resources(model, gazetteer_dir),
                        context=context)


@dataclass(frozen=True)
class PackSpec:
    """How a worker finishes one document itself (:func:`process_packed_task`): its resume
    cache file (or None), ``excel_safe``, the export ``formats`` and the tool version."""

    cache: str | None
    excel_safe: bool
    formats: tuple[str, ...]
    tool_version: str


@dataclass(frozen=True)
class Packed:
    """A document finished in a worker: ``result`` without the streamed rows (their counts in
    ``result.streamed``), ``texts`` (table name -> CSV lines and rows, as the staged tables
    write them), ``parts`` (its exports, None without formats). The cache file is written."""

    result: DocumentResult
    texts: dict[str, tuple[str, int]]
    parts: DocumentParts | None


def process_packed_task(path: str, doc_id: str, model: str, gazetteer_dir: str | None,
                        context: DocumentContext | None, spec: PackSpec) -> Packed:
    """One document in a worker process, finished there: its rows rendered as CSV text and
    written to its resume-cache file, its TEI file and report article rendered, so that the
    runner only copies text (the runner's CPU is shared with the workers)."""
    from ..exports.stream import document_parts
    from .rows import DocumentRows, TextTables

    resources = worker_resources(model, gazetteer_dir)
    tables = TextTables(spec.excel_safe)
    rows = DocumentRows(tables, Path(spec.cache) if spec.cache else None, keep=False,
                        for_exports=bool(spec.formats))
    result = rows.finish(process_file(Path(path), doc_id, resources, sink=rows,
                                      context=context))
    parts = (document_parts(result, spec.formats, spec.tool_version) if spec.formats
             else None)
    result = dataclasses.replace(result, **{a: [] for a in STREAMED},
                                 streamed={a: result.count(a) for a in STREAMED})
    return Packed(result, tables.texts(), parts)


def process_work_task(work: Sequence[tuple[str, str]], model: str,
                      gazetteer_dir: str | None = None,
                      context: DocumentContext | None = None) -> list[DocumentResult]:
    """The files of one work, in order, each starting from the running date the previous one
    ended with (``--continuous``; one task, so one worker, per work)."""
    resources = worker_resources(model, gazetteer_dir)
    return list(work_results([(Path(p), d) for p, d in work], resources, context))


def work_results(work: Sequence[tuple[Path, str]], resources: Resources,
                 context: DocumentContext | None,
                 on_block: Callable[[int, int], None] | None = None,
                 sink: RowSink | None = None,
                 batches: SpineBatches | None = None) -> Iterator[DocumentResult]:
    """Process a work's files in order, carrying the running date (``context``: the first
    file's; a sidecar or front matter of a later file overrides the carried date).
    ``batches``: the spine's batches across the run's documents (:mod:`pipeline.spine`)."""
    carry = None
    for path, doc_id in work:
        with batching(batches):
            result = process_file(path, doc_id, resources, on_block=on_block, sink=sink,
                                  context=context if carry is None else None, start=carry)
        if result.running is not None:
            carry = result.running
        yield result


def work_of(path: Path) -> str:
    """The work a file belongs to with ``--continuous``: its folder."""
    return str(path.parent)


def works(items: Sequence[tuple[Path, str]]) -> list[list[tuple[Path, str]]]:
    """Consecutive items of the same folder, as works (items are in work order)."""
    out: list[list[tuple[Path, str]]] = []
    for item in items:
        if out and work_of(out[-1][-1][0]) == work_of(item[0]):
            out[-1].append(item)
        else:
            out.append([item])
    return out


def work_order(items: Sequence[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """Items grouped by work (works in order of first appearance), by file name within one."""
    first: dict[str, int] = {}
    for path, _ in items:
        first.setdefault(work_of(path), len(first))
    return sorted(items, key=lambda item: (first[work_of(item[0])], item[0].name))


def serial(items: Sequence[tuple[Path, str]], resources: Resources,
           on_block: Callable[[int, int], None] | None,
           sink: RowSink, context: DocumentContext | None = None,
           continuous: bool = False) -> Iterator[DocumentResult]:
    """In this process; each document's rows go to ``sink`` as they come (block by block);
    with ``continuous`` the files of a work in order, each from the previous one's running
    date. The spine's spaCy batches reach across documents (:mod:`pipeline.spine`: a page's
    last batch is topped up with the next pages' first blocks)."""
    batches = SpineBatches(resources.nlp, upcoming([path for path, _ in items[1:]]))
    if continuous:
        for work in works(items):
            yield from work_results(work, resources, context, on_block, sink, batches)
        return
    for path, doc_id in items:
        with batching(batches):
            result = process_file(path, doc_id, resources, on_block=on_block, sink=sink,
                                  context=context)
        yield result
