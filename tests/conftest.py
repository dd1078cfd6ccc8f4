"""Shared fixtures: the loaded pipeline (once per session) and a tiny blank spaCy pipeline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pipeline import api, document
from pipeline.calendar import LunarCalendar
from pipeline.eras import EraTable, load_era_table

ROOT = Path(__file__).resolve().parent.parent
TEI_SCHEMA = ROOT / "tests" / "schemas" / "tei_all.rng"

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
def corpus_run(resources: api.Resources) -> api.RunResult:
    """The corpus run as the README does it (``chronicle run corpus``, from the repository
    root), once per session: the golden tables and exports, and the tests that need the events
    of the whole corpus text, read it."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        return api.run([Path("corpus")], resources=resources)
    finally:
        os.chdir(cwd)


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


_VALIDATOR = """
import json, sys
from lxml import etree
schema = etree.RelaxNG(etree.parse(sys.argv[1]))
for line in sys.stdin:
    valid = schema.validate(etree.parse(line.rstrip("\\n")))
    print(json.dumps([valid, str(schema.error_log)]), flush=True)
"""


class RelaxNGProcess:
    """A RELAX NG schema compiled and used by lxml in another process.

    Compiling TEI's ``tei_all`` takes 10-40 s and lxml holds the GIL while it compiles, so the
    process is started right after collection (:func:`pytest_collection_finish`) and compiles
    while the other tests run; :meth:`validate` waits for it."""

    def __init__(self, schema: Path) -> None:
        self._proc = subprocess.Popen([sys.executable, "-c", _VALIDATOR, str(schema)],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def validate(self, path: Path) -> tuple[bool, str]:
        """(whether the XML file at ``path`` is valid, lxml's error log)."""
        assert self._proc.stdin is not None and self._proc.stdout is not None
        self._proc.stdin.write(f"{path}\n")
        self._proc.stdin.flush()
        line = self._proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the RELAX NG process stopped (exit {self._proc.wait()}); "
                               f"its messages are in the captured stderr")
        valid, log = json.loads(line)
        return valid, log

    def close(self) -> None:
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.communicate()


_TEI_VALIDATOR: list[RelaxNGProcess] = []


def _tei_validator() -> RelaxNGProcess:
    if not _TEI_VALIDATOR:
        _TEI_VALIDATOR.append(RelaxNGProcess(TEI_SCHEMA))
    return _TEI_VALIDATOR[0]


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start compiling the TEI schema in the background if a selected test validates TEI."""
    if not session.config.option.collectonly and any(
            "tei_schema" in getattr(item, "fixturenames", ()) for item in session.items):
        _tei_validator()


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop the schema process (started but unused when the session stops early)."""
    while _TEI_VALIDATOR:
        _TEI_VALIDATOR.pop().close()


@pytest.fixture(scope="session")
def tei_schema() -> RelaxNGProcess:
    """TEI P5 4.9.0 ``tei_all`` (tests/schemas), compiled in another process."""
    return _tei_validator()
