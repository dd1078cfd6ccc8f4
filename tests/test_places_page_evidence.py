"""Homonyms decided by the page's own evidence (places22, s13): the country whose count dates
the page, the text's gloss of a feature named after a place, the years a name was in use,
and a current city whose name ends like a gate. Invented sentences."""

from __future__ import annotations

from pipeline.places.abroad import dated_countries, settle_abroad
from pipeline.places.feature_gloss import reuse_feature_gloss
from pipeline.places.period import check_namesakes
from pipeline.places.within import city_part_key
from pipeline.records import PlaceRow

HANYANG_CN = PlaceRow("d", "Hanyang", province="Hubei", latitude=30.55224,
                      longitude=114.26899, coord_source="name:chgis-tgaz-2016:prefecture:hvd_1",
                      certainty="high")
KAIFENG = PlaceRow("d", "Kaifeng", province="Henan", latitude=34.798, longitude=114.3077,
                   coord_source="gazetteer:cpca-0.5.5:prefecture", certainty="high")


def test_dates_in_a_foreign_dynastys_count_name_its_country() -> None:
    assert dated_countries(["Joseon", "Joseon", "Ming", None]) == frozenset({"KR"})
    assert dated_countries(["Joseon", "Ming", "Ming"]) == frozenset()  # one date is no setting
    assert dated_countries(["Song", "Song", "Yuan"]) == frozenset()


def test_a_page_dated_in_korea_moves_a_namesake_even_beside_a_chinese_place() -> None:
    text = "News that Kaifeng had fallen reached Hanyang in the spring."
    mentions = {"Kaifeng": [text.index("Kaifeng")], "Hanyang": [text.index("Hanyang")]}
    rows, why = settle_abroad([KAIFENG, HANYANG_CN], mentions, text, frozenset({"KR"}))
    assert rows[1].latitude is not None and rows[1].latitude > 37 and rows[1].longitude > 126
    assert rows[1].certainty == "low" and "own count" in why[1] and rows[0] == KAIFENG
    rows, why = settle_abroad([KAIFENG, HANYANG_CN], mentions, text)  # no dates abroad
    assert rows == [KAIFENG, HANYANG_CN] and not why
    rows, why = settle_abroad([KAIFENG, HANYANG_CN], mentions, text, frozenset({"VN"}))
    assert rows == [KAIFENG, HANYANG_CN] and not why  # no Vietnamese Hanyang


def _row(name: str, lat: float, lon: float, source: str, certainty: str = "high") -> PlaceRow:
    return PlaceRow("d", name, province="X", latitude=lat, longitude=lon,
                    coord_source=source, certainty=certainty)


def test_a_bare_name_takes_the_point_of_its_glossed_feature() -> None:
    estuary = _row("Xiling Estuary", 30.15, 116.13, "gloss:cpca-0.5.5:county:near")
    far = _row("Xiling", 25.28, 110.29, "name:chgis-tgaz-2016:circuit:hvd_1")
    rows, why = reuse_feature_gloss([estuary, far])
    assert (rows[1].latitude, rows[1].certainty) == (30.15, "medium") and 1 in why
    assert rows[1].coord_source.endswith(":feature-gloss") and rows[0] == estuary
    near = _row("Xiling", 30.2, 116.2, "name:chgis-tgaz-2016:county:hvd_2")
    assert reuse_feature_gloss([estuary, near]) == ([estuary, near], {})
    by_name = _row("Xiling Estuary", 30.15, 116.13, "name:chgis-tgaz-2016:county:hvd_3")
    assert reuse_feature_gloss([by_name, far]) == ([by_name, far], {})  # no gloss: no evidence
    person = _row("Xiling Wang", 30.15, 116.13, "gloss:cpca-0.5.5:county")
    assert reuse_feature_gloss([person, far]) == ([person, far], {})  # not a place word


def test_a_current_name_whose_unit_ended_centuries_before_is_not_certain() -> None:
    """眉山縣 is in CHGIS 976-1282 only: "Meishan" in a text of 1644 may be another place."""
    text = "The emperor climbed Meishan north of the palace."
    rows = [PlaceRow("d", "Meishan", "Meishan", "", "Sichuan", 30.077, 103.8484,
                     "name:cpca-0.5.5:prefecture", "high", 1, 1644, 1644)]
    out, lowered, blanked = check_namesakes(rows, {"Meishan": [text.index("Meishan")]},
                                            lambda _o: 1644, text)
    assert out[0].certainty == "medium" and "until 1282" in lowered[0] and not blanked
    out, lowered, _ = check_namesakes(rows, {"Meishan": [text.index("Meishan")]},
                                      lambda _o: 1100, text)
    assert out == rows and not lowered  # in use then
    text = "The army split in two at Meishan, Sichuan, in the autumn."
    out, lowered, _ = check_namesakes(rows, {"Meishan": [text.index("Meishan")]},
                                      lambda _o: 1644, text)
    assert out == rows and not lowered  # the text writes the province beside it


def test_a_current_city_ending_in_men_is_no_gate() -> None:
    assert city_part_key("Xiamen") == "" and city_part_key("Jiangmen") == ""
    assert city_part_key("Xizhimen") == "xizhimen" and city_part_key("Xiamen Gate") != ""
