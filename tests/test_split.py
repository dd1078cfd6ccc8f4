"""One huge document split into block ranges over worker processes gives the bytes of one
process; a failing range fails only its document; the ranges are cut at event groups."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import api, document, ranges, run
from pipeline.run import split
from pipeline.segment import Block

# a running date carried across paragraphs ("the next year"), a gloss at the end that places
# a mention at the start, events and entities in every paragraph
PARAGRAPHS = [
    "In the sixth year of Tianhui, Wanyan Zonghan attacked Taiyuan. The city held out.",
    "The next year the Jin army besieged Kaifeng, and Emperor Qinzong surrendered.",
    "Yue Fei defeated the Jin army near Yancheng in the tenth year of Shaoxing.",
    "Han Shizhong blocked the Jin fleet at Huangtiandang for forty-eight days.",
    "Emperor Gaozong fled south in 1129; Wuzhu crossed the Yangtze and took Hangzhou.",
]
GLOSS = "Yancheng (now Luohe, Henan) lies south of Kaifeng.\n"


def _huge(path: Path, copies: int = 8) -> Path:
    text = "".join(f"{p} (part {i}.)\n\n" for i in range(copies) for p in PARAGRAPHS)
    path.write_text(text + GLOSS, encoding="utf-8")
    return path


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text("Kaifeng fell in the second year of Jingkang.\n",
                                  encoding="utf-8")
    _huge(folder / "b_huge.txt")
    (folder / "c.txt").write_text("Yue Fei reached Zhuxian in 1140.\n", encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def small_groups(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Event groups of about two paragraphs (forked workers inherit it; the range tasks are
    given it); returns the ranges each merged document was made of."""
    monkeypatch.setattr(document, "EVENT_GROUP_CHARS", 150)
    monkeypatch.setattr(split, "RANGES_PER_WORKER", 2)  # middle ranges too
    merged: list[int] = []
    real = split.SplitDocument.merge

    def counting(self: split.SplitDocument, *args: object) -> api.DocumentResult:
        merged.append(len(self.futures))
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(split.SplitDocument, "merge", counting)
    return merged


def test_cut_ranges_at_event_groups() -> None:
    blocks = [Block(i * 100, "x" * 90) for i in range(10)]
    assert ranges.group_ends(blocks, 180) == [2, 4, 6, 8, 10]
    cut = ranges.cut_ranges(blocks, 3, 180)
    assert cut == [(0, 4), (4, 8), (8, 10)]  # at group ends, about a third of the text each
    assert ranges.cut_ranges(blocks, 3, 10_000) == [(0, 10), (10, 10), (10, 10)]
    assert ranges.cut_ranges([], 2, 180) == [(0, 0), (0, 0)]
    assert split.range_count(Path("/nonexistent"), 10, 4) == 1


def test_a_file_gets_no_more_ranges_than_workers(tmp_path: Path) -> None:
    path = _huge(tmp_path / "huge.txt")
    assert split.range_count(path, 1000, 2) == 2
    assert split.range_count(path, 1000, 1) == 1  # one process: never split
    assert split.range_count(path, 10**6, 8) == 1  # a small file stays one task


def test_a_split_document_gives_the_bytes_of_one_process(
        tmp_path: Path, blank_resources: api.Resources, small_groups: list[int]) -> None:
    inputs = _inputs(tmp_path / "in")
    assert split.range_count(inputs / "b_huge.txt", 1000, 2) == 4
    assert split.range_count(inputs / "a.txt", 1000, 2) == 1
    options = {"resources": blank_resources, "keep_documents": False, "excel_safe": True}
    one = api.run([inputs], tmp_path / "one", **options)  # type: ignore[arg-type]
    assert not small_groups and one.counts["events.csv"] > 10 and one.failed == 0
    two = api.run([inputs], tmp_path / "two", jobs=2, split_bytes=1000,
                  **options)  # type: ignore[arg-type]
    assert small_groups == [4] and two.counts == one.counts
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")  # exports too
    places = (tmp_path / "two" / "places.csv").read_text(encoding="utf-8")
    assert "Luohe" in places  # the gloss at the end placed the mentions of the first range
    # kept in memory (not packed): the same rows
    kept = api.run([inputs], jobs=2, split_bytes=1000, resources=blank_resources)
    assert kept.tables() == api.run([inputs], resources=blank_resources).tables()


def test_a_failing_range_fails_its_document_only_and_resume_merges_again(
        tmp_path: Path, blank_resources: api.Resources, small_groups: list[int],
        monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path / "in")
    options = {"resources": blank_resources, "keep_documents": False, "formats": ()}
    api.run([inputs], tmp_path / "one", **options)  # type: ignore[arg-type]
    real = ranges.block_parts

    def failing(text: str, doc_id: str, res: api.Resources, whole: ranges.WholeText,
                first: int, last: int, *args: object) -> object:
        if first > 0:  # not the first range: its rows were merged before the failure
            raise RuntimeError("range boom")
        return real(text, doc_id, res, whole, first, last, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ranges, "block_parts", failing)  # the workers' (forked) range work
    out = tmp_path / "two"
    result = api.run([inputs], out, jobs=2, split_bytes=1000,
                     **options)  # type: ignore[arg-type]
    assert result.failed == 1 and small_groups == [4]
    documents = (out / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert len(documents) == 4 and "range boom" in documents[2] and ",error," in documents[2]
    for name, _, _ in run.TABLES[1:6]:  # sentences ... places: the other documents' rows only
        want = [line for line in (tmp_path / "one" / name).read_text().splitlines()
                if not line.startswith("b_huge,")]
        assert (out / name).read_text().splitlines() == want, name
    assert not (out / run.CACHE_DIR).exists()  # no cache file of a failed document kept

    monkeypatch.setattr(ranges, "block_parts", real)
    stopped = tmp_path / "stopped"

    def stop(i: int, n: int, result: api.DocumentResult) -> None:
        if i == 2:  # the split document is merged and cached
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.run([inputs], stopped, jobs=2, split_bytes=1000, progress=stop,
                **options)  # type: ignore[arg-type]
    again = api.run([inputs], stopped, jobs=2, split_bytes=1000, resume=True,
                    **options)  # type: ignore[arg-type]
    assert again.reused >= 2 and small_groups == [4, 4]  # not merged a second time
    assert _snapshot(stopped) == _snapshot(tmp_path / "one")
