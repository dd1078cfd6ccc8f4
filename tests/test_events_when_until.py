"""A running year closed by the next event dated by its own sentence
(pipeline.events.when.until); invented sentences in the style of chronicle pages."""

from __future__ import annotations

from pipeline import api


def test_a_running_year_is_closed_by_the_next_dated_event(resources: api.Resources) -> None:
    text = ("In 1405 the fleet left Suzhou. The pirates attacked the fleet. Zheng He captured "
            "their chief. In 1407 the fleet returned to Nanjing.")
    ev = {e.trigger: e for e in api.process_text(text, "t", resources).events}
    captured = next(e for t, e in ev.items() if t.startswith("captured"))
    assert (captured.year, captured.year_end, captured.date_source) == (1405, 1407, "running")
    assert captured.date_precision == "range"


def test_a_flashback_or_a_new_paragraph_closes_nothing(resources: api.Resources) -> None:
    text = ("In 1405 the fleet left Suzhou. Zheng He captured the pirate chief. In 1371 Zheng "
            "He had been born in Yunnan.")
    ev = api.process_text(text, "t", resources).events
    captured = next(e for e in ev if e.trigger.startswith("captured"))
    assert (captured.year, captured.year_end) == (1405, None)
    apart = "In 1405 the fleet left Suzhou. Zheng He captured the pirate chief.\n\nIn 1407 he " \
            "returned to Nanjing."
    captured = next(e for e in api.process_text(apart, "t", resources).events
                    if e.trigger.startswith("captured"))
    assert (captured.year, captured.year_end) == (1405, None)
