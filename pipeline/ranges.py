"""A document's blocks as range work: the part of the per-document chain that is a pure function
of a range of blocks, given the stages that read the whole cleaned text.

:func:`whole_text` runs the whole-text stages once (date mentions and their resolution from the
starting running date, era-name spans, the running year at each offset, place glosses, the block
list); :func:`block_parts` runs spaCy, the entities and the events on the blocks ``first`` to
``last`` and yields one :class:`BlockPart` per block (cleaned offsets, no sentence numbers);
:func:`cut_ranges` cuts the block list into ranges at event-group boundaries. The merge (sentence
numbers, dates emitted at block boundaries, place rows, event numbers) is
:class:`pipeline.document._DocumentStream`: the same rows whether the blocks came from one
generator in this process or from several ranges run in other processes (``--jobs``, Dask).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import spine
from .chronology import resolve_dates
from .dates import era_name_spans, find_date_mentions
from .dates.state import RunningDate
from .entities import carry_names, extract_entities
from .entities.collisions import read_bare_surnames
from .entities.name_repeats import ModelNames, carry_model_persons
from .entities.periods import refuse_far_rulers
from .entities.ruler_dates import reread_rulers
from .entities.viqr import carry_viqr_persons
from .events import PendingEvent, pending_block_events
from .places import (
    PlaceGloss,
    find_place_glosses,
    known_by_gazetteers,
    read_place_words,
    reread_capitals,
    years_from_dates,
)
from .records import DateRow, EntityRow, WarningRow
from .segment import Block, sentence_spans, split_blocks

if TYPE_CHECKING:
    from .document import Resources


@dataclass(frozen=True)
class WholeText:
    """The whole-text stages' results (cleaned offsets): ``dates`` numbered by ``date_id`` in
    text order (the context's row included), the ``warnings`` of the date stage, the era-name
    spans the entities ``exclude``, the place ``glosses``, the ``blocks``, and ``state``: the
    running date at the end of the text. Picklable (a range task hands it to the merge)."""

    dates: list[DateRow]
    warnings: list[WarningRow]
    exclude: list[tuple[int, int]]
    glosses: list[PlaceGloss]
    blocks: list[Block]
    state: RunningDate

    def year_at(self, text: str) -> Callable[[int], int | None]:
        """The running year at each offset of the cleaned ``text``
        (:func:`~pipeline.places.years_from_dates`: a dateline is no running year)."""
        return years_from_dates(self.dates, text)


def whole_text(text: str, resources: Resources, state: RunningDate,
               context_rows: Sequence[DateRow]) -> WholeText:
    """Run the whole-text stages on the cleaned ``text`` from the running date ``state``
    (changed in place: it ends as the running date at the end of the text)."""
    mentions = find_date_mentions(text, resources.eras, resources.person_names)
    date_rows, date_warnings = resolve_dates(mentions, resources.eras, resources.calendar, state)
    dates = [dataclasses.replace(d, date_id=i)  # events.csv refers to dates by date_id
             for i, d in enumerate(sorted([*context_rows, *date_rows],
                                          key=lambda r: (r.start, r.end)), 1)]
    exclude = era_name_spans(mentions)
    del mentions, date_rows  # (tens of thousands for a book) before spaCy's working memory
    return WholeText(dates, date_warnings, exclude,
                     find_place_glosses(text, lexicon=resources.gloss_lexicon),
                     split_blocks(text), state)


@dataclass(frozen=True)
class BlockPart:
    """One block's share of the rows, cleaned offsets: its sentence spans, its entities
    (sorted, ``sentence_id`` -1), the warnings of reread capital names (and, in the block that
    closes a group, the event stage's year warnings), and the events of the group of blocks
    that closes with this block (``None`` if none closes here)."""

    sentences: list[tuple[int, int]]
    entities: list[EntityRow]
    reread: list[WarningRow]
    events: list[PendingEvent] | None = None


#: Date warnings of date phrases that could not be read (no row): the events' running date
#: is unsure past them (:mod:`pipeline.events.horizon`).
UNREAD_DATE_CODES = frozenset({"GARBLED_DIGITS", "DATE_NOT_READ"})


def group_ends(blocks: Sequence[Block], group_chars: int) -> list[int]:
    """The index after the last block of each event group: a group closes where its blocks'
    characters reach ``group_chars`` (the last group at the last block)."""
    ends: list[int] = []
    size = 0
    for k, block in enumerate(blocks):
        size += len(block.text)
        if size >= group_chars:
            ends.append(k + 1)
            size = 0
    if blocks and (not ends or ends[-1] != len(blocks)):
        ends.append(len(blocks))
    return ends


def cut_ranges(blocks: Sequence[Block], count: int, group_chars: int) -> list[tuple[int, int]]:
    """``count`` ranges ``(first, last)`` of block indexes covering ``blocks`` in order, cut at
    event-group boundaries so that each holds about the same number of characters (a range is
    empty, ``first == last``, when there are fewer groups than ranges)."""
    total = sum(len(b.text) for b in blocks)
    ranges: list[tuple[int, int]] = []
    first = done = 0
    ends = iter(group_ends(blocks, group_chars))
    for i in range(1, count):
        target = total * i / count
        last = first
        if done < target:
            for end in ends:
                done += sum(len(b.text) for b in blocks[last:end])
                last = end
                if done >= target:
                    break
        ranges.append((first, last))
        first = last
    ranges.append((first, len(blocks)))
    return ranges


def block_parts(text: str, doc_id: str, resources: Resources, whole: WholeText, first: int,
                last: int, group_chars: int,
                on_block: Callable[[int, int], None] | None = None) -> Iterator[BlockPart]:
    """The blocks ``first`` to ``last`` (exclusive; a range starts at an event-group boundary)
    of the cleaned ``text``, one :class:`BlockPart` each, in order; each block's spaCy ``Doc``
    lives until the events of its group are found. ``on_block(done, total)``: after spaCy has
    processed each block (characters of the cleaned text)."""
    res = resources
    blocks = whole.blocks[first:last]
    exclude, exclude_starts = whole.exclude, [s for s, _ in whole.exclude]
    year_at = whole.year_at(text)
    date_starts = [d.start for d in whole.dates]
    starts: list[int] = []  # sentence starts of the range so far (rulers re-read by sentence)
    seen: dict[str, tuple[str, str]] = {}  # gazetteer names of the range so far (carry_names)
    model_names = ModelNames()  # model PERSON names of the range so far (carry_model_persons)
    surnamed: dict[str, str] = {}  # first word of a person's name -> canonical (collisions)
    topics: dict[str, list[tuple[int, str]]] = {}  # surname -> persons so far (surname_topics)
    surnames = frozenset(res.gazetteer.words("surname") + res.gazetteer.words("clan_surname"))
    known = known_by_gazetteers(year_at, res.modern_places)
    group: list[tuple[Any, int]] = []
    group_entities: list[EntityRow] = []
    size = 0
    docs = spine.pipe(res.nlp, blocks, whole=first == 0 and last == len(whole.blocks))
    for k, (block, doc) in enumerate(zip(blocks, docs, strict=True)):
        if on_block is not None:
            on_block(block.start + len(block.text), len(text))
        spans = sentence_spans(doc, block.start, block.text)
        block_end = block.start + len(block.text)
        low = max(bisect_right(exclude_starts, block.start) - 1, 0)
        high = bisect_right(exclude_starts, block_end)
        local = [(s - block.start, e - block.start) for s, e in exclude[low:high]
                 if e > block.start and s < block_end]
        entities = sorted((EntityRow(doc_id, -1, e.start + block.start, e.end + block.start,
                                     e.text, e.label, e.canonical, e.source)
                           for e in extract_entities(doc, res.gazetteer, exclude=local)),
                          key=lambda e: (e.start, e.end, e.label))
        entities = read_bare_surnames(entities, text, surnamed)  # "Chiang" after "Chiang Kai-shek"
        entities = carry_names(entities, seen)  # one sense per text (per range: see merge)
        entities = carry_viqr_persons(entities, text, block.start, block_end, seen)
        entities = carry_model_persons(entities, text, block.start, block_end, model_names,
                                       res.gazetteer, exclude[low:high])  # "Ngo Quyen" again
        # a paragraph never spans blocks unless it is longer than a block
        entities, reread = reread_capitals(entities, text, year_at, whole.glosses)
        entities = read_place_words(entities, text, known)
        starts.extend(s for s, _ in spans)
        if res.ruler_reader is not None:  # "Emperor Wu died in 87 BC": Han Wudi
            entities, ruled = reread_rulers(entities, text, res.ruler_reader, whole.dates,
                                            starts, year_at, date_starts)
            entities, far = refuse_far_rulers(entities, text, res.ruler_reader, whole.dates,
                                              starts, year_at, surnames, date_starts, topics)
            reread = [*reread, *ruled, *far]  # "Shaozong" in 547 is no ruler of 1645
        group.append((doc, block.start))
        group_entities.extend(entities)
        size += len(block.text)
        events = None
        if size >= group_chars or k == len(blocks) - 1:
            notes: list[WarningRow] = []  # the event stage's: years blanked or guessed
            events = [event for found in pending_block_events(
                group, group_entities, whole.dates, whole.glosses, lexicon=res.event_lexicon,
                matcher=res.trigger_matcher, person_polity=res.person_polity, parser=res.nlp,
                unread=[w.start for w in whole.warnings if w.code in UNREAD_DATE_CODES],
                notes=notes)
                for event in found]
            reread = [*reread, *notes]
            group, group_entities, size = [], [], 0
        del doc
        yield BlockPart(spans, entities, reread, events)
