"""The per-document chain: :func:`process_text` (one decoded text) and :func:`process_file`
(read, decode, then :func:`process_text`; a failure gives an error row, never a traceback)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import spine
from ..compute import frozen_heap, one_blas_thread
from ..context import Carry, DocumentContext
from ..dates.state import RunningDate
from ..errors import UnreadableFileError
from ..reading import GUESS, RawDocument, describe_issue, read_document
from ..records import DateRow, DocumentRow, WarningRow
from ..resources import using_gazetteer
from .loading import Resources
from .result import STREAMED, DocumentResult, PartSource, RowSink
from .stream import _DocumentStream


def process_text(text: str, doc_id: str, resources: Resources, *, path: str = "",
                 encoding: str = "", sha256: str = "",
                 on_block: Callable[[int, int], None] | None = None,
                 sink: RowSink | None = None,
                 context: DocumentContext | None = None,
                 start: Carry | None = None,
                 parts: PartSource | None = None) -> DocumentResult:
    """Run every stage on one decoded original ``text``.

    The text is processed block by block (paragraphs, :func:`~pipeline.segment.split_blocks`):
    each block's spaCy ``Doc`` lives only until its sentences and entities are taken and the
    events of its group of blocks (``EVENT_GROUP_CHARS``) are found, so memory does not grow
    with the length of the text beyond the rows. Dates are resolved on the whole cleaned text
    first (the running date is carried across blocks); the place columns of events and the
    place rows wait for the document's last block (a gloss anywhere applies everywhere).

    ``on_block(done, total)`` is called after spaCy has processed each block of the text
    (characters of the cleaned text done so far, and in all), for progress bars.
    ``sink``: if given, the rows of the ``STREAMED`` lists are handed to ``sink(attribute,
    rows)`` as soon as they are final (each list's rows in output order, several calls per
    list) and the returned result leaves those lists empty; it holds the document row, the
    warnings and the gazetteer candidates. If processing fails half-way, rows already handed
    over belong to a document that will not finish: the caller discards them.

    ``context`` (see :mod:`pipeline.context`; front matter in ``text`` overrides its keys) and
    ``start`` (the running date carried from the previous file of a work, ``--continuous``)
    give the running date the text starts from; the result's ``running`` is the one at its end.
    Every stage reads ``resources.gazetteer_dir`` (a user's gazetteer) if set.

    ``parts``: the blocks' results computed elsewhere (see :class:`_DocumentStream`, used for
    one huge document split over worker processes); an exception it raises fails the document
    as any stage's would."""
    with using_gazetteer(resources.gazetteer_dir), one_blas_thread(), frozen_heap():
        return _process_text(text, doc_id, resources, path=path, encoding=encoding,
                             sha256=sha256, on_block=on_block, sink=sink, context=context,
                             start=start, parts=parts)


def _process_text(text: str, doc_id: str, resources: Resources, *, path: str,
                  encoding: str, sha256: str, on_block: Callable[[int, int], None] | None,
                  sink: RowSink | None, context: DocumentContext | None,
                  start: Carry | None, parts: PartSource | None) -> DocumentResult:
    original = text
    text, state, context_rows, context_notes, body = _starting_point(
        text, doc_id, resources, context, start)
    cleaned = spine.cleaned(text)  # (prepared ahead in a serial run: pipeline.spine)
    warnings = [dataclasses.replace(w, doc_id=doc_id) for w in cleaned.warnings
                if w.start >= body]  # none for a blanked front matter
    warnings += context_notes
    text = original
    if not cleaned.text.strip():
        warnings.append(WarningRow(doc_id, 0, len(text), "EMPTY_DOCUMENT",
                                   "the file holds no text; no rows were produced"))
        row = DocumentRow(doc_id, path, sha256, encoding, len(text), 0, "empty",
                          "no text in file")
        return DocumentResult(row, warnings=warnings)
    kept: dict[str, list[Any]] = {attr: [] for attr in STREAMED}
    streamed: Counter[str] = Counter()

    def emit(attr: str, rows: Sequence[Any]) -> None:
        if sink is None:
            kept[attr].extend(rows)
        elif rows:
            streamed[attr] += len(rows)
            sink(attr, rows)

    stream = _DocumentStream(doc_id, cleaned, resources, emit, state, context_rows, body)
    date_warnings = stream.run(on_block, parts)
    for warning in date_warnings:
        w_start, w_end = cleaned.to_original(warning.start, warning.end)
        warnings.append(dataclasses.replace(warning, doc_id=doc_id, start=w_start, end=w_end))
    document = DocumentRow(doc_id, path, sha256, encoding, len(text), len(stream.starts), "ok",
                           "")
    return DocumentResult(
        document=document,
        warnings=sorted(warnings, key=lambda w: (w.start, w.end, w.code)),
        candidates=stream.candidates(), streamed=dict(streamed),
        running=Carry(stream.state, stream.last_dated, doc_id),
        **(kept if sink is None else {}))



