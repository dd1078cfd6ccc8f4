"""A one-seat pick whose name CHGIS also gives to a far seat of the same Chinese name, and a
current county picked by its name alone while CHGIS gives the name far seats, are medium and
warned; a name the table confirms stays high."""

from __future__ import annotations

from pipeline.places.rows import place_rows_and_warnings
from pipeline.places.seats import other_seats
from pipeline.records import EntityRow


def _rows(text: str, year: int, *words: str):
    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w, "model")
            for w in words]
    rows, warnings = place_rows_and_warnings(ents, [], lambda o: year, text=text)
    return {r.place: r for r in rows}, warnings


def test_a_far_seat_of_the_same_chinese_name_is_a_homonym_the_text_may_choose() -> None:
    # 廣寧縣 of Guangdong (1559-) is the one in use in 1622; 廣寧 of Liaoning from 1664
    seats = other_seats("Guangning", 1622, 23.64274, 112.43132, zh="廣寧縣")
    assert any(u.province == "Liaoning" for u in seats)
    assert not other_seats("Guangning", 1622, 23.64274, 112.43132, zh="廣寧縣",
                           namesakes=False)
    rows, warnings = _rows("In 1622 the Jurchen took Guangning and then marched on Shenyang "
                           "and Liaoyang.", 1622, "Guangning", "Shenyang", "Liaoyang")
    assert rows["Guangning"].province == "Liaoning" and rows["Guangning"].certainty == "low"
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "Guangning" in w.message
               for w in warnings)
    # alone, the far namesake does not make the pick a guess (such seats are many)
    rows, _ = _rows("In 1622 Guangning was lost.", 1622, "Guangning")
    assert rows["Guangning"].province == "Guangdong"


def test_a_far_seat_of_the_same_name_centuries_away_is_no_doubt() -> None:
    # 南平州 of Guizhou ended in 1278: no homonym of Nanping (Fujian) in 1549
    seats = other_seats("Nanping", 1549, 26.64217, 118.16918, zh="南平縣")
    assert not any(u.province == "Guizhou" for u in seats)


def test_a_current_county_with_far_namesakes_in_chgis_is_medium() -> None:
    rows, warnings = _rows("In 1623 he built the walls of Ningyuan city.", 1623, "Ningyuan city")
    row = rows["Ningyuan city"]
    assert row.province == "Hunan" and row.certainty == "medium"
    assert any(w.code == "PLACE_HOMONYM_CHOSEN" and "Liaoning" in w.message for w in warnings)


def test_a_current_county_the_table_confirms_stays_high() -> None:
    rows, warnings = _rows("In 107 the garrison withdrew to Dunhuang.", 107, "Dunhuang")
    assert rows["Dunhuang"].certainty == "high"
    assert not any(w.code == "PLACE_HOMONYM_CHOSEN" for w in warnings)


def test_an_old_spelling_the_tables_map_is_evidence() -> None:
    rows, warnings = _rows("In 1842 Foochow was opened to trade.", 1842, "Foochow")
    assert rows["Foochow"].certainty == "high"
    assert not any(w.code == "PLACE_HOMONYM_CHOSEN" for w in warnings)


def test_a_province_is_no_county_homonym() -> None:
    rows, _ = _rows("In 1549 he was sent to Jiangxi.", 1549, "Jiangxi")
    assert rows["Jiangxi"].certainty == "high"


def test_a_current_city_written_with_its_unit_word_is_checked_against_the_period() -> None:
    # 75: CHGIS knows 疏勒 at Kashgar only from 1911: the current Shule is no proof
    rows, warnings = _rows("In 75 the Xiongnu besieged Shule City; Kucha and Yanqi rebelled.",
                           75, "Shule City", "Kucha", "Yanqi")
    assert rows["Shule City"].certainty in ("low", "")
    rows, _ = _rows("In 249 Sima Yi seized Luoyang City.", 249, "Luoyang City")
    assert rows["Luoyang City"].latitude is not None  # 雒陽 there from 23: the period fits
