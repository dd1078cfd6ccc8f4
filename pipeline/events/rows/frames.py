"""Helpers of :func:`~pipeline.events.rows.build.build_event`: which rule of a trigger
applies and how a frame's arguments are adjusted (an "of" agent, a patient inside a date).
The tokens that name a partner, a place that acts or an authority are in
:mod:`~pipeline.events.rows.frame_sides` (re-exported here).
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Sequence

from spacy.tokens import Span, Token

from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.objects import object_words
from pipeline.events.roles import Frame, coarse
from pipeline.events.rows.frame_sides import (  # noqa: F401 (re-exported: actor_choice)
    _ARGUMENT,
    _against,
    _names_itself,
    _partner,
    _place_subject,
    authority,
    governor_at,
    misread_sides,
    name_part,
    name_word,
    under_whom,
)
from pipeline.events.salience.sides import HostileSides
from pipeline.events.syntax import prep_objects
from pipeline.events.triggers import Context
from pipeline.places.base import load_gloss_lexicon, name_key
from pipeline.records import EntityRow

# Event types whose noun's "of" phrase names the one who acts when it names an actor, not a
# place ("the invasion of the Mongols"; "the defeat of the Jin" is not one of them).
_OF_AGENT = frozenset({"attack"})
#: Most words of a heading line ("Conquest of Chen") a sentence may run on from.
_HEADING_WORDS = 6
_SENTENCE_END = frozenset(".!?:;,")
#: The object case of a subject pronoun: the patient of a passive is written in the subject
#: case ("He was arrested and brought to Peking"), ``object_words`` in the object case.
_OBJECT_CASE = {"he": "him", "she": "her", "they": "them", "we": "us", "i": "me"}


def _choose_rule(rules: Sequence[TriggerRule], label: str,
                 words: frozenset[str]) -> TriggerRule | None:
    """The rule whose ``object_words`` hold one of ``words`` (lower case: the words the
    patient stands for, :func:`pipeline.events.objects.object_words`, and the object of an
    "as" phrase on the trigger, :func:`_object_words`; a word is more telling than a label:
    "deposed the Emperor" is a coup, though "the Emperor" is a PERSON), else the rule whose
    ``object_label`` is the patient's ``label``, else one with neither."""
    for rule in rules:
        if rule.object_words & words:
            return rule
    for rule in rules:
        if rule.object_label and rule.object_label == label:
            return rule
    return next((r for r in rules if not r.object_label and not r.object_words), None)


#: Reflexive objects: the doer is the one done to.
_REFLEXIVE = frozenset({"himself", "herself", "themselves"})


def reflexive_rule(rule: TriggerRule, frame: Frame, lexicon: EventLexicon) -> TriggerRule:
    """The lexicon's ``suicide`` row for a ``hostile`` act whose object is a reflexive pronoun
    ("burnt himself to death in a tower", "stabbed herself"): the doer took their own life,
    no destruction or killing of someone else; ``rule`` otherwise."""
    if not rule.hostile or frame.patient is None or frame.patient.lower_ not in _REFLEXIVE:
        return rule
    return next((r for rules in lexicon.forms.values() for r in rules
                 if r.event_type == "suicide"), rule)


#: Labels of a subject that is a side (a state, a people, an army), not one person.
_SIDE_LABELS = frozenset({"POLITY", "ARMY"})
#: Common nouns a side enters when it takes a city ("entered the city", "the capital").
_CITY_NOUNS = frozenset({"city", "capital"})
#: Head nouns of a subject that is a force whatever its possessor ("Xu Da's army").
_FORCE_NOUNS = frozenset({"army", "armies", "troops", "forces", "host", "hosts", "soldiers",
                          "invaders", "cavalry"})
#: Forms of the verb "enter" (the sentence parse has no lemmas).
_ENTER = frozenset({"enter", "enters", "entered", "entering"})
#: Forms of the verb "lead" (a person leading a force is at war).
_LEAD = frozenset({"lead", "leads", "led", "leading"})
#: Words of mounted troops an army noun list may lack ("led the Khitan horsemen").
_MOUNTED = frozenset({"horsemen", "horse", "riders", "men"})


