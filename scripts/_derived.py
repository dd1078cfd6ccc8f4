"""The command line every derived-table build script shares: write the table, or ``--check`` it.

``write_or_check(doc, build, out, argv)`` builds the text with ``build()``, then either writes it
to ``out`` or (``--check``) compares it with the committed file: exit 0 when equal, 1 otherwise
(``write_or_compare(text, out, check)`` for a script with options of its own).
``csv_text(columns, rows)`` is the text of a derived CSV (header, rows, ``\n`` line ends).
``sanmiao_csv(name)`` reads one of the installed sanmiao package's data tables as dict rows.
"""

from __future__ import annotations

import argparse
import csv
import importlib.resources
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path


def write_or_check(doc: str | None, build: Callable[[], str], out: Path,
                   argv: Sequence[str] | None = None) -> int:
    """Build, then write ``out`` or compare with it; return the exit code."""
    ap = argparse.ArgumentParser(description=(doc or "").splitlines()[0] if doc else None)
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    return write_or_compare(build(), out, args.check)


def write_or_compare(text: str, out: Path, check: bool) -> int:
    """Write ``text`` to ``out`` (exit code 0), or with ``check`` compare it with the committed
    file (0 when equal, 1 otherwise); print what was done."""
    if check:
        same = out.is_file() and out.read_text(encoding="utf-8") == text
        print(f"{out.name} is up to date" if same else f"{out.name} differs")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({text.count(chr(10)) - 1} rows)")
    return 0


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A derived table's text: the header ``columns``, then ``rows``, with ``\n`` line ends."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue()


def sanmiao_csv(name: str) -> list[dict[str, str]]:
    """The rows of sanmiao's ``data/NAME`` table (e.g. "era_table.csv"), as dicts, read-only."""
    res = importlib.resources.files("sanmiao") / "data" / name
    with res.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
