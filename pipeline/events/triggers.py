"""Trigger finding: the document context of a paragraph and its trigger spans, by sentence.

:func:`prepare_block` matches the lexicon's forms in one paragraph Doc and keeps, per sentence,
the triggers that may be events (forms matched as written, or through one OCR confusion:
:mod:`pipeline.events.ocr`, or list items: :mod:`pipeline.events.listing`, or split around
their object: :mod:`pipeline.events.gapped`): not in a question,
not a verb of saying (``anchor=censor``) in a sentence naming no censor, not part of a name
("the Shaoxing Peace Agreement", an entity), not inside a "(see the Battle of X ...)" title;
a form ending in a preposition whose object is a date gives way to the form without it
("Luoyang fell on 22 December": "fell", not "fell on").
:class:`Context` holds what argument finding needs about the document (entities, dated dates,
person polities, lexicon; full-text offsets). Offsets are ``str`` indices into the full cleaned
text.
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.attrs import ORTH, SPACY
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.events import droptrace
from pipeline.events.campaigns import campaign_names
from pipeline.events.droptrace import note
from pipeline.events.gapped import gapped_triggers
from pipeline.events.intransitive import without_particle_results
from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.listing import list_items
from pipeline.events.modality import timeline_line
from pipeline.events.narration import present_narration
from pipeline.events.ocr import ocr_triggers
from pipeline.events.speakers import CENSOR
from pipeline.records import DateRow, EntityRow

_MODIFIER_GAP = 16  # characters between a POLITY and the person/army it qualifies
#: Marks VIQR writes after a letter for Vietnamese diacritics ("Tra^`n", "Va(n", "Du+").
_VIQR_MARKS = frozenset("^(+`'~")
#: English month names and their abbreviations (lower case; the stdlib's C-locale names).
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:]))
#: Prepositions that may close a trigger form and take a date as object ("fell on 22 May").
_DATE_PREPS = frozenset({"on", "upon", "in", "at"})
_NAME_STOP = frozenset({"in", "against", "to", "at", "which", "that", "where", "when", "by",
                        "from", "for", "with", "during", "under"})


@dataclass(frozen=True)
class Context:
    """What argument finding needs about the document (offsets: full text)."""

    entities: tuple[EntityRow, ...]
    starts: tuple[int, ...]
    dates: tuple[DateRow, ...]
    date_starts: tuple[int, ...]
    person_polity: Mapping[str, str]
    lexicon: EventLexicon
    #: PERSON rows inside a date phrase ("the 23rd year of King Injo"), left out of
    #: ``entities`` (no actor, :mod:`pipeline.events.dating_rulers`); an agentless state act
    #: of the sentence is still his (:func:`pipeline.events.rows.dating.implied_row`).
    dating: tuple[EntityRow, ...] = ()


def entities_in(ctx: Context, start: int, end: int) -> list[EntityRow]:
    lo = bisect.bisect_left(ctx.starts, start)
    hi = bisect.bisect_left(ctx.starts, end)
    return [e for e in ctx.entities[lo:hi] if e.end <= end]


def polity_of(ctx: Context, actor: EntityRow | None) -> str:
    if actor is None:
        return ""
    if actor.label == "POLITY":
        return actor.canonical
    if actor.canonical in ctx.person_polity:
        return ctx.person_polity[actor.canonical]
    near = [e for e in entities_in(ctx, max(0, actor.start - _MODIFIER_GAP), actor.start)
            if e.label == "POLITY"]  # "Song general Liu Qi"
    inner = [e for e in entities_in(ctx, actor.start, actor.end) if e.label == "POLITY"]
    return (inner or near)[-1].canonical if (inner or near) else ""


_UNREAD_OK = frozenset(("explicit", "inherited", "reign", "sexagenary", "range", "gregorian"))
_dated_cache: list[tuple[list[DateRow], tuple[DateRow, ...], tuple[int, ...]]] = []


def dated(dates: Sequence[DateRow]) -> tuple[tuple[DateRow, ...], tuple[int, ...]]:
    """The dates with a year, and those of a kind that names its own year but could not be
    read (an era year past the era's end, "In 1SS4"), sorted by start, and their starts (the
    last result is kept: a document's blocks all pass the same list). A printed span aside
    (kind ``aside``: a life or reign span after a name) is left out."""
    seq = list(dates)
    cached = _dated_cache[-1] if _dated_cache else None
    if cached is not None and cached[0] == seq:
        return cached[1], cached[2]
    # a date phrase that could not be read dates its events as unknown (not the year before)
    # a printed span aside ("Hai Rui (1514–1587)": a life or reign span) dates no event
    ordered = tuple(sorted((d for d in seq if (d.year is not None or d.kind in _UNREAD_OK)
                            and d.kind != "aside"), key=lambda d: d.start))
    starts = tuple(d.start for d in ordered)
    _dated_cache[:] = [(seq, ordered, starts)]
    return ordered, starts


def reference_name(doc: Doc, trigger: Span) -> Span:
    """"Battle of Shunchang" -> the name tokens after "of" (capitalised words and "and"); a
    trigger that does not end in "of" is a name itself ("the Kaixi Northern Expedition":
    :mod:`pipeline.events.campaigns`)."""
    if trigger[-1].lower_ != "of":
        return trigger
    end = trigger.end
    while end < len(doc):
        tok = doc[end]
        if tok.is_punct or tok.lower_ in _NAME_STOP or tok.is_space:
            break
        if not (tok.text[:1].isupper() or tok.lower_ in ("and", "the") or tok.like_num):
            break
        end += 1
    return doc[trigger.end:end]


def _inside_name(trig: Span, sent: Span, ctx: Context, offset: int,
                 rules: Sequence[TriggerRule]) -> bool:
    """A trigger word that is part of a name: capitalised inside the sentence ("the Lianghe
    Rebel Army", "the Shaoxing Peace Agreement") or whose first word is inside an entity (a
    phrase that ends on a name is no name: "weighs the Supreme Being", "was called Khan")."""
    if rules[0].event_type == "battle_reference":
        return False
    if trig.start > sent.start and trig[0].text[:1].isupper():
        return True
    start, end = trig.start_char + offset, trig[0].idx + len(trig[0]) + offset
    return any(e.start < end and start < e.end
               for e in entities_in(ctx, max(0, start - 60), end))


def _asks(doc: Doc, sent: Span) -> bool:
    """True when the sentence ends in a question mark; not one written onto a word in VIQR
    marks (:data:`_VIQR_MARKS`) and followed by a lower-case word, where the sentence runs on
    (the hook-above tone mark of Vietnamese written in VIQR, "the grain convoy of
    Tru+o+ng-Va(n-Ho^? at Va^n--Do^`n and sank ...", split there by the sentence splitter)."""
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is None or last.text != "?":
        return False
    word = doc[last.i - 1] if last.i > 0 else None
    glued = word is not None and not word.whitespace_ and not word.is_punct \
        and any(c in _VIQR_MARKS for c in word.text)  # "Ho^?": a word in VIQR marks
    after = next((t for t in doc[sent.end:sent.end + 3] if not t.is_space), None)
    return not (glued and after is not None and after.text[:1].islower())


def _narrated(trig: Span, rules: tuple[TriggerRule, ...]) -> tuple[TriggerRule, ...]:
    """The rules of a reference form written in lower case in running text ("relieved the siege
    of Xianyou", "the siege of Jinyang dragged on": the event told) when its form also has rows
    of another type (``siege of``: a ``siege``); a capitalised one ("the Siege of Jinling") or
    one opening the sentence keeps its ``battle_reference`` rows (a name)."""
    if rules[0].event_type != "battle_reference" or trig.start == trig.sent.start \
            or not trig[0].text[:1].islower():
        return rules
    told = tuple(r for r in rules if r.event_type != "battle_reference")
    return told or rules


def _title_end(doc: Doc, trig: Span, sent: Span) -> int:
    """Token index after the ")" closing a "(see the Battle of X ...)" reference, else -1."""
    before = doc[max(sent.start, trig.start - 3):trig.start]
    if not any(t.lower_ == "see" for t in before):
        return -1
    return next((t.i + 1 for t in doc[trig.end:sent.end] if t.text == ")"), -1)


def _sentence_triggers(doc: Doc, sent: Span, spans: list[Span], span_starts: list[int],
                       found: Mapping[tuple[int, int], str], lex: EventLexicon, ctx: Context,
                       offset: int) -> list[tuple[Span, tuple[TriggerRule, ...]]]:
    first = bisect.bisect_left(span_starts, sent.start)
    last = bisect.bisect_left(span_starts, sent.end)
    if _asks(doc, sent):
        for trig in spans[first:last]:
            note(offset + trig.start_char, offset + trig.end_char, "question")
        return []  # a question asserts nothing: "How did Cai Jing die?"
    out = []
    title_end = -1
    censor = None  # whether the sentence holds a censor word (computed when first needed)
    for trig in spans[first:last]:
        if trig.end > sent.end:
            continue
        rules = lex.forms[found[trig.start, trig.end]]
        if all(r.anchor == CENSOR for r in rules):
            if censor is None:
                censor = any(lex.cue(t.lower_) == CENSOR for t in sent)
            if not censor:
                note(offset + trig.start_char, offset + trig.end_char, "no_censor")
                continue  # "said" with no censor in the sentence: no trigger, no clause end
        rules = _narrated(trig, rules)
        if trig.start < title_end or _inside_name(trig, sent, ctx, offset, rules):
            note(offset + trig.start_char, offset + trig.end_char,
                 "in_title" if trig.start < title_end else "inside_name")
            continue
        if rules[0].event_type == "battle_reference":
            title_end = _title_end(doc, trig, sent)
        out.append((trig, rules))
    return out


def _in_date(ctx: Context, at: int) -> bool:
    """True when the full-text offset ``at`` lies inside one of ``ctx.dates``."""
    i = bisect.bisect_right(ctx.date_starts, at) - 1
    return i >= 0 and at < ctx.dates[i].end


def _date_objects(doc: Doc, found: Mapping[tuple[int, int], str], ctx: Context,
                  offset: int) -> dict[tuple[int, int], str]:
    """``found`` without the forms that end in a preposition whose object is a date (a
    number, a month name, or inside a dated date phrase), where the form without that
    preposition was found too ("Luoyang fell on 22 December 880", "Shanxi fell on December
    16": the city fell, no one "fell on" anything): the shorter form stays."""
    out = dict(found)
    for start, end in found:
        if end - start < 2 or end >= len(doc) or doc[end - 1].lower_ not in _DATE_PREPS \
                or (start, end - 1) not in found:
            continue
        word = doc[end]
        if word.like_num or word.lower_ in _MONTHS or _in_date(ctx, offset + word.idx):
            del out[start, end]
    return out


#: The filters of :func:`prepare_block`'s matches, in order (names for the drop trace).
_FILTERS = ("present_form", "date_object", "particle_result")


def _note_filtered(doc: Doc, offset: int, steps: Sequence[Mapping[tuple[int, int], str]],
                   spans: Sequence[Span]) -> None:
    """Note, for :mod:`pipeline.events.droptrace`, the matches each filter of
    :func:`prepare_block` removed and those a longer overlapping match hid."""
    for name, before, after in zip(_FILTERS, steps[:-1], steps[1:], strict=True):
        for s, e in before.keys() - after.keys():
            note(offset + doc[s].idx, offset + doc[e - 1].idx + len(doc[e - 1]), name)
    kept = {(t.start, t.end) for t in spans}
    for s, e in steps[-1].keys() - kept:
        note(offset + doc[s].idx, offset + doc[e - 1].idx + len(doc[e - 1]), "overlapped")


@dataclass(frozen=True)
class Block:
    """One paragraph's triggers, grouped by sentence, ready for parsing and argument finding."""

    doc: Doc
    text: str
    offset: int
    ctx: Context
    todo: list[tuple[Span, list[tuple[Span, tuple[TriggerRule, ...]]]]]


def prepare_block(doc: Doc, offset: int, kept: Sequence[EntityRow], kept_starts: Sequence[int],
             all_dates: tuple[DateRow, ...], date_starts: tuple[int, ...],
             person_polity: Mapping[str, str], lex: EventLexicon,
             match: PhraseMatcher, dating: Sequence[EntityRow] = ()) -> Block:
    strings = doc.vocab.strings
    orths, spaces = doc.to_array([ORTH, SPACY]).T.tolist() if len(doc) else ([], [])
    text = "".join([strings[orth] + " " if space else strings[orth]
                    for orth, space in zip(orths, spaces, strict=True)])  # doc.text, once
    end_of_doc = offset + len(text)
    ents = [e for e in kept[bisect.bisect_left(kept_starts, offset):
                            bisect.bisect_left(kept_starts, end_of_doc)] if e.end <= end_of_doc]
    ctx = Context(tuple(ents), tuple(e.start for e in ents), all_dates, date_starts,
                   person_polity, lex, tuple(dating))
    found = {(s, e): strings[m] for m, s, e in match(doc)}
    found.update(ocr_triggers(doc, lex, found))  # "oyerthrew", "set himself np as"
    found.update(list_items(doc, found, lex))  # "reformations, such as: unification of X"
    found.update(campaign_names(doc, found, lex))  # "the Kaixi Northern Expedition"
    found.update(gapped_triggers(doc, lex, found))  # "put Zhu Yiming, Prince of Xiang, to death"
    present_narration(doc, text, offset, found, ctx.dates, ctx.date_starts, lex,
                      ctx.entities)  # sentences
    # told in the historic present ("In 1402 he takes Nanjing"): timeline_line asks them
    # a present form added for the historic present ("burns", "rise") only in a timeline item
    # ("- 1358: the Red Turbans burn Shangdu") or a narrating sentence: elsewhere many are
    # nouns ("the rebels")
    steps = [found]  # (kept for the bench's drop trace only)
    found = {k: form for k, form in found.items() if form not in lex.present
             or timeline_line(text, doc[k[0]].idx)}
    steps.append(found)
    found = _date_objects(doc, found, ctx, offset)  # "Luoyang fell on 22 December": "fell"
    steps.append(found)
    found = without_particle_results(doc, found, lex)  # "war broke out": no army broke
    steps.append(found)
    spans = filter_spans([doc[s:e] for s, e in found]) if found else []
    if droptrace.SINK is not None:
        _note_filtered(doc, offset, steps, spans)
    if not found:
        return Block(doc, text, offset, ctx, [])
    span_starts = [s.start for s in spans]  # filter_spans returns spans sorted by start
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    todo = [(sent, trigs) for sent in sentences
            if (trigs := _sentence_triggers(doc, sent, spans, span_starts, found, lex, ctx,
                                            offset))]
    return Block(doc, text, offset, ctx, todo)
