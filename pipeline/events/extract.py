"""Events: one row per trigger that the parse says reports something happening.

Triggers come from ``gazetteer/event_types.csv``. Only sentences holding a trigger are parsed
(with the model's own ``tok2vec``/``tagger``/``parser``,
loaded but disabled in the spine; :func:`parse_sentences`). A trigger inside a name ("the
Shaoxing Peace Agreement") or inside a "(see the Battle of X ...)" title is no event. Roles,
modality, place, origin and destination come from :mod:`pipeline.events.roles` and
:mod:`pipeline.events.actors`; the date from :mod:`pipeline.events.when`.

Offsets are ``str`` indices into the full cleaned text; ``EventRow.start``/``end`` span the
trigger's clause (from the previous trigger, or the sentence start, to the next trigger, or
the sentence end) and ``text`` is the clause text.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.events.actors import Actor, ActorFinder, Salience, nearest_actor, side_actor
from pipeline.events.lexicon import (
    EventLexicon,
    TriggerRule,
    build_trigger_matcher,
    load_event_lexicon,
)
from pipeline.events.roles import Frame, coarse, nominal_anchored, read_frame
from pipeline.events.when import date_fields, event_date
from pipeline.places import (
    HistoricalPlace,
    ModernPlaceIndex,
    PlaceGloss,
    PlaceLookup,
    outside_glosses,
)
from pipeline.records import DateRow, EntityRow, EventRow

_MODIFIER_GAP = 16  # characters between a POLITY and the person/army it qualifies
_NAME_STOP = frozenset({"in", "against", "to", "at", "which", "that", "where", "when", "by",
                        "from", "for", "with", "during", "under"})
_PARSE_PIPES = ("tok2vec", "tagger", "parser")
_NEAR_PREPS = frozenset({"near", "outside", "around", "off", "beyond", "along", "across"})
_REGION_PRECISION = frozenset({"province", "region", "country", "continent"})
# Event types that end a person's life, and which actor dies: no later pronoun refers to them.
_FATAL = {"death": "actor1", "suicide": "actor1", "execution": "actor2", "killing": "actor2"}


def parse_sentences(nlp: Language | None, sents: Sequence[Span]) -> list[Doc]:
    """Each sentence as its own Doc with a dependency parse (same tokens as the span).

    Sentences of a Doc that already has a parse are copied (``Span.as_doc``). Otherwise the
    ``_PARSE_PIPES`` of ``nlp`` are run, enabled or not, on the sentences only; without a
    parser (a blank pipeline) the Docs come back unparsed (every token its own head)."""
    if not sents:
        return []
    if sents[0].doc.has_annotation("DEP"):
        return [s.as_doc() for s in sents]
    docs = [Doc(s.doc.vocab, words=[t.text for t in s],
                spaces=[bool(t.whitespace_) for t in s]) for s in sents]
    if nlp is None or "parser" not in nlp.component_names:
        return docs
    for name in _PARSE_PIPES:
        if name in nlp.component_names:
            docs = list(nlp.get_pipe(name).pipe(docs))
    return docs


@dataclass(frozen=True)
class _Context:
    """What argument finding needs about the document (offsets: full text)."""

    entities: tuple[EntityRow, ...]
    starts: tuple[int, ...]
    dates: tuple[DateRow, ...]
    date_starts: tuple[int, ...]
    person_polity: Mapping[str, str]
    lexicon: EventLexicon


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


_dated_cache: list[tuple[list[DateRow], tuple[DateRow, ...], tuple[int, ...]]] = []


def _dated(dates: Sequence[DateRow]) -> tuple[tuple[DateRow, ...], tuple[int, ...]]:
    """The dates with a year, sorted by start, and their starts (the last result is kept: a
    document's blocks all pass the same list). A printed span aside (kind ``aside``: a life or
    reign span after a name) is left out: it is no event's date."""
    seq = list(dates)
    cached = _dated_cache[-1] if _dated_cache else None
    if cached is not None and cached[0] == seq:
        return cached[1], cached[2]
    ordered = tuple(sorted((d for d in seq if d.year is not None and d.kind != "aside"),
                           key=lambda d: d.start))  # "Hai Rui (1514–1587)" dates no event
    starts = tuple(d.start for d in ordered)
    _dated_cache[:] = [(seq, ordered, starts)]
    return ordered, starts


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


