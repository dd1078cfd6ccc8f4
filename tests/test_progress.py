"""Progress: a tqdm bar on a terminal (files and blocks), lines otherwise, nothing with --quiet."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from pipeline import api
from pipeline.cli import main

PARAGRAPH = "In the sixth year of Tianhui, Wanyan Zonghan attacked Taiyuan. The city held {}.\n\n"


def _paragraphs(count: int) -> str:
    """``count`` different paragraphs (repeated lines would be removed by cleaning)."""
    return "".join(PARAGRAPH.format(i) for i in range(count))


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_block_callback_reports_characters_done(blank_resources: api.Resources) -> None:
    resources = blank_resources
    calls: list[tuple[int, int]] = []
    text = _paragraphs(50)
    api.process_text(text, "d", resources, on_block=lambda done, total: calls.append((done,
                                                                                       total)))
    assert len(calls) == 50
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    assert calls[-1][0] <= calls[-1][1] and calls[-1][1] >= len(text) - 10


def _run(tmp_path: Path, blank_model: Path, monkeypatch: pytest.MonkeyPatch,
         stream: io.StringIO, *flags: str) -> str:
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "big.txt").write_text(_paragraphs(400), encoding="utf-8")
    (tmp_path / "in" / "small.txt").write_text(_paragraphs(1), encoding="utf-8")
    monkeypatch.setattr(sys, "stderr", stream)
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                 "--model", str(blank_model), *flags]) == 0
    return stream.getvalue()


def test_bar_on_a_terminal(tmp_path: Path, blank_model: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    err = _run(tmp_path, blank_model, monkeypatch, _Terminal())
    assert "2/2 files" in err and "B/s" in err and "100%" in err
    assert "[1/2]" not in err


def test_lines_when_not_a_terminal(tmp_path: Path, blank_model: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    err = _run(tmp_path, blank_model, monkeypatch, io.StringIO())
    assert "[1/2] big:" in err and "[2/2] small:" in err and "B/s" not in err


def test_quiet_has_no_progress(tmp_path: Path, blank_model: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    err = _run(tmp_path, blank_model, monkeypatch, _Terminal(), "--quiet")
    assert err.strip().splitlines() == [err.strip().splitlines()[-1]]
    assert err.startswith("chronicle: wrote 14 files")
