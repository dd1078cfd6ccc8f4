"""Who did what to whom, read from a dependency parse (spaCy's English labels, ClearNLP style).

:func:`read_frame` takes the parsed tokens of one trigger and returns a :class:`Frame`: the
token heading the agent (actor1) and the patient (actor2), the prepositional arguments that may
name the place, origin and destination, and the modality of the clause. Tokens, not entities:
:mod:`pipeline.events.actors` maps them to entity rows. Rules:

* active verb: agent = ``nsubj``, patient = ``dobj`` (not a word of the form itself when the
  form ends in a preposition: "declared war on X") or the object of a preposition in the
  trigger form ("surrendered to X"), or of "against"; passive (``auxpass``/``nsubjpass``, or a
  past participle modifying a noun, "the force led by X"): agent = the ``agent`` ("by") phrase,
  patient = the subject (or the modified noun);
* a rule with ``subject_role=patient`` ("Kaifeng fell to the Jin") swaps: the subject is the
  patient, the object of "to" the agent;
* a verb without its own subject takes it from the verb it hangs on: a coordinated verb from
  the first conjunct (a participle conjunct of a passive is passive unless it has a direct
  object: "X was sent against Y and besieged Z": X besieged Z), an infinitive from the
  governing verb ("X led his army to attack Y": X),
  or from that verb's object when it is an ``order`` cue ("X ordered Y to attack Z": Y); a
  participle after a comma that the parse hung on the
  object before it, with an object of its own, from the clause's verb ("punished officials,
  dredged and built channels"); never across a semicolon; a
  relative clause from the noun it modifies; "had X put to death": the subject before "had";
* a noun trigger ("the fall of Kaifeng", "the death of X"): the "of" phrase is the patient
  (or the subject of an intransitive event: "X suppressed the rebellion of Y": Y rebels), a
  possessive or "by" phrase the agent; an intransitive noun with neither takes the entity its
  own phrase names ("the rebellion led by Y", "the Jurchen rebellion");
* a noun trigger that is the object of an ``order`` verb ("ordered the execution of X") takes
  that verb's subject as its agent (:func:`ordering_agent`);
* a present participle modifying a noun ("the attacking tools") asserts no event;
* modality: climbing from the trigger through complement links (xcomp, acl, advcl, pcomp,
  prep/pobj, acomp), a governing ``irrealis`` cue ("wanted to", "in an attempt to", "plan
  of"), a ``negation`` child ("not", "never"), a ``modal`` auxiliary ("must"), a
  ``near_miss`` adverb ("almost executed") or an ``avoidance`` verb ("escaped being
  captured") means no event; a ``failure`` cue ("failed to take", "attempted to ... but
  failed") means ``status=failed`` (:mod:`pipeline.events.modality`).

Modules: :mod:`pipeline.events.syntax` (parse helpers), :mod:`pipeline.events.subjects` (whose
subject a verb has: :func:`controller`, passives, orderers), :mod:`pipeline.events.modality`
(:func:`modality`, :func:`tense`); this module builds the :class:`Frame`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.events.asides import mend_asides
from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.modality import modality, tense
from pipeline.events.motion import unfit_motion
from pipeline.events.objects import raised_object
from pipeline.events.passives import gapped_passive, passive_conjunct, reduced_passive
from pipeline.events.subjects import (
    causative_patient,
    controller,
    is_passive,
    ordering_agent,
    ordering_verb,
    relative_antecedent,
)
from pipeline.events.syntax import (
    OBJ,
    SUBJ,
    SUBJ_PASS,
    children,
    coarse,
    pobj,
    prep_objects,
    trigger_head,
)

__all__ = ["Frame", "coarse", "event_noun", "modality", "nominal_anchored", "ordering_agent",
           "ordering_verb", "read_frame", "tense", "trigger_head"]

_LOCATION = frozenset({"at", "in", "on", "near", "outside", "inside", "within", "around", "off",
                       "beyond", "under", "before", "along", "across"})
_ORIGIN = frozenset({"from"})
_DESTINATION = frozenset({"to", "toward", "towards", "into"})
_ANCHOR_PREPS = frozenset({"into", "in", "to", "from", "through", "against", "by", "with"})


@dataclass(frozen=True)
class Frame:
    """The arguments of one trigger (tokens of the parsed sentence, or None).

    ``places``: candidate location tokens in order of preference (objects of at/in/on ...);
    ``origins``/``destinations``: objects of from / to, toward, into. ``status``: ``asserted``,
    ``failed`` or ``none`` (the clause asserts no event: irrealis, negated or modal).
    """

    head: Token
    agent: Token | None
    patient: Token | None
    passive: bool
    places: tuple[Token, ...] = ()
    origins: tuple[Token, ...] = ()
    destinations: tuple[Token, ...] = ()
    status: str = "asserted"


def _arguments_preps(head: Token, args: list[Token | None], words: frozenset[str],
                     skip: Token | None) -> tuple[Token, ...]:
    """Objects of ``words`` prepositions on the trigger, then inside its arguments' phrases
    ("defeated by ... Liu Qi in Shunchang")."""
    found = prep_objects(head, words, skip)
    for arg in args:
        if arg is None:
            continue
        for tok in arg.subtree:
            if tok.dep_ == "prep" and tok.lower_ in words and (skip is None or tok.i != skip.i):
                obj = pobj(tok)
                if obj is not None and all(f.i != obj.i for f in found):
                    found.append(obj)
    return tuple(found)


def nominal_anchored(frame: Frame, span: Span,
                     entity_at: Callable[[Token], object | None]) -> bool:
    """False for a noun trigger with no argument in the sentence: no agent or patient (a
    possessor, an "of"/"by" phrase, a place), no entity or proper noun among its modifiers
    ("the Mongol invasion"), and not the subject or object of a verb ("the final assault
    came", "endured encirclement"): "upon victory", "a calculated move to ensure discipline"
    are no events.
    A verb trigger, or one with a verb in it ("laid siege to", misparsed as a noun), is always
    anchored (its subject may be elided or anaphoric). A noun that is the object of a
    directional, locative or instrumental preposition on a verb is anchored ("ran into an
    ambush", "defeated by a fire attack")."""
    head = frame.head
    if coarse(head) != "NOUN" or any(coarse(t) == "VERB" for t in span):
        return True
    agent = frame.agent if frame.agent is not None and frame.agent.i != head.i else None
    if agent is not None or frame.patient is not None or frame.places:
        return True  # an argument, or a place ("a naval battle off Chenjia Island")
    if any(c.dep_ in ("compound", "amod", "nmod", "poss") and (
            entity_at(c) is not None or c.tag_.startswith("NNP")) for c in head.children):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in _ANCHOR_PREPS:
        return coarse(head.head.head) == "VERB"
    return head.dep_ in ("nsubj", "nsubjpass", "dobj", "obj") and coarse(head.head) == "VERB"


def _verb_with_object(head: Token) -> None:
    """Mend a verb the tagger read as a noun: a head tagged ``NN`` with a direct object and no
    determiner is a verb ("Yue Fei retook Jiankang": a form the small model does not know),
    so it is retagged ``VBD`` and its last proper-noun compound before it, which the parse
    made a modifier of the "noun", becomes its subject. Changes the parsed sentence Doc."""
    if not head.tag_.startswith("NN") or head.tag_.startswith("NNP") \
            or not any(c.dep_ in OBJ for c in head.children) \
            or any(c.dep_ in ("det", "poss") for c in head.children):
        return
    head.tag_ = "VBD"
    left = [c for c in head.children if c.i < head.i and c.dep_ == "compound"
            and c.tag_.startswith("NNP")]
    if left and not any(c.dep_ in SUBJ for c in head.children):
        left[-1].dep_ = "nsubj"


def one_of_several(agent: Token | None) -> bool:
    """True when the subject ``agent`` is one of coordinated subjects ("X and Y fought",
    "X fought with Y": neither side alone acts) or there is none; False for one subject."""
    if agent is None:
        return True
    heads = {agent.i} | {c.i for c in agent.children if c.dep_ == "appos"}
    if agent.dep_ == "conj" or any(t.dep_ == "conj" and t.head.i in heads
                                   for t in agent.subtree):
        return True  # ("The Tanguts, the Uyghurs and the Khitan": an apposition's list)
    return any(t.lower_ == "with" for t in agent.head.children if t.dep_ == "prep")


def _fighter(head: Token, lexicon: EventLexicon) -> Token | None:
    """The subject of the verb the noun ``head`` ("a battle against Y") hangs on through
    "in" or "during" ("Li Jiqian was wounded and died in a battle against Pan Luozhi": Li
    Jiqian fought it), or None. Only for a noun with an "against" target: the one who dies in
    it or is wounded in it is its other side."""
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ not in ("in", "during") or coarse(prep.head) != "VERB":
        return None
    return controller(prep.head, lexicon)


#: How far (tokens) a list item may stand after its list opener ("such as", "including").
_LIST_REACH = 60


def listed_under(head: Token, lexicon: EventLexicon) -> Token | None:
    """The umbrella noun whose list the noun ``head`` is an item of: the noun before a
    ``list_opener`` cue of ``event_cues.csv`` earlier in ``head``'s sentence, with only a
    comma between ("made many reformations, such as: establishment of provinces; unification
    of the units": reformations, for both items), when no full stop and no other verb's
    subject outside brackets lies between the opener and ``head``; else None. An item shares
    the umbrella's agent (the subject of a ``support`` verb it is the object of,
    :func:`read_frame`); text order, not the parse, decides (the parse hangs list items
    anywhere)."""
    doc = head.doc
    openers = sorted((tuple(c.split()) for c, k in lexicon.cues.items()
                      if k == "list_opener"), key=len, reverse=True)
    words = [t.lower_ for t in doc]
    lo = max(head.sent.start, head.i - _LIST_REACH)
    depth = 0  # inside brackets: an aside ("(at that time, the country had 31 provinces)")
    for at in range(head.i - 1, lo - 1, -1):
        depth += {")": 1, "(": -1}.get(doc[at].text, 0)
        if doc[at].text in (".", "!", "?") or (doc[at].dep_ in SUBJ and depth <= 0):
            return None
        op = next((o for o in openers if tuple(words[at:at + len(o)]) == o
                   and at + len(o) <= head.i), None)
        if op is None:
            continue
        before = at - 1
        while before >= lo and doc[before].text == ",":
            before -= 1
        umbrella = doc[before] if before >= lo else None
        return umbrella if umbrella is not None and coarse(umbrella) == "NOUN" else None
    return None


_MENDED = "chronicle_asides_mended"  # Doc.user_data key: mend_asides ran on this Doc


def read_frame(span: Span, rule: TriggerRule | None, lexicon: EventLexicon,
               takes_object: bool = True) -> Frame:
    """The frame of the trigger ``span`` (a span of a parsed Doc). ``rule`` may be None when the
    rule depends on the object's label (the frame is read first, the rule chosen after)."""
    if not span.doc.user_data.get(_MENDED):  # once per parsed sentence: idempotent, and
        mend_asides(span.doc)  # "X, claiming that ..., killed him": "killed" is the main verb
        span.doc.user_data[_MENDED] = True
    head = trigger_head(span)
    _verb_with_object(head)
    inverse = rule is not None and rule.subject_role == "patient"
    form_prep = span[-1] if span[-1].dep_ in ("prep", "dative") and len(span) > 1 else None
    status = "none" if unfit_motion(head, rule, lexicon) or (
        head.tag_ == "VBG" and head.dep_ == "amod") else modality(head, lexicon)
    # ("burned the attacking tools", "the besieging army": a participle describing a noun)
    agent: Token | None
    patient: Token | None
    form_obj: Token | None = None
    if coarse(head) in ("NOUN", "PROPN") and head.dep_ not in ("ROOT",) and not children(
            head, SUBJ):
        of = form_prep if form_prep is not None and form_prep.lower_ == "of" else None
        of_obj = pobj(of) if of is not None else next(iter(prep_objects(
            head, frozenset({"of", "on", "against"}))), None)
        by = next(iter(prep_objects(head, frozenset({"by"}))), None)
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        obj_of = head.head if head.dep_ == "compound" and head.head.dep_ in OBJ else head
        # ("took reform measures": the trigger modifies the object of the support verb)
        if by is None and poss is None and obj_of.dep_ not in OBJ:
            obj_of = listed_under(head, lexicon) or obj_of  # "made reforms, such as: X"
        support = obj_of.head if obj_of.dep_ in OBJ and coarse(obj_of.head) == "VERB" \
            and lexicon.cue(obj_of.head.lower_) == "support" else None
        if support is not None and by is None and poss is None:
            by = controller(support, lexicon)  # "he effected the recovery of X": he
        if takes_object or inverse:
            agent, patient = by or poss, of_obj
            if inverse:
                agent = agent or next(iter(prep_objects(head, frozenset({"to"}))), None)
        else:
            # "the rebellion of Y", "Y's rebellion", "Y launched a rebellion", else the noun's
            # own phrase ("the rebellion led by Y", "the Jurchen rebellion": its modifiers
            # name the agent); "a rebellion against X": X is its target, not its agent
            against = next(iter(prep_objects(head, frozenset({"against"}))), None)
            if of_obj is not None and against is not None and of_obj.i == against.i:
                of_obj = None
            agent, patient = of_obj or poss or by or head, against
        if (agent is None or agent.i == head.i) and patient is not None \
                and patient.head.lower_ == "against":
            agent = _fighter(head, lexicon) or agent  # "X died in a battle against Y": X
        passive = False
    else:
        passive = is_passive(head)
        subject = controller(head, lexicon)
        obj = next(iter(children(head, OBJ)), None)
        if obj is None and not passive:
            obj = raised_object(head)  # "sank or captured most of the boats"
        obj = relative_antecedent(obj, head)
        if not passive and reduced_passive(head, rule, obj):
            passive = True  # "who was given the command, later promoted to governor"
        elif not passive and (passive_conjunct(head, rule, obj)
                              or gapped_passive(head, rule, obj, lexicon)):
            passive = True  # "he was condemned and beheaded": the tagger's VBD
        prep_obj = pobj(form_prep) if form_prep is not None else None
        if obj is not None and span.start <= obj.i < span.end and prep_obj is not None:
            form_obj, obj = obj, None  # a word of the form: "declared war on X"
        if obj is None and prep_obj is None:
            prep_obj = next(iter(prep_objects(head, frozenset({"against"}))), None)
        by = _named_by(prep_objects(head, frozenset({"by"})))
        if by is None and passive:
            by = _stray_agent(head)  # "founded around the year of X by Y": Y
        caused = causative_patient(head)
        if inverse:
            agent, patient = prep_obj or by, subject
        elif caused is not None:
            agent, patient = subject, caused
        elif passive:
            agent, patient = by, subject
        else:
            agent, patient = subject, obj or prep_obj
        if not takes_object and not passive:
            patient = patient if _against(patient) else None  # "rebelled against X": X is
            # the target
        elif not takes_object:
            agent, patient = subject, None  # "was born": the subject is the actor
            # no subject parsed ("X, Taizu of Jin, was born" read as a conjunct of the date
            # before it): the one it happened to is named before it, as for an active verb
            passive = subject is not None or any(children(t, SUBJ | SUBJ_PASS) for t in span)
    skip = form_prep
    args = [agent, patient, form_obj]  # "launched a coup in Luoyang": the form's place
    places = _arguments_preps(head, args, _LOCATION, skip)
    form_place = pobj(form_prep) if form_prep is not None and form_prep.lower_ in _LOCATION \
        else None  # "landed at Canton", "arrived in Kaifeng": the form's own place
    if form_place is not None and form_place not in args:
        places = (form_place, *places)
    origins = tuple(prep_objects(head, _ORIGIN, skip))
    destinations = [*prep_objects(head, _DESTINATION, skip),
                    *(d for o in origins for h in (o, o.head)
                      for d in prep_objects(h, _DESTINATION))]
    # ("moved the capital from X to Y": the parse hangs "to" on X or on "from")
    return Frame(head, agent, patient, passive, places, origins, tuple(destinations), status)


def event_noun(tok: Token | None, lexicon: EventLexicon) -> bool:
    """True for a common noun that is itself an event trigger ("the death of X", "the attack
    on X"): the word, or the word and the preposition after it, is a trigger form."""
    if tok is None or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP"):
        return False
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return tok.lower_ in lexicon.forms or f"{tok.lower_} {nxt}" in lexicon.forms


def _named_by(objects: list[Token]) -> Token | None:
    """The agent among the objects of a verb's "by" phrases: the first whose phrase holds a
    proper noun ("was taken by assault by Chang Kwo-liang's troops": the troops, not the
    manner), else the first; None for none."""
    named = (o for o in objects if any(t.tag_.startswith("NNP") for t in o.subtree))
    return next(named, objects[0] if objects else None)


def _against(tok: Token | None) -> bool:
    """True for the object of "against" ("rebelled against the Qing")."""
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "against"


#: Prepositions of a time or place phrase on a passive verb that a "by" agent may be hung
#: inside by the parse ("founded around the seventeenth year of the Jiaqing reign by X").
_ADJUNCT_PREPS = frozenset({"around", "in", "during", "at", "on", "about", "after", "before"})


def _stray_agent(verb: Token) -> Token | None:
    """The proper-noun object of a "by" the parse hung inside a time or place phrase of the
    passive ``verb`` ("was founded around the seventeenth year of the Jiaqing reign (1812)
    by the cultivator Wei Aguai": the agent, not "the reign by X"), else None."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _ADJUNCT_PREPS:
            continue
        for tok in prep.subtree:
            if tok.lower_ == "by" and tok.dep_ == "prep" and coarse(tok.head) == "NOUN":
                obj = pobj(tok)
                if obj is not None and obj.tag_.startswith("NNP"):
                    return obj
    return None