def _title_end(doc: Doc, trig: Span, sent: Span) -> int:
    """Token index after the ")" closing a "(see the Battle of X ...)" reference, else -1."""
    before = doc[max(sent.start, trig.start - 3):trig.start]
    if not any(t.lower_ == "see" for t in before):
        return -1
    return next((t.i + 1 for t in doc[trig.end:sent.end] if t.text == ")"), -1)


def _sentence_triggers(doc: Doc, sent: Span, spans: list[Span], span_starts: list[int],
                       found: Mapping[tuple[int, int], str], lex: EventLexicon, ctx: _Context,
                       offset: int) -> list[tuple[Span, tuple[TriggerRule, ...]]]:
    first = bisect.bisect_left(span_starts, sent.start)
    last = bisect.bisect_left(span_starts, sent.end)
    if next((t.text for t in reversed(sent) if not t.is_space), "") == "?":
        return []  # a question asserts nothing: "How did Cai Jing die?"
    out = []
    title_end = -1
    for trig in spans[first:last]:
        if trig.end > sent.end:
            continue
        rules = lex.forms[found[trig.start, trig.end]]
        if trig.start < title_end or _inside_name(trig, sent, ctx, offset, rules):
            continue
        if rules[0].event_type == "battle_reference":
            title_end = _title_end(doc, trig, sent)
        out.append((trig, rules))
    return out


def extract_events(doc: Doc, entities: Sequence[EntityRow], dates: Sequence[DateRow],
                   glosses: Sequence[PlaceGloss], *, offset: int = 0,
                   lexicon: EventLexicon | None = None,
                   matcher: PhraseMatcher | None = None,
                   person_polity: Mapping[str, str] | None = None,
                   historical_places: Mapping[str, HistoricalPlace] | None = None,
                   places: PlaceLookup | None = None,
                   index: ModernPlaceIndex | None = None,
                   parser: Language | None = None) -> list[EventRow]:
    """Events of ``doc`` (a Doc over ``text[offset:offset + len(doc.text)]``, one paragraph).

    ``entities``/``dates``/``glosses`` carry offsets into the full text and may cover more than
    the doc. ``person_polity`` maps PERSON/ARMY canonical names to polities. ``parser``: a
    pipeline holding the model's parser (enabled or not) to parse the trigger sentences; not
    needed when ``doc`` is parsed already; without any parse, events have no roles. When a
    document is processed block by block, prefer :func:`extract_block_events` (one parse batch
    for the document), or build ``places`` once (:meth:`PlaceLookup.build`) and pass it with
    ``matcher`` to every call. ``event_id`` counts from 0 in trigger order;
    ``doc_id``/``sentence_id`` are left for the caller; ``date_id`` is copied from the date.
    """
    return extract_block_events([(doc, offset)], entities, dates, glosses, lexicon=lexicon,
                                matcher=matcher, person_polity=person_polity,
                                historical_places=historical_places, places=places,
                                index=index, parser=parser)[0]


@dataclass(frozen=True)
class _Block:
    """One paragraph's triggers, grouped by sentence, ready for parsing and argument finding."""

    doc: Doc
    text: str
    offset: int
    ctx: _Context
    todo: list[tuple[Span, list[tuple[Span, tuple[TriggerRule, ...]]]]]


