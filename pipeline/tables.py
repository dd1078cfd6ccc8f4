"""Write rows as CSV tables: fixed column order, stable sort, UTF-8, atomic replace.

Cells: ``None`` -> empty, booleans -> ``true``/``false``, floats -> up to 6 decimals without
trailing zeros, everything else ``str()``. Line ends are ``\\n``. A table is written to a temporary
file in the output folder and renamed over the old one, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import OutputError
from .records import columns


def format_cell(value: object) -> str:
    """The CSV text of one cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("", "-0") else text
    return str(value)


def table_text(record_type: type, rows: Iterable[object]) -> str:
    """The whole CSV text (header + rows) for ``rows`` of dataclass ``record_type``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(record_type)
    writer.writerow(names)
    for row in rows:
        writer.writerow([format_cell(getattr(row, name)) for name in names])
    return buffer.getvalue()


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename (UTF-8, ``\\n`` line ends)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            os.replace(tmp_name, path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_tables(out_dir: Path, tables: Sequence[tuple[str, type, list[object]]]) -> list[Path]:
    """Render every table first, then write each atomically; return the written paths."""
    rendered = [(out_dir / name, table_text(record_type, rows))
                for name, record_type, rows in tables]
    for path, text in rendered:
        write_atomic(path, text)
    return [path for path, _ in rendered]
