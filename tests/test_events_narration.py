"""Paragraphs told in the historic present (:mod:`pipeline.events.narration`): their present
triggers are events with subjects, passives and dates; descriptions, historiography, fiction
and present perfects in the present tell none."""

from __future__ import annotations

import pytest
import spacy

from pipeline import api
from pipeline.events.lexicon import load_event_lexicon
from pipeline.events.narration import (
    Tally,
    load_narration_cues,
    narrated,
    narrates,
    present_narration,
    sections,
    verb_tense,
)
from pipeline.records import EntityRow


def _events(resources: api.Resources, text: str) -> list:
    return list(api.process_text(text, "n", resources).events)


def _row(events: list, trigger: str):
    return next((e for e in events if e.trigger == trigger), None)


@pytest.fixture(scope="module")
def words():
    nlp = spacy.blank("en")
    return nlp


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Galdan flees westward.", "flees", "present"),
    ("Galdan's wife Anu is killed.", "killed", "present"),
    ("Qing armies enter Ili.", "enter", "present"),
    ("Anu was killed.", "killed", "past"),
    ("Galdan fled westward.", "fled", "past"),
    ("He has taken the city.", "taken", "perfect"),
    ("the attacks of the Mongols", "attacks", ""),
    ("He tried to flee.", "flee", ""),
    ("Judy attack Dongchang.", "attack", ""),  # word-by-word MT: a bare verb, no tense
    ("Amursana rises in revolt.", "revolt", ""),
])
def test_verb_tense(words, text: str, word: str, expected: str) -> None:
    doc = words(text)
    i = next(t.i for t in doc if t.text == word)
    assert verb_tense(doc, i, load_event_lexicon()) == expected


def _tally(present: int = 0, past: int = 0, state: int = 0, dated: bool = False,
           describes: bool = False, past_time: bool = False) -> Tally:
    return Tally(0, 10, present, past, state, dated, describes, past_time)


def test_narrates_needs_an_anchor_in_past_time() -> None:
    assert narrates([_tally(present=1, dated=True)])  # "In 1402 he takes Nanjing"
    assert narrates([_tally(present=1), _tally(present=1, past_time=True)])  # "then", "later"
    assert not narrates([_tally(present=2)])  # no date, no past-time adverb: a description
    assert not narrates([_tally(present=1, past_time=True)])


def test_narrates_not_a_description_or_a_past_paragraph() -> None:
    assert not narrates([_tally(present=1, dated=True, describes=True)])  # "visitors enter"
    assert not narrates([_tally(present=1, dated=True), _tally(past=2)])  # told in the past
    assert not narrates([_tally(present=1, dated=True, state=2)])  # "the hall is large"
    assert not narrates([_tally(present=1, dated=True, past=1)])  # "has taken": a perfect


def test_cue_kinds() -> None:
    cues = load_narration_cues()
    assert {"describe", "historiography", "past_time", "state", "perfect"} <= set(cues)
    assert "visitors" in cues["describe"] and "historians" in cues["historiography"]


def test_decision_kept_by_paragraph_text(words) -> None:
    lex = load_event_lexicon()
    text = "Zhuge Liang then marches north. Later Zhuge Liang dies in camp. The hall is old."
    doc = words(text)
    doc = spacy.blank("en").add_pipe("sentencizer")(doc)
    found = {(t.i, t.i + 1): t.lower_ for t in doc if t.lower_ in ("marches", "dies")}
    zhuge = [EntityRow("", 1, i, i + len("Zhuge Liang"), "Zhuge Liang", "PERSON",
                       "Zhuge Liang", "gazetteer")
             for i in (0, text.index("Zhuge Liang dies"))]
    assert not present_narration(doc, text, 0, found, (), (), lex)  # no doer named
    spans = present_narration(doc, text, 0, found, (), (), lex, zhuge)
    assert spans and narrated(text, text.index("dies"))
    assert not narrated(text + " ", text.index("dies"))  # another paragraph: not decided
    present_narration(doc, text, 0, {}, (), (), lex)  # decided again: no trigger, no narration
    assert not narrated(text, text.index("dies"))


def test_dated_present_paragraph(resources: api.Resources) -> None:
    events = _events(resources, "In 1127 the Jin army captures Kaifeng. The emperors Huizong "
                                "and Qinzong are carried off to the north, and Zhao Gou flees "
                                "south to Yangzhou.")
    carried = _row(events, "carried off")
    assert carried is not None and carried.event_type == "capture_person"
    assert carried.year == 1127
    flight = _row(events, "flees")
    assert flight is not None and flight.event_type == "flight" and flight.year == 1127


