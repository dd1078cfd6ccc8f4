"""Who a verb's subject is: its own, shared by coordination, inherited by an infinitive or a
relative clause, or the orderer of an ordered event (:func:`controller`,
:func:`causative_patient`, :func:`is_passive`, :func:`ordering_agent`)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.events.causatives import (
    _CAUSATIVE,
    _RELATIVE,
    _aside_causer,
    _causer,
    causative_patient,
)
from pipeline.events.lexicon import EventLexicon
from pipeline.events.misparsed import dated_subject, described_name, listed_before
from pipeline.events.syntax import (
    MAX_CLIMB,
    OBJ,
    SUBJ,
    SUBJ_PASS,
    children,
    coarse,
    listed_subject,
)

__all__ = ["appositive_head", "causative_patient", "controller", "is_passive", "ordering_agent",
           "ordering_verb", "relative_antecedent"]

#: A letter of a romanised or English word (a subject without one is a Chinese line or a mark).
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: Prepositions of a place phrase on a noun ("X from Quanzhou").
_PLACE_PREPS = frozenset({"from", "in", "at"})


def is_passive(verb: Token) -> bool:
    """True for a passive verb: a passive auxiliary or subject, a participle with a "by"
    agent, a participle modifying a noun, or a participle conjunct of a passive without a
    direct object of its own (also one the parse made an adverbial clause after a comma)."""
    if any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in verb.children):
        return True
    if verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
        return True  # "was in turn overthrown by X" ("overthrown" parsed as a clause of its
        # own): a "by" agent is only a passive's
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _comma_conjunct(verb) is None  # "the main force led by X"
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and not children(verb, SUBJ | SUBJ_PASS):
        # "was defeated and captured": passive too; but a conjunct with a direct object is
        # active ("X was sent against Y and besieged Z": X besieged Z; the tagger's VBN)
        return is_passive(verb.head) and not any(c.dep_ == "aux" for c in verb.children) \
            and not children(verb, OBJ)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i > 0 \
            and verb.doc[verb.i - 1].text == "," and verb.head.i < verb.i \
            and not children(verb, SUBJ | SUBJ_PASS | OBJ) \
            and not any(c.dep_ in ("aux", "mark") for c in verb.children):
        # "X was defeated, captured and killed" ("captured" parsed as an adverbial clause):
        # a bare participle listed after a passive is passive too (fresh report 6)
        return is_passive(verb.head)
    return False


def _comma_conjunct(verb: Token) -> Token | None:
    """The clause verb a participle after a comma really continues, when the parse hung it on
    the object before it ("he punished officials, cracked down despots, dredged and built
    channels": "dredged" read as modifying "despots"): a past form with a direct object
    (its own or a conjunct's) and no "by" phrase cannot describe that noun. None otherwise."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD") or verb.i == 0 \
            or verb.doc[verb.i - 1].text != "," or any(c.dep_ == "agent" for c in verb.children):
        return None
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and coarse(c) == "VERB")]
    if not any(children(v, OBJ) for v in verbs):
        return None
    gov, steps = verb.head, 0
    while coarse(gov) != "VERB" and gov.head.i != gov.i and steps < MAX_CLIMB:
        gov, steps = gov.head, steps + 1
    return gov if coarse(gov) == "VERB" else None


def _asyndetic_subject(verb: Token) -> Token | None:
    """The subject of the clause just before the comma that opens conjunct ``verb``, when the
    parse hung ``verb`` on a higher verb whose subject is a pronoun ("so sweeping were they
    that the Empress Dowager became alarmed, deposed the Emperor": "deposed" continues
    "became", not "were"): the nearest finite verb ending right before the comma, inside the
    higher verb's clause, not an adverbial or relative clause of its own ("when the city
    fell, killed ...": no), with a noun subject. None otherwise."""
    gov = verb.head
    if verb.dep_ != "conj" or verb.i < 2 or verb.doc[verb.i - 1].text != "," \
            or not any(s.tag_ == "PRP" for s in children(gov, SUBJ)):
        return None
    near = verb.doc[verb.i - 2]
    steps = 0
    while near.i != gov.i and not (coarse(near) == "VERB" and near.tag_ == "VBD") \
            and near.head.i != near.i and steps < MAX_CLIMB:
        near, steps = near.head, steps + 1
    if near.i == gov.i or coarse(near) != "VERB" or near.dep_ not in ("ccomp", "conj") \
            or near.head.i != gov.i:
        return None
    own = [s for s in children(near, SUBJ) if s.tag_.startswith("NN")]
    return own[0] if own else None


