"""What every export writer reads: the run's rows, the original texts and the provenance."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UnreadableFileError
from ..reading import read_document
from ..records import DateRow, EntityRow

if TYPE_CHECKING:
    from ..document import DocumentResult, Resources
    from ..run import RunResult

DISTRIBUTION = "chronicle-history"


@dataclass(frozen=True)
class Provenance:
    """Where the rows came from: tool, model and gazetteer versions (``datapackage.json``).

    ``gazetteer_sha256`` is :func:`gazetteer_hash` of the gazetteer folder used.
    """

    tool: str
    tool_version: str
    model: str
    model_version: str
    gazetteer_sha256: str


@dataclass(frozen=True)
class ExportInput:
    """The run as the writers see it.

    ``texts`` maps ``doc_id`` to the decoded original text (offsets of every row index it), or
    ``None`` when the file could not be read again or changed since it was processed (its sha256
    differs): writers then leave that text out rather than misplace highlights.
    """

    documents: tuple[DocumentResult, ...]
    texts: dict[str, str | None]
    tables: tuple[tuple[str, type, int], ...]  # (file name, record type, row count)
    provenance: Provenance


def gazetteer_hash(directory: Path) -> str:
    """sha256 over the ``*.csv`` files of a gazetteer folder (names and bytes, in name order)."""
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.csv")):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def tool_version() -> str:
    """The installed distribution's version (``0+unknown`` when run from a bare source tree)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def original_text(doc: DocumentResult) -> str | None:
    """The decoded original text of a processed document, read again from its file, with front
    matter blanked (offsets kept); ``None`` if it failed, has no file, cannot be read, or
    changed since (its sha256 differs)."""
    row = doc.document
    if row.status != "ok" or not row.path:
        return None
    try:
        raw = read_document(Path(row.path))
    except (UnreadableFileError, OSError):
        return None
    if raw.sha256 != row.sha256:
        return None
    from ..context import split_front_matter  # front matter is no text: blanked, offsets kept

    return split_front_matter(raw.text)[0]


def build_input(result: RunResult, *, model: str, model_version: str,
                gazetteer_dir: Path) -> ExportInput:
    """Collect what the writers need; re-reads each input file (checked by its sha256)."""
    documents = tuple(result.documents)
    provenance = Provenance("chronicle", tool_version(), model, model_version,
                            gazetteer_hash(gazetteer_dir))
    return ExportInput(
        documents=documents,
        texts={d.document.doc_id: original_text(d) for d in documents},
        tables=tuple((name, kind, len(rows)) for name, kind, rows in result.tables()),
        provenance=provenance,
    )


def provenance_of(resources: Resources) -> Provenance:
    """The :class:`Provenance` of a run with the loaded ``resources`` (their gazetteer folder if
    they record one, else the bundled one)."""
    from ..resources import gazetteer_dir

    directory = getattr(resources, "gazetteer_dir", None) or gazetteer_dir()
    return Provenance("chronicle", tool_version(), resources.model,
                      str(resources.nlp.meta.get("version", "")), gazetteer_hash(Path(directory)))


def input_from_run(result: RunResult, resources: Resources) -> ExportInput:
    """:func:`build_input` with the model and gazetteer of the loaded ``resources``.

    The gazetteer hashed is ``resources.gazetteer_dir`` if the resources record one (a user's
    gazetteer), else the bundled one.
    """
    from ..resources import gazetteer_dir

    directory = getattr(resources, "gazetteer_dir", None) or gazetteer_dir()
    return build_input(result, model=resources.model,
                       model_version=str(resources.nlp.meta.get("version", "")),
                       gazetteer_dir=Path(directory))


@dataclass(frozen=True)
class Mark:
    """A span to highlight: ``kind`` is ``date`` or an entity label; ``row`` the source row."""

    start: int
    end: int
    kind: str
    row: EntityRow | DateRow


def nested_marks(entities: Iterable[EntityRow], dates: Iterable[DateRow],
                 text: str) -> list[Mark]:
    """Entity and date spans that nest properly (XML/HTML elements cannot cross).

    Sorted by start, longer first; a span that crosses an accepted one, or a line break, is
    dropped (the rows stay in the CSV tables). Dates win over an entity with the same span.
    """
    marks = [Mark(d.start, d.end, "date", d) for d in dates]
    marks += [Mark(e.start, e.end, e.label, e) for e in entities]
    marks.sort(key=lambda m: (m.start, -m.end, m.kind != "date"))
    accepted: list[Mark] = []
    stack: list[Mark] = []
    for mark in marks:
        if not (0 <= mark.start < mark.end <= len(text)) or "\n" in text[mark.start:mark.end]:
            continue
        while stack and stack[-1].end <= mark.start:
            stack.pop()
        if stack and (mark.end > stack[-1].end
                      or (mark.start, mark.end) == (stack[-1].start, stack[-1].end)):
            continue
        stack.append(mark)
        accepted.append(mark)
    return accepted


def slug(text: str) -> str:
    """An XML-id-safe, stable key for a name (``Wanyan Zongwang`` -> ``Wanyan_Zongwang``)."""
    out = "".join(c if c.isalnum() else "_" for c in text.strip())
    out = "_".join(p for p in out.split("_") if p)
    return out or "x"


def documents_with_text(data: ExportInput) -> Sequence[tuple[DocumentResult, str]]:
    """Documents whose original text is available, in input order."""
    return [(d, t) for d in data.documents if (t := data.texts.get(d.document.doc_id))]


def stem_base(doc_id: str) -> str:
    """``doc_id`` with characters other than ``[A-Za-z0-9._-]`` as ``_``, no leading dot."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", doc_id).lstrip(".") or "document"


def file_stem(doc_id: str, taken: Iterable[str]) -> str:
    """A file-name-safe stem for ``doc_id`` (``[A-Za-z0-9._-]``, others ``_``), unique among the
    names already in ``taken`` (``tei/STEM.xml`` keys) by a ``-2``, ``-3`` … suffix."""
    stem = stem_base(doc_id)
    names = set(taken)
    candidate, n = stem, 1
    while any(name.endswith(f"/{candidate}.xml") for name in names):
        n += 1
        candidate = f"{stem}-{n}"
    return candidate
