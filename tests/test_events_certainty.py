"""Issue 8, fresh-user pass: an event's ``certainty`` (the weakest of date, actors and trigger
reading), so a guessed actor or an inherited running date never looks certain.

Invented sentences; entities given by hand; the session's model parses."""

from __future__ import annotations

import dataclasses
import re

import pytest

from pipeline import api
from pipeline.events import extract_events
from pipeline.events.certainty import event_certainty
from pipeline.records import DateRow, EntityRow, EventRow


def run(res: api.Resources, text: str, spec: list[tuple[str, str, str]],
        dates: list[DateRow] | None = None) -> list[EventRow]:
    ents = sorted((EntityRow("", -1, m.start(), m.end(), name, label, canonical, "gazetteer")
                   for name, label, canonical in spec
                   for m in re.finditer(r"\b" + re.escape(name) + r"\b", text)),
                  key=lambda e: e.start)
    return extract_events(res.nlp(text), ents, dates or [], [], parser=res.nlp,
                          lexicon=res.event_lexicon, matcher=res.trigger_matcher)


def year(text: str, sub: str, value: int, certainty: str = "high") -> DateRow:
    i = text.index(sub)
    return DateRow("", -1, i, i + len(sub), sub, "explicit", year=value, certainty=certainty)


@pytest.mark.parametrize(("parts", "expected"), [
    ({}, "high"),
    ({"date_source": "", "date_certainty": ""}, "medium"),  # no date: when is unknown
    ({"date_source": "sentence", "date_certainty": "high"}, "high"),
    ({"date_source": "sentence", "date_certainty": "low"}, "low"),
    ({"date_source": "running", "date_certainty": "high"}, "medium"),
    ({"date_source": "other_clause", "date_certainty": "high"}, "low"),
    ({"date_source": "running", "date_certainty": "high", "date_far": True}, "low"),
    ({"actor1_source": "pronoun"}, "medium"),
    ({"actor1_source": "side"}, "low"),
    ({"actor2_source": "parse"}, "low"),
    ({"reading": "noun"}, "medium"),
    ({"reading": "unparsed"}, "low"),
    ({"actor1_source": "something new"}, "low"),
    ({"actor1_source": "", "date_source": "sentence", "date_certainty": "high"}, "medium"),
    ({"actor1_source": "", "date_source": "", "date_certainty": ""}, "low"),  # nothing
])
def test_certainty_is_the_weakest_part(parts: dict[str, str], expected: str) -> None:
    base = {"date_source": "sentence", "date_certainty": "high", "actor1_source": "named",
            "actor2_source": "", "reading": "verb"}
    assert event_certainty(**{**base, **parts}) == expected


def test_an_inherited_date_and_a_pronoun_lower_the_row(resources: api.Resources) -> None:
    text = "In 1127 Zongwang took Kaifeng. He then attacked Yangzhou."
    spec = [("Zongwang", "PERSON", "Zongwang"), ("Kaifeng", "PLACE", "Kaifeng"),
            ("Yangzhou", "PLACE", "Yangzhou")]
    ev = {e.event_type: e for e in run(resources, text, spec, [year(text, "1127", 1127)])}
    assert (ev["capture_city"].date_source, ev["capture_city"].certainty) == ("sentence",
                                                                             "high")
    assert (ev["attack"].actor1_source, ev["attack"].date_source,
            ev["attack"].certainty) == ("pronoun", "running", "medium")


LANDING = [("British", "POLITY", "British"), ("Canton", "PLACE", "Canton"),
           ("Yue Fei", "PERSON", "Yue Fei"), ("Jiankang", "PLACE", "Jiankang"),
           ("Song", "POLITY", "Song")]


def test_a_landing_is_a_movement_at_its_place(resources: api.Resources) -> None:
    ev = run(resources, "The British landed at Canton.", LANDING)
    assert [(e.event_type, e.actor1, e.place) for e in ev] == [("movement", "British",
                                                                "Canton")]