def _stranded_subject(verb: Token, date_subject: bool = False) -> Token | None:
    """The subject of a coordinated clause that the parse listed with the object before it
    ("X killed Geolsa Biu, and Dae Jung-sang also died": "Dae Jung-sang" read as a second
    object, "died" as a conjunct of "killed" with no subject; "Jiankang fell to Yang Guang's
    army and the Chen emperor Chen Shubao was captured": the emperor read with the object of
    "to", "captured" as an adverbial clause): ``verb`` a finite past-form conjunct, or a
    passive conjunct or adverbial clause, with no subject of its own, right after a noun
    (only adverbs and the passive auxiliary of ``verb`` between; a name in apposition counts
    as its noun) that is a conjunct of a direct or prepositional object of an earlier verb,
    with an "and"/"but" before it. A verb cannot follow its own object, so the noun is the
    clause's subject. ``date_subject``: the parse gave ``verb`` only a number for subject (a
    year read as the subject of a clause after it); an active adverbial clause then counts too,
    as does one with no subordinator or adverb before it ("defeated the fleet at Penghu and
    Zheng Keshuang surrendered": "surrendered" hung on "defeated" as an adverbial clause).
    None otherwise."""
    doc = verb.doc
    passive = verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ not in ("conj", "advcl") or not (verb.tag_ == "VBD" or passive) \
            or (verb.dep_ == "advcl" and not passive and not date_subject
                and any(c.dep_ in ("mark", "advmod") and c.i < verb.i for c in verb.children)) \
            or (children(verb, SUBJ | SUBJ_PASS) and not date_subject):
        return None
    j = verb.i - 1
    while j > 0 and doc[j].head.i == verb.i and doc[j].dep_ in ("advmod", "neg", "auxpass"):
        j -= 1  # "also", "then", "soon"; "was" ("and Chen Shubao was captured")
    noun = doc[j]
    if coarse(noun) not in ("PROPN", "NOUN") or noun.i == verb.i:
        return None
    steps = 0
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i and steps < 4:
        noun, steps = noun.head, steps + 1
    if noun.i == j and noun.dep_ == "appos" and noun.head.i < noun.i:
        noun = noun.head  # "the Chen emperor Chen Shubao": the name in apposition
    if noun.dep_ != "conj" or noun.head.dep_ not in OBJ | {"pobj"} \
            or (noun.i != j and doc[j].head.i != noun.i) \
            or not any(c.dep_ == "cc" for c in noun.head.children if c.i < noun.i):
        return None
    return noun


