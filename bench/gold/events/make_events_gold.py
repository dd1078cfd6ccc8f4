"""Rebuild ``bench/gold/events/<doc>.jsonl`` from the hand-written event lists in ``src/``.

An event list ``src/<doc>.events.txt`` has one event mention per line, in reading order::

    type | trigger | actor1 alternatives (;) | actor2 alternatives (;) | place | year[-year_end]

``#`` starts a comment; a comment line ``# set: NAME`` (before the first event) names the
evaluation set of the page (``tuned``: pages whose misses guided the lexicon; ``unseen``:
annotated before any output on them was looked at; ``heldout``, ``heldout2``, ``heldout3``:
annotated by an independent annotator who read neither the event code nor any output on the
page), copied to every row as ``set`` (``tuned`` when absent). The trigger is the word or
phrase that names the happening; it is located at its next whole-word occurrence after the
previous trigger, so lines must follow the text. Years are astronomical (1 BCE = 0), so a
BCE range is written ``-118--114``. Empty fields mean "not scored" (the text does not say, or
the event has no single agent).
actor1 alternatives list every acceptable name: a person's canonical name and the forms the page
uses, or the polity when only a side is named.
Run: ``python bench/gold/events/make_events_gold.py``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent


def source_text(doc: str) -> str:
    for base in (ROOT / "corpus", ROOT / "bench" / "heldout4", ROOT / "bench" / "heldout5",
                 ROOT / "bench" / "heldout6", ROOT / "bench" / "heldout7",
                 ROOT / "bench" / "heldout8", ROOT / "bench" / "heldout9",
                 ROOT / "bench" / "heldout10", ROOT / "bench" / "heldout11",
                 ROOT / "bench" / "heldout12", ROOT / "bench" / "heldout13",
                 *(p / "shared" / "corpus-dev" for p in ROOT.parents)):
        if (base / doc).exists():
            return (base / doc).read_text(encoding="utf-8")
    sys.exit(f"{doc}: not found in corpus/, bench/heldout4/ ... bench/heldout13/"
             " or a shared/corpus-dev/ above the repository")


def _alts(field: str) -> list[str]:
    return [a.strip() for a in field.split(";") if a.strip()]


def build(src: Path) -> list[dict]:
    doc = src.name.replace(".events.txt", ".txt")
    text = source_text(doc)
    pos, rows, page_set = 0, [], "tuned"
    for number, line in enumerate(src.read_text(encoding="utf-8").splitlines(), start=1):
        named = re.match(r"#\s*set:\s*([\w-]+)", line)
        if named and not rows:
            page_set = named.group(1)
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 6:
            sys.exit(f"{src}:{number}: expected 6 fields separated by |")
        kind, trigger, actor1, actor2, place, year = parts
        found = re.compile(r"(?<![A-Za-z])" + re.escape(trigger) + r"(?![A-Za-z])").search(
            text, pos)
        if found is None:
            sys.exit(f"{src}:{number}: {trigger!r} not found after offset {pos}")
        span = re.fullmatch(r"(-?\d+)(?:-(-?\d+))?", year) if year else None
        if year and span is None:
            sys.exit(f"{src}:{number}: year {year!r} is not YEAR or YEAR-YEAR_END")
        y0, y1 = (span.group(1), span.group(2) or "") if span else ("", "")
        rows.append({"doc": doc, "start": found.start(), "end": found.end(), "trigger": trigger,
                     "type": kind, "actor1": _alts(actor1), "actor2": _alts(actor2),
                     "place": place, "year": int(y0) if y0 else None,
                     "year_end": int(y1) if y1 else (int(y0) if y0 else None),
                     "set": page_set})
        pos = found.end()
    return rows


def main() -> int:
    for src in sorted((HERE / "src").glob("*.events.txt")):
        rows = build(src)
        out = HERE / src.name.replace(".events.txt", ".jsonl")
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                       encoding="utf-8")
        print(f"{out.name}: {len(rows)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
