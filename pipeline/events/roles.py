"""Who did what to whom, read from a dependency parse (spaCy's English labels, ClearNLP style).

:func:`read_frame` takes the parsed tokens of one trigger and returns a :class:`Frame`: the
token heading the agent (actor1) and the patient (actor2), the prepositional arguments that may
name the place, origin and destination, and the modality of the clause. Tokens, not entities:
:mod:`pipeline.events.actors` maps them to entity rows. Rules:

* active verb: agent = ``nsubj``, patient = ``dobj`` (or the object of a preposition in the
  trigger form, "surrendered to X", or of "against"); passive (``auxpass``/``nsubjpass``, or a
  past participle modifying a noun, "the force led by X"): agent = the ``agent`` ("by") phrase,
  patient = the subject (or the modified noun);
* a rule with ``subject_role=patient`` ("Kaifeng fell to the Jin") swaps: the subject is the
  patient, the object of "to" the agent;
* a verb without its own subject takes it from the verb it hangs on: a coordinated verb from
  the first conjunct (a participle conjunct of a passive is passive unless it has a direct
  object: "X was sent against Y and besieged Z": X besieged Z), an infinitive from the
  governing verb ("X led his army to attack Y": X),
  or from that verb's object when it is an ``order`` cue ("X ordered Y to attack Z": Y); a
  relative clause from the noun it modifies; "had X put to death": the subject before "had";
* a noun trigger ("the fall of Kaifeng", "the death of X"): the "of" phrase is the patient
  (or the subject of an intransitive event: "X suppressed the rebellion of Y": Y rebels), a
  possessive or "by" phrase the agent; an intransitive noun with neither takes the entity its
  own phrase names ("the rebellion led by Y", "the Jurchen rebellion");
* a noun trigger that is the object of an ``order`` verb ("ordered the execution of X") takes
  that verb's subject as its agent (:func:`ordering_agent`);
* modality: climbing from the trigger through complement links (xcomp, acl, advcl, pcomp,
  prep/pobj, acomp), a governing ``irrealis`` cue ("wanted to", "in an attempt to", "plan
  of"), a ``negation`` child ("not", "never") or a ``modal`` auxiliary ("must") means no
  event; a ``failure`` cue ("failed to take", "attempted to ... but failed") means
  ``status=failed``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.events.lexicon import EventLexicon, TriggerRule

_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_SUBJ_PASS = frozenset({"nsubjpass", "csubjpass"})
_OBJ = frozenset({"dobj", "obj"})
_LOCATION = frozenset({"at", "in", "on", "near", "outside", "inside", "within", "around", "off",
                       "beyond", "under", "before", "along", "across"})
_ORIGIN = frozenset({"from"})
_DESTINATION = frozenset({"to", "toward", "towards", "into"})
_CLIMB = frozenset({"xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "prep", "acomp", "relcl",
                    "dobj", "attr", "oprd"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_CAUSATIVE = frozenset({"have", "had", "has", "having", "get", "got", "make", "made"})
_MAX_CLIMB = 6
_CONTRAST = frozenset({"but", "yet"})
_ANCHOR_PREPS = frozenset({"into", "in", "to", "from", "through", "against", "by", "with"})
_ADJUNCT = frozenset({"prep", "pcomp", "advcl"})
_COPULA = frozenset({"be", "is", "was", "were", "are", "been"})
_COARSE = (("NNP", "PROPN"), ("NN", "NOUN"), ("VB", "VERB"), ("MD", "VERB"), ("JJ", "ADJ"),
           ("PRP", "PRON"), ("WP", "PRON"))


def coarse(tok: Token) -> str:
    """NOUN, PROPN, VERB (incl. auxiliaries and modals), ADJ, PRON or "" from the Penn tag
    (the tagger runs on trigger sentences; the attribute ruler that sets ``pos_`` does not)."""
    tag = tok.tag_
    return next((label for prefix, label in _COARSE if tag.startswith(prefix)), "")


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


def trigger_head(span: Span) -> Token:
    """The token of ``span`` whose head lies outside it (the first such; the span's first
    token if the parse makes none)."""
    for tok in span:
        if tok.head.i < span.start or tok.head.i >= span.end or tok.head.i == tok.i:
            return tok
    return span[0]


def _children(tok: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # "the main force led by X"
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not _children(verb, _SUBJ | _SUBJ_PASS):
        # "was defeated and captured": passive too; but a conjunct with a direct object is
        # active ("X was sent against Y and besieged Z": X besieged Z; the tagger's VBN)
        return _is_passive(verb.head) and not any(c.dep_ == "aux" for c in verb.children) \
            and not _children(verb, _OBJ)
    return False


def _appositive_head(tok: Token) -> Token:
    """The noun an apposition stands beside ("Zhao Huan, Emperor Qinzong, who fled": the
    relative clause hangs on "Qinzong"; the actor is the whole "Zhao Huan, Emperor Qinzong")."""
    steps = 0
    while tok.dep_ == "appos" and tok.head.i != tok.i and steps < 4:
        tok, steps = tok.head, steps + 1
    return tok


def _controller(verb: Token, lexicon: EventLexicon, depth: int = 0) -> Token | None:
    """The grammatical subject of ``verb``: its own, or the one it shares or inherits."""
    own = _children(verb, _SUBJ | _SUBJ_PASS)
    caus = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _CAUSATIVE), None)
    if caus is not None and len(own) >= 2:  # "Qin Hui had Yue Fei put to death"
        return next((s for s in own if s.i < caus.i), own[0])
    if own:
        subj = own[0]
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return _appositive_head(verb.head)
        return subj
    if depth >= _MAX_CLIMB or verb.head.i == verb.i:
        return None
    gov = verb.head
    if verb.dep_ in ("relcl", "acl") and coarse(gov) in ("NOUN", "PROPN", "PRON"):
        if verb.dep_ == "acl" and verb.tag_ == "TO":
            pass
        elif verb.dep_ == "relcl" or verb.tag_ in ("VBN", "VBG"):
            return _appositive_head(gov)
    if verb.dep_ in ("xcomp", "ccomp") and gov.lower_ in _CAUSATIVE:
        return _controller(gov, lexicon, depth + 1)  # "had him executed": subject of "had"
    if verb.dep_ in ("xcomp", "advcl", "acl") and lexicon.cue(gov.lower_) == "order":
        obj = next(iter(_children(gov, _OBJ)), None)
        if obj is not None and (obj.tag_.startswith("NNP") or obj.tag_ == "PRP"
                                or lexicon.cue(obj.lower_) == "anaphor_person" or any(
                c.dep_ in ("appos", "compound") and c.tag_.startswith("NNP")
                for c in obj.children)):
            return obj  # "ordered Meng Gong to attack"; not "sent troops to attack"
    return _controller(gov, lexicon, depth + 1)


def _causative_patient(verb: Token) -> Token | None:
    """The second subject of "X had Y put to death", or the object of "had" ("had him
    executed")."""
    own = _children(verb, _SUBJ | _SUBJ_PASS)
    caus = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _CAUSATIVE), None)
    if caus is not None and len(own) >= 2:
        return next((s for s in own if s.i > caus.i), None)
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lower_ in _CAUSATIVE:
        obj = next(iter(_children(verb.head, _OBJ)), None)
        return obj or next(iter(_children(verb, _SUBJ | _SUBJ_PASS)), None)
    return None


