"""Second-pass guesses of the place stage: a CHGIS unit nearest in time, homonyms decided by
the places of the same sentence, and a page's dateline, which dates no place."""

from __future__ import annotations

from pipeline.places import geocode_historical, place_rows_and_warnings, years_from_dates
from pipeline.records import DateRow, EntityRow


def _ent(text: str, name: str, label: str = "PLACE") -> EntityRow:
    start = text.index(name)
    return EntityRow("", -1, start, start + len(name), name, label, name, "gazetteer")


def _year(text: str, shown: str, year: int, kind: str = "explicit",
          day: int | None = None) -> DateRow:
    start = text.index(shown)
    return DateRow("", -1, start, start + len(shown), shown, kind, year=year, day=day)


def test_unit_nearest_in_time_is_a_flagged_guess() -> None:
    # CHGIS: 睢陽郡 742-755 (Henan); no Suiyang in use in 757
    assert geocode_historical("Suiyang", 757) is None
    coord = geocode_historical("Suiyang", 757, nearest_year=20)
    assert coord is not None and coord.source.endswith(":nearest-year")
    assert coord.province == "Henan" and "755" in coord.basis
    assert geocode_historical("Suiyang", 1500, nearest_year=20) is None  # 101+ years off


def test_nearest_in_time_row_is_low_and_warned() -> None:
    text = "In 757 the rebels besieged Suiyang."
    rows, warnings = place_rows_and_warnings([_ent(text, "Suiyang")], [],
                                             [_year(text, "757", 757)], text=text)
    assert rows[0].latitude is not None and rows[0].certainty == "low"
    assert ":nearest-year" in rows[0].coord_source
    assert [w.code for w in warnings] == ["PLACE_COORDINATE_GUESSED"]


def test_homonym_decided_by_a_place_of_its_sentence() -> None:
    # 鈞州 (Yuzhou, Henan), 浚州 (Xunxian, Henan), 均州 (Hubei) in 1232: Sanfeng Mountain
    # (at Yuzhou) is not in it, Xinzheng in the same sentence is near 鈞州
    text = "In 1232 the battle near Xinzheng in Junzhou was lost. Nothing else."
    ents = [_ent(text, "Xinzheng"), _ent(text, "Junzhou")]
    rows, warnings = place_rows_and_warnings(ents, [], [_year(text, "1232", 1232)], text=text)
    jun = next(r for r in rows if r.place == "Junzhou")
    assert jun.province == "Henan" and abs(jun.latitude - 34.16) < 0.05
    assert jun.certainty == "low" and "sentence" in warnings[-1].message
    alone = "In 1232 the army was lost in Junzhou."
    rows, _ = place_rows_and_warnings([_ent(alone, "Junzhou")], [],
                                      [_year(alone, "1232", 1232)], text=alone)
    assert rows[0].latitude is None


def test_dateline_is_no_running_year() -> None:
    text = "By admin - Posted on 20 January 2009\n\nIn 1267 Kaifeng was rebuilt.\nKaifeng"
    dates = [_year(text, "20 January 2009", 2009, "gregorian", 20), _year(text, "1267", 1267)]
    year_at = years_from_dates(dates, text)
    assert year_at(text.index("2009") + 2) is None and year_at(len(text) - 1) == 1267
    assert years_from_dates(dates)(text.index("2009") + 2) == 2009  # without the text
    story = "On 20 January 1127 the Jin army took Kaifeng."
    one = [_year(story, "20 January 1127", 1127, "gregorian", 20)]
    assert years_from_dates(one, story)(len(story) - 1) == 1127  # a sentence, no dateline


def test_postal_spelling_of_a_city_is_a_place(gaz) -> None:
    # name_romanizations.csv (postal_spellings.csv): Amoy = 厦门 Xiamen; geocoded through it;
    # its canonical is the current name, unless that name is several cities' (Foochow: 福州,
    # but Fuzhou is also 抚州)
    entries = gaz.lookup("Amoy")
    assert [(e.label, e.canonical, e.modern) for e in entries] == [("PLACE", "Xiamen", "Xiamen")]
    assert [e.canonical for e in gaz.lookup("Foochow")] == ["Foochow"]
    assert [e.label for e in gaz.lookup("Canton")] == ["PLACE"]  # the hand row wins


def test_municipality_named_nearby_is_no_province_hint() -> None:
    text = "The army entered Mukden in 1931 and Tientsin in 1937."
    ents = [_ent(text, "Mukden"), EntityRow("", -1, text.index("Tientsin"),
                                            text.index("Tientsin") + 8, "Tientsin", "PLACE",
                                            "Tianjin", "gazetteer")]
    rows, _ = place_rows_and_warnings(ents, [], [_year(text, "1931", 1931)], text=text)
    mukden = next(r for r in rows if r.place == "Mukden")
    assert mukden.province == "Liaoning" and mukden.certainty == "high"


def test_postal_places_rebuild_matches_committed() -> None:
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location(
        "build_postal_places", root / "scripts" / "build_postal_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == (root / "gazetteer" / "postal_places.csv").read_text("utf-8")


def test_postal_spelling_of_a_qing_seat(gaz) -> None:
    # postal_places.csv: "Hengchow" is 衡州府 (Hunan) and 橫州 (Guangxi): several seats
    assert [e.label for e in gaz.lookup("Hengchow")] == ["PLACE"]
    assert geocode_historical("Hengchow", 1900) is None
    kweilin = geocode_historical("Kweilin", 1900)
    assert kweilin is not None and kweilin.province == "Guangxi" and kweilin.matched == "Guilin"
    hunan = geocode_historical("Hengchow", 1926, anchor=(28.2, 112.9), nearest_year=20)
    assert hunan is not None and hunan.province == "Hunan" and "1911" in hunan.basis
    assert not gaz.lookup("Honan") or all(e.source.startswith("places") or
                                          "postal_places" not in e.source
                                          for e in gaz.lookup("Honan"))


def test_bare_name_is_the_higher_unit_over_counties_elsewhere() -> None:
    # 750: 靈武郡 (commandery, near Wuzhong) and 靈武縣 (a county 90 km north)
    coord = geocode_historical("Lingwu", 750)
    assert coord is not None and coord.source.startswith("chgis-tgaz-2016:commandery")
    assert "commandery" in coord.basis  # a choice: medium certainty in places.csv
    county = geocode_historical("Lingwu County", 750)
    assert county is not None and county.precision == "county" and county.basis == ""
