"""Homonyms settled by the places around them; one-seat picks of a name with other seats in
neighbouring centuries are never certain."""

from __future__ import annotations

from pipeline.places.homonyms import other_seats
from pipeline.places.rows import place_rows_and_warnings
from pipeline.records import EntityRow


def _ents(text: str, *words: str) -> list[EntityRow]:
    return [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w, "model")
            for w in words]


def _rows(text: str, year: int, *words: str):
    rows, warnings = place_rows_and_warnings(_ents(text, *words), [], lambda o: year,
                                             text=text)
    return {r.place: r for r in rows}, warnings


def test_a_homonym_near_the_other_places_of_its_paragraph_wins() -> None:
    # 1140: CHGIS has 郾城 (Henan) and 鹽城 (Jiangsu); the paragraph names Xuchang (Henan)
    rows, warnings = _rows("The armies met at Yancheng and then at Xuchang.", 1140,
                           "Yancheng", "Xuchang")
    row = rows["Yancheng"]
    assert row.province == "Henan" and abs(row.latitude - 33.6) < 0.2
    assert row.certainty == "low" and row.coord_source.endswith(":nearest")
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "Yancheng" in w.message
               for w in warnings)
    rows, _ = _rows("The salt works of Yancheng were near Yangzhou.", 1140,
                    "Yancheng", "Yangzhou")
    assert rows["Yancheng"].province == "Jiangsu" and rows["Yancheng"].certainty == "medium"


def test_a_homonym_alone_stays_a_medium_choice() -> None:
    rows, _ = _rows("The armies met at Yancheng.", 1140, "Yancheng")
    assert rows["Yancheng"].certainty == "medium"


def test_one_seat_in_use_with_other_seats_nearby_in_time_is_medium() -> None:
    # 1000: CHGIS holds only 令州 (Guizhou); 靈州 (Ningxia) is its unit of 618-720 and 1288-
    rows, warnings = _rows("The Tanguts seized Lingzhou.", 1000, "Lingzhou")
    assert rows["Lingzhou"].certainty == "medium"
    assert any("靈州" in w.message for w in warnings)
    assert [u.zh for u in other_seats("Lingzhou", 1000, 26.19, 106.37)][0] == "靈州"
    assert other_seats("Lingzhou", 1000, 26.19, 106.37, window=10) == []


def test_the_same_name_at_another_level_is_no_homonym() -> None:
    # 756: 靈武縣; 靈武郡 (742-755) sits elsewhere but is the same name, not another place
    rows, _ = _rows("The prince was enthroned at Lingwu.", 756, "Lingwu")
    assert rows["Lingwu"].certainty == "high"


def test_a_homonym_of_another_period_by_the_trusted_places_wins() -> None:
    """Fresh report 5: "Yunzhou" in a Liao text of 986 beside Shanxi and Hebei towns is 雲州
    (Datong), which CHGIS has only under the Tang and the Jin, not 鄆州 of Shandong; and a
    homonym placed in its sentence ("Huanzhou", 環州 of Guangxi, the one unit in use but with
    other seats) guides nothing."""
    text = ("The Song army took Shuozhou and Zhuozhou. Then Pan Mei took Yunzhou, "
            "and Huanzhou surrendered.")
    rows, warnings = _rows(text, 986, "Shuozhou", "Zhuozhou", "Yunzhou", "Huanzhou")
    row = rows["Yunzhou"]
    assert row.province == "Shanxi" and abs(row.latitude - 39.8) < 0.5
    assert row.certainty == "low"
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "雲州" in w.message for w in warnings)


def test_the_one_seat_of_other_years_far_from_the_text_is_left_blank() -> None:
    """Fresh report 5: "Yecheng" in 580 among places of Hebei is 鄴城, which CHGIS lacks; its
    one "Yecheng" is 葉城縣 of Xinjiang (1911): no coordinates, and a warning (the current
    Yecheng of Xinjiang is outside the province the text names)."""
    text = "Yuchi Jiong held Handan and Xingtai in Hebei. Yang Jian ordered Yecheng razed."
    rows, warnings = _rows(text, 580, "Handan", "Xingtai", "Hebei", "Yecheng")
    assert rows["Yecheng"].latitude is None
    assert any(w.code == "PLACE_CANDIDATE_REJECTED" and "Yecheng" in w.message
               for w in warnings)


def test_a_homonym_outside_the_unit_written_around_it_is_refused() -> None:
    """ "Xindu in Nanyang" (5 BC): 新都 of Nanyang is no CHGIS unit; 信都 of Hebei, the seat
    nearest Nanyang, contradicts the text: the name is placed within Nanyang (low, warned)."""
    from pipeline.places.modern import load_modern_places
    text = "In 5 BC Wang Mang withdrew to his march of Xindu in Nanyang."
    found, warnings = place_rows_and_warnings(_ents(text, "Xindu", "Nanyang"), [],
                                              lambda o: -4, text=text,
                                              index=load_modern_places())
    row = {r.place: r for r in found}["Xindu"]
    assert row.province == "Henan" and row.certainty == "low"
    assert row.coord_source.startswith("within:")
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "Xindu" in w.message for w in warnings)



def test_a_seat_the_name_had_just_left_makes_the_pick_medium() -> None:
    # 630: CHGIS has 定襄縣 (Shanxi, from 621) in use; 定襄郡 sat in Inner Mongolia until 617
    rows, warnings = _rows("Li Jing made a surprise attack on Dingxiang.", 630, "Dingxiang")
    assert rows["Dingxiang"].certainty == "medium"
    assert any("Inner Mongolia" in w.message for w in warnings)
