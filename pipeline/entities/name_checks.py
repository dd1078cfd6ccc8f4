"""Checks that tell names apart by data: places the model takes for persons or peoples,
demonyms, English phrases and common nouns that are no names, one sense per text across
blocks. Used by :func:`pipeline.entities.extract.extract_entities` and the document runner."""

from __future__ import annotations

import re

from pipeline.entities.pinyin import is_pinyin_word
from pipeline.entities.tables import _syllable
from pipeline.entities.titled_names import carry_titled_names
from pipeline.entities.wadegiles import wg_canonical
from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

_PLACE_NAMES: dict[int, tuple[Gazetteer, frozenset[str]]] = {}

def _place_names(gaz: Gazetteer) -> frozenset[str]:
    """PLACE aliases of ``gaz`` plus its world place names (cached per gazetteer)."""
    got = _PLACE_NAMES.get(id(gaz))
    if got is None or got[0] is not gaz:
        names = frozenset({e.alias for e in gaz.entries if e.label == "PLACE"}
                          | gaz.world_places)
        got = _PLACE_NAMES[id(gaz)] = (gaz, names)
    return got[1]

def demonym_place(word: str, places: frozenset[str]) -> str:
    """The place a demonym adjective is formed from ("Iranian" -> "Iran", "Tibetan" ->
    "Tibet", "Korean" -> "Korea", "Japanese" -> "Japan", "Turkish" -> "Turkey"), or "".

    ``places``: known place names. Only the endings -ian, -an, -ese, -ish, -i are tried.
    """
    for ending, repl in (("ian", ("", "ia", "ium")), ("an", ("", "a")), ("ese", ("", "a")),
                         ("ish", ("", "ey", "land")), ("i", ("",))):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: len(word) - len(ending)]
            for r in repl:
                if stem + r in places:
                    return stem + r
    return ""

def _foreign_hyphenated(text: str) -> bool:
    """One hyphenated word of capitalised parts none of which is a pinyin or Wade–Giles
    syllable ("Khara-Khoto", "Ulan-Bator"; not "Ssu-ma", "Wan-yen"). A Chinese personal
    name written with hyphens has Chinese syllables; such a word is a place abroad."""
    parts = text.split("-")
    return (" " not in text and len(parts) >= 2 and all(p[:1].isupper() and p[1:].islower()
                                                         for p in parts)
            and not any(_syllable(p) for p in parts))

def _surname_and_syllable(text: str, gaz: Gazetteer) -> bool:
    """Two words: a surname of the lexicon that names no polity ("Sun", not "Song") and one
    pinyin or Wade–Giles syllable ("Sun Tzu", "Wang Fu")."""
    first, _, given = text.partition(" ")
    if not given or " " in given or not given[:1].isupper() or not _syllable(given):
        return False
    return first in gaz.words("surname") and not any(e.label == "POLITY"
                                                     for e in gaz.lookup(first))

def _known_place_word(text: str, gaz: Gazetteer) -> bool:
    """One word (hyphens allowed) of two syllables or more that the place data knows
    (:attr:`Gazetteer.known_places`: "Fancheng", "Fan-ch'eng", "Ningpo") and that is no
    surname: a one-syllable word ("Li", "Yang") is too often a person's surname. A hyphenated
    word also counts when its joined spelling is known ("Tai-hu" as Taihu, "Tien-tsin" as
    Tientsin)."""
    if " " in text or _syllable(text) or text in gaz.words("surname"):
        return False
    joined = text.replace("-", "").replace("'", "").replace("’", "").capitalize()
    return text in gaz.known_places or (joined != text and joined in gaz.known_places)

def _adjective_use(text: str, end: int) -> bool:
    """The word ending at ``end`` is followed by a lower-case word ("Iranian merchants")."""
    rest = text[end:end + 3]
    return len(rest) >= 2 and rest[0] == " " and rest[1].islower()

# a dash between spaces ("Taihe Chongbao - The Rule of ..."): a heading, no personal name
_SPACED_DASH = re.compile(r"\s[-–—]\s")

_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")

_LOWER_AFTER = re.compile(r"\s+([a-z]+)")

def _attributive(text: str, start: int, end: int, mention: str, titles_lc: set[str]) -> bool:
    """A one-word name between "the" and a lower-case noun that is no title ("the Sima clan",
    "the Li regime", not "the Yongle emperor"): a family or regime named by its surname, no
    person."""
    if " " in mention or not _THE_BEFORE.search(text[max(0, start - 5):start]):
        return False
    after = _LOWER_AFTER.match(text, end)
    return after is not None and after.group(1) not in titles_lc

def _common_noun_name(mention: str, lower_words: set[str], titles_lc: set[str]) -> bool:
    """A model PERSON with a word that is no pinyin or Wade–Giles syllable and that the same
    text also writes in lower case, a title word apart ("One Lash Law" beside "the law",
    "Tomb Tiger Dormant" beside "tomb"): a translated name of a thing, a law or a heading,
    no person. Names of people abroad stay ("Robert Hart": "hart" is not written in lower
    case)."""
    for word in mention.split():
        low = word.lower()
        if low in lower_words and low not in titles_lc and not is_pinyin_word(word) \
                and not _syllable(word):
            return True
    return False

#: English word tables by vocab (id -> (vocab, table)), registered by the gazetteer
#: component (:func:`pipeline.entities.component.english_words`); kept off the Docs, which
#: may be serialised
_ENGLISH: dict[int, tuple[object, dict[str, bool]]] = {}

def register_english(vocab: object, table: dict[str, bool]) -> None:
    """Use ``table`` (word -> has a non-noun reading) for the docs of ``vocab``."""
    _ENGLISH[id(vocab)] = (vocab, table)

