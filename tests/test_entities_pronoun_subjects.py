"""fresh report 11 (#3): a model PLACE that opens a clause and that "he" takes up in the same
sentence is a person ("In 1402 Timur turned west, ... he routed the Ottoman sultan");
a known place, a place after a preposition, or a PERSON between keeps the reading."""

from __future__ import annotations

from pipeline.entities import extract_entities


def _labels(blank, gaz, text: str, *names: str) -> dict[str, list[str]]:
    doc = blank(text)
    ents = []
    for name in names:
        at = 0
        while (at := text.find(name, at)) >= 0:
            ents.append(doc.char_span(at, at + len(name), label="GPE"))
            at += len(name)
    doc.set_ents(ents, default="unmodified")
    out: dict[str, list[str]] = {}
    for e in extract_entities(doc, gaz):
        out.setdefault(e.text, []).append(e.label)
    return out


def test_a_subject_taken_up_by_he_is_a_person(blank, gaz):
    text = ("In 1402 Timur turned west, and that summer he routed the sultan at Ankara. "
            "Later Timur rested.")
    assert _labels(blank, gaz, text, "Timur")["Timur"] == ["PERSON", "PERSON"]
    text = "Toqmaq crossed the river and his men burned the camp."
    assert _labels(blank, gaz, text, "Toqmaq")["Toqmaq"] == ["PERSON"]


def test_places_stay_places(blank, gaz):
    # a place table knows it: the subject is a place, "he" someone else
    text = "In 1127 Kaifeng fell, and he fled south."
    assert _labels(blank, gaz, text, "Kaifeng")["Kaifeng"] == ["PLACE"]
    # after a preposition, or no "he" in its sentence
    text = "The army halted at Toqmaq, and he fell ill. Toqmaq lay in snow."
    assert _labels(blank, gaz, text, "Toqmaq")["Toqmaq"] == ["PLACE", "PLACE"]


def test_a_name_apposed_to_a_kin_noun_is_a_person(blank, gaz):
    text = ("Timur had named his grandson Pir Muhammad, but another grandson, Khalil Sultan, "
            "seized Samarkand within weeks. Khalil Sultan let the envoy go home.")
    assert _labels(blank, gaz, text, "Khalil Sultan")["Khalil Sultan"] == ["PERSON", "PERSON"]
    # a place the tables know stays a place ("his son, Nanjing, ..." is no apposition)
    text = "He sent his son, Nanjing, and the army to the north."
    assert _labels(blank, gaz, text, "Nanjing")["Nanjing"] == ["PLACE"]


def test_a_place_name_after_a_possessive_kin_noun_is_a_person(blank, gaz):
    # fresh report 11: the concubine Helan (賀蘭) is no place (the Helan mountains are)
    text = "In 409 he wanted to kill his concubine Helan, and her son went into the palace."
    assert _labels(blank, gaz, text, "Helan")["Helan"] == ["PERSON"]
    text = "The army crossed the Helan mountains."
    assert _labels(blank, gaz, text, "Helan")["Helan"] == ["PLACE"]
