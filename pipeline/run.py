"""The runner: schedules the per-document function (:mod:`pipeline.document`) over the input
files, appends each document's rows to the staged tables as soon as it is done, and swaps the
tables in at the end (one step, :class:`pipeline.tables.StagedTables`).

Engines (all give byte-identical tables, rows in input order):

* ``jobs=1``: in this process (progress within a file through ``on_block``).
* ``jobs=N`` (``0``: all cores): N worker processes (:class:`ProcessPoolExecutor`), each with
  the resources loaded once (inherited when the platform forks, else loaded by the initializer).
* ``engine="dask"``: tasks on a ``dask.distributed`` cluster (``scheduler`` address, or a
  ``LocalCluster`` of ``jobs`` workers); each worker loads the resources once. The workers must
  see the input files under the same paths (a shared file system).

Memory: with ``keep_documents=False`` no :class:`DocumentResult` is kept; only the rows the
exports need (documents, entities, dates, events, places; no sentences or warnings) are kept
when ``formats`` is not empty. In this process (``jobs=1``) a document's rows reach the staged
tables block by block (the ``sink`` of :func:`~pipeline.document.process_text`); a document that
fails half-way has its rows taken back (:meth:`StagedTables.rollback`) and only its error row
and warning are written.

Resuming: with an output folder, each processed document's result is kept in
``OUT/.chronicle-cache/KEY.pickle`` (KEY: sha256 of the input bytes, doc id, path, tool version,
model name and version, gazetteer hash) until the tables are written: a pickle stream of
``(list name, rows)`` records written as the rows come, ending with ``("end", None)``;
``resume=True`` takes the documents whose key matches from there instead of processing them
again (a file without its end record is processed again).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import multiprocessing
import os
import pickle
import shutil
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import exports
from .context import DocumentContext
from .document import (
    DEFAULT_MODEL,
    STREAMED,
    DocumentResult,
    Resources,
    RowSink,
    load_resources,
    process_file,
)
from .inputs import collect_inputs, make_doc_ids
from .records import (
    CandidateRow,
    DateRow,
    DocumentRow,
    EntityRow,
    EventRow,
    PlaceRow,
    SentenceRow,
    WarningRow,
)
from .tables import StagedTables, check_output_dir

CACHE_DIR = ".chronicle-cache"
ENGINES = ("local", "dask")
SCHEDULER_TIMEOUT = 30  # seconds to reach a Dask scheduler before giving up

#: (file name, record type, DocumentResult attribute) of every output table, in output order.
TABLES: tuple[tuple[str, type, str], ...] = (
    ("documents.csv", DocumentRow, "document"),
    ("sentences.csv", SentenceRow, "sentences"),
    ("entities.csv", EntityRow, "entities"),
    ("dates.csv", DateRow, "dates"),
    ("events.csv", EventRow, "events"),
    ("places.csv", PlaceRow, "places"),
    ("warnings.csv", WarningRow, "warnings"),
    ("gazetteer_candidates.csv", CandidateRow, "candidates"),
)


_TABLE_OF = {attr: name for name, _, attr in TABLES}
#: What the exports (map, report, TEI ...) read of each document.
_EXPORT_LISTS = ("entities", "dates", "events", "places")


def _rows(result: DocumentResult, attr: str) -> list[Any]:
    value = getattr(result, attr)
    return [value] if attr == "document" else value


@dataclass
class RunResult:
    """The results of a run, per document, in input order.

    ``documents`` is empty when the run was asked not to keep them (``keep_documents=False``);
    ``counts`` (rows per table file) and ``failed_files`` are always filled; ``reused`` is the
    number of documents taken from the resume cache."""

    documents: list[DocumentResult]
    written: list[Path] = field(default_factory=list)  # the tables written, if any
    counts: dict[str, int] = field(default_factory=dict)
    failed_files: int | None = None
    reused: int = 0

    @property
    def failed(self) -> int:
        """Number of files that could not be processed."""
        if self.failed_files is not None:
            return self.failed_files
        return sum(1 for d in self.documents if d.document.status == "error")

    def tables(self) -> list[tuple[str, type, list[object]]]:
        """``(file name, record type, rows)`` for every output table (from ``documents``)."""
        return [(name, kind, [row for d in self.documents for row in _rows(d, attr)])
                for name, kind, attr in TABLES]


# --- workers ---------------------------------------------------------------------------------

_WORKER: dict[tuple[str, str | None], Resources] = {}


def _worker_resources(model: str, gazetteer_dir: str | None) -> Resources:
    """The resources of this process for ``model`` (loaded on first use, then kept)."""
    key = (model, gazetteer_dir)
    if key not in _WORKER:
        _WORKER[key] = load_resources(model, Path(gazetteer_dir) if gazetteer_dir else None)
    return _WORKER[key]


def _init_worker(model: str, gazetteer_dir: str | None) -> None:
    """Worker process start: leave SIGINT to the parent (it shuts the pool down), load the
    resources once (a no-op when inherited from the parent by fork)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _worker_resources(model, gazetteer_dir)


