"""One document's blocks merged in order (:class:`_DocumentStream`): sentence numbers, entity
sentence ids and dates from the sentence starts so far, then the place rows and the events'
place columns; rows go out as soon as they are final, offsets mapped back to the original."""

from __future__ import annotations

import pickle
import tempfile
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .. import document as settings  # the package: its settings are read at call time
from ..clean import CleanText
from ..copying import replace
from ..dates.state import RunningDate
from ..entities import carry_names
from ..events import PendingEvent, resolve_event_places
from ..places import PlaceLookup, lower_guessed_readings, place_rows_and_warnings
from ..ranges import BlockPart, block_parts, whole_text
from ..records import CandidateRow, DateRow, EntityRow, EventRow, SentenceRow, WarningRow
from .loading import Resources
from .result import PartSource, RowSink


def _sentence_index(starts: list[int], offset: int) -> int:
    """1-based id of the sentence whose start is the last one at or before ``offset``."""
    return max(bisect_right(starts, offset), 1)


_Row = TypeVar("_Row", DateRow, EventRow)


def _to_original(cleaned: CleanText, row: _Row, sentence_starts: list[int], doc_id: str,
                 **fields: Any) -> _Row:
    """The row with its document id, sentence id, offsets into the original text and any
    other ``fields`` replaced (one copy of the row)."""
    start, end = cleaned.to_original(row.start, row.end)
    return replace(row, doc_id=doc_id, start=start, end=end,
                               sentence_id=_sentence_index(sentence_starts, row.start), **fields)


def _placed(entity: EntityRow, doc_id: str, sentence_id: int, start: int,
            end: int) -> EntityRow:
    """The entity with new ids and offsets (a plain constructor: entities are many)."""
    return EntityRow(doc_id, sentence_id, start, end, entity.text, entity.label,
                     entity.canonical, entity.source)



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
        self.pending = tempfile.SpooledTemporaryFile(
            max_size=settings.PENDING_SPILL_BYTES)
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
                text, self.doc_id, res, whole, 0, len(whole.blocks), settings.EVENT_GROUP_CHARS,
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
        self.emit("places", [replace(p, doc_id=self.doc_id) for p in places])
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
                       else replace(d, doc_id=self.doc_id, start=self.body,
                                                end=self.body, sentence_id=1)
                       for d in dates), key=lambda r: (r.start, r.end))
        self.last_dated = next((d for d in reversed(rows) if d.year is not None),
                               self.last_dated)
        self.emit("dates", rows)

    def _hold(self, found: list[PendingEvent]) -> None:
        """Keep the events of one group of blocks until the document's place lookup."""
        self.held.append(found)
        self.held_events += len(found)
        if self.spilled or self.held_events > settings.PENDING_HELD_EVENTS:
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
