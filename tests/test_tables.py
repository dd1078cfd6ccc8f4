"""CSV rendering and atomic writes."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from pipeline.errors import OutputError
from pipeline.records import DateRow, WarningRow, columns
from pipeline.tables import format_cell, table_text, write_atomic


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), (True, "true"), (False, "false"), (3, "3"), (-44, "-44"),
    (34.5383194, "34.538319"), (113.0, "113"), ("a, b", "a, b"),
])
def test_cells(value: object, text: str) -> None:
    assert format_cell(value) == text


def test_table_reads_back_in_pandas_with_dates_as_text() -> None:
    row = DateRow("d", 1, 0, 10, 'said "x", then', "explicit", era="Jingkang", year=1126,
                  leap_month=True, date_start="1127-01-16", julian_start="1127-01-09")
    text = table_text(DateRow, [row])
    frame = pd.read_csv(io.StringIO(text), dtype={"date_start": str, "julian_start": str})
    assert list(frame.columns) == columns(DateRow)
    assert frame.loc[0, "text"] == 'said "x", then'
    assert frame.loc[0, "year"] == 1126 and frame.loc[0, "date_start"] == "1127-01-16"
    assert bool(frame.loc[0, "leap_month"]) is True


def test_write_atomic_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "out" / "warnings.csv"
    write_atomic(path, table_text(WarningRow, [WarningRow("d", 0, 2, "X", "y")]))
    write_atomic(path, "replaced\n")
    assert path.read_text(encoding="utf-8") == "replaced\n"
    assert [p.name for p in path.parent.iterdir()] == ["warnings.csv"]


def test_unwritable_output_is_an_output_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        write_atomic(blocker / "sub" / "t.csv", "x")


@pytest.mark.parametrize(("value", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-x", "'-x"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("-0044-03-15", "'-0044-03-15"),
    ("a=b", "a=b"), (-44, "-44"), (-1.5, "-1.5"), (None, ""), ("", ""),
])
def test_excel_safe_cells(value: object, safe: str) -> None:
    assert format_cell(value, excel_safe=True) == safe
    assert format_cell(value) == ("" if value is None else
                                  format_cell(value) if not isinstance(value, str) else value)


def test_excel_safe_is_an_option_of_the_command(tmp_path: Path, blank_model: Path) -> None:
    from pipeline.cli import main

    (tmp_path / "a.txt").write_text("=1+2 was written on the wall. The army left.",
                                    encoding="utf-8")
    for flag, out in (([], "exact"), (["--excel-safe"], "safe")):
        assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / out), "--quiet",
                     "--model", str(blank_model), *flag]) == 0
    exact = pd.read_csv(tmp_path / "exact" / "sentences.csv")
    safe = pd.read_csv(tmp_path / "safe" / "sentences.csv")
    assert exact.loc[0, "text"].startswith("=1+2")
    assert safe.loc[0, "text"] == "'" + exact.loc[0, "text"]
    assert safe.loc[0, "start"] == exact.loc[0, "start"] == 0
