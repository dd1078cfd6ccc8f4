"""An untagged name right after "the" and a person noun is a person
(pipeline/entities/framed_names.py)."""

from __future__ import annotations

from pipeline.entities.framed_names import framed_persons


def _added(gaz, text: str, rows=()):
    rows = list(rows)
    n = len(rows)
    words = {w for w in text.replace(".", " ").split() if w.islower()}
    framed_persons(rows, text, gaz, words)
    return [(r[5], r[2], r[3]) for r in rows[n:]]


def test_untagged_name_after_a_person_noun_is_a_person(gaz):
    assert _added(gaz, "The Dzungar khan Dawachi is captured soon after.") == [
        ("Dawachi", "PERSON", "Dawachi")]
    assert _added(gaz, "Power passed to the chancellor El Temür in that year.") == [
        ("El Temür", "PERSON", "El Temür")]
    assert _added(gaz, "He was killed by the eunuch Ssŭ-ma Lun.")[0][2] == "Sima Lun"


def test_no_row_for_tagged_known_or_common_words(gaz):
    text = "The Dzungar khan Dawachi is captured."
    at = text.index("Dawachi")
    tagged = [(at, at + 7, "PERSON", "Dawachi", "model", "Dawachi")]
    assert _added(gaz, text, tagged) == []  # a row covers it already
    assert _added(gaz, "The army of the general Nanjing waited.") == []  # a known place
    assert _added(gaz, "They met the envoy Great in the hall, a great man.") == []
    assert _added(gaz, "The Tang general crossed the river.") == []  # no name after it


def test_english_words_only_are_no_name(gaz):
    text = "The general Staff met at dawn. The chancellor El Temür waited."
    rows: list = []
    framed_persons(rows, text, gaz, {"met", "at", "dawn", "waited"},
                   {"staff": False, "el": False})
    assert [r[5] for r in rows] == ["El Temür"]  # "Temür" is no English word