def _person_of_place(tok: Token) -> Token:
    """The noun a place phrase modifies when the parse hung a "who" clause on the place
    ("Chen Zhiren from Quanzhou, who formed ...": Chen Zhiren; "who" names a person, not a
    place): ``tok`` the object of "from"/"in"/"at" on a noun, or on a verb right after a
    proper noun; else ``tok``."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in _PLACE_PREPS or prep.dep_ != "prep":
        return tok
    if coarse(prep.head) in ("NOUN", "PROPN"):
        return prep.head
    before = tok.doc[prep.i - 1] if prep.i > 0 else None  # the phrase hung on the verb:
    if before is not None and coarse(before) == "PROPN":  # "began by Chen Zhiren from X"
        while before.dep_ == "compound" and before.head.i > before.i:
            before = before.head
        return before
    return tok


def appositive_head(tok: Token) -> Token:
    """The noun an apposition stands beside ("Zhao Huan, Emperor Qinzong, who fled": the
    relative clause hangs on "Qinzong"; the actor is the whole "Zhao Huan, Emperor Qinzong")."""
    steps = 0
    while tok.dep_ == "appos" and tok.head.i != tok.i and steps < 4:
        tok, steps = tok.head, steps + 1
    return tok


#: Tokens that close a fronted phrase before the subject: a comma, or the parenthesis of a
#: gloss ("Wanli ten years (1582) Zhang Juzheng died": the year's gloss ends the date).
_CLOSERS = frozenset({",", ")"})


def _nearest_first(own: list[Token], verb: Token) -> list[Token]:
    """The subjects ``own`` of ``verb`` with, when the parse gave it two or more before it
    that a comma or a gloss's closing parenthesis parts (:data:`_CLOSERS`; "In summer, the
    fourth month, on the day Gengxu, the Grand Marshal, Huan Wen, led ...": "month" and
    "Marshal"), the last of them first: a clause has one
    subject; a fronted time or place phrase comes first and is closed by a comma, the subject
    stands next to its verb. Order kept otherwise (one subject; no comma between). A
    "subject" that continues the prepositional phrase before it ("The Viceroy, in the year
    Heen-fung, built": "fung") is tried last (:func:`_glued`)."""
    named = described_name(sorted((s for s in own if s.i < verb.i and s.dep_ == "nsubj"),
                                   key=lambda t: t.i))
    if named is not None:  # "his uncle Tun Bagha Tarkhan killed him": the name
        return [named, *(s for s in own if s.i != named.i)]
    before = [s for s in own if s.i < verb.i and not _glued(s)]
    if len(before) < 2:
        return [*before, *(s for s in own if s not in before)]
    last = before[-1]
    lo = min(t.i for t in last.subtree)
    if not any(verb.doc[j].text in _CLOSERS for j in range(before[-2].i + 1, lo)):
        return own
    return [last, *(s for s in own if s.i != last.i)]


#: Prepositions of company: "X, with Y and Z, rose" (Y and Z go along; X acts).
_COMPANY = frozenset({"with"})


def _with_aside(subj: Token) -> Token:
    """The noun before a comma when the parse made the object of a "with" aside the subject
    ("Myoch'ng, with Cho Kwang and Yu Ch'am, rose in revolt": the parse's subject "Kwang";
    those "with" him go along, the one before the comma acts): ``subj``'s phrase opens
    right after "with", which follows a comma after a noun or a pronoun (a name run into a
    fronted date, "In 1135 Myoch'ng", is the object of "In" in the parse). ``subj``
    otherwise (a fronted time, "In 1135, with X, ...": no noun before the comma)."""
    doc = subj.doc
    left = min(t.i for t in subj.subtree)
    if left < 3 or doc[left - 1].lower_ not in _COMPANY or doc[left - 2].text != ",":
        return subj
    noun = doc[left - 3]
    if coarse(noun) not in ("PROPN", "PRON") or noun.i >= subj.i:
        return subj
    steps = 0
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i and steps < 4:
        noun, steps = noun.head, steps + 1
    if noun.dep_ == "pobj" and not any(c.tag_ == "CD" for c in noun.children):
        return subj  # "At Pyongyang, with X, ...": a place phrase, no doer
    return noun


def _glued(subj: Token) -> bool:
    """True when the phrase of ``subj`` follows the object of a preposition with no comma
    between ("in the year Heen-fung": the parse's subject "fung" ends the phrase "in the year
    Heen-fung")."""
    left = min(t.i for t in subj.subtree)
    return left > 0 and subj.doc[left - 1].dep_ == "pobj"


def controller(verb: Token, lexicon: EventLexicon, depth: int = 0) -> Token | None:
    """The grammatical subject of ``verb``: its own, or the one it shares or inherits."""
    own = children(verb, SUBJ | SUBJ_PASS)
    named = [s for s in own if s.tag_ != "CD" and _LATIN.search(s.text)]  # "In July, 850,
    # X issued": not 850; "自成走還京師。\nZicheng fled": a Chinese line glued to the sentence
    # by the parse names no one (a name of an English text has Latin letters)
    if own and not named:  # "1849, Hong Xiuquan, Feng Yunshan ... became": the parse's
        named = [c for s in own for c in s.children if c.dep_ == "conj"  # date subject
                 and c.tag_.startswith("NNP")][:1]  # heads the list of names
    if own and not named and not children(verb, SUBJ_PASS):
        stranded = _stranded_subject(verb, date_subject=True)
        if stranded is not None:  # "until 1683, when ... defeated the Zheng fleet at Penghu
            return stranded  # and Zheng Keshuang surrendered": 1683 is no subject
    own = _nearest_first(named or own, verb)
    caus = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _CAUSATIVE), None)
    if caus is not None and len(own) >= 2:  # "Qin Hui had Yue Fei put to death"
        return next((s for s in own if s.i < caus.i), own[0])
    aside = _aside_causer(verb)
    if aside is not None and depth < MAX_CLIMB:  # "had the prisoners, said to number
        return controller(aside[0], lexicon, depth + 1)  # 400,000, buried alive": Bai Qi
    have = _causer(verb)
    if own and have is not None and depth < MAX_CLIMB:
        return controller(have, lexicon, depth + 1)  # "Qin Hui had the general Yue Fei
        # executed": the participle's subject is the one it is done to
    if own:
        subj = _with_aside(own[0])
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return appositive_head(_person_of_place(verb.head) if subj.lower_ == "who"
                                   else verb.head)
        return subj
    listed = listed_before(verb) or dated_subject(verb)
    if listed is not None:  # "X rose against Y, besieged Z and drove out W": X;
        # "In 762 Bögü at first listened ... and marched": Bögü
        return listed
    if depth >= MAX_CLIMB or verb.head.i == verb.i:
        return None
    gov = verb.head
    stranded = _stranded_subject(verb) or listed_subject(verb)
    if stranded is not None:  # "killed Geolsa Biu, and Dae Jung-sang also died": the
        return stranded  # parse listed Dae Jung-sang with the object before
    nearer = _asyndetic_subject(verb)
    if nearer is not None:  # "so sweeping were they that the Empress Dowager became
        return nearer  # alarmed, deposed the Emperor": the Empress Dowager
    shared = _comma_conjunct(verb)
    if shared is not None:  # "..., dredged and built channels": the clause's subject
        return controller(shared, lexicon, depth + 1)
    if verb.dep_ in ("relcl", "acl") and coarse(gov) in ("NOUN", "PROPN", "PRON"):
        if verb.dep_ == "acl" and verb.tag_ == "TO":
            pass
        elif verb.dep_ == "relcl" or verb.tag_ in ("VBN", "VBG"):
            return appositive_head(gov)
    if verb.dep_ in ("xcomp", "ccomp") and gov.lower_ in _CAUSATIVE:
        return controller(gov, lexicon, depth + 1)  # "had him executed": subject of "had"
    if verb.dep_ in ("xcomp", "advcl", "acl") and lexicon.cue(gov.lower_) == "order":
        obj = next(iter(children(gov, OBJ)), None)
        if obj is not None and (obj.tag_.startswith("NNP") or obj.tag_ == "PRP"
                                or lexicon.cue(obj.lower_) == "anaphor_person" or any(
                c.dep_ in ("appos", "compound") and c.tag_.startswith("NNP")
                for c in obj.children)):
            return obj  # "ordered Meng Gong to attack"; not "sent troops to attack"
        if obj is not None and verb.dep_ == "xcomp" and coarse(obj) == "NOUN":
            return obj  # "ordered the officials of Hongzhou to build ships": the parse's
            # object control (a purpose clause, "sent troops to attack", is an advcl)
    persuaded = _into_object(verb)
    if persuaded is not None:  # "talked the khan into invading China": the khan invades
        return persuaded
    if verb.dep_ == "ccomp" and any(t.text == ";" for t in verb.doc[
            min(verb.i, gov.i):max(verb.i, gov.i)]):
        return None  # no subject is shared across a semicolon ("X, acting under orders,
        # took G and recovered U; the rebels under Y fled": "took" misparsed under "fled")
    return controller(gov, lexicon, depth + 1)


