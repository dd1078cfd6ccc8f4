"""List the EXTRA rows (no annotated event matches) of development sets, with their sentence.

Usage::

    python bench/extra_census.py --set dev10 [--set dev9 ...] [--out extras.jsonl]

For every row chronicle writes on a page of the named sets that matches no annotated event
(the ``EXTRA`` lines of ``eval_events.py --score -v``) it prints one line: ``T`` when an
annotated event of another type overlaps the row's trigger word (type mismatch; its type
is printed), ``-`` otherwise; the set, page, row type, trigger, actor1 and the sentence
with the trigger in [brackets]. It ends with precision and recall per set. Held-out sets
(``heldout12``, ``heldout13``) are refused. ``--out`` writes the extras as JSON lines.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_events as ee  # noqa: E402
from miss_census import dev_pages, refused_sets, write_jsonl  # noqa: E402


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", dest="sets", action="append", required=True)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    if refused_sets(args.sets):
        return 2
    from pipeline.document import load_resources, process_text

    resources = load_resources()
    extras = []
    tally: dict[str, list[int]] = {}
    for page_set, first, gold, text in dev_pages(args.sets):
        events = process_text(text, Path(first["doc"]).stem, resources).events
        t = tally.setdefault(page_set, [0, 0, 0, 0])
        t[0] += len(events)
        t[2] += len(gold)
        t[3] += sum(any(ee._matches(e, g) for e in events) for g in gold)
        for e in events:
            if any(ee._matches(e, g) for g in gold):
                t[1] += 1
                continue
            at = text.find(e.trigger, e.start, e.end)
            at = e.start if at < 0 else at
            over = [g["type"] for g in gold
                    if g["start"] < at + len(e.trigger) and at < g["end"]]
            ctx = ee._context(text, at, at + len(e.trigger))
            row = {"set": page_set, "doc": first["doc"], "type": e.event_type,
                   "trigger": e.trigger, "start": e.start, "actor1": e.actor1,
                   "gold_types": over, "sentence": ctx}
            extras.append(row)
            print(f"{'T' if over else '-'} {page_set:6} {first['doc'][:22]:22} "
                  f"{e.event_type:13} {e.trigger!r:20} {over or ''} a1={e.actor1!r} | "
                  f"{ctx[:260]}")
    for name, (rows, right, gold_n, found) in sorted(tally.items()):
        print(f"SET {name}: precision {right}/{rows} = {right / max(rows, 1):.3f}  "
              f"recall {found}/{gold_n} = {found / max(gold_n, 1):.3f}")
    if args.out:
        write_jsonl(args.out, extras)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
