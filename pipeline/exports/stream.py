"""The exports of a run written document by document, so that their memory grows neither with
the number of documents nor with the number of events.

:func:`document_parts` renders what belongs to one document as soon as it is done — in the
worker process that processed it, or in the runner: its TEI file, its report article, and its
share of the run-wide files (GeoJSON feature lines, the report's map items and timeline marks,
the PNG's points, its data-package entries). :class:`ExportWriter` takes the parts in input
order: TEI files go to the output folder at once, everything else to spool files there (a few
counters stay in memory); :meth:`ExportWriter.finish` assembles the run-wide files from the
spools.

The bytes are those of :func:`pipeline.exports.render_exports` on the whole run.
"""

from __future__ import annotations

import pickle
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..records import DocumentRow
from . import datapackage, geojson, report
from .common import ExportInput, Provenance, original_text, stem_base
from .report import TimelineMark

if TYPE_CHECKING:
    from ..document import DocumentResult

#: Formats whose files are rendered per document (the others are run-wide).
PER_DOCUMENT = ("tei", "report")
_SPOOL = ".report-articles.tmp"  # the report's articles
#: the other spool files of a run (in the staging folder), by what they hold
_SPOOLS = {"events.geojson": ".events-geojson.tmp", "places.geojson": ".places-geojson.tmp",
           "map": ".report-map.tmp", "marks": ".report-marks.tmp",
           "sources": ".datapackage-sources.tmp", "inputs": ".datapackage-inputs.tmp"}


@dataclass(frozen=True)
class DocumentParts:
    """One document's share of the exports: ``tei`` (bytes of its TEI file, or None) and
    ``article`` (its report ``<article>``, or None) when its text could be read again (see
    :func:`~pipeline.exports.common.original_text`); its share of the run-wide files, each
    empty unless its format is asked for: ``features`` (``events.geojson`` and
    ``places.geojson`` feature lines), ``map_items`` (the report's map data, JSON),
    ``marks`` (the report's timeline), ``points`` (``(year or None, event_type,
    date_precision)`` of every event, for ``timeline.png``), ``counts`` (events, with
    coordinates, with a year: the report's header)."""

    document: DocumentRow
    tei: bytes | None = None
    article: str | None = None
    features: dict[str, list[str]] | None = None
    map_items: list[str] | None = None
    marks: list[TimelineMark] | None = None
    points: list[tuple[int | None, str, str]] | None = None
    counts: tuple[int, int, int] = (0, 0, 0)


def document_parts(doc: DocumentResult, formats: Sequence[str],
                   tool_version: str) -> DocumentParts:
    """Render one document's TEI file and report article and its share of the run-wide files
    (of the ``formats`` asked for). ``doc`` must hold its entities, dates, events and
    places."""
    from . import tei

    text = original_text(doc) if any(f in formats for f in PER_DOCUMENT) else None
    events = doc.events
    in_report = "report" in formats
    return DocumentParts(
        document=doc.document,
        tei=tei.document_tei(doc, text, tool_version) if text and "tei" in formats else None,
        article=report.article(doc, text) if text and in_report else None,
        features={"events.geojson": geojson.feature_lines(events),
                  "places.geojson": geojson.feature_lines(doc.places)}
        if "geojson" in formats else None,
        map_items=[j for j in map(report.map_event_json, events) if j is not None]
        if in_report else None,
        marks=[m for m in map(report.timeline_mark, events) if m is not None]
        if in_report else None,
        points=[(e.year, e.event_type, e.date_precision) for e in events]
        if "timeline" in formats else None,
        counts=(len(events),
                sum(1 for e in events if e.latitude is not None and e.longitude is not None),
                sum(1 for e in events if e.year is not None)) if in_report else (0, 0, 0))


