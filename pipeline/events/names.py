"""Written proper names the entity stage missed, read from the tokens of a parsed sentence.

Helpers of :meth:`pipeline.events.actors.ActorFinder.proper_noun`: the tokens of a name as
written (proper-noun compounds, and the parts of a hyphenated romanization the tokenizer
split: "Tsêng-kuo-fan", "Kwang-sit", "Li Hung-chang"), whether they look like a name
(:func:`name_shape`), a hyphenated name set off by commas inside a subject phrase ("The Imperial
Commissioner, ..., Tsêng-kuo-fan, in the 4th year ...": :func:`appositive_name`), and the
person an ``order`` verb's object stands for ("ordered Aju to attack":
:func:`ordered_object`). Tokens are spaCy tokens of one parsed sentence Doc; nothing here
knows entities or dates (the caller checks them). Raises nothing.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from pipeline.events.lexicon import EventLexicon
from pipeline.events.syntax import OBJ

#: Hyphen tokens that join the syllables of a romanized name.
_HYPHENS = frozenset({"-", "‐", "‑"})
#: A syllable or word of a name: letters (any script's, with diacritics: "Tsêng", "Ssŭ"), with
#: inner apostrophes ("Ch'i", "T'ang", "Ts’ao").
_PART = re.compile(r"[^\W\d_]+(?:['’ʻ][^\W\d_]+)*")
_INITIAL = re.compile(r"[A-Z]\.")  # "P. K. Kozlov"
#: English prepositions inside a hyphenated common noun ("Censor-in-chief", "Commander-in-chief",
#: "son-in-law", "man-of-war", "men-at-arms"): no syllable of a romanized name in that place.
_COMPOUND_PREPS = frozenset({"in", "of", "at"})
#: Dependency labels of an infinitive (or other clause) an object-control verb governs.
_CONTROLLED = frozenset({"xcomp", "advcl", "ccomp", "acl"})


def _joined(left: Token, right: Token) -> bool:
    """True when ``right`` follows ``left`` with no space between them."""
    return right.i == left.i + 1 and not left.whitespace_


def hyphen_extend(toks: list[Token]) -> list[Token]:
    """``toks`` (consecutive tokens) extended over the syllables joined to either edge by a
    hyphen without spaces ("Kwang" "-" "sit"; "Tsêng" "-" "kuo" "-" "fan")."""
    doc = toks[0].doc
    lo, hi = toks[0].i, toks[-1].i
    while lo >= 2 and doc[lo - 1].text in _HYPHENS and _joined(doc[lo - 2], doc[lo - 1]) \
            and _joined(doc[lo - 1], doc[lo]) and _PART.fullmatch(doc[lo - 2].text):
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text in _HYPHENS \
            and _joined(doc[hi], doc[hi + 1]) and _joined(doc[hi + 1], doc[hi + 2]) \
            and _PART.fullmatch(doc[hi + 2].text):
        hi += 2
    return list(doc[lo:hi + 1])


def name_tokens(head: Token) -> list[Token]:
    """The tokens of the name headed by ``head``: its proper-noun compounds and a capitalised
    number ("the Six Garrisons") before it (at most three words back), with the syllables
    hyphen-joined to it or to them ("Tsêng" "-" "kuo" "-" "fan", parsed as two compounds of
    "fan"); a lower-case title after an article is left out ("the chanyu Yizhixie")."""
    toks = sorted([head, *(c for c in head.children
                           if c.i < head.i and ((c.dep_ == "compound" and c.tag_.startswith(
                               "NNP")) or (c.dep_ == "nummod" and c.text.istitle()))
                           )], key=lambda t: t.i)  # "the Six Garrisons": a capitalised number
    out = hyphen_extend([toks[-1]])
    for tok in reversed(toks[:-1]):
        if tok.i >= out[0].i:
            continue
        if len(words_of(out)) >= 4 or any(t.text not in _HYPHENS
                                          for t in out[0].doc[tok.i + 1:out[0].i]):
            break  # only consecutive words (hyphens aside) of at most four words
        out = hyphen_extend(list(out[0].doc[tok.i:out[-1].i + 1]))
    words = words_of(out)
    while len(words) > 1 and not words[0][0].text[:1].isupper() \
            and any(c.dep_ == "det" for c in head.children):
        words = words[1:]  # "the chanyu Yizhixie": a title in lower case is no part of it
        # (without the article, "anzhen Festival", a lower-case word is a garbled name's)
    return [t for w in words for t in w]


def words_of(toks: list[Token]) -> list[list[Token]]:
    """``toks`` grouped into whitespace-separated words ("Li", "Hung-chang")."""
    words: list[list[Token]] = []
    for tok in toks:
        if words and _joined(words[-1][-1], tok):
            words[-1].append(tok)
        else:
            words.append([tok])
    return words


def name_shape(toks: list[Token]) -> bool:
    """True when every written word of ``toks`` begins with a capital and is made of letters
    (inner apostrophes, hyphen-joined syllables after the first in any case: "Tsêng-kuo-fan")
    or is an initial ("P.")."""
    for word in words_of(toks):
        if not word[0].text[:1].isupper():
            return False
        if len(word) == 1 and _INITIAL.fullmatch(word[0].text):
            continue
        if english_compound(word):
            return False
        if not all(_PART.fullmatch(t.text) or (k % 2 == 1 and t.text in _HYPHENS)
                   for k, t in enumerate(word)):
            return False
    return True


def english_compound(word: list[Token]) -> bool:
    """True when the tokens of one written word are an English hyphenated compound noun, a
    title or kin term rather than a romanized name: a middle part is a preposition and the
    parts after it are in lower case ("Censor-in-chief", "Commander-in-chief",
    "Son-in-law"; not "Tsêng-kuo-fan")."""
    parts = [t for t in word if t.text not in _HYPHENS]
    return len(parts) >= 3 and any(
        t.lower_ in _COMPOUND_PREPS and t.text.islower()
        and all(u.text.islower() for u in parts[k + 1:])
        for k, t in enumerate(parts[1:-1], start=1))


def hyphenated(toks: list[Token]) -> bool:
    return any(t.text in _HYPHENS for t in toks)


def appositive_name(head: Token) -> list[Token] | None:
    """The tokens of a hyphenated name set off by commas inside the phrase of ``head``
    ("The Imperial Commissioner, Under Secretary of State, and Viceroy of the Two Kiang,
    Tsêng-kuo-fan, in the 4th year ...": the parse scatters the name's syllables over the
    phrase), the last such; None if none. Only hyphenated names: a bare capitalised word
    between commas is too often a title or a place."""
    doc = head.doc
    lo, hi = head.left_edge.i, head.right_edge.i
    found = None
    i = lo + 1
    while i <= hi:
        if doc[i - 1].text != "," or not doc[i].text[:1].isupper():
            i += 1
            continue
        toks = hyphen_extend([doc[i]])
        end = toks[-1].i
        after = doc[end + 1] if end + 1 < len(doc) else None
        if hyphenated(toks) and toks[0].i == i and name_shape(toks) and (
                after is None or after.text == "," or end >= hi):
            found = toks
        i = end + 1
    return found


def ordered_object(tok: Token | None, lexicon: EventLexicon) -> bool:
    """True when ``tok`` is the direct object of an ``order`` cue verb (``event_cues.csv``)
    that also governs a clause after it ("ordered Aju to attack Xiangyang", "sent Bayan to
    invade the Song"): the one ordered, who then acts, so a person (or a body of people)
    even when the entity stage tagged the name a place or missed it. Not when the ordered
    event is one between two sides ("ordered Xiangyang to surrender": a town may)."""
    if tok is None or tok.dep_ not in OBJ or lexicon.cue(tok.head.lower_) != "order":
        return False
    return any(c.dep_ in _CONTROLLED and c.i > tok.i and c.tag_.startswith("VB")
               and not _between_sides(c, lexicon) for c in tok.head.children)


def _between_sides(verb: Token, lexicon: EventLexicon) -> bool:
    """True for a verb whose trigger rules all have a ``partner`` ("ordered Xiangyang to
    surrender": a town may surrender, the one ordered need not be a person)."""
    rules = lexicon.forms.get(verb.lower_, ())
    return bool(rules) and all(r.partner for r in rules)


def who_antecedent(tok: Token | None) -> bool:
    """True when a relative clause on ``tok`` opens with "who"/"whom" ("the chanyu Yizhixie,
    who fled northwards"): English keeps these pronouns for persons, so the name is one even
    when the entity stage tagged it a place."""
    return tok is not None and any(
        c.dep_ == "relcl" and any(g.lower_ in ("who", "whom") and g.i < c.i
                                  for g in c.children) for c in tok.children)


def group_name(head: Token) -> bool:
    """True when the proper noun ``head`` reads as the name of a group, which takes an article:
    a plural ("the Taipings", "the Boxers") or one coordinated with a plural ("the Nienfei and
    Taipings"). ("the X of Y" is not enough: "the Mandate of Heaven", "the State of Shu".)"""
    return head.tag_ == "NNPS" or any(c.dep_ == "conj" and c.tag_ == "NNPS"
                                      for c in head.children)
