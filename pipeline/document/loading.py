"""What a run loads once and shares among its documents: :class:`Resources`,
:func:`load_resources` (the spaCy pipeline with the gazetteer ruler, the era table, the lunar
calendar, the event lexicon and the place tables)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from .. import document as settings  # the package: its settings are read at call time
from ..calendar import LunarCalendar
from ..clean_words import word_frequencies
from ..dates import find_date_mentions
from ..dates.people import name_polities
from ..entities import build_nlp
from ..entities.ruler_dates import RulerReader, reader_from_nlp
from ..eras import EraTable, load_era_table
from ..events import EventLexicon, build_trigger_matcher, load_event_lexicon, load_person_polities
from ..gazetteer import Gazetteer, load_gazetteer
from ..overlay import prepare_gazetteer
from ..places import (
    GlossLexicon,
    HistoricalPlace,
    ModernPlaceIndex,
    load_gloss_lexicon,
    load_historical_places,
    load_modern_places,
)
from ..resources import gazetteer_dir as gazetteer_dir_of_package
from ..resources import using_gazetteer
from ..rulers import load_ruler_table


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


def load_resources(model: str = settings.DEFAULT_MODEL,
                   gazetteer_dir: Path | None = None) -> Resources:
    """Load the spaCy pipeline (gazetteer ruler before ``ner``), the era table, the lunar
    calendar, the event lexicon and the place tables.

    ``gazetteer_dir``: a user's folder of gazetteer files overlaid on the bundled gazetteer
    (:func:`pipeline.overlay.prepare_gazetteer`: same key replaces, new rows are added); every
    stage reads the merged files. Raises :class:`~pipeline.gazetteer.GazetteerError` (exit 4)
    naming file and line for a bad row."""
    directory = prepare_gazetteer(gazetteer_dir) if gazetteer_dir is not None \
        else settings.GAZETTEER_DIR
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

