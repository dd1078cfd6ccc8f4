"""Place glosses written as prose ("near present-day X in Y"), homonyms that must not be
chosen at high certainty, and places the entity stage left untagged."""

from __future__ import annotations

import pytest

from pipeline.places import find_place_glosses, geocode_gloss


@pytest.mark.parametrize(("text", "place", "modern", "province", "relation"), [
    ("The fleet sank at Tamen, near present-day Xinhui in Guangdong.", "Tamen", "Xinhui",
     "Guangdong", "near"),
    ("The army was routed at White Cliffs, near present-day Chibi, Hubei.", "White Cliffs",
     "Chibi", "Hubei", "near"),
    ("They camped at Wuzhou (near present-day Xinhui in Guangdong).", "Wuzhou", "Xinhui",
     "Guangdong", "near"),
    ("They camped at Wuzhou (present-day Honghu in Hubei).", "Wuzhou", "Honghu", "Hubei", "at"),
    ("He fled to Lingzhou, now Lingwu, Ningxia.", "Lingzhou", "Lingwu", "Ningxia", "at"),
])
def test_prose_glosses_give_the_modern_place(text: str, place: str, modern: str,
                                             province: str, relation: str) -> None:
    gloss = next(g for g in find_place_glosses(text) if g.place == place)
    assert (gloss.modern, gloss.province, gloss.relation) == (modern, province, relation)
    coord = geocode_gloss(gloss)
    assert coord is not None
    assert (coord.precision == "near") == (relation == "near")  # events: geo_precision 2


def _rows(text: str, year: int, *words: str):
    from pipeline.places.rows import place_rows_and_warnings
    from pipeline.records import EntityRow

    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w, "model")
            for w in words]
    rows, warnings = place_rows_and_warnings(ents, [], lambda o: year, text=text)
    return {r.place: r for r in rows}, warnings


def test_a_current_county_younger_than_the_text_and_far_from_it_is_left_blank() -> None:
    # 葉城縣 (Xinjiang) dates from 1902; a text of 757 about Luoyang means 鄴城 (Anyang)
    rows, warnings = _rows("In that year the rebels left Luoyang and fled to Yecheng.", 757,
                           "Luoyang", "Yecheng")
    assert rows["Yecheng"].latitude is None and rows["Yecheng"].certainty == ""
    assert any(w.code == "PLACE_CANDIDATE_REJECTED" and "Yecheng" in w.message
               for w in warnings)
    assert rows["Luoyang"].latitude is not None


def test_a_current_county_younger_than_the_text_alone_is_a_guess() -> None:
    # no other place to judge by: kept, but never certain
    rows, warnings = _rows("The general attacked the nomads at Longcheng.", -128, "Longcheng")
    assert rows["Longcheng"].certainty == "low"
    assert any(w.code == "PLACE_COORDINATE_GUESSED" for w in warnings)


def test_the_same_county_in_a_modern_text_stays_certain() -> None:
    rows, _ = _rows("The road reached Yecheng.", 1990, "Yecheng")
    assert rows["Yecheng"].certainty == "high"


def test_an_old_county_fits_its_period() -> None:
    rows, _ = _rows("The rebels took Handan.", 1120, "Handan")
    assert rows["Handan"].certainty == "high"


@pytest.mark.parametrize("verb", ["crossed the", "marched across the", "went over the"])
def test_a_name_after_a_crossing_verb_is_no_district(verb: str) -> None:
    text = f"In spring the army {verb} Tianshan."
    rows, warnings = _rows(text, 1990, "Tianshan")
    assert rows["Tianshan"].latitude is None
    assert any(w.code == "PLACE_CANDIDATE_REJECTED" for w in warnings)
    rows, _ = _rows("The army camped at Tianshan.", 1990, "Tianshan")
    assert rows["Tianshan"].latitude is not None


def test_a_current_name_the_text_marks_as_modern_keeps_its_certainty() -> None:
    rows, _ = _rows("The battle was fought on the river near present-day Yecheng.", 757,
                    "Yecheng")
    assert rows["Yecheng"].certainty == "high"


def test_untagged_names_after_event_verbs_are_read_from_the_place_tables() -> None:
    from pipeline.places.untagged import untagged_place_mentions

    text = ("The old chief died suddenly at Korla. Later the rebels rebelled at Fanyang, "
            "and the envoy went to Song with Kaifeng Li. Handan fell.")
    found = {e.text for e in untagged_place_mentions(text, [])}
    # Song: one syllable (a state); "Kaifeng Li": the whole run is no place; Handan: first word
    assert found == {"Korla", "Fanyang"}
    start = text.index("Fanyang")
    assert not {e.text for e in untagged_place_mentions(text, [(start, start + 7)])} \
        & {"Fanyang"}  # an entity already covers it


def test_an_era_name_in_a_date_is_no_untagged_place() -> None:
    from pipeline.places.untagged import untagged_place_mentions

    text = "The army marched north in Tianbao 14 and camped."
    start = text.index("Tianbao")
    assert untagged_place_mentions(text, []) == []  # followed by a number
    assert untagged_place_mentions(text, [], [(start, start + 10)]) == []


def test_untagged_place_rows_are_never_certain() -> None:
    from pipeline.places.rows import place_rows_and_warnings

    text = "The rebels rose in rebellion at Fanyang with many men."
    rows, warnings = place_rows_and_warnings([], [], lambda o: 755, text=text, taken=[])
    assert [r.place for r in rows] == ["Fanyang"]
    assert rows[0].certainty in ("medium", "low", "")
    assert any(w.code == "PLACE_UNTAGGED_NAME" for w in warnings)
    rows, _ = place_rows_and_warnings([], [], lambda o: 755, text=text)
    assert rows == []  # without the entity spans the stage does not guess


def test_a_county_known_only_from_the_1820_layer_is_no_proof_either_way() -> None:
    # 濟源縣 is old, but CHGIS has it only from its 1820 layer: medium, coordinates kept
    rows, _ = _rows("The armies marched from Beijing to Jiyuan.", 1644, "Beijing", "Jiyuan")
    assert rows["Jiyuan"].certainty == "medium" and rows["Jiyuan"].latitude is not None


def test_a_unit_of_a_neighbouring_period_beside_the_sentence_places_wins() -> None:
    # 937: CHGIS has only 辯州 (Guangdong) in use; 汴州 (621-741) is Kaifeng, named beside it
    rows, warnings = _rows("The court moved to Bianzhou, which became Kaifeng.", 937,
                           "Bianzhou", "Kaifeng")
    row = rows["Bianzhou"]
    assert row.province == "Henan" and row.certainty == "low"
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "Bianzhou" in w.message
               for w in warnings)
    rows, _ = _rows("The rebels took Bianzhou.", 937, "Bianzhou")  # nothing beside it
    assert rows["Bianzhou"].province == "Guangdong" and rows["Bianzhou"].certainty == "medium"


def test_places_of_the_paragraph_alone_do_not_move_an_in_year_unit() -> None:
    # 755: 范陽 (Hebei) is in use; the paragraph's other places lie in Henan
    text = "The rebels rose at Fanyang. Later they took Chenliu and Luoyang."
    rows, _ = _rows(text, 755, "Fanyang", "Chenliu", "Luoyang")
    assert rows["Fanyang"].province == "Hebei"
