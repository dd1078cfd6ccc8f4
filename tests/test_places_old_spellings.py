"""Names in older romanizations ("Kai-fong", "Lou-yang", "Kouete") read through their pinyin
readings, only near the document's other places; never certain."""

from __future__ import annotations

from pipeline.places.oldspell import locate_old_spelling, readings
from pipeline.places.rows import place_rows_and_warnings
from pipeline.records import EntityRow

HENAN = (34.7, 113.6)  # near Zhengzhou


def test_old_syllables_give_pinyin_readings() -> None:
    assert "Kaifeng" in readings("Kaifong")
    assert "Guide" in readings("Kouete")
    assert "Caizhou" in readings("Tsaichow")
    assert "Sichuan" in readings("Szchuen")
    assert "Luoyang" not in readings("Luoyang")  # its own letters are no reading
    assert readings("Xqzt") == ()


def test_a_reading_near_the_document_places_is_taken_low() -> None:
    coord = locate_old_spelling("Kaifong", 1224, None, None, HENAN, 20)
    assert coord is not None and coord.matched == "Kaifeng" and coord.province == "Henan"
    assert coord.source.endswith(":old-spelling") and "Kaifeng" in coord.basis


def test_without_context_or_far_from_it_nothing_is_taken() -> None:
    assert locate_old_spelling("Kaifong", 1224, None, None, None, 20) is None
    assert locate_old_spelling("Kaifong", 1224, None, None, (23.0, 108.0), 20) is None
    # 1233: the Guide in use is 歸德州 of Guangxi; 歸德府 of Henan only from 1279
    assert locate_old_spelling("Kouete", 1233, None, None, HENAN, 20) is None


def test_the_province_named_beside_it_stands_in_for_the_other_places() -> None:
    coord = locate_old_spelling("Kaifong", 1224, "Henan", None, None, 20)
    assert coord is not None and coord.matched == "Kaifeng"
    assert locate_old_spelling("Kaifong", 1224, "Sichuan", None, None, 20) is None


def test_a_row_in_old_spelling_is_placed_with_a_warning() -> None:
    text = "In 1232 the Mongols besieged Kaifong, and then Zhengzhou and Xuchang fell."
    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w, "model")
            for w in ("Kaifong", "Zhengzhou", "Xuchang")]
    rows, warnings = place_rows_and_warnings(ents, [], lambda o: 1232, text=text)
    row = next(r for r in rows if r.place == "Kaifong")
    assert row.certainty == "low" and row.coord_source.endswith(":old-spelling")
    assert any(w.code == "PLACE_COORDINATE_GUESSED" and "Kaifeng" in w.message
               for w in warnings)
