"""Names in an argument phrase that no entity covers, for :mod:`pipeline.events.coref`:
a name spelled like a person named earlier in the document (:func:`spelled_person`,
:func:`relinked`; the string-match pass of multi-pass coreference sieves, Lee et al. 2013),
and a stand-in PERSON for a hyphenated romanized name or a name after a lower-case title
(:func:`hyphen_name`, :func:`titled_name`). Offsets are full-text ``str`` indices.
"""

from __future__ import annotations

import calendar
import dataclasses
import unicodedata

from spacy.tokens import Token

from pipeline.events.actors import Actor, ActorFinder
from pipeline.records import EntityRow

_MONTHS = frozenset(m.lower() for m in (*calendar.month_name, *calendar.day_name) if m)
#: Words of a name run at most (a longer capitalised run is no one name).
_MAX_NAME_WORDS = 4


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

