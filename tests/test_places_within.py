"""Guards (衛), parts of cities, circuits named after a place, current homonyms near the other
places, Qing sub-prefectures, border towns: short inputs written for these tests."""

from __future__ import annotations

import math
from dataclasses import replace

from pipeline.places import find_place_glosses, geocode_historical, place_rows_and_warnings
from pipeline.places.garrison import garrison_parts, garrison_units
from pipeline.places.geocode import HistoricalUnit, geocode_world
from pipeline.places.locate import nearest_current
from pipeline.places.within import city_part_key, place_within
from pipeline.records import EntityRow, PlaceRow


def _ent(text: str, name: str, canonical: str = "", nth: int = 0) -> EntityRow:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntityRow("", -1, start, start + len(name), name, "PLACE", canonical or name,
                     "gazetteer")


def _rows(text: str, names: list[str], year: int | None = None,
          historical=None):  # type: ignore[no-untyped-def]
    entities = [_ent(text, n) for n in names]
    return place_rows_and_warnings(entities, find_place_glosses(text), lambda _o: year,
                                   historical, text=text)


def test_guard_names_are_read_with_their_side() -> None:
    assert garrison_parts("Wei-hai-wei") == ("Wei-hai", "", "衛")
    assert garrison_parts("Weihaiwei") == ("Weihai", "", "衛")
    assert garrison_parts("Datong Left Guard") == ("Datong", "zuo", "衛")
    assert garrison_parts("Datong Zuowei") == ("Datong", "zuo", "衛")
    assert garrison_parts("Datong") is None
    assert garrison_parts("Guard") is None


def test_guard_is_only_a_unit_written_with_wei() -> None:
    table = {
        "anle": (HistoricalUnit("Anle", "安樂縣", "county", "X", 30.0, 110.0, 1, 2000, "a"),),
        "anlezuo": (HistoricalUnit("Anlezuo", "安樂左衛", "military garrison", "Y", 40.0,
                                   120.0, 1400, 1600, "b"),),
    }
    assert [u.tgaz_id for u in garrison_units("Anle Left Wei", table)] == ["b"]
    assert garrison_units("Anle Wei", table) == ()  # the county 安樂縣 is no guard


def test_weihaiwei_is_the_ming_guard_and_a_guard_chgis_lacks_stays_blank() -> None:
    coord = geocode_historical("Wei-hai-wei")
    assert coord is not None and coord.matched == "Weihai"
    assert abs(coord.latitude - 37.5) < 0.1 and abs(coord.longitude - 122.1) < 0.1
    assert geocode_historical("Wei-hai-wei", 1898) is None  # the guard's years are 1398-1733
    assert geocode_historical("Jianzhou Left Wei") is None  # not 建州 of Fujian


def test_guard_outside_its_years_is_a_warned_guess() -> None:
    text = "In 1898 Britain leased Wei-hai-wei."
    rows, warnings = _rows(text, ["Wei-hai-wei"], 1898)
    (row,) = rows
    assert row.latitude is not None and row.certainty == "low"
    assert "other-years" in row.coord_source
    assert [w.code for w in warnings] == ["PLACE_COORDINATE_GUESSED"]


def test_city_part_keys() -> None:
    assert city_part_key("Xuanwu Gate") == city_part_key("Xuanwumen") == "xuanwumen"
    assert city_part_key("Xuanwumen Guard") == "xuanwumen"
    assert city_part_key("Chang'an Street") == "changanjie"
    assert city_part_key("Chengdu") == ""
    assert city_part_key("Men") == ""  # no name before the ending


def test_gate_is_put_at_the_city_named_nearest_it(resources) -> None:  # type: ignore[no-untyped-def]
    text = ("Troops came from Taiyuan and much later, after a long and weary march, "
            "camped in Luoyang by the Anxi Gate. Then they left.")
    rows, warnings = _rows(text, ["Taiyuan", "Luoyang", "Anxi Gate"], 900,
                   historical=resources.historical_places)
    gate = {r.place: r for r in rows}["Anxi Gate"]
    luoyang = {r.place: r for r in rows}["Luoyang"]
    assert (gate.latitude, gate.longitude) == (luoyang.latitude, luoyang.longitude)
    assert gate.certainty == "low" and gate.relation == "in"
    assert gate.coord_source.startswith("within:") and gate.coord_source.endswith(":city-part")
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "Luoyang" in w.message
               for w in warnings)