class ExportWriter:
    """The exports of ``formats`` for a run written into ``folder`` (the run's staging folder)
    as documents come (:meth:`add`, input order), finished by :meth:`finish`. Memory: counters
    and the timeline PNG's points (a dozen bytes a dated event); the rest is spooled. Raises
    ``OSError`` if the folder cannot be written."""

    def __init__(self, formats: Sequence[str], folder: Path, provenance: Provenance) -> None:
        from .timeline import TimelinePoints

        self.formats = tuple(formats)
        self.folder = Path(folder)
        self.provenance = provenance
        self.documents = 0
        self.counts = [0, 0, 0]  # events, with coordinates, with a year (the report's header)
        self.items: dict[str, int] = {}  # spool name -> items written
        self.stems: set[str] = set()
        self.written: list[str] = []  # top-level names, in format order (see finish)
        self.scale = report.TimelineScale()
        self.points = TimelinePoints()
        self.spools: dict[str, IO[str]] = {}
        self.marks: IO[bytes] | None = None
        self.spool = (self.folder / _SPOOL).open("w", encoding="utf-8", newline="") \
            if "report" in self.formats else None
        wanted = {"geojson": ("events.geojson", "places.geojson"), "report": ("map",),
                  "datapackage": ("sources", "inputs")}
        for name in self.formats:
            for key in wanted.get(name, ()):
                self.spools[key] = (self.folder / _SPOOLS[key]).open(
                    "w", encoding="utf-8", newline="")
                self.items[key] = 0
        if "report" in self.formats:
            self.marks = (self.folder / _SPOOLS["marks"]).open("wb")

    def _spool(self, key: str, items: Sequence[str], separator: str) -> None:
        out = self.spools[key]
        for item in items:
            out.write(separator if self.items[key] else "")
            out.write(item)
            self.items[key] += 1

    def add(self, parts: DocumentParts) -> None:
        """Take one document's parts: its TEI file is written now, the rest spooled."""
        self.documents += 1
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
        for key, lines in (parts.features or {}).items():
            self._spool(key, lines, ",\n")
        if "map" in self.spools:
            self._spool("map", parts.map_items or [], ", ")
            self.counts = [a + b for a, b in zip(self.counts, parts.counts, strict=True)]
        if self.marks is not None:
            for mark in parts.marks or []:
                self.scale.add(mark)
                pickle.dump(mark, self.marks, protocol=pickle.HIGHEST_PROTOCOL)
        for year, event_type, precision in parts.points or []:
            self.points.add(year, event_type, precision)
        if "sources" in self.spools:
            found = datapackage.source(parts.document)
            for key, item in (("sources", found), ("inputs", datapackage.input_of(
                    parts.document))):
                if item is not None:
                    out = self.spools[key]
                    out.write(datapackage.list_separator(not self.items[key]))
                    out.write(datapackage.item_text(item, dict(datapackage.LISTS)[key]))
                    self.items[key] += 1

    def _copy(self, key: str, out: IO[bytes]) -> None:
        """Append spool ``key`` to ``out`` and delete it."""
        self.spools[key].close()
        path = self.folder / _SPOOLS[key]
        with path.open("rb") as spooled:
            shutil.copyfileobj(spooled, out)
        path.unlink()

    def _report(self) -> None:
        assert self.spool is not None and self.marks is not None
        self.spool.close()
        self.marks.close()
        before_svg, after_svg, before_map, after_map = report.page_pieces(
            self.documents, *self.counts, self.provenance)
        marks = self.folder / _SPOOLS["marks"]
        with (self.folder / "report.html").open("wb") as out:
            out.write(before_svg.encode("utf-8"))
            if self.scale.counts:
                out.write(self.scale.head().encode("utf-8"))
                with marks.open("rb") as spooled:
                    for _ in range(sum(self.scale.counts.values())):
                        out.write(self.scale.mark(pickle.load(spooled)).encode("utf-8"))
                out.write(b"</svg>")
            else:
                out.write(report.NO_TIMELINE.encode("utf-8"))
            out.write(after_svg.encode("utf-8"))
            with (self.folder / _SPOOL).open("rb") as articles:
                shutil.copyfileobj(articles, out)
            out.write((before_map + "[").encode("utf-8"))
            self._copy("map", out)
            out.write(("]" + after_map).encode("utf-8"))
        (self.folder / _SPOOL).unlink()
        marks.unlink()

    def _datapackage(self, tables: tuple[tuple[str, type, int], ...]) -> None:
        data = ExportInput(documents=(), texts={}, tables=tables, provenance=self.provenance)
        frame = datapackage.frame(data)
        with (self.folder / "datapackage.json").open("wb") as out:
            for (key, indent), before in zip(datapackage.LISTS, frame, strict=False):
                out.write(before.encode("utf-8"))
                self._copy(key, out)
                out.write(datapackage.close_list(indent, self.items[key]).encode("utf-8"))
            out.write(frame[-1].encode("utf-8"))

    def finish(self, tables: tuple[tuple[str, type, int], ...]) -> dict[str, bytes]:
        """Write the run-wide files into the folder; return those still to write (relative
        path -> bytes); :attr:`written` then lists every top-level name of the exports in
        format order. ``tables``: ``(file name, record type, row count)`` of every table."""
        files: dict[str, bytes] = {}
        for name in self.formats:
            if name == "report":
                self._report()
                self.written.append("report.html")
            elif name == "tei":
                if self.stems:
                    self.written.append("tei")
            elif name == "geojson":
                for key in ("events.geojson", "places.geojson"):
                    with (self.folder / key).open("wb") as out:
                        out.write(geojson.COLLECTION_HEAD.encode("utf-8"))
                        self._copy(key, out)
                        out.write(geojson.COLLECTION_TAIL[bool(self.items[key])].encode())
                    self.written.append(key)
            elif name == "timeline":
                files["timeline.png"] = self.points.png()
                self.written.append("timeline.png")
            elif name == "datapackage":
                self._datapackage(tables)
                self.written.append("datapackage.json")
        return files

    def close(self) -> None:
        """Close the spool files (the folder itself is the caller's to delete)."""
        for handle in [self.spool, self.marks, *self.spools.values()]:
            if handle is not None and not handle.closed:
                handle.close()
