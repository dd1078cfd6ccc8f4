"""Anaphor resolution for :class:`~pipeline.events.salience.Salience`: the pronoun chain
(each "he", "him", "his" joined to the person it most likely stands for, with binding of an
object pronoun), and the ranking of candidates by salience (:meth:`SalienceRanking.resolve`,
:meth:`SalienceRanking.most_salient`; see :mod:`pipeline.events.salience`). Offsets are
full-text ``str`` indices.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from pipeline.events.actors import AGENT_LABELS, Actor
from pipeline.events.mentions import ROLE_WEIGHT, TOPIC_WEIGHT, Mention, sentence_index
from pipeline.records import EntityRow

#: Sentences back that the salience of a mention is summed over (its weight is halved each
#: sentence: beyond this it no longer tells candidates apart); further back, the last
#: fitting mention is taken.
_WINDOW = 12
#: Factor on a person's salience for a group anaphor ("they": a state or an army, or the
#: force of the person leading the narrative).
_GROUP_PERSON = 0.5
#: What ends a clause for binding (:meth:`Salience._clause_subject`): a semicolon, a comma
#: before a conjunction or a subordinator, a subordinator or relative pronoun.
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|when|then)\b|\b(?:but|while|when|after"
                           r"|before|because|since|that|who|whom|which|so)\b")
#: Words at most between a subject and an object pronoun it binds ("X, then, fought him").
_BOUND_WORDS = 6
_PRONOUN_ROLE = {"he": "subject", "she": "subject", "him": "object", "his": "embedded",
                 "her": "embedded"}

#: Stand-in entity of an unnamed subject (:meth:`Salience.note_unknown`); fits no anaphor.
_UNKNOWN = EntityRow("", -1, -1, -1, "", "UNKNOWN", "\x00unknown", "")


class SalienceRanking:
    """Anaphor resolution by salience (a mixin of :class:`~pipeline.events.salience.Salience`,
    which gives the attributes below, :meth:`alive`, :meth:`_add`, ``titled``
    (:class:`~pipeline.events.salience.titles.TitleLookups`) and ``agrees``
    (:class:`~pipeline.events.salience.gender.GenderLookups`))."""

    entities: list[EntityRow]
    starts: list[int]
    text: str
    offset: int
    sent_starts: list[int]
    mentions: list[Mention]
    _mpos: list[int]
    _pronouns: list[tuple[int, str]]
    _chained: int
    earlier: list[Actor]
    topic: EntityRow | None

    def alive(self, entity: EntityRow, since: int | None = None) -> bool:
        raise NotImplementedError  # :meth:`pipeline.events.salience.Salience.alive`

    def _add(self, mention: Mention) -> None:
        raise NotImplementedError  # :meth:`pipeline.events.salience.Salience._add`

    def agrees(self, entity: EntityRow, word: str, before: int) -> bool:
        raise NotImplementedError  # :meth:`pipeline.events.salience.gender.GenderLookups.agrees`

    def titled(self, title: str, before: int,
               exclude: frozenset[str] = frozenset()) -> Actor | None:
        raise NotImplementedError  # :meth:`pipeline.events.salience.titles.TitleLookups.titled`

    def _chain(self, until: int) -> None:
        """Join each singular person pronoun before full-text offset ``until`` not yet joined
        ("he", "him", "his", "she", "her") to the salience of the person it most likely stands
        for at that point (Lappin and Leass: "He came from X. He styled himself Y. He ...": the
        chain keeps the first subject salient over Y), with the pronoun's role: "he"/"she"
        subject, "him" object, "his"/"her" embedded. Called with the start of the sentence an
        anaphor is resolved in, so the subjects noted for the events before are known.
        Pronouns inside an entity ("He Yan") are skipped."""
        while self._chained < len(self._pronouns) and self._pronouns[self._chained][0] < until:
            pos, word = self._pronouns[self._chained]
            self._chained += 1
            i = bisect.bisect_right(self.starts, pos) - 1
            if i >= 0 and self.entities[i].end > pos:
                continue

            bound = self._clause_subject(pos) if word == "him" else None

            def person(e: EntityRow, word: str = word, pos: int = pos,
                       bound: str | None = bound) -> bool:
                return e.label == "PERSON" and self.alive(e, pos) and self.agrees(e, word, pos) \
                    and e.canonical != bound

            found = self.most_salient(pos, person)
            if found is None or found is _UNKNOWN:
                continue
            role = _PRONOUN_ROLE[word]
            self._add(Mention(found, sentence_index(self.sent_starts, pos), role,
                              ROLE_WEIGHT[role], pos))

    def _clause_subject(self, pos: int) -> str | None:
        """Canonical name of the subject of the clause of an object pronoun at full-text
        offset ``pos`` ("Fu Xiong fought him": Fu Xiong), which binding keeps the pronoun
        from naming (it is no reflexive): the last subject mention before it in its
        sentence, when only a few lower-case words and no clause break (:data:`_CLAUSE_BREAK`)
        or bracket stand between them; None otherwise ("X said that Y had insulted him": Y
        is the bound one, X stays free)."""
        sent = sentence_index(self.sent_starts, pos)
        i = bisect.bisect_left(self._mpos, pos) - 1
        while i >= 0 and self.mentions[i].sentence == sent:
            m = self.mentions[i]
            if m.role == "subject" and m.entity is not _UNKNOWN and m.entity.end <= pos:
                gap = self.text[m.entity.end - self.offset:pos - self.offset]
                words = re.findall(r"\w+", gap)
                # only a verb phrase between: no clause break, no bracket, no capitalised word
                # (another subject: "X (1019-1105), Chinese sources call him Y"), few words
                free = _CLAUSE_BREAK.search(gap) or "(" in gap or len(words) > _BOUND_WORDS \
                    or any(w[:1].isupper() for w in words)
                return None if free else m.entity.canonical
            i -= 1
        return None

    def resolve(self, kind: str, before: int, title: str = "",
                among: frozenset[str] | None = None,
                exclude: frozenset[str] = frozenset(), word: str = "",
                since: int | None = None) -> Actor | None:
        """The antecedent of an anaphor of ``kind`` at full-text offset ``before``. With a
        ``title`` ("emperor" of "the emperor"), a person mentioned earlier in the paragraph
        whose name holds that word ("Zhengtong Emperor") is preferred. ``among``: if given,
        only persons of these canonical names qualify (the rulers, for "the emperor").
        ``exclude``: canonical names that never qualify (binding, see
        :func:`pipeline.events.anaphora.bound_elsewhere`). ``word``: the pronoun itself, whose
        gender a person must agree with (:meth:`GenderLookups.agrees`: "she" is no man).
        ``since``: the anaphor's own full-text offset; a death reported at or after it does
        not count ("finally he hanged himself and died": he is alive where "he" is written)."""
        labels = {"PERSON"} if kind == "anaphor_person" else set(AGENT_LABELS)
        titled = self.titled(title, before, exclude) if title else None
        if titled is not None:
            return titled

        def fits(e: EntityRow) -> bool:
            return e.label in labels and self.alive(e, since) and e.canonical not in exclude and (
                among is None or e.canonical in among) and self.agrees(e, word, before)

        self._chain(self.sent_starts[sentence_index(self.sent_starts, before)])
        best = self.most_salient(before, fits, group=kind == "anaphor_group")
        if best is _UNKNOWN:
            return None  # an unnamed subject is the most salient: no guess
        if best is not None:
            return Actor(best, "pronoun")
        for actor in reversed(self.earlier):  # the paragraphs before: their last subject
            if fits(actor.entity):
                return Actor(actor.entity, "pronoun")
        return None

    def most_salient(self, before: int, fits: Callable[[EntityRow], bool],
                     group: bool = False) -> EntityRow | None:
        """The entity of highest salience among the paragraph's mentions before full-text
        offset ``before`` that ``fits`` (:mod:`pipeline.events.mentions`: a mention's role
        weight, halved for each sentence between it and ``before``, summed over the mentions of
        one canonical name; the previous paragraph's last fitting subject counts as a subject
        one sentence before this paragraph; the entry's topic adds :data:`TOPIC_WEIGHT`; for a
        ``group`` anaphor, "they", a person counts half: it stands for its force only); ties go
        to the most recent, except in a coordination (its first conjunct). The latest
        mention of the winner is returned (``_UNKNOWN`` when an
        unnamed subject noted by :meth:`note_unknown` wins); None if nothing fits."""
        now = sentence_index(self.sent_starts, before)
        scores: dict[str, float] = {}
        latest: dict[str, Mention] = {}
        lo = bisect.bisect_left(self._mpos, self.sent_starts[max(0, now - _WINDOW)])
        hi = bisect.bisect_left(self._mpos, before)
        for m in self.mentions[lo:hi]:
            if not (m.entity is _UNKNOWN or fits(m.entity)):
                continue
            key = m.entity.canonical
            weight = m.weight * (_GROUP_PERSON if group and m.entity.label == "PERSON" else 1)
            scores[key] = scores.get(key, 0.0) + weight * 0.5 ** max(0, now - m.sentence)
            if key not in latest or m.pos >= latest[key].pos:
                latest[key] = m
        last = next((a.entity for a in reversed(self.earlier) if fits(a.entity)), None)
        if last is not None:  # the previous paragraph's last subject, a sentence before this one
            key = last.canonical
            scores[key] = scores.get(key, 0.0) + ROLE_WEIGHT["subject"] * 0.5 ** (now + 1)
            latest.setdefault(key, Mention(last, -1, "subject", 0, last.start))
        topic = self.topic
        if topic is not None and topic.start < before and fits(topic):
            key = topic.canonical
            scores[key] = scores.get(key, 0.0) + TOPIC_WEIGHT
            if key not in latest:
                latest[key] = Mention(topic, 0, "subject", 0, topic.start)
        if not scores or (lo > 0 and all(latest[k].sentence < 0 for k in latest)):
            # none in the window: the last one before it
            found = next((m.entity for m in reversed(self.mentions[:lo]) if fits(m.entity)),
                         None)
            if found is not None or not scores:
                return found
        key = max(scores, key=lambda k: (round(scores[k], 9), latest[k].pos))
        return self._first_conjunct(key, scores, latest).entity

    def _first_conjunct(self, key: str, scores: dict[str, float],
                        latest: dict[str, Mention]) -> Mention:
        """The mention of ``key`` (the most recent of the top score), or, when others tie
        with it and their latest mentions form one coordination with it ("A, B and C
        launched X ... he": only commas and "and" between them), the first conjunct's: English
        orders a coordination by prominence."""
        top = round(scores[key], 9)
        tied = sorted((latest[k] for k in scores if round(scores[k], 9) == top),
                      key=lambda m: m.pos)
        if len(tied) < 2 or not self.text:
            return latest[key]
        for a, b in zip(tied, tied[1:], strict=False):
            gap = self.text[a.entity.end - self.offset:b.entity.start - self.offset]
            if a.entity.end > b.entity.start or gap.replace(",", " ").split() not in (
                    [], ["and"]):
                return latest[key]
        return tied[0]