def process_task(path: str, doc_id: str, model: str,
                 gazetteer_dir: str | None = None,
                 context: DocumentContext | None = None) -> DocumentResult:
    """One document in a worker process or a Dask task (resources loaded once per process)."""
    return process_file(Path(path), doc_id, _worker_resources(model, gazetteer_dir),
                        context=context)


def process_work_task(work: Sequence[tuple[str, str]], model: str,
                      gazetteer_dir: str | None = None,
                      context: DocumentContext | None = None) -> list[DocumentResult]:
    """The files of one work, in order, each starting from the running date the previous one
    ended with (``--continuous``; one task, so one worker, per work)."""
    resources = _worker_resources(model, gazetteer_dir)
    return list(_work([(Path(p), d) for p, d in work], resources, context))


def _work(work: Sequence[tuple[Path, str]], resources: Resources,
          context: DocumentContext | None,
          on_block: Callable[[int, int], None] | None = None,
          sink: RowSink | None = None) -> Iterator[DocumentResult]:
    """Process a work's files in order, carrying the running date (``context``: the first
    file's; a sidecar or front matter of a later file overrides the carried date)."""
    carry = None
    for path, doc_id in work:
        result = process_file(path, doc_id, resources, on_block=on_block, sink=sink,
                              context=context if carry is None else None, start=carry)
        if result.running is not None:
            carry = result.running
        yield result


def work_of(path: Path) -> str:
    """The work a file belongs to with ``--continuous``: its folder."""
    return str(path.parent)


def _works(items: Sequence[tuple[Path, str]]) -> list[list[tuple[Path, str]]]:
    """Consecutive items of the same folder, as works (items are in work order)."""
    out: list[list[tuple[Path, str]]] = []
    for item in items:
        if out and work_of(out[-1][-1][0]) == work_of(item[0]):
            out[-1].append(item)
        else:
            out.append([item])
    return out


def _work_order(items: Sequence[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """Items grouped by work (works in order of first appearance), by file name within one."""
    first: dict[str, int] = {}
    for path, _ in items:
        first.setdefault(work_of(path), len(first))
    return sorted(items, key=lambda item: (first[work_of(item[0])], item[0].name))


def _ordered(submit: Callable[[Path, str], Future[DocumentResult]],
             items: Sequence[tuple[Path, str]], window: int) -> Iterator[DocumentResult]:
    """Results of ``submit`` for ``items`` in input order, at most ``window`` in flight."""
    pending: deque[Future[DocumentResult]] = deque()
    todo = iter(items)
    for path, doc_id in todo:
        pending.append(submit(path, doc_id))
        if len(pending) >= window:
            break
    while pending:
        result = pending.popleft().result()
        for path, doc_id in todo:
            pending.append(submit(path, doc_id))
            break
        yield result


def _local(items: Sequence[tuple[Path, str]], resources: Resources,
           on_block: Callable[[int, int], None] | None,
           sink: RowSink, context: DocumentContext | None = None,
           continuous: bool = False) -> Iterator[DocumentResult]:
    """In this process; each document's rows go to ``sink`` as they come (block by block);
    with ``continuous`` the files of a work in order, each from the previous one's running
    date."""
    if continuous:
        for work in _works(items):
            yield from _work(work, resources, context, on_block, sink)
        return
    for path, doc_id in items:
        yield process_file(path, doc_id, resources, on_block=on_block, sink=sink,
                           context=context)


def _submit_all(submit: Callable[..., Future[Any]], items: Sequence[tuple[Path, str]],
                window: int, key: tuple[str, str | None], context: DocumentContext | None,
                continuous: bool) -> Iterator[DocumentResult]:
    """One task per file, or with ``continuous`` one task per work (its files in order)."""
    if not continuous:
        yield from _ordered(lambda p, d: submit(process_task, str(p), d, *key, context),
                            items, window=window)
        return
    works = [([(str(p), d) for p, d in work], "") for work in _works(items)]
    for results in _ordered(lambda w, _: submit(process_work_task, w, *key, context),
                            works, window=window):  # type: ignore[arg-type]
        yield from results  # type: ignore[misc]


def _processes(items: Sequence[tuple[Path, str]], resources: Resources,
               jobs: int, context: DocumentContext | None = None,
               continuous: bool = False) -> Iterator[DocumentResult]:
    gazetteer_dir = getattr(resources, "gazetteer_dir", None)
    key = (resources.model, str(gazetteer_dir) if gazetteer_dir else None)
    methods = multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("fork" if "fork" in methods else None)
    forked = mp.get_start_method() == "fork"
    if forked:
        _WORKER[key] = resources  # inherited by the workers: no second load
        # The loaded resources (gazetteer, era table, spaCy vocabulary: ~200,000 objects) are
        # moved out of the garbage collector's reach: its full passes in the workers then
        # neither scan them nor write to their pages, which stay shared with this process.
        gc.collect()
        gc.freeze()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=mp,
                               initializer=_init_worker, initargs=key)
    try:
        yield from _submit_all(pool.submit, items, 4 * jobs, key, context, continuous)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _WORKER.pop(key, None)
        if forked:
            gc.unfreeze()


def _dask(items: Sequence[tuple[Path, str]], resources: Resources, jobs: int,
          scheduler: str | None, context: DocumentContext | None = None,
          continuous: bool = False) -> Iterator[DocumentResult]:
    from .errors import ChronicleError

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ChronicleError("--engine dask needs the dask extra: "
                             "pip install 'chronicle-history[dask]'") from exc
    gazetteer_dir = getattr(resources, "gazetteer_dir", None)
    key = (resources.model, str(gazetteer_dir) if gazetteer_dir else None)
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, ValueError, TypeError) as exc:
            raise ChronicleError(f"cannot reach the Dask scheduler {scheduler}: "
                                 f"{exc}") from exc
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        workers = max(len(client.scheduler_info().get("workers", {})), jobs, 1)
        yield from _submit_all(lambda *a: client.submit(*a, pure=False), items,
                               4 * workers, key, context, continuous)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# --- resume cache ----------------------------------------------------------------------------

