"""The salience state proper (see :mod:`pipeline.events.salience`): what a paragraph
records as it is read (subjects, deaths, spellings, carried subjects); anaphor resolution
over it is in :mod:`~pipeline.events.salience.ranking` (a mixin, re-exported here)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.events.actors import AGENT_LABELS, Actor, source_of
from pipeline.events.coref import name_key
from pipeline.events.mentions import (
    ROLE_WEIGHT,
    Mention,
    entry_topic,
    parsed_roles,
    sentence_index,
    surface_mentions,
)
from pipeline.events.salience.gender import GenderLookups
from pipeline.events.salience.heading import heading_ruler, lead_topic
from pipeline.events.salience.ranking import (  # noqa: F401 (re-exported)
    _BOUND_WORDS,
    _CLAUSE_BREAK,
    _GROUP_PERSON,
    _PRONOUN_ROLE,
    _UNKNOWN,
    _WINDOW,
    SalienceRanking,
)
from pipeline.events.salience.sides import HostileSides
from pipeline.events.salience.titles import TitleLookups
from pipeline.records import EntityRow

#: A paragraph opening mid-sentence: its first word lower case (a page cut the sentence).
_CONTINUED = re.compile(r"\s*[a-z]")
_PRONOUN = re.compile(r"\b(?:he|him|his|she|her)\b", re.IGNORECASE)
_END = 1 << 62  # past any full-text offset


class Salience(TitleLookups, HostileSides, GenderLookups, SalienceRanking):
    """The paragraph's actors, most recent last: event actor1s and entity mentions.

    ``earlier``: the previous paragraph's Salience (None for a document's first): its event
    subjects (if it had none, its agent mentions, as a heading "Guo Wei"; if none, what it
    carried) are the last resort of :meth:`resolve`
    ("Wanyan Zongbi took Shouchun. || In November he crossed the river": Wanyan Zongbi), and
    the persons it reported dead stay dead."""

    def __init__(self, entities: Sequence[EntityRow], earlier: Salience | None = None,
                 text: str = "", offset: int = 0, sent_starts: Sequence[int] = ()) -> None:
        self.entities = [e for e in entities if e.label in AGENT_LABELS]
        self.starts = [e.start for e in self.entities]
        # the paragraph (``text`` from full-text ``offset``) and its sentences' starts: the
        # roles of its mentions (:mod:`pipeline.events.mentions`); without text, every
        # mention counts as an object in one sentence
        self.sent_starts: list[int] = sorted(sent_starts) or [offset]
        self.mentions: list[Mention] = surface_mentions(
            text, offset, self.entities, self.sent_starts) if text else [
            Mention(e, 0, "object", ROLE_WEIGHT["object"], e.start) for e in self.entities]
        # the entry's headword ("1223 Li Ts'ung-k'o 李從珂."): this paragraph's, else the one
        # carried from the paragraphs before
        own = (entry_topic(text, offset, self.entities)
               or lead_topic(text, offset, self.entities)) if text else None
        self.topic: EntityRow | None = own or (earlier.topic if earlier else None)
        # the ruler the document's heading names ("The Annals of King T'aejo"), read in its
        # first paragraph (:func:`heading_ruler`); a heading that is only the title and name
        # ("2. Emperor Minh Mang (1820-1840)") is the topic too
        self.heading: EntityRow | None = earlier.heading if earlier else None
        if earlier is None and text:
            self.heading, as_topic = heading_ruler(text, offset, self.entities)
            if as_topic and self.topic is None:
                self.topic = self.heading
        # the persons reported enthroned so far in the document, in order
        self.enthroned: list[EntityRow] = list(earlier.enthroned) if earlier else []
        # canonical name -> full-text offset of the last event that took them off the throne
        self.unseated_at: dict[str, int] = dict(earlier.unseated_at) if earlier else {}
        # canonical name -> ruler title words written near their enthronement ("set up X as
        # king"), over the document so far (:meth:`title_conflicts`)
        self.styles: dict[str, frozenset[str]] = dict(earlier.styles) if earlier else {}
        self.subjects: list[Actor] = []  # grammatical subjects of events, in order
        self._last_subject: tuple[int, Actor] | None = None  # (where, who) of the last
        # persons reported dead -> full-text offset of the report
        self.dead: dict[str, int] = dict(earlier.dead) if earlier else {}
        # full-text starts of the dates of births: a later sentence's year, not its own
        self.births: set[int] = set(earlier.births) if earlier else set()
        self.earlier: list[Actor] = earlier.carried() if earlier else []
        # ``earlier`` names subjects (events', or named in subject position), not a
        # heading's mentions
        self._subjects_carried = earlier is not None and earlier.hands_subjects()
        self._start_sides(earlier)  # hostile events: :class:`HostileSides`
        self._start_genders(earlier, text, offset, self.entities)  # :class:`GenderLookups`
        self._mpos = [m.pos for m in self.mentions]  # sorted, as ``mentions``
        # the paragraph's singular person pronouns (full-text offset, word), joined to their
        # antecedents' salience sentence by sentence as the paragraph is read (:meth:`_chain`)
        self._pronouns = [(offset + m.start(), m.group(0).lower())
                          for m in _PRONOUN.finditer(text)] if text else []
        self._chained = 0
        self.text, self.offset = text, offset
        # canonical names of the persons who are surface subjects in this paragraph
        # (and those :meth:`note` records as an event's subject as the paragraph is read)
        self._acting = {m.entity.canonical for m in self.mentions if m.role == "subject"}
        # the previous paragraph, for a qualified title given there (:meth:`qualified`); its
        # own previous one is dropped (one paragraph back is enough, and memory stays flat)
        self._previous = earlier
        if earlier is not None:
            earlier._previous = None
        # name_key of a PERSON mention's text -> its row, over the document so far (the
        # spelling pass of :mod:`pipeline.events.coref`); the paragraph's own are added as
        # its events are read (:meth:`spellings`)
        self._names: dict[str, EntityRow] = dict(earlier.spellings(_END)) if earlier else {}
        # the same, frozen at the paragraph's start: the persons a title names across
        # paragraphs ("King X" ... || ... || "The King fled": :meth:`titled`)
        self._earlier_names: dict[str, EntityRow] = dict(self._names)
        # name_key of the part before " of " of a PERSON mention's text ("Emperor Xiaowen" of
        # "Emperor Xiaowen of the Northern Wei") -> its row, over the document so far
        self._short: dict[str, EntityRow] = dict(earlier._short) if earlier else {}
        # POLITY canonical -> (mentions, last start) over the paragraphs before this one
        self._polities: dict[str, tuple[int, int]] = earlier._polity_counts(_END) \
            if earlier else {}
        self._named = 0
        # "he" or "she" (nominative: a subject) is written in the paragraph
        self._pronoun_subject = any(w in ("he", "she") for _, w in self._pronouns)
        if text and _CONTINUED.match(text) and self.topic is None \
                and not (earlier is not None and earlier.hands_subjects()):
            # "rebellion of Huang Ch'ao, and second ruler of the Chin State. ... he overthrew":
            # a paragraph that opens mid-sentence continues a page whose subject we cannot
            # see; a "he" after it is that unseen person, not a name of the cut sentence
            self.note_unknown(offset)

    def _polity_counts(self, before: int) -> dict[str, tuple[int, int]]:
        counts = dict(self._polities)
        for e in self.entities:
            if e.label == "POLITY" and e.start < before and e.canonical:
                n, _ = counts.get(e.canonical, (0, 0))
                counts[e.canonical] = (n + 1, e.start)
        return counts

    def text_polity(self, before: int) -> str:
        """The polity the text is about at full-text offset ``before``: the POLITY
        mentioned most often in the document before it, or "" when none is or two tie (no
        guess: "The Qing fought the Taipings"); the state whose act an agentless appointment
        or decree is when the patient's polity is unknown
        (:func:`pipeline.events.implied.implied_actor`)."""
        ranked = sorted((n for n, _ in self._polity_counts(before).values()), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return ""
        counts = self._polity_counts(before)
        return max(counts, key=lambda k: counts[k][0])

    def _add(self, mention: Mention) -> None:
        i = bisect.bisect_right(self._mpos, mention.pos)
        self._mpos.insert(i, mention.pos)
        self.mentions.insert(i, mention)

    def spellings(self, before: int) -> dict[str, EntityRow]:
        """:func:`pipeline.events.coref.name_key` of the texts of the PERSON mentions of the
        document before full-text offset ``before`` (this paragraph's and the earlier
        paragraphs'; for a key spelled by two persons, the later) -> the mention's row;
        gazetteer mentions only: a model-only name links nothing."""
        while self._named < len(self.entities) and self.entities[self._named].start < before:
            e = self.entities[self._named]
            self._named += 1
            if e.label == "PERSON" and e.source == "gazetteer":
                self._names[name_key(e.text)] = e
                short = e.text.split(" of ", 1)[0]
                if short != e.text and len(short.split()) > 1:
                    self._short[name_key(short)] = e
        return self._names

    def full_name(self, entity: EntityRow, before: int) -> EntityRow | None:
        """The earlier PERSON mention of the document whose text, cut before " of ", is spelled
        like ``entity``'s text ("Emperor Xiaowen" after "Emperor Xiaowen of the Northern
        Wei": the short form of the full name given before), when it names another canonical
        person than ``entity``; else None. Mentions before full-text offset ``before``."""
        self.spellings(before)
        found = self._short.get(name_key(entity.text))
        if found is None or found.canonical == entity.canonical or found.start >= entity.start:
            return None
        return found

    def topic_actor(self) -> Actor | None:
        """The entry's headword (:func:`entry_topic`) as the actor of a subjectless sentence,
        ``source="pronoun"`` (a zero anaphor); None if the text gave no headword."""
        return Actor(self.topic, "pronoun") if self.topic is not None else None

    def note_unknown(self, at: int) -> None:
        """Record that the event at full-text offset ``at`` has a named subject no entity
        covers ("The Imperial Commissioner, ..., Tsêng-kuo-fan, built ..."): a later "he" may
        be that unknown person, so while it is the most salient, an anaphor stays blank
        rather than taking someone else (:meth:`most_salient`)."""
        self._add(Mention(_UNKNOWN, sentence_index(self.sent_starts, at), "subject",
                          ROLE_WEIGHT["subject"], at))

    def parsed(self, sdoc: Doc, base: int) -> None:
        """Take the roles of the mentions in the parsed sentence ``sdoc`` (first character at
        full-text offset ``base``) from its parse (:func:`parsed_roles`)."""
        self.mentions = parsed_roles(self.mentions, sdoc, base)

    def carried(self) -> list[Actor]:
        """What this paragraph hands the next one as its subjects, most recent last
        (:attr:`earlier` of the next): its event subjects; if it had none, the persons and
        groups that are grammatical subjects of its sentences; if none is named but a "he" or
        "she" is a subject, what it carried itself (the pronoun continues the chain: "He was
        a descendant of Abaoji, the founder of the Liao. || ... he passed the examination":
        not Abaoji, an embedded mention); else its agent mentions (a heading "Guo Wei")."""
        topic = self.topic.canonical if self.topic is not None else None
        if self.subjects:  # the entry's topic among them is handed on last (the strongest)
            return sorted(self.subjects, key=lambda a: a.entity.canonical == topic)
        named = self._named_subjects()
        if named:
            return sorted(named, key=lambda a: a.entity.canonical == topic)
        if self._pronoun_subject and self._subjects_carried:
            return self.earlier
        return [Actor(e, source_of(e)) for e in self.entities] or self.earlier

    def _named_subjects(self) -> list[Actor]:
        """The paragraph's mentions in subject position (surface or parsed role), in order."""
        return [Actor(m.entity, source_of(m.entity)) for m in self.mentions
                if m.role == "subject" and m.entity is not _UNKNOWN and m.sentence >= 0]

    def hands_subjects(self) -> bool:
        """True when :meth:`carried` names subjects: event subjects, persons in subject
        position, or, through a paragraph whose subject is "he"/"she", what the paragraph
        before handed on as such; False for a heading's mentions."""
        return bool(self.subjects or self._named_subjects() or (
            self._pronoun_subject and self._subjects_carried))

    def alive(self, entity: EntityRow, since: int | None = None) -> bool:
        """False for a PERSON whose death an earlier event of the paragraph reported: no
        antecedent of a later pronoun ("After Shizong died, he was released": not Shizong).
        ``since``: a death reported at or after this full-text offset (the anaphor's own
        sentence) does not count ("Zongze died because his efforts failed": Zongze); nor does a
        death reported in an earlier paragraph of a person who is a subject in this one (the
        text went back to an earlier time)."""
        if entity.label != "PERSON" or entity.canonical not in self.dead:
            return True
        if self.dead[entity.canonical] < self.offset and entity.canonical in self._acting:
            return True  # reported dead in an earlier paragraph, a subject in this one: the
            # text went back in time ("Sima Yi killed Cao Shuang. || In 238 ... Cao Shuang
            # became self-inflated ... He asked ...": Cao Shuang)
        return since is not None and self.dead[entity.canonical] >= since

    def died(self, actor: Actor | None, at: int = -1) -> None:
        """Record the death of ``actor``'s person, reported at full-text offset ``at``; not of
        the entry's topic (a biography is not told in order: "Died A.D. 934. Son of X, ...
        when he was assassinated"), nor one reported inside brackets (a life-span gloss,
        "Dae Jo-yeong (died 719), also known as King Go, founded Balhae": the narrative has
        him alive after it)."""
        if self.text and self.offset <= at:
            before = self.text[:at - self.offset]
            if before.rfind("(") > before.rfind(")") and ")" in self.text[at - self.offset:]:
                return
        if actor is not None and actor.entity.label == "PERSON" and not (
                self.topic is not None and actor.entity.canonical == self.topic.canonical):
            self.dead[actor.entity.canonical] = at

    def continued(self, at: int) -> Actor | None:
        """The grammatical subject of the event noted last (:meth:`note`), when it lies in
        the sentence of full-text offset ``at`` or the one before (a sentence a stray full
        stop cut: "the Empress Dowager ... deposed the Emperor. revoked his edicts."), alive;
        else None. ``source`` as noted."""
        if self._last_subject is None:
            return None
        pos, actor = self._last_subject
        now = sentence_index(self.sent_starts, at)
        if pos > at or now - sentence_index(self.sent_starts, pos) > 1 \
                or not self.alive(actor.entity):
            return None
        return actor

    def note(self, actor: Actor | None, at: int | None = None, role: str = "subject") -> None:
        """Record ``actor`` as the grammatical subject of an event whose trigger is at
        full-text offset ``at`` (default: the actor's own mention): a mention of ``role``
        there (``subject``; ``embedded`` for the subject of a relative clause, background
        to its sentence: "On the rebellion of X, who proclaimed himself Emperor, he was
        sent": not X), so a chain of "he" keeps its person salient."""
        if actor is not None:
            if role == "subject" and actor.entity.label == "PERSON":
                # "Xiang Yu ... committed suicide. || That night Xiang Yu broke through ...
                # and fled": a person reported dead in an earlier paragraph who acts again
                # here is alive (the text went back in time; :meth:`alive`)
                self._acting.add(actor.entity.canonical)
            self.subjects.append(actor)
            pos = actor.entity.start if at is None else at
            self._last_subject = (pos, actor)
            self._add(Mention(actor.entity, sentence_index(self.sent_starts, pos), role,
                              ROLE_WEIGHT[role], pos))


