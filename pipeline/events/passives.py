"""Passives without their own auxiliary, read from the parse of an event trigger's verb:
reduced ("Wang Zhi promoted to governor in 1465"), a conjunct sharing a passive verb's
auxiliary ("he was condemned and beheaded"), and a gapped passive with its own subject
("Jinyang was conquered and Gao Yanzong captured"). Used by
:func:`pipeline.events.roles.read_frame`: for a passive, the subject is the patient."""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.subjects import is_passive
from pipeline.events.syntax import SUBJ, SUBJ_PASS, children, coarse

#: The only dependents a reduced passive ("later promoted to governor") may have.
_REDUCED_DEPS = frozenset({"advmod", "prep", "punct", "cc", "conj", "npadvmod", "agent",
                           "advcl"})


def reduced_passive(head: Token, rule: TriggerRule | None, obj: Token | None) -> bool:
    """True for a state act's verb (a rule with an ``implied_agent``: appoint, promote,
    exile, arrest ...; verbs that take an object) read as active with no direct object and
    either no subject of its own (it borrows one: "X, who was given the command, later
    promoted to governor") or a past-participle tag ("Wang Zhi promoted to governor in
    1465"): a passive without its auxiliary, so its subject is the patient and the agent is
    implied (:mod:`pipeline.events.implied`)."""
    if rule is None or not rule.implied_agent or not rule.takes_object or obj is not None \
            or coarse(head) != "VERB" or head.tag_ not in ("VBN", "VBD"):
        return False
    if any(c.dep_ not in _REDUCED_DEPS for c in head.children):
        return False  # "granted him a title", "had promoted", "made Luoyang his capital"
    return head.tag_ == "VBN" or not children(head, SUBJ | SUBJ_PASS)


def _bare_past_conjunct(head: Token, rule: TriggerRule | None, obj: Token | None,
                        tags: tuple[str, ...]) -> bool:
    """A regular past form (``tags``, "-ed") in a ``conj`` with no direct object, for a rule
    that takes an object and names no partner: the shape both conjunct passives share."""
    return rule is not None and rule.takes_object and not rule.partner and obj is None \
        and head.dep_ == "conj" and head.tag_ in tags and head.lower_.endswith("ed")


def passive_conjunct(head: Token, rule: TriggerRule | None, obj: Token | None) -> bool:
    """True for a regular past form the tagger read as VBD, coordinated with a passive verb
    before it, with no subject, auxiliary, particle or object of its own, for a rule that
    takes an object and names no partner ("he was condemned as a traitor and beheaded in
    the market-place": "was" governs both; the subject is the one beheaded). Verbs with a
    partner ("was surrounded and surrendered (to X)") are acts of the subject."""
    if not _bare_past_conjunct(head, rule, obj, ("VBD",)):
        return False
    if any(c.dep_ not in _REDUCED_DEPS for c in head.children):
        return False  # a subject, auxiliary, particle or object of its own ("by X" kept)
    return is_passive(head.head)


def gapped_passive(head: Token, rule: TriggerRule | None, obj: Token | None,
                    lexicon: EventLexicon) -> bool:
    """True for a regular past form coordinated after a passive verb whose auxiliary it shares
    ("Jinyang was conquered and Gao Yanzong captured", "the city was taken and its governor
    killed"): the clause is "and" + its own subject + the verb right after it, with no
    auxiliary, particle or object, for a rule that takes an object and names no partner, so
    the subject is the patient. "the city was taken and its governor fled / surrendered (to
    X)" are acts of the subject (no object taken, or a partner); a named subject is the
    patient only of a verb the lexicon gives a PERSON object ("and Gao Yanzong captured"), as
    "the city was besieged and the Jin attacked" is the Jin's act."""
    if not _bare_past_conjunct(head, rule, obj, ("VBD", "VBN")) or not is_passive(head.head):
        return False
    subjects = [c for c in head.children if c.dep_ in SUBJ]
    if len(subjects) != 1 or any(c.dep_ not in _REDUCED_DEPS and c.dep_ not in SUBJ
                                 for c in head.children):
        return False
    subj = subjects[0]
    if subj.tag_.startswith("NNP") and not any(
            r.object_label == "PERSON" for r in lexicon.forms.get(head.lower_, ())):
        return False
    first = min(t.i for t in subj.subtree)
    return max(t.i for t in subj.subtree) == head.i - 1 and first > 0 \
        and head.doc[first - 1].lower_ == "and" and subj.lower_ not in _PRONOUN_SUBJECTS


#: Subjects that make a bare past form active ("and he attacked").
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "it", "who", "which"})
