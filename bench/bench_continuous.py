"""How many events lose their date when a text is cut into chapter files, with and without
``--continuous``.

Cuts a text into N files (at the word or sentence end nearest each N-th of the text, names
``part001.txt`` …, so name order is text order), runs the pipeline on the whole text, on the
files one by one, and on the files with ``continuous=True``, and prints the share of events
without a year in each run.

Usage: ``python bench/bench_continuous.py [TEXT] [--parts 200] [--at word|sentence]``
(default: the corpus text, 200 parts cut at word ends).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import api  # noqa: E402

SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n\s*")
WORD_END = re.compile(r"\s+")


def cut(text: str, parts: int, at: str = "word") -> list[str]:
    """``text`` in ``parts`` pieces (fewer if it has fewer boundaries), each cut just after the
    boundary (``at``: ``word`` or ``sentence`` end) nearest an even share of the text."""
    pattern = SENTENCE_END if at == "sentence" else WORD_END
    ends = sorted({m.end() for m in pattern.finditer(text)} - {len(text)})
    cuts: list[int] = []
    for k in range(1, parts):
        target = len(text) * k // parts
        best = min(ends, key=lambda e: abs(e - target), default=None)
        if best is not None and (not cuts or best > cuts[-1]):
            cuts.append(best)
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if text[a:b].strip()]


def undated(result: api.RunResult) -> tuple[int, int]:
    """(events without a year, events)."""
    events = [e for d in result.documents for e in d.events]
    return sum(1 for e in events if e.year is None), len(events)


def agreement(result: api.RunResult, reference: api.RunResult) -> str:
    """Events (matched in text order by trigger) whose year equals the one-file run's."""
    ours = [(e.trigger, e.year) for d in result.documents for e in d.events]
    ref = [(e.trigger, e.year) for d in reference.documents for e in d.events]
    import difflib

    matcher = difflib.SequenceMatcher(a=[t for t, _ in ours], b=[t for t, _ in ref],
                                      autojunk=False)
    pairs = [(ours[a + k], ref[b + k]) for a, b, n in matcher.get_matching_blocks()
             for k in range(n)]
    same = sum(1 for (_, y1), (_, y2) in pairs if y1 == y2 and y1 is not None)
    return f"same year as one file: {same} of {len(pairs)} matched events"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", default=str(ROOT / "corpus" / "song_jin_wars.txt"))
    parser.add_argument("--parts", type=int, default=200)
    parser.add_argument("--at", choices=("word", "sentence"), default="word",
                        help="cut at the word end (default) or sentence end nearest each share")
    args = parser.parse_args()
    text = Path(args.text).read_text(encoding="utf-8")
    pieces = cut(text, args.parts, args.at)
    resources = api.load_resources()
    with tempfile.TemporaryDirectory() as tmp:
        whole = Path(tmp) / "whole.txt"
        whole.write_text(text, encoding="utf-8")
        book = Path(tmp) / "book"
        book.mkdir()
        width = len(str(len(pieces)))
        for i, piece in enumerate(pieces, 1):
            (book / f"part{i:0{width}d}.txt").write_text(piece, encoding="utf-8")
        runs = {
            "one file": api.run([whole], resources=resources, formats=()),
            f"{len(pieces)} files": api.run([book], resources=resources, formats=()),
            f"{len(pieces)} files --continuous": api.run([book], resources=resources,
                                                         formats=(), continuous=True),
        }
    print(f"{args.text}: {len(text)} characters, cut at {args.at} ends")
    for name, result in runs.items():
        missing, total = undated(result)
        share = 100 * missing / total if total else 0.0
        print(f"{name:>28}: {missing:4d} of {total:4d} events undated ({share:.1f}%); "
              f"{agreement(result, runs['one file'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
