"""An agentless hostile event takes the one side its sentence shows acting
(:mod:`pipeline.events.rows.sentence_side`): the subject of a verb that is no event or a hostile
or motion one, a force noun it modifies, the object of "from"/"by"; never the patient's side,
a person's title, an undergoer's subject, an elided passive, or one of two sides (blank)."""

from __future__ import annotations

import re

import pytest
from spacy.language import Language
from trigger_matchers import trigger_matcher

from pipeline.events import extract_events
from pipeline.places import find_place_glosses
from pipeline.records import EntityRow, EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def run(nlp: Language, text: str, spec: list[tuple[str, str, str]],
        polities: dict[str, str] | None = None) -> list[EventRow]:
    found = sorted((EntityRow("", -1, m.start(), m.end(), name, label, canonical, "gazetteer")
                    for name, label, canonical in spec
                    for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)),
                   key=lambda e: e.start)
    return extract_events(nlp(text), found, [], find_place_glosses(text),
                          person_polity=polities or {}, matcher=trigger_matcher(nlp))


def row(rows: list[EventRow], trigger: str) -> EventRow:
    return next(r for r in rows if r.trigger == trigger)


def test_force_noun_subject_of_a_plain_verb(nlp: Language) -> None:
    rows = run(nlp, "The Jurchen cavalry climbed the walls at dawn and Kaifeng fell.",
               [("Jurchen", "POLITY", "Jin"), ("Kaifeng", "PLACE", "Kaifeng")])
    fell = row(rows, "fell")
    assert (fell.actor1, fell.actor1_source, fell.certainty) == ("Jin", "side", "low")


def test_object_of_from(nlp: Language) -> None:
    rows = run(nlp, "In 946 he retook Xuzhou from the Khitan army, but a year later he was "
               "captured at Xuzhou.", [("Khitan", "POLITY", "Khitan"),
                                       ("Xuzhou", "PLACE", "Xuzhou")])
    assert (row(rows, "captured").actor1, row(rows, "captured").actor1_source) == (
        "Khitan", "side")


def test_person_with_a_gazetteer_side_against_a_titled_patient(nlp: Language) -> None:
    rows = run(nlp, "Li Shimin waited behind the hills; the Xia general Dou Jiande was "
               "captured.", [("Li Shimin", "PERSON", "Li Shimin"), ("Xia", "POLITY", "Xia"),
                             ("Dou Jiande", "PERSON", "Dou Jiande")], {"Li Shimin": "Tang"})
    assert row(rows, "captured").actor1 == "Li Shimin"


def test_two_sides_acting_stay_blank(nlp: Language) -> None:
    rows = run(nlp, "The Song troops waited at the gate and the Jin army climbed the walls, "
               "and Xiangyang fell.", [("Song", "POLITY", "Song"), ("Jin", "POLITY", "Jin"),
                                       ("Xiangyang", "PLACE", "Xiangyang")])
    assert row(rows, "fell").actor1 == ""


def test_a_persons_title_is_no_side(nlp: Language) -> None:
    rows = run(nlp, "The Dutch governor Coyett stayed in Fort Zeelandia, which was besieged "
               "for nine months.", [("Dutch", "POLITY", "Dutch"), ("Coyett", "PERSON", "Coyett"),
                                    ("Fort Zeelandia", "PLACE", "Fort Zeelandia")])
    assert row(rows, "besieged").actor1 == ""


def test_an_undergoers_subject_is_no_side(nlp: Language) -> None:
    rows = run(nlp, "In 618 the emperor was strangled at Jiangdu and the Sui dynasty fell.",
               [("Sui dynasty", "POLITY", "Sui"), ("Jiangdu", "PLACE", "Jiangdu")])
    assert row(rows, "strangled").actor1 == ""


def test_an_elided_passive_is_no_side(nlp: Language) -> None:
    rows = run(nlp, "Jinyang was stormed and Gao Wei captured.",
               [("Jinyang", "PLACE", "Jinyang"), ("Gao Wei", "PERSON", "Gao Wei")],
               {"Gao Wei": "Northern Qi"})
    assert row(rows, "stormed").actor1 == ""


def test_another_timeline_line_is_no_side(nlp: Language) -> None:
    rows = run(nlp, "- 1351: the Red Turbans rise in Yingzhou.\n- 1354: Toqto'a besieges Gaoyou "
               "and is dismissed before the city falls.",
               [("Red Turbans", "ARMY", "Red Turban Army"), ("Yingzhou", "PLACE", "Yingzhou"),
                ("Toqto'a", "PERSON", "Toqto'a"), ("Gaoyou", "PLACE", "Gaoyou")])
    assert all(r.actor1 != "Red Turban Army" for r in rows if r.trigger == "falls")
