"""The run loop: inputs, resume plan, one scheduler, each document's rows to the staged tables
in input order, the exports, and the final swap (:func:`run`)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from .. import exports
from ..compute import frozen_heap
from ..context import DocumentContext
from ..document import DEFAULT_MODEL, DocumentResult, Resources, RowSink, load_resources
from ..exports.common import tool_version
from ..exports.stream import DocumentParts, ExportWriter, document_parts
from ..inputs import collect_inputs, make_doc_ids
from ..tables import StagedTables, check_output_dir
from . import cache as resume_cache
from . import schedulers, tasks
from . import split as split_module
from .rows import TABLES, DocumentRows, RunResult
from .split import SplitDocument, range_count
from .tasks import Packed, PackSpec

ENGINES = ("local", "dask")


def run(paths: Sequence[Path | str], out_dir: Path | str | None = None, *,
        resources: Resources | None = None, model: str = DEFAULT_MODEL,
        progress: Callable[[int, int, DocumentResult], None] | None = None,
        on_block: Callable[[int, int], None] | None = None,
        excel_safe: bool = False,
        formats: Sequence[str] = exports.DEFAULT_FORMATS,
        jobs: int = 1, engine: str = "local", scheduler: str | None = None,
        resume: bool = False, keep_documents: bool = True,
        gazetteer_dir: Path | str | None = None, context: DocumentContext | None = None,
        continuous: bool = False, split_bytes: int | None = None) -> RunResult:
    """Process files and folders; write the tables to ``out_dir`` if given, with the
    ``formats`` of :mod:`pipeline.exports` (map, report, TEI …; ``()`` for tables only), all in
    one step (see :mod:`pipeline.tables`); ``excel_safe`` prefixes formula-like text cells of the
    CSV tables with ``'``.

    ``jobs``: worker processes (``1``: this process; ``0``: all cores); ``engine``: ``"local"``
    or ``"dask"`` (``scheduler``: a ``dask.distributed`` address, else a ``LocalCluster``);
    ``resume``: take documents already processed by an interrupted run into ``out_dir`` from
    its cache (see :mod:`pipeline.run.cache`); ``keep_documents=False``: do not keep the results
    in the returned :class:`RunResult` (flat memory; the CLI's choice).

    ``gazetteer_dir``: a user's gazetteer overlaid on the bundled one (only when ``resources``
    is not given; see :func:`~pipeline.document.load_resources`). ``context``: the starting
    point of every file's running date (see :mod:`pipeline.context`; a sidecar file or front
    matter overrides it). ``continuous``: the files of one folder are one work, processed in
    file-name order (the tables follow that order), each starting from the running date the
    previous one ended with (``context`` then applies to the first file only); with
    ``jobs > 1`` or Dask each work is one task, so its files run in order in one worker while
    different works run in parallel. ``split_bytes`` (default
    :data:`~pipeline.run.split.SPLIT_BYTES`): with ``jobs > 1`` or Dask (and not
    ``continuous``), a file larger than this is processed as several ranges of its blocks in
    different workers and merged here (see :mod:`pipeline.run.split`); the tables are the same.

    ``progress(i, n, result)`` is called after each file (1-based ``i``, input order),
    ``on_block(done, total)`` within a file (see :func:`~pipeline.document.process_text`; only
    with ``jobs=1`` and the local engine). ``out_dir`` is checked (creatable, writable) before
    any work: :class:`~pipeline.errors.OutputError`. Raises
    :class:`~pipeline.errors.ChronicleError` for an unknown engine or a missing Dask.
    """
    from ..errors import ChronicleError

    if engine not in ENGINES:
        raise ChronicleError(f"unknown engine {engine!r} (choose from {', '.join(ENGINES)})")
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(jobs, 1)
    roots = [Path(p) for p in paths]
    files = collect_inputs(roots)
    out = Path(out_dir) if out_dir is not None else None
    if out is not None:
        check_output_dir(out)
    resources = resources or load_resources(
        model, Path(gazetteer_dir) if gazetteer_dir is not None else None)
    items = list(zip(files, make_doc_ids(files, roots), strict=True))
    if continuous:
        items = tasks.work_order(items)

    cache = out / resume_cache.CACHE_DIR if out is not None else None
    cached: dict[int, Path] = {}  # item index -> cache file of its result
    reusable: set[int] = set()
    if cache is not None:
        cached, reusable = resume_cache.plan(items, cache, resources, context,
                                             continuous=continuous, resume=resume)
    todo = [item for i, item in enumerate(items) if i not in reusable]
    current: list[RowSink] = [lambda attr, rows: None]  # the sink of the document in hand

    def sink(attr: str, rows: Sequence[object]) -> None:
        current[0](attr, rows)

    version = tool_version()
    # worker processes finish their documents themselves (CSV text, cache file, TEI, report
    # article) when the run keeps nothing; the runner then only copies text
    packed = out is not None and not keep_documents and not continuous
    cache_of = {items[i][1]: str(path) for i, path in cached.items()}

    def pack(doc_id: str) -> PackSpec:
        return PackSpec(cache_of.get(doc_id), excel_safe, tuple(formats), version)

    workers = jobs if engine == "local" else max(jobs, 2)  # Dask: a cluster's size is unknown

    limit = split_bytes if split_bytes is not None else split_module.SPLIT_BYTES

    def ranges(path: Path) -> int:
        return range_count(path, limit, workers)

    split = not continuous and any(ranges(path) > 1 for path, _ in todo)
    if engine == "dask":
        computed = schedulers.dask(todo, resources, jobs, scheduler, context, continuous,
                                   ranges if not continuous else None)
    elif jobs > 1 and (len(todo) > 1 or split):
        computed = schedulers.processes(todo, resources, jobs, context, continuous,
                                        pack if packed else None,
                                        ranges if not continuous else None)
    else:
        computed = tasks.serial(todo, resources, on_block, sink, context, continuous)

    # with workers, matplotlib (timeline.png: a second of imports) is imported in this process
    # while they work rather than after them; only once they are forked (a fork in the middle
    # of an import could leave a child waiting on the import lock)
    preload = "timeline" in formats and (engine == "dask" or (jobs > 1 and (len(todo) > 1
                                                                           or split)))
    kept: list[DocumentResult] = []
    failed = reused = 0
    staged = (StagedTables(out, [(name, kind) for name, kind, _ in TABLES],
                           excel_safe=excel_safe) if out is not None else None)
    writer = None
    try:
        if staged is not None and formats:
            writer = ExportWriter(formats, staged.staging, exports.provenance_of(resources))
        for i in range(len(items)):
            rows = DocumentRows(staged, cached.get(i), keep=keep_documents,
                                for_exports=writer is not None)
            result = None
            parts: DocumentParts | None = None
            if i in reusable:
                rows.caching = False
                result = resume_cache.replay(cached[i], rows)
                if result is None:
                    rows.reset()  # a damaged cache file: what it handed over goes
                    rows.caching = True
            if result is None:
                current[0] = rows
                computed_result = (next(computed) if i not in reusable else next(
                    tasks.serial([items[i]], resources, None, rows, context)))
                if preload and writer is not None and i not in reusable:
                    from ..exports.timeline import preload as import_matplotlib

                    threading.Thread(target=import_matplotlib, daemon=True).start()
                    preload = False
                if isinstance(computed_result, SplitDocument):  # ranges merged here
                    computed_result = computed_result.merge(resources, rows, context)
                if isinstance(computed_result, Packed):  # finished by a worker
                    assert staged is not None
                    for name, (text, count) in computed_result.texts.items():
                        staged.append_text(name, text, count)
                    result, parts = computed_result.result, computed_result.parts
                else:
                    with frozen_heap():
                        result = rows.finish(computed_result)
            else:
                reused += 1
                result = rows.finish(result, cache=False)
            failed += result.document.status == "error"
            if writer is not None:
                with frozen_heap():  # see pipeline.compute: the exports' own full collections
                    writer.add(parts or document_parts(result, formats, version))
            if keep_documents:
                kept.append(result)
            if progress:
                progress(i + 1, len(items), result)
        run_result = RunResult(kept, failed_files=failed, reused=reused)
        if staged is not None and out is not None:
            counts = dict(staged.counts)
            extra: dict[str, bytes] = {}
            written: list[str] = []
            if writer is not None:
                with frozen_heap():
                    extra = writer.finish(tuple((name, kind, counts[name])
                                                for name, kind, _ in TABLES))
                written = writer.written
            run_result.written = staged.finish(extra, written)
            run_result.counts = counts
            if cache is not None:
                shutil.rmtree(cache, ignore_errors=True)
        else:
            run_result.counts = {name: len(rows) for name, _, rows in run_result.tables()}
    finally:
        if writer is not None:
            writer.close()
        if staged is not None:
            staged.close()
        close = getattr(computed, "close", None)
        if close:
            close()
    return run_result
