"""The outputs people look at (pipeline/exports): valid GeoJSON, TEI, data package, report, PNG."""

from __future__ import annotations

import csv
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import geojson
import pytest
from frictionless import validate
from lxml import etree

from pipeline import api, exports
from pipeline.cli import main
from pipeline.errors import ChronicleError
from pipeline.exports.common import nested_marks
from pipeline.exports.datapackage import describe
from pipeline.exports.tei import tei_date
from pipeline.records import DateRow, EntityRow, EventRow, PlaceRow, columns

ROOT = Path(__file__).resolve().parent.parent
TEI = "{http://www.tei-c.org/ns/1.0}"
# A BCE date (Yuanshou 1 began in 123 BCE's November), a CE one, a place with coordinates, markup
# and a control character that must not break XML or HTML.
TEXT = ("In the first year of Yuanshou of Han, Emperor Wu sent Huo Qubing against the Xiongnu.\n"
        "In the third year of Jianwu, Liu Xiu took Luoyang. <script>alert(1)</script>\x0b\n")


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory,
            resources: api.Resources) -> tuple[Path, api.RunResult]:
    folder = tmp_path_factory.mktemp("exports")
    (folder / "han.txt").write_text(TEXT, encoding="utf-8")
    result = api.run([folder / "han.txt"], folder / "out", resources=resources)
    return folder / "out", result


def _events(result: api.RunResult) -> list[EventRow]:
    return [e for d in result.documents for e in d.events]


@pytest.mark.parametrize(("iso", "tei"), [
    ("1127-01-16", "1127-01-16"), ("0001-01-01", "0001-01-01"), ("0000-12-31", "-0001-12-31"),
    ("-0122-11-13", "-0123-11-13"), ("-0044-03-15", "-0045-03-15"),
])
def test_tei_years_have_no_year_zero(iso: str, tei: str) -> None:
    assert tei_date(iso) == tei


def test_geojson_is_valid_rfc7946_with_row_columns(run_dir: tuple[Path, api.RunResult]) -> None:
    out, result = run_dir
    for name, rows, kind in (("events.geojson", _events(result), EventRow),
                             ("places.geojson", [p for d in result.documents for p in d.places],
                              PlaceRow)):
        collection = geojson.loads((out / name).read_text(encoding="utf-8"))
        assert collection.is_valid, collection.errors()
        located = [r for r in rows if r.latitude is not None]
        assert located, name
        assert len(collection["features"]) == len(located)
        for feature, row in zip(collection["features"], located, strict=True):
            assert feature["geometry"]["coordinates"] == [row.longitude, row.latitude]
            assert list(feature["properties"]) == columns(kind)