def extract_block_events(blocks: Sequence[tuple[Doc, int]], entities: Sequence[EntityRow],
                         dates: Sequence[DateRow], glosses: Sequence[PlaceGloss], *,
                         lexicon: EventLexicon | None = None,
                         matcher: PhraseMatcher | None = None,
                         person_polity: Mapping[str, str] | None = None,
                         historical_places: Mapping[str, HistoricalPlace] | None = None,
                         places: PlaceLookup | None = None,
                         index: ModernPlaceIndex | None = None,
                         parser: Language | None = None) -> list[list[EventRow]]:
    """Events of each ``(doc, offset)`` paragraph of one document, as :func:`extract_events`
    (one list per block, ``event_id`` from 0 in each); the trigger sentences of all blocks are
    parsed in one batch. ``entities``/``dates``/``glosses``: the whole document's."""
    pending = pending_block_events(blocks, entities, dates, glosses, lexicon=lexicon,
                                   matcher=matcher, person_polity=person_polity,
                                   parser=parser)
    lookup = places or PlaceLookup.build(entities, glosses, historical_places, index=index)
    return [resolve_event_places(block, lookup) for block in pending]


@dataclass(frozen=True)
class PlaceQuery:
    """What an event's place columns wait for: the document's :class:`PlaceLookup`.

    ``name``: canonical name of the PLACE entity chosen ("" if none); ``written``: a
    "Battle of X" name as written when no PLACE entity is in it (it is the place if the
    lookup knows it, e.g. from a gloss anywhere in the document); ``prep``: the preposition
    before the place ("near" ...), for ``geo_precision``."""

    name: str = ""
    written: str = ""
    prep: str = ""


#: An event row whose place columns are still empty, and what fills them.
PendingEvent = tuple[EventRow, PlaceQuery]


def pending_block_events(blocks: Sequence[tuple[Doc, int]], entities: Sequence[EntityRow],
                         dates: Sequence[DateRow], glosses: Sequence[PlaceGloss], *,
                         lexicon: EventLexicon | None = None,
                         matcher: PhraseMatcher | None = None,
                         person_polity: Mapping[str, str] | None = None,
                         parser: Language | None = None) -> list[list[PendingEvent]]:
    """As :func:`extract_block_events`, without the place lookup: the rows' place columns are
    filled later by :func:`resolve_event_places`. So a long document can be processed a group
    of blocks at a time (``entities``: at least those of ``blocks``; ``dates``/``glosses``: the
    whole document's), its Docs dropped, and the places resolved once all its PLACE entities
    are known (a gloss late in the text applies to an event early in it)."""
    if not blocks:
        return []
    lex = lexicon or load_event_lexicon()
    match = matcher or build_trigger_matcher(blocks[0][0], lex)
    kept = sorted(outside_glosses(entities, glosses), key=lambda e: e.start)  # not "(now X)"
    kept_starts = [e.start for e in kept]
    all_dates, date_starts = _dated(dates)
    prepared = [_prepare(doc, offset, kept, kept_starts, all_dates, date_starts,
                         person_polity or {}, lex, match) for doc, offset in blocks]
    out: list[list[PendingEvent]] = []
    group: list[int] = []
    size = 0
    for i, block in enumerate(prepared):  # parsed a group of blocks at a time: bounded memory
        group.append(i)
        size += len(block.text)
        if size >= _PARSE_GROUP_CHARS or i == len(prepared) - 1:
            out.extend(_parse_and_finish([prepared[j] for j in group], parser))
            group, size = [], 0
    return out


def resolve_event_places(pending: Sequence[PendingEvent], lookup: PlaceLookup) -> list[EventRow]:
    """The rows of ``pending`` with their place columns (place, modern name, coordinates,
    precision, ``geo_precision``) from the document's ``lookup``."""
    out = []
    for row, query in pending:
        name = query.name
        if query.written and lookup.get(query.written, written=True):
            name = query.written
        info = lookup.get(name, written=bool(query.written)) if name else None
        out.append(dataclasses.replace(
            row, place=name, place_modern=info[0] if info else "",
            latitude=info[1] if info else None, longitude=info[2] if info else None,
            place_precision=info[3] if info else "",
            geo_precision=_geo_precision(query.prep, info[3])
            if name and info and info[1] is not None else None))
    return out


