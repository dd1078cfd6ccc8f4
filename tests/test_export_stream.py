"""The run-wide exports written from spooled per-document parts (pipeline.exports.stream) equal
the whole-run rendering byte for byte, with events and places that are located or not, dated or
not, across several documents (and one without any)."""

from __future__ import annotations

from pathlib import Path

from pipeline import exports
from pipeline.document import DocumentResult
from pipeline.exports.common import ExportInput, Provenance
from pipeline.exports.stream import ExportWriter, document_parts
from pipeline.records import DocumentRow, EventRow, PlaceRow

FORMATS = ("geojson", "report", "timeline", "datapackage")  # no text to read: no TEI


def _event(doc: str, n: int, kind: str, *, located: bool, year: int | None,
           day: bool = False) -> EventRow:
    start = f"{year:04d}-03-0{1 + n % 3}" if year is not None else None
    return EventRow(doc, n, 1, 10 * n, 10 * n + 5, kind, "took",
                    place="Kaifeng" if located else "", latitude=34.79 if located else None,
                    longitude=114.35 if located else None, year=year, date_start=start,
                    date_end=start if day or start is None else f"{year:04d}-12-31",
                    date_precision="day" if day else ("year" if year is not None else ""),
                    text=f"{kind} </script> {n}")


def _documents(folder: Path) -> list[DocumentResult]:
    def row(doc_id: str, path: str) -> DocumentRow:
        return DocumentRow(doc_id, path, "ab" * 32, "utf-8", 10, 1, "ok")

    return [
        DocumentResult(row("a", str(folder / "missing-a.txt")), events=[
            _event("a", 1, "attack", located=True, year=1126, day=True),
            _event("a", 2, "siege", located=False, year=1127),
            _event("a", 3, "attack", located=True, year=None)],
            places=[PlaceRow("a", "Kaifeng", "Kaifeng", latitude=34.79, longitude=114.35),
                    PlaceRow("a", "Nowhere")]),
        DocumentResult(row("b", "")),  # no path, no rows
        DocumentResult(row("c", str(folder / "missing-c.txt")), events=[
            _event("c", 1, "peace", located=True, year=-200),
            _event("c", 2, "siege", located=True, year=1140, day=True)]),
    ]


def test_spooled_run_wide_files_equal_the_whole_run_rendering(tmp_path: Path) -> None:
    provenance = Provenance("chronicle", "1", "model", "3", "f" * 64)
    documents = _documents(tmp_path)
    tables = (("documents.csv", DocumentRow, 3), ("events.csv", EventRow, 5))
    expected = exports.render_exports(
        ExportInput(tuple(documents), {}, tables, provenance), FORMATS)
    folder = tmp_path / "staging"
    folder.mkdir()
    writer = ExportWriter(FORMATS, folder, provenance)
    for doc in documents:
        writer.add(document_parts(doc, FORMATS, "1"))
    files = writer.finish(tables)
    writer.close()
    written = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert set(written) | set(files) == set(expected)  # every spool file is gone
    for name, content in {**written, **files}.items():
        assert content == expected[name], name
    assert expected["events.geojson"].count(b'"Feature"') == 4
    assert b"<\\/script>" in expected["report.html"]


def test_no_document_gives_empty_run_wide_files(tmp_path: Path) -> None:
    provenance = Provenance("chronicle", "1", "model", "3", "f" * 64)
    tables = (("documents.csv", DocumentRow, 0),)
    formats = ("geojson", "report", "datapackage")
    expected = exports.render_exports(ExportInput((), {}, tables, provenance), formats)
    writer = ExportWriter(formats, tmp_path, provenance)
    assert writer.finish(tables) == {}
    writer.close()
    for name, content in expected.items():
        assert (tmp_path / name).read_bytes() == content, name
