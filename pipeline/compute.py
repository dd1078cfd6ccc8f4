"""How the spaCy model's matrix products run: numpy's BLAS on one thread.

thinc's CPU backend multiplies with ``blis`` by default; numpy's own BLAS (OpenBLAS in the
numpy wheels) computes the same products about three times faster on the machines measured
(``bench/bench_run.py``, issue 8), and the outputs stay byte-identical (``tests/test_golden.py``).
Models are loaded under :func:`model_ops`; :func:`one_blas_thread` keeps numpy's BLAS on one
thread while a document is processed (``--jobs`` gives the parallelism; BLAS threads on small
matrices only add CPU time). Data source: none.
"""

from __future__ import annotations

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