#: Characters of blocks whose trigger sentences are parsed in one batch (the parsed sentence
#: Docs, with their tensors, live only until that group's events are taken).
_PARSE_GROUP_CHARS = 100_000


def _parse_and_finish(blocks: Sequence[_Block], parser: Language | None
                      ) -> list[list[PendingEvent]]:
    wanted = [(i, sent) for i, b in enumerate(blocks) for sent, trigs in b.todo
              if any(rules[0].event_type != "battle_reference" for _, rules in trigs)]
    # (a sentence holding only a "(see the Battle of X)" title needs no parse)
    docs = parse_sentences(parser, [sent for _, sent in wanted])
    parsed = {(i, sent.start): d for (i, sent), d in zip(wanted, docs, strict=True)}
    out = []
    for i, block in enumerate(blocks):
        sdocs = [parsed[i, sent.start] if (i, sent.start) in parsed
                 else parse_sentences(None, [sent])[0] for sent, _ in block.todo]
        out.append(_finish(block, sdocs))
    return out


def _prepare(doc: Doc, offset: int, kept: Sequence[EntityRow], kept_starts: Sequence[int],
             all_dates: tuple[DateRow, ...], date_starts: tuple[int, ...],
             person_polity: Mapping[str, str], lex: EventLexicon,
             match: PhraseMatcher) -> _Block:
    strings = doc.vocab.strings
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else ([], [])
    text = "".join([strings[orth] + " " if space else strings[orth]
                    for orth, space in zip(orths, spaces, strict=True)])  # doc.text, once
    end_of_doc = offset + len(text)
    ents = [e for e in kept[bisect.bisect_left(kept_starts, offset):
                            bisect.bisect_left(kept_starts, end_of_doc)] if e.end <= end_of_doc]
    ctx = _Context(tuple(ents), tuple(e.start for e in ents), all_dates, date_starts,
                   person_polity, lex)
    found = {(s, e): strings[m] for m, s, e in match(doc)}
    if not found:
        return _Block(doc, text, offset, ctx, [])
    spans = filter_spans([doc[s:e] for s, e in found])
    span_starts = [s.start for s in spans]  # filter_spans returns spans sorted by start
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    todo = [(sent, trigs) for sent in sentences
            if (trigs := _sentence_triggers(doc, sent, spans, span_starts, found, lex, ctx,
                                            offset))]
    return _Block(doc, text, offset, ctx, todo)


def _finish(block: _Block, parsed: Sequence[Doc]) -> list[PendingEvent]:
    ctx, doc, offset = block.ctx, block.doc, block.offset
    salience = Salience(ctx.entities)
    events: list[PendingEvent] = []
    for (sent, trigs), sdoc in zip(block.todo, parsed, strict=True):
        finder = ActorFinder(ctx.entities, ctx.starts, offset + sent.start_char, ctx.lexicon)
        last_end = sent.start
        for k, (trig, rules) in enumerate(trigs):
            right_end = trigs[k + 1][0].start if k + 1 < len(trigs) else sent.end
            row = _event(doc, block.text, sdoc, trig, rules, sent, doc[last_end:right_end],
                         offset, ctx, finder, salience, len(events))
            if row is not None:
                events.append(row)
                last_end = trig.end
    return events


def _choose_rule(rules: Sequence[TriggerRule], label: str) -> TriggerRule | None:
    for rule in rules:
        if rule.object_label and rule.object_label == label:
            return rule
    return next((r for r in rules if not r.object_label), None)


