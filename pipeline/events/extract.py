"""Events: one row per trigger that the parse says reports something happening (the driver).

Triggers come from ``gazetteer/event_types.csv`` (:mod:`pipeline.events.triggers`). Only
sentences holding a trigger are parsed (with the model's own ``tok2vec``/``tagger``/``parser``,
loaded but disabled in the spine; :mod:`pipeline.events.parse`), a group of paragraphs at a
time; each trigger becomes a row in :mod:`pipeline.events.rows` (roles and modality:
:mod:`pipeline.events.roles`; actors: :mod:`pipeline.events.actors` and
:mod:`pipeline.events.anaphora`; dates: :mod:`pipeline.events.when`).

Offsets are ``str`` indices into the full cleaned text; ``EventRow.start``/``end`` span the
trigger's clause (from the previous trigger, or the sentence start, to the next trigger, or
the sentence end) and ``text`` is the clause text.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.events.actors import ActorFinder
from pipeline.events.dating_rulers import outside_dates
from pipeline.events.droptrace import note
from pipeline.events.horizon import Horizons
from pipeline.events.infobox import infobox_events, merge_pending, name_lines
from pipeline.events.intransitive import unfit_intransitive
from pipeline.events.lexicon import EventLexicon, build_trigger_matcher, load_event_lexicon
from pipeline.events.mt import is_machine_translated
from pipeline.events.mt_motion import is_motion_trigger, motion_row
from pipeline.events.mt_results import mt_triggers, revise_mt_sentence
from pipeline.events.parse import parse_sentences
from pipeline.events.repeats import without_repeated_headings
from pipeline.events.rows import PendingEvent, PlaceQuery, build_event, resolve_event_places
from pipeline.events.salience import Salience
from pipeline.events.summary import date_lead_events
from pipeline.events.triggers import Block, dated, prepare_block
from pipeline.events.when import with_asides
from pipeline.events.when.carry import from_last_event
from pipeline.events.when.life_event import from_lives
from pipeline.events.when.lives import printed_lives, recorded_lives, within_lives
from pipeline.events.when.notes import year_notes
from pipeline.events.when.reign import within_reign
from pipeline.events.when.since import after_since
from pipeline.events.when.until import until_next_dated
from pipeline.places import (
    HistoricalPlace,
    ModernPlaceIndex,
    PlaceGloss,
    PlaceLookup,
    outside_glosses,
)
from pipeline.records import DateRow, EntityRow, EventRow, WarningRow
from pipeline.resources import active_gazetteer_dir

__all__ = ["PendingEvent", "PlaceQuery", "extract_block_events", "extract_events",
           "parse_sentences", "pending_block_events", "resolve_event_places"]


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


def pending_block_events(blocks: Sequence[tuple[Doc, int]], entities: Sequence[EntityRow],
                         dates: Sequence[DateRow], glosses: Sequence[PlaceGloss], *,
                         lexicon: EventLexicon | None = None,
                         matcher: PhraseMatcher | None = None,
                         person_polity: Mapping[str, str] | None = None,
                         parser: Language | None = None,
                         unread: Sequence[int] = (),
                         notes: list[WarningRow] | None = None) -> list[list[PendingEvent]]:
    """As :func:`extract_block_events`, without the place lookup: the rows' place columns are
    filled later by :func:`resolve_event_places`. So a long document can be processed a group
    of blocks at a time (``entities``: at least those of ``blocks``; ``dates``/``glosses``: the
    whole document's), its Docs dropped, and the places resolved once all its PLACE entities
    are known (a gloss late in the text applies to an event early in it). ``unread``: the
    full-text starts of the date phrases the date stage could not read (a date before one
    dates later events only with low certainty). ``notes``: if given, the event stage's
    warning rows are appended to it (years blanked, carried far or guessed:
    :mod:`pipeline.events.when.notes`; full-text offsets, ``doc_id`` blank)."""
    if not blocks:
        return []
    lex = lexicon or load_event_lexicon()
    match = matcher or build_trigger_matcher(blocks[0][0], lex)
    kept = sorted(outside_glosses(entities, glosses), key=lambda e: e.start)  # not "(now X)"
    kept, dating = outside_dates(kept, dates)  # "in the 23rd year of King Injo": no actor
    kept_starts = [e.start for e in kept]
    all_dates, _ = dated(dates)
    told, date_starts = with_asides(all_dates, dates)  # asides date only their own clause
    prepared = [prepare_block(doc, offset, kept, kept_starts, told, date_starts,
                              person_polity or {}, lex, match, dating) for doc, offset in blocks]
    prepared = without_repeated_headings(prepared)  # a title repeated by its image caption
    mt = is_machine_translated("\n".join(b.text for b in prepared))  # MT grammar rules apply
    if mt:  # "X again into Fujian": a movement with its verb left untranslated; "broke"
        prepared = [mt_triggers(b, lex) for b in prepared]
    sentence_starts = [offset + s.start_char for doc, offset in blocks for s in doc.sents] \
        if blocks[0][0].has_annotation("SENT_START") else []
    horizons = Horizons([(b.text, b.offset) for b in prepared], sentence_starts, kept,
                        told,  # a lead date may be an aside: "Li Siyuan. A.D. 867-933."
                        _lexicon_sets(lex)[0], unread)
    titles = name_lines([(b.text, b.offset) for b in prepared], kept)  # infobox subjects
    out: list[list[PendingEvent]] = []
    group: list[int] = []
    size = 0
    carry: list[Salience] = []  # the previous paragraph's salience, for a pronoun opening one
    for i, block in enumerate(prepared):  # parsed a group of blocks at a time: bounded memory
        group.append(i)
        size += len(block.text)
        if size >= _PARSE_GROUP_CHARS or i == len(prepared) - 1:
            out.extend(_parse_and_finish([prepared[j] for j in group], parser, carry,
                                         horizons, titles, mt))
            group, size = [], 0
    out = _date_lead(out, all_dates[0].start if all_dates else None, _lexicon_sets(lex)[1])
    texts = [(b.text, b.offset) for b in prepared]
    lives = {**recorded_lives(active_gazetteer_dir()), **printed_lives(kept, told, texts)}
    built = [r for block in out for r, _ in block]
    carried = from_last_event(built, told, sentence_starts, texts)
    since = after_since(carried, told, texts)  # "since the Mujin year": no event's year
    # a birth or death: the year of the person's known life; a carried year outside an
    # actor's life: blank
    lived = within_lives(from_lives(since, lives), lives)
    flat = within_reign(lived, sentence_starts, texts, active_gazetteer_dir())
    flat = until_next_dated(flat, sentence_starts, texts, told)
    if notes is not None:  # every year blanked, carried far or guessed: a warning row
        notes.extend(year_notes(built, carried, since, lived, flat, lives, told,
                                sentence_starts, texts))
    # the running date of the last dated event; a carried year outside its actor's life: blank;
    # an undated event "during his reign": the reign's years
    rows = iter(flat)
    return [[(next(rows), query) for _, query in block] for block in out]


#: id of a lexicon -> (the lexicon, its one-word death forms, its hostile event types): derived
#: once per lexicon, not per document (the lexicon is kept so that its id stays its own)
_LEXICON_SETS: dict[int, tuple[EventLexicon, frozenset[str], frozenset[str]]] = {}


def _lexicon_sets(lex: EventLexicon) -> tuple[frozenset[str], frozenset[str]]:
    hit = _LEXICON_SETS.get(id(lex))
    if hit is None or hit[0] is not lex:
        if len(_LEXICON_SETS) >= 8:
            _LEXICON_SETS.clear()
        hit = _LEXICON_SETS[id(lex)] = (lex, frozenset(
            f for f, rules in lex.forms.items()
            if " " not in f and any(r.event_type == "death" for r in rules)), frozenset(
            r.event_type for rules in lex.forms.values() for r in rules if r.hostile))
    return hit[1], hit[2]


def _date_lead(blocks: list[list[PendingEvent]], first_date: int | None,
               hostile: frozenset[str]) -> list[list[PendingEvent]]:
    """The lead's undated events dated from the body's events at the same place
    (:mod:`pipeline.events.summary`; the body as far as these blocks reach)."""
    flat = [pending for block in blocks for pending in block]
    if first_date is None or not any(row.year is None and row.end <= first_date
                                     for row, _ in flat):
        return blocks
    dated = iter(date_lead_events([row for row, _ in flat],
                                  [q.name or q.written for _, q in flat], first_date,
                                  hostile))
    return [[(next(dated), query) for _, query in block] for block in blocks]


#: Lemmas of trigger rows whose words are mostly no event ("made every effort", "issued
#: coins"): their forms do not end the clause of the trigger before them.
_BROAD = frozenset({"make", "reach"})

#: Characters of blocks whose trigger sentences are parsed in one batch (the parsed sentence
#: Docs, with their tensors, live only until that group's events are taken).
_PARSE_GROUP_CHARS = 100_000


def _parse_and_finish(blocks: Sequence[Block], parser: Language | None,
                      carry: list[Salience], horizons: Horizons,
                      titles: Sequence[EntityRow] = (), mt: bool = False
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
        out.append(_finish(block, sdocs, carry, horizons, titles, mt))
    return out


def _finish(block: Block, parsed: Sequence[Doc], carry: list[Salience],
            horizons: Horizons, titles: Sequence[EntityRow] = (),
            mt: bool = False) -> list[PendingEvent]:
    """The rows of one paragraph; ``carry`` holds the previous paragraph's :class:`Salience`
    (replaced by this one's): an anaphor with no antecedent in its own paragraph takes the
    last event subject of the paragraphs before; ``horizons``: how far back each sentence's
    running date may come from (:mod:`pipeline.events.horizon`); ``mt``: the text is
    machine-translated (:mod:`pipeline.events.mt`: comma-spliced clauses share an agent)."""
    ctx, doc, offset = block.ctx, block.doc, block.offset
    starts = [offset + s.start_char for s in doc.sents] \
        if doc.has_annotation("SENT_START") else [offset]
    salience = Salience(ctx.entities, carry[-1] if carry else None, block.text, offset, starts)
    carry[:] = [salience]
    events: list[PendingEvent] = []

    def in_date(at: int) -> bool:  # a full-text offset inside a date phrase
        i = bisect.bisect_right(ctx.date_starts, at) - 1
        return i >= 0 and at < ctx.dates[i].end

    for (sent, trigs), sdoc in zip(block.todo, parsed, strict=True):
        finder = ActorFinder(ctx.entities, ctx.starts, offset + sent.start_char, ctx.lexicon,
                             in_date)
        salience.parsed(sdoc, offset + sent.start_char)
        last_end = sent.start
        horizon = horizons.at(offset + sent.start_char, offset, offset + sent.end_char)
        first, built = len(events), []  # this sentence's rows and their triggers
        for k, (trig, rules) in enumerate(trigs):
            right_end = next((t.start for t, rules in trigs[k + 1:]
                              if not all(r.object_words or r.lemma in _BROAD for r in rules)
                              and t.text.lower() not in ctx.lexicon.derived),
                             sent.end)  # (a derived noun is seldom an event: no clause end)
            if unfit_intransitive(sdoc[trig.start - sent.start:trig.end - sent.start], rules):
                note(offset + trig.start_char, offset + trig.end_char, "unfit_intransitive")
                continue  # "broke Dai", "broke out": not the army's collapse
            verbless = mt and is_motion_trigger(trig, rules, ctx.lexicon)
            row = motion_row(block, sdoc, trig, sent, doc[last_end:right_end], len(events),
                             horizon, salience) if verbless \
                else build_event(doc, block.text, sdoc, trig, rules, sent,
                                 doc[last_end:right_end], offset, ctx, finder, salience,
                                 len(events), horizon)  # ("X again into Fujian": MT)
            if row is None and verbless:
                note(offset + trig.start_char, offset + trig.end_char, "mt_motion")
            if row is not None:
                note(offset + trig.start_char, offset + trig.end_char, "built")
                events.append(row)
                built.append((sdoc[trig.start - sent.start:trig.end - sent.start], rules))
                last_end = trig.end
        if mt and built and sdoc.has_annotation("DEP"):  # comma splices; "Taiyuan, X broke"
            events[first:] = revise_mt_sentence(events[first:], built, sdoc,
                                                offset + sent.start_char, ctx, in_date, salience)
    return merge_pending(events, infobox_events(block.text, offset, ctx, titles))
    # (label lines of an infobox: "Born 904 ...", "Died 954")
