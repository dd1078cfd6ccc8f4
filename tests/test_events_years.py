"""Event years from the clause that owns the date (pipeline.events.when)."""

from __future__ import annotations

from pipeline.document import process_text


def test_participle_dates_its_noun(resources) -> None:  # noqa: ANN001
    text = ("After two sieges, in 1685 and 1686, the quarrel was settled by the treaty of "
            "Nerchinsk, signed on 7 September 1689.")
    events = process_text(text, "t", resources).events
    treaty = next(e for e in events if e.event_type == "treaty")
    assert (treaty.year, treaty.month, treaty.day) == (1689, 9, 7)
