"""Shared fixtures: the loaded pipeline (once per session) and a tiny blank spaCy pipeline."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline import api, document
from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable, load_era_table

ROOT = Path(__file__).resolve().parent.parent

_LOAD_RESOURCES = api.load_resources
_LOADED: dict[str, api.Resources] = {}
_BUNDLED = document.GAZETTEER_DIR


def _load_once(model: str = api.DEFAULT_MODEL, gazetteer_dir: Path | None = None) -> api.Resources:
    """``api.load_resources`` loading each model with the bundled gazetteer once per session.

    With a user gazetteer folder (``--gazetteer``), or when a test points
    ``document.GAZETTEER_DIR`` elsewhere, it loads afresh every time; failures are never cached
    (a missing model or a bad gazetteer still raises each time)."""
    if gazetteer_dir is not None or document.GAZETTEER_DIR != _BUNDLED:
        return _LOAD_RESOURCES(model, gazetteer_dir)
    if model not in _LOADED:
        _LOADED[model] = _LOAD_RESOURCES(model)
    return _LOADED[model]


@pytest.fixture(scope="session", autouse=True)
def _shared_resources() -> Iterator[None]:
    """In-process runs of the command (``main(["run", ...])``) and the session fixtures share one
    loaded copy of each model: loading takes about 2 s, and dozens of tests run the command.
    Nothing in a run changes the loaded resources (the session fixtures are shared too).
    Tests that need a fresh load run ``chronicle`` in a subprocess."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api, "load_resources", _load_once)
        yield


@pytest.fixture(scope="session")
def resources() -> api.Resources:
    """The default model with the repository's gazetteer, era table and calendar."""
    return api.load_resources()


@pytest.fixture(scope="session")
def parser_nlp() -> Language:
    """The default model without ``ner`` and ``senter`` (the event tests give the entities)."""
    return spacy.load(api.DEFAULT_MODEL, exclude=["ner", "senter"])


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
