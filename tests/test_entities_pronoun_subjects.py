"""fresh report 11 (#3): a model PLACE that opens a clause and that "he" takes up in the same
sentence is a person ("In 1402 Timur turned west, ... he routed the Ottoman sultan");
a known place, a place after a preposition, or a PERSON between keeps the reading."""

from __future__ import annotations

import pytest

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


_CASES = [
    # a clause's subject taken up by "he"/"his" (and the name's other rows)
    ("In 1402 Timur turned west, and that summer he routed the sultan at Ankara. "
     "Later Timur rested.", "Timur", ["PERSON", "PERSON"]),
    ("Toqmaq crossed the river and his men burned the camp.", "Toqmaq", ["PERSON"]),
    # a place table knows it: the subject is a place, "he" someone else
    ("In 1127 Kaifeng fell, and he fled south.", "Kaifeng", ["PLACE"]),
    # after a preposition, or no "he" in its sentence
    ("The army halted at Toqmaq, and he fell ill. Toqmaq lay in snow.", "Toqmaq",
     ["PLACE", "PLACE"]),
    # apposed to a kin noun
    ("Timur had named his grandson Pir Muhammad, but another grandson, Khalil Sultan, "
     "seized Samarkand within weeks. Khalil Sultan let the envoy go home.", "Khalil Sultan",
     ["PERSON", "PERSON"]),
    # a place the tables know stays a place ("his son, Nanjing, ..." is no apposition)
    ("He sent his son, Nanjing, and the army to the north.", "Nanjing", ["PLACE"]),
    # the concubine Helan (賀蘭) is no place (the Helan mountains are)
    ("In 409 he wanted to kill his concubine Helan, and her son went into the palace.",
     "Helan", ["PERSON"]),
    ("The army crossed the Helan mountains.", "Helan", ["PLACE"]),
    # an age or rank word between the possessive and the kin noun (Fuquan 福全, not the county)
    ("His elder brother Fuquan, Prince Yu, is named Generalissimo.", "Fuquan", ["PERSON"]),
    ("Her younger son Helan fled to the hills.", "Helan", ["PERSON"]),
    # no kin noun: the place stays
    ("His elder army held Fuquan all winter.", "Fuquan", ["PLACE"]),
]


@pytest.mark.parametrize(("text", "name", "labels"), _CASES)
def test_person_cues_of_a_model_place(blank, gaz, text: str, name: str,
                                      labels: list[str]) -> None:
    assert _labels(blank, gaz, text, name)[name] == labels