def test_street_named_after_another_city_is_in_the_city_of_the_text(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Beijing grew. Later the road ran south of today's Chang'an Street."
    rows, _ = _rows(text, ["Beijing", "Chang'an Street"],
                   historical=resources.historical_places)
    street = {r.place: r for r in rows}["Chang'an Street"]
    assert street.latitude is not None and abs(street.latitude - 39.9) < 0.2  # not Xi'an


def test_gate_between_two_cities_at_the_same_distance_stays_blank(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Between Taiyuan and Xizhimen and Luoyang."
    rows, _ = _rows(text, ["Taiyuan", "Xizhimen", "Luoyang"],
                   historical=resources.historical_places)
    assert {r.place: r for r in rows}["Xizhimen"].latitude is None


def test_spellings_of_one_gate_share_the_city(resources) -> None:  # type: ignore[no-untyped-def]
    text = ("The coup began at the Xuanwu Gate.\n\nOther things happened.\n\n"
            "The prince lived in Chang'an, guarded by the Xuanwumen Guard.")
    rows, _ = _rows(text, ["Xuanwu Gate", "Chang'an", "Xuanwumen Guard"], 626,
                   historical=resources.historical_places)
    by = {r.place: r for r in rows}
    assert by["Xuanwu Gate"].latitude == by["Chang'an"].latitude is not None
    assert by["Xuanwumen Guard"].latitude == by["Chang'an"].latitude


def test_circuit_takes_the_point_of_the_place_written_with_its_name() -> None:
    rows = [PlaceRow("", "Pingzhou", "Lulong", "at", "Hebei", 39.89, 118.89,
                     "gloss:cpca-0.5.5:county", "high", 1, 1125, 1125),
            PlaceRow("", "Yingtianfu", "Shangqiu", "at", "Henan", 34.4, 115.6,
                     "gazetteer:cpca-0.5.5:prefecture", "high", 1, 1127, 1127),
            PlaceRow("", "Nanjing Road", mentions=1, first_year=1125, last_year=1125)]
    text = "The commander of Nanjing Road marched from Nanjing. ... Nanjing was taken."
    mentions = {"Nanjing Road": [text.index("Nanjing Road")], "Pingzhou": [43],
                "Yingtianfu": [text.rindex("Nanjing")]}
    written = [(43, "Nanjing", "Pingzhou"), (text.rindex("Nanjing"), "Nanjing", "Yingtianfu")]
    out, why = place_within(rows, mentions, text, written)
    assert (out[2].latitude, out[2].longitude) == (39.89, 118.89)
    assert out[2].coord_source == "within:gloss:cpca-0.5.5:county:circuit-seat"
    assert out[2].certainty == "low" and "Pingzhou" in why[2]
    late = [rows[0], replace(rows[2], first_year=1930, last_year=1930)]
    assert place_within(late, {"Nanjing Road": [17], "Pingzhou": [43]}, text,
                        written[:1])[0][1].latitude is None  # a street, not a circuit
    street = "In 1930 crowds filled Nanjing Road in Shanghai."
    shanghai = PlaceRow("", "Shanghai", "Shanghai", "at", "Shanghai", 31.23, 121.47,
                        "gazetteer:cpca-0.5.5:province:prefecture", "high", 1, 1930, 1930)
    spans = [(street.index(n), n, n) for n in ("Nanjing Road", "Shanghai")]
    out, _ = place_within([shanghai, late[1]], {n: [o] for o, n, _ in spans}, street, spans)
    assert out[1].latitude == 31.23 and out[1].coord_source.endswith(":in-place")


def test_current_homonym_nearest_the_other_places() -> None:
    # "Chien-shan": 潜山 (Anhui), 千山 (Liaoning), 尖山 (Heilongjiang)
    coord = nearest_current("Chien-shan", (30.5, 116.3))
    assert coord is not None and coord.province == "Anhui"
    assert coord.source.endswith(":nearest") and "Anhui" in coord.basis
    assert nearest_current("Chien-shan", None) is None
    assert nearest_current("Chien-shan", (36.0, 105.0)) is None  # no seat near
    assert nearest_current("Chengdu", (30.5, 104.0)) is None  # one seat: the first pass's


def test_qing_sub_prefecture_is_no_unit_above_a_county() -> None:
    # 1854: 太湖廳 (Jiangsu, a 散廳) and 太湖縣 (Anhui); no higher unit decides
    assert geocode_historical("Taihu", 1854) is None
    coord = geocode_historical("Taihu", 1854, anchor=(30.6, 116.5))
    assert coord is not None and coord.province == "Anhui"


def test_border_town_of_korea() -> None:
    coord = geocode_world("Uiju")
    assert coord is not None and coord.country == "KP"
    assert math.hypot(coord.latitude - 40.2, coord.longitude - 124.5) < 0.2


def test_place_written_in_a_located_county_takes_its_point() -> None:
    rows = [PlaceRow("", "Hetuala", "Xinbin County", "in", "Liaoning", 41.73, 125.04,
                     "gloss:cpca-0.5.5:county", "high", 1, 1559, 1559),
            PlaceRow("", "Anle Zuowei", mentions=1, first_year=1559, last_year=1559),
            PlaceRow("", "Anle Left Wei", mentions=1, first_year=1570, last_year=1570),
            PlaceRow("", "Anle Right Wei", mentions=1, first_year=1560, last_year=1560),
            PlaceRow("", "Anle Wei", mentions=1, first_year=1405, last_year=1405)]
    text = ("He was born to a chief of Anle Zuowei in Hetuala. Anle Left Wei grew. "
            "Anle Right Wei too. Anle Wei was older.")
    written = [(text.index(n), n, n) for n in
               ("Anle Zuowei", "Hetuala", "Anle Left Wei", "Anle Right Wei", "Anle Wei")]
    mentions = {n: [o] for o, n, _ in written}
    out, why = place_within(rows, mentions, text, written)
    by = {r.place: r for r in out}
    assert (by["Anle Zuowei"].latitude, by["Anle Zuowei"].longitude) == (41.73, 125.04)
    assert by["Anle Zuowei"].coord_source == "within:gloss:cpca-0.5.5:county:in-place"
    assert by["Anle Left Wei"].latitude == 41.73  # the same guard, another spelling
    assert by["Anle Right Wei"].latitude is None  # another guard
    assert by["Anle Wei"].latitude is None
    assert all(r.certainty == "low" for r in out[1:3]) and set(why) == {1, 2}
    provinces = [replace(rows[0], coord_source="name:cpca-0.5.5:province")]
    assert place_within(provinces + rows[1:2], mentions, text,
                        written[:2])[0][1].latitude is None  # "in" a province: not here
