"""A place qualified by another country is not the Chinese place of that name."""

from pipeline.places.qualified import foreign_countries, qualifier_after, refuse_other_country
from pipeline.records import PlaceRow


def _row(place: str, source: str = "name:cpca-0.5.5:province") -> PlaceRow:
    return PlaceRow(doc_id="d", place=place, province="Henan", latitude=34.0, longitude=113.0,
                    coord_source=source, certainty="high", mentions=1)


def test_country_names_abroad():
    countries = foreign_countries()
    assert {"Vietnam", "Korea"} <= countries
    assert "China" not in countries


def test_qualifier_after_comma_or_in():
    countries = foreign_countries()
    text = "The garrison of Henan, Korea held out; Luoyang in Vietnam fell; Kaifeng, which fell"
    assert qualifier_after(text, text.index(",") , countries) == "Korea"
    assert qualifier_after(text, text.index(" in Vietnam"), countries) == "Vietnam"
    assert qualifier_after(text, text.index(", which"), countries) == ""


def test_refuse_chinese_point_for_a_place_abroad():
    text = "The envoy reached Henan, Korea, and later Kaifeng, the old capital."
    rows = [_row("Henan"), _row("Kaifeng")]
    mentions = {"Henan": [text.index("Henan")], "Kaifeng": [text.index("Kaifeng")]}
    ends = {o[0]: o[0] + len(p) for p, o in mentions.items()}
    out, why = refuse_other_country(rows, mentions, ends, text)
    assert out[0].latitude is None and out[0].certainty == ""
    assert "Korea" in why[0]
    assert out[1] == rows[1] and 1 not in why


def test_place_abroad_is_kept():
    text = "The army camped at Hue, Vietnam."
    rows = [_row("Hue", "world:geonames:1580240:city")]
    out, why = refuse_other_country(rows, {"Hue": [text.index("Hue")]}, {}, text)
    assert out == rows and not why


def test_hand_homonym_takes_the_one_province_the_document_names():
    from pipeline.places.base import Coordinate
    from pipeline.places.certainty import _hand_homonym

    hefei = Coordinate(31.82, 117.23, "cpca-0.5.5:prefecture", "prefecture", "Hefei", "Anhui")
    coord, _modern, province, _prefix = _hand_homonym(
        {"Luzhou"}, 960, "", hefei, "Hefei", "Anhui", "gazetteer", ["Shanxi", "Shanxi"])
    assert province == "Shanxi" and "the province the document names" in coord.basis
    # two named provinces with a seat each: no choice, the hand row's reading (a homonym)
    coord2, _m, province2, _p = _hand_homonym(
        {"Luzhou"}, 960, "", hefei, "Hefei", "Anhui", "gazetteer", ["Shanxi", "Henan"])
    assert province2 == "Anhui" and coord2.basis


def test_a_county_of_a_province_named_far_away_does_not_replace_a_prefecture():
    from pipeline.places.base import Coordinate
    from pipeline.places.certainty import _hand_homonym

    nanjing = Coordinate(32.06, 118.80, "cpca-0.5.5:prefecture", "prefecture", "Nanjing",
                         "Jiangsu")
    _coord, _m, province, _p = _hand_homonym(
        {"Nanjing"}, 1560, "", nanjing, "Nanjing", "Jiangsu", "gazetteer", ["Fujian"])
    assert province == "Jiangsu"  # 南靖縣 of Fujian is a county
