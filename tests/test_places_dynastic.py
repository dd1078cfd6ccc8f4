"""Reused capital names read by the running year and the paragraph's dynasties; the second
geocoding pass near the document's other places."""

from __future__ import annotations

from pipeline.places import geocode_historical, reread_capitals
from pipeline.places.locate import _feature_name, anchor_of
from pipeline.places.rows import build_place_rows
from pipeline.records import EntityRow


def _ent(text: str, word: str, label: str, canonical: str, nth: int = 0) -> EntityRow:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return EntityRow("d", -1, start, start + len(word), word, label, canonical, "gazetteer")


def _year(y: int | None):
    return lambda offset: y


def test_dongjing_read_as_liaoyang_when_the_paragraph_names_the_jin() -> None:
    text = "The Jurchen took Dongjing, and the court fled west."
    ents = [_ent(text, "Jurchen", "POLITY", "Jurchen"),
            _ent(text, "Dongjing", "PLACE", "Kaifeng")]
    out, warnings = reread_capitals(ents, text, _year(1117))
    assert out[1].canonical == "Liaoyang"
    assert [w.code for w in warnings] == ["PLACE_READING_GUESSED"]
    assert "1117" in warnings[0].message


def test_two_dynasties_in_use_leave_the_reading_alone_but_say_so() -> None:
    text = "The Jin army besieged Dongjing and the Song emperor surrendered."
    ents = [_ent(text, "Jin", "POLITY", "Jin"), _ent(text, "Dongjing", "PLACE", "Kaifeng"),
            _ent(text, "Song", "POLITY", "Song")]
    out, warnings = reread_capitals(ents, text, _year(1126))
    assert out[1].canonical == "Kaifeng"  # the default reading, never silently
    assert [w.code for w in warnings] == ["PLACE_READING_GUESSED"]
    assert "Liaoyang" in warnings[0].message


def test_english_capital_names_are_read_by_the_running_year() -> None:
    text = "The emperor went to the Eastern Capital."
    out, warnings = reread_capitals([_ent(text, "Eastern Capital", "PLACE", "Kaifeng")], text,
                                    _year(715))
    assert out[0].canonical == "Luoyang" and "715" in warnings[0].message  # Tang 東都
    out, warnings = reread_capitals([_ent(text, "Eastern Capital", "PLACE", "Kaifeng")], text,
                                    _year(915))
    assert out[0].canonical == "Kaifeng" and warnings == []  # only the Later Liang one


def test_a_dynasty_written_beside_the_name_decides_without_a_guess() -> None:
    text = "The Jin took the Eastern Capital of the Liao."
    ents = [_ent(text, "Jin", "POLITY", "Jin"),
            _ent(text, "Eastern Capital", "PLACE", "Kaifeng"),
            _ent(text, "Liao", "POLITY", "Liao")]
    out, warnings = reread_capitals(ents, text, _year(1116))
    assert out[1].canonical == "Liaoyang" and warnings == []
    text = "The Tang Western Capital fell."
    ents = [_ent(text, "Tang", "POLITY", "Tang"),
            _ent(text, "Western Capital", "PLACE", "Western Capital")]
    out, warnings = reread_capitals(ents, text, _year(None))
    assert out[1].canonical == "Chang'an" and warnings == []


def test_a_capital_name_before_any_capital_bore_it_is_flagged() -> None:
    text = "The army marched on the Eastern Capital."
    out, warnings = reread_capitals([_ent(text, "Eastern Capital", "PLACE", "Kaifeng")], text,
                                    _year(300))
    assert out[0].canonical == "Kaifeng" and len(warnings) == 1
    text = "They reached Nanjing."  # after every capital period: today's city, no warning
    out, warnings = reread_capitals([_ent(text, "Nanjing", "PLACE", "Nanjing")], text,
                                    _year(1950))
    assert warnings == []


def test_guessed_readings_lower_the_place_rows_certainty() -> None:
    from pipeline.places import lower_guessed_readings
    from pipeline.records import PlaceRow
    text = "The emperor went to the Eastern Capital. Luoyang was quiet."
    guess = _ent(text, "Eastern Capital", "PLACE", "Kaifeng")
    out, warnings = reread_capitals([guess], text, _year(715))
    row = PlaceRow("d", "Luoyang", "Luoyang", "at", "Henan", 34.6, 112.5, "x", "high", 1,
                   715, 715)
    assert lower_guessed_readings([row], out, warnings)[0].certainty == "medium"
    named = _ent(text, "Luoyang", "PLACE", "Luoyang")  # also named outright: stays high
    assert lower_guessed_readings([row], [*out, named], warnings)[0].certainty == "high"


def test_running_year_alone_decides_when_one_reading_is_in_use() -> None:
    text = "The emperor returned to Shangjing."
    out, warnings = reread_capitals([_ent(text, "Shangjing", "PLACE", "Shangjing")], text,
                                    _year(1000))
    assert out[0].canonical == "Shangjing (Liao)" and len(warnings) == 1


