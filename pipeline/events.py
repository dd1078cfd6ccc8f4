"""Events: one row per clause that reports something happening.

Triggers come from ``gazetteer/event_types.csv`` (surface forms -> event type, optionally
constrained by the label of the trigger's object); ``gazetteer/event_cues.csv`` drops triggers
just after an irrealis or negation cue ("in an attempt to seize", "did not fulfill"). A trigger
inside a name ("the Shaoxing Peace Agreement") or inside a "(see the Battle of X ...)" title is
no event. Arguments are found by token order, without the dependency parser (parsing even only
the trigger sentences would cost more than the whole spine; see ``bench/eval_events.py``):

* the trigger's clause runs from the previous event's trigger (or the sentence start) to the
  next trigger (or the sentence end);
* active voice: actor1 = the last PERSON/POLITY/ARMY entity before the trigger in its clause
  that was not the previous event's object (else the sentence's last subject: "X captured A and
  attacked B"; else, after "he"/"they", the document's last actor1); actor2 = the first agent
  after it, before a clause break and within 8 tokens. Passive ("was defeated by X"): actor1 =
  the agent after "by", actor2 = the subject. A POLITY just before a person ("Song general Liu
  Qi") is that person's polity, not an actor;
* place = the first PLACE entity after the trigger in its clause, else (passive) the subject,
  else the last one before it introduced by at/in/from/to/on; PLACE entities inside a gloss
  are ignored; modern name and coordinates come from :class:`pipeline.places.PlaceLookup`;
* date = the last DateRow in the sentence before the trigger, else the first one after it in
  its clause, else the running date (the last DateRow before the sentence).

Offsets are ``str`` indices into the full cleaned text; ``EventRow.start``/``end`` span the
clause and ``text`` is the clause text.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.places import (
    HistoricalPlace,
    ModernPlaceIndex,
    PlaceGloss,
    PlaceLookup,
    outside_glosses,
)
from pipeline.records import DateRow, EntityRow, EventRow
from pipeline.resources import gazetteer_dir

GAZETTEER = gazetteer_dir()
AGENT_LABELS = frozenset({"PERSON", "POLITY", "ARMY"})
_PASSIVE_AUX = frozenset({"was", "were", "been", "be", "is", "are", "being"})
_ADVERBS = frozenset({"later", "finally", "then", "also", "severely", "completely", "soon",
                      "eventually", "repeatedly", "successively", "badly", "again", "not",
                      "all", "once", "utterly", "totally", "quickly", "heavily", "easily"})
_PLACE_PREPS = frozenset({"at", "in", "from", "to", "on", "near", "into", "towards", "toward"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "his", "their"})
_FORM_TOKENS = re.compile(r"[A-Za-z0-9]+|[^\sA-Za-z0-9]")
_BREAKS = frozenset({",", ";", ":", "but", "while", "whereas", "then", "so"})
_CUE_GAP = 2  # tokens allowed between an event cue and its trigger
_OBJECT_WINDOW = 8  # tokens after the trigger in which its object is looked for
_MODIFIER_GAP = 16  # characters between a POLITY and the person/army it qualifies
_NAME_STOP = frozenset({"in", "against", "to", "at", "which", "that", "where", "when", "by",
                        "from", "for", "with", "during", "under"})


@dataclass(frozen=True)
class TriggerRule:
    """One row of event_types.csv."""

    lemma: str
    event_type: str
    object_label: str  # "" = any object (a fallback), else the label the object must have
    takes_object: bool = True  # False: intransitive ("died", "fled"), no actor2


@dataclass(frozen=True)
class EventLexicon:
    """Trigger forms (lower case) -> rules, in file order; cues that make a trigger no
    event ("in an attempt to seize", "did not fulfill"), as lower-case token tuples."""

    forms: Mapping[str, tuple[TriggerRule, ...]]
    cues: frozenset[tuple[str, ...]] = frozenset()


@lru_cache(maxsize=2)
def load_event_lexicon(path: Path = GAZETTEER / "event_types.csv") -> EventLexicon:
    """Read event_types.csv (lemma, forms, event_type, object_label, takes_object, example)
    and, next to it, event_cues.csv (cue, kind, example)."""
    forms: dict[str, list[TriggerRule]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            rule = TriggerRule(row["lemma"], row["event_type"], row["object_label"],
                               row["takes_object"] != "no")
            for form in row["forms"].split(";"):
                if form.strip():
                    forms.setdefault(form.strip().lower(), []).append(rule)
    cues: list[tuple[str, ...]] = []
    cue_path = path.with_name("event_cues.csv")
    if cue_path.exists():
        with cue_path.open(encoding="utf-8", newline="") as fh:
            cues = [tuple(_FORM_TOKENS.findall(r["cue"].lower())) for r in csv.DictReader(fh)]
    return EventLexicon({k: tuple(v) for k, v in forms.items()}, frozenset(cues))


def build_trigger_matcher(doc_or_vocab: Doc | object, lexicon: EventLexicon) -> PhraseMatcher:
    """A case-insensitive PhraseMatcher over the lexicon's forms (match ids = form strings)."""
    vocab = doc_or_vocab.vocab if isinstance(doc_or_vocab, Doc) else doc_or_vocab
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for form in lexicon.forms:  # split like spaCy's English tokenizer: "counter-attack" -> 3
        matcher.add(form, [Doc(vocab, words=_FORM_TOKENS.findall(form))])
    return matcher


