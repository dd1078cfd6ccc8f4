"""Triggers that the page does not vouch for, or says did not happen, read from the parse and
the cue kinds of ``gazetteer/report_cues.csv``: :func:`reported` (hearsay, announced
intentions; no row, read by :func:`pipeline.events.rows.build.build_event`) and
:func:`never_happened` (called by :func:`pipeline.events.unreal.unreal`, so
:func:`pipeline.events.modality.modality` gives ``none``):

* a hedged report: the trigger's clause is the complement of a ``report`` verb that is passive
  with an expletive subject ("It is said that he was poisoned", "it was rumoured that ...") or
  with a "to" infinitive ("Koxinga is said to have burned his robes and raised an army"), or
  that is in the present tense with a subject that names no source (``vague``: "some writers
  say the fleet discovered America", "legend says"; not "The History of Liao says", "Arab
  sources report"): hearsay or a view, not the page's narrative (a past "he said that ..." is
  a speaker's report and stays, as do "he was told that the city had fallen" and the
  ``claim`` cues of :mod:`pipeline.events.modality`);
* an announced intention: the complement of an ``announce`` verb with a ``future`` auxiliary
  ("he said he will attack the Southern Qi", "vowed that he shall take the city");
* an event noun said not to have happened: the subject of a negated ``occur`` verb, or the noun
  a negated ``occur`` relative clause describes ("the invasion never took place", "an attack
  that never happened"; not "the siege did not last").

Word forms, not lemmas: the parse runs without the lemmatizer."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.events.habits import read_form_cues
from pipeline.events.syntax import MAX_CLIMB, SUBJ_PASS, coarse
from pipeline.resources import gazetteer_dir

#: Links from a verb to the clause it reports ("said [that he was poisoned]").
_CLAUSE = frozenset({"ccomp", "xcomp"})
#: Links of an event noun that is a participant of the reported clause.
_NOUN_IN_CLAUSE = frozenset({"nsubj", "nsubjpass", "dobj"})
_SUBJECT = frozenset({"nsubj", "nsubjpass"})
_PRESENT = frozenset({"VBZ", "VBP"})


@lru_cache(maxsize=4)
def load_report_cues(path: Path | None = None) -> dict[str, frozenset[str]]:
    """The word forms of each cue kind of ``report_cues.csv`` (``report``, ``announce``,
    ``future``, ``occur``, ``vague``): kind -> lower-case forms (multi-word forms space-joined)."""
    return read_form_cues(path or gazetteer_dir() / "report_cues.csv")


def _is(word: Token, kind: str) -> bool:
    return word.lower_ in load_report_cues().get(kind, frozenset())


def _governing_report(head: Token) -> tuple[Token, Token] | None:
    """The nearest verb whose reported clause holds ``head`` and that is a ``report`` or
    ``announce`` cue, with the clause verb under it; a conjunct shares its first conjunct's
    governor ("is said to have burned his robes and raised an army"). The clause follows the
    verb: one before it is the narrative's own ("Fu Rong was killed ...; it is said that ...")."""
    cur = head
    if coarse(cur) == "NOUN" and cur.dep_ in _NOUN_IN_CLAUSE:
        cur = cur.head
    for _ in range(MAX_CLIMB):
        while cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
        if cur.dep_ not in _CLAUSE or cur.head.i == cur.i:
            return None
        clause, cur = cur, cur.head
        if (_is(cur, "report") or _is(cur, "announce")) and clause.i > cur.i:
            return cur, clause  # not a clause before the verb ("X died, some people say
            # he was buried at Y": the death is told, the burial reported)
    return None


def _hearsay(verb: Token, clause: Token) -> bool:
    """A ``report`` verb that hedges its clause: passive with "it" ("it is said that") or with
    a "to" infinitive ("is said to have burned"), or present with a :func:`_vague` subject
    ("some writers say")."""
    if not _is(verb, "report"):
        return False
    kids = list(verb.children)
    if any(c.dep_ == "auxpass" for c in kids):
        if clause.dep_ == "ccomp":
            return any(c.dep_ in SUBJ_PASS | {"expl"} and c.lower_ == "it" for c in kids)
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    subjects = [c for c in kids if c.dep_ in _SUBJECT]
    return verb.tag_ in _PRESENT and bool(subjects) and all(_vague(s) for s in subjects)


def _vague(subject: Token) -> bool:
    """A subject that names no source: a ``vague`` pronoun or determiner ("some say", "some
    writers say", "others believe") or a bare singular common noun ("legend says", "tradition
    holds"); not a named or plain source ("The History of Liao says", "Arab and Persian
    sources report", "historians believe": a citation, the page's own account)."""
    if _is(subject, "vague"):
        return True
    if any(c.dep_ in ("det", "amod") and _is(c, "vague") for c in subject.children):
        return True
    if subject.tag_ == "NNP":  # "Legend says ...": a capitalised first word, read as a name
        return subject.is_sent_start and not list(subject.children)
    return subject.tag_ == "NN" and not any(c.dep_ in ("det", "poss", "compound")
                                            for c in subject.children)


def _announced(verb: Token, clause: Token) -> bool:
    """An ``announce`` verb whose clause has a ``future`` auxiliary ("said he will attack")."""
    return _is(verb, "announce") and any(c.dep_ == "aux" and _is(c, "future")
                                         for c in clause.children)


def _occur_denied(verb: Token) -> bool:
    """A negated ``occur`` verb ("never took place", "did not happen")."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    if _is(verb, "occur"):
        return True
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "prt")), None)
    return obj is not None and _is_phrase(verb, obj)


def _is_phrase(verb: Token, obj: Token) -> bool:
    return f"{verb.lower_} {obj.lower_}" in load_report_cues().get("occur", frozenset())


def never_happened(head: Token) -> bool:
    """An event noun that the sentence says did not happen: subject of a negated ``occur``
    verb or described by a negated ``occur`` relative clause ("the invasion that he had been
    preparing never took place")."""
    if coarse(head) != "NOUN":
        return False
    if head.dep_ in _SUBJECT and _occur_denied(head.head):
        return True
    return any(c.dep_ == "relcl" and _occur_denied(c) for c in head.children)


def reported(head: Token) -> bool:
    """Whether the trigger ``head`` is told as hearsay or an announced intention (see the
    module doc). Checked by :func:`pipeline.events.rows.build.build_event` after the row's
    subject is noted as salient ("Koxinga is said to have burned his robes ... He ...":
    Koxinga), not by the modality (which drops the trigger before its actors are read)."""
    found = _governing_report(head)
    return found is not None and (_hearsay(*found) or _announced(*found))
