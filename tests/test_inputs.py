"""Hostile command lines and input trees: ids, unreadable folders, bad --out, stdin, --version."""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path

import pytest

from pipeline import api
from pipeline.cli import main

SENTENCE = "In the sixth year of Tianhui, Wanyan Zonghan attacked Taiyuan. "


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(SENTENCE, encoding="utf-8")


def _ids(*roots: Path) -> dict[str, str]:
    files = api.collect_inputs(roots)
    return {p.as_posix(): i for p, i in zip(files, api.make_doc_ids(files, roots), strict=True)}


def test_doc_ids_come_from_relative_paths_and_are_stable(tmp_path: Path) -> None:
    root = tmp_path / "texts"
    _tree(root, ["x.txt", "b/x.txt"])
    before = _ids(root)
    assert sorted(before.values()) == ["b/x", "x"]
    _tree(root, ["a/x.txt", "x#2.txt", "a/b/x.txt", ".txt"])  # files added, some sort first
    after = _ids(root)
    assert {k: after[k] for k in before} == before  # no id changed
    assert len(set(after.values())) == len(after) == 6 and all(after.values())
    assert after[(root / "x#2.txt").as_posix()] == "x#2"


def test_doc_ids_do_not_depend_on_the_order_of_files(tmp_path: Path) -> None:
    _tree(tmp_path, ["one/x.txt", "two/x.txt", "one/y.txt"])
    files = api.collect_inputs([tmp_path])
    ids = api.make_doc_ids(files, [tmp_path])
    assert api.make_doc_ids(files[::-1], [tmp_path]) == ids[::-1]


def test_same_id_from_two_command_line_paths(tmp_path: Path) -> None:
    _tree(tmp_path, ["a/x.txt", "b/x.txt"])
    ids = _ids(tmp_path / "a", tmp_path / "b")
    assert sorted(ids.values()) == sorted([(tmp_path / "a" / "x").as_posix(),
                                           (tmp_path / "b" / "x").as_posix()])
    # the same file twice is processed once
    assert len(api.collect_inputs([tmp_path / "a", tmp_path / "a" / "x.txt"])) == 1


def test_unreadable_subfolder_is_an_error_row(tmp_path: Path, blank_model: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = tmp_path / "in"
    _tree(inputs, ["good.txt", "locked/hidden.txt"])
    real = os.scandir
    locked = str(inputs / "locked")

    def scandir(path: object = ".") -> object:
        if not isinstance(path, int) and os.fspath(path) == locked:  # as if not readable
            raise PermissionError(13, "Permission denied", locked)
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out), "--quiet",
                 "--model", str(blank_model)]) == 1
    docs = {d["doc_id"]: d for d in _read(out / "documents.csv")}
    assert docs["good"]["status"] == "ok"
    assert docs["locked"]["status"] == "error"
    assert "Permission denied" in docs["locked"]["message"]


@pytest.mark.parametrize("out", ["", "  "])
def test_empty_out_is_a_usage_error(tmp_path: Path, out: str, capsys) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", out]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--out" in err[0]


def test_bad_out_is_reported_before_any_work(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    # a missing model would be exit 3: exit 4 shows --out was checked first
    code = main(["run", str(tmp_path / "a.txt"), "--out", str(blocker / "sub"),
                 "--model", "no_such_model_xyz"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 4
    assert len(err) == 1 and "cannot write to output folder" in err[0]


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("chronicle ")


def test_dash_reads_standard_input(tmp_path: Path, blank_model: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # the bytes of standard input (GBK here), read in process: exit codes of a real process are
    # tested in test_cli.py, test_output_step.py and test_scale.py
    data = (SENTENCE * 2).encode("gbk")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out = tmp_path / "out"
    code = main(["run", "-", "--out", str(out), "--quiet", "--model", str(blank_model)])
    assert code == 0
    (doc,) = _read(out / "documents.csv")
    assert doc["doc_id"] == "stdin" and doc["path"] == "-" and doc["sentences"] == "2"
