"""Streaming: a long document flows block by block (Docs dropped, rows handed on as they come)
with the same rows as in one piece; a document failing half-way leaves none of its rows."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from pipeline import api, document, run, segment
from pipeline.events import extract as events_extract

TEXT = (
    "In the sixth year of Tianhui, Wanyan Zonghan attacked Taiyuan. Yue Fei defeated the "
    "Jin army at Yancheng.\n\n"
    "Emperor Gaozong fled south in 1129. Han Shizhong blocked the Jin fleet at Huangtiandang "
    "for forty-eight days.\n\n"
    "In the tenth year of Shaoxing, Yue Fei marched north and took Zhuxian.\n\n"
    "Yancheng (now Luohe, Henan) lies south of Kaifeng. Huangtiandang (near Nanjing, Jiangsu) "
    "is on the Yangtze.\n\n"
)


def _small_groups(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every block its own spaCy batch and its own event group."""
    monkeypatch.setattr(segment, "MAX_BATCH_CHARS", 1)
    monkeypatch.setattr(document, "EVENT_GROUP_CHARS", 1)
    monkeypatch.setattr(events_extract, "_PARSE_GROUP_CHARS", 1)


def test_block_by_block_with_a_sink_gives_the_rows_of_one_piece(
        resources: api.Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = api.process_text(TEXT, "d", resources)
    assert whole.events and whole.sentences and whole.dates
    # the gloss in the last paragraph gives the place of an event in the first one
    yancheng = [e for e in whole.events if e.place == "Yancheng"]
    assert yancheng and yancheng[0].place_modern == "Luohe"
    _small_groups(monkeypatch)
    got: dict[str, list[Any]] = {attr: [] for attr in document.STREAMED}
    calls: list[str] = []

    def sink(attr: str, rows: Any) -> None:
        calls.append(attr)
        got[attr].extend(rows)

    streamed = api.process_text(TEXT, "d", resources, sink=sink)
    assert calls.count("sentences") == 4  # one hand-over per block
    for attr in document.STREAMED:
        assert got[attr] == getattr(whole, attr), attr
        assert getattr(streamed, attr) == []
        assert streamed.count(attr) == len(getattr(whole, attr))
    assert streamed.document == whole.document
    assert streamed.warnings == whole.warnings
    assert streamed.candidates == whole.candidates
    assert api.process_text(TEXT, "d", resources) == whole  # without a sink, as before


def test_docs_of_earlier_blocks_are_dropped(blank_resources: api.Resources,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment, "MAX_BATCH_CHARS", 1)
    monkeypatch.setattr(document, "EVENT_GROUP_CHARS", 1)
    text = "".join(f"Yue Fei reached Zhuxian in 1140, day {i}. The army rested.\n\n"
                   for i in range(8))
    alive: list[int] = []

    def count_docs(done: int, total: int) -> None:
        gc.collect()
        alive.append(sum(1 for o in gc.get_objects() if isinstance(o, Doc)))

    # Everything made before this run goes to the permanent generation: gc.collect() then scans
    # only this run's objects (a full collection of the session's heap takes over a second),
    # and gc.get_objects() lists only them (the count is compared with the first block's).
    gc.freeze()
    try:
        result = api.process_text(text, "d", blank_resources, on_block=count_docs,
                                  sink=lambda attr, rows: None)
    finally:
        gc.unfreeze()
    assert len(alive) == 8 and result.document.sentences == 16
    assert alive[0] >= 1  # the block in hand (the count sees Docs)
    assert max(alive) <= alive[0] + 3  # flat: not one more Doc per block


def test_a_document_failing_half_way_leaves_none_of_its_rows(
        tmp_path: Path, blank_resources: api.Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Yue Fei reached Zhuxian in 1140.\n\nHe rested.\n",
                                  encoding="utf-8")
    (inputs / "b.txt").write_text("Kaifeng fell in 1127.\n\nThe Jin went north.\n",
                                  encoding="utf-8")
    real = document._DocumentStream._dates

    def failing(self: Any, dates: Any) -> None:
        if self.doc_id == "a" and self.starts and len(self.starts) > 1:
            raise RuntimeError("boom")  # after the first block's rows went out
        real(self, dates)

    monkeypatch.setattr(document._DocumentStream, "_dates", failing)
    result = api.run([inputs], tmp_path / "out", resources=blank_resources, formats=())
    assert result.failed == 1
    out = tmp_path / "out"
    sentences = (out / "sentences.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[0] for line in sentences[1:]] == ["b", "b"]
    assert result.counts["sentences.csv"] == 2
    assert "PROCESSING_ERROR" in (out / "warnings.csv").read_text(encoding="utf-8")
    assert not (out / run.CACHE_DIR).exists()


def test_a_damaged_cache_file_is_processed_again(
        tmp_path: Path, blank_resources: api.Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a", "b"):
        (inputs / f"{name}.txt").write_text(f"{name}: Yue Fei reached Zhuxian in 1140.\n\n"
                                            f"He rested.\n", encoding="utf-8")
    api.run([inputs], tmp_path / "whole", resources=blank_resources, formats=())

    def stop(i: int, n: int, result: api.DocumentResult) -> None:
        if i == 2:
            raise KeyboardInterrupt

    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        api.run([inputs], out, resources=blank_resources, formats=(), progress=stop)
    cached = sorted((out / run.CACHE_DIR).glob("*.pickle"))[0]  # one of the two
    cached.write_bytes(cached.read_bytes()[:-20])  # cut before its end record
    result = api.run([inputs], out, resources=blank_resources, formats=(), resume=True)
    assert result.reused == 1  # the other one; the damaged one was processed again
    for name in ("sentences.csv", "entities.csv", "dates.csv", "documents.csv"):
        assert (out / name).read_bytes() == (tmp_path / "whole" / name).read_bytes()
