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
