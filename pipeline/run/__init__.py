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

* ``jobs=1``: in this process (progress within a file through ``on_block``).
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

One document is never split across processes (not done yet). What a split needs, from
:class:`~pipeline.document._DocumentStream`: the running date is no obstacle — the date stage
(mentions, resolution from the starting state, era-name spans, ``years_from_dates``) and the
place glosses already run once on the whole cleaned text before the block loop, and are cheap
next to spaCy. The block loop is a pure function of a range of blocks given those: spaCy, the
entities (their ``exclude`` spans, ``reread_capitals``, ``read_place_words``), the sentence
spans and the pending events of whole event groups (a group closes where the block sizes reach
``EVENT_GROUP_CHARS``, which the block list alone decides). So: cut the huge file's blocks into
ranges at event-group boundaries; a worker runs the cheap whole-text stages again (or receives
their results) and returns, per block, the sentence spans, entities (cleaned offsets) and reread
warnings, the pending event groups and the model-name counts (first offset per name); this
process merges the ranges in order exactly as the loop does now (sentence numbers and entity
sentence ids from the starts so far, dates emitted at block boundaries, counts summed), then
builds the place lookup and place rows and numbers the events. Left to do: that cut of
``_DocumentStream.run`` into range work and merge; a scheduler that submits a huge file as
several range tasks among the other files' tasks and merges them in input order; the packed
path (the worker-finished CSV text, cache file and exports) for a merged document, which this
process would then finish itself; tests that the tables equal ``--jobs 1`` byte for byte.

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
