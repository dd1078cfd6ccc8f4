"""Untagged repeats of a model PERSON name (``pipeline.entities.name_repeats``): invented texts
and rows, positive and negative."""

from __future__ import annotations

from event_rows import events

from pipeline import api
from pipeline.entities.name_repeats import ModelNames, carry_model_persons
from pipeline.records import EntityRow


def _row(text: str, whole: str, label: str = "PERSON", source: str = "model",
         after: int = 0) -> EntityRow:
    start = whole.index(text, after)
    return EntityRow("t", -1, start, start + len(text), text, label, text, source)


def test_a_tagged_name_is_found_again_in_later_blocks(gaz) -> None:
    text = ("General Ngo Quyen vanquished the invaders.\n\n"
            "In 939 Ngo Quyen proclaimed himself king.")
    seen = ModelNames()
    first = [_row("Ngo Quyen", text)]
    assert carry_model_persons(first, text, 0, 43, seen, gaz) == first
    second = carry_model_persons([], text, 43, len(text), seen, gaz)
    assert [(r.text, r.label, r.start) for r in second] == [
        ("Ngo Quyen", "PERSON", text.index("Ngo Quyen", 43))]


def test_no_repeat_inside_a_longer_name_or_a_taken_span(gaz) -> None:
    text = "Ngo Xuong fled. Ngo Xuong Ngap fled. Ngo Xuongs fled. Ngo Xuong fled."
    seen = ModelNames()
    rows = [_row("Ngo Xuong", text)]
    last = text.rindex("Ngo Xuong")
    out = carry_model_persons(rows, text, 0, len(text), seen, gaz,
                              taken=[(last, last + 3)])
    assert out == rows  # "Ngo Xuong Ngap", "Ngo Xuongs" and the taken span are left alone


def test_headings_titles_and_names_labelled_otherwise_are_not_carried(gaz) -> None:
    text = "VIET NAM history. Dai La fell. Hung Dao was here. VIET NAM. Dai La. Hung Dao."
    seen = ModelNames()
    rows = [_row("VIET NAM", text), _row("Dai La", text, "PLACE"),
            _row("Hung Dao", text), _row("Taihe Chongbao", text + " Taihe Chongbao")]
    seen.learn([_row("Hung Dao", text, "PLACE")], gaz)  # the model called it a place before
    assert carry_model_persons(rows, text, 0, len(text), seen, gaz) == rows
    assert "VIET NAM" not in seen.names and "Hung Dao" not in seen.names
    assert "Taihe Chongbao" not in seen.names  # an era name for a word: no person


def test_a_gazetteer_row_is_never_carried(gaz) -> None:
    text = "Zhuge Liang marched. Later Zhuge Liang returned."
    rows = [_row("Zhuge Liang", text, source="gazetteer")]
    assert carry_model_persons(rows, text, 0, len(text), ModelNames(), gaz) == rows


def test_the_repeat_gives_the_actor(resources: api.Resources) -> None:
    text = ("After a long struggle General Ngo Quyen vanquished the Chinese invaders and "
            "founded the first national dynasty.\n\nThe Ngo kingdom\n\n"
            "In the spring of 939 Ngo Quyen proclaimed himself king and set up his court at "
            "Co Loa. He died in 944.")
    rows = events(text, resources)
    procl = [e for e in rows if e.event_type == "proclamation"]
    death = [e for e in rows if e.event_type == "death"]
    assert procl and procl[0].actor1 == "Ngo Quyen"
    assert death and death[0].actor1 == "Ngo Quyen"