def _campaigner(frame: Frame, side: Actor | None, place: EntityRow | None,
                sides: HostileSides | None, lexicon: EventLexicon) -> bool:
    """True when the person ``side`` who entered is at war: the agent of a hostile event of
    the paragraph before (``sides``: "Bo Yan attacked Changzhou ... Bo Yan entered Lin'an"),
    the place entered (``place``) was the scene or target of a hostile event of the document
    before, or "entered" is coordinated with a hostile verb or with leading a force ("led the
    Khitan horsemen south and entered the capital", "entered Tongwan and captured his
    mothers"). A pronoun subject is no named person: "In 74 he entered Kashgar" stays a
    movement."""
    if side is None or side.entity.label != "PERSON" or side.source != "named":
        return False
    if sides is not None and (place is not None and place.canonical in sides.at_place or any(
            a.entity.canonical == side.entity.canonical for a in sides.attackers)):
        return True
    head = frame.head
    near = [c for c in head.children if c.dep_ == "conj"]
    if head.dep_ == "conj":
        near.append(head.head)
    for verb in near:
        if coarse(verb) != "VERB":
            continue
        if any(r.hostile for r in lexicon.forms.get(verb.lower_, ())):
            return True
        if verb.lower_ in _LEAD and any(c.dep_ in ("dobj", "obj") and (
                c.lower_ in _FORCE_NOUNS or lexicon.is_cue(c.lower_, "army_noun")
                or c.lower_ in _MOUNTED) for c in verb.children):
            return True
    return False


def _entered(frame: Frame, finder: ActorFinder, label: str,
             sides: HostileSides | None = None) -> str:
    """What a side's entering is: for a frame whose head is the verb "enter" with an active
    subject naming a state, people or army (``_SIDE_LABELS``: "the Tibetans entered
    Chang'an", "the Jin army entered the city") or headed by a force noun (``_FORCE_NOUNS``:
    "Xu Da's army entered Dadu"; not an envoy), or a named person at war
    (:func:`_campaigner`: "Bo Yan entered the Lin'an city" after his attacks; not "Pan Chao
    entered Kashgar" told of no war), ``attack`` when its direct object is a province of
    ``provinces.csv`` ("the Qing army entered Fujian"), ``capture_city`` when it is another
    PLACE (municipalities count as cities; ``label``: the patient's label,
    :func:`~pipeline.events.anaphora.patient_label`, for a place the gazetteer spells
    otherwise) or the noun "city"/"capital"; else "" ("entered the palace", "entered
    service", "entered into an alliance")."""
    head = frame.head
    if coarse(head) != "VERB" or head.lower_ not in _ENTER or frame.passive \
            or frame.agent is None:
        return ""
    side = finder.actor(frame.agent)
    obj = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None:
        return ""
    place = finder.place(obj)
    if frame.agent.lower_ not in _FORCE_NOUNS and (side is None or (
            side.entity.label not in _SIDE_LABELS
            and not _campaigner(frame, side, place, sides, finder.lexicon))):
        return ""
    if place is None:
        return "capture_city" if obj.lower_ in _CITY_NOUNS or (
            label == "PLACE" and frame.patient is not None and obj.i == frame.patient.i) else ""
    gloss = load_gloss_lexicon()
    key = gloss.provinces.get(name_key(place.canonical))
    return "capture_city" if key is None or key in gloss.municipalities else "attack"


def entered_rule(rule: TriggerRule, frame: Frame, finder: ActorFinder,
                 lexicon: EventLexicon, label: str,
                 sides: HostileSides | None = None) -> TriggerRule:
    """For a ``movement`` ``rule`` of the verb "enter" whose subject is a state, people or
    army, or a named person at war (:func:`_entered`; ``sides``: the paragraph's hostile
    events so far), the lexicon's hostile PLACE ``capture_city`` row when the place
    entered is a city, its hostile ``attack`` row when it is a province (annotation guide:
    the enemy "entered" a capital is a capture, armies "entered" a province an attack, a
    person entering a city a movement); ``rule`` otherwise."""
    kind = _entered(frame, finder, label, sides) if rule.event_type == "movement" else ""
    if not kind:
        return rule
    return next((r for rules in lexicon.forms.values() for r in rules
                 if r.event_type == kind and r.object_label in ("PLACE", "")
                 and r.hostile and r.subject_role == "agent" and r.takes_object
                 and not r.object_words and not r.partner), rule)


#: Forms of the verb "name" (the sentence parse has no lemmas).
_NAME = frozenset({"name", "names", "named", "naming"})
#: Dependency labels of the words of a name written before the rank it heads in the parse
#: ("named Xie Shi grand commander": Shi an ``nmod`` of commander).
_NAME_PARTS = frozenset({"nmod", "compound"})


def _rank(tok: Token, lexicon: EventLexicon) -> bool:
    """True when ``tok``, the complement (``oprd``) of "named", is a rank, not a name: a
    common noun ("commander", "secretary", "yuyue") or a person word of ``event_cues.csv``
    (``anaphor_person``: "Prince of Ho-ning", "King"); a proper noun is the name itself ("a
    general named Li Guang", "the river was named Huai")."""
    return tok.tag_ in ("NN", "NNS") or lexicon.is_cue(tok.lower_, "anaphor_person")