def _date_precision(d: DateRow) -> str:
    if d.day is not None:
        return "day"
    if d.month is not None:
        return "month"
    if d.season:
        return "season"
    if d.year is not None and d.year_end is not None and d.year_end != d.year:
        return "range"
    return "year" if d.year is not None else ""


def _date_fields(d: DateRow | None) -> dict[str, object]:
    """EventRow's date fields taken from ``d`` (none: the defaults)."""
    if d is None:
        return {}
    return {"year": d.year, "year_end": d.year_end, "month": d.month, "leap_month": d.leap_month,
            "day": d.day, "season": d.season, "date_start": d.date_start,
            "date_end": d.date_end, "date_precision": _date_precision(d), "date_text": d.text}


@dataclass(frozen=True)
class _Context:
    """Everything about the document that argument finding needs (offsets: full text)."""

    entities: tuple[EntityRow, ...]
    starts: tuple[int, ...]
    dates: tuple[DateRow, ...]
    date_starts: tuple[int, ...]
    place_info: PlaceLookup
    person_polity: Mapping[str, str]
    text: str  # doc.text (spaCy rebuilds it on every access)
    lower: Sequence[str]  # lower-case text of each token of the doc


_dated_cache: list[tuple[list[DateRow], tuple[DateRow, ...], tuple[int, ...]]] = []


def _dated(dates: Sequence[DateRow]) -> tuple[tuple[DateRow, ...], tuple[int, ...]]:
    """The dates with a year, sorted by start, and their starts (the last input's result is
    kept: a document's blocks all pass the same list)."""
    seq = list(dates)
    cached = _dated_cache[-1] if _dated_cache else None
    if cached is not None and cached[0] == seq:
        return cached[1], cached[2]
    ordered = tuple(sorted((d for d in seq if d.year is not None), key=lambda d: d.start))
    starts = tuple(d.start for d in ordered)
    _dated_cache[:] = [(seq, ordered, starts)]
    return ordered, starts


def _entities_in(ctx: _Context, start: int, end: int) -> list[EntityRow]:
    lo = bisect.bisect_left(ctx.starts, start)
    hi = bisect.bisect_left(ctx.starts, end)
    return [e for e in ctx.entities[lo:hi] if e.end <= end]


def _polity(ctx: _Context, actor: EntityRow | None) -> str:
    if actor is None:
        return ""
    if actor.label == "POLITY":
        return actor.canonical
    if actor.canonical in ctx.person_polity:
        return ctx.person_polity[actor.canonical]
    near = [e for e in _entities_in(ctx, max(0, actor.start - _MODIFIER_GAP), actor.start)
            if e.label == "POLITY"]  # "Song general Liu Qi"
    inner = [e for e in _entities_in(ctx, actor.start, actor.end) if e.label == "POLITY"]
    return (inner or near)[-1].canonical if (inner or near) else ""




def _is_passive(tokens: Span | Doc, trigger: Span) -> bool:
    """"was (severely) defeated", or a trigger form that holds its auxiliary ("was promoted")."""
    if trigger[0].lower_ in _PASSIVE_AUX:
        return True
    i = trigger.start - 1
    while i >= 0 and (tokens[i].lower_ in _ADVERBS or tokens[i].lower_.endswith("ly")):
        i -= 1
    return i >= 0 and tokens[i].lower_ in _PASSIVE_AUX


