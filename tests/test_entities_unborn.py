"""Polity readings refused at the date of their mention (pipeline/entities/unborn.py).
Short texts of our own; entities built by hand, years given per offset."""

from __future__ import annotations

import re

from pipeline.entities.unborn import NOT_YET, PAIR, refuse_unborn_polities
from pipeline.records import EntityRow

SURNAMES = frozenset({"Song", "Wei", "Liu", "Jin"})


def _rows(text: str, names: dict[str, tuple[str, str]]) -> list[EntityRow]:
    return sorted((EntityRow("t", 0, m.start(), m.end(), name, label, canon, "gazetteer")
                   for name, (label, canon) in names.items()
                   for m in re.finditer(rf"\b{re.escape(name)}\b", text)),
                  key=lambda e: e.start)


def test_kingdom_not_founded_yet_becomes_the_commandery_of_that_name():
    text = "Han Fu, who governed Bohai, sent grain to the army."
    rows, warns = refuse_unborn_polities(_rows(text, {"Bohai": ("POLITY", "Balhae")}), text,
                                         lambda _o: [192], SURNAMES)
    assert [(e.label, e.canonical) for e in rows] == [("PLACE", "Bohai")]
    assert [w.code for w in warns] == [NOT_YET]


def test_kingdom_of_its_own_time_is_kept():
    text = "Envoys of Bohai came to the Tang court."
    ents = _rows(text, {"Bohai": ("POLITY", "Balhae")})
    rows, warns = refuse_unborn_polities(ents, text, lambda _o: [760], SURNAMES)
    assert rows == ents and warns == []


def test_undated_mention_is_left_alone():
    text = "Bohai sent envoys."
    ents = _rows(text, {"Bohai": ("POLITY", "Balhae")})
    assert refuse_unborn_polities(ents, text, lambda _o: [], SURNAMES) == (ents, [])


def test_two_states_that_did_not_exist_then_are_one_person():
    text = "The rebels were routed by Song Wei near the river."
    ents = _rows(text, {"Song": ("POLITY", "Song"), "Wei": ("POLITY", "Wei")})
    rows, warns = refuse_unborn_polities(ents, text, lambda _o: [880], SURNAMES)
    assert [(e.text, e.label) for e in rows] == [("Song Wei", "PERSON")]
    assert [w.code for w in warns] == [PAIR]


def test_a_pair_of_states_of_their_own_time_stays_two_states():
    text = "The Song Jin wars began in earnest."
    ents = _rows(text, {"Song": ("POLITY", "Song"), "Jin": ("POLITY", "Jin")})
    rows, warns = refuse_unborn_polities(ents, text, lambda _o: [1130], SURNAMES)
    assert [e.label for e in rows] == ["POLITY", "POLITY"] and warns == []


def test_a_pair_named_after_both_ended_is_a_reference_to_the_past():
    text = "He admired Wei Jin poetry above all."
    ents = _rows(text, {"Wei": ("POLITY", "Wei"), "Jin": ("POLITY", "Jin")})
    rows, warns = refuse_unborn_polities(ents, text, lambda _o: [1500], SURNAMES)
    assert [e.label for e in rows] == ["POLITY", "POLITY"] and warns == []


def test_a_state_in_its_own_spelling_is_an_older_kingdom_not_refused():
    text = "The king of Chu rose with Wu against the court."
    ents = _rows(text, {"Chu": ("POLITY", "Chu"), "Wu": ("POLITY", "Wu")})
    rows, warns = refuse_unborn_polities(ents, text, lambda _o: [-154], SURNAMES)
    assert rows == ents and warns == []


def test_unborn_reading_with_no_unit_of_that_name_is_left_unlinked():
    text = "Envoys came from Parhae with horses."
    rows, warns = refuse_unborn_polities(_rows(text, {"Parhae": ("POLITY", "Balhae")}), text,
                                         lambda _o: [300], SURNAMES)
    assert [(e.label, e.canonical) for e in rows] == [("POLITY", "Parhae")]
    assert "left unlinked" in warns[0].message
