"""The label a trigger's object stands for, to choose among a form's rows by ``object_label``
(:func:`patient_label`, used by :func:`pipeline.events.rows.frames._choose_rule` through
:mod:`pipeline.events.rows.build`): an entity's label, else the class of a common noun from the
data tables (person anaphor and relative words, ``army_noun`` cues, settlement words of
``place_gloss_words.csv``), else, for an unknown proper noun, the one label the trigger's rows
ask for, or PLACE when the place tables know it; a pronoun "it" or a relative "which" takes
the label of what it stands for (:func:`antecedent`). Re-exported by
:mod:`pipeline.events.anaphora`, where it lived.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.events.actors import ActorFinder
from pipeline.events.lexicon import EventLexicon
from pipeline.events.roles import Frame, coarse
from pipeline.places.untagged import known_place_name
from pipeline.records import EntityRow
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
    "his son"): PERSON; an ``army_noun`` ("two armies", "the troops") or a
    :func:`counted_force` ("305,000 picked men"): ARMY, unless a "to"
    infinitive says what it was sent to do (:func:`_purpose_verb`) or the force is the subject
    of a verb of its own (:func:`_acting_force`); so is a person an ``order`` verb sends
    at the head of a force (:func:`escorted`: "sent Li Mi with 100,000 men"), but PERSON when a
    "to" infinitive gives the purpose and the one sent is a named person ("sent the general
    Huyan Yan with 27,000 men to attack Luoyang": an appointment and his attack); a settlement word
    ("entered the city", "the prefectures"): PLACE (:func:`settlement_words`) for a trigger
    that has no row for any object (:func:`_labelled_only`), and never the label of a name
    in its "of" phrase ("captured the prefectures of Lan, Kuo ...": places, whatever Lan
    was tagged); an unknown proper noun (:func:`_unknown_name`, also "An-tök" split by the
    parse) takes the one label the trigger's rows ask for (:func:`_sole_label`), if they ask
    for one only, else PLACE when they ask for a PLACE among others and a place table knows
    the name (:func:`_tabled_place`: "Port Arthur fell"); "it" and a relative pronoun take
    the label of what they stand for (:func:`antecedent`: "stormed the city and took it")."""
    if frame.patient is None:
        return ""
    if frame.patient.lower_ == "it" or _relative(frame.patient):
        return antecedent_label(frame.patient, frame.head, finder)  # "took it", "X, which ..."
    word = frame.patient.lower_
    lex = finder.lexicon
    forms = (word, word[:-1]) if word.endswith("s") else (word,)
    settlement = frame.patient.tag_ in ("NN", "NNS") and word in settlement_words()
    if escorted(frame, lex):  # "sent Li Mi with 100,000 men": the force he leads is sent
        if not _purpose_verb(frame.head, frame.patient):
            return "ARMY"
        leader = finder.actor(frame.patient)  # "sent the general X with 27,000 men to
        # attack Y": X is sent (an appointment), the attack is X's own row
        return "PERSON" if leader is not None and leader.entity.label == "PERSON" else ""
    if finder.entity_at(frame.patient) is None:
        if any(lex.is_cue(w, "anaphor_person") or lex.is_cue(w, "relative") for w in forms):
            return "PERSON"  # "the emperor was captured", "the generals", "sent his son"
        if lex.is_cue(word, "army_noun") or counted_force(frame.patient, lex):
            # "sent two armies"; not "sent troops to attack X": the purpose verb is the event
            return "" if _purpose_verb(frame.head, frame.patient) \
                or _acting_force(frame.head, frame.patient) else "ARMY"
    place = finder.place(frame.patient)
    if place is not None and finder.entity_at(frame.patient) is place:
        return "PLACE"
    actor = None if settlement and finder.entity_at(frame.patient) is None \
        else finder.actor(frame.patient)  # "the prefectures of Lan, Kuo ...": places
    if actor is not None:
        return actor.entity.label
    if place is None and settlement and finder.entity_at(frame.patient) is None \
            and _labelled_only(frame.head, lex):
        return "PLACE"  # "his men entered the city" (not "stormed the city": an attack)
    if place is None and _unknown_name(frame.patient, finder):
        return _sole_label(frame.head, finder) \
            or _tabled_place(frame.patient, frame.head, finder)  # "occupied Tai-hu-hsien";
        # "Port Arthur fell": a PLACE or a POLITY, the place tables know it
    return "PLACE" if place is not None else ""


#: Fewest men a count must give for a body of men to be a force ("sent 300,000 men"), not a
#: party of messengers or an escort ("sent two men to Luoyang").
FORCE_COUNT = 1000
#: Number words of a count of at least :data:`FORCE_COUNT` ("ten thousand", "a myriad").
_LARGE_NUMBER_WORDS = frozenset({"thousand", "thousands", "myriad", "myriads", "million",
                                 "millions", "lakh", "lakhs"})


