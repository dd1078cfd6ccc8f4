"""One event row from one trigger: roles, actors, place, origin, destination and date.

:func:`build_event` reads the trigger's frame (:mod:`pipeline.events.roles`), turns its
argument tokens into actors (:mod:`pipeline.events.actors`, :mod:`pipeline.events.anaphora`),
picks the place among the location arguments and dates the event
(:mod:`pipeline.events.when`). The place columns are filled later from the document's
:class:`~pipeline.places.PlaceLookup` (:func:`~pipeline.events.rows.places.resolve_event_places`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.events.actors import ActorFinder, nearest_actor, side_actor
from pipeline.events.anaphora import (
    bound_elsewhere,
    patient_label,
    possessor_anaphor,
    possessor_polity,
    resolve_actor,
    subjectless,
    survived,
)
from pipeline.events.certainty import event_certainty
from pipeline.events.coref import group_actor, title_actor
from pipeline.events.hedges import reported
from pipeline.events.horizon import Horizon
from pipeline.events.implied import SOURCE as IMPLIED
from pipeline.events.implied import (
    implied_actor,
    sentence_ruler,
    titled_ruler,
    unbegun_reign,
    undergoer_frame,
)
from pipeline.events.lexicon import RULER_TITLES, TriggerRule
from pipeline.events.modality import finite_present, timeline_line
from pipeline.events.names import ordered_object
from pipeline.events.nominal import (
    derived_anchored,
    description,
    from_agent,
    possessive_actor,
    thing_possessor,
)
from pipeline.events.roles import (
    coarse,
    event_noun,
    nominal_anchored,
    one_of_several,
    ordering_agent,
    read_frame,
    tense,
)
from pipeline.events.rows.context import (
    _continues,
    _reigning_title,
    _topic_possessor,
    bare_title,
    unnamed_place,
)
from pipeline.events.rows.frames import (
    _against,
    _at_onset,
    _choose_rule,
    _object_words,
    _of_agent,
    _off_heading,
    _partner,
    _place_subject,
    _without_dates,
    authority,
    governor_at,
    misread_sides,
    name_word,
    reflexive_rule,
    small_clause_patient,
)
from pipeline.events.rows.places import PendingEvent, PlaceQuery, _first_place
from pipeline.events.salience import Salience
from pipeline.events.salience.sides import STATE_ACTS
from pipeline.events.speech import in_speech
from pipeline.events.triggers import Context, entities_in, polity_of, reference_name
from pipeline.events.when import date_fields, dated_event
from pipeline.records import EntityRow, EventRow

# Event types that end a person's life, and which actor dies: no later pronoun refers to them.
_FATAL = {"death": "actor1", "suicide": "actor1", "execution": "actor2", "killing": "actor2"}
#: Subjects of a present tense that performs what it says (an edict: "We confer ...").
_FIRST_PERSON = frozenset({"we", "i"})
# An intransitive event someone orders, and the event it is then ("ordered the death of X").
_ORDERED = {"death": "execution"}


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
        return None  # a historic-present form read as a noun or a past ("the rebels")
    name_span = None
    actor1 = actor2 = None
    place: EntityRow | None = None
    prep = ""
    origin = destination = ""
    status = "asserted"
    date_tok = local[0]
    reading = "name"
    told = ""
    agentless = False  # the parse gives the trigger no agent: an implied one may be named
    titled = False  # actor1 read from a bare ruler title: "the emperor" (not "the Retired ...")
    untitled = False  # a bare ruler title naming no one
    performative = False  # a present tense with a first-person subject: an edict
    object_thing: int | None = None  # the token after an object_words row's object
    def is_actor(tok: Token) -> bool:  # a "from" phrase naming someone, not somewhere
        return finder.place(tok) is None and (
            finder.actor(tok) is not None or bool(finder.anaphor_kind(tok))
            or finder.proper_noun(tok) is not None)

    if rules[0].event_type == "battle_reference":
        name_span = reference_name(doc, trig)
        if not len(name_span):
            return None
        rule = rules[0]
        names = entities_in(ctx, offset + name_span.start_char, offset + name_span.end_char)
        place = next((e for e in names if e.label == "PLACE"), None)
    else:
        frame = thing_possessor(from_agent(
            read_frame(local, rules[0], ctx.lexicon, rules[0].takes_object), rules[0],
            is_actor), rules[0], ctx.lexicon)  # "attacks from the Tayan tribe", "its rebuilding"
        if frame.status == "none" or not nominal_anchored(frame, local, finder.entity_at) \
                or not derived_anchored(frame, local, ctx.lexicon, finder.entity_at) \
                or description(frame, sdoc, finder.entity_at):
            return None  # a bare noun: no argument ("the death toll", "upon victory"); a
            # description: "the rebel Huang Chao", "X was a rebel", a heading line
        if in_speech(doc_text, trig, sent, sdoc):
            return None  # direct speech: said, threatened or ordered, not narrated
        if ctx.lexicon.cue(frame.head.lower_) == "order" and (
                coarse(frame.head) == "NOUN" or event_noun(frame.patient, ctx.lexicon)):
            return None  # "on the orders of X", "ordered the death of X": a command, no
            # appointment (the ordered event is its own row)
        frame = small_clause_patient(frame, ctx.lexicon, rules[0].takes_object)  # "made him King"
        label = patient_label(frame, finder)
        if label != "PERSON" and ordered_object(frame.patient, ctx.lexicon) \
                and finder.proper_noun(frame.patient) is not None:
            label = "PERSON"  # "ordered Aju/Bayan to attack": a name missed or tagged a place
        choice = _choose_rule(rules, label, _object_words(frame))
        if choice is None:
            return None
        rule = reflexive_rule(choice, frame, ctx.lexicon)  # "burnt himself": suicide
        if (rule.subject_role, rule.takes_object) != (rules[0].subject_role,
                                                      rules[0].takes_object):
            frame = thing_possessor(from_agent(
                read_frame(local, rule, ctx.lexicon, rule.takes_object), rule, is_actor),
                rule, ctx.lexicon)
        if rule.anchor == "onset" and coarse(frame.head) == "NOUN" \
                and not _at_onset(frame.head, ctx):
            return None  # "War between Song and Jin" (a heading), "losses in the war with X"
        if rule.object_words and frame.patient is not None:
            counted = [t for t in frame.patient.subtree if t.lower_ in rule.object_words]
            object_thing = sent.start + (counted or [frame.patient])[-1].i + 1
        frame = _of_agent(frame, rule, finder)  # "the invasion of the Mongols": they invade
        frame = undergoer_frame(frame, rule.event_type)  # enthroned: actor1
        orderer = ordering_agent(frame.head, ctx.lexicon)
        if orderer is not None:  # "ordered the death of X": X executed by the orderer
            if rule.event_type in _ORDERED and not rule.takes_object:
                rule = next((r for rs in ctx.lexicon.forms.values() for r in rs
                             if r.event_type == _ORDERED[rule.event_type]), rule)
            if rule.takes_object:
                frame = dataclasses.replace(frame, agent=orderer, patient=frame.agent
                                            if frame.patient is None else frame.patient)
        frame = _without_dates(frame, ctx, offset + sent.start_char)
        frame, line_start = _off_heading(frame, local)  # "Conquest of Chen\nIn 587 ..."
        status, date_tok = frame.status, frame.head
        agentless = frame.agent is None
        told = tense(frame.head, timeline_line(doc_text, trig.start_char)) \
            if sdoc.has_annotation("DEP") else ""  # "- 1356: X is poisoned": narrated
        # "We now confer on X the title ...": an edict's own words do what they say
        performative = told == "present" and frame.agent is not None \
            and frame.agent.lower_ in _FIRST_PERSON
        if told == "imperative":
            return None  # "move to sidebar": an instruction, not a narrated event
        reading = ("verb" if coarse(frame.head) == "VERB" else "noun") \
            if sdoc.has_annotation("DEP") else "unparsed"
        at = offset + trig.start_char
        actor1 = resolve_actor(finder, salience, frame.agent, at) \
            or possessor_anaphor(finder, salience, frame.agent, at) \
            or possessive_actor(finder, salience, frame.agent, rule) \
            or _topic_possessor(frame.agent, rule, salience)  # "his army took X", "until
        # his death"; "After his death, ..." in the entry on him
        actor1 = None if name_word(frame.agent, actor1) else actor1  # "Zhang He and X"
        titled = frame.agent is not None and frame.agent.lower_ in RULER_TITLES \
            and not any(c.dep_ in ("amod", "compound", "nmod") for c in frame.agent.children)
        untitled, titled = titled and actor1 is None, titled and actor1 is not None \
            and actor1.source == "pronoun"  # "the emperor" naming no one: who reigned then
        trig_end = offset + trig.end_char
        if actor1 is not None and actor1.entity.start < trig_end and at < actor1.entity.end:
            actor1 = None  # "Died A.D. 934": the capitalised trigger read as a name
        if actor1 is None and frame.agent is not None and not frame.passive \
                and rule.subject_role == "agent" and (rule.partner or rule.hostile):
            actor1 = _place_subject(finder, frame.agent)  # "Taiwan submitted to the Qing",
            # "Japan declared war on China": between two sides, or against one
        if actor1 is None and frame.agent is not None and rule.subject_role == "agent" \
                and not (rule.partner or rule.hostile) and frame.agent is not frame.patient:
            actor1 = finder.model_place_person(frame.agent)  # "Kwang-sit was born"
        unnamed = frame.agent is not None and actor1 is None \
            and frame.agent.tag_.startswith("NNP") \
            and not bare_title(finder, frame.agent, ctx.entities, offset + sent.start_char)
        # a name that is no actor: "The Aftermath"; not a title no one was found for, with no
        # name in its phrase ("the Emperor pardoned him": the nearest name is no emperor)
        if actor1 is None and (frame.agent is None or unnamed) and not frame.passive \
                and rule.subject_role == "agent" and any(coarse(t) == "VERB" for t in local):
            actor1 = nearest_actor(ctx.entities, offset + sent.start_char
                                   + sdoc[line_start].idx, at, salience.alive)
        if (actor1 is None or actor1.entity.label != "PERSON") and not frame.passive \
                and rule.subject_role == "agent":
            actor1 = finder.commander(frame.head) or actor1
        if actor1 is None and frame.passive and frame.agent is None:
            actor1 = finder.commander(frame.head, orders=True)  # "on the orders of X"
        elif frame.passive and frame.agent is not None and (
                actor1 is None or actor1.entity.label != "PERSON"):
            # "besieged by a Tartar army under the direction of X" (the parse hangs the
            # "under" phrase on the verb): X leads the agent
            actor1 = finder.commander(frame.head) or actor1
        zero = subjectless(frame, local)  # "Died A.D. 934.": the entry's headword
        if actor1 is None and zero and not frame.passive and rule.subject_role == "agent":
            actor1 = salience.topic_actor() or (salience.continued(at) if _continues(
                sent) else None)  # "deposed the Emperor. revoked his edicts.": one sentence
        if actor1 is None and rule.subject_role == "agent":
            actor1 = group_actor(finder, frame.agent, trigger=frame.agent is not None
                                 and frame.agent.i == frame.head.i) \
                or title_actor(finder, frame.agent)  # "by his eunuchs": a group, as
            # written; "the Mohammedan rebellion": the Mohammedans; "the Empress Dowager"
        patient_place = finder.place(frame.patient) if frame.patient is not None else None
        if (rule.takes_object or _against(frame.patient)) and frame.patient is not None \
                and not rule.object_words:  # ("a rebellion against the Qing": the target)
            # (an object of ``object_words`` is a thing: "issued an edict", no actor2)
            actor2 = resolve_actor(finder, salience, frame.patient, at)
            if actor2 is not None and patient_place is not None and actor2.source != "parse" \
                    and finder.entity_at(frame.patient) is patient_place:
                actor2 = None  # "captured Taiyuan": a place, not an actor
            if actor2 is not None and actor2.source == "parse" and any(
                    r.event_type == rule.event_type and r.object_label == "PLACE" for r in rules):
                actor2 = None  # "captured Wu-ch'ang": a name no entity covers, where this
                # event type takes a place: more likely the place than a person
            actor1, actor2 = bound_elsewhere(finder, salience, frame, actor1, actor2, at)
            if actor2 is None:  # "attacked Goguryeo and captured its king": Goguryeo
                actor2 = possessor_polity(finder, salience, frame.patient, at, actor1,
                                          lambda e: polity_of(ctx, e))
        if actor2 is None and zero and frame.passive and rule.takes_object:
            actor2 = salience.topic_actor()  # "Banished to Liu-chou in 840."
        if actor1 is None and rule.hostile and actor2 is not None and (
                frame.passive or rule.subject_role == "patient" or frame.agent is None
                or coarse(frame.head) == "NOUN"):  # "the capture of X by a wrong deployment"
            actor1 = side_actor(
                ctx.entities, lambda e: polity_of(ctx, e), polity_of(ctx, actor2.entity),
                (offset + sent.start_char, offset + sent.end_char),
                offset + doc_text.rfind("\n", 0, sent.start_char) + 1) \
                or salience.opponent(actor2)  # "fought the Arabs and was defeated": Arabs
        if actor1 is None and rule.hostile and frame.agent is None and (
                frame.passive or rule.subject_role == "patient" or coarse(frame.head) == "NOUN"):
            actor1 = salience.attacker(actor2, lambda e: polity_of(ctx, e),
                                       patient_place.canonical
                                       if patient_place is not None and actor2 is None else "",
                                       at, governor_at(frame.head, offset + sent.start_char),
                                       unnamed_place=unnamed_place(frame, rule, rules,
                                                                    patient_place, actor2))
        if actor1 is None and frame.agent is None:  # "carried out under X", "... Six of
            actor1 = authority(finder, salience, frame, rule, actor2, at)  # them were beheaded"
        actor1, actor2 = misread_sides(actor1, actor2, finder, doc_text, offset)
        place, prep = _first_place(finder, frame.places)
        if place is None and patient_place is not None and (actor2 is None
                                                            or rule.object_label == "PLACE"):
            place, prep = patient_place, ""
        if place is None and actor1 is not None and actor1.source == "place":
            place = actor1.entity  # "Luoyang surrendered": there
        if rule.partner and (actor2 is None or _against(frame.patient)):
            # "made peace with X", "ceded Y to X"; "allied with X against Y": X
            actor2 = _partner(finder, salience, frame, local, rule.partner, at, actor1) \
                or actor2
        origin_ent, _ = _first_place(finder, frame.origins)
        dest_ent, _ = _first_place(finder, frame.destinations)
        origin = origin_ent.canonical if origin_ent else ""
        destination = dest_ent.canonical if dest_ent else ""
        if place is None:
            place = dest_ent or origin_ent
            prep = "near" if place is not None and place is origin_ent else ""
        if coarse(frame.head) == "VERB" and not frame.passive and (
                (unnamed and (actor1 is None or actor1.source == "nearest"))
                or (actor1 is None and finder.anaphor_kind(frame.agent) == "anaphor_person")):
            salience.note_unknown(at)  # "The Imperial Commissioner ... built": someone;
            # "he" resolved to no one carries that unknown on
        if coarse(frame.head) == "VERB":  # a noun's "Song" of "the Song garrison" is no subject
            salience.note(actor2 if frame.passive else actor1, at,  # the grammatical subject
                          "embedded" if frame.head.dep_ == "relcl" else "subject")
            if ctx.lexicon.cue(frame.head.lower_) == "order" and actor2 is not None \
                    and actor2.entity.label == "PERSON":
                salience.note(actor2, at)  # "sent Feng Changqing to hold Luoyang. He ...": Feng
        if reported(frame.head):
            return None  # "X is said to have burned ...": hearsay, no row; X stays salient
        if rule.hostile and status == "asserted" and actor1 is not None and (
                frame.patient is not None or not one_of_several(frame.agent)):
            # "Zheng He attacked first, ... were killed": he acts; not "X and Y fought"
            salience.acted(actor1, place.canonical if place is not None else "", at,
                           frame.patient is None)
            if actor2 is not None:
                salience.opposed(actor1, actor2)
        if rule.hostile and status == "asserted" and (place is not None or (
                frame.patient is not None and (actor2 is None
                                               or actor2.entity.label != "PERSON"))):
            salience.hit_place(actor1)  # "the siege of Pyongyang ... the city fell": its agent
            # (an act against a place or a side, not a person: "X beheaded Y" is no siege)
        if status == "asserted" and actor1 is not None and rule.event_type in STATE_ACTS:
            salience.ruled(actor1, at)
        if status == "asserted" and rule.event_type in _FATAL and not survived(frame.head):
            salience.died(actor1 if _FATAL[rule.event_type] == "actor1" else actor2, at)
        if status == "asserted":  # "X was exiled": a bare "the Emperor" is no longer X
            salience.unseat(rule.event_type, actor1, actor2, at)
        if status == "asserted" and rule.event_type == "enthronement":
            salience.crowned(actor1)  # "ascended the throne in 1875 ... the Emperor": him
    query = PlaceQuery(place.canonical if place else "",
                       name_span.text if name_span is not None and place is None else "", prep)
    if object_thing is not None and object_thing > window.end:
        window = doc[window.start:object_thing]  # "proclaimed a number of [reforms]": the
        # thing proclaimed is the event's own word, though it is a trigger word itself
    text = doc_text[window.start_char:window.end_char]
    trigger = doc[trig.start:name_span.end].text if name_span is not None else trig.text
    date, source = dated_event(ctx.dates, ctx.date_starts, sdoc, date_tok,
                               offset + sent.start_char, offset + trig.start_char,
                               offset + window.end_char, ctx.lexicon,
                               horizon.since if horizon is not None else 0,
                               horizon.near if horizon is not None else offset,
                               rule.event_type, horizon.lead if horizon is not None else None,
                               horizon.stale if horizon is not None else 0,
                               horizon.unread if horizon is not None else ())
    far = source.startswith("far")  # a running date far back or under a perfect tense, or
    # a date without a year of its own taken from one far back: low
    source = {"far": "running", "far_clause": "clause", "far_sentence": "sentence",
              "far_other_clause": "other_clause"}.get(source, source)
    if name_span is None and told == "present" and source not in ("clause", "sentence") \
            and not performative:
        return None  # "the city lies ...", "X is known as ...": a description, no event
    if date is not None and source in ("clause", "sentence") and rule.event_type == "birth" \
            and status == "asserted":
        salience.births.add(date.start)
    elif date is not None and source == "running" and date.start in salience.births:
        date, source = None, ""  # "He was born in 1559. He rose up ...": later, year unknown
    dated = date_fields(date)
    if date is not None and source in ("running", "other_clause"):
        # only the running date of the narrative, or a date another clause of the sentence
        # holds: the event's own day is not known
        dated.update(date_source=source, time_precision=3 if dated["time_precision"] else None)
    elif date is not None:
        dated["date_source"] = "sentence"
    if actor1 is not None and actor2 is not None and actor1.entity == actor2.entity \
            and "pronoun" not in (actor1.source, actor2.source):
        actor2 = None  # one mention read as both sides ("trebuchets built by Muslim engineers")
    a1 = actor1.entity if actor1 else None
    a2 = actor2.entity if actor2 else None
    row = EventRow(
        doc_id="", event_id=event_id, sentence_id=-1, start=offset + window.start_char,
        end=offset + window.end_char, event_type=rule.event_type, trigger=trigger,
        actor1=a1.canonical if a1 else "", actor1_polity=polity_of(ctx, a1),
        actor2=a2.canonical if a2 else "", actor2_polity=polity_of(ctx, a2),
        text=text.strip(),
        actor1_source=actor1.source if actor1 else "",
        actor2_source=actor2.source if actor2 else "",
        origin=origin, destination=destination, status=status,
        certainty=event_certainty(
            date_source=str(dated.get("date_source", "")),
            date_certainty=date.certainty if date is not None else "",
            actor1_source=actor1.source if actor1 else "",
            actor2_source=actor2.source if actor2 else "", reading=reading,
            date_far=far),
        **dated)  # type: ignore[arg-type]
    if actor1 is None and (agentless or performative) and rule.implied_agent:
        # "was appointed": the emperor; "We confer ...": the emperor's edict
        lo = offset + sent.start_char  # "The Hongxi emperor ordered ..., X was appointed"
        row = sentence_ruler(row, [e for e in ctx.entities if lo <= e.start and e.end
                                   <= offset + trig.start_char and salience.alive(e)],
                             doc_text[sent.start_char:trig.start_char], lo, ctx.person_polity)
        row = implied_actor(row, rule.implied_agent, date, ctx.dates, ctx.date_starts,
                            ctx.person_polity, text_polity=salience.text_polity(row.start))
        if not row.actor1 and rule.implied_agent == "ruler" and salience.heading is not None:
            row = dataclasses.replace(  # no ruler or state found: the heading's ruler
                row, actor1=salience.heading.canonical, actor1_source=IMPLIED,
                actor1_polity=polity_of(ctx, salience.heading), certainty="low")
    elif titled:  # "the emperor" in 755 after "Emperor Suzong" was named: Xuanzong
        row = _reigning_title(row, ctx, salience, date,
                              frame.agent.lower_ if frame.agent is not None else "")
    elif untitled:
        row = titled_ruler(row, date, ctx.dates, ctx.date_starts, salience.text_polity(row.start))
    return unbegun_reign(row), query  # "the little emperor abdicated": not the new one


