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
from ..document import DocumentResult, Resources
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


def ordered(submit: Callable[[Any, str], Future[Any]], items: Sequence[tuple[Any, str]],
            window: int) -> Iterator[Any]:
    """Results of ``submit`` for ``items`` in input order, at most ``window`` in flight."""
    pending: deque[Future[Any]] = deque()
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


def submit_all(submit: Callable[..., Future[Any]], items: Sequence[tuple[Path, str]],
               window: int, key: tuple[str, str | None], context: DocumentContext | None,
               continuous: bool, pack: Callable[[str], PackSpec] | None = None,
               ) -> Iterator[Any]:
    """One task per file, or with ``continuous`` one task per work (its files in order); with
    ``pack`` (not with ``continuous``) a :class:`~pipeline.run.tasks.Packed` per file, finished
    in the worker as ``pack(doc_id)`` says."""
    if pack is not None and not continuous:
        yield from ordered(
            lambda p, d: submit(process_packed_task, str(p), d, *key, context, pack(d)),
            items, window=window)
        return
    if not continuous:
        yield from ordered(lambda p, d: submit(process_task, str(p), d, *key, context),
                           items, window=window)
        return
    works = [([(str(p), d) for p, d in work], "") for work in works_of(items)]
    for results in ordered(lambda w, _: submit(process_work_task, w, *key, context),
                           works, window=window):
        yield from results


def processes(items: Sequence[tuple[Path, str]], resources: Resources,
              jobs: int, context: DocumentContext | None = None,
              continuous: bool = False, pack: Callable[[str], PackSpec] | None = None,
              ) -> Iterator[Any]:
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
        yield from submit_all(pool.submit, items, 4 * jobs, key, context, continuous, pack)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        unshare(key)
        if forked:
            gc.unfreeze()


def dask(items: Sequence[tuple[Path, str]], resources: Resources, jobs: int,
         scheduler: str | None, context: DocumentContext | None = None,
         continuous: bool = False) -> Iterator[DocumentResult]:
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
                              4 * workers, key, context, continuous)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
