"""Mend a parse that took a participial aside for the main clause.

"his subordinate Tian Zang, claiming that Wu Guang was arrogant and knew nothing of war,
killed him and sent his head to Chen Sheng": the small model makes "claiming" the root, the
reported clause its complement, and "killed" a conjunct of "knew", so "killed" inherits the
reported clause's subject (Wu Guang kills himself) and sits under a speech verb (no event).
English puts the subject, a comma, the participle phrase, a comma, then the finite verb; a
verb that follows the closing comma with no "and" before it, while the participle's own
clause is still open, is the main verb. :func:`mend_asides` re-hangs it: the finite verb
becomes the clause head, the participle an adverbial clause on it, and the noun before the
opening comma its subject. Parse structure only: no word lists.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.events.syntax import MAX_CLIMB, OBJ, SUBJ, SUBJ_PASS, children, coarse

#: Links a verb of the aside may hang on the participle by (its complement and the clauses
#: coordinated with it).
_ASIDE_LINKS = frozenset({"ccomp", "conj", "xcomp", "advcl"})


def _opening_subject(part: Token) -> Token | None:
    """The noun ending right before the comma that opens the participle ``part`` (", claiming",
    ", having heard"), through its compounds, or the noun it is in apposition to when that is
    a subject ("the governor Li Wen, fearing": governor); None when no comma opens it or no
    noun stands before it."""
    doc = part.doc
    j = part.i - 1
    if j >= 0 and doc[j].lower_ == "having":
        j -= 1
    if j < 1 or doc[j].text != ",":
        return None
    noun = doc[j - 1]
    steps = 0
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i and steps < 4:
        noun, steps = noun.head, steps + 1
    if noun.i != j - 1 or coarse(noun) not in ("NOUN", "PROPN") and noun.tag_ != "PRP":
        return None
    if noun.dep_ == "appos" and noun.head.dep_ in SUBJ:
        return noun.head
    return noun


def _main_verb(part: Token) -> Token | None:
    """The finite verb after the comma that closes the aside of participle ``part``: a past
    form (VBD, or VBN with no auxiliary) in the aside's clauses (linked by ``_ASIDE_LINKS``
    only, after ``part``), a conjunct or complement directly after a comma, with no subject
    of its own; None if there is none."""
    for tok in part.subtree:
        if tok.i <= part.i or tok.dep_ not in ("conj", "ccomp") \
                or tok.doc[tok.i - 1].text != "," or children(tok, SUBJ | SUBJ_PASS):
            continue
        if tok.tag_ != "VBD" and (tok.tag_ != "VBN" or any(
                c.dep_ in ("aux", "auxpass") for c in tok.children)):
            continue  # a finite past, or the tagger's VBN for one ("fled")
        up, steps = tok, 0
        while up.i != part.i and up.dep_ in _ASIDE_LINKS and steps < MAX_CLIMB:
            up, steps = up.head, steps + 1
        if up.i == part.i:
            return tok
    return None


def mend_asides(doc: Doc) -> None:
    """Re-hang each main verb the parse put inside a participial aside (module doc): for a
    participle (VBG, or VBN after "having") opened by a comma after a noun, with no subject of
    its own after that noun other than it, and a finite conjunct after a closing comma in its
    clauses, the conjunct takes the participle's place in the tree, the participle becomes an
    ``advcl`` of it and the noun its ``nsubj``; a participle hung on the main verb that kept
    the subject gives it back (:func:`_lend_subject`); a clause after a semicolon whose
    subject the parse left stranded gets it back (:func:`_stranded_clause`), and so does a
    passive clause whose subject the parse coordinated with the object before it
    (:func:`_passive_subject_in_object`). Changes
    ``doc``; idempotent."""
    _verbless_root(doc)
    for verb in doc:
        _stranded_clause(verb)
        _passive_subject_in_object(verb)
    for part in doc:
        if part.tag_ != "VBG" and not (part.tag_ == "VBN" and part.i > 0
                                       and doc[part.i - 1].lower_ == "having"):
            continue
        if part.dep_ in ("advcl", "csubj") and part.head.i > part.i:
            _lend_subject(part)
            continue
        if part.dep_ == "advcl" and part.head.i < part.i and _spliced_subject(part):
            continue
        if part.dep_ not in ("ROOT", "advcl", "conj", "acl"):
            continue
        subj = _opening_subject(part)
        verb = _main_verb(part) if subj is not None else None
        if subj is None or verb is None or subj.is_ancestor(part):
            continue
        if any(s.i != subj.i for s in children(part, SUBJ | SUBJ_PASS)):
            continue
        root = part.dep_ == "ROOT"
        head, dep = part.head, part.dep_
        verb.head = verb if root else head
        verb.dep_ = dep
        part.head = verb
        part.dep_ = "advcl"
        subj.head = verb
        subj.dep_ = "nsubj"


def _lend_subject(part: Token) -> None:
    """The other shape of the same misparse: the participle ``part`` hangs on the main verb
    after it (an adverbial or clausal subject) but keeps the clause's subject as its own ("The
    King of Wei, seeing that his army was broken, fled": "King" the subject of "seeing",
    "fled" none). When the main verb has no subject but the participle, and a comma closes
    the aside right before it, the subject moves to the main verb."""
    verb = part.head
    if part.dep_ not in ("advcl", "csubj") or coarse(verb) != "VERB" or verb.i < part.i \
            or verb.doc[verb.i - 1].text != ",":
        return
    if any(s.i != part.i for s in children(verb, SUBJ | SUBJ_PASS)):
        return
    own = [s for s in children(part, SUBJ) if s.i < part.i]
    j = part.i - 2 if part.i > 1 and part.doc[part.i - 1].lower_ == "having" else part.i - 1
    if len(own) != 1 or j < 1 or part.doc[j].text != ",":
        return
    own[0].head = verb
    own[0].dep_ = "nsubj"
    part.dep_ = "advcl"


def _verbless_root(doc: Doc) -> None:
    """A sentence the parse read as one noun phrase ("Liu Chong, the ruler of Northern Han,
    hearing of the state mourning, allied with the Khitan and led thirty thousand men south":
    root "Chong", "allied" a participle describing him): when the root is a name or noun, and
    a past form hangs on it as a modifier right after a comma, with no "by" agent or passive
    auxiliary, and it or a verb coordinated with it is tagged a finite past (VBD), that verb
    is the sentence's main verb and the root noun its subject. Changes ``doc``."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or coarse(root) not in ("NOUN", "PROPN"):
        return
    for verb in root.children:
        if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or verb.i < root.i \
                or doc[verb.i - 1].text != "," \
                or any(c.dep_ in ("agent", "auxpass", "aux") for c in verb.children):
            continue
        if not any(v.tag_ == "VBD" for v in (verb, *verb.conjuncts)):
            continue
        verb.head = verb
        verb.dep_ = "ROOT"
        root.head = verb
        root.dep_ = "nsubj"
        return


