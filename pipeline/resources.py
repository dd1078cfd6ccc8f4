"""Where the bundled data files are, for an editable checkout and an installed wheel alike.

The repository keeps the gazetteer in the top-level ``gazetteer/`` folder; ``pyproject.toml``
maps that folder to the package ``pipeline.gazetteer_data`` (``[tool.setuptools.package-dir]``),
so a wheel ships the CSV files inside the package and an editable install points at the checkout.
Every module asks :func:`gazetteer_dir` instead of building a path from ``__file__``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from pathlib import Path

GAZETTEER_PACKAGE = "pipeline.gazetteer_data"


@lru_cache(maxsize=1)
def gazetteer_dir() -> Path:
    """The folder of the bundled gazetteer CSV files (a real directory on disk).

    Raises :class:`~pipeline.gazetteer.GazetteerError` (exit code 4) if the package data is missing
    or is not a plain directory (for example inside a zip archive).
    """
    from .gazetteer import GazetteerError  # here: pipeline.gazetteer itself asks this module

    try:
        root = resources.files(GAZETTEER_PACKAGE)
    except ModuleNotFoundError as exc:
        raise GazetteerError(f"the bundled gazetteer ({GAZETTEER_PACKAGE}) is not installed; "
                             "reinstall the package") from exc
    path = Path(str(root))
    if not isinstance(root, Path) or not path.is_dir():
        raise GazetteerError(f"the bundled gazetteer is not a folder on disk: {root}")
    return path


_ACTIVE: ContextVar[Path | None] = ContextVar("chronicle_gazetteer_dir", default=None)


def active_gazetteer_dir() -> Path:
    """The gazetteer folder of the document being processed (set by :func:`using_gazetteer`,
    e.g. a user's merged gazetteer), else the bundled one. The loaders that have a default
    folder (date words, rulers, historical and world places) read this one, cached per folder."""
    return _ACTIVE.get() or gazetteer_dir()


@contextmanager
def using_gazetteer(directory: Path | None) -> Iterator[None]:
    """Within the block, :func:`active_gazetteer_dir` is ``directory`` (None: the bundled one)."""
    token = _ACTIVE.set(Path(directory) if directory is not None else None)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def folder_stamps(directory: Path) -> tuple[tuple[str, int, int], ...]:
    """``(name, size in bytes, mtime in ns)`` of every file directly in ``directory``, sorted by
    name (empty if it is no folder): a cache key that changes when a file is edited, added or
    removed."""
    try:
        entries = sorted((e.name, e.stat()) for e in Path(directory).iterdir() if e.is_file())
    except OSError:
        return ()
    return tuple((name, st.st_size, st.st_mtime_ns) for name, st in entries)


@lru_cache(maxsize=32)
def lexicon_values(folder: Path, kind: str) -> tuple[str, ...]:
    """The ``value`` column of the ``entity_lexicon.csv`` rows of ``kind`` in gazetteer ``folder``,
    in file order (empty if the file is missing); cached per folder and kind. For modules that
    need one word list and not the whole :class:`~pipeline.gazetteer.Gazetteer`."""
    path = folder / "entity_lexicon.csv"
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(row.get("value", "") for row in csv.DictReader(fh) if row.get("kind") == kind)