def named_rank(frame: Frame, lexicon: EventLexicon) -> Frame | None:
    """The frame of "named" as an appointment to a rank, or None: the verb "name" with a
    rank as its complement (``oprd``, :func:`_rank`): "the Jin court named Xie Shi grand
    commander", "named him yuyue", "his son was named crown prince". The patient: the direct
    object, else the name the parse hung on the rank ("Xie Shi"), else (passive) the subject;
    the agent: the subject, or the noun the parse hung "named" on as a participle ("the
    emperor named Xie Jin grand secretary", read as "the emperor [who was] named ..."; with
    a rank after it the noun is the one who names). Not "a general named Li Guang" (a name,
    no rank), nor "named his dynasty Yuan" (a direct object that is no pronoun, name or person
    word of ``event_cues.csv``)."""
    head = frame.head
    if head.lower_ not in _NAME or coarse(head) != "VERB":
        return None
    complements = [c for c in head.children if c.dep_ == "oprd" and c.i > head.i]
    rank = complements[-1] if complements else None  # ("named Xie Shi grand commander"
    # may be parsed with two complements, Shi and commander)
    if rank is None or not _rank(rank, lexicon):
        return None
    obj = next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < rank.i), None)
    if obj is not None and obj.tag_ not in ("PRP", "NNP", "NNPS") \
            and not lexicon.is_cue(obj.lower_, "anaphor_person"):
        return None  # "named his dynasty Yuan", "named the city Nanjing": a thing named
    named = obj or next((c for c in (*complements[:-1], *rank.children)
                         if c.tag_ in ("NNP", "NNPS") and c.i < rank.i and (
                             c.dep_ in _NAME_PARTS or c.dep_ == "oprd")), None)
    if head.dep_ == "acl" and coarse(head.head) in ("NOUN", "PROPN") and named is not None:
        return dataclasses.replace(frame, agent=head.head, patient=named, passive=False)
    if frame.passive:
        return frame if frame.patient is not None else None
    return dataclasses.replace(frame, patient=named) if named is not None else None


def appointment_rule(lexicon: EventLexicon) -> TriggerRule | None:
    """The lexicon's row of "appointed" (an ``appointment`` whose implied agent is the ruler)."""
    return next((r for r in lexicon.forms.get("appointed", ())
                 if r.event_type == "appointment"), None)


def _object_words(frame: Frame) -> frozenset[str]:
    """The lower-case words ``object_words`` are checked against: those the patient stands
    for (:func:`pipeline.events.objects.object_words`), and the object of "as" on the
    trigger ("succeeded in 934 as fourth Emperor": emperor), each of the latter also as
    "as " + word ("as emperor"), for rows that take the word only from an "as" phrase
    ("supported Zhao Yun as emperor", not "supported the emperor"); a subject-case pronoun
    (the patient of a passive: "he was brought") also stands for its object case ("him")."""
    words = {t.lower_ for t in prep_objects(frame.head, frozenset({"as"}))}
    for tok in frame.head.subtree:  # "in 934 as fourth Emperor", parsed as "in ... Emperor"
        if tok.lower_ == "as" and tok.i > frame.head.i and _governed_by(tok, frame.head):
            noun = next((t for t in tok.doc[tok.i + 1:tok.i + 5] if coarse(t) in (
                "NOUN", "PROPN")), None)
            if noun is not None:
                words.add(noun.lower_)
    patient = object_words(frame.patient)
    if frame.patient is not None and frame.patient.lower_ in _OBJECT_CASE:
        patient |= {_OBJECT_CASE[frame.patient.lower_]}  # "he was brought": him
    return frozenset(words) | {f"as {w}" for w in words} | patient


def small_clause_patient(frame: Frame, lexicon: EventLexicon, takes_object: bool) -> Frame:
    """The patient of an object-complement verb the parser read as a clause: "the Tang made
    him King of Yue", "made him chief minister" are parsed with "him" as the subject (nsubj)
    of a nominal ``ccomp`` ("King", "minister") hanging on the verb; that subject is the
    verb's object. Only for an active verb with no patient of its own and a ccomp that is a
    small clause naming a rank: headed by a capitalised title ("King", "President") or a
    person word of ``event_cues.csv`` (``anaphor_person``: minister, general, prince ...), with
    no verb, auxiliary or copula of its own (not "said that he was King", not "made him the
    hero of a play"). The noun complement (``attr``) of a verb such as "became" is its patient
    too, for the rows that name the rank taken by ``object_words``. Any other frame, and any
    frame of a trigger whose rule takes no object (``takes_object``: "became emperor"), is
    returned unchanged."""
    head = frame.head
    if not takes_object or frame.patient is not None or frame.passive \
            or coarse(head) != "VERB":
        return frame
    attr = next((c for c in head.children if c.dep_ == "attr" and c.i > head.i
                 and coarse(c) in ("NOUN", "PROPN")), None)
    if attr is not None:  # "became the Zhenhai Army Festival Degree Envoy": the rank taken
        return dataclasses.replace(frame, patient=attr)
    for comp in head.children:
        if comp.dep_ != "ccomp" or comp.i < head.i or not (
                comp.tag_ in ("NNP", "NNPS") or lexicon.is_cue(comp.lower_, "anaphor_person")) \
                or any(c.dep_ in ("aux", "auxpass", "cop", "mark") for c in comp.children):
            continue
        subject = next((c for c in comp.children if c.dep_ == "nsubj" and c.i < comp.i), None)
        if subject is not None and subject.i > head.i:
            return dataclasses.replace(frame, patient=subject)
    return frame


