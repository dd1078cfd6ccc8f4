"""A trigger clause's tense, and the timeline lines that narrate in the present
(:func:`tense`, :func:`finite_present`, :func:`timeline_line`; split from
:mod:`pipeline.events.modality`, which re-exports them)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.events.narration import narrated
from pipeline.events.syntax import SUBJ, SUBJ_PASS, coarse

_PRESENT_AUX = frozenset({"is", "are", "am"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


#: The head of a timeline or annals line: an optional bullet, a year (optionally "c.", an era
#: mark "BC"/"BCE"/"CE"/"AD") and a colon or dash ("- 1352: X captures Y", "1368 – X enters
#: Y", "* 221 BC: Qin unifies China").
_TIMELINE_HEAD = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u2013\u2014][ \t]*)?(?:c\.[ \t]*)?\d{1,4}"
                            r"(?:[ \t]*(?:BCE?|CE|AD|B\.C\.|A\.D\.))?[ \t]*[:\u2013\u2014-][ \t]")


def timeline_line(text: str, char: int) -> bool:
    """True when the line of ``text`` holding offset ``char`` is a timeline item: it opens
    with a year and a colon or dash. Such lists tell their events in the historic present
    ("- 1354: X besieges Y at Z", "- 1356: X is poisoned"), which is narration, not the
    present of a description ("the city lies on the river"); so does a sentence of a
    paragraph told in the historic present (:func:`pipeline.events.narration.narrated`)."""
    start = text.rfind("\n", 0, char) + 1
    head = _TIMELINE_HEAD.match(text, start)
    return (head is not None and head.end() <= char + 1) or narrated(text, char)


def finite_present(verb: Token) -> bool:
    """A present-tense verb: tagged ``VBZ``/``VBP``, or a base form with a subject of its own
    and no auxiliary or "to" (the tagger's ``VB`` for "the Red Turbans ... burn X"). A
    trigger matched only as a present form added for the historic present
    (``EventLexicon.present``) is an event only so (not "the rebels", "he found that")."""
    if verb.tag_ in _PRESENT_TAGS:
        return True
    return verb.tag_ == "VB" and any(c.dep_ in SUBJ for c in verb.children) \
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def tense(head: Token, narrated: bool = False) -> str:
    """``present``, ``imperative`` or "" (past, or not told) for a verb trigger's clause.

    ``present``: the verb (or its first conjunct) is tagged ``VBZ``/``VBP`` ("the city lies",
    "X attacks"), or it is a participle whose auxiliary is "is"/"are" ("X is known as");
    ``imperative``: a base-form verb heading its sentence with no subject, auxiliary or
    infinitive marker ("move to sidebar", web-page debris). Nouns give "". ``narrated``: the
    clause is known to narrate (a timeline item, :func:`timeline_line`): a present tense
    there is the historic present and gives "" (told as past)."""
    verb = head
    while verb.dep_ == "conj" and verb.head.i != verb.i and coarse(verb) == "VERB":
        if any(c.dep_ in SUBJ or c.dep_ in SUBJ_PASS for c in verb.children):
            break  # a conjunct with its own subject keeps its own tense
        verb = verb.head
    if coarse(verb) != "VERB":
        return ""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        return "" if narrated else "present"
    if verb.tag_ in ("VBN", "VBG") and auxes and all(a.lower_ in _PRESENT_AUX for a in auxes):
        return "" if narrated else "present"
    if verb.tag_ == "VB" and verb.dep_ == "ROOT" and not auxes and not any(
            c.dep_ in SUBJ or c.dep_ in SUBJ_PASS for c in verb.children):
        return "imperative"
    return ""