def test_a_verb_the_tagger_read_as_a_noun_keeps_its_subject(resources: api.Resources) -> None:
    text = "In 1130 Yue Fei retook Jiankang."
    ev = run(resources, text, LANDING, [year(text, "1130", 1130)])  # "retook": NN + dobj
    assert [(e.event_type, e.actor1, e.place, e.certainty) for e in ev] == [
        ("recovery", "Yue Fei", "Jiankang", "high")]


def test_storming_an_unnamed_city_is_an_attack(resources: api.Resources) -> None:
    ev = run(resources, "The Song army stormed the city.", LANDING)
    assert [(e.event_type, e.actor1) for e in ev] == [("attack", "Song")]


def test_the_emperor_is_a_ruler_not_the_last_minister(resources: api.Resources) -> None:
    spec = [("Li Gang", "PERSON", "Li Gang"), ("Zhao Gou", "PERSON", "Zhao Gou"),
            ("Kaifeng", "PLACE", "Kaifeng")]
    minister = run(resources, "Li Gang defended Kaifeng. The emperor then fled south.", spec)
    assert [(e.event_type, e.actor1) for e in minister] == [("defence", "Li Gang"),
                                                            ("flight", "")]
    ruler = run(resources, "Zhao Gou left Kaifeng with Li Gang. The emperor then fled south.",
                spec)
    assert [(e.actor1, e.actor1_source) for e in ruler if e.event_type == "flight"] == [
        ("Zhao Gou", "pronoun")]


@pytest.mark.parametrize("text", [
    "The city lies on the Yangtze, where the Song army attacks the Jin every spring.",
    "Today the city is known as the capital and is defended by a wall.",
    "move to sidebar",
])
def test_a_present_description_or_an_instruction_is_no_event(resources: api.Resources,
                                                             text: str) -> None:
    assert run(resources, text, LANDING) == []


def test_a_present_tense_with_its_own_date_is_narration(resources: api.Resources) -> None:
    text = "In 1130 the Song army attacks Jiankang."
    ev = run(resources, text, LANDING, [year(text, "1130", 1130)])
    assert [(e.event_type, e.year) for e in ev] == [("attack", 1130)]


def test_a_capitalised_trigger_is_not_its_own_actor(resources: api.Resources) -> None:
    ev = run(resources, "Died A.D. 934.", [])
    assert [(e.event_type, e.actor1) for e in ev] == [("death", "")]


def _row(start: int, kind: str, year_: int | None = None) -> EventRow:
    return EventRow("", 0, -1, start, start + 10, kind, kind, year=year_,
                    date_source="sentence" if year_ is not None else "")


def test_a_leads_event_takes_the_bodys_years_at_its_place() -> None:
    from pipeline.events.summary import date_lead_events

    rows = [_row(0, "battle_reference"), _row(20, "capture_city"), _row(40, "flight"),
            _row(100, "flight", 1232), _row(140, "siege", 1233), _row(180, "attack", 1234)]
    places = ["Caizhou", "Caizhou", "", "Caizhou", "Caizhou", "Caizhou"]
    out = date_lead_events(rows, places, 90, frozenset({"siege", "attack"}))
    battle, capture, flight = out[:3]
    assert (battle.year, battle.year_end, battle.date_source, battle.certainty,
            battle.time_precision) == (1233, 1234, "summary", "low", 3)
    assert (capture.year, flight.year) == (None, None)  # nothing of its kind / no place
    assert out[3:] == rows[3:]
    assert date_lead_events(rows, places, None) == rows


def test_a_range_joins_the_dates_outside_their_bracketed_glosses(
        resources: api.Resources) -> None:
    text = ("From the first year of Xuanhe (1119, the fourth year of Tianfu) to the second "
            "year of Jingkang in the north (the fifth year of Tianhui, 1127), the Song "
            "attacked the Jin.")
    dates = [year(text, "the first year of Xuanhe", 1119),
             year(text, "1119, the fourth year of Tianfu", 1119),
             year(text, "the second year of Jingkang", 1127),
             year(text, "the fifth year of Tianhui, 1127", 1127)]
    ev = run(resources, text, [("Song", "POLITY", "Song"), ("Jin", "POLITY", "Jin")], dates)
    assert [(e.event_type, e.year, e.year_end, e.date_precision) for e in ev] == [
        ("attack", 1119, 1127, "range")]