def _into_object(verb: Token) -> Token | None:
    """The direct object of the verb a gerund ``verb`` hangs on through "into" ("talked the
    khan into invading China", "persuaded the emperor into attacking the Liao", "forced the
    Song into ceding ..."): English object control, the object is the gerund's subject;
    None for any other verb."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ != "into" \
            or prep.head.i == prep.i or coarse(prep.head) != "VERB":
        return None
    return next((c for c in prep.head.children if c.dep_ in ("dobj", "obj")
                 and c.i < prep.i), None)


def ordering_verb(head: Token, lexicon: EventLexicon) -> Token | None:
    """The ``order`` cue verb whose direct object is the noun trigger ``head`` ("ordered the
    death of Yang Guifei", "ordered the execution of X"), or None."""
    if head.dep_ in OBJ and coarse(head) == "NOUN" and lexicon.cue(head.head.lower_) == "order" \
            and coarse(head.head) == "VERB":
        return head.head
    return None


def ordering_agent(head: Token, lexicon: EventLexicon) -> Token | None:
    """The subject of the ``order`` verb of :func:`ordering_verb` (the one who orders the
    event: "forced the emperor to order the death of X": the emperor), or None."""
    verb = ordering_verb(head, lexicon)
    return controller(verb, lexicon) if verb is not None else None


def relative_antecedent(obj: Token | None, verb: Token) -> Token | None:
    """The noun a relative pronoun object stands for ("Li Conghou, whom he assassinated":
    Li Conghou), when ``obj`` is "whom"/"which"/"who"/"that" and ``verb`` heads a relative
    clause on a noun (or is a conjunct of such a verb); else ``obj`` itself."""
    if obj is None or obj.lower_ not in _RELATIVE:
        return obj
    rel = verb
    steps = 0
    while rel.dep_ == "conj" and rel.head.i != rel.i and steps < 4:
        rel, steps = rel.head, steps + 1
    if rel.dep_ == "relcl" and coarse(rel.head) in ("NOUN", "PROPN"):
        return appositive_head(rel.head)
    return obj