def _cache_key(path: Path, doc_id: str, version: str) -> str | None:
    """The cache key of one input (``None`` if the file cannot be read: not cached)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    from .context import sidecar_path

    side = sidecar_path(path)  # NAME.context.toml changes the result too
    try:
        side_data = side.read_bytes() if side.is_file() else b""
    except OSError:
        return None
    digest = hashlib.sha256()
    for part in (version, doc_id, str(path), hashlib.sha256(data).hexdigest(),
                 hashlib.sha256(side_data).hexdigest()):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _run_version(resources: Resources) -> str:
    """Tool version, model name and version, gazetteer hash: what a cached result depends on."""
    from .exports.common import gazetteer_hash, tool_version
    from .resources import gazetteer_dir

    directory = getattr(resources, "gazetteer_dir", None) or gazetteer_dir()
    return "|".join((tool_version(), resources.model,
                     str(resources.nlp.meta.get("version", "")),
                     gazetteer_hash(Path(directory))))


_END = "end"  # the last record of a complete cache file


class _CacheFile:
    """One document's result written to its cache file as it comes: a pickle stream of
    ``(list name, rows)`` records and a final ``("end", None)``, via a temporary file renamed
    when the document is complete (a killed run leaves no half file under the final name)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.handle: Any = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = self.tmp.open("wb")
        except OSError:
            self.handle = None  # the cache only saves time: never fail the run for it

    def add(self, attr: str, rows: Sequence[Any]) -> None:
        if self.handle is not None:
            try:
                pickle.dump((attr, list(rows)), self.handle, protocol=pickle.HIGHEST_PROTOCOL)
            except OSError:
                self.discard()

    def commit(self) -> None:
        if self.handle is not None:
            try:
                pickle.dump((_END, None), self.handle, protocol=pickle.HIGHEST_PROTOCOL)
                self.handle.close()
                os.replace(self.tmp, self.path)
            except OSError:
                self.discard()
            self.handle = None

    def discard(self) -> None:
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.handle.close()
            self.handle = None
        self.tmp.unlink(missing_ok=True)


def _cache_replay(path: Path, sink: RowSink) -> DocumentResult | None:
    """Hand the streamed lists of a cached document to ``sink``; return its document row,
    warnings and candidates, or None if the file is damaged or incomplete (rows already handed
    over must then be discarded by the caller)."""
    result: DocumentResult | None = None
    try:
        with path.open("rb") as handle:
            while True:
                attr, rows = pickle.load(handle)
                if attr == _END:
                    return result
                if attr == "document":
                    result = DocumentResult(rows[0])
                elif attr in STREAMED:
                    sink(attr, rows)
                else:
                    getattr(result, attr).extend(rows)
    except Exception:  # noqa: BLE001 - a damaged cache entry is simply processed again
        return None