def _prep_objects(tok: Token, words: frozenset[str], skip: Token | None = None) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words \
                and (skip is None or c.i != skip.i):
            obj = _pobj(c)
            if obj is not None:
                out.append(obj)
    return out


def _arguments_preps(head: Token, args: list[Token | None], words: frozenset[str],
                     skip: Token | None) -> tuple[Token, ...]:
    """Objects of ``words`` prepositions on the trigger, then inside its arguments' phrases
    ("defeated by ... Liu Qi in Shunchang")."""
    found = _prep_objects(head, words, skip)
    for arg in args:
        if arg is None:
            continue
        for tok in arg.subtree:
            if tok.dep_ == "prep" and tok.lower_ in words and (skip is None or tok.i != skip.i):
                obj = _pobj(tok)
                if obj is not None and all(f.i != obj.i for f in found):
                    found.append(obj)
    return tuple(found)


def _purpose(verb: Token) -> bool:
    """A purpose infinitive ("led his army to attack Y"): an adverbial clause in the bare
    form with its own "to"."""
    return verb.dep_ == "advcl" and verb.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


_PRESENT_AUX = frozenset({"is", "are", "am"})


def tense(head: Token) -> str:
    """``present``, ``imperative`` or "" (past, or not told) for a verb trigger's clause.

    ``present``: the verb (or its first conjunct) is tagged ``VBZ``/``VBP`` ("the city lies",
    "X attacks"), or it is a participle whose auxiliary is "is"/"are" ("X is known as");
    ``imperative``: a base-form verb heading its sentence with no subject, auxiliary or
    infinitive marker ("move to sidebar", web-page debris). Nouns give ""."""
    verb = head
    while verb.dep_ == "conj" and verb.head.i != verb.i and coarse(verb) == "VERB":
        if any(c.dep_ in _SUBJ or c.dep_ in _SUBJ_PASS for c in verb.children):
            break  # a conjunct with its own subject keeps its own tense
        verb = verb.head
    if coarse(verb) != "VERB":
        return ""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        return "present"
    if verb.tag_ in ("VBN", "VBG") and auxes and all(a.lower_ in _PRESENT_AUX for a in auxes):
        return "present"
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and not auxes and not any(
            c.dep_ in _SUBJ or c.dep_ in _SUBJ_PASS for c in verb.children):
        return "imperative"
    return ""


