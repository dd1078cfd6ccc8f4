"""The label a trigger's object stands for, to choose among a form's rows by ``object_label``
(:func:`patient_label`, used by :func:`pipeline.events.rows.frames._choose_rule` through
:mod:`pipeline.events.rows.build`): an entity's label, else the class of a common noun from the
data tables (person anaphor and relative words, ``army_noun`` cues, settlement words of
``place_gloss_words.csv``), else, for an unknown proper noun, the one label the trigger's rows
ask for. Re-exported by :mod:`pipeline.events.anaphora`, where it lived.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.events.actors import ActorFinder
from pipeline.events.lexicon import EventLexicon
from pipeline.events.roles import Frame, coarse
from pipeline.resources import active_gazetteer_dir

#: ``place_gloss_words.csv`` kinds whose words name a settlement or an administrative unit
#: ("city", "prefecture", "commandery"): a common noun that is one of them is a place.
_SETTLEMENT_KINDS = frozenset({"suffix", "admin"})


@lru_cache(maxsize=2)
def settlement_words(gazetteer: Path | None = None) -> frozenset[str]:
    """Lower-case one-word nouns of a settlement or administrative unit and their plurals
    ("city", "cities", "prefecture", "counties"), from ``place_gloss_words.csv`` rows of the
    kinds :data:`_SETTLEMENT_KINDS`; empty without the file."""
    path = (gazetteer or active_gazetteer_dir()) / "place_gloss_words.csv"
    if not path.is_file():
        return frozenset()
    out: set[str] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            word = row["phrase"].strip().lower()
            if row["kind"] in _SETTLEMENT_KINDS and word.isalpha():
                out |= {word, word[:-1] + "ies" if word.endswith("y") else word + "s"}
    return frozenset(out)


def patient_label(frame: Frame, finder: ActorFinder) -> str:
    """The entity label (PERSON, PLACE, POLITY, ARMY) the patient of ``frame`` stands for, to
    choose a trigger's row by ``object_label`` (:func:`pipeline.events.rows.frames._choose_rule`);
    "" when nothing says. A common noun no entity covers decides by its class (cue kinds of
    ``event_cues.csv``): a person anaphor word or a relative ("the emperor", "the generals",
    "his son"): PERSON; an ``army_noun`` ("two armies", "the troops"): ARMY, unless a "to"
    infinitive says what it was sent to do (:func:`_purpose_verb`) or the force is the subject
    of a verb of its own (:func:`_acting_force`); a settlement word
    ("entered the city", "the prefectures"): PLACE (:func:`settlement_words`) for a trigger
    that has no row for any object (:func:`_labelled_only`); an unknown
    proper noun takes the one label the trigger's rows ask for (:func:`_sole_label`), if they
    ask for one only."""
    if frame.patient is None:
        return ""
    word = frame.patient.lower_
    lex = finder.lexicon
    forms = (word, word[:-1]) if word.endswith("s") else (word,)
    if finder.entity_at(frame.patient) is None:
        if any(lex.is_cue(w, "anaphor_person") or lex.is_cue(w, "relative") for w in forms):
            return "PERSON"  # "the emperor was captured", "the generals", "sent his son"
        if lex.is_cue(word, "army_noun"):
            # "sent two armies"; not "sent troops to attack X": the purpose verb is the event
            return "" if _purpose_verb(frame.head, frame.patient) \
                or _acting_force(frame.head, frame.patient) else "ARMY"
    place = finder.place(frame.patient)
    if place is not None and finder.entity_at(frame.patient) is place:
        return "PLACE"
    actor = finder.actor(frame.patient)
    if actor is not None:
        return actor.entity.label
    if place is None and frame.patient.tag_ in ("NN", "NNS") \
            and finder.entity_at(frame.patient) is None and word in settlement_words() \
            and _labelled_only(frame.head, lex):
        return "PLACE"  # "his men entered the city" (not "stormed the city": an attack)
    if place is None and _unknown_name(frame.patient, finder):
        return _sole_label(frame.head, finder)  # "occupied Tai-hu-hsien": a place
    return "PLACE" if place is not None else ""


def _labelled_only(head: Token, lex: EventLexicon) -> bool:
    """True when every row of the trigger word ``head`` asks for an object label or object
    words ("entered": a PLACE), so that an unlabelled object refuses it; a word with a row for
    any object ("stormed", "destroyed": an attack, a destruction of whatever) keeps that
    reading for a common noun."""
    rows = lex.forms.get(head.lower_, ())
    return bool(rows) and all(r.object_label or r.object_words for r in rows)


def _purpose_verb(head: Token, patient: Token) -> bool:
    """True when a "to" infinitive hangs on the verb ``head`` or its object ``patient`` with
    no other verb between ("sent troops to attack the Song", "sent troops in an attempt to
    seize Tokyo", "sent his troops to divide into three routes")."""
    for tok in head.subtree:
        if tok.i == head.i or coarse(tok) != "VERB" \
                or not any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.children):
            continue
        above = tok.head
        while above.i not in (head.i, patient.i) and coarse(above) != "VERB" \
                and above.head.i != above.i:
            above = above.head
        if above.i in (head.i, patient.i):
            return True
    return False


def _acting_force(head: Token, patient: Token) -> bool:
    """True when the trigger ``head`` is a participle describing the force ``patient`` that is
    the subject of a verb of its own ("a Mongol army sent by Ogedei crossed the Yalu"): what
    the force did is that verb's event; the sending is no attack (and its sender no target)."""
    return head.dep_ == "acl" and head.head.i == patient.i \
        and patient.dep_ in ("nsubj", "nsubjpass") and coarse(patient.head) == "VERB"


def _unknown_name(tok: Token, finder: ActorFinder) -> bool:
    """True for a proper-noun head no entity covers and no article precedes ("Tai-hu-hsien",
    "Port Arthur", a garbled "Tha(ng-Long"; not "the Office for Legislating Laws")."""
    return tok.tag_ in ("NNP", "NNPS") and finder.entity_at(tok) is None \
        and not any(c.dep_ == "det" for c in tok.children)


def _sole_label(head: Token, finder: ActorFinder) -> str:
    """The one ``object_label`` the rows of the trigger word ``head`` take ("occupied": PLACE;
    "named": PERSON), "" when they take several ("fell": a PLACE or a POLITY) or none: the
    verb's sense decides what an unknown name it governs is; not for a present tense, which
    describes more often than it tells."""
    if head.tag_ in ("VBZ", "VBP"):
        return ""  # a present tense describes ("takes Divination as his career")
    labels = {r.object_label for r in finder.lexicon.forms.get(head.lower_, ())
              if r.object_label}
    return next(iter(labels)) if len(labels) == 1 else ""
