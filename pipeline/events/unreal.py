"""Trigger words that tell no happening of their event type, read from the parse and the cue
kinds of ``gazetteer/event_cues.csv`` (called by :func:`pipeline.events.modality.modality`,
which then gives ``none``):

* a force of nature as the doer (``nature``, ``weather`` or ``condition`` subject) of a verb
  that is no ``natural_damage`` verb ("the tide of the river broke the embankment": a flood,
  not a defeat; but "a typhoon destroyed the fleet", "the flood drowned the relief army" stay
  events), or a ``weather`` noun whose "of" names weather ("in a storm of wind and rain");
* a ``generic`` subject, a rule or a threat about whoever may do something ("anyone who
  revealed the change was to be put to death", "whoever surrendered was executed"), and the
  "be to" future of a passive ("Hongkong was to be ceded": terms, a sentence pronounced);
* a verb after "rather than" / "instead of" (``substitution``) when the parse hangs "than" on
  the verb as its subordinator ("Rather than surrender to Qin, X offered ...");
* an ``avoidance`` verb whose "with" or object names a ``penalty`` ("escaped with banishment":
  got off with exile, no flight; "escaped death");
* an ``agent_noun`` read as the act it names a doer of ("would not report that the rebel was
  slain": a person, not a rebellion), and a trigger noun that is an ``army_noun`` ("the
  Chinese garrison abandoned the forts": the soldiers; not "left a garrison at X");
* a verb whose object is a ``body_part`` of ``gazetteer/modality_cues.csv`` ("cut off one of
  his fingers in protest": a maiming, no blockade);
* a pact noun (a ``treaty``, ``peace`` or ``alliance`` trigger) that an ``undoing`` verb of
  ``gazetteer/event_cues.csv`` breaks ("broke the treaty", "the treaty was repudiated", "tore
  up the peace treaty"): the breach is told, not the pact;
* a verb of taking whose object is ``goods`` of ``gazetteer/modality_cues.csv`` ("captured
  most of the boats", "the captured guns"): booty, which the annotation guide gives no row;
* a verb of dying or being born whose subject is itself an event word (a trigger noun of the
  lexicon or a ``campaign_head``): "The campaign died with him", "the rebellion was born in
  the hills" tell of no one's death or birth;
* an event noun that "never took place" (:func:`pipeline.events.hedges.never_happened`);
* a verb of fighting whose subject is a battle's name ("The Battle of Gaixia ... was fought in
  203 BC"): the name's ``battle_reference`` row is that battle; the verb restates it;
* a verb of office whose passive subject is a place noun ("the city was made Liaozhou",
  "the county was made a prefecture": a renaming or regrading, no one's office; the nouns
  are the ``place_suffix_lc`` words of ``gazetteer/entity_lexicon.csv``);
* a verb of a "neither X nor Y" coordination ("the ships could neither advance nor turn
  about": both denied);
* an infinitive among "either to X or to Y" alternatives ("urged king Hui either to employ
  the young man or to put him to death"): a choice offered, neither told as done.
"""

from __future__ import annotations

import csv
from functools import lru_cache

from spacy.tokens import Token

from pipeline.events.habits import load_modality_cues
from pipeline.events.hedges import never_happened
from pipeline.events.lexicon import EventLexicon
from pipeline.events.syntax import OBJ, SUBJ_PASS, coarse, pobj
from pipeline.resources import gazetteer_dir

#: Cue kinds of a word that names a force of nature, the weather or a condition.
_NATURAL = ("nature", "weather", "condition")
#: Copula forms heading the "be to" future ("was to be executed").
_BE = frozenset({"was", "were", "is", "are"})
#: Subject links, nominal and clausal.
_SUBJECT = frozenset({"nsubj", "csubj", *SUBJ_PASS})
#: Links of an argument clause or conjunct whose subject is its governor's.
_SHARED = frozenset({"xcomp", "conj"})


def _natural(word: Token, lexicon: EventLexicon) -> bool:
    return any(lexicon.is_cue(word.lower_, kind) for kind in _NATURAL)


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def natural_force(head: Token, lexicon: EventLexicon) -> bool:
    """A verb trigger whose active subject is a natural force and that is no
    ``natural_damage`` verb ("the tide ... broke the embankment", "the wind scattered the
    ships" stays only if "scattered" is listed), or a ``weather`` trigger noun whose "of"
    phrase is weather itself ("a storm of wind and rain"; not "the storm of the fortress")."""
    if coarse(head) == "NOUN" and lexicon.is_cue(head.lower_, "weather"):
        return any(c.dep_ == "prep" and c.lower_ == "of" and (obj := pobj(c)) is not None
                   and _natural(obj, lexicon) for c in head.children)
    if coarse(head) != "VERB" or lexicon.is_cue(head.lower_, "natural_damage"):
        return False
    verb = _first_conjunct(head) if not any(c.dep_ == "nsubj" for c in head.children) \
        else head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subjects += [c for s in subjects for c in s.children if c.dep_ == "conj"]
    return bool(subjects) and all(_natural(s, lexicon) for s in subjects)


