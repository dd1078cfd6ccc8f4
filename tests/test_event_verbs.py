"""Verbal events the lexicon reaches through verb inflections (``{lemma}`` forms read from
``gazetteer/verb_inflections.csv``), motion verbs without a destination, institutional verbs,
and what the parse says is no event (purpose, indirect questions, habits, quotations)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from pipeline.events import extract_events, load_event_lexicon
from pipeline.events.lexicon import expand_form
from pipeline.records import EntityRow, EventRow

REPO = Path(__file__).resolve().parent.parent

SPEC = [("Zhang Qian", "PERSON", "Zhang Qian"), ("Wei Aguai", "PERSON", "Wei Aguai"),
        ("Han", "POLITY", "Han"), ("Dawan", "PLACE", "Dawan"), ("Luoyang", "PLACE", "Luoyang"),
        ("Li Jing", "PERSON", "Li Jing"), ("Tang", "POLITY", "Tang"),
        ("Xiongnu", "POLITY", "Xiongnu"), ("Manchuria", "PLACE", "Manchuria")]


def ents(text: str) -> list[EntityRow]:
    out = [EntityRow("", -1, m.start(), m.end(), name, label, canonical, "gazetteer")
           for name, label, canonical in SPEC for m in re.finditer(rf"\b{name}\b", text)]
    return sorted(out, key=lambda e: e.start)


def events(nlp: Language, text: str) -> list[EventRow]:
    return extract_events(nlp(text), ents(text), [], [])


def kinds(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.actor1) for e in events(nlp, text)]


def test_inflection_table_rebuild_equals_committed() -> None:
    pytest.importorskip("lemminflect")
    path = REPO / "scripts" / "build_verb_inflections.py"
    spec = importlib.util.spec_from_file_location("build_verb_inflections", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_verb_inflections"] = module
    spec.loader.exec_module(module)
    assert module.build() == (REPO / "gazetteer" / "verb_inflections.csv").read_text(
        encoding="utf-8")


def test_braced_verb_expands_to_its_inflections() -> None:
    verbs = {"come": ("come", "came", "comes", "coming")}
    assert expand_form("{come} back", verbs=verbs) == ["come back", "came back", "comes back",
                                                      "coming back"]
    assert expand_form("{come} (back|home)", verbs=verbs)[:2] == ["come back", "come home"]
    with pytest.raises(ValueError, match="not in verb_inflections"):
        expand_form("{go} back", "here", verbs=verbs)
    with pytest.raises(ValueError, match="unbalanced brace"):
        expand_form("{come back", "here", verbs=verbs)


def test_the_lexicon_holds_irregular_forms_it_never_typed() -> None:
    forms = load_event_lexicon().forms
    assert {"took over", "taken over", "came back", "set out", "rebuilt"} <= set(forms)


@pytest.mark.parametrize("text, expected", [
    ("The ambassadors returned in 806.", [("movement", "ambassadors")]),  # a group as written
    ("Zhang Qian came back after thirteen years.", [("movement", "Zhang Qian")]),
    ("Li Jing set out with three thousand horsemen.", [("movement", "Li Jing")]),
    ("The fleet arrived in the spring.", [("movement", "fleet")]),
])
def test_motion_without_a_destination_is_a_movement(nlp: Language, text: str,
                                                    expected: list[tuple[str, str]]) -> None:
    assert kinds(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "He forced the landlords to return the fields to the peasants.",  # an object: handed back
    "Prosperity began to return.",  # nothing that travels
    "Peace returned after the treaty.",
])
def test_motion_verb_not_used_as_one_is_no_event(nlp: Language, text: str) -> None:
    assert [e for e in events(nlp, text) if e.event_type == "movement"] == []


@pytest.mark.parametrize("text, expected", [
    ("Zhang Qian sent envoys to Dawan.", "appointment"),
    ("The envoys finally reached the Roman Empire.", "movement"),
    ("His five sons formed a cultivation group.", "establishment"),
    ("Wei Aguai took over the cultivation work.", "office"),
    ("The monks moved the temple to the foot of the hill.", "construction"),
    ("Huang Taishan rebuilt the temple in 1868.", "construction"),
])
def test_institutional_and_mission_verbs(nlp: Language, text: str, expected: str) -> None:
    assert expected in {e.event_type for e in events(nlp, text)}


@pytest.mark.parametrize("text", [
    "The talks reached a deadlock.",  # no place reached
    "They formed a plan.",  # no body formed
    "He moved the crowd to tears.",
    "They restored order.",
])
def test_institutional_verb_with_another_object_is_no_event(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    """The default model's parser pipeline (no ner: the tests give the entities)."""
    return parser_nlp


SPEC += [("Hexi Corridor", "PLACE", "Hexi Corridor"), ("Wusun", "POLITY", "Wusun"),
         ("Chongqing", "PLACE", "Chongqing"), ("Beijing", "PLACE", "Beijing")]


@pytest.mark.parametrize("text", [
    "The scholars argued about how to recover the lost provinces.",
    "The generals debated whether to attack Luoyang.",
])
def test_an_indirect_question_is_no_event(nlp: Language, text: str) -> None:
    assert events(nlp, text) == []


def test_the_aim_of_an_aim_is_no_event(nlp: Language) -> None:
    text = "Zhang Qian went to the west for the second time to unite with Wusun to fight " \
           "against the Xiongnu."
    assert "battle" not in {e.event_type for e in events(nlp, text)}
    # an order carried out stays: "ordered him to lead his army to attack X"
    text = "The emperor ordered Li Jing to lead his army to attack Luoyang."
    assert "attack" in {e.event_type for e in events(nlp, text)}


