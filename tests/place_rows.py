"""Shared helper for place tests: the place rows of invented text with given PLACE words."""

from __future__ import annotations

from pipeline.document import GAZETTEER_DIR
from pipeline.places.lookup import load_historical_places
from pipeline.places.rows import place_rows_and_warnings
from pipeline.records import EntityRow, PlaceRow, WarningRow


def place_rows(text: str, year: int, *words: str
               ) -> tuple[dict[str, PlaceRow], list[WarningRow]]:
    """Place rows (by place name) and warnings of ``text`` whose ``words`` are tagged PLACE
    (first occurrence each) and whose every offset is dated ``year``."""
    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w,
                      "gazetteer") for w in words]
    rows, warnings = place_rows_and_warnings(
        ents, [], lambda o: year, load_historical_places(GAZETTEER_DIR / "places.csv"),
        text=text)
    return {r.place: r for r in rows}, warnings
