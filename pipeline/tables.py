"""Write rows as CSV tables: fixed column order, stable sort, UTF-8, all tables in one step.

Cells: ``None`` -> empty, booleans -> ``true``/``false``, floats -> up to 6 decimals without
trailing zeros, everything else ``str()``. Line ends are ``\\n``.

One step: :func:`write_tables` renders every table, writes them into a staging folder
``.chronicle-staging-PID-XXXX`` inside the output folder, then moves them over the old tables
with SIGINT/SIGTERM held back (their handlers run when the moves are done), so an interruption
leaves either all the old tables or all the new ones, never a mix. A ``SWAPPING`` marker is
written into the staging folder just before the moves: if the process is killed outright in the
middle of them, the next run finishes the moves (:func:`recover`); a staging folder without the
marker (killed while rendering or writing) is deleted by the next run. Files are created with
the usual permissions (``0666`` less the umask).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

from .errors import OutputError
from .records import columns

STAGING_PREFIX = ".chronicle-staging-"
SWAP_MARKER = "SWAPPING"
#: First characters that make a spreadsheet program read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class InterruptedAfterWrite(KeyboardInterrupt):
    """SIGINT/SIGTERM arrived while the tables were being swapped in; they were all written
    (``paths``) before it took effect."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__("interrupted after the tables were written")
        self.paths = paths


def format_cell(value: object, excel_safe: bool = False) -> str:
    """The CSV text of one cell. ``excel_safe``: a text cell that starts like a formula
    (``= + - @``, tab, carriage return) gets a leading apostrophe; numbers stay numbers."""
    if type(value) is str:  # most cells: a plain string is its own text
        return "'" + value if excel_safe and value.startswith(FORMULA_STARTS) else value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = f"{value:.6f}".rstrip("0").rstrip(".")
        return "0" if text in ("", "-0") else text
    text = str(value)
    if excel_safe and not isinstance(value, int) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def table_text(record_type: type, rows: Iterable[object], excel_safe: bool = False) -> str:
    """The whole CSV text (header + rows) for ``rows`` of dataclass ``record_type``."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(record_type)
    writer.writerow(names)
    for row in rows:
        writer.writerow([format_cell(getattr(row, name), excel_safe) for name in names])
    return buffer.getvalue()


def _write_file(path: Path, text: str) -> None:
    """Create ``path`` with the usual permissions (umask) and write ``text`` (UTF-8)."""
    _write_bytes(path, text.encode("utf-8"))


def _write_bytes(path: Path, content: bytes) -> None:
    """Create ``path`` with the usual permissions (umask) and write ``content``."""
    with path.open("wb") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def write_atomic(path: Path, text: str) -> None:
    """Write one file via a temporary file in the same folder and a rename."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            _write_file(tmp, text)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back until the block ends (main thread only: elsewhere Python
    cannot change handlers); a signal that arrived meanwhile then goes to the handler that was
    in place (the default SIGINT handler raises KeyboardInterrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        pending.append(signum)

    old = {sig: signal.signal(sig, hold) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        for sig in dict.fromkeys(pending):
            handler = old[sig]
            if callable(handler):
                handler(sig, None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), sig)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _move_all(staging: Path, out_dir: Path) -> None:
    for item in sorted(staging.iterdir()):
        if item.name == SWAP_MARKER:
            continue
        target = out_dir / item.name
        if item.is_dir() and target.is_dir():  # a folder of outputs (tei/) replaces the old one
            shutil.rmtree(target)
        os.replace(item, target)
    shutil.rmtree(staging, ignore_errors=True)


def recover(out_dir: Path) -> list[str]:
    """Clean up after an earlier run killed while writing to ``out_dir``: finish a swap that had
    begun (marker present), delete staging folders and temporary files of dead processes.
    Returns what was done, one phrase per item (for a message)."""
    done: list[str] = []
    if not out_dir.is_dir():
        return done
    for item in sorted(out_dir.iterdir()):
        name = item.name
        if name.startswith(STAGING_PREFIX) and item.is_dir():
            pid_text = name[len(STAGING_PREFIX):].split("-", 1)[0]
            if pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text)):
                continue  # another run is writing here right now
            if (item / SWAP_MARKER).is_file():
                _move_all(item, out_dir)
                done.append(f"finished an interrupted swap from {name}")
            else:
                shutil.rmtree(item, ignore_errors=True)
                done.append(f"removed stale {name}")
        elif name.startswith(".") and name.endswith(".tmp") and item.is_file():
            item.unlink(missing_ok=True)
            done.append(f"removed stale {name}")
    return done


