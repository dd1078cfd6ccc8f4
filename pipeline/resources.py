"""Where the bundled data files are, for an editable checkout and an installed wheel alike.

The repository keeps the gazetteer in the top-level ``gazetteer/`` folder; ``pyproject.toml``
maps that folder to the package ``pipeline.gazetteer_data`` (``[tool.setuptools.package-dir]``),
so a wheel ships the CSV files inside the package and an editable install points at the checkout.
Every module asks :func:`gazetteer_dir` instead of building a path from ``__file__``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

GAZETTEER_PACKAGE = "pipeline.gazetteer_data"


@lru_cache(maxsize=1)
def gazetteer_dir() -> Path:
    """The folder of the bundled gazetteer CSV files (a real directory on disk).

    Raises :class:`~pipeline.gazetteer.GazetteerError` (exit code 4) if the package data is missing
    or is not a plain directory (for example inside a zip archive).
    """
    from .gazetteer import GazetteerError  # here: gazetteer.py itself asks this module

    try:
        root = resources.files(GAZETTEER_PACKAGE)
    except ModuleNotFoundError as exc:
        raise GazetteerError(f"the bundled gazetteer ({GAZETTEER_PACKAGE}) is not installed; "
                             "reinstall the package") from exc
    path = Path(str(root))
    if not isinstance(root, Path) or not path.is_dir():
        raise GazetteerError(f"the bundled gazetteer is not a folder on disk: {root}")
    return path
