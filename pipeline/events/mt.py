"""Machine-translated (MT) pages: detecting them, and MT grammar in their event rows.

English machine-translated from Chinese runs clauses together with commas ("Zheng He attacked
first, five thousand pirates were killed, ten ships were burned, Chen Zuyi was captured"):
each comma-spliced clause is a sentence of the original, and an agentless passive among them
reports what the previous clause's agent did to someone (Chinese leaves the agent out when
the clause before names it). Wikipedia and annals English seldom does this, so the rules
here apply only to a text whose **MT score** says it is machine-translated.

* :func:`mt_score`: comma splices per sentence. A splice is a comma between two finite
  clauses with no conjunction: the part before the comma holds a past-tense verb (so "In
  1127, he returned" is none) and opens no subordinate clause ("When he died, ..."), the part after
  opens with a subject (a pronoun or a noun phrase of at most three words) and a past-tense
  verb ("..., he fled", "..., the city was taken"), not with "and", "but", "which" ...
  Each era year in the Chinese order with a bracketed CE year after it counts as one more
  signal ("the Yongle five years (1407)", "Jiading 15 years (1222)").
* :func:`is_machine_translated`: at least :data:`MIN_SIGNALS` signals and
  :data:`MT_RATE` per sentence (the three MT pages of heldout4 score 0.39 to 0.85; the
  Wikipedia, annals, OCR and fluent translated pages of the development sets 0.00 to 0.27;
  a page translated from Chinese by hand with run-on sentences, 14 of the dev pages, 0.38).
* :func:`splice_agents`: in an MT text, an agentless passive trigger whose sentence has an
  active, transitive trigger with a known agent before it, in an earlier comma-spliced
  clause, takes that agent as actor1 (``actor1_source`` ``splice``, a guess: certainty low);
  the passive rows after it in the same run take it too, and a passive with a "by" agent
  passes that agent on ("Ma He was captured by the Ming army, later he was sent to Beiping").
  A clause with an active verb of its own ends the run.
* :func:`fronted_phrase_agents`: a name after a preposition MT leaves before its verb ("from
  Liujiahe in Suzhou set off") is no actor1.

Verbless motion clauses: :mod:`pipeline.events.mt_motion`; result verbs, serial compounds and
topic-first sentences: :mod:`pipeline.events.mt_results` (which also composes the rules).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from pipeline.events.lexicon import TriggerRule
from pipeline.events.rows import PendingEvent
from pipeline.events.salience import Salience
from pipeline.events.subjects import is_passive
from pipeline.events.syntax import trigger_head
from pipeline.records import EntityRow, EventRow

__all__ = ["MIN_SIGNALS", "MT_RATE", "SOURCE", "fronted_phrase_agents", "is_machine_translated",
           "mt_score", "splice_agents"]

#: actor1_source of an agent taken from an earlier comma-spliced clause.
SOURCE = "splice"
#: MT signals per sentence from which a text is machine-translated.
MT_RATE = 0.3
#: A text needs at least this many signals (a short text's one splice proves nothing).
MIN_SIGNALS = 4

_PAST = (r"(?:[a-z]+ed|was|were|had|did|went|took|led|fled|made|sent|gave|saw|came|became"
         r"|fought|won|knew|rose|built|set|got|ran|fell|left|held|began|wrote|brought"
         r"|thought|told|found|stood|lost|put|killed|burnt|slew|bore|chose|drove|struck|broke)")
_FINITE = re.compile(rf"\b{_PAST}\b")
#: A part before a comma that is a fronted adverbial or subordinate clause, not a clause.
_FRONTED = re.compile(r"\s*(?:when|after|before|as|since|although|though|because|if|while"
                      r"|once|until|having|being|upon|according|whenever|unless)\b",
                      re.IGNORECASE)
_CONTINUES = re.compile(r"(?:and|but|or|then|so|which|who|whom|whose|where|while|when|although"
                        r"|yet|nor|thus|however|including|as|if|because|since|said|says)\b",
                        re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"(?:he|she|they|it|we|this|there|(?:(?:the|his|her|their|its)\s+)?"
                         r"[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,2})\s+"
                         rf"(?:[a-z]+ly\s+)?(?:also\s+)?{_PAST}\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)
_NUMBER = (r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
           r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
           r"|(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight"
           r"|nine))?)")
_ERA_YEARS = re.compile(rf"\b[A-Z][a-z]+\s+{_NUMBER}\s+years?\s*\(\s*(?:AD\s*)?\d{{2,4}}")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _splices(sentence: str) -> int:
    """Comma splices in one sentence (see the module doc)."""
    parts = re.split(r",\s*", sentence)
    n = 0
    for before, after in zip(parts, parts[1:], strict=False):
        if _FRONTED.match(before) and not _SUBJECT_PRONOUN.search(before):
            continue
        if not _FINITE.search(before) or _CONTINUES.match(after):
            continue
        n += _NEW_CLAUSE.match(after) is not None
    return n


def mt_score(text: str) -> tuple[int, int]:
    """(MT signals, sentences) of ``text``: comma splices plus era years in the Chinese order
    (see the module doc); sentences are runs ending in ".", "!", "?" or a line break holding
    more than three words."""
    sentences = [s for s in _SENTENCE.split(text) if len(s.split()) > 3]
    signals = sum(_splices(s) for s in sentences) + len(_ERA_YEARS.findall(text))
    return signals, len(sentences)


def is_machine_translated(text: str) -> bool:
    """True when ``text`` (a document, or a group of its paragraphs) reads as machine-translated
    from Chinese: at least :data:`MIN_SIGNALS` MT signals and :data:`MT_RATE` per sentence."""
    signals, sentences = mt_score(text)
    return signals >= MIN_SIGNALS and signals >= MT_RATE * max(sentences, 1)


def _has_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children)


def _intended(verb: Token) -> bool:
    """True for an infinitive or open complement ("was sent to go and arrest them"): an
    errand, whose agent is the one sent."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ == "xcomp"


