"""Input files of a run: which files (``*.txt`` below folders, ``-`` for standard input) and
their document ids (unique, from the relative path, independent of the order of files).

Re-exported by :mod:`pipeline.api` (``api.collect_inputs``, ``api.make_doc_ids``).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import InputPathError

STDIN = Path("-")


def _walk_txt(folder: Path) -> list[Path]:
    """``*.txt`` files below ``folder`` (sorted), plus every subfolder that could not be read
    (listed so that it gets an error row instead of being skipped silently)."""
    found: list[Path] = []
    unreadable: list[Path] = []

    def on_error(exc: OSError) -> None:
        unreadable.append(Path(exc.filename) if exc.filename else folder)

    for root, dirs, names in os.walk(folder, onerror=on_error):
        dirs.sort()
        found.extend(Path(root) / n for n in names
                     if n.endswith(".txt") and (Path(root) / n).is_file())
    return sorted(found + unreadable)


def collect_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files named, plus ``*.txt`` below named folders (sorted), each file once; ``-`` is
    standard input. A subfolder that cannot be read is listed too (it becomes an error row).

    Raises :class:`InputPathError` for a missing path or a folder without ``*.txt`` files."""
    files: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        if path == STDIN:
            found = [STDIN]
        elif path.is_dir():
            found = _walk_txt(path)
            if not found:
                raise InputPathError(f"no *.txt files in folder: {path}")
        elif path.is_file():
            found = [path]
        else:
            raise InputPathError(f"no such file or folder: {path}")
        for file in found:
            key = file if file == STDIN else file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files


def _id_of(path: Path) -> str:
    name = path.name[:-4] if path.name.lower().endswith(".txt") else path.stem
    return "stdin" if path == STDIN else name or path.name  # ".txt" keeps its whole name


def make_doc_ids(files: Sequence[Path], roots: Sequence[Path] = ()) -> list[str]:
    """One unique id per file, from its name and never from the order of files.

    The id is the path relative to the input folder (of ``roots``) it was found in, without
    ``.txt`` and with ``/`` between folders: ``chapter1`` for ``texts/chapter1.txt``,
    ``vol2/chapter1`` for ``texts/vol2/chapter1.txt``; a file given by itself gets its name
    (``-`` gets ``stdin``). Adding files never changes another file's id, except when two
    inputs given on the command line would get the same id: both then get the path as given
    (``a/x``, ``b/x``).
    """
    resolved_roots = sorted((Path(r) for r in roots if Path(r) != STDIN and Path(r).is_dir()),
                            key=lambda r: -len(r.parts))
    ids = []
    for path in files:
        root = next((r for r in resolved_roots if path != STDIN and path.is_relative_to(r)
                     and path != r), None)
        if root is None:
            ids.append(_id_of(path))
        else:
            relative = path.relative_to(root)
            ids.append("/".join([*relative.parts[:-1], _id_of(relative)]))
    counts = Counter(ids)
    unique = [i if counts[i] == 1 else p.with_name(_id_of(p)).as_posix() if p != STDIN
              else "-" for i, p in zip(ids, files, strict=True)]
    counts = Counter(unique)
    # last resort (e.g. "a/x.txt" and "a/x.TXT" on a case-sensitive system): the full path
    return [u if counts[u] == 1 else p.as_posix() for u, p in zip(unique, files, strict=True)]


__all__ = ["STDIN", "collect_inputs", "make_doc_ids"]
