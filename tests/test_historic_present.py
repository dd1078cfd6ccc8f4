"""Events told in the historic present: timeline items ("- 1358: X burns Y", "- 1360: X is
poisoned") are narration, a description in the present is not; a day name after "on" is
never the doer."""

from __future__ import annotations

import pytest

from pipeline import api
from pipeline.events.lexicon import load_event_lexicon
from pipeline.events.modality import timeline_line

_TIMELINE = (
    "Timeline\n\n"
    "- 1352: Han Shantong captures Yingzhou.\n"
    "- 1353: Peng Ying burns Xuzhou.\n"
    "- 1355: Liu Fu is killed by an arrow at Bozhou.\n"
    "- 1357: Mao Gui dies at Jinan.\n"
)


@pytest.fixture(scope="module")
def timeline_events(resources: api.Resources) -> list:
    return list(api.process_text(_TIMELINE, "t", resources).events)


def _row(events: list, trigger: str):
    return next((e for e in events if e.trigger == trigger), None)


def test_timeline_line_heads() -> None:
    text = "- 1352: X takes Y.\n1368 \u2013 X enters Y.\n* 221 BC: Qin unifies.\nThe city lies."
    assert timeline_line(text, text.index("takes"))
    assert timeline_line(text, text.index("enters"))
    assert timeline_line(text, text.index("unifies"))
    assert not timeline_line(text, text.index("lies"))


def test_present_active_in_timeline(timeline_events: list) -> None:
    row = _row(timeline_events, "captures")
    assert row is not None and row.event_type == "capture_city"
    assert row.actor1 == "Han Shantong"
    death = _row(timeline_events, "dies")
    assert death is not None and death.event_type == "death" and death.actor1 == "Mao Gui"


def test_present_of_a_past_form_in_timeline(timeline_events: list) -> None:
    # the lexicon lists only "burned": its present comes from verb_inflections.csv
    row = _row(timeline_events, "burns")
    assert row is not None and row.event_type == "destruction" and row.actor1 == "Peng Ying"


def test_present_passive_in_timeline(timeline_events: list) -> None:
    row = _row(timeline_events, "killed")
    assert row is not None and row.event_type == "killing"
    assert row.actor2 == "Liu Fu" and row.actor1 != "Liu Fu"


def test_present_description_outside_timeline_still_dropped(resources: api.Resources) -> None:
    out = api.process_text("Zhang Wen burns incense at the temple every spring.\n\n"
                           "The rebels held Xuzhou for a year.", "d", resources)
    assert not [e for e in out.events if e.trigger in ("burns", "rebels")]


def test_added_present_forms() -> None:
    lex = load_event_lexicon()
    assert {"burns", "burn"} <= lex.present
    assert "captures" not in lex.present  # written in the lexicon already
    assert "founds" in lex.present  # "founded" -> "found" (establish), not "find"
    assert "find" not in lex.present
    # a listed "-s" form gains the rows of its past form it lacked ("proclaimed himself")
    assert "proclamation" in {r.event_type for r in lex.forms["proclaims"]}


def test_day_after_on_is_no_actor(resources: api.Resources) -> None:
    out = api.process_text("In the eighth month, on Wuchen, the eunuchs Zhang Rang and Duan Gui "
                           "killed He Jin.", "w", resources)
    row = next(e for e in out.events if e.trigger == "killed")
    assert row.actor1 != "Wuchen"
