"""Homonyms settled by the text's context (pipeline/places/abroad.py, homonyms.py): a town
abroad among places abroad, a unit of a neighbouring period beside the sentence's places for
a name left blank, the seat in a province the paragraph names. Short invented rows; the
CHGIS and GeoNames tables of the bundled gazetteer."""

from __future__ import annotations

from pipeline.places.abroad import settle_abroad
from pipeline.places.homonyms import settle_homonyms
from pipeline.records import PlaceRow


def _mentions(text: str, *names: str) -> dict[str, list[int]]:
    return {n: [text.index(n)] for n in names}


PYONGYANG = PlaceRow("d", "Pyongyang", latitude=39.0339, longitude=125.7543,
                     coord_source="world:geonames-cc-by-4.0:1871859:city", certainty="high")
ANDONG_CN = PlaceRow("d", "Andong", province="Jiangsu", latitude=33.76637, longitude=119.26123,
                     coord_source="name:chgis-tgaz-2016:prefecture:hvd_42923", certainty="high")
KAIFENG = PlaceRow("d", "Kaifeng", province="Henan", latitude=34.798, longitude=114.3077,
                   coord_source="gazetteer:cpca-0.5.5:prefecture", certainty="high")


def test_a_chinese_namesake_among_places_abroad_moves_abroad() -> None:
    text = "The rebels took Pyongyang, and the king fled south to Andong."
    rows, why = settle_abroad([PYONGYANG, ANDONG_CN], _mentions(text, "Pyongyang", "Andong"),
                              text)
    assert (rows[1].latitude, rows[1].certainty) == (36.5664, "low")
    assert rows[1].coord_source.endswith(":abroad-context") and 1 in why


def test_a_chinese_namesake_beside_a_chinese_place_stays() -> None:
    text = "The rebels took Pyongyang.\n\nThe court left Kaifeng for Andong."
    rows, why = settle_abroad([PYONGYANG, KAIFENG, ANDONG_CN],
                              _mentions(text, "Pyongyang", "Kaifeng", "Andong"), text)
    assert rows[2] == ANDONG_CN and not why
    rows, why = settle_abroad([ANDONG_CN], _mentions(text, "Andong"), text)
    assert rows == [ANDONG_CN] and not why  # nothing else located: no evidence


def test_a_blank_name_takes_the_unit_of_a_neighbouring_period_beside_its_sentence() -> None:
    woyang = PlaceRow("d", "Woyang", province="Anhui", latitude=33.26864, longitude=116.55575,
                      coord_source="name:chgis-tgaz-2016:county:hvd_43369", certainty="high")
    text = "Routed at Woyang, the rebel fled to Shouyang. Later he went to Shouyang again."
    blank = PlaceRow("d", "Shouyang")
    rows, why = settle_homonyms([woyang, blank], _mentions(text, "Woyang", "Shouyang"),
                                lambda _o: 548, text)
    assert rows[1].province == "Anhui" and rows[1].certainty == "low" and 1 in why
    alone = "The rebel fled to Shouyang."
    rows, why = settle_homonyms([blank], _mentions(alone, "Shouyang"), lambda _o: 548, alone)
    assert rows == [blank] and not why


def test_a_one_seat_pick_outside_the_provinces_the_paragraph_names_moves_into_them() -> None:
    sichuan = PlaceRow("d", "Changyuan", province="Sichuan", latitude=29.40176,
                       longitude=105.56419, coord_source="name:chgis-tgaz-2016:county:hvd_44711",
                       certainty="high")
    henan = PlaceRow("d", "Henan", province="Henan", latitude=34.7659, longitude=113.7534,
                     coord_source="name:cpca-0.5.5:province", certainty="high")
    text = "In 874 the bandits rose at Changyuan and plundered Henan for three years."
    rows, why = settle_homonyms([sichuan, henan], _mentions(text, "Changyuan", "Henan"),
                                lambda _o: 874, text)
    assert rows[0].province == "Henan" and rows[0].certainty == "low" and 0 in why
    text = "In 874 the bandits rose at Changyuan and plundered Henan and Sichuan."
    sichuan_p = PlaceRow("d", "Sichuan", province="Sichuan", latitude=30.65, longitude=104.07,
                         coord_source="name:cpca-0.5.5:province", certainty="high")
    rows, _ = settle_homonyms([sichuan, henan, sichuan_p],
                              _mentions(text, "Changyuan", "Henan", "Sichuan"),
                              lambda _o: 874, text)
    assert rows[0].province == "Sichuan"  # the province of the seat in use is named


def test_a_pinyin_canonical_no_table_reads_is_located_by_its_written_spelling() -> None:
    from pipeline.places.rows import place_rows_and_warnings
    from pipeline.records import EntityRow

    text = "In 1854 the army passed through Su-sung, took Chien-shan and T'ai-hu."
    rows = []
    for written, canonical in (("Su-sung", "Susong"), ("T'ai-hu", "Taihu"),
                               ("Chien-shan", "Jianshan")):
        s = text.index(written)
        rows.append(EntityRow("d", 0, s, s + len(written), written, "PLACE", canonical,
                              "model"))
    places, _ = place_rows_and_warnings(rows, [], lambda _o: 1854, text=text)
    got = {p.place: p for p in places}
    assert got["Jianshan"].province == "Anhui" and got["Jianshan"].certainty == "low"


def test_a_gloss_naming_a_city_abroad_places_the_name_there() -> None:
    from pipeline.places.base import PlaceGloss
    from pipeline.places.modern import geocode_gloss

    gloss = PlaceGloss(place="Thang Long", modern="Hanoi", relation="at", province="",
                       start=0, end=10, gloss_start=11, gloss_end=30)
    coord = geocode_gloss(gloss)
    assert coord is not None and abs(coord.latitude - 21.0) < 0.5 and coord.precision == "city"