@pytest.mark.parametrize("text, moves", [
    ("Silk products passed through the Hexi Corridor.", False),  # goods, not travellers
    ("The old road passed through the Hexi Corridor.", False),
    ("The envoys passed through the Hexi Corridor.", True),
    ("The government moved to Chongqing.", True),
    ("In 1420 the court was moved to Beijing.", True),  # a passive: what was moved
])
def test_a_movement_needs_someone_who_travels(nlp: Language, text: str, moves: bool) -> None:
    assert ("movement" in {e.event_type for e in events(nlp, text)}) is moves


@pytest.mark.parametrize("text, expected", [
    ('Li Jing said to his father: "Now we have killed the envoys."', ["killing"]),
    ('The annals record: "In the spring the Xiongnu attacked Luoyang."', ["attack"]),
    ('He said: "Whoever speaks of moving south shall be beheaded!"', []),  # a threat
    ('He shouted: "Attack Luoyang!"', []),  # an order
    ('"We will capture Luoyang," he said.', []),  # a plan
    ('The revolt, which was "suppressed for the first time by foreign forces", ended.', []),
])
def test_a_quoted_clause_telling_the_past_is_narration(nlp: Language, text: str,
                                                       expected: list[str]) -> None:
    assert [e.event_type for e in events(nlp, text)
            if e.event_type != "rebellion"] == expected


@pytest.mark.parametrize("text, expected", [
    ("The Xiongnu used to raid the border.", []),
    ("The Xiongnu usually raided the border in autumn.", []),
    ("The Xiongnu used fire to attack Luoyang.", ["attack"]),  # "used" with an object
    ("The Xiongnu raided the border.", ["attack"]),
])
def test_a_habit_is_no_event(nlp: Language, text: str, expected: list[str]) -> None:
    assert [e.event_type for e in events(nlp, text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The group abandoned the cultivation work, which was then taken over by Wei Aguai.",
     "office"),  # a relative pronoun stands for the noun it describes
    ("The envoys reached the outskirts of the capital.", "movement"),  # a part of a place
])
def test_object_words_read_through_relatives_and_parts(nlp: Language, text: str,
                                                       expected: str) -> None:
    assert expected in {e.event_type for e in events(nlp, text)}


def test_mover_and_habitual_cues_take_no_word_of_another_kind() -> None:
    import csv

    kinds: dict[str, set[str]] = {}
    with (REPO / "gazetteer" / "event_cues.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            for word in row["cue"].lower().split(";"):
                kinds.setdefault(word.strip(), set()).add(row["kind"])
    # a word has one kind (the last row wins): "force" stays an order, "court" a group noun
    # (campaign_head words are kept apart from the cues: "Expedition" ends a name; a
    # counted_force word, "men", is read only with is_cue, never as its one kind)
    assert [w for w, k in kinds.items() if len(k - {"campaign_head", "counted_force"}) > 1
            and k & {"mover", "habitual"}] == []


@pytest.mark.parametrize("text, moves", [
    ("The ambassadors did eventually travel to the Tang court.", True),
    ("Although travel to the Tang court was safe, few went.", False),  # no traveller named
    ("In 806 the return of the monk Kukai marks a beginning.", True),
])
def test_a_motion_noun_names_its_traveller(nlp: Language, text: str, moves: bool) -> None:
    assert ("movement" in {e.event_type for e in events(nlp, text)}) is moves


@pytest.mark.parametrize("text, kind", [
    ("In 350 BC the capital was removed to Luoyang.", "capital_move"),  # a passive move
    ("Zhang Qian came to court; Li Jing's men cut him down in the hall.", "killing"),
    ("Li Jing routed the Xiongnu and buried all of them alive.", "killing"),
    ("The Xiongnu army broke, and Wei Aguai was slain.", "killing"),
    ("In 397 Wei Aguai ran to Luoyang.", "flight"),
    ("In 359 BC the Han adopted new laws.", "reform"),
])
def test_fresh_verbs_of_killing_defeat_and_flight(nlp: Language, text: str, kind: str) -> None:
    assert kind in {e.event_type for e in events(nlp, text)}


@pytest.mark.parametrize("text", [
    "The soldiers cut down the trees around Luoyang.",  # not a person
    "Li Jing adopted a new strategy.",  # adopting a plan is no reform
])
def test_cut_down_and_adopt_need_their_objects(nlp: Language, text: str) -> None:
    assert not {"killing", "defeat", "reform"} & {e.event_type for e in events(nlp, text)}


def test_the_slain_are_the_victims(nlp: Language) -> None:
    rows = [e for e in events(nlp, "In 252 Wei Aguai was slain by Li Jing.")
            if e.event_type == "killing"]
    assert rows and all(e.actor1 != "Wei Aguai" for e in rows)


@pytest.mark.parametrize("text, born_or_died", [
    ("Li Jing died at Luoyang, and the campaign died with him.", 1),  # only Li Jing's death
    ("In 1405 the rebellion was born in the hills of Manchuria.", 0),
    ("Zhang Qian died, and his soldiers died of hunger.", 2),  # people die
])
def test_an_undertaking_that_dies_is_no_death(nlp: Language, text: str,
                                             born_or_died: int) -> None:
    assert sum(e.event_type in ("death", "birth") for e in events(nlp, text)) == born_or_died
