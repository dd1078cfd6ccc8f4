"""A user's gazetteer (``--gazetteer DIR``) overlaid on the bundled one: every stage reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import api
from pipeline.cli import main
from pipeline.exports.common import gazetteer_hash
from pipeline.gazetteer import GazetteerError
from pipeline.overlay import MARKER, merge_rows, prepare_gazetteer
from pipeline.resources import gazetteer_dir

TEXT = ("In the eleventh year of Shau-hing, Old Qiu marched to Fort Xiaoshan and crossed the "
        "Yellow River. Prefect Qiu was killed there.\n")


def _write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A person (only some columns), a place with coordinates, new coordinates for a bundled
    place, and an era alias (an old spelling of 紹興 Shaoxing)."""
    folder = tmp_path_factory.mktemp("my_gazetteer")
    _write(folder, "persons.csv", "canonical,aliases,polity\nQiu Wenbo,Old Qiu|Prefect Qiu,Song\n")
    _write(folder, "places.csv", "canonical,aliases,zh,note\nXiaoshan Fort,Fort Xiaoshan,,\n")
    _write(folder, "place_coordinates.csv",
           "canonical,latitude,longitude,precision,note\n"
           "Xiaoshan Fort,30.18,120.26,site,\nYellow River,35.50,113.00,river,moved\n")
    _write(folder, "era_aliases.csv",
           "era_zh,dynasty,alias,note\n紹興,Southern Song,Shau-hing,old spelling\n")
    return folder


@pytest.fixture(scope="module")
def user_resources(overlay: Path) -> api.Resources:
    return api.load_resources(gazetteer_dir=overlay)


def test_merge_rows_replaces_by_key_and_adds_new_keys() -> None:
    base = [{"k": "a", "v": "1"}, {"k": "b", "v": "2"}, {"k": "a", "v": "3"}]
    extra = [{"k": "a", "v": "9"}, {"k": "c", "v": "4"}]
    assert merge_rows(base, extra, ("k",)) == [
        {"k": "a", "v": "9"}, {"k": "b", "v": "2"}, {"k": "c", "v": "4"}]
    assert merge_rows(base, base, ("k",)) == base  # every row replaces itself, in its place
    more = [{"k": "a", "v": "7"}, {"k": "a", "v": "8"}, {"k": "a", "v": "9"}]
    assert merge_rows(base, more, ("k",)) == [more[0], base[1], *more[1:]]


def test_every_stage_reads_the_overlay(user_resources: api.Resources) -> None:
    result = api.process_text(TEXT, "t", user_resources)
    people = {(e.text, e.canonical) for e in result.entities if e.label == "PERSON"}
    assert {("Old Qiu", "Qiu Wenbo"), ("Prefect Qiu", "Qiu Wenbo")} <= people
    era_date = [d for d in result.dates if d.text.endswith("Shau-hing")]
    assert [(d.era_zh, d.year) for d in era_date] == [("紹興", 1141)]  # the date stage too
    places = {p.place: p for p in result.places}
    assert (places["Xiaoshan Fort"].latitude, places["Xiaoshan Fort"].longitude) == (30.18, 120.26)
    assert (places["Yellow River"].latitude, places["Yellow River"].longitude) == (35.5, 113.0)
    assert all(e.year == 1141 for e in result.events) and result.events


def test_bundled_resources_are_unchanged(resources: api.Resources,
                                         user_resources: api.Resources) -> None:
    result = api.process_text(TEXT, "t", resources)  # after the overlay was loaded
    assert not any(e.canonical == "Qiu Wenbo" for e in result.entities)
    assert not any(d.year == 1141 for d in result.dates)
    yellow = [p for p in result.places if p.place == "Yellow River"]
    assert yellow and yellow[0].latitude != 35.5


