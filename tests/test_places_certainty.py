"""Certainty of place coordinates: homonyms chosen by context are medium and warned, a county
word after a name several counties bore gives no point without context."""

from __future__ import annotations

from pipeline.places import (
    find_place_glosses,
    geocode_name,
    place_rows_and_warnings,
    province_named,
)
from pipeline.records import DateRow, EntityRow


def _ent(text: str, name: str) -> EntityRow:
    start = text.index(name)
    return EntityRow("", -1, start, start + len(name), name, "PLACE", name, "gazetteer")


def test_county_word_after_an_ambiguous_name_gives_no_point_without_context() -> None:
    # 滑县 (Henan) today, 華縣 (Shaanxi) until 2015: "Hua County" alone is no place
    assert geocode_name("Hua County") is None
    assert geocode_name("Hua") is None
    henan = geocode_name("Hua County", "Henan")
    assert henan is not None and henan.province == "Henan" and "Henan" in henan.basis


def test_one_syllable_spelling_is_no_alias() -> None:
    # "Tai" is the joined Wade-Giles of 大邑 (Ta-i) but reads as the pinyin syllable tai
    assert geocode_name("Tai County") is None


def test_unique_name_has_no_basis() -> None:
    coord = geocode_name("Chengdu")
    assert coord is not None and coord.basis == ""


def test_old_province_spellings() -> None:
    assert province_named("Hoo-nan") == "Hunan"
    assert province_named("Keang-se") == "Jiangxi"


def test_certainty_column_and_warnings() -> None:
    text = ("Troops left Chengdu. They camped at Taizhou in Zhejiang. Then they went to "
            "Hua County. A Gloss: Xijing (now Datong, Shanxi).")
    entities = [_ent(text, n) for n in ("Chengdu", "Taizhou", "Zhejiang", "Hua County",
                                        "Xijing")]
    rows, warnings = place_rows_and_warnings(entities, find_place_glosses(text), [],
                                             text=text)
    by_name = {r.place: r for r in rows}
    assert by_name["Chengdu"].certainty == "high"
    assert by_name["Xijing"].certainty == "high"  # the text's own gloss
    taizhou = by_name["Taizhou"]  # 台州 (Zhejiang) and 泰州 (Jiangsu): the province decides
    assert taizhou.certainty == "medium" and taizhou.province == "Zhejiang"
    hua = by_name["Hua County"]
    assert hua.latitude is None and hua.certainty == ""
    assert [(w.code, text[w.start:w.end]) for w in warnings] == [
        ("PLACE_HOMONYM_CHOSEN", "Taizhou")]
    assert "Zhejiang" in warnings[0].message


def test_distance_gloss() -> None:
    text = ("His hometown is Wang Bo Village, 2 kilometers south of Chenggu County, Hanzhong "
            "City, Shaanxi Province. Xiangyang, 100 li north of Jiangling, held out.")
    (gloss,) = find_place_glosses(text)  # Xiangyang is placed by its own name
    assert (gloss.place, gloss.modern, gloss.relation, gloss.province) == (
        "Wang Bo Village", "Chenggu County", "south of", "Shaanxi")
    (row,), _ = place_rows_and_warnings([_ent(text, "Wang Bo Village")], [gloss], [],
                                        text=text)
    assert row.coord_source == "gloss:cpca-0.5.5:county:near" and row.certainty == "high"
    assert (row.latitude, row.longitude) == (33.1571, 107.3339)


def test_current_name_of_a_name_several_units_bore_that_year_is_medium() -> None:
    # 1085: 瀛州 (Hebei), 潁州 (Anhui, today's Yingzhou district), 郢州, 英州 ... were all
    # "Yingzhou": the current district is one of them, not certainly the one meant
    text = "In 1085 he was made governor of Yingzhou."
    dates = [DateRow("", -1, 3, 7, "1085", "gregorian", year=1085)]
    (row,), (warning,) = place_rows_and_warnings([_ent(text, "Yingzhou")], [], dates,
                                                 text=text)
    assert row.certainty == "medium" and warning.code == "PLACE_HOMONYM_CHOSEN"
    assert "1085" in warning.message


def test_taiwan_town_across_the_strait_is_a_low_guess() -> None:
    # GeoNames' Zhubei (竹北): no CHGIS unit bears the name; the only other place is Quanzhou
    text = "Settlers came from Quanzhou in 1793 and built a fort at Zhubei."
    dates = [DateRow("", -1, 32, 36, "1793", "gregorian", year=1793)]
    rows, _ = place_rows_and_warnings([_ent(text, "Quanzhou"), _ent(text, "Zhubei")], [],
                                      dates, text=text)
    zhubei = rows[1]
    assert zhubei.coord_source.startswith("world:geonames") and zhubei.certainty == "low"


def test_hand_gazetteer_row_with_homonyms_that_year_is_medium(resources) -> None:
    """places.csv's Huaxian is 滑縣 (Henan); in 1851 CHGIS also has 花縣 (Guangdong), so the
    hand row is one reading among two: medium and warned. In 1127 it was the only seat."""
    text = "In that year the rebels took Huaxian."
    entities = [_ent(text, "Huaxian")]
    for year, certainty in ((1851, "medium"), (1127, "high")):
        rows, warnings = place_rows_and_warnings(
            entities, [], lambda _offset, y=year: y, resources.historical_places, text=text)
        assert [(r.place, r.province, r.certainty) for r in rows] == [
            ("Huaxian", "Henan", certainty)]
        assert [w.code for w in warnings] == (
            ["PLACE_HOMONYM_CHOSEN"] if certainty == "medium" else [])
    rows, _ = place_rows_and_warnings(  # the province written beside it picks the other seat
        entities, [], lambda _offset: 1851, resources.historical_places,
        text="In that year the rebels took Huaxian, Guangdong.")
    assert [(r.province, round(r.latitude)) for r in rows] == [("Guangdong", 24)]


def test_conventional_spelling_is_no_homonym(resources) -> None:
    """"Canton" names 廣州 only; CHGIS's 光州 shares the pinyin "Guangzhou", not the spelling."""
    for written, certainty in (("Canton", "high"), ("Guangzhou", "medium")):
        text = f"In that year the fleet reached {written}."
        start = text.index(written)
        entity = EntityRow("", -1, start, start + len(written), written, "PLACE", "Guangzhou",
                           "gazetteer")
        rows, _ = place_rows_and_warnings([entity], [], lambda _offset: 1851,
                                          resources.historical_places, text=text)
        assert [(r.place, r.province, r.certainty) for r in rows] == [
            ("Guangzhou", "Guangdong", certainty)]


def test_wade_giles_spelling_is_read_as_pinyin_for_homonyms(resources) -> None:
    text = "In that year the rebels took Hua-hsien."  # 花縣 or 滑縣 in 1851
    start = text.index("Hua-hsien")
    entity = EntityRow("", -1, start, start + 9, "Hua-hsien", "PLACE", "Huaxian", "gazetteer")
    rows, warnings = place_rows_and_warnings([entity], [], lambda _offset: 1851,
                                             resources.historical_places, text=text)
    assert [r.certainty for r in rows] == ["medium"]
    assert [w.code for w in warnings] == ["PLACE_HOMONYM_CHOSEN"]
