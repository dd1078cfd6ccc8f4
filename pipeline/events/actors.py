"""From argument tokens to actors: the most specific entity the phrase gives, or an antecedent.

An argument token heads a noun phrase; :meth:`ActorFinder.actor` looks at the entities in
that phrase (the head, its compounds, modifiers, appositions, possessor, "of" phrase, a
"led by X" participle, a "by X" the parse hung on a common noun ("an arrow shot by X") and
an "under X" or "under the command of X" phrase naming a person; not its relative clauses
or other prepositional phrases) and keeps the
most specific: a PERSON over an ARMY over a POLITY ("the Eight-Character Army led by Song
general Liu Qi" -> Liu Qi; "the Song fleet" -> Song). A phrase with no entity whose head is an
anaphor (``anaphor_person`` / ``anaphor_group`` cues in ``event_cues.csv``: "he", "the
emperor", "they") takes the highest-placed compatible subject before it in its own sentence
(``pipeline.events.extract``), else the most salient compatible actor of the paragraph: the
grammatical subject of the latest event (actor1, or actor2 of a passive), else the last such
entity mentioned (PERSON for a person anaphor;
any agent for a group anaphor; :class:`pipeline.events.salience.Salience`).

``source``: ``named`` (a PERSON or ARMY mention), ``polity`` (a POLITY mention), ``pronoun``
(resolved from an anaphor), ``side`` (an agentless passive of a hostile event: the patient's
opponent, when its sentence or paragraph names exactly one other side, :func:`side_actor`),
``parse`` (a proper-noun argument the entity stage missed,
:meth:`ActorFinder.proper_noun`: "Esen wiped out all defenses"), ``nearest`` (the parse gave
the verb no subject; the most specific actor named before the trigger in its clause,
:func:`nearest_actor`). ``side``, ``parse`` and ``nearest`` are guesses: users filter on them.
"""

from __future__ import annotations

import bisect
import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon
from pipeline.events.names import (
    appositive_name,
    group_name,
    name_shape,
    name_tokens,
    ordered_object,
    who_antecedent,
)
from pipeline.records import EntityRow

