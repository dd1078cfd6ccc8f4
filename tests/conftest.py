"""Shared fixtures: the loaded pipeline (once per session) and a tiny blank spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from pipeline import api
from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable, load_era_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def resources() -> api.Resources:
    """The default model with the repository's gazetteer, era table and calendar."""
    return api.load_resources()


@pytest.fixture(scope="session")
def blank_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A saved blank English pipeline with a sentencizer: fast, for size and error tests."""
    path = tmp_path_factory.mktemp("models") / "blank_en"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="session")
def blank_resources(blank_model: Path) -> api.Resources:
    """The repository's gazetteer with the blank pipeline: fast, for reading and progress."""
    return api.load_resources(str(blank_model))


@pytest.fixture(scope="session")
def eras() -> EraTable:
    """The bundled era table (all calendar streams)."""
    return load_era_table()


@pytest.fixture(scope="session")
def calendar() -> LunarCalendar:
    """The bundled lunar calendar (sanmiao's month table)."""
    return LunarCalendar.load()


@pytest.fixture(scope="session")
def gaz():
    """The bundled gazetteer (``pipeline.gazetteer.load_gazetteer``), loaded once."""
    from pipeline.gazetteer import load_gazetteer
    return load_gazetteer()


@pytest.fixture(scope="session")
def blank(gaz):
    """A blank English pipeline with a sentencizer and our gazetteer component only."""
    from pipeline.entities import add_gazetteer_component
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_gazetteer_component(nlp, gaz)
    return nlp
