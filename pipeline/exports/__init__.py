"""Outputs people look at, written beside the CSV tables: one module per format.

Every writer is a pure function ``render(run: ExportInput) -> dict[str, bytes]`` giving file names
relative to the output folder (``"tei/DOC_ID.xml"`` …) and their exact bytes, so that golden tests
can compare them without touching the disk; :func:`pipeline.tables.write_tables` writes them
together with the tables, in one step.

Formats (``--formats`` names; all are cheap, so all are the default):

* ``geojson``     ``events.geojson``, ``places.geojson`` (RFC 7946 points, columns as properties)
* ``report``      ``report.html`` (map, timeline and highlighted texts; Leaflet inlined)
* ``tei``         ``tei/DOC_ID.xml`` (TEI P5, one per document with text)
* ``timeline``    ``timeline.png`` (events by year and type, matplotlib)
* ``datapackage`` ``datapackage.json`` (Frictionless Table Schema of every CSV, with provenance)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..errors import ChronicleError
from .common import ExportInput, Provenance, build_input, input_from_run, provenance_of

__all__ = ["ALL_FORMATS", "DEFAULT_FORMATS", "ExportInput", "Provenance", "build_input",
           "input_from_run", "parse_formats", "provenance_of", "render_exports"]


def _renderers() -> dict[str, Callable[[ExportInput], dict[str, bytes]]]:
    """Format name -> render function (imported lazily: matplotlib is slow to import)."""
    from . import datapackage, geojson, report, tei, timeline

    return {
        "geojson": geojson.render,
        "report": report.render,
        "tei": tei.render,
        "timeline": timeline.render,
        "datapackage": datapackage.render,
    }


ALL_FORMATS: tuple[str, ...] = ("geojson", "report", "tei", "timeline", "datapackage")
DEFAULT_FORMATS: tuple[str, ...] = ALL_FORMATS


def parse_formats(text: str) -> tuple[str, ...]:
    """``"geojson,report"`` -> ``("geojson", "report")``; ``"all"``, ``"none"`` (tables only).

    Raises :class:`~pipeline.errors.ChronicleError` (exit 2, a usage error) for an unknown name
    or an empty list (``--formats ''`` is more likely a shell slip than a wish for no extra
    files, which ``none`` says explicitly).
    """
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if not names:
        raise ChronicleError(f"empty output format list {text!r}: give names "
                             f"({', '.join(ALL_FORMATS)}), all, or none for the tables only")
    if names == ["all"]:
        return ALL_FORMATS
    if names == ["none"]:
        return ()
    unknown = [n for n in names if n not in ALL_FORMATS]
    if unknown:
        raise ChronicleError(f"unknown output format(s): {', '.join(unknown)} "
                             f"(choose from {', '.join(ALL_FORMATS)}, all, none)")
    return tuple(n for n in ALL_FORMATS if n in names)


def render_exports(data: ExportInput, formats: Iterable[str]) -> dict[str, bytes]:
    """All files of the chosen formats: relative path -> bytes."""
    renderers = _renderers()
    files: dict[str, bytes] = {}
    for name in formats:
        files.update(renderers[name](data))
    return files
