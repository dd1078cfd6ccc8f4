"""Issue 8 item 4: what did not happen is no event. Requests, claims and pretences governing a
trigger (cue kinds ``request``, ``claim``, ``pretense`` of ``gazetteer/event_cues.csv``),
direct speech (:mod:`pipeline.events.speech`), a trigger word that only qualifies a noun
("the rebel king"), and a date read as a party ("the treaty of 198 BC").

Invented sentences; entities given by hand; the session's model parses."""

from __future__ import annotations

import pytest
from test_events_campaign import run as run_with

from pipeline import api
from pipeline.events.speech import quotations
from pipeline.records import DateRow, EventRow

SPEC = [("Song", "POLITY", "Song"), ("Jin", "POLITY", "Jin"), ("Han", "POLITY", "Han"),
        ("Zhao Kuo", "PERSON", "Zhao Kuo"), ("Wei Lin", "PERSON", "Wei Lin"),
        ("Han Ping", "PERSON", "Han Ping"), ("Luzhou", "PLACE", "Luzhou"),
        ("Yanmen", "PLACE", "Yanmen")]


def run(res: api.Resources, text: str, dates: list[DateRow] | None = None) -> list[EventRow]:
    return run_with(res, text, SPEC, dates)


def types(events: list[EventRow]) -> list[str]:
    return [e.event_type for e in events]


@pytest.mark.parametrize("text", [
    "Zhao Kuo demanded the surrender of Luzhou.",
    "Wei Lin begged that a prefecture be established at Yanmen.",
    "The ministers urged Zhao Kuo to attack the Jin.",
    "Han Ping rebelled at Luzhou, claiming that he had been ordered to punish Wei Lin.",
    "Han Ping feigned surrender.",
    "Han Ping pretended to retreat from Luzhou.",
])
def test_requests_claims_and_pretences_assert_nothing(res_events, text: str) -> None:
    assert "surrender" not in types(res_events(text))
    assert "appointment" not in types(res_events(text))
    assert "establishment" not in types(res_events(text))
    assert "attack" not in types(res_events(text))
    assert "retreat" not in types(res_events(text))


def test_the_asserted_clause_beside_a_claim_stays(resources: api.Resources) -> None:
    events = run(resources,
                 "Han Ping rebelled at Luzhou, claiming that he had been ordered to punish "
                 "Wei Lin.")
    assert types(events) == ["rebellion"]
    assert events[0].actor1 == "Han Ping"


def test_a_feigned_retreat_then_a_real_defeat(resources: api.Resources) -> None:
    events = run(resources, "Zhao Kuo made a feigned retreat and then defeated the Jin at "
                            "Luzhou.")
    assert [(e.event_type, e.actor1, e.actor2) for e in events] == [
        ("defeat", "Zhao Kuo", "Jin")]


def test_a_threat_in_direct_speech_is_no_event(resources: api.Resources) -> None:
    events = run(resources, 'Wei Lin opposed it and said: "Whoever speaks of moving south '
                            'shall be beheaded!" Then Zhao Kuo captured Luzhou.')
    assert types(events) == ["capture_city"]


def test_a_quoted_passage_over_two_sentences_is_speech(resources: api.Resources) -> None:
    text = ('Han Ping told Wei Lin: \u201cWe have killed the envoys. Now we will attack the '
            'Jin.\u201d Wei Lin captured Yanmen.')
    assert types(run(resources, text)) == ["capture_city"]


def test_a_quoted_name_is_not_speech(resources: api.Resources) -> None:
    events = run(resources, 'Zhao Kuo captured the "Northern Gate" of Luzhou.')
    assert types(events) == ["capture_city"]


def test_quotation_marks_pair_by_their_neighbours() -> None:
    text = 'the year," Han Ping said: "we attack" and the "Gate" fell.\n"Open'
    assert [text[s:e] for s, e in quotations(text)] == ["we attack", "Gate"]
    curly = "a \u201cb c\u201d d \u201ce"
    assert [curly[s:e] for s, e in quotations(curly)] == ["b c"]


def test_a_modifier_rebel_is_no_rebellion(resources: api.Resources) -> None:
    events = run(resources, "Zhao Kuo took Luzhou with the help of the rebel king Han Ping.")
    assert "rebellion" not in types(events)
    events = run(resources, "The rebel chief Han Ping died at Luzhou.")
    assert types(events) == ["death"]


def test_a_date_is_no_party(resources: api.Resources) -> None:
    text = "By the treaty of 198 BC a Han princess was sent north."
    i = text.index("198 BC")
    date = DateRow("", -1, i, i + 6, "198 BC", "gregorian", year=-197)
    events = run(resources, text, [date])
    assert [(e.event_type, e.actor2) for e in events] == [("treaty", "")]


@pytest.fixture
def res_events(resources: api.Resources):
    return lambda text: run(resources, text)


def test_one_mention_is_not_both_sides(resources: api.Resources) -> None:
    events = run(resources, "The walls of Luzhou were built by Song engineers.")
    assert [(e.event_type, e.actor1, e.actor2) for e in events] == [
        ("construction", "Song", "")]


