"""Fresh report 6 (#36, #37): Korean places of the hand-kept world table (Gaegyeong, the
Amnok) are placed, and a region of China named among places abroad ("a Great Wall of a
Thousand Li from the mouth of the Amnok") is not put at its Chinese point."""

from __future__ import annotations

from pipeline.document import GAZETTEER_DIR
from pipeline.places.lookup import load_historical_places
from pipeline.places.rows import place_rows_and_warnings
from pipeline.records import EntityRow


def _rows(text: str, year: int, *words: str):
    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w,
                      "gazetteer") for w in words]
    rows, warnings = place_rows_and_warnings(
        ents, [], lambda o: year, load_historical_places(GAZETTEER_DIR / "places.csv"),
        text=text)
    return {r.place: r for r in rows}, warnings


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
