"""One event row from one trigger: roles, actors, place, origin, destination and date.

:func:`build_event` runs the stages of one trigger's row:

1. :func:`~pipeline.events.rows.reading.read_trigger`: the rule and the frame (type choice);
2. :func:`~pipeline.events.rows.actor_choice.choose_actors`: actor1 and actor2;
3. :func:`~pipeline.events.rows.places.event_place`: place, origin and destination;
4. :mod:`~pipeline.events.rows.notes`: what the event tells the paragraph's salience;
5. :mod:`~pipeline.events.rows.dating`: the date, the row and the agent it implies.

The place columns are filled later from the document's
:class:`~pipeline.places.PlaceLookup` (:func:`~pipeline.events.rows.places.resolve_event_places`).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.events.actors import ActorFinder
from pipeline.events.coref import GROUP_SOURCE
from pipeline.events.droptrace import note
from pipeline.events.hedges import reported
from pipeline.events.horizon import Horizon
from pipeline.events.implied import unbegun_reign
from pipeline.events.lexicon import TriggerRule
from pipeline.events.modality import finite_present
from pipeline.events.rows.actor_choice import ActorChoice, Where, choose_actors, with_partner
from pipeline.events.rows.army_side import army_side
from pipeline.events.rows.dating import RowSpan, dated_row, event_date, implied_row
from pipeline.events.rows.notes import note_outcome, note_subject
from pipeline.events.rows.places import PendingEvent, PlaceQuery, event_place, place_query
from pipeline.events.rows.reading import read_trigger
from pipeline.events.salience import Salience
from pipeline.events.triggers import Context, entities_in, polity_of, reference_name


def _battle_reference(doc: Doc, trig: Span, rules: Sequence[TriggerRule], ctx: Context,
                      offset: int, sdoc: Doc, sent: Span, doc_text: str, window: Span,
                      salience: Salience, event_id: int, horizon: Horizon | None
                      ) -> PendingEvent | None:
    """The row of a named battle ("the Battle of Fei River"): its name, its place if the
    name holds one, its date; no actors."""
    name_span = reference_name(doc, trig)
    if not len(name_span):
        note(offset + trig.start_char, offset + trig.end_char, "reference_no_name")
        return None
    rule = rules[0]
    names = entities_in(ctx, offset + name_span.start_char, offset + name_span.end_char)
    place = next((e for e in names if e.label == "PLACE"), None)
    local = sdoc[trig.start - sent.start:trig.end - sent.start]
    s = RowSpan(window, doc_text, offset, sent, sdoc, trig, doc[trig.start:name_span.end].text)
    date, source, far = event_date(ctx, s, local[0], rule, horizon)
    row = dated_row(ctx, salience, s, rule, date, source, far, "asserted", "name", None, None,
                    "", "", event_id)
    query = PlaceQuery(place.canonical if place else "",
                       name_span.text if place is None else "", "")
    return unbegun_reign(row), query


def build_event(doc: Doc, doc_text: str, sdoc: Doc, trig: Span, rules: Sequence[TriggerRule],
                sent: Span, window: Span, offset: int, ctx: Context, finder: ActorFinder,
                salience: Salience, event_id: int, horizon: Horizon | None = None
                ) -> PendingEvent | None:
    """The row of trigger ``trig`` (a span of the paragraph Doc ``doc``; ``sdoc``: its
    sentence parsed; ``window``: the trigger's clause span, the row's text) with its place
    query, or None when the parse says it asserts no event (irrealis, negated, modal, a noun
    with no argument, a form needing an object it lacks, direct speech:
    :mod:`pipeline.events.speech`). ``salience`` is updated with the
    event's grammatical subject and the persons it reports dead. ``horizon``: how far back
    the sentence's running date may come from (default: anywhere; far if from an earlier
    paragraph)."""
    local = sdoc[trig.start - sent.start:trig.end - sent.start]
    if len(local) == 1 and local[0].lower_ in ctx.lexicon.present \
            and not finite_present(local[0]):
        note(offset + trig.start_char, offset + trig.end_char, "present_not_finite")
        return None  # a historic-present form read as a noun or a past ("the rebels")
    if rules[0].event_type == "battle_reference":
        return _battle_reference(doc, trig, rules, ctx, offset, sdoc, sent, doc_text, window,
                                 salience, event_id, horizon)
    read = read_trigger(local, doc_text, sdoc, trig, rules, sent, offset, ctx, finder,
                        salience)
    if read is None:
        return None  # (the reason is noted by read_trigger)
    rule, frame = read.rule, read.frame
    w = Where(doc_text, offset, sent, sdoc, trig, local, read.line_start)
    choice: ActorChoice = choose_actors(finder, salience, frame, rule, rules, ctx, w)
    actor1 = choice.actor1
    place, prep, origin, destination = event_place(finder, frame, rule, actor1, choice.actor2,
                                                   choice.patient_place)
    actor2 = with_partner(finder, salience, frame, rule, w, actor1, choice.actor2)
    note_subject(salience, finder, ctx, frame, actor1, actor2, choice.unnamed, w.at)
    if reported(frame.head):
        note(offset + trig.start_char, offset + trig.end_char, "reported", frame.head)
        return None  # "X is said to have burned ...": hearsay, no row; X stays salient
    note_outcome(salience, frame, rule, read.status, actor1, actor2, place, w.at)
    query = PlaceQuery(place.canonical if place else "", "", prep)
    if place is None:  # a place the parse hangs off the trigger, an untagged located name
        query = place_query(finder, frame, rule, actor2)
    if read.object_thing is not None and read.object_thing > window.end:
        window = doc[window.start:read.object_thing]  # "proclaimed a number of [reforms]":
        # the thing proclaimed is the event's own word, though it is a trigger word itself
    s = RowSpan(window, doc_text, offset, sent, sdoc, trig, trig.text)
    date, source, far = event_date(ctx, s, read.date_tok, rule, horizon)
    if read.told == "present" and source not in ("clause", "sentence") \
            and not read.performative:
        note(offset + trig.start_char, offset + trig.end_char, "present_description",
             frame.head)
        return None  # "the city lies ...", "X is known as ...": a description, no event
    row = dated_row(ctx, salience, s, rule, date, source, far, read.status, read.reading,
                    actor1, actor2, origin, destination, event_id)
    row = implied_row(row, ctx, salience, s, rule, date,
                      actor1 is None and (read.agentless or read.performative),
                      choice.titled, choice.untitled,
                      frame.agent.lower_ if frame.agent is not None else "")
    if actor1 is not None and actor1.source == GROUP_SOURCE:  # "the army arrived in
        # Luoyang", told of Emperor Xiaowen: a Northern Wei army
        lead = salience.most_salient(actor1.entity.start, lambda e: e.label == "PERSON"
                                     and bool(polity_of(ctx, e)))  # a side it can lend
        row = army_side(row, doc_text, actor1.entity.start - offset, ctx.lexicon,
                        polity_of(ctx, lead) if lead is not None and lead.label == "PERSON"
                        else "")
    return unbegun_reign(row), query  # "the little emperor abdicated": not the new one