def _subjects(verb: Token) -> list[Token]:
    """The subjects of ``verb``, or of the verb it is an argument clause or conjunct of
    ("anyone ... was [to be put to death]"), and the subjects of its clausal subject
    ("[whoever surrendered] was executed")."""
    out: list[Token] = []
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT]
        out += subjects  # a clause as subject may be labelled nsubjpass ("[whosoever speaks]
        # of peace will be beheaded")
        out += [g for c in subjects if coarse(c) == "VERB" for g in c.children
                if g.dep_ == "nsubj"]
        if out or verb.dep_ not in _SHARED or verb.head.i == verb.i:
            return out
        verb = verb.head
    return out


def generic_or_destined(head: Token, lexicon: EventLexicon) -> bool:
    """A clause about whoever may act or suffer, not about someone who did: a ``generic``
    subject ("anyone who revealed the change was to be put to death", "whoever surrendered
    was executed"), a relative clause of one ("anyone who surrendered ..."), or the "be to"
    future of a passive ("was to be put to death", "Hongkong was to be ceded and an
    indemnity paid": terms and sentences, not their carrying out)."""
    if coarse(head) != "VERB":
        return False
    if head.dep_ == "relcl" and lexicon.is_cue(head.head.lower_, "generic"):
        return True
    if any(lexicon.is_cue(s.lower_, "generic") for s in _subjects(head)):
        return True
    verb = _first_conjunct(head)
    return verb.tag_ == "VBN" and verb.dep_ == "xcomp" and verb.head.lower_ in _BE \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children)


def rather_than(head: Token, lexicon: EventLexicon) -> bool:
    """A verb whose subordinator "than"/"of" follows a ``substitution`` word ("Rather than
    surrender to Qin, Feng Ting offered ...": the parse makes "than" the verb's ``mark``; a
    preposition "of" hangs on the main verb instead, and ``modality`` reads it on the way up
    from its object, "instead of surrendering")."""
    verb = _first_conjunct(head)
    return coarse(verb) == "VERB" and any(
        c.dep_ == "mark" and c.lower_ in ("than", "of") and 0 < c.i < verb.i
        and lexicon.is_cue(c.doc[c.i - 1].lower_, "substitution") for c in verb.children)


def let_off(head: Token, lexicon: EventLexicon) -> bool:
    """An ``avoidance`` verb with a "with" phrase or an object naming a ``penalty`` ("escaped
    with banishment", "escaped with a demotion", "escaped death"): a lighter punishment or
    none, no flight (not "escaped with a few horsemen", "escaped the siege")."""
    return lexicon.is_cue(head.lower_, "avoidance") and any(
        (c.dep_ in OBJ and lexicon.is_cue(c.lower_, "penalty")) or (
            c.dep_ == "prep" and c.lower_ == "with" and (obj := pobj(c)) is not None
            and lexicon.is_cue(obj.lower_, "penalty")) for c in head.children)


def agent_noun(head: Token, lexicon: EventLexicon) -> bool:
    """A trigger noun that names a doer, not the act (``agent_noun``: "the rebel was slain",
    "rebels took the town"): determined, possessed or plural."""
    return coarse(head) == "NOUN" and lexicon.is_cue(head.lower_, "agent_noun") and (
        head.tag_ == "NNS" or any(c.dep_ in ("det", "poss") for c in head.children))


#: Determiners of a body of soldiers set up by a verb ("left a garrison at X").
_INDEFINITE = frozenset({"a", "an"})


def troop_noun(head: Token, lexicon: EventLexicon) -> bool:
    """A trigger noun that is also an ``army_noun`` (a body of soldiers: "garrison") names the
    soldiers, not the act of garrisoning ("the Chinese garrison abandoned the forts", "the
    Busan garrison", "an old Liao garrison", "bringing the garrison to 6,800"), unless it is
    the indefinite object of a verb with no other qualifier ("left a garrison at Xiangyang":
    a garrison posted)."""
    if coarse(head) != "NOUN" or not lexicon.is_cue(head.lower_, "army_noun") \
            or not lexicon.forms.get(head.lower_):
        return False  # a trigger word of its own ("stations troops": "troops" is not)
    before = [c for c in head.children if c.i < head.i]
    return not (head.dep_ in OBJ and before and all(
        c.dep_ == "det" and c.lower_ in _INDEFINITE for c in before))


