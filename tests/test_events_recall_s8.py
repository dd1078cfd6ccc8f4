"""Recall mechanisms of session s8 (invented sentences in the styles of real pages): a
lower-case "siege of X" in running text is the siege told (a capitalised "Siege of X" stays a
reference), and a settlement noun as object ("entered the city") is a place for the rows that
take a PLACE."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_recall_mt import types

from pipeline.events.patients import settlement_words


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


@pytest.mark.parametrize("text", [
    "The siege of Xiangyang dragged on through the summer rains.",
    "The next year Li Heng relieved the siege of Luoyang.",
    "Xiangyang fell after a siege of almost a year.",
])
def test_lower_case_siege_of_is_a_siege(nlp: Language, text: str) -> None:
    assert "siege" in types(nlp, text)


def test_capitalised_siege_of_stays_a_reference(nlp: Language) -> None:
    kinds = types(nlp, "Li Heng died in 1273 (see the Siege of Xiangyang).")
    assert "siege" not in kinds
    assert "battle_reference" in kinds


def test_settlement_words_come_from_the_gazetteer() -> None:
    words = settlement_words()
    assert {"city", "cities", "prefecture", "prefectures", "county", "counties"} <= words
    assert "river" not in words  # a feature, not a settlement


@pytest.mark.parametrize("text", [
    "His men, about two hundred in all, entered the city dressed as pedlars.",
    "In the spring Li Heng entered the prefecture with his army.",
])
def test_settlement_object_is_a_place(nlp: Language, text: str) -> None:
    assert "movement" in types(nlp, text)


def test_an_unclassed_object_is_still_refused(nlp: Language) -> None:
    assert "movement" not in types(nlp, "Li Heng entered the debate with a long memorial.")


@pytest.mark.parametrize("text", [
    "In 1211 the Song army marched south from Luoyang.",
    "General Li Heng advanced slowly along the river.",
    "After the siege the Jin troops proceeded north and took Xiangyang.",
])
def test_bare_verb_of_marching_is_a_movement(nlp: Language, text: str) -> None:
    assert "movement" in types(nlp, text)


@pytest.mark.parametrize("text", [
    "The Jin court had advanced technology for casting bronze.",  # a participle on a noun
    "The emperor advanced the funds to the farmers in spring.",  # a direct object
    "Their fame marched on through the centuries.",  # nothing that travels
])
def test_marching_words_that_move_no_one(nlp: Language, text: str) -> None:
    assert "movement" not in types(nlp, text)


def test_passive_pronoun_matches_object_words(nlp: Language) -> None:
    # "bring" takes persons by object_words ("him"); the passive's patient is written "he"
    assert "movement" in types(nlp, "He was brought to Xiangyang in chains.")


def test_unknown_name_takes_the_verbs_sole_label(nlp: Language) -> None:
    # "occupied" asks a PLACE (or a city word): an unknown name as its object is a place
    assert "capture_city" in types(nlp, "In 1853 the Song army occupied Tai-hu-hsien.")
    # "ordered" asks a PERSON: "the Office ..." (an article) is no unknown name
    assert "appointment" not in types(
        nlp, "The council ordered the Office for Laws to compile the code.")


def test_sending_an_army_is_an_attack(nlp: Language) -> None:
    # army_noun cue words stand for the label ARMY: the "send" row of ARMY is an attack
    assert "attack" in types(nlp, "This time Li Heng sent two armies against the Jin.")
    assert "attack" not in types(nlp, "Li Heng sent Wang Dao to the Jin court as an envoy.")


def test_a_relative_object_is_a_person(nlp: Language) -> None:
    # "son" is a ``relative`` cue: the appointment row of "sent" (PERSON) applies
    assert "appointment" in types(nlp, "In 1284 Li Heng sent his son to the Jin court.")


def test_plural_of_an_act_noun_is_a_trigger(nlp: Language) -> None:
    from pipeline.events.lexicon import load_event_lexicon

    lex = load_event_lexicon()
    assert lex.forms["invasions"] == lex.forms["invasion"]
    assert "invasions" in lex.derived  # a derived form: it needs an argument of its own
    assert "attack" in types(nlp, "The invasions of Luoyang by the Jin in 1126 failed.")


def test_viqr_tone_mark_is_no_question(nlp: Language) -> None:
    text = ("In the twelfth month Li Heng attacked the grain convoy of Tru+o+ng-Va(n-Ho^? at "
            "Luoyang and captured most of the boats.")
    assert "attack" in types(nlp, text)
    assert types(nlp, "Did Li Heng attack Luoyang? he asked the envoy.") == []


def test_reflexive_forms_cover_every_person() -> None:
    from pipeline.events.lexicon import load_event_lexicon, reflexive_variants

    assert reflexive_variants("took his own life") == [
        "took his own life", "took her own life", "took their own life"]
    assert reflexive_variants("died") == ["died"]
    lex = load_event_lexicon()
    assert lex.forms["killed herself"] == lex.forms["killed himself"]
    assert lex.forms["hanged themselves"] == lex.forms["hanged himself"]


def test_sending_an_army_to_do_something_is_that_event_only(nlp: Language) -> None:
    # the purpose infinitive is the event: no second row for the dispatch
    kinds = types(nlp, "In 1125 Li Heng sent more than 100,000 troops to attack the Song.")
    assert kinds.count("attack") == 1
