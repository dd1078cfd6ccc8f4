"""Every gazetteer file is validated at load: a bad copy gives one line naming file and line."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from pipeline import document
from pipeline.cli import main
from pipeline.gazetteer import GazetteerError, load_gazetteer
from pipeline.gazetteer_schema import SCHEMAS, validate_gazetteer

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "gaz"
    shutil.copytree(ROOT / "gazetteer", target)
    return target


def _set(path: Path, row_number: int, column: str, value: str) -> int:
    """Set one cell (data row ``row_number``, 1-based) and return its line number."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row_number][rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return row_number + 1  # no multi-line cells in the first rows


HOSTILE = [
    ("eras.csv", "start_year", "1126a", "must be an integer"),
    ("eras.csv", "start_jdn", "nan", "must be between"),
    ("eras.csv", "era", "", "era is empty"),
    ("dynasties.csv", "cal_stream", "two", "must be an integer"),
    ("dynasties.csv", "vassal", "yes", "must be one of"),
    ("event_types.csv", "takes_object", "maybe", "must be one of"),
    ("event_types.csv", "object_label", "CITY", "must be one of"),
    ("event_types.csv", "event_type", "", "event_type is empty"),
    ("event_cues.csv", "kind", "maybe", "must be one of"),
    ("modern_places.csv", "latitude", "north", "must be a number"),
    ("modern_places.csv", "longitude", "400", "must be between"),
    ("modern_places.csv", "level", "city", "must be one of"),
    ("date_words.csv", "value", "one", "must be an integer"),
    ("date_words.csv", "category", "cardnal", "must be one of"),
    ("provinces.csv", "kind", "state", "must be one of"),
    ("place_aliases.csv", "current", "", "current is empty"),
    ("place_gloss_words.csv", "kind", "other", "must be one of"),
    ("place_coordinates.csv", "latitude", "", "latitude is empty"),
    ("persons.csv", "canonical", "", "canonical is empty"),
    ("era_errata.csv", "action", "replace", "must be one of"),
    ("place_pinyin_overrides.csv", "scope", "word", "must be one of"),
]


@pytest.mark.parametrize(("name", "column", "value", "problem"), HOSTILE,
                         ids=[f"{h[0]}-{h[1]}-{h[2]}" for h in HOSTILE])
def test_bad_value_names_file_and_line(copy: Path, name: str, column: str, value: str,
                                       problem: str) -> None:
    line = _set(copy / name, 2, column, value)
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer(copy)
    message = str(caught.value)
    assert message.startswith(f"{copy / name}:{line}: ") and problem in message
    assert "\n" not in message


def test_every_file_has_a_schema_and_the_shipped_files_pass() -> None:
    assert {p.name for p in (ROOT / "gazetteer").glob("*.csv")} == set(SCHEMAS)
    assert all(rows > 0 for rows in validate_gazetteer(ROOT / "gazetteer").values())


def test_wrong_header_short_row_missing_file_and_bad_bytes(copy: Path) -> None:
    text = (copy / "eras.csv").read_text(encoding="utf-8").replace("start_year", "start", 1)
    (copy / "eras.csv").write_text(text, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"eras.csv:1: header must be"):
        validate_gazetteer(copy)
    shutil.copy(ROOT / "gazetteer" / "eras.csv", copy / "eras.csv")
    with (copy / "provinces.csv").open("a", encoding="utf-8") as handle:
        handle.write("Atlantis,x,99\n")
    with pytest.raises(GazetteerError, match=r"provinces.csv:36: expected 5 columns, found 3"):
        validate_gazetteer(copy)
    shutil.copy(ROOT / "gazetteer" / "provinces.csv", copy / "provinces.csv")
    (copy / "date_words.csv").unlink()
    with pytest.raises(GazetteerError, match="date_words.csv: gazetteer file not found"):
        validate_gazetteer(copy)
    shutil.copy(ROOT / "gazetteer" / "date_words.csv", copy / "date_words.csv")
    (copy / "event_types.csv").write_bytes("lemma,forms\n".encode("utf-16"))
    with pytest.raises(GazetteerError, match="event_types.csv: not UTF-8"):
        validate_gazetteer(copy)


def test_cli_exit_4_with_one_line(copy: Path, tmp_path: Path, blank_model: Path,
                                  monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    line = _set(copy / "eras.csv", 3, "end_year", "soon")
    monkeypatch.setattr(document, "GAZETTEER_DIR", copy)
    (tmp_path / "a.txt").write_text("In the sixth year of Tianhui.", encoding="utf-8")
    code = main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--quiet",
                 "--model", str(blank_model)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 4
    assert err == [f"chronicle: error: {copy / 'eras.csv'}:{line}: end_year must be an "
                   f"integer, found 'soon'"]