def modality(head: Token, lexicon: EventLexicon) -> str:
    """``asserted``, ``failed`` or ``none`` for the clause of ``head`` (see the module doc)."""
    status = "asserted"
    cur = head
    for step in range(_MAX_CLIMB):
        kids = list(cur.children)
        if any(c.dep_ == "neg" for c in kids) and (step == 0 or coarse(cur) in ("VERB", "ADJ")):
            return "none"
        if any(c.dep_ == "aux" and lexicon.cue(c.lower_) == "modal" for c in kids):
            return "none"
        if any(c.dep_ == "mark" and lexicon.cue(c.lower_) == "irrealis" for c in kids):
            return "none"  # "if the Jin captured Kaifeng"
        if step > 0 and any(c.dep_ == "conj" and lexicon.cue(c.lower_) == "failure"
                            for c in kids):
            status = "failed"  # "he sent troops to recover X, but failed"
        if step > 0 and any(c.dep_ == "cc" and c.lower_ in _CONTRAST for c in kids) and any(
                c.dep_ == "conj" and lexicon.cue(c.lower_) == "negation" for c in kids):
            return "none"  # "ordered Yue Fei to attack Kaifeng, but Yue Fei refused"
        if step > 0:
            kind = lexicon.cue(cur.lower_)
            if not kind and cur.lower_ in _COPULA:  # "his intention was to attack"
                subj = next(iter(_children(cur, _SUBJ)), None)
                kind = lexicon.cue(subj.lower_) if subj is not None else ""
            if kind == "failure":
                status = "failed"
            elif kind in ("irrealis", "negation"):
                failed = any(c.dep_ in ("conj", "advcl", "xcomp") and
                             lexicon.cue(c.lower_) == "failure" for c in kids)
                return "failed" if failed else "none"
        if cur.dep_ == "conj":
            cur = cur.head  # share the first conjunct's governor, not its own meaning
            while cur.dep_ == "conj":
                cur = cur.head
            if cur.dep_ not in _CLIMB:
                break
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            break
        if cur.dep_ in _ADJUNCT and coarse(cur.head) == "VERB":
            if any(c.dep_ == "conj" and lexicon.cue(c.lower_) == "failure"
                   for c in cur.head.children):
                status = "failed"  # "sent troops to recover X, but failed"
            if not _purpose(cur):
                break  # "after conquering Luzhou, he wanted to ...": the adjunct is asserted
            # "suggested that the emperor lead an expedition to repel the Mongols": a purpose
            # infinitive is as asserted as the verb it serves: climb on
        cur = cur.head
    return status


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
            or not any(c.dep_ in _OBJ for c in head.children) \
            or any(c.dep_ in ("det", "poss") for c in head.children):
        return
    head.tag_ = "VBD"
    left = [c for c in head.children if c.i < head.i and c.dep_ == "compound"
            and c.tag_.startswith("NNP")]
    if left and not any(c.dep_ in _SUBJ for c in head.children):
        left[-1].dep_ = "nsubj"


