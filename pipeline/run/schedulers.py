"""Schedulers past this process: a pool of worker processes (``--jobs N``) and a
``dask.distributed`` cluster (``--engine dask``). Both yield the documents' results in input
order, with a bounded number of tasks in flight (memory stays flat on a long folder)."""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..context import DocumentContext
from ..document import Resources
from .split import RangeSpec, SplitDocument, process_range_task
from .tasks import (
    PackSpec,
    init_worker,
    process_packed_task,
    process_task,
    process_work_task,
    resources_key,
    share,
    unshare,
)
from .tasks import works as works_of

SCHEDULER_TIMEOUT = 30  # seconds to reach a Dask scheduler before giving up


def ordered(submit: Callable[[Any], tuple[list[Any], Callable[[list[Any]], Any]]],
            items: Sequence[Any], window: int) -> Iterator[Any]:
    """Results for ``items`` in input order, at most about ``window`` tasks in flight:
    ``submit(item)`` gives the item's futures (one, or one per range of a split document) and
    what turns them into the item's result."""
    pending: deque[tuple[list[Any], Callable[[list[Any]], Any]]] = deque()
    flight = 0
    todo = iter(items)

    def fill() -> None:
        nonlocal flight
        for item in todo:
            futures, finish = submit(item)
            pending.append((futures, finish))
            flight += len(futures)
            if flight >= window:
                break

    fill()
    while pending:
        futures, finish = pending.popleft()
        flight -= len(futures)
        fill()  # before waiting: a split document's ranges are merged while others run
        yield finish(futures)


def _one(futures: list[Any]) -> Any:
    return futures[0].result()


def submit_all(submit: Callable[..., Future[Any]], items: Sequence[tuple[Path, str]],
               window: int, key: tuple[str, str | None], context: DocumentContext | None,
               continuous: bool, pack: Callable[[str], PackSpec] | None = None,
               ranges: Callable[[Path], int] | None = None) -> Iterator[Any]:
    """One task per file, or with ``continuous`` one task per work (its files in order); with
    ``pack`` (not with ``continuous``) a :class:`~pipeline.run.tasks.Packed` per file, finished
    in the worker as ``pack(doc_id)`` says. A file for which ``ranges(path)`` is more than 1
    (not with ``continuous``) is that many range tasks, yielded as a
    :class:`~pipeline.run.split.SplitDocument` (merged by the caller)."""
    if continuous:
        works = [([(str(p), d) for p, d in work], "") for work in works_of(items)]
        for results in ordered(lambda w: ([submit(process_work_task, w[0], *key, context)],
                                          _one), works, window=window):
            yield from results
        return
    from ..document import EVENT_GROUP_CHARS

    def one(item: tuple[Path, str]) -> tuple[list[Any], Callable[[list[Any]], Any]]:
        path, doc_id = item
        count = ranges(path) if ranges is not None else 1
        if count > 1:
            specs = [RangeSpec(i, count, EVENT_GROUP_CHARS) for i in range(count)]
            return ([submit(process_range_task, str(path), doc_id, *key, context, spec)
                     for spec in specs], lambda fs: SplitDocument(path, doc_id, fs))
        if pack is not None:
            return [submit(process_packed_task, str(path), doc_id, *key, context,
                           pack(doc_id))], _one
        return [submit(process_task, str(path), doc_id, *key, context)], _one

    yield from ordered(one, items, window=window)


def processes(items: Sequence[tuple[Path, str]], resources: Resources,
              jobs: int, context: DocumentContext | None = None,
              continuous: bool = False, pack: Callable[[str], PackSpec] | None = None,
              ranges: Callable[[Path], int] | None = None) -> Iterator[Any]:
    """``jobs`` worker processes (forked where the platform allows: the resources are then
    inherited, not loaded again); results as :func:`submit_all` gives them."""
    key = resources_key(resources)
    methods = multiprocessing.get_all_start_methods()
    mp = multiprocessing.get_context("fork" if "fork" in methods else None)
    forked = mp.get_start_method() == "fork"
    if forked:
        share(resources)  # inherited by the workers: no second load
        # The loaded resources (gazetteer, era table, spaCy vocabulary: ~200,000 objects) are
        # moved out of the garbage collector's reach: its full passes in the workers then
        # neither scan them nor write to their pages, which stay shared with this process.
        gc.collect()
        gc.freeze()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=mp,
                               initializer=init_worker, initargs=key)
    try:
        yield from submit_all(pool.submit, items, 4 * jobs, key, context, continuous, pack,
                              ranges)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        unshare(key)
        if forked:
            gc.unfreeze()


def dask(items: Sequence[tuple[Path, str]], resources: Resources, jobs: int,
         scheduler: str | None, context: DocumentContext | None = None,
         continuous: bool = False, ranges: Callable[[Path], int] | None = None,
         ) -> Iterator[Any]:
    """Tasks on the Dask cluster at ``scheduler``, or on a ``LocalCluster`` of ``jobs``
    workers. Raises :class:`~pipeline.errors.ChronicleError` without the dask extra or when
    the scheduler cannot be reached within ``SCHEDULER_TIMEOUT`` seconds."""
    from ..errors import ChronicleError

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise ChronicleError("--engine dask needs the dask extra: "
                             "pip install 'chronicle-history[dask]'") from exc
    key = resources_key(resources)
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
        yield from submit_all(lambda *a: client.submit(*a, pure=False), items,
                              4 * workers, key, context, continuous, ranges=ranges)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
