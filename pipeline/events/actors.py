"""From argument tokens to actors: the most specific entity the phrase gives, or an antecedent.

An argument token heads a noun phrase; :meth:`ActorFinder.actor` looks at the entities in
that phrase (the head, its compounds, modifiers, appositions, possessor, "of" phrase and a
"led by X" participle; not its relative clauses or other prepositional phrases) and keeps the
most specific: a PERSON over an ARMY over a POLITY ("the Eight-Character Army led by Song
general Liu Qi" -> Liu Qi; "the Song fleet" -> Song). A phrase with no entity whose head is an
anaphor (``anaphor_person`` / ``anaphor_group`` cues in ``event_cues.csv``: "he", "the
emperor", "they") takes the highest-placed compatible subject before it in its own sentence
(``pipeline.events.extract``), else the most salient compatible actor of the paragraph: the
grammatical subject of the latest event (actor1, or actor2 of a passive), else the last such
entity mentioned (PERSON for a person anaphor;
any agent for a group anaphor).

``source``: ``named`` (a PERSON or ARMY mention), ``polity`` (a POLITY mention), ``pronoun``
(resolved from an anaphor).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon
from pipeline.records import EntityRow

AGENT_LABELS = frozenset({"PERSON", "POLITY", "ARMY"})
_RANK = {"PERSON": 0, "ARMY": 1, "POLITY": 2}
_NP_DEPS = frozenset({"compound", "amod", "nmod", "appos", "det", "nummod", "npadvmod",
                      "quantmod", "case", "punct"})


@dataclass(frozen=True)
class Actor:
    """An entity chosen for an event role, and how it was found (named|polity|pronoun)."""

    entity: EntityRow
    source: str


def source_of(entity: EntityRow) -> str:
    return "polity" if entity.label == "POLITY" else "named"


class ActorFinder:
    """Entity lookups for the tokens of one parsed sentence.

    ``entities``: the paragraph's entities (full-text offsets, sorted by start); ``base``: the
    full-text offset of the sentence Doc's first character.
    """

    def __init__(self, entities: Sequence[EntityRow], starts: Sequence[int], base: int,
                 lexicon: EventLexicon) -> None:
        self.entities = entities
        self.starts = starts
        self.base = base
        self.lexicon = lexicon

    def entity_at(self, tok: Token) -> EntityRow | None:
        """The entity whose span covers ``tok``."""
        pos = self.base + tok.idx
        i = bisect.bisect_right(self.starts, pos) - 1
        for j in range(i, max(i - 8, -1), -1):
            if self.entities[j].end > pos:
                return self.entities[j]
        return None

    def phrase_entities(self, head: Token, labels: frozenset[str]) -> list[EntityRow]:
        """Entities of ``labels`` in the noun phrase of ``head``, nearest to the head first."""
        out: list[EntityRow] = []
        queue = [head]
        later: list[Token] = []  # possessors come last: "Jin's minister Wanyan Liang"
        seen = set()
        while queue or later:
            tok = queue.pop(0) if queue else later.pop(0)
            if tok.i in seen:
                continue
            seen.add(tok.i)
            ent = self.entity_at(tok)
            if ent is not None and ent.label in labels and ent not in out:
                out.append(ent)
            for c in tok.children:
                if c.dep_ == "poss":
                    later.append(c)
                elif c.dep_ in _NP_DEPS:
                    queue.append(c)
                elif c.dep_ == "prep" and c.lower_ == "of":
                    queue.extend(g for g in c.children if g.dep_ == "pobj")
                elif c.dep_ == "acl" and c.tag_ == "VBN":  # "the army led by X"
                    for a in c.children:
                        if a.dep_ == "agent":
                            queue.extend(g for g in a.children if g.dep_ == "pobj")
        return out

    def actor(self, head: Token | None) -> Actor | None:
        """The most specific agent entity of the phrase headed by ``head`` (see module doc)."""
        if head is None:
            return None
        found = self.phrase_entities(head, AGENT_LABELS)
        if not found:
            return None
        best = min(found, key=lambda e: _RANK[e.label])  # min keeps the nearest of a rank
        return Actor(best, source_of(best))

    def place(self, head: Token | None) -> EntityRow | None:
        """The PLACE entity heading (or compounded into) the phrase of ``head``."""
        if head is None:
            return None
        ent = self.entity_at(head)
        if ent is not None and ent.label == "PLACE":
            return ent
        found = [e for e in self.phrase_entities(head, frozenset({"PLACE"}))]
        return found[0] if found else None

    def anaphor_kind(self, head: Token | None) -> str:
        """``anaphor_person``, ``anaphor_group`` or "" for an argument head."""
        if head is None or self.entity_at(head) is not None:
            return ""
        kind = self.lexicon.cue(head.lower_)
        if kind.startswith("anaphor"):
            return kind
        return ""


class Salience:
    """The paragraph's actors, most recent last: event actor1s and entity mentions."""

    def __init__(self, entities: Sequence[EntityRow]) -> None:
        self.entities = [e for e in entities if e.label in AGENT_LABELS]
        self.starts = [e.start for e in self.entities]
        self.subjects: list[Actor] = []  # grammatical subjects of events, in order

    def note(self, actor: Actor | None) -> None:
        if actor is not None:
            self.subjects.append(actor)

    def resolve(self, kind: str, before: int) -> Actor | None:
        """The antecedent of an anaphor of ``kind`` at full-text offset ``before``."""
        labels = {"PERSON"} if kind == "anaphor_person" else set(AGENT_LABELS)
        for actor in reversed(self.subjects):
            if actor.entity.label in labels and actor.entity.start < before:
                return Actor(actor.entity, "pronoun")
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0:
            if self.entities[i].label in labels:
                return Actor(self.entities[i], "pronoun")
            i -= 1
        return None