def _count(tok: Token) -> int:
    """The number the ``nummod`` words of the noun ``tok`` give ("300,000 men": 300000; "ten
    thousand horsemen": at least :data:`FORCE_COUNT`); 0 without one."""
    best = 0
    for num in (c for c in tok.children if c.dep_ == "nummod"):
        words = [t.lower_ for t in num.subtree]
        if any(w in _LARGE_NUMBER_WORDS for w in words):
            best = max(best, FORCE_COUNT)
        digits = num.lower_.replace(",", "")
        if digits.isdigit():
            best = max(best, int(digits))
    return best


def counted_force(tok: Token, lex: EventLexicon) -> bool:
    """True for a ``counted_force`` noun of ``event_cues.csv`` ("men", "horsemen") counted by
    a number of at least :data:`FORCE_COUNT` ("sent 305,000 picked men", "joined Lian Tan's
    3,000 men"): a body of soldiers like an ``army_noun``; "two men", "a thousand years" are
    not."""
    return lex.is_cue(tok.lower_, "counted_force") and _count(tok) >= FORCE_COUNT


def escorted(frame: Frame, lex: EventLexicon) -> bool:
    """True when the patient of an ``order`` verb of ``event_cues.csv`` ("sent") that has a
    row for an ARMY object goes "with" a body
    of soldiers (an ``army_noun`` or a :func:`counted_force`; the "with" phrase on the trigger
    or on the patient): "sent Li Mi with 100,000 men", "sent his general Ch'iu Fu with 100,000
    men across the desert" send a force under its leader, an ``attack`` by the "send army" row
    (annotation guide: sending an army is an attack; "sent envoys with tribute" is no force).
    Not other verbs, whose "with" is the agent's ("surrounded the Factories with soldiers").
    The caller refuses it when a "to" infinitive gives the purpose ("sent Ren Fu with 18,000
    men to attack the enemy's back": that attack is the event)."""
    if frame.patient is None or not lex.is_cue(frame.head.lower_, "order") or not any(
            r.object_label == "ARMY" for r in lex.forms.get(frame.head.lower_, ())):
        return False
    for owner in (frame.head, frame.patient):
        for prep in owner.children:
            if prep.dep_ != "prep" or prep.lower_ != "with":
                continue
            if any(c.dep_ == "pobj" and (lex.is_cue(c.lower_, "army_noun")
                                         or counted_force(c, lex)) for c in prep.children):
                return True
    return False


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


#: Tags of a determiner word ("the", "this", "his"), not a name the parse hung as one.
_ARTICLE_TAGS = frozenset({"DT", "PDT", "WDT", "PRP$"})


def _unknown_name(tok: Token, finder: ActorFinder) -> bool:
    """True for a proper-noun head no entity covers and no article precedes ("Tai-hu-hsien",
    "Port Arthur", a garbled "Tha(ng-Long"; not "the Office for Legislating Laws"); also for
    a name the tagger read as a common noun: a hyphen-joined capitalised name ("An-tök",
    head "tök") or a capitalised noun inside the sentence ("the men of Silla took Iki");
    at the start of a sentence, where every word is capitalised, only one the place tables
    know ("Iki fell nine days later", :func:`_tabled_place`)."""
    if finder.entity_at(tok) is not None or any(c.dep_ == "det" and c.tag_ in _ARTICLE_TAGS
                                                 for c in tok.children):
        return False  # (the parse may hang "An" of "An-tök" as a determiner)
    if tok.tag_ in ("NNP", "NNPS"):
        return True
    name = name_text(tok)
    if tok.tag_ not in ("NN", "NNS") or not name[:1].isupper():
        return False
    if name != tok.text:
        return True  # "An-tök": joined to a capitalised word
    return tok.i > _sent_start(tok) or known_place_name(name)


def name_text(tok: Token) -> str:
    """The written name a noun ``tok`` heads: itself with the capitalised words and the
    hyphens or apostrophes joined to it on the left ("Port Arthur", "An-tök", "Tha(ng-Long"
    as the parse splits them); the bare word when nothing capitalised is joined."""
    doc = tok.doc
    start = tok.i
    first = _sent_start(tok)
    while start > first:
        prev = doc[start - 1]
        joined = not prev.whitespace_
        if not (joined or prev.text[:1].isupper()) or prev.i not in {t.i for t in tok.subtree}:
            break
        if not joined and prev.tag_ not in ("NNP", "NNPS"):
            break
        start -= 1
    return doc[start:tok.i + 1].text if doc[start].text[:1].isupper() else tok.text


def _tabled_place(tok: Token, head: Token, finder: ActorFinder) -> str:
    """PLACE for an unknown name ``tok`` that a place table knows as a whole (CHGIS, cpca,
    GeoNames: :func:`pipeline.places.untagged.known_place_name`), when the rows of the
    trigger word ``head`` take a PLACE among other labels ("fell": a PLACE or a POLITY; a
    state's name would be a POLITY entity already); "" otherwise, and for a present tense
    (:func:`_sole_label`)."""
    if head.tag_ in ("VBZ", "VBP"):
        return ""
    labels = {r.object_label for r in finder.lexicon.forms.get(head.lower_, ())}
    return "PLACE" if "PLACE" in labels and "PERSON" not in labels \
        and known_place_name(name_text(tok)) else ""


