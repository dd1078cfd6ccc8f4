"""A place mention read by the words around it: the province or city written beside it picks
among homonyms, a feature word after it makes another feature, a bare unit word is no place,
a direction word before a province is a part of it."""

from __future__ import annotations

from pipeline.places import (
    build_place_rows,
    load_historical_places,
    load_modern_places,
    places_beside,
    read_place_words,
)
from pipeline.places.context import name_part, strip_qualifier
from pipeline.places.geocode import geocode_historical, geocode_name
from pipeline.records import EntityRow
from pipeline.resources import gazetteer_dir


def _ent(text: str, word: str, canonical: str | None = None, label: str = "PLACE"
         ) -> EntityRow:
    start = text.index(word)
    return EntityRow("d", -1, start, start + len(word), word, label, canonical or word,
                     "gazetteer")


def _rows(text: str, ents: list[EntityRow], year: int):
    historical = load_historical_places(gazetteer_dir() / "places.csv")
    return {r.place: r for r in build_place_rows(ents, [], lambda o: year, historical,
                                                 index=load_modern_places(), text=text)}


def test_province_after_a_gazetteer_name_picks_the_homonym_of_that_province() -> None:
    text = "He offered sacrifices in Hua County, Guangdong Province, and went to Guangxi."
    ents = [_ent(text, "Hua County", "Huaxian"), _ent(text, "Guangdong Province"),
            _ent(text, "Guangxi")]
    row = _rows(text, ents, 1843)["Huaxian"]
    assert row.province == "Guangdong"
    assert 23 < row.latitude < 24 and 113 < row.longitude < 114  # 花縣, not Henan's 滑縣
    assert "chgis" in row.coord_source


def test_without_a_province_beside_it_the_gazetteer_row_stands() -> None:
    text = "In 1130 the army camped at Hua County and then moved on."
    row = _rows(text, [_ent(text, "Hua County", "Huaxian")], 1130)["Huaxian"]
    assert row.province == "Henan" and row.coord_source.startswith("gazetteer:")


def test_province_in_brackets_or_after_in_is_read_as_beside() -> None:
    for text in ("He lived at Xinjian (Jiangxi) for years.", "He lived at Xinjian in Jiangxi."):
        b = places_beside(text, load_modern_places())(text.index("Xinjian"),
                                                      text.index("Xinjian") + 7)
        assert (b.province, b.apposition) == ("Jiangxi", True)


def test_city_after_a_county_is_its_container_but_a_city_after_a_city_is_a_list() -> None:
    index = load_modern_places()
    text = "He was born in Xinjian County, Nanchang, in 1950."
    b = places_beside(text, index)(text.index("Xinjian"), text.index(","))
    assert b.province == "Jiangxi" and b.prefecture == "3601"
    text = "They recovered Zhengzhou, Chenzhou and other places."
    b = places_beside(text, index)(text.index("Zhengzhou"), text.index(","))
    assert not b.apposition


def test_province_named_elsewhere_in_the_sentence_is_a_weaker_hint() -> None:
    text = "Guangdong sent troops to Qingyuan. Guangxi did not."
    ents = [_ent(text, "Guangdong"), _ent(text, "Qingyuan"), _ent(text, "Guangxi")]
    b = places_beside(text, None, ents)(text.index("Qingyuan"), text.index("Qingyuan") + 8)
    assert (b.province, b.apposition) == ("Guangdong", False)


def test_prefecture_written_beside_a_county_filters_current_counties() -> None:
    index = load_modern_places()
    xinjian = [p for p in index.by_key["xinjian"]]
    assert xinjian  # cpca has 新建区 of Nanchang
    coord = geocode_name("Xinjian", None, index=index, prefecture="3601")
    assert coord is not None and coord.province == "Jiangxi"


def test_feature_word_after_a_place_makes_another_feature() -> None:
    text = "The park lies south of Chang'an Street in the capital."
    out = read_place_words([_ent(text, "Chang'an")], text)
    assert (out[0].text, out[0].canonical) == ("Chang'an Street", "Chang'an Street")
    rows = _rows(text, out, 1276)
    assert rows["Chang'an Street"].latitude is None  # not Xi'an's coordinates


def test_feature_word_already_inside_the_mention_or_an_entity_after_it_is_kept() -> None:
    text = "They crossed Tong Pass Bridge."
    ents = [_ent(text, "Tong Pass")]
    assert read_place_words(ents, text)[0].text == "Tong Pass"
    text = "Kaifeng Palace guards"
    ents = [_ent(text, "Kaifeng"), _ent(text, "Palace", label="PERSON")]
    assert read_place_words(ents, text)[0].text == "Kaifeng"


