"""The caches and one-pass matchers that replace per-call work give the same answers as the
work they replace (s12 speed: era lists per dynasty, lexicon alternations, name introductions)."""

from __future__ import annotations

import re

import spacy
from spacy.matcher import Matcher

from pipeline.entities.alternation import alternation, lower_set, word_set
from pipeline.entities.rules import _intro_names
from pipeline.entities.tables import _build_tables
from pipeline.eras import load_era_table
from pipeline.gazetteer import load_gazetteer


def test_alternation_keeps_order_or_sorts_longest_first_stably() -> None:
    words = ("at", "reached", "to", "arrived at", "in")
    assert alternation(words) == "at|reached|to|arrived\\ at|in"
    assert alternation(words, longest_first=True) == "|".join(
        map(re.escape, sorted(words, key=len, reverse=True)))  # "at" before "to", "in"
    assert alternation(("eunuch", "the khan"), capitalized=True) == "Eunuch|The\\ khan"
    assert re.fullmatch(alternation(("a.b", "c+")), "c+") is not None


def test_word_sets() -> None:
    assert word_set(("Li", "Wang")) == frozenset({"Li", "Wang"})
    assert lower_set(("Khan", "Great"), ("Qaghan",)) == frozenset({"khan", "great", "qaghan"})


def test_eras_of_dynasty_matches_each_era_and_is_a_new_list() -> None:
    eras = load_era_table()
    for dynasty in ("Song", "Northern Song", "Jin", "Great Jin", "Han", "Tang", "Nowhere"):
        want = [e for e in eras.eras if eras.matches_dynasty(e, dynasty)]
        got = eras.eras_of_dynasty(dynasty)
        assert got == want
        got.clear()  # the caller's list: the table's own stays whole
        assert eras.eras_of_dynasty(dynasty) == want
    assert eras.eras_of_dynasty("Song")  # a real dynasty has eras


def test_intro_names_are_the_matches_of_the_old_pattern() -> None:
    nlp = spacy.blank("en")
    gaz = load_gazetteer()
    tables = _build_tables(nlp, gaz)
    old = Matcher(nlp.vocab, validate=False)
    intros = [[{"LOWER": x} for x in p.lower().split()] for p in gaz.words("name_intro")]
    old.add("PERSON_INTRO", [p + [{"LOWER": "of", "OP": "?"}, {"IS_TITLE": True}]
                             for p in intros])
    for text in ("Huo Guang, styled Zimeng, was regent.",
                 "He gave himself the literary name of Gangfeng and the art name Qingteng.",
                 "His courtesy name was Zimeng; STYLED Of Xu, also known as Laozi.",
                 "The posthumous title of of Wen was given. He styled himself emperor."):
        doc = nlp.make_doc(text)
        want = [("PERSON_INTRO", s, e) for _, s, e in old(doc)]
        assert _intro_names(doc, tables) == want
    assert _intro_names(nlp.make_doc("the literary name of Gangfeng"), tables) == [
        ("PERSON_INTRO", 1, 5)]