def read_frame(span: Span, rule: TriggerRule | None, lexicon: EventLexicon,
               takes_object: bool = True) -> Frame:
    """The frame of the trigger ``span`` (a span of a parsed Doc). ``rule`` may be None when the
    rule depends on the object's label (the frame is read first, the rule chosen after)."""
    head = trigger_head(span)
    _verb_with_object(head)
    inverse = rule is not None and rule.subject_role == "patient"
    form_prep = span[-1] if span[-1].dep_ in ("prep", "dative") and len(span) > 1 else None
    status = modality(head, lexicon)
    agent: Token | None
    patient: Token | None
    if coarse(head) in ("NOUN", "PROPN") and head.dep_ not in ("ROOT",) and not _children(
            head, _SUBJ):
        of = form_prep if form_prep is not None and form_prep.lower_ == "of" else None
        of_obj = _pobj(of) if of is not None else next(iter(_prep_objects(
            head, frozenset({"of", "on", "against"}))), None)
        by = next(iter(_prep_objects(head, frozenset({"by"}))), None)
        poss = next((c for c in head.children if c.dep_ == "poss"), None)
        if takes_object or inverse:
            agent, patient = by or poss, of_obj
            if inverse:
                agent = agent or next(iter(_prep_objects(head, frozenset({"to"}))), None)
        else:
            # "the rebellion of Y", "Y's rebellion", else the noun's own phrase ("the rebellion
            # led by Y", "the Jurchen rebellion": its modifiers name the agent)
            agent, patient = of_obj or poss or head, None
        passive = False
    else:
        passive = _is_passive(head)
        subject = _controller(head, lexicon)
        obj = next(iter(_children(head, _OBJ)), None)
        prep_obj = _pobj(form_prep) if form_prep is not None else None
        if obj is None and prep_obj is None:
            prep_obj = next(iter(_prep_objects(head, frozenset({"against"}))), None)
        by = next(iter(_prep_objects(head, frozenset({"by"}))), None)
        caused = _causative_patient(head)
        if inverse:
            agent, patient = prep_obj or by, subject
        elif caused is not None:
            agent, patient = subject, caused
        elif passive:
            agent, patient = by, subject
        else:
            agent, patient = subject, obj or prep_obj
        if not takes_object and not passive:
            patient = None
        elif not takes_object:
            agent, patient = subject, None  # "was born": the subject is the actor
    skip = form_prep
    args = [agent, patient]
    places = _arguments_preps(head, args, _LOCATION, skip)
    form_place = _pobj(form_prep) if form_prep is not None and form_prep.lower_ in _LOCATION \
        else None  # "landed at Canton", "arrived in Kaifeng": the form's own place
    if form_place is not None and form_place not in args:
        places = (form_place, *places)
    return Frame(head, agent, patient, passive, places,
                 tuple(_prep_objects(head, _ORIGIN, skip)),
                 tuple(_prep_objects(head, _DESTINATION, skip)), status)


def event_noun(tok: Token | None, lexicon: EventLexicon) -> bool:
    """True for a common noun that is itself an event trigger ("the death of X", "the attack
    on X"): the word, or the word and the preposition after it, is a trigger form."""
    if tok is None or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP"):
        return False
    nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    return tok.lower_ in lexicon.forms or f"{tok.lower_} {nxt}" in lexicon.forms


def ordering_verb(head: Token, lexicon: EventLexicon) -> Token | None:
    """The ``order`` cue verb whose direct object is the noun trigger ``head`` ("ordered the
    death of Yang Guifei", "ordered the execution of X"), or None."""
    if head.dep_ in _OBJ and coarse(head) == "NOUN" and lexicon.cue(head.head.lower_) == "order" \
            and coarse(head.head) == "VERB":
        return head.head
    return None


def ordering_agent(head: Token, lexicon: EventLexicon) -> Token | None:
    """The subject of the ``order`` verb of :func:`ordering_verb` (the one who orders the
    event: "forced the emperor to order the death of X": the emperor), or None."""
    verb = ordering_verb(head, lexicon)
    return _controller(verb, lexicon) if verb is not None else None
