"""Clause links in a parsed sentence that decide which date is an event's own.

Helpers of :mod:`pipeline.events.when`: the clause verb a token hangs on, the verbs
coordinated with a trigger's verb that share its subject, adverbial clauses and prepositions
whose ``bound`` cue ("after", "before") makes the other side's date a bound, events told as
earlier (``earlier`` cues, a perfect tense), a bare bracketed span after a common noun, dates
describing a noun, a date opening a later coordinated clause, the death of a dictionary entry's
headword. Tokens are spaCy tokens of one parsed sentence; full-text offsets minus
``sent_start`` are offsets into it. Raises nothing.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.events.lexicon import EventLexicon
from pipeline.events.roles import coarse
from pipeline.records import DateRow


def clause_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (the root if none)."""
    steps = 0
    while coarse(tok) != "VERB" and tok.head.i != tok.i and steps < 12:
        tok = tok.head
        steps += 1
    return tok


def token_at(sdoc: Doc, char: int) -> Token | None:
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def date_root(d: DateRow, sdoc: Doc, sent_start: int) -> Token | None:
    """The token of ``d`` whose head is outside it, in ``sdoc`` (None if not found)."""
    span = sdoc.char_span(d.start - sent_start, d.end - sent_start, alignment_mode="expand")
    return span.root if span is not None and len(span) else token_at(sdoc,
                                                                      d.start - sent_start)


def bound_link(tok: Token | None, lexicon: EventLexicon) -> int:
    """The index of the first preposition with a ``bound`` cue on the way from ``tok`` up to
    its clause verb ("After the fall of the Tang in 907, ...": "After"), or -1."""
    steps = 0
    while tok is not None and coarse(tok) != "VERB" and tok.head.i != tok.i and steps < 12:
        if tok.dep_ == "prep" and lexicon.cue(tok.lower_) == "bound":
            return tok.i
        tok = tok.head
        steps += 1
    return -1


def noun_owns(noun: Token, tok: Token | None) -> bool:
    """True if the way up from ``tok`` reaches ``noun`` before a verb and without leaving a
    conjunct ("the fall of the Tang in 907 and the death of Li Cunxu in 926": 907 is the
    fall's, 926 the death's)."""
    steps = 0
    while tok is not None and tok.i != noun.i and steps < 12:
        if tok.dep_ == "conj" or coarse(tok) == "VERB" or tok.head.i == tok.i:
            return False
        tok = tok.head
        steps += 1
    return tok is not None and tok.i == noun.i


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def conjuncts(verb: Token) -> set[int]:
    """The token indices of the verbs coordinated with ``verb`` that share its subject
    ("deposed the emperor and founded the Song": both), ``verb`` included; a conjunct with a
    subject of its own ("..., and he gave") is a clause of its own."""
    root = verb
    for _ in range(8):
        if root.dep_ != "conj" or root.head.i == root.i or _own_subject(root):
            break
        root = root.head
    out, todo = {root.i}, [root]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and coarse(c) == "VERB" and not _own_subject(c) \
                    and c.i not in out:
                out.add(c.i)
                todo.append(c)
    if verb.i not in out:
        return {verb.i}
    return out


def _coordination_top(verb: Token) -> Token:
    """The first verb of the coordination ``verb`` belongs to (subjects aside)."""
    for _ in range(8):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def opens_later_clause(date_tok: Token | None, verb: Token) -> bool:
    """True if the date at ``date_tok`` opens a later coordinated clause than ``verb``'s: it
    stands after ``verb`` and before its own verb, which is coordinated with ``verb`` ("he
    overthrew the Later Liang, and in 928 set himself up as emperor": 928 dates the setting up
    and what follows it, not the overthrow, which came before). A date after its own verb
    ("deposed the emperor and founded the Song in 420") may be the whole coordination's."""
    if date_tok is None:
        return False
    own = clause_verb(date_tok)
    return verb.i < date_tok.i < own.i and own.i != verb.i \
        and _coordination_top(own).i == _coordination_top(verb).i


def _marker(verb: Token) -> str:
    """The subordinator of an adverbial clause ("after the prince seized ..."), lower case."""
    for c in verb.children:
        if c.dep_ == "mark":
            return c.lower_
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return verb.head.lower_  # "after seizing Nanjing"
    return ""


def bounding_verbs(verb: Token, lexicon: EventLexicon) -> set[int]:
    """The verbs whose dates only bound ``verb``'s event: the clause an ``after``/``before``
    clause modifies ("after the prince seized Nanjing, he gave ... in 1404": 1404 is after
    the seizure), and an ``after``/``before`` clause of ``verb``'s own ("he fled before the
    Jin took Kaifeng in 1127"); ``bound`` cues of ``event_cues.csv``."""
    out: set[int] = set()
    chain = conjuncts(verb)
    top = verb.doc[min(chain)]
    for v in (verb, top):
        for _ in range(3):  # up through "after seizing" (pcomp -> prep -> verb)
            if v.dep_ in ("advcl", "pcomp") and lexicon.cue(_marker(v)) == "bound":
                head = clause_verb(v.head) if v.dep_ == "advcl" else clause_verb(v.head.head)
                out |= conjuncts(head)
                break
            if v.dep_ != "pcomp":
                break
            v = v.head
    for i in chain:
        for c in verb.doc[i].subtree:
            if c.dep_ in ("advcl", "pcomp") and coarse(c) == "VERB" \
                    and lexicon.cue(_marker(c)) == "bound" and c.i not in chain:
                out |= conjuncts(c)
    return out - chain


