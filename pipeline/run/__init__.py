"""The runner: schedules the per-document function (:mod:`pipeline.document`) over the input
files, appends each document's rows to the staged tables as soon as it is done, and swaps the
tables in at the end (one step, :class:`pipeline.tables.StagedTables`).

One module per job:

* :mod:`~pipeline.run.loop`: :func:`run`, the run loop (inputs, resume plan, output in input
  order, exports, the final swap).
* :mod:`~pipeline.run.rows`: the output tables (``TABLES``), :class:`RunResult`, and where one
  document's rows go (staged tables, resume cache, exports, the caller).
* :mod:`~pipeline.run.cache`: the resume cache (``OUT/.chronicle-cache``).
* :mod:`~pipeline.run.tasks`: the per-document tasks a worker process or a Dask task runs
  (resources loaded once per process), ``--continuous`` works, the serial scheduler.
* :mod:`~pipeline.run.schedulers`: the process pool (``--jobs``) and Dask (``--engine dask``).

Engines (all give byte-identical tables, rows in input order):

* ``jobs=1``: in this process (progress within a file through ``on_block``); the spine's
  spaCy batches reach across the documents (:mod:`pipeline.spine`).
* ``jobs=N`` (``0``: all cores): N worker processes (:class:`ProcessPoolExecutor`), each with
  the resources loaded once (inherited when the platform forks, else loaded by the initializer).
* ``engine="dask"``: tasks on a ``dask.distributed`` cluster (``scheduler`` address, or a
  ``LocalCluster`` of ``jobs`` workers); each worker loads the resources once. The workers must
  see the input files under the same paths (a shared file system).

Memory: with ``keep_documents=False`` no :class:`DocumentResult` is kept. The exports are
rendered document by document (:mod:`pipeline.exports.stream`): a document's TEI file, report
article and share of the run-wide files (GeoJSON lines, the report's map items and timeline
marks, the timeline PNG's points, its data-package entries) are rendered when it is done — in
the worker with ``jobs > 1`` — and spooled into the staging folder; the run-wide files are
assembled from the spools at the end. What stays in memory for the whole run: counters and the
PNG's points (a dozen bytes a dated event). In this process (``jobs=1``) a document's rows
reach the staged tables block by block (the ``sink`` of
:func:`~pipeline.document.process_text`); a document that fails half-way has its rows taken back
(:meth:`StagedTables.rollback`) and only its error row and warning are written. With
``jobs > 1`` and ``keep_documents=False`` each worker finishes its documents itself
(:func:`~pipeline.run.tasks.process_packed_task`: CSV lines, resume-cache file, TEI file, report
article, run-wide shares) and this process only copies text into the staged tables and spools,
in input order. Worker processes are single-threaded (spaCy's small model starts no thread pool
here), so ``--jobs N`` does not oversubscribe the cores.

One huge document is split across processes (:mod:`~pipeline.run.split`): with ``jobs > 1``
or Dask (not ``continuous``), a file larger than ``split_bytes`` (default
:data:`~pipeline.run.split.SPLIT_BYTES`, 1 MB) becomes one range task per ``split_bytes``, at
most one per worker, submitted among the other files' tasks. The per-document chain is cut in
two (:mod:`pipeline.ranges`): the whole-text stages (date mentions resolved from the starting
running date, era-name spans, place glosses, the block list: under a tenth of the work) and the
block loop, a pure function of a range of blocks given them (spaCy, the entities with their
``exclude`` spans, ``reread_capitals`` and ``read_place_words``, the sentence spans, the pending
events of whole event groups). The blocks are cut into ranges at event-group boundaries
(``EVENT_GROUP_CHARS``, decided by the block list alone); each range task reads the file, runs
the whole-text stages and its range, and returns per block the sentence spans, entities
(cleaned offsets), reread warnings and the pending events of the groups closing there; the first
range also returns the whole-text results. This process then reads and cleans the file, checks
the workers read the same text (sha256 of the cleaned text), and merges the ranges in order
exactly as the one-process loop does (:class:`~pipeline.document._DocumentStream`: sentence
numbers and entity sentence ids from the starts so far, dates emitted at block boundaries,
model-name counts summed), then builds the place lookup and place rows and numbers the events;
it streams the rows to the staged tables, the resume cache and the exports itself (a merged
document is never finished in a worker). A range that fails fails its document: the rows merged
so far are taken back and only its error row and warning are written. What each range task
repeats (the whole-text stages) is why small files stay one task, and why a document gets no
more ranges than workers; a range's rows are held in this process until they are merged.

Resuming: with an output folder, each processed document's result is kept in
``OUT/.chronicle-cache/KEY.pickle`` (KEY: sha256 of the input bytes, doc id, path, tool version,
model name and version, gazetteer hash) until the tables are written: a pickle stream of
``(list name, rows)`` records written as the rows come, ending with ``("end", None)``;
``resume=True`` takes the documents whose key matches from there instead of processing them
again (a file without its end record is processed again).
"""

from __future__ import annotations

from .cache import CACHE_DIR
from .loop import ENGINES, run
from .rows import TABLES, RunResult
from .schedulers import SCHEDULER_TIMEOUT
from .tasks import process_task, process_work_task, work_of

__all__ = ["CACHE_DIR", "ENGINES", "SCHEDULER_TIMEOUT", "TABLES", "RunResult", "process_task",
           "process_work_task", "run", "work_of"]
