"""Error classes and the exit codes the command line returns.

Exit codes (documented in the README):

* 0 - every input file was processed (warnings may have been written);
* 1 - at least one file could not be read or processed (it has an ``error`` row in
  ``documents.csv``; the other files were processed);
* 2 - bad command line (an empty ``--out`` too), or an input path that does not exist;
* 3 - the spaCy model is not installed;
* 4 - the output folder cannot be written (checked before any work), or a gazetteer file is
  invalid (:mod:`pipeline.gazetteer_schema`);
* 130 / 143 - interrupted by SIGINT / SIGTERM (the previous tables are untouched unless the
  message says the new ones were all written).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_FILE_ERRORS = 1
EXIT_USAGE = 2
EXIT_MODEL_MISSING = 3
EXIT_OUTPUT = 4


class ChronicleError(Exception):
    """Base class; ``exit_code`` is what the CLI returns for it."""

    exit_code = EXIT_USAGE


class InputPathError(ChronicleError):
    """An input path does not exist or holds no text files."""

    exit_code = EXIT_USAGE


class UnreadableFileError(ChronicleError):
    """A file is binary, undecodable or too large; reported as an ``error`` row."""

    exit_code = EXIT_FILE_ERRORS


class OutputError(ChronicleError):
    """The output folder cannot be created or written."""

    exit_code = EXIT_OUTPUT
