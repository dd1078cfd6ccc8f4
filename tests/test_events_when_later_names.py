"""A capitalised "Later" that opens a state's name ("Later Baekje", "Later Tang") is neither an
ended dynasty's other half nor the adverb "later" (pipeline.events.when.known._longer_name,
pipeline.events.when.later._names_state). Invented texts."""

from __future__ import annotations

from pipeline import api


def _rows(text: str, resources: api.Resources) -> list:
    return list(api.process_text(text, "t", resources).events)


def test_later_baekje_fell_is_not_baekje(resources: api.Resources) -> None:
    text = ("In the 9th month of 936 Wang Geon defeated Singeom at Illicheon. Later Baekje "
            "fell, and the land was united under Goryeo.")
    (row,) = [e for e in _rows(text, resources) if e.event_type == "fall_of_state"]
    assert row.year == 936  # Baekje's end (663) before; Later Baekje 900-936, the running 936


def test_later_tang_armies_are_no_later_cue(resources: api.Resources) -> None:
    text = "In 923 the war went on. Later Tang armies attacked Kaifeng."
    (row,) = [e for e in _rows(text, resources) if e.trigger == "attacked"]
    assert row.year == 923


def test_the_adverb_later_still_defers_the_year(resources: api.Resources) -> None:
    # "Later, Tang armies": the adverb; no later year printed, so no year (as before)
    text = "In 923 the war went on. Later, Tang armies attacked Kaifeng."
    (row,) = [e for e in _rows(text, resources) if e.trigger == "attacked"]
    assert row.year is None


def test_a_dynasty_the_tables_know_still_dates_its_fall(resources: api.Resources) -> None:
    text = "In 1100 the war went on. Later the Liao fell."
    (row,) = [e for e in _rows(text, resources) if e.event_type == "fall_of_state"]
    assert row.year == 1125


def test_a_founding_is_not_dated_years_before_the_dynasty(resources: api.Resources) -> None:
    # the running 1110 is five years before the Jin's first reign year: the tables' 1115
    text = "In 1110 Aguda rose against the Liao. He founded the Jin dynasty."
    (row,) = [e for e in _rows(text, resources) if e.event_type == "establishment"]
    assert row.year == 1115 and row.certainty == "low"


def test_a_founding_within_the_dynasty_keeps_the_text_year(resources: api.Resources) -> None:
    text = "In 1116 Aguda rose against the Liao. He founded the Jin dynasty."
    (row,) = [e for e in _rows(text, resources) if e.event_type == "establishment"]
    assert row.year == 1116
