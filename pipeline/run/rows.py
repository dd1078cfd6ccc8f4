"""The output tables of a run and where one document's rows go.

``TABLES`` lists the tables in output order; :class:`RunResult` is what :func:`pipeline.run.run`
returns; :class:`DocumentRows` receives one document's rows as they come (the ``sink`` of
:func:`~pipeline.document.process_text`) and hands them to the staged tables, the document's
resume-cache file, the exports and the caller.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import STREAMED, DocumentResult
from ..records import (
    CandidateRow,
    DateRow,
    DocumentRow,
    EntityRow,
    EventRow,
    PlaceRow,
    SentenceRow,
    WarningRow,
    columns,
)
from ..tables import StagedTables, format_cell
from .cache import CacheFile

#: (file name, record type, DocumentResult attribute) of every output table, in output order.
TABLES: tuple[tuple[str, type, str], ...] = (
    ("documents.csv", DocumentRow, "document"),
    ("sentences.csv", SentenceRow, "sentences"),
    ("entities.csv", EntityRow, "entities"),
    ("dates.csv", DateRow, "dates"),
    ("events.csv", EventRow, "events"),
    ("places.csv", PlaceRow, "places"),
    ("warnings.csv", WarningRow, "warnings"),
    ("gazetteer_candidates.csv", CandidateRow, "candidates"),
)

TABLE_OF = {attr: name for name, _, attr in TABLES}
#: What the exports (map, report, TEI ...) read of each document.
EXPORT_LISTS = ("entities", "dates", "events", "places")


def rows_of(result: DocumentResult, attr: str) -> list[Any]:
    """The rows of list ``attr`` of ``result`` (the document row as a list of one)."""
    value = getattr(result, attr)
    return [value] if attr == "document" else value


@dataclass
class RunResult:
    """The results of a run, per document, in input order.

    ``documents`` is empty when the run was asked not to keep them (``keep_documents=False``);
    ``counts`` (rows per table file) and ``failed_files`` are always filled; ``reused`` is the
    number of documents taken from the resume cache."""

    documents: list[DocumentResult]
    written: list[Path] = field(default_factory=list)  # the tables written, if any
    counts: dict[str, int] = field(default_factory=dict)
    failed_files: int | None = None
    reused: int = 0

    @property
    def failed(self) -> int:
        """Number of files that could not be processed."""
        if self.failed_files is not None:
            return self.failed_files
        return sum(1 for d in self.documents if d.document.status == "error")

    def tables(self) -> list[tuple[str, type, list[object]]]:
        """``(file name, record type, rows)`` for every output table (from ``documents``)."""
        return [(name, kind, [row for d in self.documents for row in rows_of(d, attr)])
                for name, kind, attr in TABLES]


class TextTables:
    """One document's rows rendered as CSV lines, table by table, exactly as
    :meth:`StagedTables.append` writes them (in a worker process, so that the runner only
    copies text); the same ``append``/``mark``/``rollback`` interface."""

    def __init__(self, excel_safe: bool = False) -> None:
        self.excel_safe = excel_safe
        self.parts: dict[str, list[str]] = {name: [] for name, _, _ in TABLES}
        self.counts: dict[str, int] = {name: 0 for name, _, _ in TABLES}
        self._columns = {name: columns(kind) for name, kind, _ in TABLES}

    def append(self, name: str, rows: Sequence[object]) -> None:
        """Render ``rows`` of table ``name``."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        names, safe = self._columns[name], self.excel_safe
        for row in rows:
            writer.writerow([format_cell(getattr(row, n), safe) for n in names])
        self.parts[name].append(buffer.getvalue())
        self.counts[name] += len(rows)

    def mark(self) -> dict[str, tuple[int, int]]:
        """Where every table ends now (see :meth:`rollback`)."""
        return {name: (len(parts), self.counts[name]) for name, parts in self.parts.items()}

    def rollback(self, marks: Mapping[str, tuple[int, int]]) -> None:
        """Drop what was appended since :meth:`mark` returned ``marks``."""
        for name, (length, count) in marks.items():
            del self.parts[name][length:]
            self.counts[name] = count

    def texts(self) -> dict[str, tuple[str, int]]:
        """Table name -> (CSV lines, rows) of every table with rows."""
        return {name: ("".join(parts), self.counts[name])
                for name, parts in self.parts.items() if self.counts[name]}


class DocumentRows:
    """Where one document's rows go, as they come (the ``sink`` of
    :func:`~pipeline.document.process_text`) and at its end (:meth:`finish`): the staged
    tables, its resume-cache file, the rows the exports read, the result kept for the caller."""

    def __init__(self, staged: StagedTables | TextTables | None, cache: Path | None, *,
                 keep: bool, for_exports: bool) -> None:
        self.staged, self.cache_path = staged, cache
        wanted = STREAMED if keep else EXPORT_LISTS if for_exports else ()
        self.collected: dict[str, list[Any]] = {attr: [] for attr in wanted}
        self.mark = staged.mark() if staged is not None else None
        self.caching = cache is not None  # write the rows to the cache file
        self.cache: CacheFile | None = None  # opened with the first rows
        self.counts: dict[str, int] = {}  # rows received per streamed list

    def __call__(self, attr: str, rows: Sequence[Any]) -> None:
        if self.staged is not None:
            self.staged.append(TABLE_OF[attr], rows)
        if self.caching and self.cache_path is not None:
            if self.cache is None:
                self.cache = CacheFile(self.cache_path)
            self.cache.add(attr, rows)
        if attr in self.collected:
            self.collected[attr].extend(rows)
        if attr in STREAMED:
            self.counts[attr] = self.counts.get(attr, 0) + len(rows)

    def reset(self) -> None:
        """Forget every row received (a failed document, a damaged cache file)."""
        if self.staged is not None and self.mark is not None:
            self.staged.rollback(self.mark)
        if self.cache is not None:
            self.cache.discard()
            self.cache = None
        for rows in self.collected.values():
            rows.clear()
        self.counts.clear()

    def finish(self, result: DocumentResult, *, cache: bool = True) -> DocumentResult:
        """Take the rows ``result`` still holds (all of them when nothing was streamed); commit
        the cache file (``cache``, and the document did not fail); return the result with the
        collected lists (those the caller keeps or the exports read) filled in."""
        if result.document.status == "error":
            self.reset()  # rows streamed before the failure belong to no finished document
        for _, _, attr in TABLES:
            rows = rows_of(result, attr)
            if rows:
                self(attr, rows)
        if self.cache is not None:
            if cache and result.document.status != "error":
                self.cache.commit()
            else:
                self.cache.discard()
        dropped = {attr: [] for attr in STREAMED if attr not in self.collected}
        return dataclasses.replace(result, **self.collected, **dropped, streamed={
            attr: n for attr, n in self.counts.items() if attr in dropped})
