"""Why a trigger candidate gives no row: an optional trace for the bench (off by default).

``bench/miss_census.py --why`` sets :data:`SINK` to a list; each test of the event stage that
drops a trigger candidate then appends one ``(start, end, reason, head)`` tuple: the trigger's
full-text character span (Python ``str`` indices into the cleaned text), a short reason name
(the test that dropped it) and the frame's head token when one was read (else None). With
:data:`SINK` None (the pipeline's own runs) :func:`note` only tests it: no cost.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: The trace being collected, or None (off).
SINK: list[tuple[int, int, str, Any]] | None = None


def note(start: int, end: int, reason: str, head: Any = None) -> None:
    """Record that the candidate at full-text ``[start, end)`` was dropped for ``reason``."""
    if SINK is not None:
        SINK.append((start, end, reason, head))


@contextmanager
def collecting(on: bool = True) -> Iterator[list[tuple[int, int, str, Any]]]:
    """Turn the trace on (when ``on``) for the ``with`` block and yield the list it fills
    (empty when off); :data:`SINK` is None again afterwards, whatever happens."""
    global SINK
    trace: list[tuple[int, int, str, Any]] = []
    SINK = trace if on else None
    try:
        yield trace
    finally:
        SINK = None
