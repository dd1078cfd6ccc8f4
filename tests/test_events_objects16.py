"""Objects without a label (issue 8, session s11): a pronoun or relative object takes the
label of what it stands for, a settlement noun is no person, a name the tagger split or read
as a common noun is an unknown name, an unknown name the place tables know is a place for
"fell", and a model PERSON that "fell" as a city falls is a place. Invented sentences in the
styles of real pages; the negative cases keep persons persons."""

from __future__ import annotations

import pytest
from entity_rows import entity_rows as _rows
from entity_rows import labels as _labels
from spacy.language import Language
from test_events import run

from pipeline.entities.relabel import relabel


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Xuchang", "PLACE", "Xuchang"), ("Jin", "POLITY", "Jin"),
        ("Song", "POLITY", "Song"), ("Lan", "PERSON", "Lan")]


def types(nlp: Language, text: str) -> list[str]:
    return [e.event_type for e in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text", [
    "They reached Xiangyang, stormed the city and took it after ten days.",
    "The fire spread through the city and it was taken before dawn.",
    "The Jin army marched on Xuchang and besieged it; after two years it fell.",
])
def test_it_standing_for_a_city_is_a_place(nlp: Language, text: str) -> None:
    assert "capture_city" in types(nlp, text), text


@pytest.mark.parametrize("text", [
    "Li Heng found a letter from Wang Dao and took it to the court.",  # a thing
    "Li Heng met Wang Dao at the gate. It fell on a cold day.",  # a person before it
])
def test_it_standing_for_no_place_takes_no_capture(nlp: Language, text: str) -> None:
    assert "capture_city" not in types(nlp, text), text


def test_a_later_place_wins_over_an_earlier_one(nlp: Language) -> None:
    from test_events import ents

    from pipeline.events.actors import ActorFinder
    from pipeline.events.lexicon import load_event_lexicon
    from pipeline.events.patients import antecedent

    text = "The Song held Luoyang. The Jin army then marched on Xuchang. It fell in the spring."
    entities = ents(text, SPEC)
    last = text.index("It fell")
    doc = nlp(text[last:])
    finder = ActorFinder(entities, [e.start for e in entities], last, load_event_lexicon())
    label, ent = antecedent(doc[0], doc[1], finder)
    assert (label, ent.canonical if ent else "") == ("PLACE", "Xuchang")


def test_a_relative_object_takes_its_nouns_label(nlp: Language) -> None:
    assert "capture_city" in types(
        nlp, "The court had lost Xuchang, which the Jin had occupied in the spring.")


def test_the_prefectures_of_a_list_are_places_not_persons(nlp: Language) -> None:
    # "Lan" is a person of SPEC: the settlement noun heading the object decides
    kinds = types(nlp, "The Jin captured the prefectures of Lan, Kuo and He in that year.")
    assert "capture_city" in kinds
    assert "capture_person" not in kinds


@pytest.mark.parametrize("text", [
    "In this month the men of Song burnt two districts and took An-tök and other places.",
    "When Port Arthur fell to the Jin army in the winter, the war was over.",
])
def test_unknown_names_are_places_of_a_capture(nlp: Language, text: str) -> None:
    assert "capture_city" in types(nlp, text), text


def test_an_unknown_name_no_table_knows_stays_out_of_fell(nlp: Language) -> None:
    # "fell" takes a PLACE or a POLITY: an unknown name the tables do not know says nothing
    assert "capture_city" not in types(nlp, "When Qorbal fell in the winter, the war ended.")


def _fallen(gaz, text: str, name: str) -> list[tuple[str, str]]:
    return _labels(relabel(_rows(text, (name, "PERSON", "model")), text, gaz, set(), ()))


@pytest.mark.parametrize("text,name", [
    ("Khoten fell on January 2, 1878, and the war ended.", "Khoten"),
    ("Qorbal fell to the Russians in 1871.", "Qorbal"),
    ("Iki fell nine days later.", "Iki"),
])
def test_a_model_person_that_fell_as_a_city_is_a_place(gaz, text: str, name: str) -> None:
    assert _fallen(gaz, text, name) == [(name, "PLACE")]


@pytest.mark.parametrize("text,name", [
    ("Abaoji fell ill and died in the autumn.", "Abaoji"),  # a person's illness
    ("Qorbal fell in battle at the river.", "Qorbal"),  # a person's death
    ("Chi Shao fell shielding the emperor.", "Chi Shao"),  # a surname (Ji) and no fall frame
    ("Chu-yu has fallen, they said.", "Chu-yu"),  # a Wade-Giles surname (Zhu): a person
])
def test_a_person_who_fell_stays_a_person(gaz, text: str, name: str) -> None:
    assert _fallen(gaz, text, name) == [(name, "PERSON")]


def _assailed(gaz, text: str, name: str, label: str = "PERSON") -> list[tuple[str, str]]:
    return _labels(relabel(_rows(text, (name, label, "model")), text, gaz, set(), ()))


@pytest.mark.parametrize("text,name,label", [
    ("On the xinwei day, they raided Fengtian and fled.", "Fengtian", "POLITY"),
    ("He sent his general to attack Puban in the spring.", "Puban", "PERSON"),
])
def test_a_tabled_name_after_an_assault_verb_is_a_place(gaz, text: str, name: str,
                                                         label: str) -> None:
    assert _assailed(gaz, text, name, label) == [(name, "PLACE")]


@pytest.mark.parametrize("text,name,label", [
    ("The Qin army attacked Zhao in the spring.", "Zhao", "POLITY"),  # one syllable: a state
    ("Zhang Han then attacked Li Ling at the river.", "Li Ling", "PERSON"),  # surname + name
    ("The army besieged Qorbal in his camp.", "Qorbal", "PERSON"),  # no place table knows it
])
def test_persons_and_states_after_an_assault_verb_keep_their_label(gaz, text: str, name: str,
                                                                  label: str) -> None:
    assert _assailed(gaz, text, name, label) == [(name, label)]


@pytest.mark.parametrize("text,name,label", [
    ("The court had lost Kuldja, which the Russians had occupied in 1871.", "Kuldja", "PLACE"),
    ("Qorbal, which was besieged for five years, held out.", "Qorbal", "PLACE"),
    ("Li Heng met Qorbal, which pleased the court.", "Qorbal", "PERSON"),  # no place's verb
    ("Li Heng praised Qorbal, who was besieged in his camp.", "Qorbal", "PERSON"),  # "who"
])
def test_a_which_clause_of_a_place_verb_makes_a_place(gaz, text: str, name: str,
                                                      label: str) -> None:
    assert _assailed(gaz, text, name) == [(name, label)]
