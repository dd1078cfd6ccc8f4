"""Fresh report 6 (#34): the Song prefectures of the Lý–Song war (1075) are chosen by the
places around them, a city abroad among them; a hand-gazetteer reading far from a CHGIS unit
of the name in use is one seat among others; a province's name that CHGIS gives only to
prefectures of other provinces in the running year is such a prefecture."""

from __future__ import annotations

from place_rows import place_rows

from pipeline.places.seats_in_use import prefecture_not_province

_rows = place_rows


def test_song_prefectures_by_a_city_abroad_are_those_of_guangxi() -> None:
    text = ("The Vietnamese army marched north from Hanoi. It took Qinzhou and Lianzhou "
            "and then surrounded Yongzhou.")
    rows, warnings = _rows(text, 1075, "Hanoi", "Qinzhou", "Lianzhou", "Yongzhou")
    for name in ("Qinzhou", "Lianzhou", "Yongzhou"):
        assert rows[name].province == "Guangxi", name
        assert rows[name].certainty in ("low", "medium"), name
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "欽州" in w.message for w in warnings)


def test_a_hand_reading_far_from_the_chgis_seat_is_no_longer_certain() -> None:
    # 1075: the hand row reads 秦州 (Tianshui); CHGIS has only 欽州 (Guangxi) in use
    rows, warnings = _rows("The Song army held Qinzhou.", 1075, "Qinzhou")
    assert rows["Qinzhou"].province == "Gansu" and rows["Qinzhou"].certainty == "medium"
    assert any(w.code == "PLACE_HOMONYM_CHOSEN" for w in warnings)


def test_a_hand_reading_stays_when_its_province_is_named() -> None:
    text = "Envoys from Jiangsu and Zhejiang went to Yangzhou. Cai Jing moved to Chengdu."
    rows, _ = _rows(text, 1085, "Jiangsu", "Zhejiang", "Yangzhou", "Chengdu")
    assert rows["Yangzhou"].province == "Jiangsu"


def test_a_province_name_of_prefectures_elsewhere_is_no_province() -> None:
    assert prefecture_not_province("Guizhou", "Guizhou", 1072)  # 桂州, 貴州, 歸州
    assert not prefecture_not_province("Guizhou", "Guizhou", 1795)
    assert not prefecture_not_province("Henan", "Henan", 1075)  # 河南府 lies in Henan
    rows, _ = _rows("The Song prefect of Guizhou, Liu Yi, trained soldiers.", 1072,
                    "Guizhou")
    assert rows["Guizhou"].certainty == "low"  # a guess among 3 seats, not the province
    assert not rows["Guizhou"].coord_source.endswith(":province")
    rows, _ = _rows("Miao rebels rose in Guizhou.", 1795, "Guizhou")
    assert rows["Guizhou"].province == "Guizhou"


# fresh report 6 (#36, #37): Korean places of the hand-kept world table (Gaegyeong, the
# Amnok) are placed; a region of China among places abroad is not put at its Chinese point
def test_a_wall_among_korean_places_is_not_the_great_wall_of_china() -> None:
    text = ("Goryeo built a wall around Gaegyeong and a Great Wall from the mouth of the "
            "Amnok River to the east coast.")
    rows, warnings = _rows(text, 1033, "Gaegyeong", "Great Wall", "Amnok River")
    assert abs(rows["Gaegyeong"].latitude - 37.97) < 0.1
    assert rows["Amnok River"].latitude is not None
    assert rows["Great Wall"].latitude is None
    assert any(w.code == "PLACE_CANDIDATE_REJECTED" and "Great Wall" in w.message
               for w in warnings)


def test_the_great_wall_among_chinese_places_stays() -> None:
    text = "The Ming rebuilt the Great Wall north of Beijing."
    rows, _ = _rows(text, 1570, "Great Wall", "Beijing")
    assert rows["Great Wall"].latitude is not None


# fresh report 11 (#10): among places far from it (Haixi read as 海西 of Jiangsu), the
# capital keeps its name: the hand reading's point seats units above county level that year
# (西漢, 京兆尹), the homonym 昌安縣 of Shandong is a county that seats nothing above it
def test_a_capital_wins_over_a_homonym_county_by_the_other_places() -> None:
    text = ("The army went out by Dunhuang. It came back to Chang'an with 10,000 men; "
            "Li Guangli was made Marquis of Haixi.")
    rows, _ = _rows(text, -101, "Dunhuang", "Chang'an", "Haixi")
    assert rows["Chang'an"].province == "Shaanxi"


def test_a_higher_unit_seats_a_capital_not_a_county() -> None:
    from pipeline.places.seats import higher_unit_at
    assert higher_unit_at(34.3416, 108.9398, -101) is not None  # Chang'an, Former Han
    assert higher_unit_at(36.36201, 119.35334, -101) is None  # 昌安縣, Shandong
