"""The exports of a run written document by document, so that their memory does not grow with
the number of documents.

:func:`document_parts` renders what belongs to one document (its TEI file, its report article)
as soon as it is done — in the worker process that processed it, or in the runner — and keeps
of its rows only those a run-wide file needs (events for the map, timeline and GeoJSON; places
for the GeoJSON). :class:`ExportWriter` takes the parts in input order: TEI files go to the
output folder at once, report articles to a spool file there; :meth:`ExportWriter.finish` writes
``report.html`` (head, the spooled articles, tail) and returns the other run-wide files.

The bytes are those of :func:`pipeline.exports.render_exports` on the whole run.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..records import DocumentRow, EventRow, PlaceRow
from .common import ExportInput, Provenance, original_text, stem_base

if TYPE_CHECKING:
    from ..document import DocumentResult

#: Formats whose files are rendered per document (the others are run-wide).
PER_DOCUMENT = ("tei", "report")
_SPOOL = ".report-articles.tmp"


@dataclass(frozen=True)
class DocumentParts:
    """One document's share of the exports: ``tei`` (bytes of its TEI file, or None) and
    ``article`` (its report ``<article>``, or None) when its text could be read again (see
    :func:`~pipeline.exports.common.original_text`); the rows run-wide files read."""

    document: DocumentRow
    events: list[EventRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    tei: bytes | None = None
    article: str | None = None


def document_parts(doc: DocumentResult, formats: Sequence[str],
                   tool_version: str) -> DocumentParts:
    """Render one document's TEI file and report article (if those formats are asked for);
    keep its events and places if a run-wide format reads them. ``doc`` must hold its
    entities, dates, events and places."""
    from . import report, tei

    text = original_text(doc) if any(f in formats for f in PER_DOCUMENT) else None
    run_wide = {"geojson", "report", "timeline"} & set(formats)
    return DocumentParts(
        document=doc.document,
        events=list(doc.events) if run_wide else [],
        places=list(doc.places) if "geojson" in formats else [],
        tei=tei.document_tei(doc, text, tool_version) if text and "tei" in formats else None,
        article=report.article(doc, text) if text and "report" in formats else None)


class ExportWriter:
    """The exports of ``formats`` for a run written into ``folder`` (the run's staging folder)
    as documents come (:meth:`add`, input order), finished by :meth:`finish`. Raises
    ``OSError`` if the folder cannot be written."""

    def __init__(self, formats: Sequence[str], folder: Path, provenance: Provenance) -> None:
        self.formats = tuple(formats)
        self.folder = Path(folder)
        self.provenance = provenance
        self.documents: list[DocumentResult] = []  # document rows with events and places only
        self.stems: set[str] = set()
        self.written: list[str] = []  # top-level names, in format order (see finish)
        self.spool = (self.folder / _SPOOL).open("w", encoding="utf-8", newline="") \
            if "report" in self.formats else None

    def add(self, parts: DocumentParts) -> None:
        """Take one document's parts: its TEI file is written now, its article spooled."""
        from ..document import DocumentResult

        self.documents.append(DocumentResult(parts.document, events=parts.events,
                                             places=parts.places))
        if parts.tei is not None:
            stem = base = stem_base(parts.document.doc_id)
            n = 1
            while stem in self.stems:  # as exports.common.file_stem
                n += 1
                stem = f"{base}-{n}"
            self.stems.add(stem)
            (self.folder / "tei").mkdir(exist_ok=True)
            (self.folder / "tei" / f"{stem}.xml").write_bytes(parts.tei)
        if parts.article is not None and self.spool is not None:
            self.spool.write(parts.article)

    def finish(self, tables: tuple[tuple[str, type, int], ...]) -> dict[str, bytes]:
        """Write ``report.html`` into the folder; return the other run-wide files (relative
        path -> bytes); :attr:`written` then lists every top-level name of the exports in
        format order. ``tables``: ``(file name, record type, row count)`` of every table."""
        from . import _renderers, report

        data = ExportInput(documents=tuple(self.documents), texts={}, tables=tables,
                           provenance=self.provenance)
        files: dict[str, bytes] = {}
        renderers = _renderers()
        for name in self.formats:
            if name == "report" and self.spool is not None:
                events = [e for d in self.documents for e in d.events]
                head, tail = report.page_parts(len(self.documents), events, self.provenance)
                self.spool.close()
                with (self.folder / "report.html").open("wb") as out, \
                        (self.folder / _SPOOL).open("rb") as articles:
                    out.write(head.encode("utf-8"))
                    shutil.copyfileobj(articles, out)
                    out.write(tail.encode("utf-8"))
                (self.folder / _SPOOL).unlink()
                self.written.append("report.html")
            elif name == "tei" and self.stems:
                self.written.append("tei")
            elif name not in PER_DOCUMENT:
                rendered = renderers[name](data)
                files.update(rendered)
                self.written.extend(dict.fromkeys(n.split("/", 1)[0] for n in rendered))
        return files

    def close(self) -> None:
        """Close the spool file (the folder itself is the caller's to delete)."""
        if self.spool is not None and not self.spool.closed:
            self.spool.close()
