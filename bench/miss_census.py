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
wording). Held-out sets (``heldout12``, ``heldout13``) are refused. ``--out`` also
writes the misses as JSON lines.

``--why`` traces the event stage (:mod:`pipeline.events.droptrace`) and prints, after each
class-b line, the tests that dropped the candidates at the trigger (``modality:X``: the
test X of :func:`pipeline.events.modality.modality`; ``no_rule:LABEL``: no rule of the form
fits an object of that label, ``-`` none; ``not_candidate``: dropped before any sentence
test, while the matches were filtered: a present form, a date object, a particle result, a
longer overlapping form), then a table: for each reason, the class-b misses it drops and the
candidates it drops on the same pages that overlap no annotated trigger (``built`` and
``not_candidate`` are not counted there).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import eval_events as ee  # noqa: E402

#: Sets whose pages may be read (the held-out sets are never opened).
ALLOWED = frozenset({"tuned", "unseen", "heldout", "heldout2", "heldout3", "dev4", "dev4b",
                     "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11"})


def refused_sets(sets: list[str]) -> bool:
    """True (after a message on stderr) when ``sets`` names a set that is not in ``ALLOWED``."""
    refused = set(sets) - ALLOWED
    if refused:
        print(f"not a development set: {sorted(refused)}", file=sys.stderr)
    return bool(refused)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    """Write ``rows`` to ``path`` as JSON lines (UTF-8, non-ASCII kept)."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")


def dev_pages(sets: list[str]) -> Iterator[tuple[str, dict, list[dict], str]]:
    """Each annotated page of ``sets`` (never a held-out one: check :func:`refused_sets`
    first), in file order: its set, its first gold row, all its gold rows, its text."""
    sys.path.insert(0, str(ee.GOLD_EVENTS))
    from make_events_gold import source_text  # type: ignore[import-not-found]

    for path in sorted(ee.GOLD_EVENTS.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            first = json.loads(fh.readline())
        page_set = first.get("set", "tuned")
        if page_set not in sets:
            continue
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        yield page_set, first, gold, source_text(first["doc"])


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


#: Predicates of :func:`pipeline.events.modality.modality` whose True answer makes it "none".
_MODALITY_TESTS = ("_qualifier", "_named", "_state_change", "_weather", "_causative", "_denied",
                   "unreal", "_planned", "_figurative", "standing_charge", "_negative",
                   "_hypothetical", "_substituted", "recurring", "_stated_purpose",
                   "_indirect_question", "_wished", "_aim")
_CUE_KINDS = ("irrealis", "attempt", "negation", "request", "pretense", "claim", "avoidance",
              "habitual", "modal", "near_miss", "wish")


def _modality_reason(head: object, lexicon: object) -> str:
    """Which test of ``modality`` says "none" for ``head``: the last of its predicates that
    answered True (wrapped for this one call), else the first cue word on the climb."""
    import pipeline.events.modality as m

    hits: list[str] = []
    saved = {n: getattr(m, n) for n in _MODALITY_TESTS}

    def wrap(name: str, fn: object) -> object:
        def inner(*a: object, **k: object) -> object:
            out = fn(*a, **k)  # type: ignore[operator]
            if out:
                hits.append(name)
            return out
        return inner

    try:
        for n, fn in saved.items():
            setattr(m, n, wrap(n, fn))
        status = m.modality(head, lexicon)
    finally:
        for n, fn in saved.items():
            setattr(m, n, fn)
    if status != "none":
        return "motion_or_participle"  # read_frame's own tests (unfit_motion, "the besieging")
    if hits:
        return hits[-1].lstrip("_")
    cur = head
    for _ in range(m.MAX_CLIMB + 1):
        for c in [cur, *cur.children]:  # type: ignore[attr-defined]
            if c.dep_ == "neg":
                return f"neg:{c.lower_}"
            kind = lexicon.cue(c.lower_)  # type: ignore[attr-defined]
            if kind in _CUE_KINDS:
                return f"cue:{kind}:{c.lower_}"
        if cur.head.i == cur.i:  # type: ignore[attr-defined]
            break
        cur = cur.head  # type: ignore[attr-defined]
    return "inline"


def _reasons(trace: list, start: int, end: int, lexicon: object) -> list[str]:
    """The drop reasons traced for candidates overlapping full-text ``[start, end)``."""
    out = []
    for s, e, reason, head in trace:
        if s < end and start < e:
            if reason == "modality" and head is not None:
                reason = "modality:" + _modality_reason(head, lexicon)
            out.append(reason)
    return out or ["not_candidate"]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", dest="sets", action="append", required=True)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--why", action="store_true",
                    help="trace why each class-b miss was dropped; count the reasons")
    ap.add_argument("--why-false", action="store_true",
                    help="with --why: also print each dropped candidate that is no gold event")
    args = ap.parse_args(argv)
    if refused_sets(args.sets):
        return 2
    from pipeline import spine
    from pipeline.document import load_resources, process_text
    from pipeline.events import droptrace

    resources = load_resources()
    misses = []
    from collections import Counter
    gold_why: Counter[str] = Counter()
    false_why: Counter[str] = Counter()
    for page_set, first, gold, text in dev_pages(args.sets):
        with droptrace.collecting(args.why) as trace:
            events = process_text(text, Path(first["doc"]).stem, resources).events
        if trace:  # cleaned-text offsets -> the original's (the gold's)
            back = spine.cleaned(text).to_original
            trace = [(*back(s, e), reason, head) for s, e, reason, head in trace]
        if args.why:  # the candidates dropped that overlap no annotated trigger
            for s, e, reason, head in trace:
                if reason != "built" and not any(s < g["end"] and g["start"] < e
                                                 for g in gold):
                    why = _reasons([(s, e, reason, head)], s, e,
                                   resources.event_lexicon)[0]  # type: ignore[attr-defined]
                    false_why[why] += 1
                    if args.why_false:
                        print(f"  false {why:30} {text[s:e]!r:16} | "
                              f"{ee._context(text, s, e)[:200]}")
        for g in gold:
            if not any(ee._matches(e, g) for e in events):
                miss = _classify(g, events, text, resources) | {"set": page_set,
                                                               "doc": first["doc"]}
                misses.append(miss)
                extra = miss["rows"] if miss["class"] == "c" else miss["forms"]
                print(f"{miss['class']} {page_set:8} {first['doc'][:24]:24} {g['type']:14} "
                      f"{g['trigger']!r:26} {extra} | {miss['sentence'][:200]}")
                if args.why and miss["class"] == "b":
                    why = _reasons(trace, g["start"], g["end"],
                                   resources.event_lexicon)  # type: ignore[attr-defined]
                    miss["why"] = why
                    gold_why.update(set(why))
                    print(f"    why: {why}")
    counts = {k: sum(m["class"] == k for m in misses) for k in "abc"}
    print(f"{len(misses)} misses: {counts}")
    if args.why:
        print("\nreason                                   b-misses  non-gold drops")
        for reason in sorted(set(gold_why) | set(false_why),
                             key=lambda r: (-gold_why[r], -false_why[r], r)):
            print(f"{reason:40} {gold_why[reason]:8} {false_why[reason]:15}")
    if args.out:
        write_jsonl(args.out, misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
