"""Event rows of short invented texts, for the actor tests (one processing call per text)."""

from __future__ import annotations

from pipeline import api
from pipeline.records import EventRow


def events(text: str, resources: api.Resources) -> list[EventRow]:
    """The event rows of ``text`` processed as one document."""
    return list(api.process_text(text, "t", resources).events)


def one(text: str, resources: api.Resources, event_type: str) -> EventRow:
    """The one row of ``event_type`` in ``text`` (asserts there is exactly one)."""
    found = [e for e in events(text, resources) if e.event_type == event_type]
    assert len(found) == 1, found
    return found[0]
