"""A homonym placed by its name alone is re-picked by the sure places of its paragraph (else
the text): the seat clearly nearest them, or the one seat in a province they name; medium
and warned (``pipeline.places.paragraph_seat``)."""

from __future__ import annotations

from dataclasses import replace

from place_rows import place_rows

from pipeline.places.paragraph_seat import paragraph_seats
from pipeline.records import PlaceRow


def test_a_seat_by_the_paragraphs_sure_places_replaces_the_one_in_use() -> None:
    # 晉州 (Hebei) is the one Jinzhou of CHGIS in 1641; 錦州府 (Liaoning) follows in 1664
    text = ("The prince stayed in Shenyang for four years. In 1641 he was made to ride "
            "with the army to the siege of Jinzhou.")
    rows, warnings = place_rows(text, 1641, "Shenyang", "Jinzhou")
    assert rows["Shenyang"].certainty == "high"
    assert rows["Jinzhou"].province == "Liaoning"
    assert rows["Jinzhou"].certainty == "medium"
    assert rows["Jinzhou"].coord_source.endswith(":paragraph-nearest")
    assert any(w.code == "PLACE_HOMONYM_CHOSEN" and "only distance decides" in w.message
               and "Jinzhou" in w.message for w in warnings)


def test_without_sure_places_nearby_the_pick_stays() -> None:
    rows, warnings = place_rows("In 1641 there was a siege of Jinzhou.", 1641, "Jinzhou")
    assert rows["Jinzhou"].province == "Hebei"
    assert not any("paragraph-nearest" in r.coord_source for r in rows.values())
    assert not any("only distance decides" in w.message for w in warnings)


def _row(place: str, province: str, lat: float, lon: float, source: str,
         certainty: str) -> PlaceRow:
    return PlaceRow("d", place, province=province, latitude=lat, longitude=lon,
                    coord_source=source, certainty=certainty, mentions=1)


def test_the_one_seat_in_a_province_the_paragraph_names() -> None:
    text = "In 1674 the governor revolted in Fuzhou. His fleet sailed along the coast of Fujian."
    rows = [_row("Fuzhou", "Jiangxi", 27.98478, 116.35134,
                 "name:chgis-tgaz-2016:prefecture:x:nearest", "low"),
            _row("Fujian", "Fujian", 26.1008, 119.2951, "name:cpca-0.5.5:province", "high")]
    mentions = {"Fuzhou": [text.index("Fuzhou")], "Fujian": [text.index("Fujian")]}
    out, why = paragraph_seats(rows, mentions, lambda o: 1674, text)
    assert out[0].province == "Fujian" and out[0].certainty == "medium"
    assert "province its paragraph names" in why[0]
    assert out[1] == rows[1] and 1 not in why


def test_a_high_row_and_a_row_of_a_named_province_stay() -> None:
    text = "In 1674 the governor revolted in Fuzhou. His fleet sailed along the coast of Jiangxi."
    rows = [_row("Fuzhou", "Jiangxi", 27.98478, 116.35134,
                 "name:chgis-tgaz-2016:prefecture:x:nearest", "low"),
            _row("Jiangxi", "Jiangxi", 28.68, 115.86, "name:cpca-0.5.5:province", "high")]
    mentions = {"Fuzhou": [text.index("Fuzhou")], "Jiangxi": [text.index("Jiangxi")]}
    out, why = paragraph_seats(rows, mentions, lambda o: 1674, text)
    assert out == rows and not why
    high = [replace(rows[0], certainty="high"), rows[1]]
    assert paragraph_seats(high, mentions, lambda o: 1674, text) == (high, {})
    assert paragraph_seats(rows, mentions, lambda o: 1674, "") == (rows, {})



def test_the_whole_texts_places_take_only_a_unit_just_outside_the_date() -> None:
    # paragraph 1 names the place alone; paragraph 2 a sure place far from its pick
    text = "In 1644 the general was told to abandon Ningyuan.\n\nThe court sat at Shenyang."
    rows = [_row("Ningyuan", "Hunan", 25.5709, 111.9458, "name:cpca-0.5.5:county", "medium"),
            _row("Shenyang", "Liaoning", 41.79, 123.43, "name:cpca-0.5.5:prefecture", "high")]
    mentions = {"Ningyuan": [text.index("Ningyuan")], "Shenyang": [text.index("Shenyang")]}
    out, why = paragraph_seats(rows, mentions, lambda o: 1644, text)
    assert out[0].province == "Liaoning" and "in its text" in why[0]  # 寧遠州 from 1664
    assert paragraph_seats(rows, mentions, lambda o: 1644, text, {"Ningyuan"}) == (rows, {})
    # Chengdu in 221 with a sure place of Hubei elsewhere: 成都郡 of Hubei (310-314) is
    # 89 years away, another place
    text = "In 221 the king was proclaimed at Chengdu.\n\nThe army later camped at Jiangling."
    rows = [_row("Chengdu", "Sichuan", 30.65038, 104.078,
                 "name:chgis-tgaz-2016:county:hvd_44394", "medium"),
            _row("Jiangling", "Hubei", 30.35, 112.19, "name:cpca-0.5.5:county", "high")]
    mentions = {"Chengdu": [text.index("Chengdu")], "Jiangling": [text.index("Jiangling")]}
    assert paragraph_seats(rows, mentions, lambda o: 221, text) == (rows, {})