class _DocumentRows:
    """Where one document's rows go, as they come (the ``sink`` of
    :func:`~pipeline.document.process_text`) and at its end (:meth:`finish`): the staged
    tables, its resume-cache file, the rows the exports read, the result kept for the caller."""

    def __init__(self, staged: StagedTables | None, cache: Path | None, *, keep: bool,
                 for_exports: bool) -> None:
        self.staged, self.cache_path = staged, cache
        wanted = STREAMED if keep else _EXPORT_LISTS if for_exports else ()
        self.collected: dict[str, list[Any]] = {attr: [] for attr in wanted}
        self.mark = staged.mark() if staged is not None else None
        self.caching = cache is not None  # write the rows to the cache file
        self.cache: _CacheFile | None = None  # opened with the first rows
        self.counts: dict[str, int] = {}  # rows received per streamed list

    def __call__(self, attr: str, rows: Sequence[Any]) -> None:
        if self.staged is not None:
            self.staged.append(_TABLE_OF[attr], rows)
        if self.caching and self.cache_path is not None:
            if self.cache is None:
                self.cache = _CacheFile(self.cache_path)
            self.cache.add(attr, rows)
        if attr in self.collected:
            self.collected[attr].extend(rows)
        if attr in STREAMED:
            self.counts[attr] = self.counts.get(attr, 0) + len(rows)

    def reset(self) -> None:
        """Forget every row received (a failed document, a damaged cache file)."""
        if self.staged is not None and self.mark is not None:
            self.staged.rollback(self.mark)
        if self.cache is not None:
            self.cache.discard()
            self.cache = None
        for rows in self.collected.values():
            rows.clear()
        self.counts.clear()

    def finish(self, result: DocumentResult, *, cache: bool = True) -> DocumentResult:
        """Take the rows ``result`` still holds (all of them when nothing was streamed); commit
        the cache file (``cache``, and the document did not fail); return the result with the
        collected lists (those the caller keeps or the exports read) filled in."""
        if result.document.status == "error":
            self.reset()  # rows streamed before the failure belong to no finished document
        for _, _, attr in TABLES:
            rows = _rows(result, attr)
            if rows:
                self(attr, rows)
        if self.cache is not None:
            if cache and result.document.status != "error":
                self.cache.commit()
            else:
                self.cache.discard()
        dropped = {attr: [] for attr in STREAMED if attr not in self.collected}
        return dataclasses.replace(result, **self.collected, **dropped, streamed={
            attr: n for attr, n in self.counts.items() if attr in dropped})


# --- the run ---------------------------------------------------------------------------------

