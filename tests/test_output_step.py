"""Tables are written in one step: an interruption or a failure never leaves a mix of two runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from pipeline import tables
from pipeline.cli import main
from pipeline.errors import OutputError
from pipeline.records import WarningRow

SENTENCE = "In the sixth year of Tianhui, Wanyan Zonghan attacked Taiyuan. "


def _tables(n: int) -> list[tuple[str, type, list[object]]]:
    """Eight small tables whose rows say which run (``n``) wrote them."""
    return [(f"t{i}.csv", WarningRow, [WarningRow(f"run{n}", 0, 1, "X", f"table {i}")])
            for i in range(8)]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the output folder but the resume cache (kept on purpose)."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.name != ".chronicle-cache"}


def test_failure_in_the_middle_of_writing_leaves_the_old_tables(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    tables.write_tables(out, _tables(1))
    before = _snapshot(out)
    real = tables.format_cell
    calls = []

    def failing(value: object, excel_safe: bool = False) -> str:  # rows are written cell by cell
        calls.append(value)
        if len(calls) == 4 * 5:  # in the fourth table
            raise OSError(28, "No space left on device")
        return real(value, excel_safe)

    monkeypatch.setattr(tables, "format_cell", failing)
    with pytest.raises(OutputError, match="untouched"):
        tables.write_tables(out, _tables(2))
    assert _snapshot(out) == before  # no new table, no staging folder, no temporary file


def test_interruption_while_rendering_leaves_the_old_tables(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    tables.write_tables(out, _tables(1))
    before = _snapshot(out)
    real = tables.format_cell

    def interrupted(value: object, excel_safe: bool = False) -> str:
        if value == "table 5":
            raise KeyboardInterrupt
        return real(value, excel_safe)

    monkeypatch.setattr(tables, "format_cell", interrupted)
    with pytest.raises(KeyboardInterrupt):
        tables.write_tables(out, _tables(2))
    assert _snapshot(out) == before


def test_signal_during_the_swap_waits_until_all_tables_are_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    tables.write_tables(out, _tables(1))
    real = tables._move_all

    def move_with_a_signal(staging: Path, out_dir: Path) -> None:
        # to this thread: sent to the process, it may wait for another thread (one left by an
        # earlier test) to be scheduled, past the swap, and the test would see no interrupt
        signal.pthread_kill(threading.get_ident(), signal.SIGINT)  # held back until the swap
        real(staging, out_dir)

    monkeypatch.setattr(tables, "_move_all", move_with_a_signal)
    # the interpreter's own handler, whatever an earlier test left in place
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(tables.InterruptedAfterWrite) as caught:
            tables.write_tables(out, _tables(2))
    finally:
        signal.signal(signal.SIGINT, previous)
    assert len(caught.value.paths) == 8
    assert all(b"run2" in data for data in _snapshot(out).values())


def test_next_run_cleans_up_after_a_killed_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    tables.write_tables(out, _tables(1))
    dead_pid = 2 ** 22 + 12345  # above the usual pid_max: no such process
    # killed while writing: no marker -> deleted
    unfinished = out / f"{tables.STAGING_PREFIX}{dead_pid}-abc"
    unfinished.mkdir()
    (unfinished / "t0.csv").write_text("half", encoding="utf-8")
    (out / ".t3.csv.999.tmp").write_text("", encoding="utf-8")  # an old-style temporary file
    # killed in the middle of the swap: marker present, t0-t2 already moved -> finished
    swapping = out / f"{tables.STAGING_PREFIX}{dead_pid}-def"
    swapping.mkdir()
    for name, record_type, rows in _tables(2)[3:]:
        (swapping / name).write_text(tables.table_text(record_type, rows), encoding="utf-8")
    (swapping / tables.SWAP_MARKER).write_text("", encoding="utf-8")
    for name, record_type, rows in _tables(2)[:3]:
        (out / name).write_text(tables.table_text(record_type, rows), encoding="utf-8")
    done = tables.recover(out)
    assert len(done) == 3
    snapshot = _snapshot(out)
    assert sorted(snapshot) == [f"t{i}.csv" for i in range(8)]
    assert all(b"run2" in data for data in snapshot.values())


def test_outputs_get_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        tables.write_tables(tmp_path / "out", _tables(1))
    finally:
        os.umask(old)
    modes = {p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()}
    assert modes == {0o644}


def test_cli_reports_exactly_what_was_written(tmp_path: Path, blank_model: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(out), "--quiet",
                 "--model", str(blank_model)]) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    written = sorted(p.name for p in out.iterdir())
    assert last.startswith(f"chronicle: wrote {len(written)} files to {out}: "
                           "documents.csv (1 rows), ")
    assert "sentences.csv (1 rows)" in last and "tei/" in last and "report.html" in last
    assert written == sorted(part.split(" (")[0].rstrip("/")
                             for part in last.split(": ", 2)[2].split(", "))


def _start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *args], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True)


def _wait_for_handler(pid: int, signum: int) -> None:
    """Wait until process ``pid`` catches ``signum`` (Linux: the SigCgt mask in /proc)."""
    status = Path(f"/proc/{pid}/status")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            caught = next(line for line in status.read_text().splitlines()
                          if line.startswith("SigCgt:"))
        except (OSError, StopIteration):
            caught = "SigCgt: 0"
        if int(caught.split()[1], 16) >> (signum - 1) & 1:
            return
        time.sleep(0.005)
    raise AssertionError("the handler was never installed")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_in_the_first_second_is_one_line(tmp_path: Path, sig: int, code: int) -> None:
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    proc = _start(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")])
    _wait_for_handler(proc.pid, signal.SIGTERM)  # main() has started: spaCy is being imported
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("chronicle: interrupted; no tables")


def test_sigterm_during_a_run_keeps_the_previous_tables(tmp_path: Path,
                                                         blank_model: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(40):
        (inputs / f"f{i:03}.txt").write_text(SENTENCE * 100, encoding="utf-8")
    out = tmp_path / "out"
    tables.write_tables(out, _tables(1))
    before = _snapshot(out)
    proc = _start(["run", str(inputs), "--out", str(out), "--model", str(blank_model)])
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("[1/"):
            break
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "Traceback" not in err and "untouched" in err
    assert _snapshot(out) == before
    assert list((out / ".chronicle-cache").glob("*.pickle"))  # what --resume takes up
