"""Name collisions: a state's or river's word inside a person's name; "changed Yuan" (改元)."""

from __future__ import annotations

import pytest

from pipeline.entities.collisions import load_collisions, resolve_collisions
from pipeline.records import EntityRow


@pytest.fixture(scope="module")
def words(gaz):
    return load_collisions(gaz.source_dir)


def _row(text: str, part: str, label: str, canonical: str, nth: int = 0) -> EntityRow:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return EntityRow("", -1, start, start + len(part), part, label, canonical, "gazetteer")


def _read(text, rows, gaz, words):
    return [(e.text, e.label, e.canonical)
            for e in resolve_collisions(sorted(rows, key=lambda r: r.start), text, gaz, words)]


def test_state_then_syllable_is_a_person(gaz, words):
    text = "The rebel chief Wei Kung fled north."
    assert _read(text, [_row(text, "Wei", "POLITY", "Wei")], gaz, words) == [
        ("Wei Kung", "PERSON", "Wei Gong")]


def test_surname_then_state_or_river_is_a_person(gaz, words):
    text = "Ho Yen and Kuo Huai advised the regent."
    rows = [_row(text, "Yen", "POLITY", "Yan"), _row(text, "Huai", "PLACE", "Huai River")]
    # "kuo" is a pinyin syllable too, so "Kuo Huai" keeps its spelling
    assert _read(text, rows, gaz, words) == [("Ho Yen", "PERSON", "He Yan"),
                                             ("Kuo Huai", "PERSON", "Kuo Huai")]


def test_alias_pair_is_a_person_with_pinyin_canonical(gaz, words):
    text = "Then Chiang Wei marched out."
    rows = [_row(text, "Chiang", "POLITY", "Qiang"), _row(text, "Wei", "POLITY", "Wei")]
    assert _read(text, rows, gaz, words) == [("Chiang Wei", "PERSON", "Jiang Wei")]


def test_state_before_a_noun_or_another_state_stays(gaz, words):
    text = "The Wei Jun crossed; Song Jin talks failed; the Wei River rose; Wei troops came."
    rows = [_row(text, "Wei", "POLITY", "Wei"), _row(text, "Song", "POLITY", "Song"),
            _row(text, "Jin", "POLITY", "Jin"), _row(text, "Wei River", "PLACE", "Wei River"),
            _row(text, "Wei", "POLITY", "Wei", nth=2)]
    assert [r[1] for r in _read(text, rows, gaz, words)] == ["POLITY", "POLITY", "POLITY",
                                                            "PLACE", "POLITY"]


def test_english_pronoun_opening_a_sentence_is_no_surname(gaz, words):
    text = "The envoy left. He Qi was not his name."
    assert _read(text, [_row(text, "Qi", "POLITY", "Qi")], gaz, words) == [
        ("Qi", "POLITY", "Qi")]


def test_bare_surname_read_through_an_alias_is_the_person(gaz, words):
    text = "Chiang Kai-shek took Wuchang. In May Chiang marched north. The Qiang rose."
    rows = [_row(text, "Chiang Kai-shek", "PERSON", "Chiang Kai-shek"),
            _row(text, "Chiang", "POLITY", "Qiang", nth=1),
            _row(text, "Qiang", "POLITY", "Qiang")]
    assert _read(text, rows, gaz, words) == [
        ("Chiang Kai-shek", "PERSON", "Chiang Kai-shek"),
        ("Chiang", "PERSON", "Chiang Kai-shek"), ("Qiang", "POLITY", "Qiang")]


def test_changed_yuan_is_no_polity(gaz, words):
    text = "He took the throne and changed Yuan Taiping. The Yuan fell."
    rows = [_row(text, "Yuan", "POLITY", "Yuan"), _row(text, "Yuan", "POLITY", "Yuan", nth=1)]
    assert _read(text, rows, gaz, words) == [("Yuan", "POLITY", "Yuan")]
    assert resolve_collisions(rows, text, gaz, words)[0].start == text.rindex("Yuan")


def test_bare_alias_joined_to_a_state_stays_a_state(gaz, words):
    text = "Meng Gong marched. In 1233 Song and Meng made peace."
    rows = [_row(text, "Meng Gong", "PERSON", "Meng Gong"),
            _row(text, "Song", "POLITY", "Song"), _row(text, "Meng", "POLITY", "Mongols", nth=1)]
    assert [r[1] for r in _read(text, rows, gaz, words)] == ["PERSON", "POLITY", "POLITY"]


def test_two_states_as_the_subject_of_a_verb_are_a_person(gaz, words):
    text = "Then Han Xin crossed the river with his cavalry."
    rows = [_row(text, "Han", "POLITY", "Han"), _row(text, "Xin", "POLITY", "Xin")]
    assert [r[:2] for r in _read(text, rows, gaz, words)] == [("Han Xin", "PERSON")]


def test_two_states_before_a_noun_stay_states(gaz, words):
    text = "The Song Jin wars ended when the Song Jin treaty was signed."
    rows = [_row(text, "Song", "POLITY", "Song"), _row(text, "Jin", "POLITY", "Jin")]
    assert [r[:2] for r in _read(text, rows, gaz, words)] == [("Song", "POLITY"),
                                                              ("Jin", "POLITY")]



@pytest.mark.parametrize(("text", "pair", "want"), [
    ("The town was held by Qi Liang, an able commander of the court.", ("Qi", "Liang"),
     [("Qi Liang", "PERSON")]),  # an apposition naming a person
    ("He wrote on Song Jin, the rival empires of the north and south.", ("Song", "Jin"),
     [("Song", "POLITY"), ("Jin", "POLITY")]),  # an apposition of no person
])
def test_two_states_before_an_apposition(gaz, words, text, pair, want):
    rows = [_row(text, w, "POLITY", w) for w in pair]
    assert [r[:2] for r in _read(text, rows, gaz, words)] == want