def test_annals_section_present_passive(resources: api.Resources) -> None:
    text = ("Gengwu Year (1690)\n8th Month:\nOn the 1st of the month, Fuquan attacks Galdan at "
            "Ulan Butung. The emperor's uncle Tong Guogang is killed by a musket ball. Galdan "
            "withdraws by night and escapes to the north.")
    events = _events(resources, text)
    killed = _row(events, "killed")
    assert killed is not None and killed.event_type == "killing"
    assert killed.actor2 == "Tong Guogang" and killed.year == 1690
    retreat = _row(events, "withdraws")
    assert retreat is not None and retreat.actor1 == "Galdan" and retreat.year == 1690


def test_past_time_adverbs_narrate(resources: api.Resources) -> None:
    events = _events(resources, "Zhuge Liang then marches north. Sima Yi defends Wuzhang "
                                "Plain, and later Zhuge Liang dies in camp.")
    march = _row(events, "marches")
    assert march is not None and march.actor1 == "Zhuge Liang"
    death = _row(events, "dies")
    assert death is not None and death.actor1 == "Zhuge Liang"


def test_travel_description_tells_no_event(resources: api.Resources) -> None:
    events = _events(resources, "The tomb of Zhu Yuanzhang lies at the foot of Purple "
                                "Mountain. Visitors enter the Sacred Way, which was built in "
                                "1383, and pass the stone elephants. Today the hall houses "
                                "a museum.")
    assert not [e for e in events if e.trigger in ("enter", "pass", "lies")]


def test_historiography_and_fiction_tell_no_event(resources: api.Resources) -> None:
    events = _events(resources, "Historians regard the defeat as the end of Song power, and "
                                "Sima Guang describes how the army flees in 1127.\n\n"
                                "In the novel, Guo Jing defends Xiangyang for decades and "
                                "marches north.")
    assert not [e for e in events if e.trigger in ("flees", "defends", "marches")]


def test_present_perfect_and_undated_present_tell_no_event(resources: api.Resources) -> None:
    events = _events(resources, "The government has rebuilt the walls, and the city attracts "
                                "many visitors.\n\nThe Red Army marches every year in the "
                                "parade and burns fireworks.")
    assert not [e for e in events if e.trigger in ("marches", "burns", "attracts")]


def test_route_with_past_time_adverbs_tells_no_event(resources: api.Resources) -> None:
    # present trigger verbs and "then"/"later", but no one acts: a route described
    events = _events(resources, "From the gate the road then crosses the river and later "
                                "enters the valley of the tombs, where it attacks the "
                                "hillside in steep steps.")
    assert not [e for e in events if e.trigger in ("crosses", "enters", "attacks")]


def test_section_under_a_date_heading(resources: api.Resources) -> None:
    # "AD 208." heads the section: its present verbs narrate that year
    events = _events(resources, "AD 208. Cao Cao marches south. Liu Cong surrenders Jing "
                                "Province, and Liu Bei flees to Xiakou.")
    march = _row(events, "marches")
    assert march is not None and march.actor1 == "Cao Cao" and march.year == 208
    flight = _row(events, "flees")
    assert flight is not None and flight.actor1 == "Liu Bei"


def test_joined_names_take_a_base_form(words) -> None:
    doc = words("In the winter Sun Quan and Liu Bei defeat Cao Cao.")
    i = next(t.i for t in doc if t.text == "defeat")
    assert verb_tense(doc, i, load_event_lexicon()) == "present"


def test_screen_adaptation_tells_no_event(resources: api.Resources) -> None:
    events = _events(resources, "In the 1994 TV series Romance of the Three Kingdoms, Cao Cao "
                                "attacks Xuzhou and kills Lu Bu.")
    assert not [e for e in events if e.trigger in ("attacks", "kills")]


def test_present_section_after_a_past_introduction(resources: api.Resources) -> None:
    # one paragraph: a past-tense introduction, then a year heading and present-tense entries
    events = _events(resources, "Galdan attacked the Khalkha in 1688, defeated them, burned "
                                "their camps, killed their chiefs and captured their herds. "
                                "The Kangxi Emperor marched against him in 1690 and defeated "
                                "him.\nBingzi Year (approx. 1696)\n5th Month:\nOn the 13th of "
                                "the month, the western army routs Galdan at Jao Modo. Tong "
                                "Guogang is killed, and Galdan withdraws by night.")
    retreat = _row(events, "withdraws")
    assert retreat is not None and retreat.actor1 == "Galdan" and retreat.year == 1696
    killed = next((e for e in events if e.trigger == "killed" and e.actor2 == "Tong Guogang"),
                  None)
    assert killed is not None and killed.year == 1696


def test_sections_open_at_date_headings() -> None:
    heads = [_tally(past=3), Tally(0, 10, 0, 0, 0, True, False, False, heads=True),
             _tally(present=2, dated=True)]
    assert [len(s) for s in sections(heads)] == [1, 2]
    assert not narrates(heads) and narrates(sections(heads)[1])
