"""Qualified and plain titles for :class:`~pipeline.events.salience.Salience`: the person
"the Retired Emperor" or "the emperor" stands for in the paragraph. Offsets are full-text
``str`` indices."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pipeline.events.actors import Actor
from pipeline.events.lexicon import ruler_names
from pipeline.events.mentions import sentence_index
from pipeline.records import EntityRow

_END = 1 << 62  # past any full-text offset
#: Characters around a person's mention a qualified title may stand in to be theirs ("the
#: crown prince Li Jiancheng", "Xuanzong was honored as Retired Emperor").
_TITLE_REACH = 40
#: Words that may stand between a person's mention and a qualified title that is theirs: an
#: apposition or a copula ("Li Jiancheng, the crown prince", "Xuanzong was honored as Retired
#: Emperor", "given the title of Empress Dowager"); any other word between them ("Wei Xuanzhen
#: the Shizhong, the Empress Dowager was angry", "the East King and the West King") means the
#: title is someone else's.
_TIE_WORDS = frozenset({"the", "a", "an", "as", "was", "were", "is", "be", "been", "being",
                        "made", "named", "honored", "honoured", "titled", "styled", "called",
                        "became", "become", "becomes", "proclaimed", "created", "enthroned",
                        "title", "of", "to", "his", "her", "himself", "herself", "new", "who",
                        "had", "has", "then", "later", "now", "already"})


#: The verbs of :data:`_TIE_WORDS` that give a person a title ("made X the crown prince").
_DESIGNATING = frozenset({"made", "named", "created", "proclaimed", "titled", "styled",
                          "honored", "honoured"})
#: A run of capitalised words after a lower-case word, right before a title phrase with only
#: "the"/"as" or a passive designating verb between (group 1: the name, group 2: the words
#: between): "son Fuling the ", "made Liu Bing as ", "and Liu Ju was named ".
_NAME_BEFORE = re.compile(r"(?<=[a-z] )((?:[A-Z][a-z'’-]+ ){0,2}[A-Z][a-z'’-]+)"
                          r"((?: (?:was|were|made|named|created|proclaimed))*(?: as)?(?: the)?) $")


#: Event types that take a ruler off the throne, and the argument that names him: exiled,
#: deposed (a coup's actor2), dismissed, arrested, captured; abdicated (actor1).
UNSEATING = {"exile": "actor2", "coup": "actor2", "dismissal": "actor2", "arrest": "actor2",
             "capture_person": "actor2", "abdication": "actor1"}

#: Ruler titles of one rank: a title of another rank never stands for the same person ("the
#: king fled" is not "Emperor Shengzong of Liao"; "the emperor" is not the man "set up as
#: king"). Titles outside these ranks ("sovereign", "monarch") conflict with none.
_RANKS = ({"emperor", "empress"}, {"king", "queen"}, {"khan", "khagan"})


def _rank(word: str) -> frozenset[str]:
    return next((frozenset(r) for r in _RANKS if word in r), frozenset())


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _ties(gap: str) -> bool:
    """True when the text ``gap`` between a mention and a title phrase joins them: only
    commas, colons and :data:`_TIE_WORDS` ("", ", the", " was honored as ")."""
    return not re.search(r"[^\w\s,:]", gap) and all(
        w in _TIE_WORDS for w in re.findall(r"\w+", gap.lower()))


def _has_word(name: str, word: str) -> bool:
    return word in name.lower().replace("-", " ").split()


def _holds(entity: EntityRow, title: str) -> bool:
    """True when the mention or canonical name of ``entity`` holds the word ``title``."""
    return _has_word(entity.text, title) or _has_word(entity.canonical, title)


class TitleLookups:
    """Title lookups over the paragraph's entities (a mixin of
    :class:`~pipeline.events.salience.Salience`, which gives ``entities``, ``starts``,
    ``text``, ``offset``, ``sent_starts``, ``_previous`` and :meth:`alive`)."""

    entities: list[EntityRow]
    starts: list[int]
    text: str
    offset: int
    sent_starts: list[int]
    _previous: TitleLookups | None
    _earlier_names: dict[str, EntityRow]

    def alive(self, entity: EntityRow, since: int | None = None) -> bool:
        raise NotImplementedError  # :meth:`pipeline.events.salience.Salience.alive`

    def qualified(self, words: Sequence[str], before: int) -> Actor | None:
        """The person a qualified title ("retired emperor", "empress dowager", "crown
        prince": ``words``, lower case) stands for at full-text offset ``before``: the last
        PERSON of the paragraph before it whose mention holds those words ("Empress Dowager
        Cixi") or whose sentence ties them to it within a few words ("the crown prince Li
        Jiancheng", "Xuanzong was honored as Retired Emperor"), alive; ``source="pronoun"``.
        None when there is none: a qualified title never defaults to the last ruler named.
        Failing this paragraph, the previous paragraph is searched the same way."""
        found = self._qualified(words, before)
        if found is None and self._previous is not None:
            found = self._previous._qualified(words, _END)
        return found

    def _qualified(self, words: Sequence[str], before: int) -> Actor | None:
        if not self.text:
            return None
        phrase = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b",
                            re.IGNORECASE)
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0:
            e = self.entities[i]
            i -= 1
            if e.label != "PERSON" or not self.alive(e) or e.end > before:
                continue
            if phrase.search(e.text) or phrase.search(e.canonical):
                return Actor(e, "pronoun")
            k = sentence_index(self.sent_starts, e.start)
            lo = max(self.sent_starts[k], e.start - _TITLE_REACH)
            hi = min(e.end + _TITLE_REACH, before,
                     self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else before)
            for m in phrase.finditer(self.text[lo - self.offset:hi - self.offset]):
                at, end = lo + m.start(), lo + m.end()
                gap = self.text[e.end - self.offset:at - self.offset] if at >= e.end \
                    else self.text[end - self.offset:e.start - self.offset] if end <= e.start \
                    else ""
                if _ties(gap):
                    return Actor(e, "pronoun")
        return self._designated(phrase, before)

    def _designated(self, phrase: re.Pattern[str], before: int) -> Actor | None:
        """A stand-in PERSON for a name no entity covers that the paragraph gave the title
        ``phrase`` before full-text offset ``before`` ("he made his youngest son Fuling the
        Crown Prince": "Fuling"; "and Liu Ju was named crown prince"): the last run of
        capitalised words right before the title (:data:`_NAME_BEFORE`), after a lower-case
        word, in a sentence where a verb of :data:`_DESIGNATING` comes before the title;
        ``source="pronoun"``, label PERSON, entity source ``parse``. None otherwise ("On
        Wuchen, the Crown Prince": a comma; "in Yuanshou the crown prince fled": no verb
        gives the title)."""
        if not self.text:
            return None
        found = None
        for m in phrase.finditer(self.text, 0, max(0, before - self.offset)):
            name = _NAME_BEFORE.search(self.text, 0, m.start())
            if name is None:
                continue
            at = self.offset + name.start(1)
            k = sentence_index(self.sent_starts, at)
            lead = self.text[max(0, self.sent_starts[k] - self.offset):name.start(1)]
            if _DESIGNATING & (_words(lead) | _words(name.group(2))):
                found = (at, name.group(1))
        if found is None:
            return None
        at, text = found
        return Actor(EntityRow("", -1, at, at + len(text), text, "PERSON", text, "parse"),
                     "pronoun")


    def titled(self, title: str, before: int,
               exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The last PERSON before ``before`` whose mention or canonical name holds ``title``
        (not one of the canonical names ``exclude``): of this paragraph, else of the earlier
        paragraphs of the document (their gazetteer mentions: "King Tra^`n-Nha^n-To^ng
        refused. || ... || The King fled" is he), the latest, but never a ruler of the ruler
        tables there (:func:`~pipeline.events.lexicon.ruler_names`: the date-aware rules read
        "the Emperor" of a later paragraph, the ruler reigning then)."""
        i = bisect.bisect_left(self.starts, before) - 1
        while i >= 0:
            e = self.entities[i]
            if e.label == "PERSON" and _holds(e, title) and self.alive(e) \
                    and e.canonical not in exclude:
                return Actor(e, "pronoun")
            i -= 1
        rulers = ruler_names()
        earlier = [e for e in self._earlier_names.values() if e.label == "PERSON"
                   and _holds(e, title) and e.canonical not in exclude and self.alive(e)
                   and e.canonical not in rulers]
        return Actor(max(earlier, key=lambda e: e.start), "pronoun") if earlier else None


    def title_conflicts(self, title: str, before: int) -> frozenset[str]:
        """Canonical names of the paragraph's persons before full-text offset ``before`` that
        a ruler ``title`` ("king", lower case) cannot stand for: their name, or the words of
        their sentence within a few words of a mention, hold a ruler title of another rank
        (:data:`_RANKS`: "Emperor Wu of Han" for "the Right Worthy King"; "set up X as king"
        for "the emperor") and none of the title's own rank; those of the previous paragraph
        too, unless named here with the title's own rank. Empty for a title of no rank."""
        own = _rank(title)
        if not own:
            return frozenset()
        other = frozenset().union(*(r for r in _RANKS if title not in r))
        named: dict[str, set[str]] = {}
        near: dict[str, set[str]] = {}
        for e in self.entities:
            if e.label != "PERSON" or e.start >= before:
                continue
            named.setdefault(e.canonical, set()).update(_words(e.text) | _words(e.canonical))
            if self.text:
                k = sentence_index(self.sent_starts, e.start)
                lo = max(self.sent_starts[k], e.start - _TITLE_REACH, self.offset)
                hi = min(e.end + _TITLE_REACH, self.sent_starts[k + 1]
                         if k + 1 < len(self.sent_starts) else e.end + _TITLE_REACH)
                near.setdefault(e.canonical, set()).update(
                    _words(self.text[lo - self.offset:hi - self.offset]))
        if self._previous is not None and before < _END:  # and the paragraph before
            for name in self._previous.title_conflicts(title, _END):
                named.setdefault(name, set())
                near.setdefault(name, set()).update(other)
        for name, words in self.styles.items():  # "set up X as king" paragraphs before
            named.setdefault(name, set())
            near.setdefault(name, set()).update(words)
        out = set()
        for name, words in named.items():
            if not words & (own | other):  # the name holds no title: the words around it
                words = near.get(name, set())
            if words & other and not words & own:
                out.add(name)
        return frozenset(out)

    @staticmethod
    def title_fits(title: str, entity: EntityRow) -> bool:
        """False when the name of ``entity`` holds a ruler title of another rank than
        ``title`` and none of its own ("Emperor Wu of Han" for "the king")."""
        own = _rank(title)
        words = _words(entity.text) | _words(entity.canonical)
        other = frozenset().union(*(r for r in _RANKS if title not in r)) if own else frozenset()
        return not (words & other and not words & own)

    heading: EntityRow | None
    enthroned: list[EntityRow]
    styles: dict[str, frozenset[str]]

    unseated_at: dict[str, int]

    def unseat(self, event_type: str, actor1: Actor | None, actor2: Actor | None,
               at: int) -> None:
        """Record that the event of ``event_type`` at full-text offset ``at`` took its person
        off the throne (:data:`UNSEATING`: "Li Chenghong was exiled to Huazhou"): a bare
        ruler title after it no longer stands for him (:meth:`reigning`)."""
        role = UNSEATING.get(event_type)
        actor = actor1 if role == "actor1" else actor2 if role == "actor2" else None
        if actor is not None and actor.entity.label == "PERSON":
            self.unseated_at[actor.entity.canonical] = at

    def crowned(self, actor: Actor | None) -> None:
        """Record the person of ``actor`` as reported enthroned (an enthronement's actor1),
        with the ruler titles written within a few words of the mention ("set up X as
        king": :meth:`title_conflicts` keeps "the emperor" from X later on)."""
        if actor is not None and actor.entity.label == "PERSON":
            self.enthroned.append(actor.entity)
            e = actor.entity
            if self.text and self.offset <= e.start:
                k = sentence_index(self.sent_starts, e.start)
                lo = max(self.sent_starts[k], e.start - _TITLE_REACH, self.offset)
                hi = min(e.end + _TITLE_REACH, self.sent_starts[k + 1]
                         if k + 1 < len(self.sent_starts) else e.end + _TITLE_REACH)
                words = _words(self.text[lo - self.offset:hi - self.offset]) \
                    & frozenset().union(*_RANKS)
                if words:
                    self.styles[e.canonical] = frozenset(words)

    def reigning(self, before: int, title: str = "",
                 exclude: frozenset[str] = frozenset()) -> Actor | None:
        """The ruler a bare ruler title ("the Emperor", "the king") naming no one stands for
        at full-text offset ``before``: the last person the document reported enthroned
        before it, not reported dead nor unseated since (:meth:`unseat`) ("Kwang-sit ...
        ascended the throne in 1875 ... the Emperor proclaimed"), else the ruler the
        document's heading names ("The Annals of King T'aejo"); ``source="pronoun"``; None if
        neither. A person enthroned with a title
        of another rank than ``title`` or named in ``exclude`` is passed over ("set up Chang
        as king" in the annals of an emperor: "the emperor" is still the heading's)."""
        for e in reversed(self.enthroned):
            if e.start < before and self.alive(e) and e.canonical not in exclude \
                    and not e.start < self.unseated_at.get(e.canonical, -1) < before \
                    and self.title_fits(title, e) and not (
                        _rank(title) and self.styles.get(e.canonical, frozenset())
                        and not self.styles[e.canonical] & _rank(title)):
                return Actor(e, "pronoun")
        if self.heading is not None and self.heading.start < before \
                and self.heading.canonical not in exclude:
            return Actor(self.heading, "pronoun")
        return None