def _by_offset(window: Span, offset: int) -> int | None:
    """Full-text offset of the first "by" in ``window`` (the passive agent marker)."""
    tok = next((t for t in window if t.lower_ == "by"), None)
    return tok.idx + offset if tok is not None else None


def _clause_break(window: Span, offset: int) -> int:
    """Full-text offset of the first clause break (",", ";", "but", ...) in ``window`` that
    follows at least one token, outside brackets; the window's end if none."""
    depth = 0
    for tok in window[1:]:
        depth += (tok.text == "(") - (tok.text == ")")
        if depth <= 0 and tok.lower_ in _BREAKS:
            return tok.idx + offset
    return window.end_char + offset


def _agents(ents: Iterable[EntityRow]) -> list[EntityRow]:
    """Agent entities, without a POLITY that only modifies the next person ("Song general
    Liu Qi" -> Liu Qi)."""
    agents = [e for e in ents if e.label in AGENT_LABELS]
    return [e for k, e in enumerate(agents)
            if not (e.label == "POLITY" and k + 1 < len(agents)
                    and agents[k + 1].label != "POLITY"
                    and agents[k + 1].start - e.end <= _MODIFIER_GAP)]


def _reference_name(doc: Doc, trigger: Span) -> Span:
    """"Battle of Shunchang" -> the name tokens after "of" (capitalised words and "and")."""
    end = trigger.end
    while end < len(doc):
        tok = doc[end]
        if tok.is_punct or tok.lower_ in _NAME_STOP or tok.is_space:
            break
        if not (tok.text[:1].isupper() or tok.lower_ in ("and", "the") or tok.like_num):
            break
        end += 1
    return doc[trigger.end:end]


def _choose_rule(rules: Sequence[TriggerRule], obj: EntityRow | None) -> TriggerRule | None:
    label = obj.label if obj is not None else ""
    for rule in rules:
        if rule.object_label and rule.object_label == label:
            return rule
    return next((r for r in rules if not r.object_label), None)


def extract_events(doc: Doc, entities: Sequence[EntityRow], dates: Sequence[DateRow],
                   glosses: Sequence[PlaceGloss], *, offset: int = 0,
                   lexicon: EventLexicon | None = None,
                   matcher: PhraseMatcher | None = None,
                   person_polity: Mapping[str, str] | None = None,
                   historical_places: Mapping[str, HistoricalPlace] | None = None,
                   places: PlaceLookup | None = None,
                   index: ModernPlaceIndex | None = None) -> list[EventRow]:
    """Events of ``doc`` (a Doc over ``text[offset:offset + len(doc.text)]``).

    ``entities``/``dates``/``glosses`` carry offsets into the full text and may cover more than
    the doc. ``person_polity`` maps PERSON/ARMY canonical names to polities. When a document
    is processed block by block, build ``places`` once (:meth:`PlaceLookup.build`) and pass it
    with ``matcher`` to every call; otherwise both are rebuilt per call. ``event_id``
    counts from 0 in order of the trigger; ``doc_id``/``sentence_id`` are left for the caller.
    """
    lex = lexicon or load_event_lexicon()
    match = matcher or build_trigger_matcher(doc, lex)
    strings = doc.vocab.strings
    orths, lowers, spaces = doc.to_array([ORTH, LOWER, SPACY]).T.tolist()
    lower = [strings[low] for low in lowers]  # token index -> lower-case text
    text = "".join([strings[orth] + " " if space else strings[orth]
                    for orth, space in zip(orths, spaces, strict=True)])  # doc.text
    end_of_doc = offset + len(text)
    ents = sorted((e for e in outside_glosses(entities, glosses)  # not "(now Datong, Shanxi)"
                   if offset <= e.start and e.end <= end_of_doc), key=lambda e: e.start)
    all_dates, date_starts = _dated(dates)
    ctx = _Context(tuple(ents), tuple(e.start for e in ents), all_dates, date_starts,
                   places or PlaceLookup.build(entities, glosses, historical_places, index=index),
                   person_polity or {}, text, lower)
    found = {(s, e): doc.vocab.strings[m] for m, s, e in match(doc)}
    spans = filter_spans([doc[s:e] for s, e in found])
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    events: list[EventRow] = []
    last_actor: EventRow | None = None  # the last event with an actor1 (for "he", "they")
    span_starts = [s.start for s in spans]  # filter_spans returns spans sorted by start
    for sent in sentences:
        first = bisect.bisect_left(span_starts, sent.start)
        last = bisect.bisect_left(span_starts, sent.end)
        triggers = [s for s in spans[first:last] if s.end <= sent.end]
        state = _State(sentence_subject=None, passive=False, last_end=sent.start)
        title_end = -1  # token index closing "(see the Battle of X ...)"
        for k, trig in enumerate(triggers):
            rules = lex.forms[found[trig.start, trig.end]]
            if trig.start < title_end or _inside_name(trig, sent, ctx, offset, rules) \
                    or _after_cue(lower, trig, sent, lex.cues):
                continue
            if rules[0].event_type == "battle_reference":
                title_end = _title_end(doc, trig, sent)
            right_end = triggers[k + 1].start if k + 1 < len(triggers) else sent.end
            got = _event(doc, trig, rules, sent,
                         doc[state.last_end:trig.start], doc[trig.end:right_end], offset, ctx,
                         state, last_actor, len(events))
            if got is not None:
                row, state = got
                events.append(row)
                last_actor = row.actor1 and row or last_actor
    return events


