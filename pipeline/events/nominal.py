"""Nominal triggers: when a noun is an event, and who its "from" phrase names.

A noun derived from an event verb (``gazetteer/event_nouns.csv``, built from WordNet by
``scripts/build_event_nouns.py``: "death", "birth", "invasions") is an event only as a noun
with an argument of its own (:func:`derived_anchored`): a possessor ("his death"), an
"of"/"by"/"from"/"against"/"on" phrase ("the death of X", "attacks from the Tayan"), or a
name among its modifiers ("the Mongol invasion"); the same word as a verb ("they advance") is
left to the verbs' own rows, and a bare noun ("upon his return home, the death toll ...") is
no event. A hostile noun's "from" phrase naming an actor is its agent (:func:`from_agent`:
"attacks from the Tayan tribe": the tribe attacks). A plural noun ("the invasions of the
Mongols") is one row per mention, like any trigger.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.anaphora import _POSSESSIVE_KIND, _sentence_subject, resolve_actor
from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.roles import Frame, coarse
from pipeline.events.salience import Salience
from pipeline.events.subjects import controller
from pipeline.events.syntax import prep_objects

_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})


def derived_anchored(frame: Frame, trig: Span, lexicon: EventLexicon,
                     entity_at: Callable[[Token], object | None]) -> bool:
    """False when ``trig`` (its lower-case text) is a form that only ``event_nouns.csv``
    gives (:attr:`EventLexicon.derived`) and the frame's head is not a noun with an argument
    of its own: an agent or patient other than the noun itself (a possessor, an "of", "by"
    or "from" phrase: :func:`from_agent` is applied first), or a modifier that is an entity
    or a proper noun. Any other trigger: True."""
    if trig.text.lower() not in lexicon.derived:
        return True
    head = frame.head
    if coarse(head) != "NOUN":
        return False  # "they advance": a verb, found (or not) by the verbs' own rows
    if supported(head, lexicon, entity_at):
        return True  # "he made many reformations", "the Song and Jin sides launched a battle"
    if head.dep_ in ("dobj", "obj", "nsubjpass") and head.head.lower_ in lexicon.forms:
        return False  # "established the country's foundation": the verb's own row
    args = [t for t in (frame.agent, frame.patient) if t is not None and t.i != head.i]
    args += [c for c in head.children if c.dep_ in _MODIFIERS and not any(
        t.is_punct for t in head.doc[min(c.i, head.i) + 1:max(c.i, head.i)])]
    # (a modifier across a bracket is a misparse: "(see the Battle of X) battle")
    return any(_specific(t, lexicon, entity_at) for t in args)


def supported(head: Token, lexicon: EventLexicon,
              entity_at: Callable[[Token], object | None]) -> bool:
    """True when the noun ``head`` is the direct object of a ``support`` verb of
    ``event_cues.csv`` ("made", "launched", "carried out") in the active voice whose subject
    names someone (:func:`_specific`, or a name among the subject's modifiers: "the Song and
    Jin sides"): "he made many reformations", "the two sides launched a fierce battle" (the
    support verb's subject is the noun's agent); not "made a decision" by "many people"."""
    verb = head.head
    if head.dep_ not in ("dobj", "obj") or coarse(verb) != "VERB" \
            or lexicon.cue(verb.lower_) != "support":
        return False
    subject = controller(verb, lexicon)
    if subject is None or subject.dep_ == "nsubjpass":
        return False
    return _specific(subject, lexicon, entity_at) or any(
        _specific(c, lexicon, entity_at) for c in subject.children
        if c.dep_ in ("compound", "nmod", "poss") or (c.dep_ == "conj" and c.tag_ == "NNP"))


def _specific(tok: Token, lexicon: EventLexicon,
              entity_at: Callable[[Token], object | None]) -> bool:
    """True for an argument that names someone or somewhere: an entity, a proper noun, a
    personal or possessive pronoun, an anaphor or group word of the cues ("the emperor",
    "the rebels"); not "many emperors", "an emperor", "the weather", "1"."""
    if entity_at(tok) is not None or tok.tag_.startswith("NNP"):
        return True
    if tok.tag_ in ("PRP", "PRP$"):
        return tok.lower_ in _POSSESSIVE_KIND or tok.lower_ == "its" \
            or lexicon.cue(tok.lower_) == "anaphor_person" \
            or tok.lower_ in ("they", "them", "he", "him", "she")
    if lexicon.cue(tok.lower_) in ("anaphor_person", "anaphor_group", "group_noun"):
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "his", "her", "their")
                   for c in tok.children)
    return False


def from_agent(frame: Frame, rule: TriggerRule, is_actor: Callable[[Token], bool]) -> Frame:
    """For a noun trigger of a ``hostile`` rule with no agent (or only itself: an
    intransitive noun's own phrase), the object of "from" on it when ``is_actor`` says it
    names an actor, not a place ("attacks from the Tayan tribe", "raids from the north" is a
    place): that is the agent. Any other frame is returned unchanged."""
    head = frame.head
    if not rule.hostile or coarse(head) != "NOUN" or (
            frame.agent is not None and frame.agent.i != head.i):
        return frame
    source = next((t for t in prep_objects(head, frozenset({"from"})) if is_actor(t)), None)
    if source is None:
        return frame
    return dataclasses.replace(frame, agent=source,
                               origins=tuple(t for t in frame.origins if t.i != source.i))


def possessive_actor(finder: ActorFinder, salience: Salience, tok: Token | None,
                     rule: TriggerRule) -> Actor | None:
    """The antecedent of a possessive pronoun that is the own argument of a noun trigger of
    an intransitive rule ("reigned from 951 until his death": ``tok`` is "his"): the highest
    subject before it in its own sentence that fits, ``source="pronoun"``; None otherwise.
    Not for a rule that takes an object: the possessor of "their defeat", "his overthrow" is
    the one it happened to; not from an earlier sentence: "Until her death in 490, his
    grandmother Empress Dowager Feng ...": the name comes after (checked on dev pages: the
    earlier-sentence reading was wrong more often than right). A possessed noun in a phrase
    on a later clause's verb takes that verb's subject (:func:`_host_subject`: "After his
    return Genghis Khan invaded")."""
    if tok is None or tok.dep_ != "poss" or tok.lower_ not in _POSSESSIVE_KIND \
            or rule.takes_object:
        return None
    found, actor = _sentence_subject(finder, tok, _POSSESSIVE_KIND[tok.lower_], salience)
    if found:
        return actor
    if rule.event_type in _AFTERLIFE:
        return None  # "After his death, Zhuge Liang governed": the one who acts is alive
    return _host_subject(finder, salience, tok)


#: Event types whose possessor cannot be the subject of the clause the noun's phrase is set in
#: ("After his death, Zhuge Liang governed the state": Liu Bei died, not Zhuge Liang).
_AFTERLIFE = frozenset({"death", "suicide", "execution", "killing", "burial"})


def _host_subject(finder: ActorFinder, salience: Salience, tok: Token) -> Actor | None:
    """The subject of the clause a possessed noun trigger's phrase is set in ("After his
    return Genghis Khan invaded Xia", "The Emperor, on his return, issued a decree": ``tok``
    "his" on "return", the object of a preposition on the verb whose subject names the one
    who returned), ``source="pronoun"``: a person for "his"/"her" (a title resolved as
    "the emperor" is), not a noun with a possessor of its own ("After his death his son X
    succeeded": the son is someone else), not a pronoun (the salience resolver's). None
    otherwise."""
    noun = tok.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or coarse(prep.head) != "VERB":
        return None
    subj = next((c for c in prep.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.tag_ == "PRP" or subj.i in {t.i for t in prep.subtree} \
            or any(c.dep_ == "poss" for c in subj.children):
        return None
    actor = resolve_actor(finder, salience, subj, finder.base + subj.idx)
    if actor is None or (_POSSESSIVE_KIND[tok.lower_] == "anaphor_person"
                         and actor.entity.label != "PERSON"):
        return None
    return Actor(actor.entity, "pronoun")


def thing_possessor(frame: Frame, rule: TriggerRule, lexicon: EventLexicon) -> Frame:
    """For a noun trigger of a rule that takes an object whose agent the parse read from
    "its" ("initiated its reconstruction": the temple is rebuilt, it builds nothing): "its" is
    no agent; the subject of a ``support`` verb the noun is the object of is ("Huang Taishan
    initiated its reconstruction": Huang Taishan), else there is none. Any other frame is
    returned unchanged."""
    agent = frame.agent
    if agent is None or agent.lower_ != "its" or agent.dep_ != "poss" \
            or not rule.takes_object or coarse(frame.head) != "NOUN":
        return frame
    head = frame.head
    support = head.head if head.dep_ in ("dobj", "obj") and coarse(head.head) == "VERB" \
        and lexicon.cue(head.head.lower_) == "support" else None
    return dataclasses.replace(frame, agent=controller(support, lexicon)
                               if support is not None else None)


#: Dependency labels of a noun that describes or classifies another noun.
_DESCRIBING = frozenset({"compound", "amod", "nmod"})
_COPULAS = frozenset({"be", "is", "was", "were", "are", "been", "being", "become", "became",
                      "becomes", "remained", "remains"})


def description(frame: Frame, sdoc: Doc,
                entity_at: Callable[[Token], object | None]) -> str:
    """Why a noun trigger is no event here, or "": ``modifier`` when the noun describes
    another noun ("a rebel general", "invasion forces"; not before a name: "Yexian big defeat
    Ming army" is a verb the tagger misread); ``title`` when a name follows it in apposition
    ("the rebel Huang Chao"); ``copula`` when it is what a copula says a person
    (``entity_at``: a PERSON entity) or "he" is ("An Lushan was a rebel"; not "The An Lushan
    Rebellion was a rebellion against the Tang"); ``heading`` when its sentence (``sdoc``,
    parsed) is a line that opens with a capital, has no verb and no closing full stop
    ("Rebellion of An Lushan",
    "Invasion of Korea (1592)"). A verb trigger: always ""."""
    head = frame.head
    if coarse(head) not in ("NOUN", "PROPN", "ADJ") or not sdoc.has_annotation("DEP"):
        return ""
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.dep_ in _DESCRIBING and head.head.i != head.i and head.head.i > head.i \
            and coarse(head.head) in ("NOUN", "PROPN") \
            and not (nxt is not None and nxt.tag_.startswith("NNP")):
        return "modifier"  # (not before a name: "Yexian big defeat Ming army" is a verb)
    if head.dep_ in ("attr", "acomp") and head.head.lower_ in _COPULAS and any(
            c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("he", "she", "they") or getattr(
                entity_at(c), "label", "") == "PERSON") for c in head.head.children):
        return "copula"  # "Huang Chao was a rebel" (not "The X Rebellion was a rebellion
        # against the Tang": the subject names the event itself)
    if any(c.dep_ == "appos" and c.i == head.i + 1 + sum(
            1 for t in head.doc[head.i + 1:c.i] if t.dep_ == "compound")
            and c.tag_.startswith("NNP") for c in head.children):
        return "title"  # "the rebel Huang Chao": a word for the person named after it
    words = [t for t in sdoc if not t.is_space]
    if words and words[0].text[:1].isupper() and "\n" not in sdoc.text.strip() \
            and not sdoc.text.rstrip().endswith((".", "!", "?")) \
            and not any(t.tag_.startswith(("VB", "MD")) for t in words):
        return "heading"
    return ""
