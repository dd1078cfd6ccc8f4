"""Coreference helpers beside the salience resolver: spellings, qualified titles, groups.

Three mechanisms for argument tokens the entity stage leaves uncovered or the bare-title
anaphor rule would resolve wrongly:

* **Spelling match** (:func:`spelled_person`): a proper name in an argument phrase that no
  entity covers but that is spelled like a person named earlier in the document once case,
  diacritics, hyphens, apostrophes and spaces are ignored ("Tsêng-kuo-fan" after "Tsêng
  Kuo-fan"), is that person (the string-match pass of multi-pass coreference sieves, Lee et
  al. 2013). A hyphenated romanized name no entity covers and no earlier person matches
  ("Kwang-sit was born") is a stand-in PERSON, ``source="parse"`` (:func:`hyphen_name`).
* **Qualified titles** (:func:`qualified_title`): a title anaphor with a qualifier word
  ("the Retired Emperor", "the Empress Dowager", "the crown prince": an ``anaphor_person``
  cue and a ``title_qualifier`` cue of ``event_cues.csv``) names a person only when the
  paragraph ties that same title phrase to a person ("Xuanzong was honored as Retired
  Emperor", "the crown prince Li Jiancheng", "Empress Dowager Cixi"); otherwise it stays
  blank: the reigning ruler is never its default
  (:meth:`pipeline.events.salience.Salience.qualified`). A capitalised ruler title after
  capitalised non-cue words ("the West King", "the Right Worthy King") is such a phrase too.
* **Relatives** (:func:`relative_actor`): a possessed ``relative`` cue noun ("Zhang
  Juzheng's father", "his son") is never its possessor: a name in its phrase, else the
  phrase as written.
* **Group agents** (:func:`group_actor`): a common noun for people acting together or an
  unnamed person ("killed by his eunuchs", "assassinated by an actor", "the rebels
  submitted": a ``group_noun`` cue) is actor1 as written (its modifiers kept, articles,
  possessives and numbers dropped), label ``GROUP``, ``source="group"``, when nothing more
  specific was found.

The spelling match and the stand-in names live in :mod:`pipeline.events.uncovered_names`
(re-exported here). Offsets are full-text ``str`` indices.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.entities.era_emperors import MAX_SYLLABLES, era_emperor, gazetteer_era_emperors
from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.lexicon import RULER_TITLES
from pipeline.events.uncovered_names import (  # noqa: F401 (re-exported: anaphora, salience)
    _MAX_NAME_WORDS,
    _MONTHS,
    _after_common_title,
    _covered,
    _subject,
    _word_runs,
    hyphen_name,
    name_key,
    relinked,
    spelled_person,
    titled_name,
)
from pipeline.gazetteer import load_gazetteer
from pipeline.records import EntityRow
from pipeline.resources import active_gazetteer_dir

_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "northeast", "northwest", "southeast", "southwest", "central",
                      "great", "later", "former", "first", "second", "final", "last"})
#: Label of a group actor's stand-in entity (no anaphor resolves to it).
GROUP = "GROUP"
#: ``actor1_source`` of a group actor.
GROUP_SOURCE = "group"
#: Quantity heads whose "of" phrase names the group ("thousands of rebels").
_QUANTITY = frozenset({"thousands", "hundreds", "tens", "thousand", "hundred", "many", "some",
                       "most", "all", "several", "group", "band", "body", "number", "part",
                       "rest", "remnants", "remnant", "majority", "few", "one", "none"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "cc", "conj"})


def _modifier_group(finder: ActorFinder, noun: Token) -> Actor | None:
    """The capitalised adjective or compound before an event noun that no entity covers
    ("the Mohammedan rebellion", "the Boxer uprising"): the people it names, label GROUP,
    ``source="group"``; None when there is none, or it is a month, weekday or compass word,
    or an anaphor cue ("the Imperial ...", "the Emperor's")."""
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
            and c.is_alpha and c.text[:1].isupper() and c.i > noun.sent.start]
    if len(mods) != 1:
        return None
    mod = mods[0]
    if finder.entity_at(mod) is not None or finder.lexicon.cue(mod.lower_) \
            or mod.lower_ in _MONTHS or mod.lower_ in _COMPASS:
        return None
    start = finder.base + mod.idx
    return Actor(EntityRow("", -1, start, start + len(mod), mod.text, GROUP, mod.text, "parse"),
                 GROUP_SOURCE)


def qualified_title(finder: ActorFinder, tok: Token | None) -> tuple[str, ...]:
    """The lower-case words of a qualified title phrase headed by ``tok`` ("the Retired
    Emperor" → ("retired", "emperor"), "the Empress Dowager", "the crown prince"): an
    ``anaphor_person`` cue and a ``title_qualifier`` cue among the head and its modifiers
    before it, no word inside an entity and every modifier a cue; () otherwise."""
    if tok is None or not tok.tag_.startswith("NN") or finder.entity_at(tok) is not None:
        return ()
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    words = [*sorted(mods, key=lambda t: t.i), tok]
    kinds = [finder.lexicon.cue(t.lower_) for t in words]
    if len(words) < 2 or any(finder.entity_at(t) is not None for t in words):
        return ()
    if _styled_ruler(words, kinds):
        return tuple(t.lower_ for t in words)
    if "anaphor_person" not in kinds or "title_qualifier" not in kinds \
            or any(k not in ("anaphor_person", "title_qualifier") for k in kinds):
        return ()
    return tuple(t.lower_ for t in words)


#: Honorifics of the one ruler the text is about ("the Great Khan"), not a style of another.
_HONORIFIC = frozenset({"great", "grand", "supreme", "imperial", "holy", "sacred"})


def _styled_ruler(words: list[Token], kinds: list[str]) -> bool:
    """True for a capitalised ruler title after capitalised words that are no cue and no
    honorific, written as one run ("the West King", "the Right Worthy King": the style of one
    ruler, which names no one the text has named by it; not "the Great Khan")."""
    head = words[-1]
    return head.lower_ in RULER_TITLES and kinds[-1] == "anaphor_person" \
        and all(t.is_alpha and t.text[:1].isupper() for t in words) \
        and not any(kinds[:-1]) and not any(t.lower_ in _HONORIFIC for t in words[:-1]) \
        and [t.i for t in words] == list(range(words[0].i, head.i + 1)) \
        and words[0].i > head.sent.start


def relative_actor(finder: ActorFinder, tok: Token | None) -> tuple[bool, Actor | None]:
    """The actor of a possessed ``relative`` noun ("Zhang Juzheng's father", "his son"): it
    names someone other than its possessor, so the possessor is never the actor. Returns
    (the rule applies, its actor): the person an apposition or compound names ("his son
    Chungnyeol", a PERSON entity or a proper noun), else the phrase as written without its
    article ("Zhang Juzheng's father", "his father"), label ``GROUP``, ``source="group"``
    (an unnamed person no anaphor resolves to). ``(False, None)`` for any other argument."""
    if tok is None or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP") \
            or finder.entity_at(tok) is not None \
            or finder.lexicon.cue(tok.lower_) != "relative":
        return False, None
    poss = [c for c in tok.children if c.dep_ == "poss"]
    if not poss:
        return False, None
    for c in tok.children:
        if c.dep_ in ("appos", "compound") and c.i not in {p.i for p in poss}:
            found = finder.phrase_entities(c, frozenset({"PERSON"}))
            if found:
                return True, Actor(found[0], "named")
            guess = finder.proper_noun(c)
            if guess is not None:
                return True, guess
    span = tok.doc[min(t.i for p in poss for t in p.subtree):tok.i + 1]
    start = finder.base + span[0].idx
    text = span.text
    return True, Actor(EntityRow("", -1, start, start + len(text), text, GROUP, text, "parse"),
                       GROUP_SOURCE)


def group_actor(finder: ActorFinder, tok: Token | None, trigger: bool = False
                ) -> Actor | None:
    """The group actor of argument ``tok`` (see the module doc): a ``group_noun`` cue head
    (or the object of "of" on a quantity head: "thousands of rebels"), with its adjective,
    compound and coordinated modifiers before it ("European and American armies"); None
    otherwise. ``trigger``: ``tok`` is the event noun itself ("the Mohammedan rebellion":
    its agent is its own capitalised modifier no entity covers, :func:`_modifier_group`)."""
    if tok is None or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP") \
            or finder.entity_at(tok) is not None:
        return None
    if trigger:
        return _modifier_group(finder, tok)
    head = tok
    if head.lower_ in _QUANTITY:
        head = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), head)
    if finder.lexicon.cue(head.lower_) != "group_noun":
        return None
    left = [t for c in head.children if c.dep_ in _MODIFIER_DEPS and c.i < head.i
            for t in c.subtree]
    lo = min((t.i for t in left), default=head.i)
    span = head.doc[lo:head.i + 1]
    while len(span) > 1 and (span[0].dep_ in ("det", "poss", "nummod", "cc", "punct")
                             or span[0].like_num):
        span = span[1:]
    start = finder.base + span[0].idx
    text = span.text
    return Actor(EntityRow("", -1, start, start + len(text), text, GROUP, text, "parse"),
                 GROUP_SOURCE)


def title_actor(finder: ActorFinder, tok: Token | None) -> Actor | None:
    """A capitalised qualified title naming no one the paragraph gave it ("the Empress
    Dowager became alarmed, deposed the Emperor": :func:`qualified_title`, after
    :meth:`pipeline.events.salience.Salience.qualified` found no one) as actor1, as written
    ("Empress Dowager"; not "the retired emperor", a description): an unnamed person,
    label ``GROUP``, ``source="group"`` (no anaphor resolves to it, and the reigning ruler
    is never its default); None otherwise."""
    words = qualified_title(finder, tok)
    if tok is None or not words:
        return None
    span = tok.doc[tok.i - len(words) + 1:tok.i + 1]
    if [t.lower_ for t in span] != list(words) or not all(t.text[:1].isupper() for t in span):
        return None  # not one run before the head; or written lower case, a description
        # ("the retired emperor fled": blank, never the last ruler named)
    start = finder.base + span[0].idx
    text = span.text
    return Actor(EntityRow("", -1, start, start + len(text), text, GROUP, text, "parse"),
                 GROUP_SOURCE)


@lru_cache(maxsize=4)
def _era_tables(directory: Path) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    return gazetteer_era_emperors(load_gazetteer(directory))


@lru_cache(maxsize=4)
def _metonyms(directory: Path) -> frozenset[str]:
    return frozenset(w.lower() for w in load_gazetteer(directory).words("ruler_metonym"))


def era_emperor_actor(finder: ActorFinder, tok: Token | None) -> Actor | None:
    """The emperor an era name before a bare "emperor" names ("the Xuande emperor ordered",
    "the Tao Kwang emperor": the capitalised words right before the head noun), when that era
    is the one era of exactly one emperor (the Ming and Qing emperors, rulers.csv canonical
    "<era> Emperor"; read as :func:`pipeline.entities.era_emperors.era_emperor` reads "Emperor
    Tao Kwang"); a stand-in PERSON row over the phrase with that emperor's canonical name,
    ``source="named"``. None for any other argument, or when no such emperor fits."""
    if tok is None or tok.lower_ != "emperor":
        return None
    doc, words = tok.doc, []
    k = tok.i - 1
    while k >= tok.sent.start and len(words) < MAX_SYLLABLES and doc[k].is_alpha \
            and doc[k].text[:1].isupper() and doc[k].lower_ != "the":
        words.insert(0, doc[k])
        k -= 1
    if not words:
        return None
    keys, old = _era_tables(active_gazetteer_dir())
    name = era_emperor([w.text for w in words], keys, old)[0] if keys else ""
    if not name:
        return None
    start = finder.base + words[0].idx
    text = doc[words[0].i:tok.i + 1].text
    return Actor(EntityRow("", -1, start, start + len(text), text, "PERSON", name, "parse"),
                 "named")


def ruler_metonym(finder: ActorFinder, tok: Token | None) -> bool:
    """True for a common noun the annals write for the ruler in person ("the imperial
    carriage reached Dingzhou", 車駕: a ``ruler_metonym`` word of ``entity_lexicon.csv``),
    with no possessive, no apposition and no modifier but lower-case adjectives ("imperial");
    such a subject is read as "the emperor"."""
    if tok is None or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP") \
            or finder.entity_at(tok) is not None:
        return False
    if tok.lower_ not in _metonyms(active_gazetteer_dir()):
        return False
    return not any(c.dep_ in ("poss", "appos", "compound", "nmod", "prep")
                   or (c.dep_ == "amod" and not c.text.islower()) for c in tok.children)


def name_after(finder: ActorFinder, tok: Token | None) -> Actor | None:
    """The PERSON entity that starts right after a lower-case common-noun argument ("the rebel
    Zhang Xianzhong took the city", "the general Yue Fei": a description before the name,
    which the parse may leave outside the noun's phrase), ``source="named"``; None when the
    next word starts no PERSON entity or ``tok`` is inside an entity."""
    if tok is None or not tok.tag_.startswith("NN") or tok.tag_.startswith("NNP") \
            or not tok.text.islower() or finder.entity_at(tok) is not None \
            or tok.i + 1 >= len(tok.doc):
        return None
    nxt = tok.doc[tok.i + 1]
    ent = finder.entity_at(nxt)
    if ent is None or ent.label != "PERSON" or ent.start != finder.base + nxt.idx:
        return None
    return Actor(ent, "named")