_BE = frozenset({"was", "were", "been", "be", "is", "are"})


def _passive(verb: Token) -> bool:
    """:func:`is_passive`, or a participle the parse hung on "was" as its complement ("he was
    exiled": ``acomp``)."""
    return is_passive(verb) or (verb.tag_ == "VBN" and verb.dep_ == "acomp"
                                and verb.head.lower_ in _BE)


def _active_clause(tok: Token) -> bool:
    """True for a verb with a subject of its own, not passive: a clause whose agent is not
    the donor's ("X attacked first, the West King was afraid, ..."); not the "was" of a
    passive the parse misread ("he was exiled")."""
    if tok.lower_ in _BE and any(_passive(c) for c in tok.children):
        return False
    return tok.pos_ in ("VERB", "AUX") and not _passive(tok) \
        and any(c.dep_ in ("nsubj", "csubj") for c in tok.children)


#: actor1 sources a spliced agent may come from (the text names the agent, or a pronoun does).
_DONOR_SOURCES = frozenset({"named", "polity", "pronoun", "parse", SOURCE})


def splice_agents(rows: Sequence[PendingEvent],
                  triggers: Sequence[tuple[Span, Sequence[TriggerRule]]]) -> list[PendingEvent]:
    """``rows`` (one parsed sentence's rows of an MT text, in trigger order) with the agent of
    an earlier comma-spliced clause given to each agentless passive after it (see the module
    doc). ``triggers``: each row's trigger as a span of the parsed sentence, and its rules.
    A row keeps a named, pronoun, group or side agent; only a blank or ``implied`` actor1
    (the reigning ruler by default) is replaced; a passive whose patient is the agent itself
    ("X attacked Y, X was wounded") is left alone."""
    out = list(rows)
    donor: EventRow | None = None
    donor_end = 0  # token index in the sentence after the donor's trigger
    intended = False  # the donor is an infinitive errand
    for k, ((row, query), (local, rules)) in enumerate(zip(rows, triggers, strict=True)):
        head = trigger_head(local)
        rule = rules[0]
        if not _passive(head):
            transitive = rule.takes_object and rule.subject_role == "agent"
            donor = row if transitive and row.actor1 and row.actor1_source in _DONOR_SOURCES \
                else None
            donor_end, intended = local.end, _intended(head)
            continue
        if intended and not rule.hostile:
            continue  # "X was ordered to go ..., Y was appointed": an errand's agent only
            # does violence ("was sent to arrest them, Z was killed")
        if _has_agent(head):  # "X was captured by the Ming army, later he was sent": Ming
            donor = row if row.actor1 and row.actor1_source in _DONOR_SOURCES else None
            donor_end, intended = local.end, False
            continue
        between = local.doc[donor_end:local.start]
        if donor is None or not rule.takes_object \
                or not any(t.text == "," for t in between) or any(_active_clause(t)
                                                                 for t in between):
            continue
        if (row.actor1 and row.actor1_source != "implied") or row.actor2 == donor.actor1:
            continue
        row = dataclasses.replace(row, actor1=donor.actor1, actor1_polity=donor.actor1_polity,
                                  actor1_source=SOURCE, certainty="low")
        out[k] = (row, query)
        donor, donor_end = row, local.end  # the run goes on: "..., X was killed, Y burned"
        intended = False
    return out



def fronted_phrase_agents(rows: Sequence[PendingEvent],
                          triggers: Sequence[tuple[Span, Sequence[TriggerRule]]],
                          prepositions: frozenset[str], base: int, salience: Salience,
                          polity: Callable[[EntityRow], str]) -> list[PendingEvent]:
    """``rows`` (one parsed sentence's rows of an MT text, with their triggers as spans of the
    sentence Doc and rules) without an actor1 that the parse took from a prepositional phrase
    put before the verb in the Chinese order ("They led 62 ships, from Liujiahe in Suzhou set
    off": 从刘家河出发; the parse reads "Liujiahe" as the subject): an actor1 whose mention
    before the trigger follows one of ``prepositions`` (the ``fronted_preposition`` cues of
    ``mt_cues.csv``) is replaced by the subject of the event noted last in this sentence or
    the one before (:meth:`Salience.continued`, source ``pronoun``: a zero anaphor), else
    blanked. ``base``: the full-text offset of the sentence Doc; ``polity``: an entity's
    polity."""
    out = list(rows)
    for k, ((row, query), (local, _)) in enumerate(zip(rows, triggers, strict=True)):
        if not row.actor1 or row.actor1_source not in ("parse", "named", "place") \
                or is_passive(trigger_head(local)):
            continue
        last = row.actor1.split()[-1].lower()
        mention = next((t for t in reversed(local.doc[:local.start]) if t.lower_ == last), None)
        if mention is None:
            continue
        first = mention
        while first.i > 0 and first.nbor(-1).text[:1].isupper() and first.nbor(-1).is_alpha:
            first = first.nbor(-1)
        if first.i == 0 or first.nbor(-1).lower_ not in prepositions:
            continue
        actor = salience.continued(base + local[0].idx)
        if actor is not None and actor.entity.canonical != row.actor1:
            row = dataclasses.replace(row, actor1=actor.entity.canonical,
                                      actor1_polity=polity(actor.entity),
                                      actor1_source="pronoun",
                                      certainty="low" if row.certainty == "low" else "medium")
        else:
            row = dataclasses.replace(row, actor1="", actor1_polity="", actor1_source="")
        out[k] = (row, query)
    return out