def _english_for(vocab: object) -> dict[str, bool] | None:
    got = _ENGLISH.get(id(vocab))
    return got[1] if got is not None and got[0] is vocab else None

def _english_phrase(mention: str, english: dict[str, bool] | None, titles_lc: set[str]
                    ) -> bool:
    """A model PERSON made of English words only, none a pinyin or Wade–Giles syllable or a
    title, whose first word is also a verb, adjective or adverb ("One Lash Law" -> "Lash
    Law", "Nock", "Jump"): a translated phrase, no name. English personal names start with a
    word that is a noun only ("Robert Hart", "Frederick Ward" stay). ``english``: word ->
    has a non-noun reading (:func:`pipeline.entities.component.english_words`)."""
    if not english:
        return False
    words = mention.split()
    if not english.get(words[0].lower()):
        return False
    return all(w.lower() in english and w.lower() not in titles_lc and not _syllable(w)
               and not is_pinyin_word(w) for w in words)

def title_phrase(mention: str, offices: set[str], titles_lc: set[str]) -> bool:
    """A model PLACE of two words or more led by a title word and ending in an office noun
    (``offices``: the lexicon's ``person_before`` nouns, lower case), none a pinyin or
    Wade–Giles syllable: "Grand Marshal", "Grand Administrator" are offices, no places
    ("Great Britain" ends in no office noun)."""
    words = mention.split()
    if len(words) < 2 or words[0].lower() not in titles_lc or words[-1].lower() not in offices:
        return False
    return not any(_syllable(w) or is_pinyin_word(w) for w in words[1:])

def carry_names(rows: list[EntityRow], seen: dict[str, tuple[str, str]]) -> list[EntityRow]:
    """One sense per text across the blocks of a document: a model row whose text an earlier
    gazetteer row (this block or one before) read as a PERSON or PLACE takes that label and
    canonical ("Nurhaci" a PLACE of the model, after "Nurhaci" a person of the gazetteer).

    ``seen``: text -> (label, canonical) of the gazetteer rows so far, updated in place (one
    dict per document, blocks in order). Only texts of four characters or more are carried.
    A steppe ruler's name written without his title after it ("Bögü" after "Bögü Khan") takes
    the titled row's canonical (:func:`pipeline.entities.titled_names.carry_titled_names`).
    Returns a new list.
    """
    for r in rows:
        if r.source == "gazetteer" and r.label in ("PERSON", "PLACE") and len(r.text) >= 4:
            seen.setdefault(r.text, (r.label, r.canonical))
    out = []
    for r in rows:
        known = seen.get(r.text) if r.source == "model" else None
        if known is not None and known[0] != r.label:
            r = EntityRow(r.doc_id, r.sentence_id, r.start, r.end, r.text, known[0], known[1],
                          r.source)
        out.append(r)
    return carry_titled_names(out, seen)  # "Bögü Khan ... Bögü": one canonical

def broken_word(text: str, start: int, end: int, english: dict[str, bool] | None) -> bool:
    """A mention cut out of a longer word: the character after it is a letter ("Jiangm" of
    "Jiangmen..."), a word part mixes case after a capital run ("KUANG-HStr", OCR), or its
    last word and the lower-case fragment after it are no words ("Port Ar thur", a line
    break inside "Arthur"). ``text``: the document text; ``start``/``end``: the mention's
    char offsets; ``english``: word -> has a non-noun reading (None: that test is skipped)."""
    if text[end:end + 1].isalpha() or (start > 0 and text[start - 1].isalpha()):
        return True
    for part in re.split(r"[\s\-']+", text[start:end]):
        if any(c.islower() for c in part) and any(
                part[i].isupper() and part[i - 1].isupper() for i in range(1, len(part))) \
                and not part.isupper():
            return True
    if not english:
        return False
    last = text[start:end].split()[-1]
    frag = _LOWER_AFTER.match(text, end)
    return (frag is not None and len(last) <= 3 and last.isalpha()
            and last.lower() not in english and not _syllable(last)
            and frag.group(1) not in english and not _syllable(frag.group(1))
            and (last + frag.group(1)).lower() in english)


def title_list_spans(text: str, cues: tuple[str, ...]) -> list[tuple[int, int]]:
    """Char spans of the name lists that follow a title cue ("His posthumous title is
    Jiandao, Beide, Dagong, ..."): a cue word of the lexicon (``title_cue``: "posthumous",
    "honorific" ...), up to three words, then "is", "was" or "were", then capitalised words
    joined by commas or "and". The words of such a list are parts of a title, no places."""
    if not cues:
        return []
    pat = re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\b(?:\s+\w+){0,3}?\s+"
                     r"(?:is|was|were)\s+((?:[A-Z][\w'-]*(?:\s*,\s*|\s+and\s+|\s+)?)+)")
    return [m.span(1) for m in pat.finditer(text)]


def pinyin_canonical(name: str, label: str, gaz: Gazetteer) -> str:
    """The canonical of a PERSON or PLACE name no gazetteer entry gives one: its pinyin when it
    is plainly Wade–Giles (:func:`pipeline.entities.wadegiles.wg_canonical`: "Shih Lang" ->
    "Shi Lang", "Hsing-chou" -> "Xingzhou", "Hsi-ch'uan" -> "Xichuan"), else the name. The
    written spelling stays in the row's text; the place stage reads it when the pinyin
    locates nothing ("Chien-shan", 潛山: :func:`pipeline.places.rows.place_rows_and_warnings`)
    and settles the pinyin's homonyms (Xichuan: 西川, 淅川, 隰川) by the places around it."""
    if label not in ("PERSON", "PLACE"):
        return name
    return wg_canonical(name) or name


