"""Phrasal verbs split by their object ("put X to death", "took X prisoner"): gapped forms
(``~``) of event_types.csv, :mod:`pipeline.events.gapped`."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import brief, run

from pipeline.events.lexicon import build_trigger_matcher, expand_form, load_event_lexicon

SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Jin", "POLITY", "Jin")]


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


@pytest.mark.parametrize("text,expected", [
    ("In 1641 Li Heng put Wang Dao, Prince of Xiang, to death.",
     ("execution", "Li Heng", "Wang Dao", "")),
    ("Li Heng boarded a ship and took a general prisoner.",
     ("capture_person", "Li Heng", "", "")),
    ("Li Heng put the Jin army to flight.", ("defeat", "Li Heng", "Jin", "")),
    ("Li Heng drove the Jin out of Luoyang.", ("defeat", "Li Heng", "Jin", "")),
])
def test_an_object_inside_the_phrase(nlp: Language, text: str,
                                     expected: tuple[str, str, str, str]) -> None:
    assert expected in brief(run(nlp, text, SPEC))


@pytest.mark.parametrize("text", [
    "Li Heng put the question to the court; death followed.",  # the gap leaves the clause
    "Li Heng put the long and very costly matter of the old rites to death.",  # too long
])
def test_no_phrase_across_a_stop_or_a_long_gap(nlp: Language, text: str) -> None:
    assert not [r for r in brief(run(nlp, text, SPEC)) if r[0] == "execution"]


def test_a_trigger_inside_the_gap_keeps_its_own_row(nlp: Language) -> None:
    rows = brief(run(nlp, "Li Heng took the captured Wang Dao prisoner.", SPEC))
    assert all(kind != "capture_person" or actor2 == "Wang Dao" for kind, _, actor2, _ in rows)
    assert len(rows) == 1


def test_gapped_forms_stay_out_of_the_phrase_matcher(nlp: Language) -> None:
    lex = load_event_lexicon()
    gapped = [f for f in lex.forms if "~" in f]
    assert "put ~ to death" in gapped and "took ~ prisoner" in gapped
    matcher = build_trigger_matcher(nlp.vocab, lex)
    assert all(f not in matcher for f in gapped)
    assert expand_form("{put} ~ to flight", verbs={"put": ("put", "puts", "putting")}) == [
        "put ~ to flight", "puts ~ to flight", "putting ~ to flight"]
