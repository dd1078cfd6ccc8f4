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
rendered document by document (:mod:`pipeline.exports.stream`): a document's TEI file and report
article go to the staging folder when it is done; only the document rows, events and places
(what the map, timeline, GeoJSON and data package read) are kept for the run-wide files. In this
process (``jobs=1``) a document's rows reach the staged tables block by block (the ``sink`` of
:func:`~pipeline.document.process_text`); a document that fails half-way has its rows taken back
(:meth:`StagedTables.rollback`) and only its error row and warning are written. With
``jobs > 1`` and ``keep_documents=False`` each worker finishes its documents itself
(:func:`~pipeline.run.tasks.process_packed_task`: CSV lines, resume-cache file, TEI file, report
article) and this process only copies the text into the staged tables, in input order.

One document is never split across processes. The blocks of a document depend on one another
through more than the running date: sentence ids count from the document start, the events of a
group of blocks (``EVENT_GROUP_CHARS``) are found together, and the place columns of events and
the place rows wait for every PLACE entity and gloss of the document. A split would send whole
event groups to workers with the dates, glosses and era-name spans resolved on the whole cleaned
text first, then renumber sentences and resolve places in this process; that needs the block
loop of :class:`~pipeline.document._DocumentStream` cut in two (per group / per document), which
is left for when that loop has settled.

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
