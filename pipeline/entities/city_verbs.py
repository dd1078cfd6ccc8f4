"""Model PERSONs that the verbs of a city's fate make places.

**Fallen** (:func:`fallen_places`): a model PERSON that "fell" as a city falls is a place:
"Khoten fell on January 2, 1878", "Port Arthur fell to the Japanese", "Iki fell nine days
later". The verbs are the ``place_fall`` words of ``gazetteer/entity_lexicon.csv`` ("fell", "has
fallen", "had fallen"). A person falls too ("fell ill", "fell in battle", "fell upon the
enemy", "fell shielding the emperor"), so the verb must be followed by what only a city's
fall takes (:data:`_CITY_FALL`): "to" (the taker), a date or a span ("on January 2", "in the
first month", "nine days later", "within a week"), "and", "after", "again", "soon", or the
end of the clause. A name stays a person when the person tables know it, when its first
word (or first hyphen-joined syllable) is a Chinese surname of the lexicon (``surname``,
pinyin or read from Wade–Giles: "Chi Shao", "Chu-yu"), unless a place table knows the whole
name.

**Assailed** (:func:`assailed_places`): a model PERSON or POLITY right after a verb of
an assault on a town (``place_assail`` words: "besieged", "raided", "sacked", "attacked") is
a place when a place table knows the whole name (CHGIS, cpca, GeoNames:
:func:`pipeline.places.untagged.known_place_name`): "raided Fengtian", "besieged Ansi",
"attack Puban". Persons and states are besieged and attacked too, so a name the person or
state tables know keeps its label, a name of one syllable too ("attacked Zhao": a state, or
too many places of that syllable), and so does a PERSON of two words or more whose first
is a surname ("attacked Li Ling": the county Liling is written as one word).

**Described** (:func:`described_places`): a model PERSON followed by ", which" (a relative
no person takes) and, in that clause within :data:`RELATIVE_REACH` words, a ``place_assail``
or ``place_passive`` word is a place: "had lost Kuldja, which the Russians had occupied",
"Xiangyang, which was besieged for five years"; a name the person tables know stays a
person.
"""

from __future__ import annotations

import re

from pipeline.entities.alternation import alternation, word_set
from pipeline.entities.pinyin import is_one_syllable
from pipeline.entities.wadegiles import wg_syllable_to_pinyin
from pipeline.gazetteer import Gazetteer

Row = tuple[int, int, str, str, str, str]

#: What follows "fell" when a city fell, not a person ("fell ill", "fell in battle", "fell
#: upon the camp"): a "to" phrase, a date or span, a conjunction, or the clause's end.
_CITY_FALL = (r"(?=\s*[,.;:)]|\s+(?:to|within|after|and|again|soon|shortly|finally|at last)\b"
              r"|\s+in\s+(?!battle\b|action\b|love\b|the (?:battle|fighting|field)\b)"
              r"|\s+on\s+(?:[A-Z]|\d|the \w+ day)|\s+\w+\s+(?:days?|months?|years?)\s+later\b)")
_SYLLABLE = re.compile(r"[A-Za-zÀ-ÿ']+")


def _surname_first(name: str, surnames: frozenset[str]) -> bool:
    """True when the first word or hyphen-joined syllable of ``name`` is a surname of
    ``surnames`` (pinyin), as written or read from Wade–Giles ("Chu-yu": Zhu)."""
    m = _SYLLABLE.match(name)
    if m is None:
        return False
    first = m.group().capitalize()
    return first in surnames or (wg_syllable_to_pinyin(first) or "").capitalize() in surnames


def fallen_places(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Turn, in place, each model PERSON of ``rows`` that the module docstring's frame makes
    a place into a PLACE (same span and canonical)."""
    verbs = gaz.words("place_fall")
    if not verbs:
        return
    frame = re.compile(r"\s+(?:" + alternation(verbs, longest_first=True) + r")" + _CITY_FALL)
    surnames = word_set(gaz.words("surname"))
    for k, (start, end, label, canon, source, name) in enumerate(rows):
        if label != "PERSON" or source != "model" or frame.match(text, end) is None:
            continue
        if any(e.label == "PERSON" for e in gaz.lookup(name)):
            continue
        if _surname_first(name, surnames) and name not in gaz.known_places \
                and name not in gaz.modern_places:
            continue  # "Chi Shao fell", "Chu-yu has fallen": a person's name shape
        rows[k] = (start, end, "PLACE", canon, source, name)


def assailed_places(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Turn, in place, each model PERSON or POLITY of ``rows`` right after a ``place_assail``
    word that the module docstring's test makes a place into a PLACE (same span and
    canonical)."""
    from pipeline.places.untagged import known_place_name  # the place stage's tables

    verbs = gaz.words("place_assail")
    if not verbs:
        return
    before = re.compile(r"(?:^|\s)(?:" + alternation(verbs, longest_first=True) + r")\s+$")
    surnames = word_set(gaz.words("surname"))
    for k, (start, end, label, canon, source, name) in enumerate(rows):
        if label not in ("PERSON", "POLITY") or source != "model" \
                or before.search(text, max(0, start - 24), start) is None:
            continue
        if any(e.label in ("PERSON", "POLITY") for e in gaz.lookup(name)) \
                or is_one_syllable(name):
            continue  # a known person or state; "attacked Zhao": a state's one syllable
        if " " in name.strip() and _surname_first(name, surnames):
            continue  # "attacked Li Ling": a person's name shape
        if known_place_name(name):
            rows[k] = (start, end, "PLACE", canon, source, name)


#: Words between ", which" and the verb of a relative clause that describes a place.
RELATIVE_REACH = 6


def described_places(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Turn, in place, each model PERSON of ``rows`` that a relative clause of the module
    docstring's shape describes into a PLACE (same span and canonical)."""
    verbs = sorted({*gaz.words("place_assail"), *gaz.words("place_passive")}, key=len,
                   reverse=True)
    if not verbs:
        return
    alternatives = alternation(tuple(verbs))
    clause = re.compile(rf",\s+which\s+(?:[\w'’-]+\s+){{0,{RELATIVE_REACH}}}?"
                        rf"(?:{alternatives})\b")
    for k, (start, end, label, canon, source, name) in enumerate(rows):
        if label != "PERSON" or source != "model" or clause.match(text, end) is None:
            continue
        if any(e.label == "PERSON" for e in gaz.lookup(name)):
            continue
        rows[k] = (start, end, "PLACE", canon, source, name)
