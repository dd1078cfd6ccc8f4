"""Scale: --jobs and --engine dask give the same bytes as one process; --resume after a kill."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import api, document, exports, run
from pipeline.cli import main

TEXTS = [
    "In the sixth year of Tianhui, Wanyan Zonghan attacked Taiyuan. The city held {}.\n",
    "Emperor Gaozong fled south in 1129. Yue Fei defeated the Jin army near Yancheng {}.\n",
    "",  # an empty file: a document row with status empty
    "Kaifeng fell in the second year of Jingkang.\n\nThe Jin took Huizong north {}.\n\n",
]


def _inputs(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = TEXTS[i % len(TEXTS)]
        text = (text.format(i) + "\n") * (1 + i % 3)
        (folder / f"f{i:02}.txt").write_text(text, encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Caf\xe9 in Kaifeng in 1127.\n".encode("latin-1"))
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def _cli(inputs: Path, out: Path, model: Path, *flags: str) -> int:
    return main(["run", str(inputs), "--out", str(out), "--quiet", "--model", str(model),
                 *flags])


def test_jobs_2_gives_the_same_bytes_as_one_process(tmp_path: Path, blank_model: Path) -> None:
    inputs = _inputs(tmp_path / "in", 9)
    assert _cli(inputs, tmp_path / "one", blank_model) == 0
    assert _cli(inputs, tmp_path / "two", blank_model, "--jobs", "2") == 0
    one = _snapshot(tmp_path / "one")
    assert one == _snapshot(tmp_path / "two")
    assert one["documents.csv"].count(b"\n") == 11  # header + 10 documents, in input order
    assert not (tmp_path / "two" / ".chronicle-cache").exists()  # removed after a full run


def test_workers_finish_documents_as_the_runner_does_and_resume(
        tmp_path: Path, blank_resources: api.Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers render the CSV lines (excel-safe too), write the cache files and the exports; a
    failed document leaves only its error rows; an interrupted --jobs 2 run resumes."""
    inputs = _inputs(tmp_path / "in", 7)
    (inputs / "formula.txt").write_text("=SUM(A1) Yue Fei reached Zhuxian in 1140.\n",
                                        encoding="utf-8")
    real = document._DocumentStream._dates

    def failing(self: document._DocumentStream, dates: list[object]) -> None:
        if self.doc_id == "f04":
            raise RuntimeError("boom")
        real(self, dates)  # type: ignore[arg-type]

    monkeypatch.setattr(document._DocumentStream, "_dates", failing)  # forked workers too
    options = {"resources": blank_resources, "keep_documents": False, "excel_safe": True}
    one = api.run([inputs], tmp_path / "one", **options)  # type: ignore[arg-type]

    def stop(i: int, n: int, result: api.DocumentResult) -> None:
        if i == 3:
            raise KeyboardInterrupt

    two = tmp_path / "two"
    with pytest.raises(KeyboardInterrupt):
        api.run([inputs], two, jobs=2, progress=stop, **options)  # type: ignore[arg-type]
    assert not (two / "documents.csv").exists()
    cached = len(list((two / run.CACHE_DIR).glob("*.pickle")))  # written by the workers
    assert cached >= 3
    again = api.run([inputs], two, jobs=2, resume=True, **options)  # type: ignore[arg-type]
    assert again.reused == cached and one.failed == again.failed == 1
    assert _snapshot(tmp_path / "one") == _snapshot(two)
    assert b"'=SUM(A1)" in (two / "sentences.csv").read_bytes()
    assert b"boom" in (two / "warnings.csv").read_bytes()


def test_exports_written_document_by_document_equal_the_whole_run_rendering(
        tmp_path: Path, blank_resources: api.Resources) -> None:
    inputs = _inputs(tmp_path / "in", 5)
    (inputs / "a b.txt").write_text("Yue Fei took Zhuxian in 1140.\n", encoding="utf-8")
    (inputs / "a_b.txt").write_text("Kaifeng fell in 1127.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = api.run([inputs], out, resources=blank_resources)
    data = dataclasses.replace(exports.input_from_run(result, blank_resources), tables=tuple(
        (name, kind, result.counts[name]) for name, kind, _ in run.TABLES))
    files = exports.render_exports(data, exports.ALL_FORMATS)
    assert "tei/a_b-2.xml" in files and "report.html" in files  # two doc ids, one file stem
    for name, content in files.items():
        assert (out / name).read_bytes() == content, name
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == set(files) | {name for name, _, _ in run.TABLES}  # no spool file left


def test_document_parts_keep_only_what_run_wide_exports_read(
        tmp_path: Path, blank_resources: api.Resources) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Wanyan Zonghan attacked Taiyuan in 1126. Yue Fei took Zhuxian in 1140.\n",
                    encoding="utf-8")
    doc = api.process_file(path, "a", blank_resources)
    assert doc.entities and doc.dates
    parts = exports.stream.document_parts(doc, ("tei", "report", "datapackage"), "1")
    assert parts.tei and parts.tei.startswith(b"<?xml") and parts.article
    report = exports.report
    assert parts.marks == [report.timeline_mark(e) for e in doc.events if e.date_start]
    assert parts.map_items == [report.map_event_json(e) for e in doc.events
                               if e.latitude is not None and e.longitude is not None]
    assert parts.counts[0] == len(doc.events)
    assert parts.features is None and parts.points is None  # no geojson, no timeline.png
    bare = exports.stream.document_parts(doc, ("datapackage",), "1")
    assert (bare.tei, bare.article, bare.features, bare.map_items, bare.marks,
            bare.points) == (None,) * 6