def run(paths: Sequence[Path | str], out_dir: Path | str | None = None, *,
        resources: Resources | None = None, model: str = DEFAULT_MODEL,
        progress: Callable[[int, int, DocumentResult], None] | None = None,
        on_block: Callable[[int, int], None] | None = None,
        excel_safe: bool = False,
        formats: Sequence[str] = exports.DEFAULT_FORMATS,
        jobs: int = 1, engine: str = "local", scheduler: str | None = None,
        resume: bool = False, keep_documents: bool = True,
        gazetteer_dir: Path | str | None = None, context: DocumentContext | None = None,
        continuous: bool = False) -> RunResult:
    """Process files and folders; write the tables to ``out_dir`` if given, with the
    ``formats`` of :mod:`pipeline.exports` (map, report, TEI …; ``()`` for tables only), all in
    one step (see :mod:`pipeline.tables`); ``excel_safe`` prefixes formula-like text cells of the
    CSV tables with ``'``.

    ``jobs``: worker processes (``1``: this process; ``0``: all cores); ``engine``: ``"local"``
    or ``"dask"`` (``scheduler``: a ``dask.distributed`` address, else a ``LocalCluster``);
    ``resume``: take documents already processed by an interrupted run into ``out_dir`` from
    its cache (see the module docstring); ``keep_documents=False``: do not keep the results in
    the returned :class:`RunResult` (flat memory; the CLI's choice).

    ``gazetteer_dir``: a user's gazetteer overlaid on the bundled one (only when ``resources``
    is not given; see :func:`~pipeline.document.load_resources`). ``context``: the starting
    point of every file's running date (see :mod:`pipeline.context`; a sidecar file or front
    matter overrides it). ``continuous``: the files of one folder are one work, processed in
    file-name order (the tables follow that order), each starting from the running date the
    previous one ended with (``context`` then applies to the first file only); with
    ``jobs > 1`` or Dask each work is one task, so its files run in order in one worker while
    different works run in parallel.

    ``progress(i, n, result)`` is called after each file (1-based ``i``, input order),
    ``on_block(done, total)`` within a file (see :func:`~pipeline.document.process_text`; only
    with ``jobs=1`` and the local engine). ``out_dir`` is checked (creatable, writable) before
    any work: :class:`~pipeline.errors.OutputError`. Raises
    :class:`~pipeline.errors.ChronicleError` for an unknown engine or a missing Dask.
    """
    from .errors import ChronicleError

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
        items = _work_order(items)

    cache = out / CACHE_DIR if out is not None else None
    cached: dict[int, Path] = {}  # item index -> cache file of its result
    reusable: set[int] = set()
    if cache is not None:
        version = _run_version(resources)
        if context:
            version += f"|context {context.source}: {context.describe()}"
        previous: tuple[str, str | None] = ("", None)  # (work, key) of the item before
        for i, (path, doc_id) in enumerate(items):
            key = _cache_key(path, doc_id, version + ("|continuous" if continuous else ""))
            if continuous and key is not None and previous[0] == work_of(path):
                # a file's result depends on the files before it in its work
                key = (hashlib.sha256(f"{previous[1]}|{key}".encode()).hexdigest()
                       if previous[1] is not None else None)
            previous = (work_of(path), key)
            if key is not None:
                cached[i] = cache / f"{key}.pickle"
                if resume and cached[i].is_file():
                    reusable.add(i)
        if continuous:  # a work is taken from the cache whole or processed whole
            by_work: dict[str, list[int]] = {}
            for i, (path, _) in enumerate(items):
                by_work.setdefault(work_of(path), []).append(i)
            for indexes in by_work.values():
                if not all(i in reusable for i in indexes):
                    reusable.difference_update(indexes)
    todo = [item for i, item in enumerate(items) if i not in reusable]
    current: list[RowSink] = [lambda attr, rows: None]  # the sink of the document in hand
    if engine == "dask":
        computed = _dask(todo, resources, jobs, scheduler, context, continuous)
    elif jobs > 1 and len(todo) > 1:
        computed = _processes(todo, resources, jobs, context, continuous)
    else:
        computed = _local(todo, resources, on_block,
                          lambda attr, rows: current[0](attr, rows), context, continuous)

    kept: list[DocumentResult] = []
    for_exports: list[DocumentResult] = []
    failed = reused = 0
    staged = (StagedTables(out, [(name, kind) for name, kind, _ in TABLES],
                           excel_safe=excel_safe) if out is not None else None)
    try:
        for i in range(len(items)):
            rows = _DocumentRows(staged, cached.get(i), keep=keep_documents,
                                 for_exports=bool(formats) and staged is not None)
            result = None
            if i in reusable:
                rows.caching = False
                result = _cache_replay(cached[i], rows)
                if result is None:
                    rows.reset()  # a damaged cache file: what it handed over goes
                    rows.caching = True
            if result is None:
                current[0] = rows
                result = (next(computed) if i not in reusable
                          else process_file(*items[i], resources, sink=rows, context=context))
                result = rows.finish(result)
            else:
                reused += 1
                result = rows.finish(result, cache=False)
            failed += result.document.status == "error"
            if staged is not None and formats:
                for_exports.append(DocumentResult(
                    result.document, **{a: getattr(result, a) for a in _EXPORT_LISTS}))
            if keep_documents:
                kept.append(result)
            if progress:
                progress(i + 1, len(items), result)
        run_result = RunResult(kept, failed_files=failed, reused=reused)
        if staged is not None and out is not None:
            counts = dict(staged.counts)
            extra: dict[str, bytes] = {}
            if formats:
                data = exports.input_from_run(RunResult(for_exports), resources)
                data = dataclasses.replace(data, tables=tuple(
                    (name, kind, counts[name]) for name, kind, _ in TABLES))
                extra = exports.render_exports(data, formats)
            run_result.written = staged.finish(extra)
            run_result.counts = counts
            if cache is not None:
                shutil.rmtree(cache, ignore_errors=True)
        else:
            run_result.counts = {name: len(rows) for name, _, rows in run_result.tables()}
    finally:
        if staged is not None:
            staged.close()
        close = getattr(computed, "close", None)
        if close:
            close()
    return run_result
