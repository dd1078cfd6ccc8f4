"""The model's matrix products go through numpy's BLAS, on one thread while a document runs."""

from __future__ import annotations

import gc

from threadpoolctl import threadpool_info

from pipeline import api
from pipeline.compute import frozen_heap, one_blas_thread


def _blas_threads() -> list[int]:
    return [info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"]


def test_model_layers_use_numpy_blas(resources: api.Resources) -> None:
    # the encoders' maxout layers hold the large products (the transition models' small
    # output layer, made apart from the loaded weights, keeps thinc's default)
    for name in ("ner", "senter", "tok2vec"):  # (the parser listens to tok2vec)
        model = resources.nlp.get_pipe(name).model
        flags = {layer.ops.use_blis for layer in model.walk() if layer.name == "maxout"}
        assert flags == {False}, (name, flags)


def test_one_blas_thread_limits_and_restores() -> None:
    before = _blas_threads()
    with one_blas_thread():
        assert all(n == 1 for n in _blas_threads())
    assert _blas_threads() == before


def test_one_thread_while_processing(resources: api.Resources, monkeypatch) -> None:
    seen: list[list[int]] = []
    import pipeline.document.process as document  # where process_text looks it up

    real = document._process_text

    def spy(*args, **kwargs):
        seen.append(_blas_threads())
        return real(*args, **kwargs)

    monkeypatch.setattr(document, "_process_text", spy)
    result = api.process_text("Kaifeng fell to the Jin in 1127.", "d", resources)
    assert result.count("sentences") == 1
    assert seen and all(n == 1 for n in seen[0])


def test_frozen_heap_freezes_inside_and_restores_on_exit() -> None:
    assert gc.get_freeze_count() == 0
    loaded = [object() for _ in range(3)]  # alive before the block: a run's resources
    with frozen_heap():
        assert gc.get_freeze_count() > 0
        frozen = gc.get_freeze_count()
        with frozen_heap():  # nested (a document inside a run): still the outer freeze
            assert gc.get_freeze_count() == frozen
        assert gc.get_freeze_count() == frozen
    assert gc.get_freeze_count() == 0  # nothing stays exempt from collection
    assert loaded


def test_frozen_heap_leaves_a_callers_freeze_alone() -> None:
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        with frozen_heap():
            pass
        assert gc.get_freeze_count() == before  # not unfrozen by the block
    finally:
        gc.unfreeze()
