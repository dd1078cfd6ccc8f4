"""Two capital letters before a full stop and a year are an era marker, no entity."""

from __future__ import annotations

from pipeline.entities.date_shapes import drop_date_shaped_names
from pipeline.records import EntityRow


def _row(text, whole, label="PLACE", source="model"):
    start = whole.index(text)
    return EntityRow(doc_id="", sentence_id=-1, start=start, end=start + len(text), text=text,
                     label=label, canonical=text, source=source)


def test_ocr_era_marker_before_a_year_is_dropped():
    text = "In RC. 340 he led an army against Wei."
    assert drop_date_shaped_names([_row("RC", text)], text, None) == []


def test_initials_without_a_year_and_gazetteer_rows_stay():
    text = "The NRA. 3 divisions of the KMT marched."
    rows = [_row("KMT", text), _row("NRA", text, source="gazetteer")]
    assert drop_date_shaped_names(rows, text, None) == rows
    text = "the army of the NR. It marched"
    assert drop_date_shaped_names([_row("NR", text)], text, None) != []