def test_dask_local_cluster_gives_the_same_bytes(tmp_path: Path, blank_model: Path,
                                                 blank_resources: api.Resources,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("dask.distributed")
    inputs = _inputs(tmp_path / "in", 4)
    # one larger file split into block ranges (event groups of a few lines: the range tasks
    # are given the size) merged in order among the other files
    (inputs / "huge.txt").write_text("".join(t.format(i) + "\n" for i in range(12)
                                             for t in TEXTS), encoding="utf-8")
    monkeypatch.setattr(document, "EVENT_GROUP_CHARS", 200)
    monkeypatch.setattr(run.split, "RANGES_PER_WORKER", 2)
    merged: list[int] = []
    real = run.split.SplitDocument.merge
    monkeypatch.setattr(run.split.SplitDocument, "merge", lambda self, *a: (
        merged.append(len(self.futures)), real(self, *a))[1])
    api.run([inputs], tmp_path / "local", resources=blank_resources)
    result = api.run([inputs], tmp_path / "dask", resources=blank_resources, engine="dask",
                     jobs=1, keep_documents=False, split_bytes=1000)
    assert result.documents == [] and result.counts["documents.csv"] == 6
    assert merged == [3]  # 2.9 KB: three ranges
    assert _snapshot(tmp_path / "local") == _snapshot(tmp_path / "dask")


def test_resume_processes_only_what_an_interrupted_run_left(
        tmp_path: Path, blank_resources: api.Resources, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path / "in", 6)
    api.run([inputs], tmp_path / "whole", resources=blank_resources)
    out = tmp_path / "out"

    def stop_after_three(i: int, n: int, result: api.DocumentResult) -> None:
        if i == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        api.run([inputs], out, resources=blank_resources, progress=stop_after_three)
    assert not (out / "documents.csv").exists()  # no tables from the interrupted run
    assert len(list((out / run.CACHE_DIR).glob("*.pickle"))) == 3
    (inputs / "f01.txt").write_text("Changed since: Yue Fei in 1140.\n", encoding="utf-8")
    api.run([inputs], tmp_path / "whole", resources=blank_resources)  # the new reference

    processed: list[str] = []
    real = run.tasks.process_file

    def counting(path: Path, doc_id: str, resources: api.Resources, **kw: object):  # type: ignore[no-untyped-def]
        processed.append(doc_id)
        return real(path, doc_id, resources, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(run.tasks, "process_file", counting)
    result = api.run([inputs], out, resources=blank_resources, resume=True)
    assert result.reused == 2  # f00 and f02 (f01 changed)
    assert processed == ["f01", "f03", "f04", "f05", "latin1"]
    assert _snapshot(out) == _snapshot(tmp_path / "whole")


def test_sigkill_halfway_then_resume_gives_the_same_tables(
        tmp_path: Path, blank_model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A real process killed half-way; the resumed run (in process) reuses its cache files."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(16):  # about 0.1 s a file: the kill lands before the last one
        (inputs / f"f{i:02}.txt").write_text(f"Yue Fei reached Zhuxian in 1140, day {i}. " * 100,
                                             encoding="utf-8")
    out = tmp_path / "out"
    command = ["run", str(inputs), "--out", str(out), "--model", str(blank_model)]
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", *command], stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("[6/"):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert not (out / "documents.csv").exists()
    done = len(list((out / run.CACHE_DIR).glob("*.pickle")))
    assert 6 <= done < 16
    capsys.readouterr()
    assert main([*command, "--resume"]) == 0
    assert f"{done} document(s) taken from the cache" in capsys.readouterr().err
    assert main(["run", str(inputs), "--out", str(tmp_path / "whole"), "--quiet",
                 "--model", str(blank_model)]) == 0
    assert _snapshot(out) == _snapshot(tmp_path / "whole")


def test_bad_scale_options_are_one_line_usage_errors(
        tmp_path: Path, blank_model: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _inputs(tmp_path / "in", 1)
    assert _cli(inputs, tmp_path / "out", blank_model, "--jobs", "-1") == 2
    assert "--jobs must be 0" in capsys.readouterr().err
    pytest.importorskip("dask.distributed")
    monkeypatch.setattr(run.schedulers, "SCHEDULER_TIMEOUT", 0.5)
    code = _cli(inputs, tmp_path / "out", blank_model, "--engine", "dask",
                "--scheduler", "tcp://127.0.0.1:9")
    err = capsys.readouterr().err
    assert code == 2 and "cannot reach the Dask scheduler" in err and "Traceback" not in err