def _spliced_subject(part: Token) -> bool:
    """A new clause spliced on with commas ("Li Zicheng entered Beijing, the Chongzhen
    emperor, seeing that all was lost, hanged himself"): the parse reads its subject as an
    apposition of the object before, the participle as an adverbial clause of the first verb
    and the finite verb as that verb's conjunct. When the noun before the comma that opens
    the participle ``part`` is such an apposition, its phrase set off by a comma on its left,
    and the verb conjunct comes right after the comma that closes the aside, the noun is that
    verb's subject and the participle its adverbial clause. Changes ``part``'s doc."""
    doc = part.doc
    noun = _opening_subject(part)
    if noun is None or noun.dep_ != "appos" or noun.head.dep_ in SUBJ | SUBJ_PASS:
        return False
    left = min(t.i for t in noun.subtree)
    if left < 1 or doc[left - 1].text != ",":
        return False
    end = max(t.i for t in part.subtree)
    if end + 2 >= len(doc) or doc[end + 1].text != ",":
        return False
    verb = doc[end + 2]
    if verb.dep_ != "conj" or verb.head.i != part.head.i or verb.tag_ != "VBD" \
            or children(verb, SUBJ | SUBJ_PASS):
        return False
    noun.head = verb
    noun.dep_ = "nsubj"
    part.head = verb
    return True


#: Links by which the parse hangs a second clause's verb on the first clause's verb.
_CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "conj", "advcl", "dep"})
#: Conjunctions that open a second clause ("..., and Kim Yun-hu, now its commander, held").
_JOINS = frozenset({"and", "but"})
#: Links of a stranded subject on the first verb (no argument of it).
_STRANDED = frozenset({"dep", "npadvmod", "appos", "conj"})