def test_a_bare_administrative_word_is_no_place() -> None:
    text = "the Edzina aimak, the Autonomous Region of Inner Mongolia"
    ents = [_ent(text, "Autonomous Region"), _ent(text, "Inner Mongolia")]
    assert [e.text for e in read_place_words(ents, text)] == ["Inner Mongolia"]
    assert name_part("the Autonomous Region") == ""
    assert name_part("Guangdong Province") == "Guangdong"


def test_a_pinyin_unit_word_is_a_place_only_when_a_gazetteer_knows_it() -> None:
    text = "Thorn Shi County Order its Duties, and Xi County sent grain."
    ents = [_ent(text, "Shi County"), _ent(text, "Xi County")]
    out = read_place_words(ents, text, lambda name, start: False)
    assert [e.text for e in out] == ["Xi County"]  # "xi" is no unit word
    out = read_place_words(ents, text, lambda name, start: True)
    assert [e.text for e in out] == ["Shi County", "Xi County"]


def test_direction_word_before_a_province_gives_the_province_as_a_region_guess() -> None:
    assert strip_qualifier("Eastern Liaoning Province") == "Liaoning Province"
    assert strip_qualifier("Western") == "Western"
    text = "He pacified the Eastern Liaoning Province."
    row = _rows(text, [_ent(text, "Eastern Liaoning Province")], 1580)[
        "Eastern Liaoning Province"]
    assert row.province == "Liaoning" and row.coord_source.endswith(":qualified:region")


def test_strict_province_refuses_units_of_other_provinces() -> None:
    assert geocode_historical("Huaxian", 1843, "Guangdong") is not None
    assert geocode_historical("Huaxian", 1843, "Yunnan", strict=True) is None


def test_names_made_only_of_generic_words_are_no_places_and_cut_words_are_widened() -> None:
    text = "the Fort and the Lower Valley; the movement in Hoo-nan grew."
    ents = [_ent(text, "Fort"), _ent(text, "Lower Valley"), _ent(text, "Hoo")]
    out = read_place_words(ents, text)
    assert [(e.text, e.canonical) for e in out] == [("Hoo-nan", "Hoo-nan")]


def test_capital_periods_cite_chgis_units_of_that_name_and_years() -> None:
    import csv
    import re
    units = {}
    with (gazetteer_dir() / "historical_places.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            units[row["tgaz_id"]] = row
    with (gazetteer_dir() / "capital_periods.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["source"] for r in rows)
    for row in rows:
        ids = re.findall(r"hvd_\d+", row["source"])
        assert ids or "hand unchecked" in row["source"]
        for tgaz in ids:
            unit = units[tgaz]
            assert unit["name"] in row["alias"].split("|")
            assert int(unit["start_year"]) <= int(row["end_year"])
            assert int(unit["end_year"]) >= int(row["start_year"])


def test_postal_chow_is_read_as_wade_giles_chou_within_the_province_named() -> None:
    coord = geocode_name("Fuchow", "Jiangxi")
    assert coord is not None and coord.province == "Jiangxi"  # 撫州, not Fujian's 福州
    coord = geocode_name("Fuchow")
    assert coord is not None and coord.province == "Fujian"  # the postal name itself


def test_a_province_elsewhere_in_the_sentence_only_steers() -> None:
    text = "Zhejiang was quiet. Guangdong merchants came to Yingzhou to trade."
    ents = [_ent(text, "Zhejiang"), _ent(text, "Guangdong"), _ent(text, "Yingzhou")]
    historical = load_historical_places(gazetteer_dir() / "places.csv")
    rows = {r.place: r for r in build_place_rows(ents, [], lambda o: None, historical,
                                                 index=load_modern_places(), text=text)}
    alone = {r.place: r for r in build_place_rows(ents[2:], [], lambda o: None, historical,
                                                  index=load_modern_places(), text=text)}
    assert rows["Yingzhou"].coord_source == alone["Yingzhou"].coord_source
    assert "outside-hint" not in rows["Yingzhou"].coord_source


def test_a_feature_word_the_name_already_says_is_no_other_feature() -> None:
    text = "The army held Tongguan Pass for a year."
    assert read_place_words([_ent(text, "Tongguan")], text)[0].canonical == "Tongguan"


def test_events_take_the_place_rows_point_for_a_name_with_a_province_beside_it(
        resources) -> None:
    from pipeline.document import process_text
    text = ("In the first year of Xuande (1426), Zhu Gaoxu rebelled at Le'an in Shandong "
            "province, and the emperor led the army against him.")
    result = process_text(text, "d", resources)
    place = next(p for p in result.places if p.place == "Le'an")
    assert place.province == "Shandong" and place.latitude is not None
    events = [e for e in result.events if e.place == "Le'an"]
    assert events and all((e.latitude, e.longitude) == (place.latitude, place.longitude)
                          for e in events)
