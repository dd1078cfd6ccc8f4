"""Golden files: the tables for corpus/ must equal outputs/ byte for byte.

Regenerate deliberately with ``pytest tests/test_golden.py --force-regen`` and read the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from pipeline import api, exports
from pipeline.tables import table_text

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def corpus_result(corpus_run: api.RunResult) -> api.RunResult:
    """Run as the README does (``chronicle run corpus``), from the repository root (the
    session's run, :func:`conftest.corpus_run`)."""
    return corpus_run


@pytest.fixture(scope="module")
def corpus_tables(corpus_result: api.RunResult) -> dict[str, str]:
    return {name: table_text(kind, rows) for name, kind, rows in corpus_result.tables()}


def test_table_names_are_fixed(corpus_tables: dict[str, str]) -> None:
    committed = sorted(p.name for p in (ROOT / "outputs").glob("*.csv"))
    assert sorted(corpus_tables) == committed


@pytest.mark.parametrize("name", [
    "documents.csv", "sentences.csv", "entities.csv", "dates.csv", "events.csv", "places.csv",
    "warnings.csv", "gazetteer_candidates.csv",
])
def test_golden_table(corpus_tables: dict[str, str], file_regression, name: str) -> None:
    file_regression.check(corpus_tables[name], fullpath=ROOT / "outputs" / name, newline="\n")


@pytest.fixture(scope="module")
def corpus_exports(corpus_result: api.RunResult, resources: api.Resources) -> dict[str, bytes]:
    """Every export of the corpus run, as ``chronicle run corpus --out outputs`` writes them."""
    cwd = Path.cwd()
    os.chdir(ROOT)  # input paths are relative to the repository root, as in the README
    try:
        data = exports.input_from_run(corpus_result, resources)
    finally:
        os.chdir(cwd)
    return exports.render_exports(data, exports.ALL_FORMATS)


GOLDEN_EXPORTS = ["events.geojson", "places.geojson", "report.html", "tei/song_jin_wars.xml",
                  "timeline.png", "datapackage.json"]


def test_export_names_are_fixed(corpus_exports: dict[str, bytes]) -> None:
    assert sorted(corpus_exports) == sorted(GOLDEN_EXPORTS)


@pytest.mark.parametrize("name", GOLDEN_EXPORTS)
def test_golden_export(corpus_exports: dict[str, bytes], file_regression, name: str) -> None:
    if name.endswith(".png"):
        file_regression.check(corpus_exports[name], binary=True, fullpath=ROOT / "outputs" / name)
    else:
        file_regression.check(corpus_exports[name].decode("utf-8"),
                              fullpath=ROOT / "outputs" / name, newline="\n")


def _letters(text: str) -> str:
    return re.sub(r"\W", "", text)


def test_every_row_points_into_the_original_file(corpus_result: api.RunResult) -> None:
    """Offsets index the decoded original; the row text is its cleaned form (same letters)."""
    for doc in corpus_result.documents:
        original = (ROOT / doc.document.path).read_text(encoding="utf-8")
        rows = [*doc.sentences, *doc.entities, *doc.dates]
        assert rows
        for row in rows:
            assert _letters(original[row.start:row.end]) == _letters(row.text), row
