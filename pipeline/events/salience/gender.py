"""Gender agreement of person pronouns for :class:`~pipeline.events.salience.Salience`.

A person is female when a ``female_word`` of ``entity_lexicon.csv`` ("empress", "lady",
"concubine", "female") stands in the mention or its canonical name ("Empress Wang"), in the
run of words right before it ("the concubine Xiao Shu", "her mother Lady Han"; the run stops at
punctuation and at a preposition or conjunction: "the mother of Emperor X" says nothing of X),
or in an apposition right after it ("Wu Zetian: the only female emperor", "X, the empress,");
male when a ``male_word`` stands there and no female word does ("her father Wu Shiyue",
"Emperor Taizong"). Evidence is summed over the document's mentions of one canonical name; a
person with both kinds is of unknown gender.

Agreement (:meth:`GenderLookups.agrees`): "she"/"her" never stands for a male person, and once
the document has named a female person, only for a female one ("Di Renjie persuaded her ...
In 698 she called back Li Xian": not Di Renjie); "he"/"him"/"his" never stands for a female
person. Offsets are full-text ``str`` indices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.records import EntityRow
from pipeline.resources import active_gazetteer_dir

FEMALE = "female"
MALE = "male"
#: Pronouns of each gender (lower case).
_SHE = frozenset({"she", "her", "hers", "herself"})
_HE = frozenset({"he", "him", "his", "himself"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: Words that end the run of title words before a name ("the mother of X", "Y and X").
_STOP = frozenset({"of", "and", "or", "to", "by", "with", "from", "for", "in", "at", "on",
                   "that", "than", "as", "but"})
#: Words before a name at most read as its titles; words of an apposition after it at most.
_BEFORE, _AFTER = 3, 5
_APPOSITION = re.compile(r"\s*[,:]\s*(?:the|a|an)\s", re.IGNORECASE)


@lru_cache(maxsize=4)
def _gender_words(directory: Path) -> dict[str, str]:
    from pipeline.gazetteer import load_gazetteer  # noqa: PLC0415 (heavy; loaded once)

    lexicon = load_gazetteer(directory).lexicon
    out = {w.lower(): MALE for w in lexicon.get("male_word", ())}
    out.update({w.lower(): FEMALE for w in lexicon.get("female_word", ())})
    return out


def gender_words() -> dict[str, str]:
    """Lower-case word -> ``"female"`` / ``"male"`` (``entity_lexicon.csv``'s ``female_word``
    and ``male_word`` rows of the active gazetteer)."""
    return _gender_words(active_gazetteer_dir())


def pronoun_gender(word: str) -> str:
    """``"female"`` for "she", "her" ...; ``"male"`` for "he", "him", "his" ...; else ""."""
    low = word.lower()
    return FEMALE if low in _SHE else MALE if low in _HE else ""


def mention_gender(text: str, offset: int, entity: EntityRow,
                   words: dict[str, str] | None = None) -> str:
    """The gender the words of ``entity``'s mention in ``text`` (a paragraph starting at
    full-text offset ``offset``) give it (see the module doc): ``"female"``, ``"male"`` or
    ""."""
    words = gender_words() if words is None else words
    found = [w.group(0).lower() for w in _WORD.finditer(f"{entity.text} {entity.canonical}")]
    lo, hi = entity.start - offset, entity.end - offset
    if 0 <= lo <= hi <= len(text) and not _part_name(entity):
        before = re.split(r"[^\w\s'’-]", text[max(0, lo - 60):lo])[-1]
        run = [w.group(0).lower() for w in _WORD.finditer(before)]
        for k in range(len(run) - 1, -1, -1):
            if run[k] in _STOP:
                run = run[k + 1:]
                break
        found += run[-_BEFORE:]
        after = text[hi:hi + 80]
        m = _APPOSITION.match(after)
        if m:
            rest = re.split(r"[^\w\s'’-]", after[m.start(0):].lstrip(" ,:"))[0]
            found += [w.group(0).lower() for w in _WORD.finditer(rest)][:_AFTER]
    kinds = {words.get(w, "") for w in found}
    return FEMALE if FEMALE in kinds else MALE if MALE in kinds else ""


def _part_name(entity: EntityRow) -> bool:
    """True for a mention that writes only part of its person's canonical name ("Yu" linked
    to "Xiang Yu"): a title before it makes the title and that word a name of its own ("his
    consort Yu" is Consort Yu, not Xiang Yu), so the words around it say nothing of the
    canonical person's gender; only the words of the mention and the canonical name count."""
    said = {w.group(0).lower() for w in _WORD.finditer(entity.text)}
    full = {w.group(0).lower() for w in _WORD.finditer(entity.canonical)}
    return bool(said) and said < full


class GenderLookups:
    """The genders of the document's persons (a mixin of
    :class:`~pipeline.events.salience.Salience`)."""

    genders: dict[str, set[str]]  # canonical name -> genders its mentions gave
    _females: list[int]  # full-text starts of the mentions of female persons, sorted

    def _start_genders(self, earlier: GenderLookups | None, text: str, offset: int,
                       entities: Sequence[EntityRow]) -> None:
        self.genders = {k: set(v) for k, v in earlier.genders.items()} if earlier else {}
        self._females = list(earlier._females) if earlier else []
        if not text:
            return
        words = gender_words()
        for e in entities:
            if e.label != "PERSON" or not e.canonical:
                continue
            g = mention_gender(text, offset, e, words)
            if g:
                self.genders.setdefault(e.canonical, set()).add(g)
                if g == FEMALE:
                    self._females.append(e.start)
        self._females.sort()

    def gender(self, entity: EntityRow) -> str:
        """``"female"``, ``"male"`` or "" (unknown, or both were written) for ``entity``."""
        found = self.genders.get(entity.canonical, set())
        return next(iter(found)) if len(found) == 1 else ""

    def agrees(self, entity: EntityRow, word: str, before: int) -> bool:
        """True when pronoun ``word`` at full-text offset ``before`` may stand for ``entity``
        (see the module doc); any non-person and any other word agree."""
        want = pronoun_gender(word)
        if not want or entity.label != "PERSON":
            return True
        have = self.gender(entity)
        if want == MALE:
            return have != FEMALE
        if have == FEMALE:
            return True
        return have != MALE and not (self._females and self._females[0] < before)
