"""Actors for argument tokens: an entity, a proper noun, or the antecedent of an anaphor.

:func:`resolve_actor` gives the actor of an argument token: the most specific entity of its
phrase (:meth:`ActorFinder.actor`); for an anaphor ("he", "the emperor", "they") the person
whose name holds the title, else the highest-placed fitting subject before it in its own
sentence, else the paragraph's salient actor (:class:`Salience`); for an unknown proper noun a
flagged guess (:meth:`ActorFinder.proper_noun`). Binding (:func:`bound_elsewhere`): a
non-reflexive anaphor never names the other argument of its own clause.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable

from spacy.tokens import Span, Token

from pipeline.events.actors import Actor, ActorFinder, same_side
from pipeline.events.coref import (
    era_emperor_actor,
    group_actor,
    hyphen_name,
    name_after,
    qualified_title,
    relative_actor,
    relinked,
    ruler_metonym,
    spelled_person,
    title_actor,
)
from pipeline.events.dynasty_titles import dynasty_qualifier, of_dynasty, rulers_of
from pipeline.events.lexicon import RULER_TITLES, ruler_names
from pipeline.events.number import plural_antecedent, singular_person
from pipeline.events.parallel import conjunct_subjects, inside_clause, parallel_object
from pipeline.events.patients import patient_label  # noqa: F401 (re-exported: rows.build)
from pipeline.events.roles import Frame, coarse
from pipeline.events.salience import Salience
from pipeline.events.salience.gender import pronoun_gender
from pipeline.records import EntityRow


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _sentence_subject(finder: ActorFinder, tok: Token, kind: str,
                      salience: Salience, ruler: bool = False,
                      exclude: frozenset[str] = frozenset()) -> tuple[bool, Actor | None]:
    """The highest-placed subject before ``tok`` in its own sentence that fits ``kind``
    ("When Wanyan Sheng heard that Gaozong had fled, he sent ...": Wanyan Sheng). A group
    anaphor whose highest subject is an unnamed group ("The Chinese army ... as they
    retreated") gets no actor: the paragraph's last named actor would be a wrong guess. When
    a singular person pronoun is placed as high as the best candidate, nothing is decided:
    the salience resolver chains the two pronouns to one person. A group pronoun whose best
    subject is ONE person takes the sentence's nearest plural antecedent instead, when there
    is one (:mod:`pipeline.events.number`: "X provoked the commandants, and the leaders
    killed them": the commandants).
    Returns (a subject decided, its actor or None)."""
    best: tuple[int, Actor | None] | None = None
    best_tok: Token | None = None
    chained = 99  # depth of the highest subject that is itself a pronoun of this kind
    for cand in tok.doc[:tok.i]:
        if cand.dep_ not in ("nsubj", "nsubjpass"):
            continue
        depth = _depth(cand)
        if kind == "anaphor_person" and cand.lower_ in _SINGULAR and tok.lower_ in _SINGULAR:
            if pronoun_gender(cand.lower_) == pronoun_gender(tok.lower_):
                chained = min(chained, depth)  # "she ... she": one person; "he ... she": not
            continue
        cand = _ordered_one(finder, cand, tok) or cand
        actor = finder.actor(cand)
        if actor is None and ruler_metonym(finder, cand):  # "the carriage set out ...; it
            actor = resolve_actor(finder, salience, cand, finder.base + cand.idx)  # arrived"
        if actor is None and kind == "anaphor_person":
            actor = finder.proper_noun(cand)  # "Zongze died because his efforts failed"
            actor = Actor(actor.entity, "parse") if actor is not None else None
        if actor is None and kind == "anaphor_group" and cand.tag_ == "NNPS":
            actor = finder.proper_noun(cand)  # "The Oirads were beaten off, and they sued
            # for peace": a group's name the entity model missed (a flagged guess)
            actor = Actor(actor.entity, "parse") if actor is not None \
                and actor.entity.label == "ARMY" else None
        if actor is None and kind == "anaphor_group" and coarse(cand) == "NOUN":
            pass  # "The Chinese army ... as they retreated": an unnamed group
        # a death in this sentence does not count for a pronoun inside the dying verb's own
        # clause ("Zongze died because his efforts failed"; "After Shizong died, he was
        # released": not Shizong)
        elif actor is None or (kind == "anaphor_person" and actor.entity.label != "PERSON") \
                or not (salience.alive(actor.entity) or (
                    salience.alive(actor.entity, finder.base)
                    and inside_clause(tok, cand.head))) \
                or (ruler and actor.entity.canonical not in ruler_names()) \
                or actor.entity.canonical in exclude \
                or not salience.agrees(actor.entity, tok.lower_, finder.base + tok.idx):
            continue
        if best is None or depth < best[0]:
            best = (depth, Actor(actor.entity, "parse" if actor.source == "parse" else "pronoun")
                    if actor else None)
            best_tok = cand
    if best is not None and chained <= best[0]:
        # "he submitted a memorial and criticized that the emperor ..., then he suffered":
        # the second "he" is the first one's person, not the embedded subject
        return False, None
    if kind == "anaphor_group" and best_tok is not None and singular_person(finder, best_tok):
        found, plural = plural_antecedent(finder, tok)
        if found and (plural is None or plural.entity.canonical not in exclude):
            return True, plural
    return (best is not None, best[1] if best else None)


def _object_binders(finder: ActorFinder, tok: Token) -> frozenset[str]:
    """Canonical names a subject "he"/"she" ``tok`` does not name: the subjects of the
    earlier clauses of its sentence whose object is "him"/"her" of the same gender ("his
    enemies, headed by Shi Heng, impeached him, and he was condemned": not Shi Heng). The
    object pronoun is never its own clause's subject (binding), and the later subject pronoun
    goes on with that object (the same person, as centering reads a pronoun kept across
    clauses); the clause subject is the one person it cannot be."""
    if tok.lower_ not in ("he", "she") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return frozenset()
    names: set[str] = set()
    for obj in tok.doc[:tok.i]:
        if obj.lower_ not in ("him", "her") or obj.dep_ not in ("dobj", "obj") \
                or pronoun_gender(obj.lower_) != pronoun_gender(tok.lower_) \
                or obj.head.i == tok.head.i:
            continue
        verb = obj.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        # the subject phrase's words ("his enemies, headed by Shi Heng": the persons named);
        # a verb the parse gave no subject: the words before it in the sentence
        words = [t for c in subjects if c.lower_ not in _SINGULAR for t in c.subtree] \
            if subjects else list(tok.doc[verb.sent.start:verb.i])
        for t in words:
            actor = finder.actor(t) if coarse(t) == "PROPN" or t.dep_ == "nsubj" else None
            if actor is not None and actor.entity.label == "PERSON":
                names.add(actor.entity.canonical)
    return frozenset(names)


def _first_pronoun_subject(finder: ActorFinder, tok: Token, kind: str, at: int) -> int:
    """The full-text offset of the first singular person pronoun that is a subject before
    ``tok`` in its sentence, when ``tok`` is one too (else ``at``)."""
    if kind != "anaphor_person" or tok.lower_ not in _SINGULAR:
        return at
    first = next((c for c in tok.doc[:tok.i] if c.dep_ in ("nsubj", "nsubjpass")
                  and c.lower_ in _SINGULAR
                  and pronoun_gender(c.lower_) == pronoun_gender(tok.lower_)), None)
    return min(at, finder.base + first.idx) if first is not None else at


def _ordered_one(finder: ActorFinder, subject: Token, before: Token) -> Token | None:
    """The person an ``order`` verb sends ("The emperor sent Feng Changqing to hold Luoyang,
    but he was defeated": Feng Changqing carries the story on, not the sender), when
    ``subject`` is that verb's subject, the verb has an infinitive or clause complement and
    its object is a named person before ``before``; else None."""
    verb = subject.head
    if finder.lexicon.cue(verb.lower_) != "order" or not any(
            c.dep_ in ("xcomp", "advcl", "ccomp") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj") and c.i < before.i), None)
    actor = finder.actor(obj) if obj is not None else None
    return obj if actor is not None and actor.entity.label == "PERSON" else None


_POSSESSIVE = frozenset({"its", "their"})


def possessor_polity(finder: ActorFinder, salience: Salience, patient: Token | None, at: int,
                     actor1: Actor | None,
                     polity_of: Callable[[EntityRow], str]) -> Actor | None:
    """actor2 for a title whose possessor is "its"/"their" ("attacked Goguryeo and captured its
    king"): the polity that possessive refers to (the last agent mentioned before it that is
    neither actor1 nor of actor1's side), with ``source="pronoun"``; None when it is not a
    POLITY (a king of a city named before is not guessed) or there is none."""
    if patient is None or finder.lexicon.cue(patient.lower_) != "anaphor_person" \
            or finder.entity_at(patient) is not None:
        return None
    poss = next((c for c in patient.children if c.dep_ == "poss"
                 and c.lower_ in _POSSESSIVE), None)
    if poss is None:
        return None
    mine = polity_of(actor1.entity) if actor1 is not None else ""
    name = actor1.entity.canonical if actor1 is not None else ""
    i = bisect.bisect_left(salience.starts, at) - 1
    while i >= 0:
        e = salience.entities[i]
        side = polity_of(e)
        if e.canonical != name and not (mine and side and same_side(side, mine)):
            return Actor(e, "pronoun") if e.label == "POLITY" else None
        i -= 1
    return None


_SINGULAR = frozenset({"he", "him", "his", "she", "her"})


def _coordinated(finder: ActorFinder, tok: Token) -> frozenset[str]:
    """Canonical names of the persons of coordinated subjects ("X and Y defeated ...") before
    ``tok`` in its sentence."""
    out = set()
    for cand in tok.doc[:tok.i]:
        if cand.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ == "conj" for c in cand.children):
            for member in (cand, *(c for c in cand.children if c.dep_ == "conj")):
                actor = finder.actor(member)
                if actor is not None and actor.entity.label == "PERSON":
                    out.add(actor.entity.canonical)
    return frozenset(out)


def resolve_actor(finder: ActorFinder, salience: Salience, tok: Token | None,
                  at: int, exclude: frozenset[str] = frozenset()) -> Actor | None:
    """The actor of argument ``tok`` (see the module doc), or None. ``exclude``: canonical
    names an anaphor may not resolve to (binding: "X pursued Y and routed him": "him" is not X,
    the subject of its own clause; :func:`bound_elsewhere`). A singular person anaphor ("he")
    never names one of a coordinated subject of its sentence ("X and Y defeated Z, and he
    withdrew": Z). A possessed relative ("Zhang Juzheng's father", "his father") is never its
    possessor (:func:`pipeline.events.coref.relative_actor`)."""
    kin, actor = relative_actor(finder, tok)
    if kin:
        return actor
    actor = finder.actor(tok)
    if tok is not None and (actor is None or actor.entity.label != "PERSON"
                            or actor.source == "parse"):
        # "The Imperial Commissioner, ..., Tsêng-kuo-fan" after "Tsêng Kuo-fan": him
        actor = spelled_person(finder, tok, salience.spellings(at)) or actor
    elif actor is not None and actor.entity.source == "model":
        actor = relinked(actor, salience.spellings(at))  # a model-only spelling of a known name
    if actor is not None and actor.entity.label == "PERSON" and actor.source == "named":
        full = salience.full_name(actor.entity, at)  # "Emperor Xiaowen" after "Emperor
        if full is not None:  # Xiaowen of the Northern Wei": that one, not Emperor Wen of Han
            actor = Actor(dataclasses.replace(actor.entity, canonical=full.canonical),
                          actor.source)
    words = qualified_title(finder, tok) if actor is None or actor.source == "parse" else ()
    if words:  # "the Retired Emperor": the person the paragraph gave that title, else the
        # capitalised title as written ("the West King": no nearer name is its guess)
        return (salience.qualified(words, min(at, finder.base + tok.idx))
                or title_actor(finder, tok)) if tok is not None else None
    if actor is None:  # "the Xuande emperor": the emperor of that one era
        actor = era_emperor_actor(finder, tok)
    if actor is None:  # "the rebel Zhang Xianzhong took": the name after its description
        actor = name_after(finder, tok)
    if actor is None and tok is not None:
        kind = finder.anaphor_kind(tok)
        metonym = not kind and ruler_metonym(finder, tok)  # "the imperial carriage": him
        kind = "anaphor_person" if metonym else kind
        if kind == "anaphor_person" and tok.lower_ in _SINGULAR:
            exclude = exclude | _coordinated(finder, tok) | _object_binders(finder, tok)
        parallel = parallel_object(finder, salience, tok, exclude) if kind else None
        if parallel is not None:  # "invited Sun Hong ... and killed him": Sun Hong
            return parallel
        if kind:
            exclude = exclude | conjunct_subjects(finder, tok)  # "X abdicated, and the
            at = min(at, finder.base + tok.idx)  # prince ascended": not X
            title = "emperor" if metonym else tok.lower_ if tok.tag_.startswith("NN") \
                else ""  # "the emperor"
            ruler = title in RULER_TITLES  # "the emperor": a ruler, never a minister
            if ruler:  # "the king" is no one the text calls emperor (and the reverse)
                exclude = exclude | salience.title_conflicts(title, at)
                dynasty = dynasty_qualifier(finder, tok)
                if dynasty is not None:  # "the T'ang Emperor": a ruler of Tang, or no one
                    return _dynasty_ruler(salience, kind, title, dynasty, at, exclude)
            actor = salience.titled(title, at, exclude) if title else None
            if actor is None:
                found, actor = _sentence_subject(finder, tok, kind, salience, ruler, exclude)
                if not found:
                    # "He wrote ... and said that X ..., then he was jailed": resolved as
                    # the sentence's first "he", before X was read
                    at = _first_pronoun_subject(finder, tok, kind, at)
                    actor = salience.resolve(kind, at, among=ruler_names() if ruler else None,
                                             exclude=exclude, word=tok.lower_,
                                             since=finder.base + tok.idx)
                    if actor is None and ruler:  # "the Emperor" naming no one so far
                        actor = salience.reigning(at, title, exclude)
                        if actor is not None and (actor.entity.canonical in exclude or not
                                                  salience.title_fits(title, actor.entity)):
                            actor = None
        else:
            actor = finder.proper_noun(tok) or hyphen_name(finder, tok)  # "Kwang-sit"
    return actor


def _dynasty_ruler(salience: Salience, kind: str, title: str, dynasty: str, at: int,
                   exclude: frozenset[str]) -> Actor | None:
    """The ruler a dynasty-qualified title ("the T'ang Emperor": ``title`` "emperor",
    ``dynasty`` "Tang"; :mod:`pipeline.events.dynasty_titles`) stands for before full-text
    offset ``at``: the person named with the title, else the most salient ruler, else the
    reigning one, each only when a ruler of that dynasty; None otherwise (also for a
    qualifier that is no polity, ``dynasty`` "")."""
    if not dynasty:
        return None
    for found in (salience.titled(title, at, exclude),
                  salience.resolve(kind, at, among=rulers_of(dynasty), exclude=exclude),
                  salience.reigning(at, title, exclude)):
        if found is not None and of_dynasty(found, dynasty):
            return found
    return None


_POSSESSIVE_KIND = {"his": "anaphor_person", "her": "anaphor_person", "their": "anaphor_group"}


def possessor_anaphor(finder: ActorFinder, salience: Salience, tok: Token | None,
                      at: int) -> Actor | None:
    """The antecedent of a possessive pronoun on a common-noun subject that names no actor
    ("his operations eastwards have passed through X", "their troops took Y": the person or
    group whose force it is), ``source="pronoun"``; None otherwise."""
    if tok is None or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP"):
        return None
    phrase = [tok, *(c for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))]
    poss = next((c for t in phrase for c in t.children
                 if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_KIND), None)
    if poss is None:
        return None
    kind = _POSSESSIVE_KIND[poss.lower_]
    pos = min(at, finder.base + poss.idx)
    found, actor = _sentence_subject(finder, poss, kind, salience)
    return actor if found else salience.resolve(kind, pos, word=poss.lower_)


def _possessed(tok: Token | None) -> bool:
    """True for a common-noun argument with a possessive pronoun ("his own officers")."""
    return tok is not None and tok.tag_.startswith("NN") and not tok.tag_.startswith("NNP") \
        and any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_KIND for c in tok.children)


def reflexive(tok: Token | None) -> bool:
    """True for "himself", "themselves" ...: the one anaphor bound by its own clause's
    subject; also for a predicate noun whose small-clause subject is one ("proclaimed himself
    emperor": "himself" parsed as the subject of "emperor")."""
    return tok is not None and any(t.lower_.endswith(("self", "selves")) for t in (
        tok, *(c for c in tok.children if c.dep_ in ("nsubj", "dobj"))))


def bound_elsewhere(finder: ActorFinder, salience: Salience, frame: Frame,
                    actor1: Actor | None, actor2: Actor | None,
                    at: int) -> tuple[Actor | None, Actor | None]:
    """``(actor1, actor2)`` with the binding rule applied: a non-reflexive pronoun argument
    never names the other argument of its own clause ("Cao Cao pursued Liu Bei and routed
    him": "him" is Liu Bei, not Cao Cao; "he defeated Liu Bei": "he" is not Liu Bei). When
    both resolve to one person and one of them came from an anaphor, that anaphor is resolved
    again with the other excluded (it may then stay blank)."""
    if actor1 is None or actor2 is None \
            or actor1.entity.canonical != actor2.entity.canonical:
        return actor1, actor2
    name = actor1.entity.canonical
    if actor1.source == "pronoun" and _possessed(frame.agent):
        # "he was captured by his own officers": "his" is the patient's, the agent is the
        # group (:func:`pipeline.events.coref.group_actor`), not its possessor
        return group_actor(finder, frame.agent), actor2
    if actor2.source == "pronoun" and not reflexive(frame.patient):
        return actor1, resolve_actor(finder, salience, frame.patient, at,
                                       exclude=frozenset({name}))
    if actor1.source == "pronoun" and not reflexive(frame.agent):
        return resolve_actor(finder, salience, frame.agent, at,
                             exclude=frozenset({name})), actor2
    return actor1, actor2


def subjectless(frame: Frame, local: Span) -> bool:
    """True for a trigger opening a sentence with no subject ("Died A.D. 934.", "Banished to
    Liu-chou.", "Agreed to be brothers with X": the telegraphic style of a dictionary entry,
    whose subject is the entry's headword): the frame has no agent or patient subject other
    than the trigger's own words, and no noun, proper noun or pronoun outside a prepositional
    phrase stands before the trigger in its sentence (``local``: the trigger's tokens in the
    parsed sentence)."""
    own = range(local.start, local.end)
    subject = frame.patient if frame.passive else frame.agent
    if subject is not None and subject.i not in own:
        return False
    for tok in local.doc[:local.start]:
        if coarse(tok) in ("NOUN", "PROPN", "PRON") and tok.dep_ != "pobj" \
                and not (tok.head.dep_ == "pobj" and tok.dep_ in ("compound", "nummod", "amod")):
            return False
    return True


_CONTRAST = frozenset({"but", "yet"})


def survived(head: Token | None) -> bool:
    """True when a death verb ``head`` is contrasted by a later predicate of its own subject
    ("hanged himself but was saved", "took poison, yet recovered and fled": a conjunct after
    "but"/"yet" with no subject of its own): the person lives on after it, so the salience
    resolver must not hold him dead (:meth:`pipeline.events.salience.Salience.died`); a
    conjunct with its own subject ("X was killed, but his son fled") says nothing of him."""
    if head is None:
        return False
    kids = list(head.children)
    cc = [c for c in kids if c.dep_ == "cc" and c.lower_ in _CONTRAST and c.i > head.i]
    return bool(cc) and any(
        c.dep_ == "conj" and c.i > cc[0].i and coarse(c) in ("VERB", "AUX")
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for c in kids)
