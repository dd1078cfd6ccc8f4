"""Census of the annotated events chronicle misses, by cause, on development sets.

Usage::

    python bench/miss_census.py --set dev9 [--set dev8 ...] [--out misses.jsonl]

For every annotated event of a page of the named sets that no row matches (the ``MISS`` lines
of ``eval_events.py --score -v``) it prints one line: the class of the miss, the set, page,
annotated type and trigger, and the sentence with the trigger in [brackets]. Classes:
``c`` a row of another type overlaps the trigger word (type mismatch; the row's type and
trigger are printed); ``b`` a lexicon form (``event_types.csv``) matches at the trigger but
no row was kept (dropped by a later test: modality, tense, noun reading, subject ...; the
matching forms are printed); ``a`` no lexicon form matches there (no trigger for this
wording). Held-out sets (``heldout11``, ``heldout12``) are refused. ``--out`` also writes the
misses as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_events as ee  # noqa: E402

#: Sets whose pages may be read (the held-out sets are never opened).
ALLOWED = frozenset({"tuned", "unseen", "heldout", "heldout2", "heldout3", "dev4", "dev4b",
                     "dev5", "dev6", "dev7", "dev8", "dev9", "dev10"})


def _classify(gold: dict, events: list, text: str, resources: object) -> dict:
    """One miss: its class (a/b/c) and what explains it."""
    words = set(gold["trigger"].lower().split())
    over = [(e.event_type, e.trigger) for e in events
            if e.start < gold["end"] and gold["start"] < e.end
            and words & set(e.trigger.lower().split())]
    ctx = ee._context(text, gold["start"], gold["end"])
    doc = resources.nlp.make_doc(ctx)  # type: ignore[attr-defined]
    lo = ctx.index("[")
    forms = sorted({resources.nlp.vocab.strings[mid]  # type: ignore[attr-defined]
                    for mid, s, e in resources.trigger_matcher(doc)  # type: ignore[attr-defined]
                    if doc[s:e].start_char <= lo + len(gold["trigger"]) + 1
                    and doc[s:e].end_char >= lo})
    kind = "c" if over else "b" if forms else "a"
    return {"class": kind, "type": gold["type"], "trigger": gold["trigger"],
            "start": gold["start"], "rows": over, "forms": forms, "sentence": ctx}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", dest="sets", action="append", required=True)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    refused = set(args.sets) - ALLOWED
    if refused:
        print(f"not a development set: {sorted(refused)}", file=sys.stderr)
        return 2
    from pipeline.document import load_resources, process_text

    resources = load_resources()
    sys.path.insert(0, str(ee.GOLD_EVENTS))
    from make_events_gold import source_text  # type: ignore[import-not-found]

    misses = []
    for path in sorted(ee.GOLD_EVENTS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            first = json.loads(fh.readline())
        page_set = first.get("set", "tuned")
        if page_set not in args.sets:
            continue
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        text = source_text(first["doc"])
        events = process_text(text, path.stem, resources).events
        for g in gold:
            if not any(ee._matches(e, g) for e in events):
                miss = _classify(g, events, text, resources) | {"set": page_set,
                                                               "doc": first["doc"]}
                misses.append(miss)
                extra = miss["rows"] if miss["class"] == "c" else miss["forms"]
                print(f"{miss['class']} {page_set:8} {first['doc'][:24]:24} {g['type']:14} "
                      f"{g['trigger']!r:26} {extra} | {miss['sentence'][:200]}")
    counts = {k: sum(m["class"] == k for m in misses) for k in "abc"}
    print(f"{len(misses)} misses: {counts}")
    if args.out:
        args.out.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses),
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
