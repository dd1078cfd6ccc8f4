"""A name no table or model tagged, right after a person noun: "The Dzungar khan Dawachi is
captured" (fresh report 13: Mongol, Manchu and Turkic names outside the gazetteer go
untagged, and the capture of an untagged person was read as a city's).

:func:`framed_persons` adds a PERSON row for one or two capitalised words that no row covers,
right after "the" (any case), an optional capitalised word (a people or state: "Dzungar",
"Tang") and a lower-case person noun (``person_before`` of ``gazetteer/entity_lexicon.csv``:
khan, general, minister, envoy ...). Not a word the document also writes in lower case (an
English word capitalised at a line start), nor English words only (the pipeline's lemma
tables: "the general Staff"), nor a title or state word of the lexicon, nor a name the place
tables know. Its canonical is the name as written (in pinyin when it is plainly
Wade–Giles: "Ssŭ-ma Lun" -> "Sima Lun"); its source ``model`` (no
table has it: it is listed among the gazetteer candidates).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pipeline.entities.alternation import alternation
from pipeline.entities.wadegiles import wg_canonical
from pipeline.gazetteer import Gazetteer
from pipeline.gazetteer.place_names import place_names

Row = tuple[int, int, str, str, str, str]
_NAME = r"[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*"
#: lexicon kinds whose words are no personal name ("the general Commander", "the khan Great")
_NO_NAME_KINDS = ("person_title", "polity_qualifier", "direction_word", "not_entity",
                  "sovereign_title", "title_after_ruler", "title_after_name", "army_word",
                  "state_noun")


def framed_persons(rows: list[Row], text: str, gaz: Gazetteer,
                   lower_words: Iterable[str], english: Mapping[str, bool] | None = None
                   ) -> None:
    """Append to ``rows`` (``(start, end, label, canonical, source, text)``) a PERSON row for
    each untagged name of the module docstring's frame. ``lower_words``: the document's
    lower-case words; ``english``: English words (lower case; any reading) a name may not be
    made of only ("the general Staff"); None: not checked."""
    nouns = gaz.words("person_before")
    if not nouns:
        return
    frame = re.compile(r"\b[Tt]he (?:[A-Z][^\W\d_]+ )?(?:" + alternation(
        nouns, longest_first=True) + r") (" + _NAME + r"(?: " + _NAME + r")?)")
    lower = {w.lower() for w in lower_words}
    stop = {w.lower() for kind in _NO_NAME_KINDS for w in gaz.words(kind)}
    places: set[str] | None = None
    for m in frame.finditer(text):
        start, end = m.span(1)
        if any(s < end and start < e for s, e, *_r in rows):
            continue
        words = m.group(1).split()
        while words and (words[-1].lower() in lower or words[-1].lower() in stop):
            words.pop()  # "the khan Dawachi Then ..." never; a trailing common word goes
        if not words or any(w.lower() in lower or w.lower() in stop for w in words) or (
                english and all(w.lower() in english for w in words)):
            continue
        name = " ".join(words)
        if places is None:
            places = place_names(gaz, world=True)
        if name in places or gaz.lookup(name):
            continue
        rows.append((start, start + len(name), "PERSON", wg_canonical(name) or name, "model",
                     name))
