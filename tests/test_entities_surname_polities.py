"""A dynasty named by its ruling clan ("Yuwen Zhou", "Li Tang") after a person noun is a
person (pipeline/entities/surname_polities.py)."""

from __future__ import annotations

import re

from pipeline.entities.surname_polities import surnamed_polities


def _labels(gaz, text: str, names: dict[str, str]) -> dict[str, str]:
    rows = [(m.start(), m.end(), label, name, "gazetteer", name)
            for name, label in names.items() for m in re.finditer(re.escape(name), text)]
    surnamed_polities(rows, text, gaz)
    return {r[5]: r[2] for r in rows}


def test_clan_dynasty_after_a_person_noun_is_a_person(gaz):
    for text in ("In 580 he defeated Yuchi's general Yuwen Zhou at Xingyang.",
                 "The rebels killed the general Li Tang in the hall.",
                 "General Tuoba Wei held the pass.",
                 "They sent his envoy Yuwen Zhou to the court."):
        name = next(n for n in ("Yuwen Zhou", "Li Tang", "Tuoba Wei") if n in text)
        assert _labels(gaz, text, {name: "POLITY"}) == {name: "PERSON"}, text


def test_clan_dynasty_as_a_dynasty_stays(gaz):
    for text in ("The Yuwen Zhou destroyed Northern Qi in 577.",
                 "Under the Li Tang the examinations grew.",
                 "The general served Yuwen Zhou and then Sui.",  # no noun right before it
                 "The Tang general Li Jing crossed the desert."):
        names = {n: "POLITY" for n in ("Yuwen Zhou", "Li Tang", "Tang") if n in text}
        assert set(_labels(gaz, text, names).values()) == {"POLITY"}, text
