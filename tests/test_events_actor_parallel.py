"""actor2 of an object pronoun coordinated with an earlier object (fresh report 11: "Sun Jun
told Zhuge Ke, who invited Sun Hong to a discussion and killed him" gave Sun Jun, the
sentence's first subject): "him" of a verb sharing its subject with an earlier verb is that
verb's object (:mod:`pipeline.events.parallel`); a verb with its own subject is not read."""

from __future__ import annotations

import pytest
from event_rows import events, one

from pipeline import api
from pipeline.events.parallel import _earlier_conjuncts, inside_clause


@pytest.mark.parametrize("text, event_type, patient", [
    ("In 253 Sun Jun told Zhuge Ke, who invited Sun Hong to a discussion and killed him.",
     "killing", "Sun Hong"),
    ("In 208 Cao Cao summoned Kong Rong to the court and executed him.", "execution",
     "Kong Rong"),
    ("In 1644 Li Zicheng captured Wu Xiang, questioned him and beheaded him.", "execution",
     "Wu Xiang"),
])
def test_object_pronoun_names_the_earlier_object(text: str, event_type: str, patient: str,
                                                 resources: api.Resources) -> None:
    row = one(text, resources, event_type)
    assert row.actor2 == patient
    assert row.actor1 != patient


@pytest.mark.parametrize("text, verb, earlier", [
    ("Li Zicheng captured Wu Xiang, questioned him and beheaded him.", "beheaded",
     ["questioned", "captured"]),
    ("Yuan Shao summoned Ju Shou to his camp and executed him.", "executed", ["summoned"]),
    ("Wang Mang seized Liu Xuan, and the emperor later pardoned him.", "pardoned", []),
    ("Wang Mang seized Liu Xuan.", "seized", []),
])
def test_earlier_conjuncts_share_the_subject(text: str, verb: str, earlier: list[str],
                                             parser_nlp) -> None:
    doc = parser_nlp(text)
    tok = next(t for t in doc if t.text == verb)
    assert [t.text for t in _earlier_conjuncts(tok)] == earlier



@pytest.mark.parametrize("text, event_type, not_actor", [
    ("In 626 Li Yuan abdicated, and the prince ascended the throne.", "enthronement",
     "Emperor Gaozu of Tang"),
])
def test_description_subject_of_a_later_conjunct_is_not_the_earlier_subject(
        text: str, event_type: str, not_actor: str, resources: api.Resources) -> None:
    assert one(text, resources, event_type).actor1 != not_actor


def test_pronoun_subject_of_a_later_conjunct_may_be_the_earlier_subject(
        resources: api.Resources) -> None:
    text = "In 1644 Li Zicheng took Beijing, and he proclaimed himself emperor."
    rows = [e for e in events(text, resources) if e.actor1]
    assert rows and all(e.actor1 == "Li Zicheng" for e in rows)


def test_person_killed_in_an_earlier_conjunct_is_no_later_subject(
        resources: api.Resources) -> None:
    text = ("In 73 Pan Ch'ao went to the Western Regions. In 75 the Protector Ch'ên Mu was "
            "killed by the men of Yen-ch'i, and Pan Ch'ao was recalled; but the people of "
            "Khoten clung to his horse's legs, and he turned back and held Kashgar alone.")
    row = next(e for e in events(text, resources) if e.trigger == "turned back")
    assert row.actor1 != "Chen Mu"



@pytest.mark.parametrize("text, word, verb, inside", [
    ("Zongze died because his efforts failed.", "his", "died", True),
    ("Chen Mu was killed, and he turned back.", "he", "killed", False),
    ("Chen Mu was killed.", "Mu", "killed", True),
    ("Saritai was killed by an arrow, and his army turned back.", "his", "killed", True),
])
def test_inside_clause(text: str, word: str, verb: str, inside: bool, parser_nlp) -> None:
    doc = parser_nlp(text)
    tok = next(t for t in doc if t.text == word)
    head = next(t for t in doc if t.text == verb)
    assert inside_clause(tok, head) is inside
