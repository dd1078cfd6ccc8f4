"""Causatives whose participle the tagger reads as a base form (fresh report 14, #3).

"put", "cut", "set" have a past participle equal to their base form, so after "had Y" the
tagger often tags it VB ("Su Ding had Thi Sach put to death", with a name the model does not
know): the causative is still read ("had" + a participle with no object of its own: the
subject of "had" acts, Y suffers), while an active complement with an object ("had his
men cut the ropes") is no passive. With no subject for "had" (a misparsed name before it) the
nearest-name fallback never takes the one the act is done to."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_binding import roles, run

from pipeline.events.lexicon import load_verb_inflections


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


@pytest.mark.parametrize("sentence", [
    "Su Ding had Thi Sach put to death.",
    "Su Ding, a greedy and cruel man, had Thi Sach put to death.",
    "In 1142 Qin Hui had Yue Fei put to death.",
])
def test_had_y_put_to_death_keeps_the_causer(nlp: Language, sentence: str) -> None:
    names = [("Su Ding", "PERSON"), ("Thi Sach", "PERSON"), ("Qin Hui", "PERSON"),
             ("Yue Fei", "PERSON")]
    pair = roles(run(nlp, sentence, names), "execution")
    assert pair and pair[0][0] in ("Su Ding", "Qin Hui") and pair[0][1] in ("Thi Sach",
                                                                           "Yue Fei")


def test_nearest_fallback_is_never_the_patient(nlp: Language) -> None:
    ev = run(nlp, "To Dinh (Su Ding), a greedy and cruel man, had Thi Sach put to death.",
             [("Su Ding", "PERSON"), ("Thi Sach", "PERSON")])
    assert [a for a, _ in roles(ev, "execution")] != ["Thi Sach"]


def test_unchanged_participles_come_from_the_inflection_table() -> None:
    from pipeline.events.syntax import _unchanged_participles

    same = _unchanged_participles()
    verbs = load_verb_inflections()
    assert {"put", "cut"} <= same | (set() if "cut" in verbs else {"cut"})
    assert "beat" not in same and "take" not in same  # "beaten", "taken"


def test_nearest_fallback_keeps_the_subject_of_an_earlier_clause(nlp: Language) -> None:
    ev = run(nlp, "In 1009 the general Kang Cho deposed King Mokjong, who was killed on his "
             "way into exile, and placed King Hyeonjong on the throne.",
             [("Kang Cho", "PERSON"), ("Mokjong", "PERSON"), ("Hyeonjong", "PERSON")])
    assert [a for a, _ in roles(ev, "enthronement")] in (["Kang Cho"], [])
    assert all(b != "Kang Cho" for _, b in roles(ev, "enthronement"))


def test_a_name_listed_with_the_verb_before_is_the_next_clause_subject(nlp: Language) -> None:
    """Fresh report 14 (#9): "Pang Juan" parsed as a conjunct of "marched", "was beaten" with
    no subject: the defeat's patient is Pang Juan, never Qi."""
    ev = run(nlp, "Qi marched on Daliang instead of Handan, and Pang Juan, hurrying back, was "
             "beaten at Guiling.", [("Qi", "POLITY"), ("Daliang", "PLACE"), ("Handan", "PLACE"),
                                    ("Pang Juan", "PERSON"), ("Guiling", "PLACE")])
    assert [b for _, b in roles(ev, "defeat")] == ["Pang Juan"]
