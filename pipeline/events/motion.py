"""Whether a verb of movement is used as one: ``anchor=mover`` rows of ``event_types.csv``.

A motion verb without a destination ("returned", "came back", "set out", "arrived") is a
movement only when it is intransitive and someone moves: "the envoys returned in 805", "he set
out"; not "forced the officials to return the fields" (a direct object: a handing back) nor
"the first climax of exchanges began to arrive" (nothing that travels). The mover is the
verb's subject (its own, shared or inherited: :func:`pipeline.events.subjects.controller`):
a proper noun, a personal pronoun, a number ("the two returned"), or a common noun whose word
(or lemma) is a person or group cue of ``event_cues.csv`` (``anaphor_person``,
``anaphor_group``, ``group_noun``, ``mover``: "the envoys", "his deputy envoy", "the fleet").
A verb with no subject the parse can find is left to the other checks (an elided subject of
a coordinated clause: "..., and returned to Han"). The subject test applies to the verbs of
every ``movement`` row without ``object_words`` ("went to", "passed through"; a row with
them is chosen by its object after this check): "China's silk products were transported
west and passed through the Hexi Corridor" tells a trade route, not a journey. A passive
verb's subject is what was moved ("the capital was moved to Beijing"): not checked.

The same subject test serves the ``anchor=holder`` rows, verbs of holding a post ("served
as", "became the minister of"): their subject must be someone ("he served as prefect of X"),
not a thing ("the temple served as a school", "the city became the capital"); the
``anchor=censor`` rows ("said" in a censor's mouth) are checked here too
(:mod:`pipeline.events.speakers`).

An ``anchor=bare`` row is a verb that tells its event only when used bare, with someone as
its subject: "the people rose and killed the officials", "Yao Chang rose in the west" (a
rising), "the ten-year-old Zhezong succeeded" (an accession); not "rose to high office",
"rose early", "rose from his seat", "succeeded in persuading him", "the river rose"
(:func:`_bare`).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon, TriggerRule
from pipeline.events.speakers import CENSOR, censor_speaks
from pipeline.events.subjects import controller, is_passive
from pipeline.events.syntax import OBJ, SUBJ, children, coarse

#: ``anchor`` value of a row whose verb must have a mover and no direct object.
MOVER = "mover"
#: ``anchor`` value of a row whose verb's subject must name a person (an office holder).
HOLDER = "holder"
#: ``anchor`` value of a row whose verb is a movement only with a named start or end ("led the
#: army out of Luoyang", "led his men from Ping City to Luoyang"; not "led 2,000 soldiers to
#: attack the city", "led the government").
ROUTE = "route"
#: Head nouns of a time phrase the parse may read as a direct object ("sailed the second time").
_TIME_NOUNS = frozenset({"time", "times", "day", "days", "night", "nights", "month", "months",
                         "year", "years", "spring", "summer", "autumn", "winter"})
#: Compass directions: after a verb of motion they are its heading, not a direct object
#: ("marched west", which the parse may read as one), and after "led N men" a route like a
#: named end ("led thirty thousand men south").
_DIRECTIONS = frozenset(
    w for base in ("north", "south", "east", "west", "northeast", "northwest", "southeast",
                   "southwest")
    for w in (base, base + "ward", base + "wards"))
_ROUTE_PREPS = frozenset({"from", "out", "to", "into", "toward", "towards"})
#: Common nouns of a walled place that a route phrase names as well as a proper noun when a
#: determiner points to the one told of ("led the soldiers into the palace", "led 3,000 men
#: into the city", "out of the city"; not "to attack a city").
_WALLED = frozenset({"city", "capital", "palace", "camp", "fortress", "town", "citadel"})
#: Particles of a way travelled: the noun after one is the path, not a direct object ("sailed
#: up the Yangtze", "came down the river", "went along the coast").
_PATH_PARTICLES = frozenset({"up", "down", "along", "across", "through", "over", "past",
                             "around", "round"})
_PERSON_CUES = frozenset({"anaphor_person", "anaphor_group", "group_noun", "mover"})
#: ``anchor`` value of a row whose verb is an event only bare (:func:`_bare`).
BARE = "bare"
#: Prepositions a bare verb may take: where, when and against whom ("rose in the west", "rose
#: at Changyuan", "succeeded on his death"); any other ("rose to power", "rose from his seat",
#: "rose above the clouds") makes it another verb.
_BARE_PREPS = frozenset({"in", "at", "on", "during", "after", "against", "near", "under"})
#: Dependents of a verb used with a complement: an object, a clause or a predicate.
_COMPLEMENTS = frozenset({"dobj", "obj", "xcomp", "ccomp", "acomp", "attr", "oprd", "prt",
                          "dative", "agent"})
#: Adverbs that make "rose" a getting up or a climb ("rose early", "rose high").
_NOT_BARE_ADVERBS = frozenset({"early", "late", "high", "higher", "up", "again"})


def can_move(tok: Token, lexicon: EventLexicon) -> bool:
    """True when the subject ``tok`` may name someone who travels (see the module doc)."""
    words = [tok, *(c for c in tok.children if c.dep_ in ("compound", "appos"))]  # "the
    # leader Ma Yuanyi": a name in apposition; a misparse: "his operations eastwards has
    # passed through": "eastwards" the subject, "operations" its compound
    if any(t.tag_ in ("NNP", "NNPS", "PRP", "CD") or t.ent_type_ in ("PERSON", "NORP", "GPE")
           for t in words):
        return True
    return any(lexicon.cue(w) in _PERSON_CUES for t in words for w in _word_forms(t))


def _word_forms(tok: Token) -> tuple[str, ...]:
    """The lower-case form, lemma and, for a plural noun, its form without the plural "s"
    (the sentence parser sets no lemma: "generals" is the ``anaphor_person`` cue "general")."""
    low = tok.lower_
    if tok.tag_ == "NNS" and low.endswith("s") and len(low) > 3:
        return low, tok.lemma_.lower(), low[:-1]
    return low, tok.lemma_.lower()


def _has_route(verb: Token) -> bool:
    """True when ``verb`` has a "from", "out of", "to", "into" or "toward(s)" phrase whose
    object is a proper noun (a named place): "led the Six Armies out of Luoyang", or a walled
    place with a determiner (:data:`_WALLED`: "led the soldiers into the palace"); the phrase
    may hang on the verb's direct object, where the parse often puts it ("led 300,000
    infantry and cavalry from Ping City": the troops go from Ping City), unless the verb is a
    "to" infinitive, most often a purpose ("was appointed commander, to lead sixty thousand
    infantry toward Liaodong"), where only a phrase on the verb itself counts."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    heads = [verb] if infinitive else [verb, *children(verb, OBJ)]
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ not in ("prep", "prt") or prep.lower_ not in _ROUTE_PREPS:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        objects += [g for c in prep.children if c.dep_ == "prep"  # "out of Luoyang"
                    for g in c.children if g.dep_ == "pobj"]
        if any(o.tag_.startswith("NNP") or any(  # "to Dingchuan village": a named village
                c.dep_ == "compound" and c.tag_.startswith("NNP") for c in o.children)
               or (o.lower_ in _WALLED and any(c.dep_ in ("det", "poss") and c.lower_ != "a"
                                               for c in o.children))  # "into the city"
               for o in objects):
            return True
    return any(c.lower_ in _DIRECTIONS and c.dep_ in ("advmod", "npadvmod", "dobj", "obj")
               for h in heads for c in h.children if c.i > verb.i)  # "led N men south"


def _path_particle(verb: Token) -> bool:
    """True when ``verb`` has a particle of a way (:data:`_PATH_PARTICLES`) before its object:
    the parse makes "the Yangtze" the object of "sailed" in "sailed up the Yangtze"."""
    return any(c.dep_ == "prt" and c.lower_ in _PATH_PARTICLES for c in verb.children)


def _moves_itself(noun: Token, lexicon: EventLexicon) -> bool:
    """True when a journey noun is the subject of a verb of a ``movement`` row ("his second
    mission returned to Han"): it names the travellers of that verb's event."""
    gov = noun.head
    return noun.dep_ in SUBJ and coarse(gov) == "VERB" and any(
        r.event_type == "movement" for r in lexicon.forms.get(gov.lower_, ()))


def _traveller_of(noun: Token, lexicon: EventLexicon) -> bool:
    """True when a journey noun has a traveller outside its own phrase: the object of a
    ``support`` verb whose subject can move ("Zhang Qian made two missions to the West"), or
    the object of "on" hanging on someone who can move ("30 Khitan on a goodwill mission",
    "he went on a mission")."""
    gov = noun.head
    if noun.dep_ in OBJ and coarse(gov) == "VERB" and lexicon.cue(gov.lower_) == "support":
        subject = controller(gov, lexicon)
        return subject is not None and can_move(subject, lexicon)
    if noun.dep_ == "pobj" and gov.lower_ == "on" and gov.head.i != gov.i:
        bearer = gov.head
        if coarse(bearer) == "VERB":
            bearer = controller(bearer, lexicon) or bearer
            return coarse(bearer) != "VERB" and can_move(bearer, lexicon)
        return can_move(bearer, lexicon)
    return False


def _bare(verb: Token, lexicon: EventLexicon) -> bool:
    """True when ``verb`` is used bare (module doc): a verb, not passive, with no complement
    (:data:`_COMPLEMENTS`), no preposition but :data:`_BARE_PREPS` and none of these taking a
    clause ("succeeded in persuading him"), no "as" in the words after it up to a comma or a
    verb ("succeeded in 934 as governor": an office, read by object words), no adverb of
    :data:`_NOT_BARE_ADVERBS`, and a subject that can name someone (:func:`can_move`; an
    elided one is kept)."""
    if coarse(verb) != "VERB" or is_passive(verb) or verb.dep_ == "amod":
        return False
    for c in verb.children:
        if c.dep_ in _COMPLEMENTS or (c.dep_ == "advmod" and c.lower_ in _NOT_BARE_ADVERBS):
            return False
        if c.dep_ == "prep" and (c.lower_ not in _BARE_PREPS or any(
                g.dep_ == "pcomp" or coarse(g) == "VERB" for g in c.children)):
            return False
    for tok in verb.doc[verb.i + 1:verb.i + 6]:  # "succeeded in 934 as governor": the parse
        if tok.is_punct or coarse(tok) == "VERB":  # hangs the "as" phrase on the year
            break
        if tok.lower_ == "as":
            return False
    subject = controller(verb, lexicon)
    return subject is None or can_move(subject, lexicon)


def unfit_motion(head: Token, rule: TriggerRule | None, lexicon: EventLexicon) -> bool:
    """True when the verb ``head`` of a ``movement`` row is not used as a movement: its
    subject cannot move ("silk products passed through the Hexi Corridor", "the road passed
    through X": goods and roads are no travellers), or, for an ``anchor=mover`` row, it has a
    direct object (module doc); a noun of an ``anchor=mover`` row names its traveller by a
    possessive or an "of" phrase ("his return", "the return of the monk Kukai"; not "travel
    to China was safe"), or a traveller outside its phrase (:func:`_traveller_of`: "made
    two missions", "envoys on a goodwill mission"), and is not itself the subject of a
    movement verb ("his mission returned"). A verb of an ``anchor=holder`` row: True when its
    subject cannot name a person ("the temple served as a school"); a trigger of an
    ``anchor=censor`` row: True unless it is a verb whose subject names a censor
    (:mod:`pipeline.events.speakers`); a trigger of an ``anchor=route`` row: True unless it is a
    verb with a named start or end (:data:`ROUTE`); a trigger of an ``anchor=bare`` row: True
    unless it is a verb used bare (:func:`_bare`). Other nouns and rows: False."""
    if rule is not None and rule.anchor == BARE:
        return not _bare(head, lexicon)
    if rule is not None and rule.anchor == MOVER and coarse(head) in ("NOUN", "PROPN"):
        if _moves_itself(head, lexicon):
            return True  # "Zhang Qian's second mission returned to Han": the traveller
        return not (any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")
                        for c in head.children)  # "the return of the monk Kukai", "his
                    # return"; not "travel to China was safe"
                    or _traveller_of(head, lexicon))
    if rule is not None and rule.anchor == CENSOR:
        return coarse(head) != "VERB" or not censor_speaks(head, lexicon)
    if rule is not None and rule.anchor == ROUTE:
        return coarse(head) != "VERB" or not _has_route(head)
    if rule is not None and rule.anchor == HOLDER and coarse(head) == "VERB":
        holder = controller(head, lexicon)
        return holder is not None and not can_move(holder, lexicon)
    if rule is None or coarse(head) != "VERB" or not (rule.anchor == MOVER or (
            rule.event_type == "movement" and not rule.object_words)) or is_passive(head):
        return False  # (a passive's subject is what was moved: "the capital was moved")
    if rule.anchor == MOVER and head.dep_ == "amod":
        return True  # a participle qualifying a noun: "advanced technology", "the returned
        # envoys" (no one travels in this clause)
    if rule.anchor == MOVER and not _path_particle(head) \
            and any(o.lower_ not in _TIME_NOUNS and o.lower_ not in _DIRECTIONS
                    for o in children(head, OBJ)):
        return True  # (a time phrase or a direction the parse made an object is none:
        # "sailed the second time", "returned the next day", "marched west"; nor the way
        # after a particle: "sailed up the Yangtze")
    subject = controller(head, lexicon)
    return subject is not None and not can_move(subject, lexicon)