def _inside_name(trig: Span, sent: Span, ctx: _Context, offset: int,
                 rules: Sequence[TriggerRule]) -> bool:
    """A trigger word that is part of a name: capitalised inside the sentence ("the Lianghe
    Rebel Army", "the Shaoxing Peace Agreement") or inside an entity."""
    if rules[0].event_type == "battle_reference":
        return False
    if trig.start > sent.start and trig[0].text[:1].isupper():
        return True
    start, end = trig.start_char + offset, trig.end_char + offset
    return any(e.start < end and start < e.end
               for e in _entities_in(ctx, max(0, start - 60), end))


@lru_cache(maxsize=8)
def _cue_lengths(cues: frozenset[tuple[str, ...]]) -> frozenset[int]:
    return frozenset(len(c) for c in cues)


def _after_cue(lower: Sequence[str], trig: Span, sent: Span,
               cues: frozenset[tuple[str, ...]]) -> bool:
    """A cue ends at most ``_CUE_GAP`` tokens before the trigger ("did not (fully) fulfill").

    ``lower`` holds the lower-case text of each token of the doc."""
    lengths = _cue_lengths(cues)
    for gap in range(_CUE_GAP + 1):
        end = trig.start - gap
        for n in lengths:
            if end - n >= sent.start and tuple(lower[end - n:end]) in cues:
                return True
    return False


def _title_end(doc: Doc, trig: Span, sent: Span) -> int:
    """Token index after the ")" closing a "(see the Battle of X ...)" reference, else -1."""
    before = doc[max(sent.start, trig.start - 3):trig.start]
    if not any(t.lower_ == "see" for t in before):
        return -1
    return next((t.i + 1 for t in doc[trig.end:sent.end] if t.text == ")"), -1)


@dataclass(frozen=True)
class _State:
    """Per-sentence state: the grammatical subject of the last event and its voice."""

    sentence_subject: EntityRow | None
    passive: bool
    last_end: int  # token index where the next trigger's left window starts
    object_end: int = -1  # full-text offset: agents before it were the last event's objects


