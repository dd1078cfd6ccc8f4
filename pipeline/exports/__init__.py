"""Outputs people look at, written beside the CSV tables: one module per format.

Every writer is a pure function ``render(run: ExportInput) -> dict[str, bytes]`` giving file names
relative to the output folder (``"tei/DOC_ID.xml"`` …) and their exact bytes, so that golden tests
can compare them without touching the disk; :func:`write_exports` writes them atomically.

Formats (``--formats`` names; all are cheap, so all are the default):

* ``geojson``     ``events.geojson``, ``places.geojson`` (RFC 7946 points, columns as properties)
* ``report``      ``report.html`` (map, timeline and highlighted texts; Leaflet inlined)
* ``tei``         ``tei/DOC_ID.xml`` (TEI P5, one per document with text)
* ``timeline``    ``timeline.png`` (events by year and type, matplotlib)
* ``datapackage`` ``datapackage.json`` (Frictionless Table Schema of every CSV, with provenance)
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..errors import ChronicleError, OutputError
from .common import ExportInput, Provenance, build_input, input_from_run

__all__ = ["ALL_FORMATS", "DEFAULT_FORMATS", "ExportInput", "Provenance", "build_input",
           "input_from_run", "parse_formats", "render_exports", "write_exports"]


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

    Raises :class:`~pipeline.errors.ChronicleError` (exit 2, a usage error) for an unknown name.
    """
    names = [n.strip().lower() for n in text.split(",") if n.strip()]
    if names == ["all"]:
        return ALL_FORMATS
    if names in ([], ["none"]):
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


def _file_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0o666 less the umask)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write_bytes(path: Path, content: bytes) -> None:
    """Write via a temporary file in the same folder and rename; usual permissions (umask)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(content)
            os.chmod(tmp, _file_mode())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc


def write_exports(out_dir: Path, data: ExportInput, formats: Sequence[str]) -> list[Path]:
    """Render every chosen format first, then write each file atomically; return the paths.

    Raises :class:`~pipeline.errors.OutputError` (exit 4) if a file cannot be written.
    """
    files = render_exports(data, formats)
    paths = []
    for name, content in files.items():
        path = out_dir / name
        _write_bytes(path, content)
        paths.append(path)
    return paths
