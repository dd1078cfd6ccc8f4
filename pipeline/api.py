"""Library API: run the whole pipeline on files or on a string.

A notebook user calls :func:`load_resources` once and then :func:`process_text` or :func:`run`.
The per-document function lives in :mod:`pipeline.document` (what a worker or a Dask task
calls), the runner in :mod:`pipeline.run` (schedules, writes the tables, progress); both are
re-exported here.
"""

from __future__ import annotations

from .context import DocumentContext
from .document import (
    DEFAULT_MODEL,
    GAZETTEER_DIR,
    DocumentResult,
    Resources,
    load_resources,
    process_file,
    process_text,
)
from .inputs import collect_inputs, make_doc_ids
from .run import RunResult, run

__all__ = ["DEFAULT_MODEL", "GAZETTEER_DIR", "DocumentContext", "DocumentResult", "Resources",
           "RunResult",
           "collect_inputs", "load_resources", "make_doc_ids", "process_file", "process_text",
           "run"]