@pytest.mark.parametrize("text, expected", [
    ("Zhao Kuo crossed the Yanmen Mountains.", "movement"),
    ("Zhao Kuo crossed the Tianshan.", "movement"),
    ("Zhao Kuo crossed the river at Luzhou.", "river_crossing"),
])
def test_a_crossing_of_mountains_is_a_movement(resources: api.Resources, text: str,
                                               expected: str) -> None:
    assert types(run(resources, text)) == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Zhao Kuo captured more than a thousand of the enemy.", "capture_person"),
    ("Zhao Kuo captured three thousand soldiers.", "capture_person"),
    ("Zhao Kuo captured many prefectures.", "capture_city"),
])
def test_a_capture_of_people_is_no_capture_of_a_city(resources: api.Resources, text: str,
                                                     expected: str) -> None:
    assert types(run(resources, text)) == [expected]


def test_object_words_of_a_quantity_and_a_feature_name() -> None:
    import spacy
    from spacy.tokens import Doc

    from pipeline.events.objects import object_words
    doc = Doc(spacy.blank("en").vocab,
              words=["captured", "a", "thousand", "of", "the", "enemy", "and", "crossed",
                     "Tianshan"],
              tags=["VBD", "DT", "CD", "IN", "DT", "NN", "CC", "VBD", "NNP"],
              heads=[0, 2, 0, 2, 5, 3, 0, 0, 7],
              deps=["ROOT", "det", "dobj", "prep", "det", "pobj", "cc", "conj", "dobj"])
    assert object_words(doc[2]) == {"thousand", "enemy"}
    assert {"tianshan", "mountain", "mountains"} <= object_words(doc[8])
    assert object_words(doc[5]) == {"enemy"}
    assert object_words(None) == frozenset()


def test_a_discovered_ambush_is_not_sprung(resources: api.Resources) -> None:
    events = run(resources, "The Jin discovered the ambush at Luzhou and withdrew.")
    assert "interception" not in types(events) and "blockade" not in types(events)
    assert "retreat" in types(events)


# Conditions, negated or impossible acts, prophecies, causatives and weather are no events
# (fresh reports 7 and 8: "fell sick", "sank in a storm", "so that no one could flee", "escape
# was impossible", "took no active steps to recover", "instead of marching", "would die of
# hunger", "was made to guide them"). Invented wordings, not the reports' sentences.
@pytest.mark.parametrize("text, absent", [
    ("The Han garrison ate spoiled grain and fell ill.", "fall_of_state"),
    ("A pestilence fell upon the Jin camp.", "fall_of_state"),
    ("The Jin fleet was scattered when its ships foundered in a typhoon.", "attack"),
    ("Zhao Kuo broke the bridges so that nobody could retreat.", "retreat"),
    ("Knowing that flight was impossible, Wei Lin hanged himself.", "flight"),
    ("Wei Lin made no effort to recover Luzhou.", "recovery"),
    ("Rather than attacking Luzhou, Zhao Kuo waited at Yanmen.", "attack"),
    ("A diviner predicted that Han Ping would be killed at Yanmen.", "killing"),
    ("Wei Lin was taken and was made to lead the Jin to Luzhou.", "appointment"),
    ("None of the defenders fled.", "flight"),
])
def test_states_denials_and_prophecies_are_no_events(resources: api.Resources, text: str,
                                                     absent: str) -> None:
    assert absent not in types(run(resources, text))


@pytest.mark.parametrize("text, present", [
    ("The Jin fell in 1234.", "fall_of_state"),
    ("Zhao Kuo took Luzhou by storm.", "capture_city"),
    ("Wei Lin was made governor of Luzhou.", "appointment"),
    ("Instead of waiting, Zhao Kuo attacked Luzhou.", "attack"),
    ("Zhao Kuo attacked Luzhou so that the Jin could not advance.", "attack"),
])
def test_the_happening_beside_them_stays(resources: api.Resources, text: str,
                                         present: str) -> None:
    assert present in types(run(resources, text))


def test_a_spread_rumour_is_no_event(resources: api.Resources) -> None:
    events = run(resources, "Han Ping retreated from Luzhou and let people spread that Zhao "
                            "Kuo had died of illness.")
    assert types(events) == ["retreat"]


def test_a_clause_before_a_verb_of_claiming_is_not_its_report(resources: api.Resources) -> None:
    events = run(resources, "Wei Lin set fire to the gate of Luzhou; the fire spread through "
                            "the city.")
    assert "destruction" in types(events)


# A consequence told under an "if" clause is imagined (drops23): the hypothetical auxiliary of
# the main verb with an ``advcl`` marked "if", wherever the clause stands. Without the
# auxiliary, or with "when", the main clause is told as done.
@pytest.mark.parametrize("text", [
    "If Zhao Kuo besieged Yanmen, Han Ping would surrender.",
    "Han Ping would have surrendered if Zhao Kuo had besieged Yanmen.",
    "Zhao Kuo took Luzhou, and Han Ping could surrender at Yanmen if the Jin came.",
])
def test_the_main_clause_of_a_condition_is_no_event(resources: api.Resources,
                                                    text: str) -> None:
    assert "surrender" not in types(run(resources, text))


@pytest.mark.parametrize("text", [
    "When Zhao Kuo besieged Yanmen, Han Ping would surrender.",
    "Han Ping would later surrender at Yanmen.",
    "If Zhao Kuo was late, Han Ping surrendered at Yanmen.",
])
def test_a_would_without_a_condition_stays(resources: api.Resources, text: str) -> None:
    assert "surrender" in types(run(resources, text))