AGENT_LABELS = frozenset({"PERSON", "POLITY", "ARMY"})
_RANK = {"PERSON": 0, "ARMY": 1, "POLITY": 2}
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)
#: Prepositions whose object is no subject however the parse hangs it ("on Wuchen, ...").
_TIME_PREPS = frozenset({"on"})
_COMPASS = frozenset(a + b for a in ("", "north", "south") for b in ("", "east", "west")) - {""}
#: Nouns of "under the command of X": X leads the phrase's force.
_COMMAND_NOUNS = frozenset({"command", "leadership", "direction", "orders"})
#: Participles whose "by" agent leads the force of the phrase they sit in.
_LEADING = frozenset({"led", "commanded", "headed", "captained"})
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
    full-text offset of the sentence Doc's first character; ``in_date``: whether a full-text
    offset lies inside a date phrase (a name guess is never a date's word: "Heen-fung").
    """

    def __init__(self, entities: Sequence[EntityRow], starts: Sequence[int], base: int,
                 lexicon: EventLexicon, in_date: Callable[[int], bool] | None = None) -> None:
        self.entities = entities
        self.in_date = in_date
        self.starts = starts
        self.base = base
        self.lexicon = lexicon
        self._at: dict[int, EntityRow | None] = {}  # full-text offset -> entity_at's answer

    def entity_at(self, tok: Token) -> EntityRow | None:
        """The entity whose span covers ``tok`` (looked up once per token offset)."""
        pos = self.base + tok.idx
        try:
            return self._at[pos]
        except KeyError:
            pass
        found = None
        i = bisect.bisect_right(self.starts, pos) - 1
        for j in range(i, max(i - 8, -1), -1):
            if self.entities[j].end > pos:
                found = self.entities[j]
                break
        self._at[pos] = found
        return found

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
                elif c.dep_ == "prep" and c.lower_ == "under":  # "under the command of X"
                    for g in c.children:
                        if g.dep_ == "pobj" and g.lower_ in _COMMAND_NOUNS:
                            queue.extend(x for o in g.children if o.lower_ == "of"
                                         for x in o.children if x.dep_ == "pobj")
                        elif g.dep_ == "pobj" and self._person_at(g):
                            queue.append(g)  # "the rebels under Bai Yanhu"
                elif c.dep_ == "acl" and c.tag_ == "VBN":  # "the army led by X"
                    for a in c.children:
                        if a.dep_ == "agent":
                            queue.extend(g for g in a.children if g.dep_ == "pobj")
                elif c.dep_ == "agent" and tok.tag_ in ("NN", "NNS"):
                    # "killed by an arrow shot by X": the parse reads "shot" as a noun and
                    # hangs the "by" on it; the agent behind the instrument
                    queue.extend(g for g in c.children if g.dep_ == "pobj")
        if "PERSON" in labels and not any(e.label == "PERSON" for e in out):
            out.extend(e for e in self._led_by(head) if e not in out)
        return out

    def _led_by(self, head: Token) -> list[EntityRow]:
        """The persons of a "commanded/led by X" participle deeper in the phrase of ``head``
        than :meth:`phrase_entities` walks ("a fleet of 900 ships carrying 15,000 soldiers,
        commanded by Holdon": the parse hangs it on the soldiers; one on ``head`` itself is
        walked there), outside relative clauses and clauses of their own; X and its
        conjuncts."""
        out: list[EntityRow] = []
        for tok in head.subtree:
            if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.i == head.i or any(
                    a.dep_ in ("relcl", "advcl", "ccomp", "conj")
                    for a in (tok, *tok.ancestors) if a.i != head.i and head.is_ancestor(a)) \
                    or tok.lower_ not in _LEADING:
                continue
            for a in (a for a in tok.children if a.dep_ == "agent"):
                for g in (g for g in a.children if g.dep_ == "pobj"):
                    for member in (g, *g.conjuncts):
                        ent = self.entity_at(member)
                        if ent is not None and ent.label == "PERSON" and ent not in out:
                            out.append(ent)
        return out

    def _person_at(self, tok: Token) -> bool:
        ent = self.entity_at(tok)
        return ent is not None and ent.label == "PERSON"

    def actor(self, head: Token | None) -> Actor | None:
        """The most specific agent entity of the phrase headed by ``head`` (see module doc); a
        proper-noun head or apposition (on a common noun head) no entity covers beats an army
        or polity named in its phrase ("the Russian traveller P. K. Kozlov": a ``parse``
        guess, :meth:`proper_noun`; not "Zhendingfu (now Zhengding)", a name's gloss)."""
        if head is None:
            return None
        found = self.phrase_entities(head, AGENT_LABELS)
        best = min(found, key=lambda e: _RANK[e.label]) if found else None  # nearest of a rank
        named = self._titled_name(head)
        if named is not None:  # "The Prefect, Gao Hui, surrendered": the name, not the title
            return Actor(named, "named")
        if (best is None or best.label != "PERSON") and head.tag_.startswith("NN") \
                and self.entity_at(head) is None:
            guess = self.appositive(head)  # "The Viceroy of the Two Kiang, Tsêng-kuo-fan, ..."
            if guess is not None:
                return guess
        if (best is not None and best.label == "PERSON") or self.entity_at(head) is not None \
                or not head.tag_.startswith("NN"):
            return Actor(best, source_of(best)) if best is not None else None
        if best is not None and head.tag_.startswith("NNP"):
            guess = self.proper_noun(head)  # "the Russian traveller P. K. Kozlov" (head Kozlov)
            if guess is not None:
                return guess
        elif not head.tag_.startswith("NNP"):
            for appos in (c for c in head.children if c.dep_ == "appos"
                          and not any(g.dep_ == "prep" for g in c.children)):  # "Viceroy of X"
                guess = self.proper_noun(appos)  # "the Russian traveller, P. K. Kozlov"
                if guess is not None:
                    return guess
        return Actor(best, source_of(best)) if best is not None else None

    def _titled_name(self, head: Token) -> EntityRow | None:
        """The PERSON entity of a name set beside the one-word title ``head`` with an article
        ("The Prefect, Gao Hui, ...", "the Grand Marshal, Huan Wen"): a title word, which the
        model may tag a person, names an office; the apposition names its holder. None when
        ``head`` has no article (a name: "Li Shimin, the emperor"), is more than one entity
        word, or no apposition is a person."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        own = self.entity_at(head)
        if own is not None and (own.label != "PERSON" or len(own.text.split()) > 1
                                or own.source != "model"):
            return None
        for appos in (c for c in head.children if c.dep_ == "appos" and c.i > head.i):
            ent = self.entity_at(appos)
            if ent is not None and ent.label == "PERSON" and ent is not own:
                return ent
        return None

    def proper_noun(self, head: Token | None, person: bool = False) -> Actor | None:
        """A stand-in actor for a proper-noun argument no entity covers ("Esen" when the model
        misses it): the head (NNP) with its proper-noun compounds and the hyphen-joined
        syllables of a romanization ("Tsêng-kuo-fan", :func:`pipeline.events.names.name_tokens`),
        every word capitalised (syllables after a hyphen in any case), none a month, weekday,
        compass word or event trigger word ("Conquest"), inside an entity or inside a date
        phrase, no article, not inside brackets; a leading title (an anaphor cue: "Prince",
        "General") is dropped. A PLACE entity is overridden where the syntax says a person:
        the object of an ``order`` verb governing a clause ("ordered Bayan to invade the
        Song"), the antecedent of "who"
        ("the chanyu Yizhixie, who fled"), or when the caller says so (``person``: the agent
        of an act only a person does, :meth:`model_place_person`).
        Label PERSON (an unknown name in the agent slot of an event verb is most often a
        person), or ARMY for the name of a group, which takes an article (a plural, "the
        Taipings", "the Nienfei and Taipings": :func:`pipeline.events.names.group_name`; not a
        trigger word);
        canonical = the words as written, ``source="parse"``; None otherwise."""
        if head is None or not head.tag_.startswith("NNP"):
            return None
        toks = name_tokens(head)  # with its compounds; "Kwang-sit", "Tsêng-kuo-fan"
        ordered = person or ordered_object(head, self.lexicon) or who_antecedent(head)
        # "ordered Bayan to invade", "Yizhixie, who fled": a person, even if tagged a place
        if not name_shape(toks) or any(t.lower_ in _MONTHS or not self._free(t, ordered)
                                       for t in toks):
            return None
        if toks[0].i > 0 and toks[0].doc[toks[0].i - 1].lower_ in _TIME_PREPS:
            return None  # "on Wuchen, X killed Y" parsed with "Wuchen" as the subject: the
            # object of "on" is a day (or a place), never the doer
        titles = [k for k, t in enumerate(toks) if self.lexicon.cue(t.lower_)]
        if titles and titles[-1] < len(toks) - 1:
            toks = toks[titles[-1] + 1:]  # "Prince Dorgon": the name after the title
        if any(self.lexicon.cue(t.lower_) or t.lower_ in _COMPASS
               or t.lower_ in self.lexicon.forms for t in toks):
            return None  # a title, a compass word, an event word ("Conquest of Chen", a
            # heading run into the next line's sentence): no name
        group = group_name(head) and head.lower_ not in self.lexicon.forms
        if not titles and not group and any(c.dep_ == "det" for c in head.children) \
                and not any(c.dep_ == "compound" and c.text.islower() and c.i < toks[0].i
                            for c in head.children):
            return None  # "The Aftermath": names of people take no article (but "the Prince
            # X", "the chanyu Yizhixie": the article is the title's; "the Taipings")
        return self._guess(toks, "ARMY" if group else "PERSON")

    def model_place_person(self, head: Token | None) -> Actor | None:
        """A ``parse`` actor for the agent ``head`` of an act only a person or a side does
        (the caller's rule: no ``hostile`` act, no ``partner``) when the model alone, not the
        gazetteer, tagged it a PLACE ("Kwang-sit was born in 1872": the model's GPE); else
        None."""
        ent = self.entity_at(head) if head is not None else None
        if ent is None or ent.label != "PLACE" or ent.source != "model":
            return None
        return self.proper_noun(head, person=True)

    def _free(self, tok: Token, ordered: bool = False) -> bool:
        """True when no entity covers ``tok`` (for the object of an ``order`` verb or the
        antecedent of "who", ``ordered``, none but a PLACE: "ordered Bayan to invade", Bayan
        tagged a county) and it is in no date phrase."""
        ent = self.entity_at(tok)
        if ent is not None and not (ordered and ent.label == "PLACE"):
            return False
        return self.in_date is None or not self.in_date(self.base + tok.idx)

    def _guess(self, toks: Sequence[Token], label: str = "PERSON") -> Actor | None:
        """The ``parse`` actor of name tokens ``toks`` (not inside brackets: a gloss)."""
        before = toks[0].doc[:toks[0].i]
        if sum(t.text == "(" for t in before) > sum(t.text == ")" for t in before):
            return None  # "( Southeast of present-day Junxian ...)", "(today's X)": a gloss
        start = self.base + toks[0].idx
        end = self.base + toks[-1].idx + len(toks[-1])
        text = " ".join(toks[0].doc[toks[0].i:toks[-1].i + 1].text.split())
        return Actor(EntityRow("", -1, start, end, text, label, text, "parse"), "parse")

    def appositive(self, head: Token | None) -> Actor | None:
        """A ``parse`` actor for a hyphenated name set off by commas in the phrase of ``head``
        that no entity or date covers and that holds no cue word ("The Imperial Commissioner,
        ..., Viceroy of the Two Kiang, Tsêng-kuo-fan, in the 4th year ... set on foot":
        :func:`pipeline.events.names.appositive_name`), else None."""
        toks = appositive_name(head) if head is not None else None
        if toks is None or not all(self._free(t) for t in toks) \
                or any(self.lexicon.cue(t.lower_) or t.lower_ in _MONTHS for t in toks):
            return None
        return self._guess(toks)

    def commander(self, verb: Token, orders: bool = False) -> Actor | None:
        """The person of an "under the command/leadership of X" phrase hanging on ``verb``
        ("the Qing army, under the command of Prince Dorgon, arrived": the parse attaches it
        to the verb, not to the army), from an entity or, failing that, a proper noun.
        ``orders``: instead, the giver of "on/upon/at/by the orders of X" (a noun that is an
        ``order`` cue), the agent of a passive ("imprisoned on the orders of Qin Hui")."""
        for c in verb.children:
            if c.dep_ != "prep" or c.lower_ not in (
                    ("on", "upon", "at", "by") if orders else ("under",)):
                continue
            for g in c.children:
                if g.dep_ != "pobj" or (self.lexicon.cue(g.lower_) != "order" if orders
                                        else g.lower_ not in _COMMAND_NOUNS):
                    continue
                for x in (x for o in g.children if o.lower_ == "of"
                          for x in o.children if x.dep_ == "pobj"):
                    found = self.phrase_entities(x, frozenset({"PERSON"}))
                    if found:
                        return Actor(found[0], "named")
                    guess = self.proper_noun(x)
                    if guess is not None:
                        return guess
        return None

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


def nearest_actor(entities: Sequence[EntityRow], start: int, end: int,
                  alive: Callable[[EntityRow], bool] | None = None) -> Actor | None:
    """The most specific agent entity (PERSON > ARMY > POLITY; the nearest of a rank) among
    ``entities`` lying inside full-text offsets ``[start, end)``, with ``source="nearest"``:
    the fallback when the parse gives an active event verb no subject ("the Song Dynasty's
    armies, under the command of General Cao Bin, laid siege to Jinling", misparsed).
    ``alive``: if given, a person it says is dead (reported dead earlier) is passed over."""
    found = [e for e in entities if e.label in AGENT_LABELS and start <= e.start and e.end <= end
             and (alive is None or alive(e))]
    if not found:
        return None
    best = min(reversed(found), key=lambda e: _RANK[e.label])
    return Actor(best, "nearest")


def same_side(a: str, b: str) -> bool:
    """True if polity names ``a`` and ``b`` are one side: the words of one hold the other's
    ("Song" / "Northern Song"; a period or a branch of one state). Cautious on purpose: it
    may join two states ("Tang" / "Southern Tang"), which only withholds a guess."""
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return wa <= wb or wb <= wa


def side_actor(entities: Sequence[EntityRow], polity_of: Callable[[EntityRow], str],
               patient_polity: str, sentence: tuple[int, int], paragraph_start: int
               ) -> Actor | None:
    """The opponent of a patient of side ``patient_polity`` in an agentless hostile passive
    ("the Jin army was wiped out"), with ``source="side"`` (a guess).

    ``entities``: agent-labelled and other entities (full-text offsets, sorted by start);
    ``polity_of``: an entity's side ("" if unknown); ``sentence``: ``(start, end)`` of the
    trigger's sentence; ``paragraph_start``: where its paragraph begins. The sides other than
    ``patient_polity`` named in the sentence are counted; if exactly one, it is the opponent;
    if none, those named in the paragraph up to the sentence's end; two or more sides, or none,
    give None (the agent is not clear); polities one of whose names holds the other's words
    are one side (:func:`same_side`: "Northern Song" and "Song"). The actor is that side's
    last POLITY mention, else its last mention of any agent label."""
    if not patient_polity:
        return None
    for lo in (sentence[0], paragraph_start):
        mentions = [(e, p) for e in entities if e.label in AGENT_LABELS
                    and lo <= e.start and e.end <= sentence[1]
                    and (p := polity_of(e)) and not same_side(p, patient_polity)]
        sides = {p for _, p in mentions}
        if len(sides) > 1:
            return None
        if sides:
            polities = [e for e, _ in mentions if e.label == "POLITY"]
            return Actor((polities or [e for e, _ in mentions])[-1], "side")
    return None