#: How far back (characters of the paragraph before the sentence) a pronoun "it" at the
#: head of its sentence looks for the place or state it stands for: about one sentence.
LOOKBACK = 300
#: Nouns of time, which a pronoun "it" does not stand for ("besieged it for two years").
_TIME_NOUNS = frozenset({"year", "years", "month", "months", "day", "days", "night",
                         "nights", "time", "times", "season", "spring", "summer", "autumn",
                         "winter", "morning", "evening", "dawn", "week", "weeks"})


#: Labels of what "it" may stand for.
_THING_LABELS = frozenset({"PLACE", "POLITY", "ARMY"})


def _sent_start(tok: Token) -> int:
    """The index of the first token of ``tok``'s sentence (0 in a Doc without sentences)."""
    try:
        return tok.sent.start
    except ValueError:
        return 0


def _relative(tok: Token) -> bool:
    """True for a relative pronoun ("which", "that") heading no noun of its own, whose
    clause describes a noun: "Kuldja, which the Russians had occupied"."""
    return tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.i != tok.i


def antecedent(tok: Token, head: Token, finder: ActorFinder) -> tuple[str, EntityRow | None]:
    """What the pronoun ``tok`` stands for, as the object or the undergoer of the trigger
    word ``head``: its label ("" when nothing says) and the entity it comes from (None for a
    settlement word or nothing; the place a row of "took it" is at).

    * a relative pronoun ("which", "who"): the noun its clause describes: an entity's
      label; a settlement word or a name the place tables know: PLACE;
    * "it": the nearest noun before it in its sentence, not the trigger's own subject nor a
      noun of time (:data:`_TIME_NOUNS`): a PLACE, POLITY or ARMY entity gives its label (a
      PERSON nothing), a settlement word (:func:`settlement_words`: "stormed the city and
      took it") PLACE, any other noun nothing ("found a letter and took it");
    * "it" with no noun before it in its sentence: the last entity of the paragraph within
      :data:`LOOKBACK` characters before the sentence, if it is a PLACE, POLITY or ARMY
      ("They marched on Xuchang. It fell in May"): the nearest mention wins, a later place
      over an earlier one, a person in between over both."""
    if _relative(tok):
        noun = tok.head.head
        ent = finder.entity_at(noun)
        if ent is not None:
            return ent.label, ent  # "Li Heng, who was captured": a PERSON
        if noun.tag_ in ("NN", "NNS") and noun.lower_ in settlement_words():
            return "PLACE", None
        return ("PLACE" if _unknown_name(noun, finder) and known_place_name(
            name_text(noun)) else ""), None
    skip = {t.i for t in (c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
            for t in t.subtree if t.i != tok.i}
    first = _sent_start(tok)
    for prev in reversed(tok.doc[first:tok.i]):
        if prev.i in skip or not prev.tag_.startswith("NN") \
                or prev.lower_ in _TIME_NOUNS:
            continue
        ent = finder.entity_at(prev)
        if ent is not None:  # "it" is no person
            return (ent.label, ent) if ent.label in _THING_LABELS else ("", None)
        if prev.tag_ in ("NN", "NNS") and prev.lower_ in settlement_words():
            return "PLACE", None
        return "", None
    if tok.i > first:
        return "", None  # "the Russians took it": only its own subject before it
    start = finder.base + tok.doc[first].idx
    before = [e for e in finder.entities if e.end <= start and e.start >= start - LOOKBACK]
    last = max(before, key=lambda e: e.start, default=None)
    return (last.label, last) if last is not None and last.label in _THING_LABELS \
        else ("", None)


def pronoun_place(tok: Token | None, head: Token, finder: ActorFinder
                  ) -> tuple[bool, EntityRow | None]:
    """``(True, place)`` when ``tok``, the patient of the trigger word ``head``, is "it" or a
    relative pronoun that stands for a place (:func:`antecedent`: "besieged Yingzhou ...
    without taking it", "Xiangyang, which fell in 1273"): the PLACE entity it stands for, or
    None for a settlement word ("stormed the city and took it"); ``(False, None)`` for any
    other patient, or a pronoun for a person, state or army."""
    if tok is None or not (tok.lower_ == "it" or _relative(tok)):
        return False, None
    label, ent = antecedent(tok, head, finder)
    if label != "PLACE":
        return False, None
    return True, ent if ent is not None and ent.label == "PLACE" else None


def antecedent_label(tok: Token, head: Token, finder: ActorFinder) -> str:
    """The label of :func:`antecedent` ("" when nothing says)."""
    return antecedent(tok, head, finder)[0]


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