#: Links of a clause that hangs on a noun (a relative clause, a participle; "captured" read
#: as an adjective of its object by the parse).
_ATTACHED = frozenset({"relcl", "acl", "amod"})
#: Auxiliaries of a perfect tense (past: "had taken"; present: "has taken", "have fallen").
_PERFECT_AUX = frozenset({"had", "'d", "has", "have", "'ve"})


def told_as_earlier(verb: Token, lexicon: EventLexicon) -> str:
    """How ``verb``'s clause tells its event as earlier than the narrative's time: ``cue``
    (an ``earlier`` cue of ``event_cues.csv`` on it, "earlier", "previously", "in his youth",
    or "before that/this/then"), ``perfect`` (a past perfect, "the Song had lost Taiyuan":
    often background of the same time; or a present perfect, "since then he has passed through
    Su-sung, captured ...": told from the time of writing, over a stretch that reaches it, so
    the narrative's running date is not its time; also a relative clause or participle on a
    noun of such a clause) or ""."""
    chain = sorted(conjuncts(verb))
    first = verb.doc[chain[0]]
    perfect = False
    for v in {verb.i: verb, first.i: first}.values():
        perfect = perfect or (v.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lower_ in _PERFECT_AUX for c in v.children))
        for c in v.children:
            if lexicon.cue(c.lower_) == "earlier" and c.dep_ in ("advmod", "npadvmod"):
                return "cue"
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    if lexicon.cue(g.lower_) == "earlier" or (
                            c.lower_ == "before" and g.lower_ in ("that", "this", "then")):
                        return "cue"
    if not perfect and first.dep_ in _ATTACHED and first.head.i != first.i:
        # "has occupied Qimen, from which he effected the recovery of Anqing": the clause
        # hangs on a noun of a clause told in a perfect tense, and is told from its time
        host = clause_verb(first.head)
        perfect = host.i != first.i and told_as_earlier(host, lexicon) == "perfect"
    return "perfect" if perfect else ""


def dates_its_noun(d: DateRow, sdoc: Doc, sent_start: int) -> bool:
    """True if the printed span aside ``d`` is a bare bracket right after a common noun ("the
    third voyage (1409-1411)", "the Jingnan campaign (1399-1402)"): the time of what the noun
    names, so of its clause. A span after a name ("Hai Rui (1514-1587)") or with a mark
    ("(r. 1127-1162)") is a life or reign span: False."""
    tok = token_at(sdoc, d.start - sent_start)
    if tok is None or tok.i < 2 or sdoc[tok.i - 1].text != "(":
        return False
    noun = sdoc[tok.i - 2]
    return noun.tag_ in ("NN", "NNS") and noun.text.islower()


def describes_a_noun(tok: Token | None) -> bool:
    """True if ``tok``'s clause is a relative clause or a participle modifying a noun ("Yue
    Fei, who was born in 1103, ...", "the city, taken in 1127, ..."): its date describes that
    noun, not the sentence's main event."""
    if tok is None:
        return False
    verb = clause_verb(tok)
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "relcl" or (verb.dep_ == "acl" and coarse(verb.head) in ("NOUN",
                                                                                 "PROPN"))


#: Event types that are the death of their clause's subject, and those that are when the
#: subject is passive ("he was assassinated").
_DEATHS = frozenset({"death", "suicide"})
_PASSIVE_DEATHS = frozenset({"killing", "execution"})
_PRONOUNS = frozenset({"he", "she"})


def headword_dies(event_type: str, sdoc: Doc, head: Token, headword: str,
                   lexicon: EventLexicon | None = None) -> bool:
    """True if the event of ``head`` is the death of the entry's ``headword``, or coordinated
    with it ("he set fire to his palace and perished": a ``death`` trigger of ``lexicon``
    among the verbs coordinated with the trigger's): a death type whose clause (or the first
    verb it is coordinated with) has no subject, "he"/"she", or a name whose words the
    headword holds."""
    if not sdoc.has_annotation("DEP"):
        return event_type in _DEATHS
    verb = clause_verb(head)
    if event_type not in _DEATHS and event_type not in _PASSIVE_DEATHS:
        others = conjuncts(verb) - {verb.i}
        if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and not any(
                c.dep_ == "mark" for c in verb.children):  # "Being besieged ..., he perished"
            verb = clause_verb(verb.head)
            others |= conjuncts(verb)
        if lexicon is None or not any(
                any(r.event_type in _DEATHS for r in lexicon.forms.get(sdoc[i].lower_, ()))
                for i in others):
            return False
        event_type = "death"
    deps = ("nsubjpass",) if event_type in _PASSIVE_DEATHS else ("nsubj", "nsubjpass")
    chain = sorted(conjuncts(verb))
    subjects = [c for v in {chain[0], verb.i} for c in sdoc[v].children
                if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if not subjects:
        return event_type in _DEATHS and coarse(head) == "VERB"
    known = headword.lower()
    return all(c.dep_ in deps and (c.lower_ in _PRONOUNS or (
        c.tag_.startswith("NNP") and c.lower_ in known)) for c in subjects)