def test_merged_folder_is_reused_and_hashed(overlay: Path,
                                            user_resources: api.Resources) -> None:
    merged = user_resources.gazetteer_dir
    assert merged is not None and (merged / MARKER).is_file()
    assert prepare_gazetteer(overlay) == merged == prepare_gazetteer(merged)
    assert prepare_gazetteer(None) == gazetteer_dir()
    assert gazetteer_hash(merged) != gazetteer_hash(gazetteer_dir())
    persons = (merged / "persons.csv").read_text(encoding="utf-8").splitlines()
    assert persons[0] == "canonical,aliases,polity,zh,note"
    assert persons[-1] == "Qiu Wenbo,Old Qiu|Prefect Qiu,Song,,"


@pytest.mark.parametrize(("name", "text", "message"), [
    ("persons.csv", "canonical,aliases,rank\nA,,x\n", "persons.csv:1: unknown column 'rank'"),
    ("places.csv", "canonical,aliases\nA,\n,B\n", "places.csv:3: canonical is empty"),
    ("place_coordinates.csv", "canonical,latitude,longitude,precision\nA,north,1,site\n",
     "place_coordinates.csv:2: latitude must be a number"),
    ("eras.csv", "era_id,era\nx,Foo\n", "eras.csv:1: required column"),
    ("nicknames.csv", "a\nb\n", "nicknames.csv: not a gazetteer file"),
    ("era_readings.csv", "era_zh,pinyin,note\n紹興,shao xing,\n", "put your rows in eras.csv"),
])
def test_bad_rows_are_one_line_naming_file_and_line(tmp_path: Path, name: str, text: str,
                                                    message: str) -> None:
    _write(tmp_path / "g", name, text)
    with pytest.raises(GazetteerError) as info:
        prepare_gazetteer(tmp_path / "g")
    assert message in str(info.value) and "\n" not in str(info.value)
    assert info.value.exit_code == 4


def test_cli_gazetteer_option(tmp_path: Path, overlay: Path, blank_model: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "in" / "a.txt"
    _write(text.parent, text.name, TEXT)
    out = tmp_path / "out"
    code = main(["run", str(text), "--out", str(out), "--model", str(blank_model), "--quiet",
                 "--gazetteer", str(overlay), "--formats", "datapackage"])
    assert code == 0
    assert "Qiu Wenbo" in (out / "entities.csv").read_text(encoding="utf-8")
    provenance = json.dumps(json.loads((out / "datapackage.json").read_text(encoding="utf-8")))
    merged = prepare_gazetteer(overlay)  # the folder load_resources reads (same content)
    assert gazetteer_hash(merged) in provenance
    assert gazetteer_hash(gazetteer_dir()) not in provenance

    _write(tmp_path / "bad", "persons.csv", "canonical,aliases\nA,\n,B\n")
    capsys.readouterr()
    code = main(["run", str(text), "--out", str(out), "--model", str(blank_model), "--quiet",
                 "--gazetteer", str(tmp_path / "bad")])
    err = capsys.readouterr().err
    assert code == 4 and "persons.csv:3: canonical is empty" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_full_copy_of_the_gazetteer_is_a_valid_overlay(tmp_path: Path) -> None:
    import csv
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(gazetteer_dir(), copy)
    merged = prepare_gazetteer(copy)
    for name in ("persons.csv", "rulers.csv", "eras.csv"):
        with (merged / name).open(encoding="utf-8") as a, \
                (gazetteer_dir() / name).open(encoding="utf-8") as b:
            assert list(csv.DictReader(a)) == list(csv.DictReader(b))


def test_every_gazetteer_file_has_a_key_or_is_a_source() -> None:
    from pipeline.gazetteer_schema import SCHEMAS
    from pipeline.overlay import KEYS, SOURCE_ONLY

    assert set(KEYS) | set(SOURCE_ONLY) == set(SCHEMAS) and not set(KEYS) & set(SOURCE_ONLY)
    for name, key in KEYS.items():
        assert set(key) <= set(SCHEMAS[name].columns), name
