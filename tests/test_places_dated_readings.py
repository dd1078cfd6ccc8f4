"""Readings that follow the document's dates: a Wade–Giles spelling of a late-Qing seat is a
spelling of sounds before the Qing (every CHGIS unit of its pinyin, settled by the province
the text names)."""

from __future__ import annotations

from pipeline.places.base import GAZETTEER
from pipeline.places.historical import QING_START, geocode_historical, postal_units
from pipeline.places.rows import load_historical_places, place_rows_and_warnings
from pipeline.records import EntityRow


def _rows(text: str, year: int, *pairs: tuple[str, str]):
    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", c, "model")
            for w, c in pairs]
    rows, warnings = place_rows_and_warnings(
        ents, [], lambda o: year, load_historical_places(GAZETTEER / "places.csv"), text=text)
    return {r.place: r for r in rows}, warnings


def test_a_wade_giles_spelling_before_the_qing_reads_every_unit_of_its_sounds() -> None:
    # postal_places.csv knows "Yungchou" only as 永州府 (Hunan, the 1911 seat); in 1052 the
    # spelling may be 邕州 (Guangxi) as well
    units = {u.zh for u in postal_units("yungchou", 1052)}
    assert {"邕州", "永州"} <= units
    assert all(u.zh.startswith("永州") for u in postal_units("yungchou", QING_START + 100))
    assert geocode_historical("Yung-chou", 1052, "Guangxi").province == "Guangxi"
    assert geocode_historical("Yung-chou", 1052, "Hunan").province == "Hunan"
    assert geocode_historical("Yung-chou", 1052) is None  # two seats: the text must decide


def test_the_province_of_the_sentence_chooses_the_wade_giles_homonym() -> None:
    text = "The chief rebelled in Kuangsi, captured Yung-chou, and besieged the city."
    rows, _ = _rows(text, 1052, ("Kuangsi", "Guangxi"), ("Yung-chou", "Yongzhou"))
    assert rows["Yongzhou"].province == "Guangxi"
    text = "The prefect of Yung-chou in Hunan sent grain to the army."
    rows, _ = _rows(text, 1052, ("Yung-chou", "Yongzhou"), ("Hunan", "Hunan"))
    assert rows["Yongzhou"].province == "Hunan"


def test_a_hand_reading_follows_the_years_chgis_gives_it() -> None:
    # places.csv reads Lin'an as Hangzhou (臨安府, 1129-1277); in the 9th century the name was
    # the county's (臨安縣, 688-907)
    text = "He was buried in Lin'an, beside his father."
    rows, warnings = _rows(text, 878, ("Lin'an", "Lin'an"))
    row = rows["Lin'an"]
    assert abs(row.longitude - 119.72) < 0.05 and row.certainty == "medium"
    assert row.coord_source.endswith(":dated")
    assert any(w.code == "PLACE_HOMONYM_CHOSEN" and "臨安縣" in w.message for w in warnings)
    rows, _ = _rows(text, 1150, ("Lin'an", "Lin'an"))  # the Southern Song capital
    assert abs(rows["Lin'an"].longitude - 120.2) < 0.1
    rows, _ = _rows(text, 1127, ("Lin'an", "Lin'an"))  # named a little early: still the capital
    assert abs(rows["Lin'an"].longitude - 120.2) < 0.1


def test_a_current_name_a_region_and_another_spelling_are_no_dated_reading() -> None:
    text = "The Song generals took charge of the route of Beijing."
    rows, _ = _rows(text, 1233, ("Beijing", "Beijing"))  # not the Jin 北京路 of Inner Mongolia
    assert rows["Beijing"].province == "Beijing"
    text = "The armies of Jinghu marched north."  # a Song region: not the Yuan 荊湖行省
    rows, _ = _rows(text, 1217, ("Jinghu", "Jinghu"))
    assert ":dated" not in rows["Jinghu"].coord_source


def test_a_palace_of_the_place_tables_is_placed_near_its_capital() -> None:
    text = "Emperor Zhao passed away in the Weiyang Palace without an heir."
    rows, _ = _rows(text, -74, ("Weiyang Palace", "Weiyang Palace"))
    row = rows["Weiyang Palace"]
    assert abs(row.latitude - 34.3) < 0.1 and abs(row.longitude - 108.94) < 0.1
    assert row.coord_source.endswith(":near")  # events: geo_precision 2
    rows, _ = _rows(text, 1100, ("Weiyang Palace", "Weiyang Palace"))  # long gone: a guess
    assert rows["Weiyang Palace"].certainty in ("low", "")


def test_a_battle_site_before_the_chgis_layers() -> None:
    text = "Lian Po led the Zhao army to Changping and built walls."
    rows, _ = _rows(text, -259, ("Changping", "Changping"))
    assert rows["Changping"].province == "Shanxi" and abs(rows["Changping"].latitude - 35.8) < 0.1
