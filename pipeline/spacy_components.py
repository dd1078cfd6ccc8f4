"""spaCy components for your own pipeline: ``chronicle_gazetteer``, ``chronicle_dates``,
``chronicle_events``.

They are registered through the ``spacy_factories`` entry point (``pyproject.toml``), so
``spacy.blank("en").add_pipe("chronicle_dates")`` works without importing this package, and a
pipeline saved with ``nlp.to_disk`` loads with ``spacy.load`` in a fresh process (the components
keep no state but their config). Each takes ``gazetteer_dir`` in its config: a folder of the
gazetteer CSV files, ``null``/None for the bundled one (:func:`pipeline.resources.gazetteer_dir`).

- ``chronicle_gazetteer`` (:class:`pipeline.entities.GazetteerComponent`): sets ``doc.ents`` from
  the gazetteer and the name rules; put it before ``ner``. Spans labelled ``CHRONICLE_BLOCK``
  only keep ``ner`` off a word; leave them out when rendering.
- ``chronicle_dates``: ``doc._.dates`` (list of :class:`pipeline.records.DateRow`, ``date_id``
  from 1 in text order), ``doc._.date_warnings`` (:class:`pipeline.records.WarningRow` for every
  guess), and ``doc.spans["chronicle_dates"]`` labelled with the CE year (or the row's kind when
  no year is known) for ``displacy.render(doc, style="span",
  options={"spans_key": "chronicle_dates"})``.
- ``chronicle_events``: ``doc._.entities`` (:class:`pipeline.records.EntityRow`, from
  ``doc.ents``) and ``doc._.events`` (:class:`pipeline.records.EventRow`, ``event_id`` from 1).
  Uses ``doc._.dates`` when ``chronicle_dates`` ran before it; the roles need a dependency parse
  (a ``parser`` in the pipeline), without one the events have no roles.

Offsets are Python ``str`` indices into ``doc.text`` (not cleaned as ``process_text`` does);
``doc_id`` is ""; ``sentence_id`` is 1-based when the doc has sentence boundaries, else -1.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from pathlib import Path
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import era_name_spans, find_date_mentions
from pipeline.entities import extract_entities
from pipeline.entities.component import _make_component
from pipeline.eras import load_era_table
from pipeline.events import (
    build_trigger_matcher,
    extract_events,
    load_event_lexicon,
    load_person_polities,
)
from pipeline.gazetteer import load_gazetteer
from pipeline.overlay import prepare_gazetteer
from pipeline.places import (
    PlaceLookup,
    find_place_glosses,
    load_gloss_lexicon,
    load_historical_places,
    load_modern_places,
    read_place_words,
)
from pipeline.records import DateRow, EntityRow, EventRow
from pipeline.resources import gazetteer_dir as bundled_gazetteer_dir
from pipeline.resources import using_gazetteer
from pipeline.spacy_rows import register as _register_rows

DATES_SPAN_KEY = "chronicle_dates"
_ERA_SPANS = "chronicle_era_spans"  # era names inside dates, kept for chronicle_events

for _attr in ("dates", "date_warnings", "entities", "events", _ERA_SPANS):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)

_register_rows()  # Docs with rows serialise (also without the installed entry points)

make_gazetteer = _make_component  # the chronicle_gazetteer factory (pipeline.entities)

_Row = TypeVar("_Row", DateRow, EntityRow, EventRow)


def _directory(gazetteer_dir: str | None) -> Path:
    """The folder to read: the bundled gazetteer, or ``gazetteer_dir`` overlaid on it
    (:func:`pipeline.overlay.prepare_gazetteer`)."""
    return prepare_gazetteer(gazetteer_dir) if gazetteer_dir else bundled_gazetteer_dir()


def _with_sentence(doc: Doc, rows: list[_Row]) -> list[_Row]:
    """Rows with their 1-based sentence id (-1 when the doc has no sentence boundaries)."""
    if not doc.has_annotation("SENT_START"):
        return [dataclasses.replace(r, sentence_id=-1) for r in rows]
    starts = [s.start_char for s in doc.sents]
    return [dataclasses.replace(r, sentence_id=max(bisect_right(starts, r.start), 1))
            for r in rows]


def _trimmed(doc: Doc, row: EventRow) -> EventRow:
    """The row with its offsets moved off the whitespace its sentence span starts or ends
    with (a Doc that was not cleaned and split into paragraphs as ``process_text`` does)."""
    piece = doc.text[row.start:row.end]
    if piece == row.text or piece.strip() != row.text:
        return row
    start = row.start + len(piece) - len(piece.lstrip())
    return dataclasses.replace(row, start=start, end=start + len(row.text))


class DatesComponent:
    """Finds date mentions in ``doc.text`` and resolves them to CE (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, gazetteer_dir: str | None) -> None:
        self.name = name
        self.gazetteer_dir = gazetteer_dir
        self.directory = _directory(gazetteer_dir)
        self.eras = load_era_table(self.directory)
        self.calendar = LunarCalendar.load()

    def __call__(self, doc: Doc) -> Doc:
        with using_gazetteer(self.directory):  # the date words and rulers of this gazetteer
            return self._call(doc)

    def _call(self, doc: Doc) -> Doc:
        mentions = find_date_mentions(doc.text, self.eras)
        rows, warnings = resolve_dates(mentions, self.eras, self.calendar)
        rows = [dataclasses.replace(d, date_id=i)
                for i, d in enumerate(sorted(rows, key=lambda r: (r.start, r.end)), 1)]
        doc._.dates = _with_sentence(doc, rows)
        doc._.date_warnings = sorted(warnings, key=lambda w: (w.start, w.end, w.code))
        setattr(doc._, _ERA_SPANS, era_name_spans(mentions))
        spans = []
        for row in rows:
            span = doc.char_span(row.start, row.end, alignment_mode="expand",
                                 label=str(row.year) if row.year is not None else row.kind)
            if span is not None:
                spans.append(span)
        doc.spans[DATES_SPAN_KEY] = spans
        return doc