def test_the_nearest_actor_is_never_a_dead_person() -> None:
    from pipeline.events.actors import nearest_actor

    ents = [EntityRow("", -1, 0, 5, "Zongbi", "PERSON", "Wanyan Zongbi", "gazetteer"),
            EntityRow("", -1, 10, 13, "Jin", "POLITY", "Jin", "gazetteer")]
    assert nearest_actor(ents, 0, 20).entity.canonical == "Wanyan Zongbi"
    found = nearest_actor(ents, 0, 20, lambda e: e.canonical != "Wanyan Zongbi")
    assert (found.entity.canonical, found.source) == ("Jin", "nearest")


YUE = [("Yue Fei", "PERSON", "Yue Fei"), ("Jin", "POLITY", "Jin"),
       ("Kaifeng", "PLACE", "Kaifeng"), ("Jiankang", "PLACE", "Jiankang")]


def test_a_relative_clauses_date_is_not_the_main_events(resources: api.Resources) -> None:
    text = "In 1127 the Jin took Kaifeng. Yue Fei, who was born in 1103, defeated the Jin."
    ev = run(resources, text, YUE, [year(text, "1127", 1127), year(text, "1103", 1103)])
    assert [(e.event_type, e.year, e.date_source) for e in ev] == [
        ("capture_city", 1127, "sentence"), ("birth", 1103, "sentence"),
        ("defeat", 1127, "running")]


def test_a_birth_year_is_no_running_date(resources: api.Resources) -> None:
    text = "Yue Fei was born in 1103. He defeated the Jin at Jiankang."
    ev = run(resources, text, YUE, [year(text, "1103", 1103)])
    assert [(e.event_type, e.year, e.date_source) for e in ev] == [
        ("birth", 1103, "sentence"), ("defeat", None, "")]


def test_a_row_without_a_year_is_never_high(resources: api.Resources) -> None:
    spec = [("Zongwang", "PERSON", "Zongwang"), ("Kaifeng", "PLACE", "Kaifeng"),
            ("Yangzhou", "PLACE", "Yangzhou")]
    undated = run(resources, "Zongwang took Kaifeng.", spec)
    assert [(e.year, e.certainty) for e in undated] == [(None, "medium")]
    text = "In 1127 Zongwang took Kaifeng, and he later attacked Yangzhou."
    ev = {e.event_type: e for e in run(resources, text, spec, [year(text, "1127", 1127)])}
    assert (ev["capture_city"].year, ev["capture_city"].certainty) == (1127, "high")
    assert ev["attack"].certainty != "high"  # "later": no year printed after it


def test_a_year_blanked_after_the_row_was_built_lowers_it() -> None:
    from pipeline.events.when.lives import no_date
    row = EventRow("", 0, -1, 0, 10, "attack", "attacked", year=928, date_source="running",
                   certainty="high")
    assert (no_date(row).year, no_date(row).certainty) == (None, "medium")
    low = EventRow("", 0, -1, 0, 10, "attack", "attacked", year=928, certainty="low")
    assert no_date(low).certainty == "low"


def test_a_closing_battle_name_with_a_carried_year_dates_no_lead() -> None:
    from pipeline.events.summary import date_lead_events

    closing = dataclasses.replace(_row(300, "battle_reference", 1364), date_source="running")
    named = dataclasses.replace(_row(300, "battle_reference", 1363), date_source="sentence")
    rows = [_row(0, "battle_reference"), _row(100, "attack", 1363), closing]
    places = ["Battle of Poyang Lake", "Hongdu", "Battle of Poyang Lake"]
    assert date_lead_events(rows, places, 90, frozenset({"attack"}))[0].year is None
    out = date_lead_events([rows[0], rows[1], named], places, 90, frozenset({"attack"}))
    assert out[0].year == 1363  # a mention its own sentence dates still counts