def _patient_label(frame: Frame, finder: ActorFinder) -> str:
    if frame.patient is None:
        return ""
    word = frame.patient.lower_
    if finder.entity_at(frame.patient) is None and "anaphor_person" in (
            finder.lexicon.cue(word), finder.lexicon.cue(word[:-1]) if word.endswith("s") else ""):
        return "PERSON"  # "the emperor was captured", "the generals were captured"
    place = finder.place(frame.patient)
    if place is not None and finder.entity_at(frame.patient) is place:
        return "PLACE"
    actor = finder.actor(frame.patient)
    if actor is not None:
        return actor.entity.label
    return "PLACE" if place is not None else ""


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _sentence_subject(finder: ActorFinder, tok: Token, kind: str,
                      salience: Salience) -> tuple[bool, Actor | None]:
    """The highest-placed subject before ``tok`` in its own sentence that fits ``kind``
    ("When Wanyan Sheng heard that Gaozong had fled, he sent ...": Wanyan Sheng). A group
    anaphor whose highest subject is an unnamed group ("The Chinese army ... as they
    retreated") gets no actor: the paragraph's last named actor would be a wrong guess.
    Returns (a subject decided, its actor or None)."""
    best: tuple[int, Actor | None] | None = None
    for cand in tok.doc[:tok.i]:
        if cand.dep_ not in ("nsubj", "nsubjpass"):
            continue
        actor = finder.actor(cand)
        if actor is None and kind == "anaphor_group" and coarse(cand) == "NOUN":
            pass  # "The Chinese army ... as they retreated": an unnamed group
        elif actor is None or (kind == "anaphor_person" and actor.entity.label != "PERSON") \
                or not salience.alive(actor.entity):
            continue
        depth = _depth(cand)
        if best is None or depth < best[0]:
            best = (depth, Actor(actor.entity, "pronoun") if actor else None)
    return (best is not None, best[1] if best else None)


def _resolve(finder: ActorFinder, salience: Salience, tok: Token | None,
             at: int) -> Actor | None:
    actor = finder.actor(tok)
    if actor is None and tok is not None:
        kind = finder.anaphor_kind(tok)
        if kind:
            title = tok.lower_ if tok.tag_.startswith("NN") else ""  # "the emperor"
            actor = salience.titled(title, at) if title else None
            if actor is None:
                found, actor = _sentence_subject(finder, tok, kind, salience)
                if not found:
                    actor = salience.resolve(kind, at)
        else:
            actor = finder.proper_noun(tok)
    return actor


def _first_place(finder: ActorFinder, toks: Sequence[object]) -> tuple[EntityRow | None, str]:
    for tok in toks:
        place = finder.place(tok)  # type: ignore[arg-type]
        if place is not None:
            prep = tok.head.lower_ if tok.dep_ == "pobj" else ""  # type: ignore[attr-defined]
            return place, prep
    return None, ""


def _geo_precision(prep: str, precision: str) -> int | None:
    if precision in _REGION_PRECISION:
        return 3
    if prep in _NEAR_PREPS or precision in ("near", "river"):
        return 2
    return 1


