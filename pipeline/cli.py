"""Command line: ``chronicle run PATH... --out DIR``. Argument parsing, progress, exit codes only.

Exit codes are listed in :mod:`pipeline.errors`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import api, exports
from .errors import EXIT_FILE_ERRORS, EXIT_OK, ChronicleError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chronicle",
        description="Turn English texts on Chinese history into event tables with CE dates.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process files or folders (*.txt, recursively)")
    run.add_argument("paths", nargs="+", metavar="PATH", help="input files or folders")
    run.add_argument("--out", required=True, metavar="DIR", help="folder for the CSV tables")
    run.add_argument("--model", default=api.DEFAULT_MODEL, metavar="NAME",
                     help=f"installed spaCy pipeline (default: {api.DEFAULT_MODEL})")
    run.add_argument("--quiet", action="store_true", help="no progress lines")
    run.add_argument("--formats", default=",".join(exports.DEFAULT_FORMATS), metavar="LIST",
                     help="outputs written with the tables, comma-separated: "
                          f"{', '.join(exports.ALL_FORMATS)}; 'all' or 'none' (default: all)")
    return parser


def _progress(i: int, n: int, result: api.DocumentResult) -> None:
    doc = result.document
    if doc.status == "error":
        detail = f"ERROR: {doc.message}"
    elif doc.status == "empty":
        detail = "empty file, no rows"
    else:
        detail = (f"{doc.sentences} sentences, {len(result.entities)} entities, "
                  f"{len(result.dates)} dates, {len(result.warnings)} warnings")
    print(f"[{i}/{n}] {doc.doc_id}: {detail}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``chronicle`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        formats = exports.parse_formats(args.formats)
        files = api.collect_inputs(Path(p) for p in args.paths)
        if not args.quiet:
            print(f"chronicle: {len(files)} file(s); loading model {args.model} …",
                  file=sys.stderr, flush=True)
        resources = api.load_resources(args.model)
        result = api.run(args.paths, args.out, resources=resources,
                         progress=None if args.quiet else _progress, formats=formats)
    except ChronicleError as exc:
        print(f"chronicle: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("chronicle: interrupted; no tables were written", file=sys.stderr)
        return 130
    if not args.quiet:
        print(f"chronicle: wrote tables to {args.out}", file=sys.stderr)
    return EXIT_FILE_ERRORS if result.failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
