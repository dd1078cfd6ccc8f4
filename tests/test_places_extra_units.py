"""Units CHGIS lacks, kept by hand in gazetteer/historical_places_extra.csv at the CHGIS point
of their seat county: the Liao's 應州 (Yingzhou) and 寰州 (Huanzhou) of northern Shanxi
(fresh report 5: "Yingzhou and Huanzhou surrendered" in 986 were placed in Hebei and
Guangxi)."""

from __future__ import annotations

from pipeline.gazetteer_schema import SCHEMAS, validate_file
from pipeline.places.historical import EXTRA_FILE, _extra_lines, load_historical_units
from pipeline.places.rows import place_rows_and_warnings
from pipeline.records import EntityRow
from pipeline.resources import gazetteer_dir


def _rows(text: str, year: int, *words: str):
    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w, "model")
            for w in words]
    rows, warnings = place_rows_and_warnings(ents, [], lambda o: year, text=text)
    return {r.place: r for r in rows}, warnings


def test_the_extra_units_join_the_chgis_table():
    units = load_historical_units()
    ying = [u for u in units["yingzhou"] if u.zh == "應州" and u.province == "Shanxi"]
    assert sorted((u.start_year, u.end_year, u.tgaz_id) for u in ying) == [
        (926, 1729, "seat-hvd_95089"), (1730, 1911, "hvd_95090")]
    huan = [u for u in units["huanzhou"] if u.zh == "寰州"]
    assert len(huan) == 1 and huan[0].kind == "prefecture" and huan[0].end_year == 997


def test_liao_prefectures_of_shanxi_beside_their_neighbours():
    text = ("The Song army took Shuozhou. Then Pan Mei took Yunzhou, and Yingzhou and "
            "Huanzhou surrendered.")
    rows, warnings = _rows(text, 986, "Shuozhou", "Yunzhou", "Yingzhou", "Huanzhou")
    for name in ("Yingzhou", "Huanzhou"):
        row = rows[name]
        assert row.province == "Shanxi" and abs(row.latitude - 39.45) < 0.2, name
        assert row.certainty == "low"  # a homonym chosen by its neighbours: warned
        assert "seat-hvd_" in row.coord_source
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "應州" in w.message for w in warnings)


def test_a_song_yingzhou_stays_in_anhui():
    """潁州 of the Song (Anhui) is not moved north by the Liao row."""
    text = "Cai Jing was made governor of Yingzhou and transferred to Chengdu."
    rows, _ = _rows(text, 1085, "Yingzhou", "Chengdu")
    assert rows["Yingzhou"].province == "Anhui"


def test_the_file_and_its_schema(tmp_path):
    assert validate_file(gazetteer_dir() / EXTRA_FILE, SCHEMAS[EXTRA_FILE]) == 17
    assert len(_extra_lines(gazetteer_dir())) == 17
    assert _extra_lines(tmp_path) == []
