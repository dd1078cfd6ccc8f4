"""Named campaigns without "battle of": "the Kaixi Northern Expedition", "the Xiangyang
Campaign".

A capitalised name whose last word is a ``campaign_head`` cue of ``gazetteer/event_cues.csv``
("Expedition", "Campaign") and which has a capitalised word of its own before that head
("Northern Expedition"; not "The Expedition" at a sentence start, nor a set counted by its
first word: "the Three Great Campaigns") names a military campaign: a
``battle_reference`` like "the Battle of X" (the issue 8 convention: a named campaign is
referred to, in a title line as in the text). :func:`campaign_names` finds them in one
paragraph Doc (no parse needed): the trigger span is the whole name, at most
:data:`MAX_WORDS` capitalised words before the head (the name is then its own
``reference_name``: :func:`pipeline.events.triggers.reference_name`). A capitalised trigger
form inside the name is part of it ("the Xiangyang Expedition against the Jin").
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc

from pipeline.events.lexicon import EventLexicon

#: Capitalised words before the head word that a campaign name may have.
MAX_WORDS = 4
_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})


#: id of a lexicon -> (the lexicon, its :func:`_reference_form`): looked up once, not per
#: paragraph (the lexicon's forms are fixed once loaded).
_FORMS: dict[int, tuple[EventLexicon, str]] = {}


def _reference_form(lexicon: EventLexicon) -> str:
    """A form of the lexicon whose rules are ``battle_reference`` ("battle of"), or ""."""
    got = _FORMS.get(id(lexicon))
    if got is None or got[0] is not lexicon:
        got = _FORMS[id(lexicon)] = (lexicon, next(
            (f for f, rules in lexicon.forms.items()
             if rules[0].event_type == "battle_reference"), ""))
    return got[1]


def campaign_names(doc: Doc, found: Mapping[tuple[int, int], str],
                   lexicon: EventLexicon) -> dict[tuple[int, int], str]:
    """(start, end) token spans of the campaign names of ``doc`` -> a ``battle_reference``
    form (a key of ``lexicon.forms``); spans overlapping a lower-case trigger of ``found``
    are left out (see the module doc)."""
    form = _reference_form(lexicon)
    if not form:
        return {}
    taken = {i for s, e in found if not doc[s].text[:1].isupper() for i in range(s, e)}
    # (a capitalised trigger inside the name is part of it: "the X Expedition against Y" is
    # no "expedition against"; the longer span wins in :func:`spacy.util.filter_spans`)
    out: dict[tuple[int, int], str] = {}
    for tok in doc:
        if tok.lower_ not in lexicon.campaign_heads or not tok.text[:1].isupper():
            continue
        start = tok.i
        while start > 0 and tok.i - start < MAX_WORDS and not doc[start].is_sent_start:
            prev = doc[start - 1]
            if not (prev.is_alpha and prev.text[:1].isupper()) \
                    or prev.lower_ in _DETERMINERS:
                break
            start -= 1
        if start == tok.i or doc[start].like_num \
                or any(i in taken for i in range(start, tok.i + 1)):
            continue  # (a count names a set: "his Three Great Campaigns")
        out[start, tok.i + 1] = form
        taken.update(range(start, tok.i + 1))
    return out
