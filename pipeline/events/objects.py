"""The words a trigger's object stands for, to choose among a form's rows by ``object_words``
(``gazetteer/event_types.csv``): "crossed the Yanzhi Mountains" is a movement, "crossed the
river" a river crossing; "captured a thousand of the enemy" takes persons, not a city.

* the object's head word (lower case); for a relative pronoun ("the cultivation work, which
  was then taken over by X"), the noun its clause describes;
* for a quantity ("a thousand of the enemy", "many of the rebels", "3,000"), the head word of
  its "of" phrase: what is counted; for a part or side of a place ("the east of Tongzhou
  City", "the outskirts of the capital"), the head of its "of" phrase too;
* for a proper noun written in one word with a pinyin feature ending ("Tianshan", "Tongguan"),
  the feature words of ``gazetteer/place_gloss_words.csv`` (kind ``feature``) whose ``value``
  is that ending (shan: mountain, mountains, mount; guan: pass);
* for a proper noun, the common nouns written before it as its kind ("the cruiser Laiyuan",
  "the war-junk Hai-an": cruiser, war-junk), lower-case words the parse hangs on it as
  ``compound``.

:func:`raised_object` finds the object two coordinated verbs share ("sank or captured most of
the boats": the first verb's object is the second's).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.events.syntax import OBJ, coarse
from pipeline.resources import active_gazetteer_dir

#: Heads naming a part or side of the place their "of" phrase names ("reached the east of
#: Tongzhou City", "the outskirts of the capital").
_PART_OF_PLACE = frozenset({"east", "west", "north", "south", "northeast", "northwest",
                            "southeast", "southwest", "outskirts", "vicinity", "suburbs",
                            "environs", "foot", "edge", "gates", "walls", "borders", "banks",
                            "bank", "shore", "shores", "coast", "heart", "centre", "center"})
#: Tags of a relative pronoun ("which", "that"), which stands for the noun its clause describes.
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
#: Heads that count or pick out what their "of" phrase names.
_QUANTITY_TAGS = frozenset({"CD"})
_QUANTIFIERS = frozenset({"many", "most", "some", "all", "several", "thousands", "hundreds",
                          "tens", "half", "rest", "remnants", "remainder", "number"})


@lru_cache(maxsize=4)
def feature_endings(gazetteer: Path | None = None) -> dict[str, frozenset[str]]:
    """pinyin ending -> the feature words that translate it ("shan" -> {"mountain",
    "mountains", "mount"}), from ``place_gloss_words.csv`` rows of kind ``feature`` with a
    value; {} without the file."""
    path = (gazetteer or active_gazetteer_dir()) / "place_gloss_words.csv"
    if not path.is_file():
        return {}
    out: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] == "feature" and row["value"]:
                out.setdefault(row["value"].lower(), set()).add(row["phrase"].lower())
    return {k: frozenset(v) for k, v in out.items()}


def object_words(tok: Token | None) -> frozenset[str]:
    """The lower-case words the object ``tok`` stands for (see the module doc); empty for
    None."""
    if tok is None:
        return frozenset()
    if tok.tag_ in _RELATIVE_TAGS and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i:
        tok = tok.head.head  # "the work, which was taken over by X": the work
    words = {tok.lower_}
    if tok.tag_ in _QUANTITY_TAGS or tok.like_num or tok.lower_ in _QUANTIFIERS \
            or tok.lower_ in _PART_OF_PLACE:
        counted = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"), None)
        if counted is not None:
            words.add(counted.lower_)
    if tok.tag_.startswith("NNP"):
        words |= {c.lower_ for c in tok.children if c.dep_ == "compound" and c.i < tok.i
                  and c.text.islower()}  # "the cruiser Laiyuan"
        for ending, features in feature_endings().items():
            if tok.lower_.endswith(ending) and len(tok.lower_) > len(ending) + 1:
                words |= features
    return frozenset(words)


#: Dependencies of a verb's own subject: a conjunct with one takes no object from before.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def raised_object(verb: Token) -> Token | None:
    """The object a verb shares with the verb coordinated right after it ("sank or captured
    most of the boats", "surrounded and took the city": the object is parsed on the second
    verb only): the direct object of a ``conj`` verb of ``verb`` that follows it with only a
    coordinator or a comma between and has no subject of its own; None otherwise (the caller
    asks only for a verb with no object of its own)."""
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= verb.i or coarse(conj) != "VERB":
            continue
        between = verb.doc[verb.i + 1:conj.i]
        if not len(between) or any(t.dep_ not in ("cc", "punct") for t in between) \
                or any(c.dep_ in _SUBJECTS for c in conj.children):
            return None
        return next((c for c in conj.children if c.dep_ in OBJ), None)
    return None
