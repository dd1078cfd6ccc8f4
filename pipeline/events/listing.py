"""List items after an event noun: "made many reformations, such as: unification of the
measurement units; encouragement of land reclamation".

An annotated list of measures names each measure as an event of the umbrella noun's kind (the
heldout3 convention: each item is a nominal event besides the umbrella). :func:`list_items`
finds, in one paragraph Doc (no parse needed), a trigger followed within :data:`MAX_GAP`
tokens by a ``list_opener`` cue of ``gazetteer/event_cues.csv`` ("such as", "including",
"namely"), and in the rest of that sentence every lower-case noun of an act (its ending an
``act_suffix`` cue: "-ation", "-ment" ...) that opens an item (after a separator or a
conjunction; not "clarifying the administration of officials", a verb's object) and is
directly followed by "of" ("unification of", "re-arrangement of"): each becomes a trigger
with the umbrella's form (so its rules). A word that is a trigger already keeps its own
("repair of the roads": construction), and a capitalised word is a name ("the Unification of
X" is a title). Whether each item is an event is then decided like any noun trigger (an
argument of its own: the "of" phrase).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from pipeline.events.lexicon import EventLexicon

#: Tokens between the end of the umbrella trigger and the list opener ("reformations, such as").
MAX_GAP = 2


#: id of a lexicon -> (the lexicon, its list openers, its act suffixes): read once per lexicon
_CUES: dict[int, tuple[EventLexicon, list[tuple[str, ...]], tuple[str, ...]]] = {}


def _list_cues(lexicon: EventLexicon) -> tuple[list[tuple[str, ...]], tuple[str, ...]]:
    """The ``list_opener`` cues (as words, longest first) and ``act_suffix`` cues of
    ``lexicon`` (derived once per lexicon object)."""
    cached = _CUES.get(id(lexicon))
    if cached is None or cached[0] is not lexicon:
        cached = _CUES[id(lexicon)] = (lexicon, sorted(
            (tuple(c.split()) for c, k in lexicon.cues.items() if k == "list_opener"),
            key=len, reverse=True), tuple(c for c, k in lexicon.cues.items() if k == "act_suffix"))
    return cached[1], cached[2]


def _is_act_noun(word: str, suffixes: tuple[str, ...]) -> bool:
    return word.isalpha() and word.islower() and any(
        word.endswith(s) and len(word) > len(s) + 2 for s in suffixes)


#: Words that may stand before a list item: separators, conjunctions, the opener's last word.
_BEFORE_ITEM = frozenset({",", ";", ":", "and", "or", "as", "such", "including", "namely",
                          "also"})
_DETERMINERS = frozenset({"the", "a", "an"})


def _heads_item(doc: Doc, i: int) -> bool:
    """True when token ``i`` opens a list item: after a separator, a conjunction or the opener
    (a determiner and a hyphenated prefix, "the re-arrangement", in between), not the object
    of a word before it ("clarifying the administration of officials")."""
    j = i - 1
    if j >= 1 and doc[j].text == "-":
        j -= 2  # "re - arrangement"
    while j >= 0 and doc[j].lower_ in _DETERMINERS:
        j -= 1
    return j >= 0 and doc[j].lower_ in _BEFORE_ITEM


def list_items(doc: Doc, found: Mapping[tuple[int, int], str],
               lexicon: EventLexicon) -> dict[tuple[int, int], str]:
    """(start, end) token spans of the list items after a trigger and a list opener -> the
    umbrella trigger's form (a key of ``lexicon.forms``); see the module doc. ``found``:
    the paragraph's trigger spans -> forms."""
    openers, suffixes = _list_cues(lexicon)
    if not openers or not suffixes or not found:
        return {}
    taken = {i for s, e in found for i in range(s, e)}
    out: dict[tuple[int, int], str] = {}
    words = [t.lower_ for t in doc]
    for (_, end), form in sorted(found.items()):
        at = next((end + gap for gap in range(MAX_GAP + 1) for op in openers
                   if tuple(words[end + gap:end + gap + len(op)]) == op
                   and all(not doc[k].is_alpha for k in range(end, end + gap))), None)
        if at is None:
            continue
        for tok in doc[at + 1:]:
            if tok.is_sent_start or tok.text in (".", "!", "?"):
                break
            nxt = tok.i + 1
            if tok.i in taken or nxt >= len(doc) or words[nxt] != "of" \
                    or not _is_act_noun(tok.text, suffixes) or not _heads_item(doc, tok.i):
                continue
            out[tok.i, tok.i + 1] = form
            taken.add(tok.i)
    return out
