"""What a trigger's clause asserts: ``tense`` (present, imperative or past; computed in
:mod:`pipeline.events.tense`, re-exported here) and ``modality``
(asserted, failed or none), read by climbing the dependency parse from the trigger through
complement links to governing cue words (``gazetteer/event_cues.csv``).

No event (``none``): a governing ``irrealis`` cue ("wanted to") or ``attempt`` cue ("in an
attempt to", "tried to"), a
``negation`` (a "not" child, "refused to"), a ``modal`` auxiliary ("must"), a ``near_miss``
adverb on the trigger or a verb above it ("was almost executed", "nearly killed"), an
``avoidance`` verb whose complement the trigger is ("escaped being captured", "avoided
capture"; not "escaped from the siege": a preposition is no complement), a ``request`` verb
whose complement the trigger is ("demanded the surrender of X", "begs that a province be
established", "urged him to attack"), a ``claim`` verb whose clause it is ("claiming that he
had been ordered to ..."), a ``pretense`` verb or modifier ("feigned surrender", "pretended to
retreat", "a feigned retreat"), or a bare trigger adjective or noun that only qualifies another
noun ("the rebel king Xin", "the rebel chief Yakub Beg", "the siege engines"; not a
participle: "the captured emperor"), a stated purpose (``purpose`` cues: an infinitive after
"in order"/"so as", "marched north in order to subdue X"; an event noun in the "for" phrase of a
verb of setting out, "set out for the conquest of X", "raised an army for the recovery of X";
not "was rewarded for the capture of X", nor the bare purpose infinitive "led his army to
attack Y", which the issue's convention counts as done), a habit (``habitual`` cues: "used to
raid the border", an adverb "usually", "customarily"
on the trigger or a verb above it; not "used fire to attack": "used" with an object).
States, denials and prophecies: a ``copular`` verb with an adjective or a ``condition`` subject
("fell sick", "a plague fell"), a ``weather`` noun ("sank in a storm"), a passive ``causative``
with an infinitive ("was made to guide them"), a ``negative_determiner`` participant ("no one
could flee", "made no attempt to", "took no steps to"), a subject denied by a copula ("escape
was impossible"), a ``substitution`` ("instead of marching"), a ``hypothetical`` auxiliary in
a reported or result clause ("foretold that he would die", "so that no one could flee") or
in the main clause of an "if" clause ("X would flee if Y attacked").
Nature as the doer, generic subjects and "was to be" passives, "rather than" verbs, "escaped
with" a penalty and agent nouns: :mod:`pipeline.events.unreal`.
A recurrence on the trigger or a verb above it ("raided the border every autumn", "was fought
over again and again": :func:`pipeline.events.habits.recurring`), the "for" phrase of a
``request`` verb ("asked for his execution") and a noun that a passive ``irrealis`` verb was
about ("an invasion was planned", "ordered a third invasion to be prepared") are no event
either.
A trigger verb done to an ``abstract_object`` of ``gazetteer/modality_cues.csv`` ("broke the
promise", "recovered his strength") is a figure of speech, no event.
A name given by a ``naming`` verb ("also known as the X uprising") and the "of"/"about"
complement of a ``wish`` or ``irrealis`` verb ("began to think of deposing the Emperor") are
no event either.
``failed``: a ``failure`` cue
("failed to take", "attempted to ... but failed"), or an attempt beaten off ("made an attempt
to recover Ningpo, but were repulsed"), or an act undone by a contrasted ``rescue`` conjunct
("hanged himself but was saved")."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.aims import aim as _aim
from pipeline.events.aims import indirect_question as _indirect_question
from pipeline.events.aims import planned as _planned
from pipeline.events.aims import purpose_infinitive as _purpose
from pipeline.events.aims import stated_purpose as _stated_purpose
from pipeline.events.habits import load_modality_cues, recurring, standing_charge
from pipeline.events.lexicon import EventLexicon
from pipeline.events.subjects import is_passive
from pipeline.events.syntax import MAX_CLIMB, OBJ, SUBJ, SUBJ_PASS, children, coarse
from pipeline.events.tense import finite_present, tense, timeline_line
from pipeline.events.unreal import unreal

__all__ = ["finite_present", "modality", "tense", "timeline_line"]

_CLIMB = frozenset({"xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "prep", "acomp", "relcl",
                    "dobj", "attr", "oprd"})
_CONTRAST = frozenset({"but", "yet"})
_ADJUNCT = frozenset({"prep", "pcomp", "advcl"})
_COPULA = frozenset({"be", "is", "was", "were", "are", "been"})
#: Links from a verb to what it says happened or not ("escaped [being captured]").
_COMPLEMENT = frozenset({"xcomp", "ccomp", "pcomp", "dobj"})
#: Links from a verb of saying to the clause it reports ("claimed [that he had been ordered]").
_CLAUSE = frozenset({"xcomp", "ccomp"})
#: Labels of a word that qualifies a noun ("the [rebel] king", "[siege] engines").
_NOUN_MODIFIER = frozenset({"amod", "compound", "nmod"})
#: Labels of a word qualifying the trigger itself ("a feigned retreat", "a sham surrender").
_MODIFIER = frozenset({"amod", "advmod", "compound", "nmod"})


def _qualifier(head: Token) -> bool:
    """A bare trigger word qualifying a noun: an adjective ("the rebel king Xin") or a noun
    inside a determined noun phrase ("the siege engines"). Not one with words of its own
    ("Shi Heng attack Wala army", "big defeat Ming army": garbled verbs read as nouns) nor
    a participle ("the captured emperor")."""
    noun = head.head
    if head.dep_ not in _NOUN_MODIFIER or noun.i == head.i or list(head.children) \
            or coarse(noun) not in ("NOUN", "PROPN"):
        return False
    return head.tag_ == "JJ" or (coarse(head) == "NOUN" and any(
        c.dep_ in ("det", "poss") and c.i < head.i for c in noun.children))


def _thwarted(cue: Token, lexicon: EventLexicon) -> bool:
    """An attempt told as beaten off: the ``attempt`` cue (or, for a noun, "made an
    attempt", the verb it is the object of) has a contrasted conjunct that is a ``failure``
    cue or a passive verb of a ``defeat`` row ("made an attempt to recover Ningpo, but were
    repulsed with heavy loss", "tried to take the pass but was defeated"): the attempt is an
    event that failed (the annotators list failed attempts), not an unrealised wish."""
    verb = cue.head if coarse(cue) == "NOUN" and cue.dep_ in ("dobj", "obj") else cue
    if not any(c.dep_ == "cc" and c.lower_ in _CONTRAST for c in verb.children):
        return False
    return any(c.dep_ == "conj" and (lexicon.cue(c.lower_) == "failure" or (
        is_passive(c) and any(r.event_type == "defeat" for r in lexicon.forms.get(c.lower_, ()))))
        for c in verb.children)


#: Labels of a clause's own participants (subject, object).
_PARTICIPANT = frozenset({"nsubj", "nsubjpass", "dobj", "obj"})


def _negative(word: Token, lexicon: EventLexicon) -> bool:
    """A participant that is nobody: a ``negative_determiner`` word ("none", "nobody") or a
    noun it determines ("no one", "no attempt", "no active steps"), or a word negated by its
    own "not" ("not one escaped", "not a man was spared"; not "not only X but Y")."""
    return lexicon.cue(word.lower_) == "negative_determiner" or any(
        (c.dep_ == "det" and lexicon.cue(c.lower_) == "negative_determiner")
        or (c.dep_ in ("neg", "preconj", "advmod") and c.lower_ == "not" and c.i < word.i
            and c.nbor(1).lower_ != "only")
        for c in word.children)


def _state_change(head: Token, lexicon: EventLexicon) -> bool:
    """A ``copular`` trigger verb telling a change of state, not a happening: with an
    adjective complement ("the soldiers fell sick", "went mad"; the parse may hang "ill" as an
    ``advmod``) or a ``condition`` noun as
    its subject ("a plague fell upon the army", "night fell")."""
    if coarse(head) != "VERB" or not lexicon.is_cue(head.lower_, "copular"):
        return False
    return any((c.dep_ in ("acomp", "oprd", "advmod") and coarse(c) == "ADJ")
               or (c.dep_ in SUBJ and lexicon.cue(c.lower_) == "condition")
               for c in head.children)


def _weather(head: Token, lexicon: EventLexicon) -> bool:
    """A ``weather`` noun ("sank in a storm", "a typhoon scattered the fleet"): not an
    assault, unless it has an "of" of its own ("the storm of the fortress") or is the manner
    of "by storm" ("took the city by storm")."""
    return coarse(head) == "NOUN" and lexicon.cue(head.lower_) == "weather" \
        and head.head.lower_ != "by" and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _causative(head: Token, lexicon: EventLexicon) -> bool:
    """A passive ``causative`` verb with a "to" infinitive ("was made to guide them"): an
    order to its subject to act, not an office given ("was made governor"); an infinitive
    with a subject of its own is not that complement (the parse of "was made President of
    the Council, the first soldier to hold that post" hangs "to hold" on "made" with
    "President" as its subject)."""
    return lexicon.is_cue(head.lower_, "causative") and is_passive(head) and any(
        c.dep_ in ("xcomp", "advcl", "ccomp") and c.tag_ == "VB" and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(a.dep_ == "nsubj" for a in c.children)
        for c in head.children)


def _denied(head: Token, lexicon: EventLexicon) -> bool:
    """A trigger noun that is the subject of a copula with a ``negation`` adjective ("escape
    was impossible"; the parse may hang it as the object of a clausal subject, "seeing that
    escape was impossible")."""
    word = head
    if word.dep_ in ("dobj", "obj") and word.head.dep_ == "csubj":
        word = word.head
    if word.dep_ not in SUBJ and word.dep_ not in ("csubj", "nsubjpass"):
        return False
    return any(c.dep_ == "acomp" and lexicon.cue(c.lower_) == "negation"
               for c in word.head.children)


def _hypothetical(clause: Token, lexicon: EventLexicon) -> bool:
    """A ``hypothetical`` auxiliary ("could", "would") in a reported clause ("foretold that
    he would die of hunger") or a result clause ("so that no one could flee", ``result_mark``
    subordinators): a prophecy or an aim, not a happening. In a main clause "would" may
    narrate ("he would later become emperor") and stays. A conjunct shares the clause of its
    first conjunct ("that he would become a minister and would die of hunger")."""
    first = clause
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if not any(c.dep_ == "aux" and lexicon.cue(c.lower_) == "hypothetical"
               for c in (*clause.children, *first.children)):
        return False
    own = clause
    clause = first
    return clause.dep_ == "ccomp" or (clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and lexicon.cue(c.lower_) == "result_mark" for c in clause.children)) \
        or _conditional(own, lexicon) or _conditional(first, lexicon)


def _conditional(clause: Token, lexicon: EventLexicon) -> bool:
    """The main clause of a condition: ``clause`` has an ``advcl`` child marked by an
    ``irrealis`` subordinator ("Wei Lin would flee if Han Ping attacked Luzhou", "If the Jin
    took Kaifeng, the Song would fall"); with the ``hypothetical`` auxiliary the caller found,
    a consequence imagined, not told."""
    return any(c.dep_ == "advcl" and any(
        m.dep_ == "mark" and lexicon.cue(m.lower_) == "irrealis" for m in c.children)
        for c in clause.children)


def _substituted(prep: Token, lexicon: EventLexicon) -> bool:
    """A preposition after a ``substitution`` word ("instead of marching", "rather than
    attacking"): what follows was not done."""
    return prep.tag_ == "IN" and prep.i > 0 \
        and lexicon.cue(prep.doc[prep.i - 1].lower_) == "substitution"



#: Prepositions of a verb's complement ("thought of deposing", "dreamed about conquering").
_COMPLEMENT_PREPS = frozenset({"of", "about", "on", "upon"})


def _named(head: Token, lexicon: EventLexicon) -> bool:
    """A trigger noun that is the name given by a ``naming`` verb ("It is also known as the
    Dazexiang uprising", "was called the Red Turban rebellion"): the object of its "as", or
    its complement; a naming sentence tells no event of its own."""
    if coarse(head) != "NOUN":
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        return lexicon.cue(head.head.head.lower_) == "naming"
    return head.dep_ in ("oprd", "attr") and lexicon.cue(head.head.lower_) == "naming"


def _rescued(verb: Token, lexicon: EventLexicon) -> bool:
    """A trigger verb with a contrasted ``rescue`` conjunct ("hanged himself but was saved",
    "took poison but was revived"): the act was done and failed (``status=failed``)."""
    return any(c.dep_ == "cc" and c.lower_ in _CONTRAST for c in verb.children) and any(
        c.dep_ == "conj" and lexicon.cue(c.lower_) == "rescue" for c in verb.children)


def _wished(prep: Token, lexicon: EventLexicon) -> bool:
    """A preposition heading the complement of a ``wish`` or ``irrealis`` verb ("began to
    think of deposing the Emperor", "dreamed of conquering", "decided on attacking"): what
    it holds was thought of, not done."""
    return prep.dep_ == "prep" and prep.lower_ in _COMPLEMENT_PREPS \
        and lexicon.cue(prep.head.lower_) in ("wish", "irrealis")


def _figurative(head: Token) -> bool:
    """A trigger verb done to an ``abstract_object`` of ``modality_cues.csv``, its object or
    its passive subject: a figure of speech, no event of the verb's type ("broke the promise",
    "having recovered his strength", "the defeat destroyed the prestige of Former Qin", "his
    reputation was destroyed")."""
    if coarse(head) != "VERB":
        return False
    words = load_modality_cues().get("abstract_object", frozenset())
    return any(c.dep_ in OBJ or c.dep_ in SUBJ_PASS for c in head.children
               if c.lower_ in words)


def _spliced(clause: Token, via: str, governor: Token) -> bool:
    """A clause complement (``via`` xcomp/ccomp) with its own subject that comes before the
    verb it hangs from, past a comma: a comma splice the parser read as a complement ("he
    forbade the Xianbei language, the officials must speak Han", "X was taken, Y escaping to
    Russia"); its verb's modality is not the clause's. Not a complement after its verb ("he
    feared he would be killed"), nor one with no subject of its own ("tried to take X")."""
    return via in _CLAUSE and clause.i < governor.i \
        and any(c.dep_ in SUBJ or c.dep_ in SUBJ_PASS for c in clause.children) \
        and any(t.text in (",", ";") for t in clause.doc[clause.i + 1:governor.i])


def modality(head: Token, lexicon: EventLexicon) -> str:
    """``asserted``, ``failed`` or ``none`` for the clause of ``head`` (see the module doc)."""
    if _qualifier(head) or _named(head, lexicon):
        return "none"  # "the rebel king Xin", "the siege engines": a kind of person or thing;
        # "also known as the X uprising": a name
    if _state_change(head, lexicon) or _weather(head, lexicon) or _causative(head, lexicon) \
            or _denied(head, lexicon) or unreal(head, lexicon):
        return "none"  # "fell sick", "sank in a storm", "was made to guide", "escape was
        # impossible"; nature, generic subjects, "rather than", penalties (``unreal``)
    if _planned(head, lexicon):
        return "none"  # "an invasion was planned", "ordered a third invasion to be prepared"
    if _figurative(head):
        return "none"  # "broke the promise", "recovered his strength"
    if standing_charge(head, lexicon):
        return "none"  # "Guan Yu, who guarded Jing Province, ...": a charge, not a deed
    if any(c.dep_ in _PARTICIPANT and _negative(c, lexicon) for c in head.children) \
            or (coarse(head) == "NOUN" and _negative(head, lexicon)):
        return "none"  # "no one could flee", "none escaped", "no battle was fought"
    status = "failed" if _rescued(head, lexicon) else "asserted"
    cur = head
    below = head  # the child the climb came up from
    via = ""  # its label
    for step in range(MAX_CLIMB):
        if step > 0 and _spliced(below, via, cur):
            break  # "Three big wars Xia have won, ..., salt and tea cannot trade": the clause
            # before is told on its own, the later verb's modal is not its
        kids = list(cur.children)
        if any(c.dep_ == "neg" for c in kids) and (step == 0 or coarse(cur) in ("VERB", "ADJ")):
            return "none"
        if any(c.dep_ == "advmod" and lexicon.cue(c.lower_) == "near_miss" for c in kids) \
                and (step == 0 or coarse(cur) in ("VERB", "ADJ")):
            return "none"  # "was almost executed", "nearly succeeded in taking X"
        if step == 0 and any(c.dep_ in _MODIFIER and lexicon.cue(c.lower_) == "pretense"
                             for c in kids):
            return "none"  # "a feigned retreat", "a sham surrender"
        if any(c.dep_ == "aux" and lexicon.cue(c.lower_) == "modal" for c in kids):
            return "none"
        if _hypothetical(cur, lexicon):
            return "none"  # "so that no one could flee", "foretold that he would die"
        if step > 0 and (_substituted(cur, lexicon) or (
                via in ("xcomp", "acl") and _negative(cur, lexicon)) or (
                via in ("xcomp", "advcl") and any(
                    c.dep_ in ("dobj", "obj") and _negative(c, lexicon) for c in kids))):
            return "none"  # "instead of marching", "made no attempt to recover", "took no
            # active steps to recover"
        if any(c.dep_ == "advmod" and lexicon.cue(c.lower_) == "habitual" for c in kids) \
                and (step == 0 or coarse(cur) == "VERB"):
            return "none"  # "merchants usually went to Dunhuang": a custom, not a happening
        if (step == 0 or coarse(cur) == "VERB") and recurring(cur):
            return "none"  # "raided the western border every autumn", "was fought over again
            # and again": a custom (``modality_cues.csv``)
        if coarse(cur) == "VERB" and _stated_purpose(cur, lexicon):
            return "none"  # "marched north in order to subdue the Jin"
        if coarse(cur) == "VERB" and _indirect_question(cur):
            return "none"  # "how to recover the lost territory", "whether to attack"
        if step > 0 and cur.lower_ == "for" and via == "pobj" \
                and lexicon.cue(cur.head.lower_) == "purpose":
            return "none"  # "set out for the conquest of Kaifeng"
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
                subj = next(iter(children(cur, SUBJ)), None)
                kind = lexicon.cue(subj.lower_) if subj is not None else ""
            if kind == "avoidance" and via in _COMPLEMENT:
                return "none"  # "escaped being captured", "avoided capture"
            if kind in ("request", "pretense") and via in _COMPLEMENT | {"pobj", "prep"} \
                    and not (via in _CLAUSE and below.i < cur.i):
                return "none"  # "demanded the surrender of X", "feigned surrender"; not a
                # clause before the verb, a comma splice: "X besieged Y for a hundred days,
                # Z asked the Yan for help"
            if kind == "claim" and via in _CLAUSE and below.i > cur.i:
                return "none"  # "claiming that he had been ordered to punish X", "let people
                # spread that X had died" (a clause before the verb is not what it reports:
                # "set fire to the tower; the fire spread")
            if kind == "habitual" and via == "xcomp" and not any(c.dep_ in ("dobj", "obj")
                                                                  for c in kids):
                return "none"  # "used to trade with the Han" (not "used fire to attack")
            if kind == "failure":
                status = "failed"
            elif kind in ("irrealis", "attempt", "negation"):
                failed = any(c.dep_ in ("conj", "advcl", "xcomp") and
                             lexicon.cue(c.lower_) == "failure" for c in kids)
                return "failed" if failed or (kind == "attempt" and _thwarted(cur, lexicon)) \
                    else "none"
        if cur.dep_ == "conj":
            cur = cur.head  # share the first conjunct's governor, not its own meaning
            while cur.dep_ == "conj":
                cur = cur.head
            if cur.dep_ not in _CLIMB:
                break
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            break
        if cur.dep_ in _ADJUNCT and coarse(cur.head) == "VERB":
            if _wished(cur, lexicon):
                return "none"  # "began to think of deposing the Emperor": a wish
            if any(c.dep_ == "conj" and lexicon.cue(c.lower_) == "failure"
                   for c in cur.head.children):
                status = "failed"  # "sent troops to recover X, but failed"
            if cur.lower_ == "for" and via == "pobj" \
                    and lexicon.cue(cur.head.lower_) == "request":
                return "none"  # "asked for his execution", "begged for a truce": asked for
            if not _purpose(cur):
                break  # "after conquering Luzhou, he wanted to ...": the adjunct is asserted
            if _aim(cur.head):
                return "none"  # "went west to unite with Wusun to fight the Huns": the aim
                # of an aim is not told as done
            # "suggested that the emperor lead an expedition to repel the Mongols": a purpose
            # infinitive is as asserted as the verb it serves: climb on
        via = cur.dep_
        below, cur = cur, cur.head
    return status
