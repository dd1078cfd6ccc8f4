"""Ruler titles qualified by a dynasty: "the T'ang Emperor", "the Sui emperor", "the Han king".

A bare ruler title ("the emperor") is resolved by salience to the ruler the paragraph is
about (:func:`pipeline.events.anaphora.resolve_actor`). A title qualified by capitalised words
before it names a ruler of that dynasty only: when those words are a polity of
``polities.csv`` or ``polity_dynasties.csv`` (canonical or alias, compared by
:func:`pipeline.events.coref.name_key`, so OCR marks and apostrophes are ignored: "T^ang",
"T'ang" → Tang), the candidate must be a ruler of that polity by the ruler tables
(``persons.csv`` and sanmiao's ``rulers.csv``, :func:`pipeline.events.lexicon.load_person_polities`)
or carry it in its canonical name ("Emperor Yang of Sui"); when they are capitalised words that
are no polity, no cue and no honorific, the title names no one we can check, and stays blank.
A blank is better than the last emperor named, of another dynasty ("submitted to the T'ang
Emperor" after "Emperor Yang of Sui").
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.coref import name_key
from pipeline.events.lexicon import RULER_TITLES, load_person_polities
from pipeline.resources import active_gazetteer_dir

#: Words before a ruler title that qualify no dynasty: honorifics and orders ("the Great
#: Khan", "the First Emperor", "the Later Han emperor" keeps "Han" as its dynasty).
_PLAIN = frozenset({"great", "grand", "supreme", "imperial", "holy", "sacred", "first",
                    "second", "third", "last", "late", "new", "old", "young", "reigning",
                    "former", "later", "then", "present", "future", "retired", "senior",
                    "junior", "elder", "younger", "chinese", "celestial", "boy", "child"})
#: Capitalised words before a title read as its qualifier at most.
_MAX_WORDS = 3


@lru_cache(maxsize=4)
def _polity_keys(directory: Path) -> dict[str, str]:
    """name_key of each polity canonical and alias -> canonical."""
    out: dict[str, str] = {}
    for name in ("polities.csv", "polity_dynasties.csv"):
        path = directory / name
        if not path.is_file():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for text in (row["canonical"], *(row.get("aliases") or "").split("|")):
                    key = name_key(text)
                    if key:
                        out.setdefault(key, row["canonical"])
    return out


@lru_cache(maxsize=4)
def _ruler_polity(directory: Path) -> dict[str, str]:
    path = directory / "persons.csv"
    return load_person_polities(path) if path.is_file() else {}


def dynasty_qualifier(finder: ActorFinder, tok: Token | None) -> str | None:
    """The dynasty a ruler title ``tok`` ("Emperor" of "the T'ang Emperor") is qualified by:
    the polity canonical ("Tang") that the capitalised words right before it name; "" when
    such words name no polity (the title names no one the tables can check); None when the
    title has no such qualifier (a bare "the emperor", "the Great Khan", "his emperor"), or a
    word before it is inside an entity or a cue (other rules read those)."""
    if tok is None or tok.lower_ not in RULER_TITLES:
        return None
    doc, words = tok.doc, []
    k = tok.i - 1
    while k >= tok.sent.start and len(words) <= _MAX_WORDS and doc[k].lower_ not in (
            "the", "a", "an", "his", "her", "their", "its") and not doc[k].is_punct:
        words.insert(0, doc[k])
        k -= 1
    if not words or len(words) > _MAX_WORDS or k < tok.sent.start \
            or doc[k].lower_ != "the" or not words[0].text[:1].isupper():
        return None
    if any(finder.entity_at(w) is not None or finder.lexicon.cue(w.lower_) for w in words):
        return None
    named = [w for w in words if w.lower_ not in _PLAIN]
    if not named:
        return None
    key = name_key(" ".join(w.text for w in named))
    return _polity_keys(active_gazetteer_dir()).get(key, "")


def of_dynasty(actor: Actor | None, dynasty: str) -> bool:
    """True when ``actor`` is a ruler of ``dynasty`` (a polity canonical): by the ruler
    tables, or by its canonical name's "of <dynasty>" ("Emperor Yang of Sui")."""
    if actor is None or not dynasty:
        return False
    canonical = actor.entity.canonical
    if _ruler_polity(active_gazetteer_dir()).get(canonical) == dynasty:
        return True
    keys = _polity_keys(active_gazetteer_dir())
    _, sep, tail = canonical.rpartition(" of ")
    return bool(sep) and keys.get(name_key(tail)) == dynasty


def rulers_of(dynasty: str) -> frozenset[str]:
    """Canonical names of the rulers of ``dynasty`` by the ruler tables."""
    return frozenset(n for n, p in _ruler_polity(active_gazetteer_dir()).items()
                     if p == dynasty)
