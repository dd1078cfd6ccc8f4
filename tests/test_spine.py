"""The spine's spaCy batches across the documents of a serial run (pipeline.spine)."""

from __future__ import annotations

from pathlib import Path

from recording_nlp import RecordingNlp

from pipeline import api, spine
from pipeline.clean import clean
from pipeline.segment import split_blocks

PAGES = [
    "The Jin army attacked Taiyuan in 1125.\n\nZonghan besieged the city.",
    "+++\nera = \"Jianyan\"\n+++\nIn the second year the emperor fled south.\n\nHe reached "
    "Hangzhou.",
    "Yue Fei defeated the Jin at Yancheng in 1140. Qin Hui had him killed in 1142.",
]


_RecordingNlp = RecordingNlp


def _write(tmp_path: Path) -> list[Path]:
    paths = []
    for i, text in enumerate(PAGES):
        path = tmp_path / f"p{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_a_page_batch_is_topped_up_with_the_next_pages(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    nlp = _RecordingNlp()
    batches = spine.SpineBatches(nlp, spine.upcoming(paths[1:]))  # type: ignore[arg-type]
    prepared = [spine.prepare_file(p) for p in paths]
    assert all(p is not None for p in prepared)
    docs = []
    for text, cleaned in prepared:  # type: ignore[misc]
        with spine.batching(batches):
            assert spine.cleaned(text).text == cleaned.text
            blocks = split_blocks(cleaned.text)
            docs.append([d.text for d in spine.pipe(nlp, blocks, whole=True)])  # type: ignore[arg-type]
        assert docs[-1] == [b.text for b in blocks]
    assert len(nlp.batches) == 1  # all three pages fit one batch
    assert nlp.batches[0] == [b.text for _, c in prepared  # type: ignore[misc]
                              for b in split_blocks(c.text)]


def test_batches_stay_bounded_and_unmatched_text_falls_back(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    nlp = _RecordingNlp()
    batches = spine.SpineBatches(nlp, spine.upcoming(paths[1:]), max_batch_chars=60)  # type: ignore[arg-type]
    first = clean(PAGES[0])
    with spine.batching(batches):
        spine.cleaned(PAGES[0])
        got = [d.text for d in spine.pipe(nlp, split_blocks(first.text), whole=True)]  # type: ignore[arg-type]
    assert got == [b.text for b in split_blocks(first.text)]
    assert all(sum(map(len, b)) <= 60 or len(b) == 1 for b in nlp.batches)
    other = "A text no page holds.\n\nIt is piped on its own."
    with spine.batching(batches):
        assert spine.cleaned(other).text == clean(other).text
        blocks = split_blocks(other)
        got = [d.text for d in spine.pipe(nlp, blocks, whole=True)]  # type: ignore[arg-type]
    assert got == [b.text for b in blocks]
    assert nlp.batches[-1] == [b.text for b in blocks]


def test_a_failing_later_page_does_not_fail_this_one(tmp_path: Path) -> None:
    paths = _write(tmp_path)

    class _Failing(_RecordingNlp):
        def pipe(self, texts: list[str], batch_size: int) -> list[object]:
            if any("Hangzhou" in t for t in texts):
                raise ValueError("spaCy failed")
            return super().pipe(texts, batch_size)

    nlp = _Failing()
    batches = spine.SpineBatches(nlp, spine.upcoming(paths[1:]))  # type: ignore[arg-type]
    first = clean(PAGES[0])
    with spine.batching(batches):
        spine.cleaned(PAGES[0])
        got = [d.text for d in spine.pipe(nlp, split_blocks(first.text), whole=True)]  # type: ignore[arg-type]
    assert got == [b.text for b in split_blocks(first.text)]
    assert nlp.batches == [got]  # the failed batch with the next page's blocks is not kept


def test_an_unreadable_file_is_prepared_as_none(tmp_path: Path) -> None:
    assert spine.prepare_file(tmp_path / "missing.txt") is None


def test_a_run_gives_the_same_rows_with_and_without_cross_page_batches(
        tmp_path: Path, resources: api.Resources) -> None:
    paths = _write(tmp_path)
    together = api.run(paths, resources=resources)
    alone = [api.process_file(p, p.stem, resources) for p in paths]
    assert all(d.entities and d.sentences for d in together.documents)
    for doc, single in zip(together.documents, alone, strict=True):
        assert doc.entities == [e for e in single.entities]
        assert doc.sentences == single.sentences
        assert [(e.event_type, e.start, e.actor1) for e in doc.events] == \
            [(e.event_type, e.start, e.actor1) for e in single.events]
