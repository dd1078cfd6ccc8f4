"""Typed rows for every table, and the one place where column order is defined.

Conventions used by every record:

* ``start``/``end`` are character offsets (Python ``str`` indices, end exclusive). Stage
  functions work on the *cleaned* text and return offsets into it; the orchestrator
  (:mod:`pipeline.api`) maps them back to the decoded *original* file before writing, so every
  offset in a written table points into the original file.
* Years are integers in astronomical numbering (1 BCE = 0, 2 BCE = -1).
* Dates are ISO 8601 strings (``YYYY-MM-DD``; negative years as ``-0044-03-15``), never pandas
  timestamps. ``date_*`` columns are proleptic Gregorian, ``julian_*`` columns Julian.
* ``None`` is written as an empty cell.
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class DocumentRow:
    """One input file (``documents.csv``)."""

    doc_id: str
    path: str
    sha256: str
    encoding: str
    chars: int
    sentences: int
    status: str  # ok | empty | error
    message: str = ""
    encoding_confidence: str = ""  # certain | likely | guess (see pipeline.reading)


@dataclass(frozen=True)
class SentenceRow:
    """One sentence (``sentences.csv``); ``text`` is the cleaned sentence text."""

    doc_id: str
    sentence_id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EntityRow:
    """One entity mention (``entities.csv``).

    ``label`` is one of PERSON, PLACE, POLITY, ARMY. ``canonical`` is the gazetteer's canonical
    name (for model-only entities: the mention text). ``source`` is ``gazetteer`` or ``model``.
    """

    doc_id: str
    sentence_id: int
    start: int
    end: int
    text: str
    label: str
    canonical: str
    source: str


@dataclass(frozen=True)
class WarningRow:
    """A change made by cleaning, or a problem found (``warnings.csv``)."""

    doc_id: str
    start: int
    end: int
    code: str
    message: str


@dataclass(frozen=True)
class DateRow:
    """One date mention with its resolved CE value (``dates.csv``).

    ``kind``: explicit | inherited | relative | month | season | day | range | period (a
    dynasty or named period as the date, "in the Later Han": its years, low) | aside (a printed
    span glossing a name, "Hai Rui (1514–1587)": not the narrative's date, dates no event) |
    age (birth year of such a span + an age: "At the age of twenty-five", low) |
    gregorian | reign | sexagenary | context (a document's starting date: no text,
    zero-length span).
    ``year``/``year_end``: CE years (astronomical) of the Chinese year(s) meant.
    ``month``: lunar month 1-12 (or Gregorian month for kind=gregorian); ``leap_month`` true for
    an intercalary month. ``date_start``/``date_end``: inclusive ISO proleptic Gregorian days
    covered; ``julian_start``/``julian_end``: the same days in the Julian calendar.
    ``stated_year``: a CE year printed in the text next to the date. ``basis`` says how the value
    was obtained; ``alternatives`` lists rejected readings ("; "-joined). ``certainty``:
    high | medium | low (as TEI ``@cert``), from the same evidence as ``basis``; every reading
    below high has a warning row saying which guess was made.
    """

    doc_id: str
    sentence_id: int
    start: int
    end: int
    text: str
    kind: str
    era: str | None = None
    era_zh: str | None = None
    dynasty: str | None = None
    era_year: int | None = None
    year: int | None = None
    year_end: int | None = None
    month: int | None = None
    leap_month: bool | None = None
    day: int | None = None
    season: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    julian_start: str | None = None
    julian_end: str | None = None
    stated_year: int | None = None
    conflict: bool | None = None
    basis: str = ""
    alternatives: str = ""
    certainty: str = ""
    date_id: int | None = None


@dataclass(frozen=True)
class EventRow:
    """One reported happening (``events.csv``); multiple values joined with "; "."""

    doc_id: str
    event_id: int
    sentence_id: int
    start: int
    end: int
    event_type: str
    trigger: str
    actor1: str = ""
    actor1_polity: str = ""
    actor2: str = ""
    actor2_polity: str = ""
    place: str = ""
    place_modern: str = ""
    latitude: float | None = None
    longitude: float | None = None
    place_precision: str = ""
    year: int | None = None
    year_end: int | None = None
    month: int | None = None
    leap_month: bool | None = None
    day: int | None = None
    season: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str = ""
    date_text: str = ""
    text: str = ""
    actor1_source: str = ""
    actor2_source: str = ""
    origin: str = ""
    destination: str = ""
    status: str = "asserted"
    date_id: int | None = None
    gregorian_year: int | None = None
    time_precision: int | None = None
    geo_precision: int | None = None
    date_source: str = ""  # sentence | other_clause | running | summary | section | reign |
    # life ("")
    certainty: str = ""  # high | medium | low: the weakest of date, actors, trigger reading


@dataclass(frozen=True)
class PlaceRow:
    """One place per document (``places.csv``), with its modern equivalent and coordinates."""

    doc_id: str
    place: str
    modern: str = ""
    relation: str = ""
    province: str = ""
    latitude: float | None = None
    longitude: float | None = None
    coord_source: str = ""
    certainty: str = ""  # high | medium | low: how sure the coordinate choice is ("" without)
    mentions: int = 0
    first_year: int | None = None
    last_year: int | None = None


@dataclass(frozen=True)
class CandidateRow:
    """A name the statistical model found that the gazetteer lacks (``gazetteer_candidates.csv``).

    ``mentions`` counts its model-tagged mentions in the document; ``first_start`` is the offset
    of the first one.
    """

    doc_id: str
    text: str
    label: str
    mentions: int
    first_start: int


def columns(record_type: type) -> list[str]:
    """Column names of a record type, in table order."""
    return [f.name for f in fields(record_type)]
