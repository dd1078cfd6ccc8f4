"""The code in docs/example.md runs on the committed corpus tables (outputs/)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import matplotlib

ROOT = Path(__file__).resolve().parent.parent


def test_docs_example_runs(tmp_path: Path) -> None:
    matplotlib.use("Agg")
    source = (ROOT / "docs" / "example.md").read_text(encoding="utf-8")
    code = "\n".join(re.findall(r"```python\n(.*?)```", source, re.S))
    (tmp_path / "outputs").symlink_to(ROOT / "outputs")
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        namespace: dict[str, object] = {}
        exec(compile(code, "docs/example.md", "exec"), namespace)  # noqa: S102 - our own docs
    finally:
        os.chdir(cwd)
    assert (tmp_path / "events_map.png").stat().st_size > 10_000
    assert (tmp_path / "events_timeline.png").stat().st_size > 10_000
    assert namespace["original"][namespace["row"]["start"]:namespace["row"]["end"]].strip()
