"""The command line on good and bad input: exit codes, messages, no tracebacks, no lost files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy

from pipeline import api
from pipeline.cli import main

SENTENCE = "In the sixth year of Tianhui, Wanyan Zonghan attacked Taiyuan. "


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_missing_path_is_one_clear_line(tmp_path: Path, capsys) -> None:
    code = main(["run", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == [f"chronicle: error: no such file or folder: {tmp_path / 'nope.txt'}"]
    assert not (tmp_path / "out").exists()


def test_folder_without_text_files_is_a_usage_error(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.md").write_text("# not a .txt file", encoding="utf-8")
    code = main(["run", str(tmp_path), "--out", str(tmp_path / "out")])
    assert code == 2
    expected = f"chronicle: error: no *.txt files in folder: {tmp_path}"
    assert capsys.readouterr().err.strip() == expected


def test_missing_model_is_one_clear_line(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    # in process, with everything written to file descriptor 2 captured (warnings of C code
    # too); exit codes of a real process are tested in test_output_step.py and test_scale.py
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    code = main(["run", str(tmp_path), "--out", str(tmp_path / "o"), "--model",
                 "no_such_model_xyz", "--quiet"])
    err = capfd.readouterr().err
    assert code == 3
    assert "Traceback" not in err
    assert "pip install" in err
    assert len(err.strip().splitlines()) == 1


def test_bad_files_get_rows_and_the_rest_is_processed(tmp_path: Path, blank_model: Path,
                                                        capsys) -> None:
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "good.txt").write_text(SENTENCE, encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (inputs / "gbk.txt").write_bytes(("\u91d1\u5929\u6703\u516d\u5e74\u3002" * 30 + SENTENCE)
                                     .encode("gbk"))
    (inputs / "sub" / "utf16.txt").write_bytes(SENTENCE.encode("utf-16"))
    (inputs / "sub" / "good.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["run", str(inputs), "--out", str(out), "--model", str(blank_model)])
    assert code == 1
    assert "Traceback" not in capsys.readouterr().err
    docs = {row["doc_id"]: row for row in _read(out / "documents.csv")}
    assert docs["binary"]["status"] == "error" and "binary" in docs["binary"]["message"]
    assert docs["empty"]["status"] == "empty"
    assert docs["gbk"]["status"] == "ok" and docs["gbk"]["encoding"] in {"gb18030", "gbk"}
    assert docs["sub/utf16"]["encoding"] == "utf-16"
    assert docs["good"]["status"] == docs["sub/good"]["status"] == "ok"
    codes = {(w["doc_id"], w["code"]) for w in _read(out / "warnings.csv")}
    assert ("empty", "EMPTY_DOCUMENT") in codes and ("binary", "UNREADABLE_FILE") in codes
    sentences = _read(out / "sentences.csv")
    assert {s["doc_id"] for s in sentences} == {"good", "sub/good", "gbk", "sub/utf16"}


def test_two_runs_give_identical_bytes(tmp_path: Path, resources: api.Resources) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE * 3, encoding="utf-8")
    first = api.run([tmp_path / "a.txt"], tmp_path / "o1", resources=resources)
    api.run([tmp_path / "a.txt"], tmp_path / "o2", resources=resources)
    assert first.documents[0].entities
    written = [p for p in (tmp_path / "o1").rglob("*") if p.is_file()]
    assert {p.name for p in written} >= {"events.csv", "report.html", "datapackage.json"}
    for path in written:  # the tables and every export
        twin = tmp_path / "o2" / path.relative_to(tmp_path / "o1")
        assert path.read_bytes() == twin.read_bytes()


@pytest.mark.parametrize("megabytes", [1.1])
def test_huge_file_without_line_breaks(tmp_path: Path, blank_model: Path, megabytes: float) -> None:
    path = tmp_path / "huge.txt"
    plain = "The river flows east past the old walls and the fields of millet. " * 99
    paragraph = plain + SENTENCE
    text = paragraph * int(megabytes * 1_000_000 // len(paragraph) + 1)
    assert len(text) > spacy.load(blank_model).max_length  # one paragraph over spaCy's limit
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["run", str(path), "--out", str(out), "--model", str(blank_model), "--quiet"])
    assert code == 0
    (doc,) = _read(out / "documents.csv")
    assert doc["status"] == "ok" and int(doc["sentences"]) > 14_000 * megabytes
    dates = _read(out / "dates.csv")
    assert len(dates) > 140 * megabytes and all(d["year"] for d in dates)


def test_version_is_the_installed_distribution(capsys) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"chronicle {version('chronicle-history')}"
