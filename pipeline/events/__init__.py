"""Events from syntax: who did what to whom, where and when (``events.csv``).

Public face (as the former ``pipeline/events.py``, plus :func:`extract_block_events`,
:func:`parse_sentences`, and :func:`pending_block_events` with :func:`resolve_event_places` for a
document processed a group of blocks at a time): :func:`extract_events`,
:func:`load_event_lexicon`, :func:`build_trigger_matcher`, :func:`load_person_polities`,
:class:`EventLexicon`, :class:`TriggerRule`, ``GAZETTEER``. Modules: ``lexicon`` (data files),
``triggers`` (trigger spans and the document context), ``parse`` (parsing trigger sentences),
``roles`` (arguments from the dependency parse: the frame), ``syntax`` (parse helpers),
``subjects`` (a verb's subject, passives, orderers), ``modality`` (tense and modality),
``narration`` (paragraphs told in the historic present: their present is read as past),
``actors`` (entities for arguments), ``salience`` (the paragraph's salient actors),
``anaphora`` (argument token -> actor),
``when`` (dates of events),
``summary`` (a lead's undated events dated from the body), ``implied`` (the ruler or state
behind an agentless appointment, dismissal, exile ...), ``certainty`` (a row's
high/medium/low), ``rows`` (one trigger -> one row, place columns), ``extract`` (the driver).
"""

from pipeline.events.extract import (
    PendingEvent,
    PlaceQuery,
    extract_block_events,
    extract_events,
    parse_sentences,
    pending_block_events,
    resolve_event_places,
)
from pipeline.events.lexicon import (
    GAZETTEER,
    EventLexicon,
    TriggerRule,
    build_trigger_matcher,
    load_event_lexicon,
    load_person_polities,
)

__all__ = ["GAZETTEER", "EventLexicon", "PendingEvent", "PlaceQuery", "TriggerRule",
           "build_trigger_matcher", "extract_block_events", "extract_events",
           "load_event_lexicon", "load_person_polities", "parse_sentences",
           "pending_block_events", "resolve_event_places"]