def test_a_dynasty_named_in_another_paragraph_does_not_count() -> None:
    text = "The Liao envoys came.\n\nThe emperor returned to Shangjing."
    ents = [_ent(text, "Liao", "POLITY", "Liao"),
            _ent(text, "Shangjing", "PLACE", "Shangjing")]
    out, _ = reread_capitals(ents, text, _year(1150))
    assert out[1].canonical == "Shangjing"  # 1150: only the Jin Shangjing is in use


def test_a_reading_chosen_beside_the_name_is_kept() -> None:
    text = "The Song took Dongjing of the Liao."
    ents = [_ent(text, "Song", "POLITY", "Song"), _ent(text, "Dongjing", "PLACE", "Liaoyang")]
    out, warnings = reread_capitals(ents, text, _year(1120))
    assert out[1].canonical == "Liaoyang" and warnings == []


def test_no_year_and_no_dynasty_changes_nothing() -> None:
    text = "They reached Nanjing."
    ents = [_ent(text, "Nanjing", "PLACE", "Nanjing")]
    out, warnings = reread_capitals(ents, text, _year(None))
    assert out == ents and warnings == []


def test_historical_homonyms_resolved_only_near_an_anchor() -> None:
    assert geocode_historical("Xizhou", 1233) is None  # 息州, 隰州, 熙州 ... in use
    coord = geocode_historical("Xizhou", 1233, anchor=(33.0, 114.4))  # near Caizhou
    assert coord is not None and coord.source.endswith(":nearest")
    assert abs(coord.latitude - 32.3) < 0.2 and abs(coord.longitude - 114.7) < 0.2
    assert geocode_historical("Xizhou", 1233, anchor=(20.0, 80.0)) is None  # too far


def test_feature_names() -> None:
    assert _feature_name("Mount Tai") == "Taishan"
    assert _feature_name("Tong Pass") == "Tongguan"
    assert _feature_name("Tong") == ""


def test_second_pass_marks_guesses_in_coord_source() -> None:
    text = "Kaifeng fell. Xinyang fell. Zhumadian fell. Xizhou was taken."
    ents = [_ent(text, w, "PLACE", w) for w in ("Kaifeng", "Xinyang", "Zhumadian", "Xizhou")]
    rows = build_place_rows(ents, [], _year(None))
    assert rows[3].latitude is None  # no year: CHGIS units of every year, far apart
    rows = build_place_rows(ents, [], _year(1233))
    assert anchor_of(rows[:3]) is not None
    xizhou = rows[3]
    assert xizhou.latitude is not None and xizhou.coord_source.endswith(":nearest")


def test_taiwan_towns_only_near_the_documents_places() -> None:
    from pipeline.places import geocode_world
    assert geocode_world("Xizhou") is None  # 溪州 of Taiwan is no answer by itself
    assert geocode_world("Xizhou", inside_china=True) is not None
    assert geocode_world("Zhubei") is None


def test_circuits_by_road_or_circuit() -> None:
    coord = geocode_historical("Nanjing Road", 1160)
    assert coord is not None and ":circuit:" in coord.source and coord.precision == "region"
    assert geocode_historical("Nanjing Road", 1300) is None  # no circuit of that name then


def test_unread_chgis_names_are_not_matched() -> None:
    assert geocode_historical("Shi County") is None  # CHGIS "?Shi" has an unread character


def test_place_lookup_falls_back_to_the_place_rows() -> None:
    from pipeline.places import PlaceLookup
    from pipeline.places.rows import precision_of
    text = "Kaifeng fell. Xinyang fell. Zhumadian fell. Xizhou was taken."
    ents = [_ent(text, w, "PLACE", w) for w in ("Kaifeng", "Xinyang", "Zhumadian", "Xizhou")]
    lookup = PlaceLookup.build(ents, [])
    lookup.add_rows(build_place_rows(ents, [], _year(1233)))
    info = lookup.get("Xizhou")
    assert info is not None and info[1] is not None and info[3] == "prefecture"
    assert precision_of("gloss:cpca-0.5.5:prefecture:near") == "near"
    assert precision_of("world:countryinfo-1.0.1:CN:country") == "country"


def test_a_pass_is_placed_by_the_unit_whose_name_holds_the_pass_character() -> None:
    from pipeline.places import load_modern_places
    from pipeline.places.features import geocode_feature
    coord = geocode_feature("Tongguan", "guan", load_modern_places())
    assert coord is not None and coord.province == "Shaanxi"  # 潼关, not 铜官 (Anhui)
    assert abs(coord.latitude - 34.54) < 0.1 and coord.source.endswith(":feature")
    assert geocode_feature("Tongguan", "", load_modern_places()) is None
