"""Rebuild ``bench/gold/<doc>.jsonl`` from the hand-written mention lists in ``src/``.

A mention list ``src/<doc>.mentions.txt`` has one mention per line, in reading order:
``<code> <exact text>`` with code P (PERSON), L (PLACE), O (POLITY), A (ARMY); ``#`` starts a
comment. Each mention is located at its next whole-word occurrence after the previous mention,
so every occurrence must be listed. Run: ``python bench/gold/make_gold.py``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CODES = {"P": "PERSON", "L": "PLACE", "O": "POLITY", "A": "ARMY"}


def source_text(doc: str) -> str:
    local = ROOT / "corpus" / doc
    shared = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus-dev").is_dir()),
                  ROOT.parent / "shared")  # ../shared from /work/main, ../../shared from a worktree
    path = local if local.exists() else shared / "corpus-dev" / doc
    return path.read_text(encoding="utf-8")


def build(src: Path) -> list[dict]:
    doc = src.name.replace(".mentions.txt", ".txt")
    text = source_text(doc)
    pos, rows = 0, []
    for number, line in enumerate(src.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        code, mention = line.split(" ", 1)
        found = re.compile(r"(?<![A-Za-z])" + re.escape(mention) + r"(?![A-Za-z])").search(
            text, pos)
        if found is None or code not in CODES:
            sys.exit(f"{src}:{number}: {mention!r} not found after offset {pos} (or bad code)")
        rows.append({"doc": doc, "start": found.start(), "end": found.end(), "text": mention,
                     "label": CODES[code]})
        pos = found.end()
    return rows


def main() -> None:
    for src in sorted((HERE / "src").glob("*.mentions.txt")):
        rows = build(src)
        out = HERE / src.name.replace(".mentions.txt", ".jsonl")
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                       encoding="utf-8")
        print(f"{out.name}: {len(rows)} mentions")


if __name__ == "__main__":
    main()
