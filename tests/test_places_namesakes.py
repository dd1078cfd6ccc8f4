"""A place the first pass put at its current namesake, far from the text's other places, is
moved to the CHGIS unit of that name nearest them (pipeline/places/homonyms.py), as a guess."""

from __future__ import annotations

from pipeline.places.homonyms import settle_homonyms
from pipeline.records import PlaceRow

TEXT = "The rebels besieged Kweilin and the prophet was killed at Ch'uan-chou that year."


def _rows(lat: float, lon: float) -> tuple[list[PlaceRow], dict[str, list[int]]]:
    rows = [PlaceRow("d", "Kweilin", "", "", "Guangxi", 25.28, 110.29,
                     "name:chgis-tgaz-2016:prefecture:hvd_35439", "high", 1, 1852, 1852),
            PlaceRow("d", "Ch'uan-chou", "Quanzhou", "", "Fujian", lat, lon,
                     "name:cpca-0.5.5:prefecture", "medium", 1, 1852, 1852)]
    return rows, {"Kweilin": [TEXT.index("Kweilin")], "Ch'uan-chou": [TEXT.index("Ch'uan")]}


def test_a_far_current_namesake_gives_way_to_the_near_unit() -> None:
    rows, mentions = _rows(24.87, 118.68)  # 泉州, Fujian: 8 degrees from Guilin
    out, why = settle_homonyms(rows, mentions, lambda _o: 1852, TEXT, {})
    moved = out[1]
    assert moved.province == "Guangxi" and moved.certainty == "low"
    assert moved.coord_source.endswith(("nearest", "nearest:prefecture"))
    assert "全州" in why[1] and out[0] == rows[0]


def test_a_namesake_near_the_other_places_stays() -> None:
    rows, mentions = _rows(25.93, 111.07)  # already at 全州
    out, why = settle_homonyms(rows, mentions, lambda _o: 1852, TEXT, {})
    assert out == rows and not why


def test_a_province_gloss_does_not_override_a_known_site(resources) -> None:
    from pipeline import api

    text = "In 1256 Kublai built Kaiping (later called Shangdu, in today's Inner Mongolia)."
    rows = api.process_text(text, "t", resources).places
    shangdu = next(r for r in rows if r.place == "Shangdu")
    # the ruins in Zhenglan Banner (places.csv), not the province's capital Hohhot
    assert shangdu.province == "Inner Mongolia" and shangdu.longitude > 115


def test_a_capital_of_taiwan_is_placed_but_not_its_pinyin_towns() -> None:
    from pipeline.places.world import geocode_world

    taipei = geocode_world("Taipei")
    assert taipei is not None and 24.5 < taipei.latitude < 25.5 and taipei.country == "TW"
    # a Taiwanese town named in pinyin is a homonym of mainland places: not without context
    assert geocode_world("Xizhou") is None


def test_near_a_city_chooses_the_homonym_of_its_province(resources) -> None:
    from pipeline import api

    # no date before the mention: the text's year; "near Canton": Guangdong's 花縣, not 滑縣
    text = "Hung (1814-1864), a Hakka from Hua-hsien near Canton, failed the examinations in 1837."
    rows = api.process_text(text, "t", resources).places
    hua = next(r for r in rows if r.place == "Huaxian")
    assert hua.province == "Guangdong" and hua.certainty == "medium"


def test_a_current_city_chgis_knows_only_centuries_later_is_no_han_pass() -> None:
    """Fresh report 6 (#35): "The Chanyu entered the Wuzhou pass" (133 BC) near Mayi: 梧州 of
    Guangxi is in CHGIS from 621 only and lies 16 degrees from Mayi: no coordinates."""
    from pipeline.places.period import check_namesakes

    text = "Troops lay in ambush near Mayi. The Chanyu entered the Wuzhou pass and withdrew."
    rows = [PlaceRow("d", "Mayi", "", "", "Shanxi", 39.33, 112.43,
                     "name:chgis-tgaz-2016:county:hvd_95533", "high", 1, -132, -132),
            PlaceRow("d", "Wuzhou", "Wuzhou", "", "Guangxi", 23.48, 111.28,
                     "name:cpca-0.5.5:prefecture", "medium", 1, -132, -132)]
    mentions = {"Mayi": [text.index("Mayi")], "Wuzhou": [text.index("Wuzhou")]}
    out, lowered, blanked = check_namesakes(rows, mentions, lambda _o: -132, text)
    assert out[1].latitude is None and "16 degrees" in blanked[1] and out[0] == rows[0]


def test_a_current_county_chgis_knows_only_after_the_year_is_no_certain_pick() -> None:
    """A current county CHGIS dates a few decades after the text's year (垣曲 from 960, a
    rising of 874 "at Yuanqu"): within the period's slack, but no proof: medium, warned."""
    from pipeline.places.period import check_namesakes

    text = "In that year the salt smugglers rose at Yuanqu and took the county."
    rows = [PlaceRow("d", "Yuanqu", "Yuanqu", "", "Shanxi", 35.2974, 111.6701,
                     "name:cpca-0.5.5:county", "high", 1, 874, 874)]
    out, lowered, blanked = check_namesakes(rows, {"Yuanqu": [text.index("Yuanqu")]},
                                            lambda _o: 874, text)
    assert out[0].certainty == "medium" and "only from 960" in lowered[0] and not blanked
    out, lowered, _ = check_namesakes(rows, {"Yuanqu": [text.index("Yuanqu")]},
                                      lambda _o: 1000, text)
    assert out == rows and not lowered
