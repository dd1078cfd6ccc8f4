"""How the spaCy model's matrix products run: numpy's BLAS on one thread.

thinc's CPU backend multiplies with ``blis`` by default; numpy's own BLAS (OpenBLAS in the
numpy wheels) computes the same products about three times faster on the machines measured
(``bench/bench_run.py``, issue 8), and the outputs stay byte-identical (``tests/test_golden.py``).
Models are loaded under :func:`model_ops`; :func:`one_blas_thread` keeps numpy's BLAS on one
thread while a document is processed (``--jobs`` gives the parallelism; BLAS threads on small
matrices only add CPU time). :func:`frozen_heap` keeps the objects loaded before a document
(the resources: model, gazetteer, place tables) out of the garbage collector's passes while it
is processed. Data source: none.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any


def model_ops() -> AbstractContextManager[Any]:
    """Context for ``spacy.load``: the model's layers get thinc ``NumpyOps`` with
    ``use_blis=False`` (matrix products through numpy's BLAS)."""
    from thinc.api import use_ops

    return use_ops("numpy", use_blis=False)


_CONTROLLER: list[Any] = []  # the threadpoolctl controller, made once (it scans loaded libraries)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Within the block, numpy's BLAS uses one thread (restored afterwards)."""
    from threadpoolctl import ThreadpoolController

    if not _CONTROLLER:
        _CONTROLLER.append(ThreadpoolController())
    with _CONTROLLER[0].limit(limits=1, user_api="blas"):
        yield


_FROZEN = [0]  # how many frozen_heap blocks are open (the outermost freezes and unfreezes)
_FREEZE_LOCK = threading.Lock()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Within the block, the objects alive on entry are left out of the cyclic garbage
    collector's passes (``gc.freeze``; ``gc.unfreeze`` on exit, so nothing stays exempt).

    A run's resources are hundreds of thousands of long-lived objects (the gazetteer, the
    place tables, the model); every full collection the document's own allocations trigger
    would traverse them all again (about a second of CPU each on the benchmark machine,
    ``bench/bench_run.py``) and never free one. Objects made inside the block are collected as
    usual; the outputs do not change. Re-entrant (nested blocks and threads: the outermost
    freezes and unfreezes); a no-op when the caller has frozen the heap itself."""
    with _FREEZE_LOCK:
        mine = _FROZEN[0] > 0 or gc.get_freeze_count() == 0
        if mine:
            if _FROZEN[0] == 0:
                gc.freeze()
            _FROZEN[0] += 1
    try:
        yield
    finally:
        if mine:
            with _FREEZE_LOCK:
                _FROZEN[0] -= 1
                if _FROZEN[0] == 0:
                    gc.unfreeze()