def _stranded_clause(verb: Token) -> None:
    """A second clause after a semicolon or "and" whose subject the parse did not give its
    verb ("the Mongols besieged Chungju; Kim Yun-hu, now its commander, held out": "Kim
    Yun-hu" a loose dependent of "besieged", or after "and" a noun conjunct of that verb;
    "held" its complement, so "held" inherits the besiegers). When ``verb`` (a past form hung
    on an earlier verb by a clause link, with no subject of its own) is preceded by a noun
    phrase that opens right after a semicolon and hangs loosely on the earlier verb or on an
    argument of it (not as its subject or object), or opens right after "and"/"but" as a
    conjunct of the earlier verb itself (a noun is no verb's conjunct), and ends right
    before ``verb`` or before the comma that closes an aside right before it, that noun is
    ``verb``'s subject and ``verb`` a conjunct of the earlier one. Changes the doc."""
    gov = verb.head
    if verb.dep_ not in _CLAUSE_LINKS or gov.i >= verb.i or verb.tag_ not in ("VBD", "VBN") \
            or children(verb, SUBJ | SUBJ_PASS) \
            or any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return
    doc = verb.doc
    for noun in doc[gov.i + 1:verb.i]:
        if noun.dep_ not in _STRANDED or coarse(noun) not in ("NOUN", "PROPN") \
                or not (noun.head.i == gov.i or noun.head.head.i == gov.i):
            continue
        left = min(t.i for t in noun.subtree)
        right = max(t.i for t in noun.subtree)
        if left < 1 or left - 1 <= gov.i:
            continue
        if doc[left - 1].text != ";" and not (
                doc[left - 1].lower_ in _JOINS and noun.head.i == gov.i
                and noun.dep_ in ("conj", "dep")):
            continue  # after "and": only a noun the parse made the verb's own conjunct
        if right + 1 == verb.i or (right + 2 == verb.i and doc[right + 1].text == ","):
            noun.head = verb
            noun.dep_ = "nsubj"
            verb.dep_ = "conj"
            return


def _passive_subject_in_object(verb: Token) -> None:
    """A passive clause coordinated after an active one whose subject the parse read as a
    second argument of the active clause ("Wuhan captured Chengdu and Gongsunshu was killed":
    "Gongsunshu" a conjunct of "Chengdu", so "was killed" has no subject, or has the first
    clause's verb as its clausal subject; "Bai Qi defeated Zhao at Changping and Zhao Kuo was
    killed": a conjunct of the place; "The Qing army took Yangzhou and Shi Kefa was
    executed": "Yangzhou and Shi Kefa" read as the passive's subject). When ``verb`` has a
    passive auxiliary and the word right before it ends a conjunct, after "and", of an
    earlier object or prepositional object, that conjunct is ``verb``'s passive subject; a
    verb the parse made ``verb``'s clausal subject becomes the head of the sentence again,
    with ``verb`` its conjunct; a first conjunct the parse made ``verb``'s subject while it
    follows right after the earlier verb, which has no object, is that verb's object.
    Changes the doc."""
    aux = next((c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i), None)
    if aux is None or aux.i < 3:
        return
    doc = verb.doc
    noun = doc[aux.i - 1]
    first = noun.head
    if noun.dep_ != "conj" or coarse(noun) not in ("NOUN", "PROPN") or first.i >= noun.i:
        return
    left = min(t.i for t in noun.subtree)
    if max(t.i for t in noun.subtree) != noun.i or doc[left - 1].lower_ != "and":
        return
    subjects = children(verb, SUBJ | SUBJ_PASS)
    if first.dep_ in OBJ or first.dep_ == "pobj":
        if any(coarse(s) != "VERB" for s in subjects):
            return
        clausal = subjects
        earlier = first.head if first.dep_ in OBJ else None
        if clausal:  # "captured" the clausal subject of "was killed"
            if len(clausal) != 1 or earlier is None or clausal[0].i != earlier.i:
                return
            root = verb.dep_ == "ROOT"
            earlier.head = earlier if root else verb.head
            earlier.dep_ = verb.dep_
            verb.head = earlier
            verb.dep_ = "conj"
    elif first.dep_ in SUBJ_PASS and first.head.i == verb.i and len(subjects) == 1:
        earlier = verb.head  # "took Yangzhou and Shi Kefa was executed"
        start = min(t.i for t in first.subtree)
        if earlier.i != start - 1 or coarse(earlier) != "VERB" or children(earlier, OBJ):
            return
        first.head = earlier
        first.dep_ = "dobj"
        verb.dep_ = "conj"
    else:
        return
    noun.head = verb
    noun.dep_ = "nsubjpass"