class StagedTables:
    """Tables written row by row into a staging folder inside ``out_dir`` and swapped in
    together by :meth:`finish` (the one step of the module docstring), so a run can write each
    document's rows as soon as it is done and keep none of them.

    ``tables``: ``(file name, record type)`` in output order; each file gets its header now.
    Use as a context manager: leaving the block without :meth:`finish` (an error, an
    interruption) deletes the staging folder and leaves the old tables untouched.
    Raises :class:`OutputError` if the folder cannot be written.
    """

    def __init__(self, out_dir: Path, tables: Sequence[tuple[str, type]], *,
                 excel_safe: bool = False) -> None:
        self.out_dir = Path(out_dir)
        self.excel_safe = excel_safe
        self.counts: dict[str, int] = {name: 0 for name, _ in tables}
        self._types = dict(tables)
        self._handles: dict[str, io.TextIOWrapper] = {}
        self._writers: dict[str, Any] = {}
        try:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            recover(self.out_dir)
            self.staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-",
                                                 dir=self.out_dir))
            for name, record_type in tables:
                handle = (self.staging / name).open("w", encoding="utf-8", newline="")
                self._handles[name] = handle
                writer = csv.writer(handle, lineterminator="\n")
                writer.writerow(columns(record_type))
                self._writers[name] = writer
        except OSError as exc:
            self.close()
            raise OutputError(f"cannot write to {out_dir}: {exc.strerror or exc}") from exc

    def append(self, name: str, rows: Iterable[object]) -> None:
        """Append ``rows`` (of the table's record type) to table ``name``."""
        names = columns(self._types[name])
        writer = self._writers[name]
        safe = self.excel_safe
        try:
            for row in rows:
                writer.writerow([format_cell(getattr(row, n), safe) for n in names])
                self.counts[name] += 1
        except OSError as exc:
            raise OutputError(f"cannot write to {self.out_dir}: {exc.strerror or exc}; the "
                              f"tables already there are untouched") from exc

    def append_text(self, name: str, text: str, rows: int) -> None:
        """Append ``text``, ``rows`` rows already rendered as CSV lines exactly as
        :meth:`append` renders them (by a worker process), to table ``name``."""
        try:
            self._handles[name].write(text)
        except OSError as exc:
            raise OutputError(f"cannot write to {self.out_dir}: {exc.strerror or exc}; the "
                              f"tables already there are untouched") from exc
        self.counts[name] += rows

    def mark(self) -> dict[str, tuple[int, int]]:
        """Where every table ends now, to go back to with :meth:`rollback`."""
        marks = {}
        try:
            for name, handle in self._handles.items():
                marks[name] = (handle.tell(), self.counts[name])
        except OSError as exc:
            raise OutputError(f"cannot write to {self.out_dir}: {exc.strerror or exc}") from exc
        return marks

    def rollback(self, marks: Mapping[str, tuple[int, int]]) -> None:
        """Drop every row appended since :meth:`mark` returned ``marks`` (the rows of a
        document that failed half-way)."""
        try:
            for name, (position, count) in marks.items():
                handle = self._handles[name]
                handle.seek(position)
                handle.truncate()
                self.counts[name] = count
        except OSError as exc:
            raise OutputError(f"cannot write to {self.out_dir}: {exc.strerror or exc}") from exc

    def finish(self, extra_files: Mapping[str, bytes] | None = None,
               written: Sequence[str] = ()) -> list[Path]:
        """Write ``extra_files`` (path relative to ``out_dir`` -> exact bytes) and swap
        everything in; return the paths of the tables and of the top-level extra files and
        folders (``written``: top-level names the caller wrote into :attr:`staging` itself,
        first, in that order). Raises :class:`OutputError`, or :class:`InterruptedAfterWrite` if
        SIGINT/SIGTERM arrived during the swap."""
        extra_files = extra_files or {}
        tops = dict.fromkeys([*written, *(name.split("/", 1)[0] for name in extra_files)])
        paths = [self.out_dir / name for name in self._types] + [self.out_dir / t for t in tops]
        staging = self.staging
        try:
            for handle in self._handles.values():
                handle.flush()
                os.fsync(handle.fileno())
                handle.close()
            for name, content in extra_files.items():
                (staging / name).parent.mkdir(parents=True, exist_ok=True)
                _write_bytes(staging / name, content)
            try:
                with _signals_held():
                    _write_file(staging / SWAP_MARKER, "\n".join(p.name for p in paths) + "\n")
                    _move_all(staging, self.out_dir)
            except KeyboardInterrupt as exc:  # delivered when the signals were let through
                raise InterruptedAfterWrite(paths) from exc
        except OSError as exc:
            state = ("the next run finishes replacing them" if (staging / SWAP_MARKER).exists()
                     else "the tables already there are untouched")
            raise OutputError(f"cannot write to {self.out_dir}: {exc.strerror or exc}; "
                              f"{state}") from exc
        finally:
            self.close()
        return paths

    def close(self) -> None:
        """Close the files; delete the staging folder unless the swap has begun."""
        for handle in self._handles.values():
            with contextlib.suppress(OSError):
                handle.close()
        staging = getattr(self, "staging", None)
        if staging is not None and staging.exists() and not (staging / SWAP_MARKER).exists():
            shutil.rmtree(staging, ignore_errors=True)

    def __enter__(self) -> StagedTables:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_tables(out_dir: Path, tables: Sequence[tuple[str, type, list[object]]], *,
                 excel_safe: bool = False,
                 extra_files: Mapping[str, bytes] | None = None) -> list[Path]:
    """Write all tables, and ``extra_files`` (path relative to ``out_dir`` -> exact bytes: the
    map, report, TEI … of :mod:`pipeline.exports`), into ``out_dir`` in one step (see the module
    docstring); return the paths of the tables and of the top-level extra files and folders.
    Raises :class:`OutputError` if the folder cannot be written (old tables untouched),
    :class:`InterruptedAfterWrite` if SIGINT/SIGTERM arrived during the swap."""
    with StagedTables(Path(out_dir), [(name, kind) for name, kind, _ in tables],
                      excel_safe=excel_safe) as staged:
        for name, _, rows in tables:
            staged.append(name, rows)
        return staged.finish(extra_files)


def check_output_dir(out_dir: Path) -> None:
    """Raise :class:`OutputError` unless ``out_dir`` exists as a writable folder or can be
    created (the folders created here are left in place, empty)."""
    if str(out_dir) == "":
        raise OutputError("the output folder is empty (--out \"\")")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir)
        os.rmdir(probe)
    except OSError as exc:
        raise OutputError(f"cannot write to output folder {out_dir}: "
                          f"{exc.strerror or exc}") from exc