def test_tei_marks_names_and_bce_dates_and_validates(run_dir: tuple[Path, api.RunResult],
                                                     tei_schema: Any) -> None:
    out, _ = run_dir
    valid, log = tei_schema.validate(out / "tei" / "han.xml")
    assert valid, log
    tree = etree.parse(str(out / "tei" / "han.xml"))
    dates = tree.findall(f".//{TEI}body//{TEI}date")
    yuanshou = next(d for d in dates if d.get("when-custom") == "Yuanshou.1")
    assert yuanshou.get("notBefore").startswith("-0123-")  # astronomical -122 is 123 BCE
    assert yuanshou.get("calendar") == "#chinese-lunisolar"
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id")
           for e in tree.iter(f"{TEI}person", f"{TEI}place", f"{TEI}org")}
    refs = [e.get("ref") for e in tree.iter(f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName")
            if e.get("ref")]
    assert refs and {r.lstrip("#") for r in refs} <= ids
    luoyang = tree.find(f".//{TEI}place[@{{http://www.w3.org/XML/1998/namespace}}id"
                        f"='place-Luoyang']/{TEI}location/{TEI}geo")
    assert luoyang is not None and len(luoyang.text.split()) == 2
    body_text = "".join(tree.find(f".//{TEI}body").itertext())
    assert "<script>alert(1)</script>" in body_text  # text, not markup


def test_committed_corpus_tei_validates(tei_schema: Any) -> None:
    valid, log = tei_schema.validate(ROOT / "outputs" / "tei" / "song_jin_wars.xml")
    assert valid, log


def _mark(start: int, end: int, label: str = "PERSON") -> EntityRow:
    return EntityRow("d", 1, start, end, "x", label, "x", "gazetteer")


def test_nested_marks_keep_nesting_and_drop_crossing() -> None:
    text = "abcdefghij\nklmno"
    date = DateRow("d", 1, 0, 6, "abcdef", "explicit")
    marks = nested_marks([_mark(2, 4), _mark(5, 8), _mark(0, 6, "POLITY"), _mark(9, 12)],
                         [date], text)
    assert [(m.start, m.end, m.kind) for m in marks] == [(0, 6, "date"), (2, 4, "PERSON")]


def test_datapackage_validates_with_frictionless(run_dir: tuple[Path, api.RunResult]) -> None:
    out, result = run_dir
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert {r["path"] for r in package["resources"]} == {n for n, _, _ in result.tables()}
    provenance = package["chronicle"]
    assert provenance["model"] == api.DEFAULT_MODEL and len(provenance["gazetteer_sha256"]) == 64
    assert provenance["inputs"][0]["sha256"] == result.documents[0].document.sha256


def test_every_column_is_described(run_dir: tuple[Path, api.RunResult]) -> None:
    _, result = run_dir
    missing = [(name, column) for name, kind, _ in result.tables()
               for column in columns(kind) if not describe(name.removesuffix(".csv"), column)]
    assert missing == []


def test_report_is_self_contained_and_escapes_text(run_dir: tuple[Path, api.RunResult]) -> None:
    out, result = run_dir
    page = (out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)  # nothing fetched but tiles
    assert "L.circleMarker" in page and "<script>alert(1)</script>" not in page
    data = json.loads(re.search(r'id="events-data">(.*?)</script>', page, re.S).group(1))
    assert len(data) == sum(1 for e in _events(result) if e.latitude is not None) >= 1
    marks = re.findall(r'<mark class="(ent person|ent place|date)"', page)
    assert {"ent person", "ent place", "date"} <= set(marks)


def test_timeline_png_and_formats_option(tmp_path: Path, blank_model: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("Nothing happened here.", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["run", str(tmp_path / "a.txt"), "--out", str(out), "--model", str(blank_model),
                 "--quiet", "--formats", "timeline,geojson"])
    assert code == 0
    written = sorted(p.name for p in out.iterdir() if not p.name.endswith(".csv"))
    assert written == ["events.geojson", "places.geojson", "timeline.png"]
    assert (out / "timeline.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    capsys.readouterr()
    code = main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"), "--quiet",
                 "--formats", "map,tei"])
    assert code == 2
    assert capsys.readouterr().err.strip().startswith("chronicle: error: unknown output format")
    assert not (tmp_path / "o2").exists()


def test_formats_none_writes_tables_only(tmp_path: Path, blank_model: Path) -> None:
    (tmp_path / "a.txt").write_text("Nothing happened here.", encoding="utf-8")
    code = main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--model",
                 str(blank_model), "--quiet", "--formats", "none"])
    assert code == 0
    assert all(p.suffix == ".csv" for p in (tmp_path / "out").iterdir())
    with (tmp_path / "out" / "documents.csv").open(encoding="utf-8") as handle:
        assert next(csv.DictReader(handle))["status"] == "ok"


def test_parse_formats() -> None:
    assert exports.parse_formats("all") == exports.ALL_FORMATS
    assert exports.parse_formats("TEI, report") == ("report", "tei")
    assert exports.parse_formats("none") == ()


def test_parse_formats_refuses_an_empty_list() -> None:
    for text in ("", " , "):
        with pytest.raises(ChronicleError, match="empty output format list"):
            exports.parse_formats(text)


def test_exports_get_the_usual_permissions(run_dir: tuple[Path, api.RunResult]) -> None:
    out, _ = run_dir
    mask = os.umask(0)
    os.umask(mask)
    for name in ("report.html", "timeline.png", "tei/han.xml", "datapackage.json"):
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o666 & ~mask, name


def test_column_descriptions_are_whole() -> None:
    """Every row of columns.csv has three fields (a stray quote once cut a description short)."""
    from pipeline.exports.datapackage import column_descriptions

    column_descriptions.cache_clear()
    found = column_descriptions()
    assert "Kublai ordered Bayan to invade" in found[("events", "actor2_source")]
    assert found[("events", "actor1_source")].endswith("the person named on the line).")
