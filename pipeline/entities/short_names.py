"""Short names a document gives a person it has named in full: one person, one canonical.

Run per block on the entity rows (from :func:`pipeline.entities.collisions.read_bare_surnames`,
with its ``persons`` memory, so a name defined in one block holds in the later blocks):

1. **Courtesy names.** A name right after a ``name_intro`` phrase of ``entity_lexicon.csv``
   ("styled", "courtesy name", "also known as") that itself follows a PERSON mention ("Huo
   Guang, styled Zimeng", "Cao Cao (courtesy name Mengde)", "Cao Cao, whose courtesy name was
   Mengde") is another name of that person:
   the row becomes a PERSON with the person's canonical, and so does every later mention of
   the same name.
2. **Given names.** A person named by surname + given name, where the data say which word is
   the surname (a ``surname`` or ``clan_surname`` of the lexicon, a compound surname of
   ``compound_surnames.csv``, in pinyin or Wade–Giles) or the romanisation marks the given
   name (one hyphenated word after the first: "Dae Jo-yeong", "Nung Chih-kao"), is that
   person when a later mention is the given name alone ("Guang" after "Huo Guang",
   "Qubing" after "Huo Qubing"): a PERSON row of that one word, or a PLACE/POLITY row only
   the statistical model proposed (a gazetteer polity or place in its own right stays). A
   given name two persons of the document share, or that is the first word (a surname) of
   another person's name, names no one. A one-word name introduced as someone's relation (a
   lower-case person noun of the lexicon, ``person_before``/``male_word``/``female_word``,
   after a possessive: "his consort Yu", "Huo Guang's son Yu") or as a woman (a
   ``female_word`` right before it: "the consort Yu") is a person the text presents as new,
   not the one it named in full before (the Gaixia page's "Xiang Yu ... his consort Yu"): it
   is not carried, and from there on the given name names no one (two persons share it). An
   apposed office noun alone ("Hsiao Yen, the Liang ruler Wu-ti") does not stop the carry.
3. **Titles glossed in brackets.** A title form in brackets right after a personal name
   ("His son Dae Mu-ye (King Mu)": a ``person_title`` word first) is that person's title in
   this document: the bracketed row and every later mention spelled the same ("King Mu")
   take the person's canonical, so the ruler tables' other Kings Mu are not offered.

The ``persons`` memory holds these definitions under the keys "{courtesy}Zimeng",
"{given}Guang", "{title}King Mu" (value: the canonical; "" for a given name that names no one).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import MutableMapping, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.entities.wadegiles import wg_syllable_to_pinyin
from pipeline.records import EntityRow
from pipeline.resources import active_gazetteer_dir, lexicon_values

_COURTESY, _GIVEN, _TITLE = "{courtesy}", "{given}", "{title}"
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_BRACKET_CLOSE = re.compile(r"\s*\)")
_AFTER_PERSON = re.compile(r"\s*(?:,|\(|;)?\s*(?:(?:whose|his|her)\s+)?$")


_APPOSED = re.compile(r"\s*,\s*(?:(?!(?:and|or|but|while|then|with|to|by|of)\s)[a-z]+\s+){1,3}$")


def _chain_head(owner: EntityRow, before: Sequence[EntityRow], text: str) -> EntityRow:
    """The person a chain of apposed names starts from: "Zhang Juzheng, the word Shu Da,
    number Taiyue": the owner of "Taiyue" is Zhang Juzheng, not "Shu Da" (an apposed name
    whose own intro phrase the lexicon lacks). Follows PERSON rows joined by a comma and one to
    three lower-case words, none a conjunction or preposition ("Cao Cao, and Liu Bei,
    styled Xuande": Liu Bei)."""
    i = next((k for k in range(len(before) - 1, -1, -1) if before[k] is owner), -1)
    while i > 0:
        prev = before[i - 1]
        if prev.label != "PERSON" or not _APPOSED.fullmatch(text[prev.end:before[i].start]):
            break
        owner, i = prev, i - 1
    return owner


_WORD_BEFORE = re.compile(r"(?:(\S+)\s+)?([a-z][a-z'-]*)\s+$")
_POSSESSIVES = frozenset({"his", "her", "their", "its"})


@lru_cache(maxsize=4)
def _person_nouns(directory: Path) -> tuple[frozenset[str], frozenset[str]]:
    """(lower-case nouns that name a person's relation or office: the lexicon's
    ``person_before``, ``male_word`` and ``female_word``; the ``female_word`` ones)."""
    female = frozenset(w.lower() for w in lexicon_values(directory, "female_word"))
    return frozenset(w.lower() for kind in ("person_before", "male_word")
                     for w in lexicon_values(directory, kind)) | female, female


def _introduced(text: str, start: int, nouns: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True when the words right before ``start`` present the name as someone's relation
    ("his consort Yu", "Huo Guang's son Yu") or as a woman ("the consort Yu")."""
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return False
    owner, noun = (m.group(1) or "").lower(), m.group(2)
    possessive = owner in _POSSESSIVES or owner.endswith(("'s", "’s", "s'"))
    return noun in nouns[1] or (possessive and noun in nouns[0])


@lru_cache(maxsize=4)
def _words(directory: Path) -> tuple[frozenset[str], frozenset[str], tuple[str, ...]]:
    """(surnames, person titles, name_intro phrases in lower case, longest first)."""
    from pipeline.entities.surnames import load_compound_surnames  # noqa: PLC0415

    surnames = set(lexicon_values(directory, "surname"))
    surnames |= set(lexicon_values(directory, "clan_surname"))
    surnames |= set(load_compound_surnames(directory).values())
    titles = frozenset(lexicon_values(directory, "person_title"))
    intros = tuple(sorted({p.lower() for p in lexicon_values(directory, "name_intro")},
                          key=len, reverse=True))
    return frozenset(surnames), titles, intros


def _is_surname(word: str, surnames: frozenset[str]) -> bool:
    if word in surnames:
        return True
    py = wg_syllable_to_pinyin(word)
    return bool(py) and py.capitalize() in surnames


def _given_name(e: EntityRow, surnames: frozenset[str], titles: frozenset[str]) -> str:
    """The given name of a two-word PERSON mention whose first word is a surname, or whose
    second word is hyphenated ("Dae Jo-yeong" -> "Jo-yeong"); "" otherwise."""
    words = e.text.split()
    if e.label != "PERSON" or len(words) != 2 or not words[0][:1].isupper() \
            or words[0] in titles \
            or not words[1][:1].isupper() or not words[1].replace("-", "").replace("'", "")\
            .replace("’", "").isalpha():
        return ""
    hyphenated = "-" in words[1] and words[1].split("-", 1)[1][:1].islower()
    return words[1] if hyphenated or _is_surname(words[0], surnames) else ""


def _intro_before(text: str, start: int, intros: tuple[str, ...]) -> int:
    """Offset where a name_intro phrase ending right before ``start`` begins ("styled "),
    else -1."""
    head = text[max(0, start - 40):start].lower()
    stripped = head.rstrip()
    for phrase in intros:
        if stripped.endswith(phrase) and (len(stripped) == len(phrase)
                                          or not stripped[-len(phrase) - 1].isalnum()):
            return start - (len(head) - len(stripped)) - len(phrase)
    return -1


def carry_short_names(entities: Sequence[EntityRow], text: str,
                      memory: MutableMapping[str, str],
                      directory: Path | None = None) -> list[EntityRow]:
    """``entities`` (sorted by start; offsets into ``text``) with the short names of the
    module docstring given their person's label and canonical. ``memory``: the definitions of
    the earlier blocks (updated); ``directory``: the gazetteer folder (None: the active
    one). A new list."""
    surnames, titles, intros = _words(directory or active_gazetteer_dir())
    nouns = _person_nouns(directory or active_gazetteer_dir())
    firsts = {e.text.split()[0] for e in entities if e.label == "PERSON" and " " in e.text}
    out: list[EntityRow] = []
    for e in entities:
        one_word = " " not in e.text
        intro = _intro_before(text, e.start, intros) if one_word else -1
        if intro >= 0 and e.label in ("PERSON", "PLACE", "POLITY") and e.text not in titles:
            owner = next((p for p in reversed(out) if p.end <= intro), None)
            if owner is not None and owner.label == "PERSON" \
                    and _AFTER_PERSON.fullmatch(text[owner.end:intro]):
                owner = _chain_head(owner, out, text)
                memory.setdefault(_COURTESY + e.text, owner.canonical)
        if e.label == "PERSON" and out and " " in e.text and e.text.split()[0] in titles:
            before, opened = out[-1], _BRACKET_OPEN.fullmatch(text[out[-1].end:e.start])
            if opened is not None and "(" in opened.group() and before.label == "PERSON" \
                    and _BRACKET_CLOSE.match(text, e.end) is not None \
                    and before.text.split()[0] not in titles \
                    and not (e.source == "gazetteer" and e.canonical != e.text):
                memory.setdefault(_TITLE + e.text, before.canonical)  # "Dae Mu-ye (King Mu)"
        canonical = memory.get(_COURTESY + e.text) if one_word else None
        if not canonical and e.label == "PERSON":
            canonical = memory.get(_TITLE + e.text)
        if not canonical and one_word and e.text not in firsts \
                and (e.label == "PERSON" or e.source == "model"):
            if _introduced(text, e.start, nouns):
                if memory.get(_GIVEN + e.text):
                    memory[_GIVEN + e.text] = ""  # "Xiang Yu ... his consort Yu": two persons
            else:
                canonical = memory.get(_GIVEN + e.text)
        if canonical and (e.label != "PERSON" or e.canonical != canonical):
            e = dataclasses.replace(e, label="PERSON", canonical=canonical)
        given = _given_name(e, surnames, titles)
        if given and (e.source == "gazetteer" or "-" in given):
            # a full name the data know (or a hyphenated given name): its given name alone is
            # this person from here on; a two-word name only the model proposed may be no
            # name at all ("Ming China")
            key = _GIVEN + given
            memory[key] = e.canonical if memory.get(key, e.canonical) == e.canonical else ""
        out.append(e)
    return out