def _governed_by(tok: Token, head: Token) -> bool:
    """True when ``head`` is an ancestor of ``tok`` with no other verb between them."""
    for anc in tok.ancestors:
        if anc.i == head.i:
            return True
        if coarse(anc) == "VERB":
            return False
    return False


def _of_agent(frame: Frame, rule: TriggerRule, finder: ActorFinder) -> Frame:
    """For a noun trigger of an ``_OF_AGENT`` type whose "of" phrase names an actor, not a
    place ("the invasion of the Mongols", "the raids of the Jin army on Taiyuan"): that phrase
    is the agent, and the object of "on"/"against", if any, the patient; "the attack of
    Taiyuan" (a place) stays the patient. Any other frame is returned unchanged."""
    of_obj = frame.patient
    if rule.event_type not in _OF_AGENT or coarse(frame.head) != "NOUN" \
            or frame.agent is not None or of_obj is None or of_obj.dep_ != "pobj" \
            or of_obj.head.lower_ != "of" or finder.place(of_obj) is not None \
            or (finder.actor(of_obj) is None and not finder.anaphor_kind(of_obj)
                and finder.proper_noun(of_obj) is None):  # "raids of the Nienfei"
        return frame
    target = next(iter(prep_objects(frame.head, frozenset({"on", "against", "upon"}))), None)
    return dataclasses.replace(frame, agent=of_obj, patient=target)


def _at_onset(head: Token, ctx: Context) -> bool:
    """True when the noun ``head`` is the subject or object of a verb of the cue kind
    ``onset`` ("the war with Japan broke out", "occurred the war with Japan", "began the war")."""
    return head.dep_ in _ARGUMENT and ctx.lexicon.cue(head.head.lower_) == "onset"


def _in_date(ctx: Context, tok: Token | None, base: int) -> bool:
    """True when ``tok`` (a token of a sentence Doc starting at ``base`` in the full text)
    lies inside a date phrase ("the treaty of 198 BC": "BC" is no party)."""
    if tok is None:
        return False
    at = base + tok.idx
    i = bisect.bisect_right(ctx.date_starts, at) - 1
    return i >= 0 and at < ctx.dates[i].end


def _without_dates(frame: Frame, ctx: Context, base: int) -> Frame:
    """``frame`` with a patient inside a date phrase dropped (an agent there is kept: it
    stands for an unread subject, and dropping it would let a nearer name in)."""
    if not _in_date(ctx, frame.patient, base):
        return frame
    return dataclasses.replace(frame, patient=None)


def _off_heading(frame: Frame, local: Span) -> tuple[Frame, int]:
    """``(frame, start)``: when the frame's agent lies on a heading line the trigger's
    sentence ran on from ("Conquest of Chen\nIn 587 Emperor Wen abolished Western Liang":
    "Conquest" parsed as the subject), the frame without that agent and the index, in the
    parsed sentence, of the first token of the trigger's line (where a nearest actor may be
    looked for); else ``(frame, 0)``. A heading line: at most :data:`_HEADING_WORDS` words,
    not ending in punctuation, opening the sentence; the trigger's line opens with a
    capital letter."""
    agent = frame.agent
    doc = local.doc
    if agent is None or agent.i >= local.start:
        return frame, 0
    breaks = [t.i for t in doc[:local.start] if t.is_space and "\n" in t.text]
    if not breaks or agent.i > breaks[-1]:
        return frame, 0
    nl = breaks[-1]
    before = [b for b in breaks if b < agent.i]
    lo = before[-1] + 1 if before else 0
    line = [t for t in doc[lo:nl] if not t.is_space]
    first = next((t for t in doc[nl + 1:local.start + 1] if not t.is_space), None)
    if lo != 0 or not line or len(line) > _HEADING_WORDS or line[-1].text in _SENTENCE_END \
            or first is None or not first.text[:1].isupper():
        return frame, 0
    return dataclasses.replace(frame, agent=None), nl + 1