@Language.factory("chronicle_dates", default_config={"gazetteer_dir": None})
def make_dates(nlp: Language, name: str, gazetteer_dir: str | None) -> DatesComponent:
    """The ``chronicle_dates`` component (era table and lunar calendar loaded once here)."""
    return DatesComponent(nlp, name, gazetteer_dir)


class EventsComponent:
    """Entity rows from ``doc.ents`` and event rows (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, gazetteer_dir: str | None) -> None:
        directory = self.directory = _directory(gazetteer_dir)
        self.nlp = nlp
        self.name = name
        self.gazetteer_dir = gazetteer_dir
        self.gazetteer = load_gazetteer(directory)
        self.lexicon = load_event_lexicon(directory / "event_types.csv")
        self.matcher = build_trigger_matcher(nlp.vocab, self.lexicon)
        self.person_polity = load_person_polities(directory / "persons.csv",
                                                  directory / "armies.csv")
        self.historical_places = load_historical_places(directory / "places.csv")
        self.gloss_lexicon = load_gloss_lexicon(directory)
        self.modern_places = load_modern_places(directory)

    def __call__(self, doc: Doc) -> Doc:
        with using_gazetteer(self.directory):  # historical and world places of this gazetteer
            return self._call(doc)

    def _call(self, doc: Doc) -> Doc:
        exclude = getattr(doc._, _ERA_SPANS) or []
        entities = sorted(read_place_words(
            extract_entities(doc, self.gazetteer, exclude=exclude), doc.text),
            key=lambda e: (e.start, e.end, e.label))
        dates: list[DateRow] = doc._.dates or []
        glosses = find_place_glosses(doc.text, lexicon=self.gloss_lexicon)
        lookup = PlaceLookup.build(entities, glosses, self.historical_places,
                                   index=self.modern_places)
        events = extract_events(doc, entities, dates, glosses, lexicon=self.lexicon,
                                matcher=self.matcher, person_polity=self.person_polity,
                                places=lookup, index=self.modern_places, parser=self.nlp)
        events = [dataclasses.replace(_trimmed(doc, e), event_id=i) for i, e in
                  enumerate(sorted(events, key=lambda e: (e.start, e.event_id)), 1)]
        doc._.entities = _with_sentence(doc, entities)
        doc._.events = _with_sentence(doc, events)
        return doc


@Language.factory("chronicle_events", default_config={"gazetteer_dir": None})
def make_events(nlp: Language, name: str, gazetteer_dir: str | None) -> EventsComponent:
    """The ``chronicle_events`` component (event lexicon and place tables loaded once here)."""
    return EventsComponent(nlp, name, gazetteer_dir)


__all__ = ["DATES_SPAN_KEY", "DatesComponent", "EventsComponent",
           "make_dates", "make_events", "make_gazetteer"]