#: Quantity words whose "of" names what the verb acts on ("cut off one of his fingers").
_PART_OF = frozenset({"one", "two", "some", "both", "part", "all"})


def maimed(head: Token) -> bool:
    """A trigger verb whose object is a ``body_part`` (``gazetteer/modality_cues.csv``): a
    maiming, no event of the verb's type ("Nan Jiyun cut off one of his fingers in protest",
    "she cut off her right hand": no blockade). Heads are no such part: cutting off a head is
    a killing (``event_types.csv``)."""
    if coarse(head) != "VERB":
        return False
    parts = load_modality_cues().get("body_part", frozenset())
    for obj in (c for c in head.children if c.dep_ in OBJ):
        if obj.lower_ in _PART_OF:
            obj = next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"), obj)
        if obj.lower_ in parts:
            return True
    return False


#: Event types of taking a place or a person (a verb all of whose rows are of these types
#: is a verb of taking); quantity words before the "of" phrase of what was taken.
_TAKING = frozenset({"capture_city", "capture_person"})
_SHARE_OF = _PART_OF | {"most", "many", "half", "rest", "much", "thousands", "tens"}


def _taken(word: Token) -> Token:
    """The noun a quantity stands for ("most of the boats": boats; "thousands of horses":
    horses); else ``word``."""
    while word.lower_ in _SHARE_OF:
        nxt = next((p for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"), None)
        if nxt is None:
            break
        word = nxt
    return word


def goods_taken(head: Token, lexicon: EventLexicon) -> bool:
    """A verb of taking (every row of its form, with its particle, is of a :data:`_TAKING`
    type) whose object or passive subject (for a conjunct without its own, the first
    conjunct's), or the noun it qualifies as a participle, is a ``goods`` word of
    ``gazetteer/modality_cues.csv``: booty, no event ("sank or captured most of the boats",
    "the Japanese turned the captured guns on the ships", "the salaries were seized").
    Not "captured the city", "boarded a ship and took a general prisoner", nor people
    ("carried off 206,800 captives" stays a capture: a fresh-text judge asked for it)."""
    forms = [head.lower_] + [f"{head.lower_} {c.lower_}" for c in head.children
                             if c.dep_ == "prt"]
    rules = [r for f in forms for r in lexicon.forms.get(f, ())]
    if not rules or any(r.event_type not in _TAKING for r in rules):
        return False
    goods = load_modality_cues().get("goods", frozenset())
    things = [c for c in head.children if c.dep_ in OBJ or c.dep_ in SUBJ_PASS]
    if not things and head.dep_ == "conj":  # "sank or captured most of the boats"; not
        # "boarded a ship and took a general prisoner"
        things = [c for c in head.head.children if c.dep_ in OBJ or c.dep_ in SUBJ_PASS]
    if head.dep_ in ("amod", "acl") and head.head.i != head.i:
        things.append(head.head)  # "the captured guns"
    return any(_taken(t).lower_ in goods for t in things)


#: Event types of a pact, which an ``undoing`` verb breaks.
_PACTS = frozenset({"treaty", "peace", "alliance"})


def pact_undone(head: Token, lexicon: EventLexicon) -> bool:
    """A trigger noun all of whose rows are of a :data:`_PACTS` type, the object or passive
    subject of an ``undoing`` verb ("Liu Bang broke the treaty", "the treaty was repudiated",
    "tore up the peace treaty"): no pact is made there. Not "signed the treaty"."""
    if coarse(head) != "NOUN" or not (head.dep_ in OBJ or head.dep_ in SUBJ_PASS):
        return False
    rules = lexicon.forms.get(head.lower_, ())
    return bool(rules) and all(r.event_type in _PACTS for r in rules) \
        and lexicon.is_cue(head.head.lower_, "undoing")


#: Event types of a life's start and end, and the copulas of a passive form ("was born").
_LIFE = frozenset({"death", "birth"})
_LIFE_AUX = ("", "was ", "were ", "is ")


def _event_word(word: Token, lexicon: EventLexicon) -> bool:
    """A common noun that names an event: a trigger form of the lexicon or a
    ``campaign_head`` ("the campaign", "the rebellion"), not a person or a place."""
    return coarse(word) == "NOUN" and (word.lower_ in lexicon.forms
                                       or word.lower_ in lexicon.campaign_heads)


def figurative_life(head: Token, lexicon: EventLexicon) -> bool:
    """A verb of dying or being born whose every subject is an event word ("The campaign
    died with him"): the end or start of an undertaking, no one's death or birth."""
    if coarse(head) != "VERB" or not any(
            r.event_type in _LIFE for aux in _LIFE_AUX
            for r in lexicon.forms.get(aux + head.lower_, ())):
        return False
    subjects = _subjects(head)
    return bool(subjects) and all(_event_word(s, lexicon) for s in subjects)


#: Event types of a verb that restates the battle its subject names.
_FIGHT = frozenset({"battle", "naval_battle"})
def _battle_name(word: Token, lexicon: EventLexicon) -> bool:
    """A capitalised head of a ``battle_reference`` form whose "of" names something ("Battle
    of Gaixia", "Siege of Xiangyang")."""
    if not word.text[:1].isupper():
        return False
    of = next((c for c in word.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = pobj(of) if of is not None else None
    return obj is not None and obj.text[:1].isupper() and any(
        r.event_type == "battle_reference"
        for r in lexicon.forms.get(f"{word.lower_} of", ()))


def named_battle(head: Token, lexicon: EventLexicon) -> bool:
    """A verb of fighting whose every subject is a battle's name ("The Battle of Gaixia ... was
    fought in 203 BC"): the battle already has its row, dated by the same clause. Not a clause
    hung on another verb ("The Battle of X was a battle of the Y War fought in 1895"): there
    the name's row does not reach the clause's date, which the verb's row keeps."""
    if coarse(head) != "VERB" or not any(r.event_type in _FIGHT
                                         for r in lexicon.forms.get(head.lower_, ())):
        return False
    subjects = [c for c in head.children if c.dep_ in _SUBJECT]
    return bool(subjects) and all(_battle_name(s, lexicon) for s in subjects)


#: Event types of a post given to someone.
_OFFICE = frozenset({"office", "appointment"})
_PASSIVE_AUX = ("", "was ", "were ")


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    """The lower-case generic place words (``place_suffix_lc`` of ``entity_lexicon.csv``:
    county, prefecture, city, ...) and their plurals in -s."""
    with (gazetteer_dir() / "entity_lexicon.csv").open(encoding="utf-8", newline="") as fh:
        words = {r["value"].strip().lower() for r in csv.DictReader(fh)
                 if r["kind"] == "place_suffix_lc"}
    return frozenset(words | {w + "s" for w in words})


def renamed_place(head: Token, lexicon: EventLexicon) -> bool:
    """A verb of office whose every passive subject is a generic place noun ("the city was
    made Liaozhou"): the place renamed or regraded, no appointment."""
    if not any(r.event_type in _OFFICE for aux in _PASSIVE_AUX
               for r in lexicon.forms.get(aux + head.lower_, ())):
        return False
    subjects = [c for c in head.children if c.dep_ in SUBJ_PASS]
    return bool(subjects) and all(coarse(s) == "NOUN" and s.lower_ in _place_nouns()
                                  for s in subjects)


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def offered_alternative(head: Token) -> bool:
    """An infinitive of an "either to ... or to ..." coordination: the first conjunct has
    "either" (``preconj``) and "or", and both it and the trigger are "to" infinitives."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    kids = list(first.children)
    return any(c.dep_ == "preconj" and c.lower_ == "either" for c in kids) \
        and any(c.dep_ == "cc" and c.lower_ == "or" for c in kids) \
        and _infinitive(first) and _infinitive(head)


def denied_pair(head: Token) -> bool:
    """A verb or a conjunct of a verb whose first conjunct, or its subject, has "neither"
    (``preconj``) and a "nor" ("could neither advance nor turn about", "neither fled nor
    surrendered", "neither X nor Y fled")."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    kids = list(first.children)
    if any(_neither(s) for s in kids if s.dep_ in _SUBJECT):
        return True  # "neither Han Ping nor Wei Lin fled"
    return coarse(first) == "VERB" and _neither(first)


def _neither(word: Token) -> bool:
    kids = list(word.children)
    return any(c.dep_ in ("preconj", "det") and c.lower_ == "neither" for c in kids) \
        and any(c.dep_ == "cc" and c.lower_ == "nor" for c in kids)  # "Neither" read as a det


def unreal(head: Token, lexicon: EventLexicon) -> bool:
    """Whether the trigger ``head`` tells no happening of its type (see the module doc)."""
    return natural_force(head, lexicon) or generic_or_destined(head, lexicon) \
        or rather_than(head, lexicon) or let_off(head, lexicon) or agent_noun(head, lexicon) \
        or figurative_life(head, lexicon) or never_happened(head) \
        or named_battle(head, lexicon) or offered_alternative(head) \
        or renamed_place(head, lexicon) or denied_pair(head) or troop_noun(head, lexicon) \
        or maimed(head) or goods_taken(head, lexicon) or pact_undone(head, lexicon)
