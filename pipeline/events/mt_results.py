"""Result verbs, serial verb compounds and topic-first sentences of machine-translated pages.

Chinese tells a capture or a rout with a result verb, 破 "broke", often after the action verb
(攻破 "attack broke"), and often puts the thing acted on first, as the sentence's topic
("Taiyuan, the Jin army attack broke": 太原，金军攻破). Word-by-word machine translation
keeps all three; English readers and the lexicon do not:

* :func:`result_triggers`: in an MT text, a ``result_verb`` of ``gazetteer/mt_cues.csv``
  ("broke") not followed by a ``result_particle`` ("broke out", "broke through": other verbs,
  or forms of the lexicon) is a trigger, read with the PLACE rules of the ``result_place_form``
  ("captured": a place broken is captured) and then the rules of the ``result_form``
  ("defeated": an army broken is defeated). When a hostile trigger stands right before it
  ("attack broke", "attacked broke"), the two are one serial verb compound, one event: the
  compound replaces the first trigger.
* :func:`topic_patients`: a row of a hostile transitive trigger with no patient (no actor2,
  no place) in a sentence that opens with a PLACE and a comma (after any date phrase: "In
  1126, Taiyuan, ...") takes that place as its place; a trigger whose rules read a PLACE
  patient as another type ("broke": ``capture_city``) takes that type.

Both are readings of MT grammar, guesses: such a row's ``certainty`` is at most medium.
Offsets are token indices of the paragraph Doc or the sentence Doc, as said.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span

from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.mt import fronted_phrase_agents, splice_agents
from pipeline.events.mt_cues import load_mt_cues
from pipeline.events.mt_motion import verbless_motion
from pipeline.events.rows import PendingEvent
from pipeline.events.salience import Salience
from pipeline.events.triggers import Block, Context, polity_of
from pipeline.records import EntityRow

__all__ = ["mt_triggers", "result_rules", "result_triggers", "revise_mt_sentence",
           "topic_patients"]

#: Words of a date phrase the date stage leaves out of it ("In the ... (1126)").
_LEAD_WORDS = frozenset({"in", "the", "of", "on", "at", "year", "years"})


def result_rules(lexicon: EventLexicon) -> tuple[TriggerRule, ...]:
    """The rules a result verb is read with (see the module doc); () when the cue file or the
    lexicon lacks the forms."""
    cues = load_mt_cues()
    place = tuple(r for r in lexicon.forms.get(cues.result_place_form, ())
                  if r.object_label == "PLACE")
    return place + tuple(lexicon.forms.get(cues.result_form, ()))


def result_triggers(block: Block, lexicon: EventLexicon) -> Block:
    """``block`` with each result verb of its paragraph added as a trigger, merged with a
    hostile trigger right before it into one compound (see the module doc)."""
    cues = load_mt_cues()
    rules = result_rules(lexicon)
    doc = block.doc
    if not rules or not cues.result_verbs:
        return block
    hits = [t.i for t in doc if t.lower_ in cues.result_verbs and not (
        t.i + 1 < len(doc) and doc[t.i + 1].lower_ in cues.result_particles)]
    if not hits:
        return block
    todo = [(sent, list(trigs)) for sent, trigs in block.todo]
    for i in hits:
        sent = doc[i].sent if doc.has_annotation("SENT_START") else doc[:]
        k = next((j for j, (s, _) in enumerate(todo) if s.start == sent.start), None)
        if k is None:
            todo.append((sent, []))
            k = len(todo) - 1
        trigs = todo[k][1]
        # the lexicon's one-word "broke" (an army's collapse) yields to the result verb here
        trigs[:] = [(t, rs) for t, rs in trigs if (t.start, t.end) != (i, i + 1)]
        if any(t.start <= i < t.end for t, _ in trigs):
            continue  # inside a form of the lexicon ("war broke out")
        before = next((n for n, (t, rs) in enumerate(trigs) if t.end == i
                       and any(r.hostile for r in rs)), None)
        if before is not None:  # "attack broke": one event
            span = doc[trigs[before][0].start:i + 1]
            trigs[before] = (span, rules)
        else:
            trigs.append((doc[i:i + 1], rules))
            trigs.sort(key=lambda tr: tr[0].start)
    todo.sort(key=lambda st: st[0].start)
    return dataclasses.replace(block, todo=todo)


def _at_most_medium(certainty: str) -> str:
    return "medium" if certainty == "high" else certainty


def _topic(sdoc: Doc, base: int, ctx: Context, in_date: Callable[[int], bool]
           ) -> EntityRow | None:
    """The PLACE entity opening the sentence ``sdoc`` (first character at full-text ``base``)
    as its topic: only date phrases (with their "in the"), brackets and commas before it, a
    comma right after it."""
    for tok in sdoc:
        at = base + tok.idx
        if tok.text in ",()" or in_date(at) or tok.is_space or tok.lower_ in _LEAD_WORDS:
            continue  # "In the Jingkang one years (1126), Taiyuan, ..."
        k = bisect.bisect_left(ctx.starts, at)
        ent = ctx.entities[k] if k < len(ctx.entities) and ctx.starts[k] == at else None
        if ent is None or ent.label != "PLACE":
            return None
        return ent if sdoc.text[ent.end - base:].lstrip().startswith(",") else None
    return None


def topic_patients(rows: Sequence[PendingEvent],
                   triggers: Sequence[tuple[Span, Sequence[TriggerRule]]], sdoc: Doc,
                   base: int, ctx: Context, in_date: Callable[[int], bool]
                   ) -> list[PendingEvent]:
    """``rows`` (one parsed sentence's rows of an MT text, with their triggers as spans of
    ``sdoc`` and rules) with the sentence's topic place given to each hostile transitive row
    that has no patient, the first only (see the module doc). ``base``: full-text offset of
    ``sdoc``."""
    topic = _topic(sdoc, base, ctx, in_date)
    result = result_rules(ctx.lexicon)
    out = []
    for (row, query), (_, rules) in zip(rows, triggers, strict=True):
        if tuple(rules) == result and row.certainty == "high":
            row = dataclasses.replace(row, certainty="medium")  # "broke" read as a capture
        if topic is None or row.actor2 or query.name or row.place or not any(
                r.hostile and r.takes_object for r in rules):
            out.append((row, query))
            continue
        placed = next((r for r in rules if r.object_label == "PLACE"), None)
        kind = placed.event_type if placed is not None else row.event_type
        out.append((dataclasses.replace(row, event_type=kind, certainty=_at_most_medium(
            row.certainty)), dataclasses.replace(query, name=topic.canonical)))
        topic = None  # the topic is the patient of its own clause's event only
    return out


def mt_triggers(block: Block, lexicon: EventLexicon) -> Block:
    """``block`` of an MT text with its verbless motion clauses
    (:func:`pipeline.events.mt_motion.verbless_motion`) and result verbs
    (:func:`result_triggers`) added as triggers."""
    return result_triggers(verbless_motion(block, lexicon), lexicon)


def revise_mt_sentence(rows: Sequence[PendingEvent],
                       triggers: Sequence[tuple[Span, Sequence[TriggerRule]]], sdoc: Doc,
                       base: int, ctx: Context, in_date: Callable[[int], bool],
                       salience: Salience) -> list[PendingEvent]:
    """One parsed sentence's rows of an MT text (triggers as spans of ``sdoc``, first
    character at full-text ``base``) read with MT grammar: comma-spliced agents
    (:func:`pipeline.events.mt.splice_agents`), topic-first patients (:func:`topic_patients`)
    and no actor from a phrase fronted before its verb
    (:func:`pipeline.events.mt.fronted_phrase_agents`)."""
    rows = topic_patients(splice_agents(rows, triggers), triggers, sdoc, base, ctx, in_date)
    return fronted_phrase_agents(rows, triggers, load_mt_cues().fronted_prepositions, base,
                                 salience, lambda e: polity_of(ctx, e))
