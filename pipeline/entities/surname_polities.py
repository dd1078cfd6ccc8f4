"""A dynasty named by its ruling clan, read as a person where a person noun stands before it.

The gazetteer lists a dynasty under the name of its ruling clan: "Yuwen Zhou" (宇文周, the
Northern Zhou), "Li Tang", "Tuoba Wei". Written so, such a name is a surname and a syllable,
the shape of a person's name, and a person may bear it: "Yuchi's general Yuwen Zhou" (宇文胄)
is no dynasty. :func:`surnamed_polities` makes a two-word POLITY row whose first word is a
Chinese surname (``surname`` words of ``gazetteer/entity_lexicon.csv``, romanized
``compound_surnames.csv``) a PERSON of that name where a person noun (``person_before``:
general, minister, envoy ...) stands right before it, itself after "the", a possessive
("Yuchi's", "his") or capitalised as a title ("General Yuwen Zhou"). A dynasty never follows
such a noun: "the Tang general Li Jing" has its dynasty before the noun.
"""

from __future__ import annotations

import re

from pipeline.entities.alternation import alternation
from pipeline.entities.surnames import load_compound_surnames
from pipeline.gazetteer import Gazetteer

Row = tuple[int, int, str, str, str, str]
#: characters before a row searched for the person noun
_REACH = 48


def surnamed_polities(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """Relabel in place, as PERSON (canonical: the name as written), each POLITY row of
    ``rows`` (``(start, end, label, canonical, source, text)``) of the module docstring's
    shape and frame. ``text``: the text the offsets index."""
    nouns = gaz.words("person_before")
    if not nouns or not any(r[2] == "POLITY" and r[5].count(" ") == 1 for r in rows):
        return
    surnames = {w.lower() for w in gaz.words("surname")} | {
        w.lower() for w in (load_compound_surnames(gaz.source_dir).values()
                            if gaz.source_dir else ())}
    frame = re.compile(r"(?:\b(?:the|his|her|their|its)|\w['’]s)\s+(?:[A-Z][a-z]+\s+)?(?:"
                       + alternation(nouns, longest_first=True) + r")\s+$|(?:^|(?<=[\s(\"“]))(?:"
                       + alternation(nouns, capitalized=True) + r")\s+$")
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        words = name.split()
        if label != "POLITY" or len(words) != 2 or words[0].lower() not in surnames \
                or not words[1][:1].isupper():
            continue
        if frame.search(text, max(0, start - _REACH), start) is not None:
            rows[k] = (start, end, "PERSON", " ".join(words), source, name)
