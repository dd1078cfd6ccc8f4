"""A possessed noun trigger in a phrase on a later clause's verb takes that verb's subject
(``pipeline.events.nominal._host_subject``): "After his return Genghis Khan invaded";
not for a death ("After his death, X governed": X is alive), nor past a possessed subject
("After his death his son X succeeded"). Invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import run

from pipeline.records import EventRow


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def actors(events: list[EventRow], kind: str) -> list[tuple[str, str]]:
    return [(e.actor1, e.actor1_source) for e in events if e.event_type == kind]


def test_a_fronted_return_is_the_main_subjects(nlp: Language) -> None:
    ev = run(nlp, "After his return Temur Khan invaded Xia in 1226.",
             [("Temur Khan", "PERSON"), ("Xia", "POLITY")])
    assert actors(ev, "movement") == [("Temur Khan", "pronoun")]


def test_an_accession_set_off_by_commas_is_the_subjects(nlp: Language) -> None:
    ev = run(nlp, "Upon his accession, Kangxi ordered a census.", [("Kangxi", "PERSON")])
    assert actors(ev, "enthronement") == [("Kangxi", "pronoun")]


def test_a_death_is_never_the_living_subjects(nlp: Language) -> None:
    ev = run(nlp, "After his death, Zhuge Liang governed the state.",
             [("Zhuge Liang", "PERSON")])
    assert all(a != "Zhuge Liang" for a, _ in actors(ev, "death"))


def test_a_possessed_subject_is_someone_else(nlp: Language) -> None:
    ev = run(nlp, "After his return his son Liu Shan took the city.", [("Liu Shan", "PERSON")])
    assert all(a != "Liu Shan" for a, _ in actors(ev, "movement"))
