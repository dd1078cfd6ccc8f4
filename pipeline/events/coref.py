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

Offsets are full-text ``str`` indices.
"""

from __future__ import annotations

import calendar
import dataclasses
import unicodedata
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.entities.era_emperors import MAX_SYLLABLES, era_emperor, gazetteer_era_emperors
from pipeline.events.actors import Actor, ActorFinder
from pipeline.events.lexicon import RULER_TITLES
from pipeline.gazetteer import load_gazetteer
from pipeline.records import EntityRow
from pipeline.resources import active_gazetteer_dir

_MONTHS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)
_COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "northeast", "northwest", "southeast", "southwest", "central",
                      "great", "later", "former", "first", "second", "final", "last"})
#: Label of a group actor's stand-in entity (no anaphor resolves to it).
GROUP = "GROUP"
#: ``actor1_source`` of a group actor.
GROUP_SOURCE = "group"
#: Words of a name run at most (a longer capitalised run is no one name).
_MAX_NAME_WORDS = 4
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


def name_key(text: str) -> str:
    """``text`` lower-cased without diacritics and without anything but letters and digits
    ("Tsêng-kuo-fan" and "Tsêng Kuo-fan" → "tsengkuofan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()


def _word_runs(tokens: list[Token]) -> list[list[list[Token]]]:
    """Runs of capitalised words among ``tokens`` (sorted, possibly with gaps): a word is
    tokens joined with no space between them, letters with hyphens or apostrophes inside
    ("Tsêng", "-", "kuo", "-", "fan"); a run is words next to each other in the sentence,
    each starting with an upper-case letter (a hyphenated word's later parts may be lower)."""
    words: list[list[Token]] = []
    for tok in tokens:
        prev = words[-1][-1] if words else None
        if prev is not None and prev.i == tok.i - 1 and not prev.whitespace_ \
                and (tok.is_alpha or tok.text in "-'’"):
            words[-1].append(tok)
        elif tok.is_alpha:
            words.append([tok])
    runs: list[list[list[Token]]] = []
    for word in words:
        while word and not word[-1].is_alpha:
            word = word[:-1]
        if not word or not word[0].text[:1].isupper():
            continue
        if runs and runs[-1][-1][-1].i == word[0].i - 1:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def spelled_person(finder: ActorFinder, tok: Token | None,
                   names: dict[str, EntityRow]) -> Actor | None:
    """The person an uncovered proper name in the phrase of argument ``tok`` is spelled like
    (see the module doc): ``names`` maps :func:`name_key` of the earlier PERSON mentions'
    texts to their rows. The match's stand-in row has the found span, the person's canonical
    name and ``source="named"``; None when no name in the phrase matches."""
    if tok is None or not names:
        return None
    toks = sorted((t for t in tok.subtree if finder.entity_at(t) is None), key=lambda t: t.i)
    for run in _word_runs(toks):
        for size in range(min(_MAX_NAME_WORDS, len(run)), 0, -1):
            for lo in range(len(run) - size + 1):
                words = run[lo:lo + size]
                first, last = words[0][0], words[-1][-1]
                found = names.get(name_key(first.doc[first.i:last.i + 1].text))
                if found is not None:
                    start = finder.base + first.idx
                    end = finder.base + last.idx + len(last)
                    return Actor(EntityRow("", -1, start, end, first.doc[
                        first.i:last.i + 1].text, "PERSON", found.canonical, "parse"), "named")
    return None


def relinked(actor: Actor, names: dict[str, EntityRow]) -> Actor:
    """``actor`` with the canonical name of the earlier person spelled like its mention
    (:func:`name_key`; ``names`` as for :func:`spelled_person`) when its entity came from the
    model alone ("Tsêng-Kuo-fan" after the gazetteer's "Tsêng Kuo-fan"); else ``actor``."""
    found = names.get(name_key(actor.entity.text))
    if found is None or actor.entity.label != "PERSON" or found.canonical == actor.entity.canonical:
        return actor
    return Actor(dataclasses.replace(actor.entity, canonical=found.canonical), actor.source)


def hyphen_name(finder: ActorFinder, tok: Token | None) -> Actor | None:
    """A stand-in PERSON (``source="parse"``) for argument ``tok``, a subject or the object
    of a passive's "by", when it ends a hyphenated capitalised word no entity covers
    ("Kwang-sit", "Li Hung-chang": the parse makes the last part the head) or a name after a
    lower-case title ("the chanyu Yizhixie"); None otherwise, or when the word holds an
    anaphor cue. A PLACE the model alone tagged counts as uncovered here (:func:`_covered`)."""
    if tok is None or not tok.tag_.startswith("NNP") or _covered(finder, tok, tok) \
            or not (_subject(tok) or (tok.dep_ == "pobj" and tok.head.dep_ == "agent")):
        return None  # an object may as well be a place: "captured Wu-ch'ang"
    doc = tok.doc
    titled = _after_common_title(tok)
    if titled is not None:
        return titled_name(finder, titled, tok)
    k = tok.i
    while k >= 2 and doc[k - 1].text == "-" and not doc[k - 2].whitespace_ \
            and not doc[k - 1].whitespace_ and doc[k - 2].is_alpha:
        k -= 2
    if k == tok.i:
        return None
    while k >= 1 and doc[k - 1].tag_.startswith("NNP") and doc[k - 1].text[:1].isupper() \
            and doc[k - 1].is_alpha and tok.i - k < 2 * _MAX_NAME_WORDS:
        k -= 1  # "Li Hung-chang": the words before, if names
    span = doc[k:tok.i + 1]
    if not span[0].text[:1].isupper() or any(
            _covered(finder, t, tok) or finder.lexicon.cue(t.lower_)
            for t in span if t.is_alpha):
        return None
    start = finder.base + span[0].idx
    text = span.text
    return Actor(EntityRow("", -1, start, start + len(text), text, "PERSON", text, "parse"),
                 "parse")


def _after_common_title(tok: Token) -> list[Token] | None:
    """The capitalised words of ``tok``'s name when a lower-case common noun stands right
    before them as a compound ("the chanyu Yizhixie", "the eunuch Wang Zhen": a title or
    description before a name); None otherwise."""
    comps = sorted((c for c in tok.children if c.dep_ == "compound" and c.i < tok.i),
                   key=lambda t: t.i)
    lower = [c for c in comps if c.text.islower() and c.is_alpha]
    if not lower:
        return None
    words = [t for t in tok.doc[lower[-1].i + 1:tok.i + 1]]
    if not words or len(words) > _MAX_NAME_WORDS or any(
            not (t.is_alpha and t.text[:1].isupper()) for t in words):
        return None
    return words


def _covered(finder: ActorFinder, tok: Token, head: Token) -> bool:
    """True when an entity covers ``tok``, except a PLACE the model alone tagged when the
    argument ``head`` is a subject: a name shaped like a person's ("Kwang-sit was born",
    "the chanyu Yizhixie, who fled") that the model read as a place."""
    ent = finder.entity_at(tok)
    return ent is not None and not (ent.label == "PLACE" and ent.source == "model"
                                    and _subject(head))


def _subject(tok: Token) -> bool:
    """True for a subject, or the antecedent of a subject "who" ("Yizhixie, who fled")."""
    return tok.dep_ in ("nsubj", "nsubjpass") or any(
        c.dep_ == "relcl" and any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ == "who"
                                  for g in c.children) for c in tok.children)


def titled_name(finder: ActorFinder, words: list[Token], head: Token) -> Actor | None:
    """A stand-in PERSON (``source="parse"``) for the capitalised ``words`` of a name after
    a common-noun title ("the chanyu Yizhixie"; ``head``: the argument token); None when a
    word is inside an entity (:func:`_covered`), an anaphor cue or a month."""
    if any(_covered(finder, t, head) or finder.lexicon.cue(t.lower_)
           or t.lower_ in _MONTHS for t in words):
        return None
    start = finder.base + words[0].idx
    text = words[0].doc[words[0].i:words[-1].i + 1].text
    return Actor(EntityRow("", -1, start, start + len(text), text, "PERSON", text, "parse"),
                 "parse")


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
