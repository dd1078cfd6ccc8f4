"""The resume cache: each processed document's rows in ``OUT/.chronicle-cache/KEY.pickle``
until the run's tables are written.

KEY is the sha256 of the input bytes (and of its ``NAME.context.toml`` sidecar), the doc id, the
path, the tool version, the model name and version, the gazetteer hash and the ``--context``
(with ``--continuous``, chained with the key of the file before in the same work). A file is a
pickle stream of ``(list name, rows)`` records written as the rows come, ending with
``("end", None)``; a file without its end record is processed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..context import DocumentContext
from ..document import STREAMED, DocumentResult, Resources, RowSink
from .tasks import work_of

CACHE_DIR = ".chronicle-cache"
_END = "end"  # the last record of a complete cache file


def cache_key(path: Path, doc_id: str, version: str) -> str | None:
    """The cache key of one input (``None`` if the file cannot be read: not cached)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    from ..context import sidecar_path

    side = sidecar_path(path)  # NAME.context.toml changes the result too
    try:
        side_data = side.read_bytes() if side.is_file() else b""
    except OSError:
        return None
    digest = hashlib.sha256()
    for part in (version, doc_id, str(path), hashlib.sha256(data).hexdigest(),
                 hashlib.sha256(side_data).hexdigest()):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def run_version(resources: Resources) -> str:
    """Tool version, model name and version, gazetteer hash: what a cached result depends on."""
    from ..exports.common import gazetteer_hash, tool_version
    from ..resources import gazetteer_dir

    directory = getattr(resources, "gazetteer_dir", None) or gazetteer_dir()
    return "|".join((tool_version(), resources.model,
                     str(resources.nlp.meta.get("version", "")),
                     gazetteer_hash(Path(directory))))


def plan(items: Sequence[tuple[Path, str]], cache: Path, resources: Resources,
         context: DocumentContext | None, *, continuous: bool,
         resume: bool) -> tuple[dict[int, Path], set[int]]:
    """``(cache file of each item index, item indexes to take from the cache)``: the second is
    empty unless ``resume``; with ``continuous`` a work is taken whole or processed whole."""
    version = run_version(resources)
    if context:
        version += f"|context {context.source}: {context.describe()}"
    cached: dict[int, Path] = {}
    reusable: set[int] = set()
    previous: tuple[str, str | None] = ("", None)  # (work, key) of the item before
    for i, (path, doc_id) in enumerate(items):
        key = cache_key(path, doc_id, version + ("|continuous" if continuous else ""))
        if continuous and key is not None and previous[0] == work_of(path):
            # a file's result depends on the files before it in its work
            key = (hashlib.sha256(f"{previous[1]}|{key}".encode()).hexdigest()
                   if previous[1] is not None else None)
        previous = (work_of(path), key)
        if key is not None:
            cached[i] = cache / f"{key}.pickle"
            if resume and cached[i].is_file():
                reusable.add(i)
    if continuous:
        by_work: dict[str, list[int]] = {}
        for i, (path, _) in enumerate(items):
            by_work.setdefault(work_of(path), []).append(i)
        for indexes in by_work.values():
            if not all(i in reusable for i in indexes):
                reusable.difference_update(indexes)
    return cached, reusable


class CacheFile:
    """One document's result written to its cache file as it comes: a pickle stream of
    ``(list name, rows)`` records and a final ``("end", None)``, via a temporary file renamed
    when the document is complete (a killed run leaves no half file under the final name).
    Never raises for an I/O error: the cache only saves time, the file is then dropped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.handle: Any = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = self.tmp.open("wb")
        except OSError:
            self.handle = None

    def add(self, attr: str, rows: Sequence[Any]) -> None:
        """Append the rows of list ``attr``."""
        if self.handle is not None:
            try:
                pickle.dump((attr, list(rows)), self.handle, protocol=pickle.HIGHEST_PROTOCOL)
            except OSError:
                self.discard()

    def commit(self) -> None:
        """Write the end record and rename the file to its final name."""
        if self.handle is not None:
            try:
                pickle.dump((_END, None), self.handle, protocol=pickle.HIGHEST_PROTOCOL)
                self.handle.close()
                os.replace(self.tmp, self.path)
            except OSError:
                self.discard()
            self.handle = None

    def discard(self) -> None:
        """Drop the temporary file."""
        if self.handle is not None:
            with contextlib.suppress(OSError):
                self.handle.close()
            self.handle = None
        self.tmp.unlink(missing_ok=True)


def replay(path: Path, sink: RowSink) -> DocumentResult | None:
    """Hand the streamed lists of a cached document to ``sink``; return its document row,
    warnings and candidates, or None if the file is damaged or incomplete (rows already handed
    over must then be discarded by the caller)."""
    result: DocumentResult | None = None
    try:
        with path.open("rb") as handle:
            while True:
                attr, rows = pickle.load(handle)
                if attr == _END:
                    return result
                if attr == "document":
                    result = DocumentResult(rows[0])
                elif attr in STREAMED:
                    sink(attr, rows)
                else:
                    getattr(result, attr).extend(rows)
    except Exception:  # noqa: BLE001 - a damaged cache entry is simply processed again
        return None
