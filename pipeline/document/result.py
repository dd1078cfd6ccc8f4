"""One document's rows (:class:`DocumentResult`) and the types of what
:func:`~pipeline.document.process_text` hands over as it goes (``STREAMED``, :data:`RowSink`,
:data:`PartSource`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..context import Carry
from ..ranges import BlockPart, WholeText
from ..records import (
    CandidateRow,
    DateRow,
    DocumentRow,
    EntityRow,
    EventRow,
    PlaceRow,
    SentenceRow,
    WarningRow,
)


@dataclass
class DocumentResult:
    """All rows for one document; offsets point into the decoded original file."""

    document: DocumentRow
    sentences: list[SentenceRow] = field(default_factory=list)
    entities: list[EntityRow] = field(default_factory=list)
    dates: list[DateRow] = field(default_factory=list)
    events: list[EventRow] = field(default_factory=list)
    places: list[PlaceRow] = field(default_factory=list)
    warnings: list[WarningRow] = field(default_factory=list)
    candidates: list[CandidateRow] = field(default_factory=list)
    #: rows handed to a ``sink`` instead of kept here, per list name (see :func:`process_text`)
    streamed: dict[str, int] = field(default_factory=dict)

    def count(self, attr: str) -> int:
        """Rows of list ``attr`` ("entities" ...), kept here or handed to a sink."""
        return len(getattr(self, attr)) + self.streamed.get(attr, 0)
    running: Carry | None = None  # the running date at the end (for --continuous)



#: The :class:`DocumentResult` lists that :func:`process_text` can hand to a ``sink`` as soon
#: as their rows are final, in output order.
STREAMED = ("sentences", "entities", "dates", "events", "places")
#: ``sink(attribute, rows)``: receives rows of one of the ``STREAMED`` lists.
RowSink = Callable[[str, Sequence[Any]], None]
#: ``parts(cleaned text)``: a document's whole-text stages and the
#: :class:`~pipeline.ranges.BlockPart` of every block, in order, computed elsewhere (ranges of
#: blocks run in other processes, merged here).
PartSource = Callable[[str], tuple[WholeText, Iterable[BlockPart]]]