def _starting_point(text: str, doc_id: str, resources: Resources,
                    context: DocumentContext | None, start: Carry | None,
                    ) -> tuple[str, RunningDate, list[DateRow], list[WarningRow], int]:
    """The text with its front matter blanked, the running date to start from, the
    ``kind="context"`` date row (0 or 1), warnings, and where the body starts."""
    from ..context import carried, context_warnings, split_front_matter, start_state

    text, front, problems, body = split_front_matter(text)
    notes = context_warnings(doc_id, problems, 0, body)
    if front is not None:
        context = front.over(context)
    if context:
        if start is not None and not (context.dynasty or context.era or context.ruler) \
                and start.state.dynasty:
            context = dataclasses.replace(context, dynasty=start.state.dynasty)
        state, row, problems = start_state(context, resources.eras, resources.calendar)
        notes += context_warnings(doc_id, problems, 0, body)
        return text, state, [row] if row else [], notes, body
    if start is not None:
        state, row = carried(start)
        return text, state, [row] if row else [], notes, body
    return text, RunningDate(), [], notes, body


def process_file(path: Path, doc_id: str, resources: Resources, *,
                 on_block: Callable[[int, int], None] | None = None,
                 sink: RowSink | None = None,
                 context: DocumentContext | None = None,
                 start: Carry | None = None,
                 parts: PartSource | None = None) -> DocumentResult:
    """Read, decode and process one file (``on_block``, ``sink``, ``parts``: see
    :func:`process_text`).

    ``context`` (``--context``) is overridden by the keys of a sidecar file
    ``NAME.context.toml`` beside the file, and those by front matter; ``start``: see
    :func:`process_text`.

    An unreadable file, or an unexpected exception inside any stage, gives a document row with
    ``status="error"`` and a warning (``UNREADABLE_FILE`` or ``PROCESSING_ERROR`` with the
    exception's type and message); the run goes on with the other files and exits 1.
    """
    try:
        raw: RawDocument = read_document(path)
    except UnreadableFileError as exc:
        message = str(exc)
        return DocumentResult(
            DocumentRow(doc_id, str(path), "", "", 0, 0, "error", message),
            warnings=[WarningRow(doc_id, 0, 0, "UNREADABLE_FILE", message)])
    from ..context import context_warnings, read_sidecar

    sidecar, problems = read_sidecar(path)
    if sidecar is not None:
        context = sidecar.over(context)
    try:
        result = process_text(raw.text, doc_id, resources, path=str(path),
                              encoding=raw.encoding, sha256=raw.sha256, on_block=on_block,
                              sink=sink, context=context, start=start, parts=parts)
    except Exception as exc:  # noqa: BLE001 - one document's failure must not cost the others
        message = f"internal error while processing: {type(exc).__name__}: {exc}"
        result = DocumentResult(
            DocumentRow(doc_id, str(path), raw.sha256, raw.encoding, len(raw.text), 0, "error",
                        message),
            warnings=[WarningRow(doc_id, 0, len(raw.text), "PROCESSING_ERROR", message)])
    result.document = dataclasses.replace(result.document,
                                          encoding_confidence=raw.confidence)
    extra = [WarningRow(doc_id, i.start, i.end, "DECODING_ERROR",
                        describe_issue(i, raw.encoding)) for i in raw.issues]
    extra += context_warnings(doc_id, problems, 0, 0)
    if raw.confidence == GUESS:
        extra.append(WarningRow(doc_id, 0, 0, "ENCODING_GUESSED",
                                f"no strict decoding was plausible; {raw.encoding} is "
                                f"charset-normalizer's guess: check the text"))
    if extra:
        result.warnings = sorted(result.warnings + extra, key=lambda w: (w.start, w.end, w.code))
    return result