def _event(doc: Doc, doc_text: str, sdoc: Doc, trig: Span, rules: Sequence[TriggerRule], sent: Span,
           window: Span, offset: int, ctx: _Context, finder: ActorFinder, salience: Salience,
           event_id: int) -> PendingEvent | None:
    local = sdoc[trig.start - sent.start:trig.end - sent.start]
    name_span = None
    actor1 = actor2 = None
    place: EntityRow | None = None
    prep = ""
    origin = destination = ""
    status = "asserted"
    date_tok = local[0]
    if rules[0].event_type == "battle_reference":
        name_span = _reference_name(doc, trig)
        if not len(name_span):
            return None
        rule = rules[0]
        names = _entities_in(ctx, offset + name_span.start_char, offset + name_span.end_char)
        place = next((e for e in names if e.label == "PLACE"), None)
    else:
        frame = read_frame(local, rules[0], ctx.lexicon, rules[0].takes_object)
        if frame.status == "none" or not nominal_anchored(frame, local, finder.entity_at):
            return None
        choice = _choose_rule(rules, _patient_label(frame, finder))
        if choice is None:
            return None
        rule = choice
        if (rule.subject_role, rule.takes_object) != (rules[0].subject_role,
                                                      rules[0].takes_object):
            frame = read_frame(local, rule, ctx.lexicon, rule.takes_object)
        status, date_tok = frame.status, frame.head
        at = offset + trig.start_char
        actor1 = _resolve(finder, salience, frame.agent, at)
        unnamed = frame.agent is not None and actor1 is None \
            and frame.agent.tag_.startswith("NNP")  # a name that is no actor: "The Aftermath"
        if actor1 is None and (frame.agent is None or unnamed) and not frame.passive \
                and rule.subject_role == "agent" and any(coarse(t) == "VERB" for t in local):
            actor1 = nearest_actor(ctx.entities, offset + sent.start_char, at)
        if (actor1 is None or actor1.entity.label != "PERSON") and not frame.passive \
                and rule.subject_role == "agent":
            actor1 = finder.commander(frame.head) or actor1
        patient_place = finder.place(frame.patient) if frame.patient is not None else None
        if rule.takes_object and frame.patient is not None:
            actor2 = _resolve(finder, salience, frame.patient, at)
            if actor2 is not None and patient_place is not None \
                    and finder.entity_at(frame.patient) is patient_place:
                actor2 = None  # "captured Taiyuan": a place, not an actor
        if actor1 is None and rule.hostile and actor2 is not None and (
                frame.passive or rule.subject_role == "patient" or frame.agent is None
                or coarse(frame.head) == "NOUN"):  # "the capture of X by a wrong deployment"
            actor1 = side_actor(ctx.entities, lambda e: _polity(ctx, e),
                                _polity(ctx, actor2.entity),
                                (offset + sent.start_char, offset + sent.end_char),
                                offset + doc_text.rfind("\n", 0, sent.start_char) + 1)
        place, prep = _first_place(finder, frame.places)
        if place is None and patient_place is not None and (actor2 is None
                                                            or rule.object_label == "PLACE"):
            place, prep = patient_place, ""
        if place is None and frame.agent is not None and rule.subject_role == "agent" \
                and not rule.takes_object:
            place = None
        origin_ent, _ = _first_place(finder, frame.origins)
        dest_ent, _ = _first_place(finder, frame.destinations)
        origin = origin_ent.canonical if origin_ent else ""
        destination = dest_ent.canonical if dest_ent else ""
        if place is None:
            place = dest_ent or origin_ent
            prep = "near" if place is not None and place is origin_ent else ""
        salience.note(actor2 if frame.passive else actor1)  # the grammatical subject
        if status == "asserted" and rule.event_type in _FATAL:
            salience.died(actor1 if _FATAL[rule.event_type] == "actor1" else actor2)
    query = PlaceQuery(place.canonical if place else "",
                       name_span.text if name_span is not None and place is None else "", prep)
    text = doc_text[window.start_char:window.end_char]
    trigger = doc[trig.start:name_span.end].text if name_span is not None else trig.text
    date = event_date(ctx.dates, ctx.date_starts, sdoc, date_tok, offset + sent.start_char,
                      offset + trig.start_char, offset + window.end_char)
    dated = date_fields(date)
    if date is not None and date.start < offset + sent.start_char:
        # only the running date of the narrative: the event's own day is not known
        dated.update(date_source="running", time_precision=3 if dated["time_precision"] else None)
    elif date is not None:
        dated["date_source"] = "sentence"
    a1 = actor1.entity if actor1 else None
    a2 = actor2.entity if actor2 else None
    return EventRow(
        doc_id="", event_id=event_id, sentence_id=-1, start=offset + window.start_char,
        end=offset + window.end_char, event_type=rule.event_type, trigger=trigger,
        actor1=a1.canonical if a1 else "", actor1_polity=_polity(ctx, a1),
        actor2=a2.canonical if a2 else "", actor2_polity=_polity(ctx, a2),
        text=text.strip(),
        actor1_source=actor1.source if actor1 else "",
        actor2_source=actor2.source if actor2 else "",
        origin=origin, destination=destination, status=status,
        **dated), query  # type: ignore[arg-type]