def _event(doc: Doc, trig: Span, rules: Sequence[TriggerRule], sent: Span, left: Span,
           right: Span, offset: int, ctx: _Context, state: _State, last_actor: EventRow | None,
           event_id: int = 0) -> tuple[EventRow, _State] | None:
    def abs_(i: int) -> int:
        return i + offset

    left_ents = _entities_in(ctx, abs_(left.start_char), abs_(left.end_char))
    right_ents = _entities_in(ctx, abs_(right.start_char), abs_(right.end_char))
    name_span = None
    if rules[0].event_type == "battle_reference":
        name_span = _reference_name(doc, trig)
        if not len(name_span):
            return None
        rule = rules[0]
        right_ents = _entities_in(ctx, abs_(name_span.start_char), abs_(name_span.end_char))
    else:
        obj_end = abs_(doc[min(trig.end + _OBJECT_WINDOW, right.end) - 1].idx + 1) \
            if right.end > trig.end else abs_(trig.end_char)
        obj = next((e for e in right_ents if e.start < obj_end), None)
        if obj is not None and obj.label in AGENT_LABELS and _is_passive(doc, trig):
            obj = None  # "was captured by X": X is no object
        rule = _choose_rule(rules, obj)
        if rule is None:
            return None
    by_left = _by_offset(left, offset) if state.passive else None  # "by X" of the last event
    subjects = _agents(e for e in left_ents if (by_left is None or e.start < by_left)
                       and e.start >= state.object_end)
    coordinated = len(left) <= 2 and all(t.lower_ in ("and", ",") or t.lower_ in _ADVERBS
                                         for t in left)
    passive = rule.takes_object and (_is_passive(doc, trig) or (coordinated and state.passive))
    # (an intransitive "was born" keeps its subject as actor1)
    subject = subjects[-1] if subjects else state.sentence_subject
    by_right = _by_offset(right, offset)
    actor1: EntityRow | None = None
    actor2: EntityRow | None = None
    if name_span is None and passive:
        actor1 = next((e for e in _agents(right_ents) if by_right is not None
                       and e.start > by_right), None)
        actor2 = subject
    elif name_span is None:
        actor1 = subject
        if rule.takes_object:
            cut = _clause_break(right, offset)
            actor2 = next((e for e in _agents(right_ents) if e.start < min(obj_end, cut)
                           and (by_right is None or e.start < by_right)), None)
    places_right = [e for e in right_ents if e.label == "PLACE"]
    place = places_right[0] if places_right else None
    if place is None and name_span is None and passive:  # "Tokyo was captured"
        place = next((e for e in reversed(left_ents) if e.label == "PLACE"
                      and e.start >= state.object_end), None)
    if place is None and name_span is None:
        for e in reversed([e for e in left_ents if e.label == "PLACE"]):
            tok = doc.char_span(e.start - offset, e.end - offset, alignment_mode="expand")
            if tok is not None and tok.start > 0 and doc[tok.start - 1].lower_ in _PLACE_PREPS:
                place = e
                break
    place_name = place.canonical if place else ""
    written = name_span is not None and place is None
    if written and ctx.place_info.get(name_span.text, written=True):
        place_name = name_span.text  # "Battle of Huang Tiandang" ~ glossed "Huangtiandang"
    info = ctx.place_info.get(place_name, written=written) if place_name else None
    clause_start, clause_end = abs_(left.start_char), abs_(right.end_char)
    text = ctx.text[left.start_char:right.end_char].strip()
    trigger = doc[trig.start:name_span.end].text if name_span is not None else trig.text
    actor1_name = actor1.canonical if actor1 else ""
    actor1_polity = _polity(ctx, actor1)
    if (not actor1_name and not passive and name_span is None and last_actor is not None
            and any(w in _PRONOUNS for w in ctx.lower[left.start:left.end])):
        actor1_name, actor1_polity = last_actor.actor1, last_actor.actor1_polity
    date = _event_date(ctx, abs_(sent.start_char), abs_(trig.start_char), abs_(right.end_char))
    row = EventRow(
        doc_id="", event_id=event_id, sentence_id=-1, start=clause_start, end=clause_end,
        event_type=rule.event_type, trigger=trigger,
        actor1=actor1_name, actor1_polity=actor1_polity,
        actor2=actor2.canonical if actor2 else "", actor2_polity=_polity(ctx, actor2),
        place=place_name,
        place_modern=info[0] if info else "", latitude=info[1] if info else None,
        longitude=info[2] if info else None, place_precision=info[3] if info else "",
        text=text, **_date_fields(date))  # type: ignore[arg-type]
    new_state = _State(subject, passive, trig.end, actor2.end if actor2 else -1) \
        if name_span is None else replace(state, last_end=name_span.end)
    return row, new_state


def _event_date(ctx: _Context, sent_start: int, trig_start: int, clause_end: int
                ) -> DateRow | None:
    """The sentence's last date before the trigger, else the clause's first date after it,
    else the running date (last date before the sentence)."""
    i = bisect.bisect_left(ctx.date_starts, trig_start) - 1
    if i >= 0 and ctx.dates[i].start >= sent_start:
        return ctx.dates[i]
    j = i + 1
    if j < len(ctx.dates) and ctx.dates[j].start < clause_end:
        return ctx.dates[j]
    k = bisect.bisect_left(ctx.date_starts, sent_start) - 1
    return ctx.dates[k] if k >= 0 else None


def load_person_polities(*paths: Path) -> dict[str, str]:
    """canonical -> polity from CSVs with columns canonical, polity (persons.csv, armies.csv)."""
    out: dict[str, str] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("polity"):
                    out.setdefault(row["canonical"], row["polity"])
    return out
