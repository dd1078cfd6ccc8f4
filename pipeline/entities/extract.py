"""Entity rows from a processed doc: model label mapping and clean-up."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.entities.pinyin import is_pinyin_word
from pipeline.entities.tables import BLOCK_LABEL, _syllable
from pipeline.gazetteer import LABELS, Gazetteer
from pipeline.records import EntityRow

_LEAD = {"the", "The", "a", "an", "this", "that", "these", "those"}


def _norm(text: str) -> str:
    """Normalised mention text: single spaces, no leading article, no trailing possessive."""
    text = " ".join(text.split())
    first, _, rest = text.partition(" ")
    if first in _LEAD and rest:
        text = rest
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return text.strip(" ,.;:'\"")


def _map_model_label(ent: Span, label_map: dict[str, str], army_words: set[str],
                     polity_suffix: set[str]) -> str | None:
    if ent.label_ == "ORG":
        last = ent[-1].text
        if last in army_words:
            return "ARMY"
        if last in polity_suffix:
            return "POLITY"
        return None
    return label_map.get(ent.label_)


def _trim(ent: Span) -> Span:
    """Drop leading articles/punctuation and trailing possessives, lowercase words, punctuation.

    A lower-case syllable joined by a hyphen ("Chin-t'ien", "Yung-an") is kept: it ends the
    word, and the first syllable alone would read as another name (the Jin); a span that
    stops before such a syllable ("Han" of "Han-yang") is widened to it."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start < end and (doc[start].text in _LEAD or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s") or doc[end - 1].is_punct
                           or doc[end - 1].is_space or doc[end - 1].is_lower):
        if end - start >= 3 and doc[end - 2].text == "-" and not doc[end - 3].whitespace_ \
                and not doc[end - 2].whitespace_ and _syllable(doc[end - 1].text):
            break  # "Chin-t'ien": the lower-case syllable after a hyphen is part of the word
        end -= 1
    while end > start and end + 1 < len(doc) and doc[end].text == "-" \
            and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].text[:1].islower() and _syllable(doc[end + 1].text) \
            and doc[end + 1].ent_iob_ != "B":
        end += 2  # a span stopping inside "Han-yang" takes the rest of the word
    return doc[start:end]


def _char_span(span: Span) -> tuple[int, int, str]:
    """Char offsets and text of ``span`` without trailing ".,;:"."""
    text = span.text.rstrip(".,;:")
    return span.start_char, span.start_char + len(text), text


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_left(starts, end)  # spans[:i] start before ``end``; their ends increase
    return i > 0 and spans[i - 1][1] > start


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


# English words a machine translation puts for a syllable of a personal name (山 shan ->
# "Mountain": "An Lu Mountain" is An Lushan)
_TRANSLATED_SYLLABLES = {"Mountain": "shan", "Mountains": "shan", "Hill": "shan"}


def _name_key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _translated_names(found: list[tuple[int, int, str, str, str, str]]) -> None:
    """Relabel as PERSON a place-looking mention whose last word is a translated syllable
    when name + syllable spells a PERSON of the same text ("An Lu Mountain" beside "An
    Lushan" or "Anlushan"); it takes that person's canonical name. Model PERSON mentions
    spelled with the same letters as an earlier PERSON ("Anlushan") take its canonical.
    Changes ``found`` in place.
    """
    persons: dict[str, str] = {}
    for k, (start, end, label, canonical, source, text) in enumerate(found):
        if label == "PERSON":  # one canonical per spelling: "Anlushan" is "An Lushan"
            key = _name_key(text)
            if persons.setdefault(key, canonical) != canonical and source == "model":
                found[k] = (start, end, label, persons[key], source, text)
    if not persons:
        return
    for k, (start, end, label, _canonical, source, text) in enumerate(found):
        head, _, last = text.rpartition(" ")
        if label == "PLACE" and head and last in _TRANSLATED_SYLLABLES:
            person = persons.get(_name_key(head) + _TRANSLATED_SYLLABLES[last])
            if person:
                found[k] = (start, end, "PERSON", person, source, text)


def _first_name_repeats(text: str, found: list[tuple[int, int, str, str, str, str]],
                        gaz: Gazetteer) -> list[tuple[int, int, str, str, str, str]]:
    """PERSON rows for later bare uses of the first word of a model PERSON name whose first
    word is no Chinese surname ("Esen Tayisi ... Esen laid siege": Esen is the name, Tayisi a
    title). Only words of four letters or more that are no gazetteer alias, surname or
    title; the new rows take the full name's canonical and source ``model``."""
    surnames = set(gaz.words("surname")) | set(gaz.words("clan_surname"))
    titles = {w for t in gaz.words("person_title") for w in t.split()}
    names: dict[str, str] = {}
    for _, _, label, canonical, source, mention in found:
        first, _, rest = mention.partition(" ")
        if label == "PERSON" and source == "model" and rest and len(first) >= 4 \
                and first.isalpha() and first.istitle() and first not in surnames \
                and first not in titles and not gaz.lookup(first) \
                and first not in gaz.era_names:
            names.setdefault(first, canonical)
    if not names:
        return []
    covered = sorted((s, e) for s, e, *_ in found)
    starts = [s for s, _ in covered]
    out = []
    for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b", text):
        s, e = match.span()
        if not _overlaps(covered, starts, s, e):
            out.append((s, e, "PERSON", names[match.group()], "model", match.group()))
    return out


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


def _titled_around(excluded: list[tuple[int, int]], start: int, end: int, text: str,
                   titles: set[str]) -> bool:
    """A PERSON mention that is one excluded era name plus title words only ("the Zhengtong
    Emperor", "Emperor Kangxi"): the era names the ruler, so the mention is kept."""
    inside = [(s, e) for s, e in excluded if s < end and e > start]
    if len(inside) != 1 or not (start <= inside[0][0] and inside[0][1] <= end):
        return False
    era = text[inside[0][0] - start:inside[0][1] - start]
    rest = [w for w in text.split() if w not in titles]
    return len(rest) < len(text.split()) and " ".join(rest) == era  # era + titles only


def extract_entities(doc: Doc, gazetteer: Gazetteer, *,
                     exclude: Sequence[tuple[int, int]] = ()) -> list[EntityRow]:
    """Entity rows from a processed doc (doc_id "" and sentence_id -1; char offsets into doc.text).

    Entities overlapping any ``exclude`` char span (e.g. era names in dates) are dropped. Model
    entities are mapped with the lexicon's ``label_map``; model entities whose text is an era
    name, a ``not_entity`` word, a sexagenary name, only place-suffix words ("County",
    "Military Prefecture") or has no capital letter or a digit are dropped; a name the
    model labels differently within one doc gets its most frequent label. A model PERSON
    with a word the text also writes in lower case (no syllable, no title: "Lash Law") is
    dropped, and so is one of English words only led by a verb or adjective ("Jump"). Any
    entity whose text is a sexagenary name ("Jiaxu", "Jia Xu":
    :meth:`Gazetteer.is_sexagenary`), and any model entity whose first word is one
    ("Jiashen May"), is dropped.
    """
    label_map = dict(v.split("=", 1) for v in gazetteer.words("label_map"))
    army_words = set(gazetteer.words("army_word"))
    polity_suffix = set(gazetteer.words("polity_suffix"))
    not_entity = set(gazetteer.words("not_entity"))
    generic = {w for s in gazetteer.words("place_suffix") for w in s.split()}
    titles_lc = {w.lower() for t in gazetteer.words("person_title") for w in t.split()}
    found: list[tuple[int, int, str, str, str, str]] = []
    lower_words: set[str] | None = None  # the doc's lower-case words, when first needed
    for ent in doc.ents:
        if ent.label_ == BLOCK_LABEL or gazetteer.is_sexagenary(ent.text) or (
                not ent.ent_id_ and len(ent) > 1 and gazetteer.is_sexagenary(ent[0].text)):
            # "on the day Jiaxu", "Jiashen May": a cyclical day or year name (a model name
            # starting with one is a date too: no surname is a stem-branch pair)
            continue
        if ent.label_ in LABELS and ent.ent_id_:
            start, end = ent.start_char, ent.end_char
            found.append((start, end, ent.label_, ent.ent_id_, "gazetteer", ent.text))
            continue
        mapped = _map_model_label(ent, label_map, army_words, polity_suffix)
        if mapped is None:
            continue
        span = _trim(ent)
        if not len(span):
            continue
        start, end, text = _char_span(span)
        if (not text or text in not_entity or text in gazetteer.era_names
                or gazetteer.is_sexagenary(text)  # "the Jiashen" (year)
                or all(w in generic for w in text.split())  # "County", "Military Prefecture"
                or not any(c.isupper() for c in text) or any(c.isdigit() for c in text)):
            continue
        if mapped == "PERSON" and (_SPACED_DASH.search(text) or _attributive(doc.text, start, end,
                                                                            text, titles_lc)):
            continue
        if mapped == "PERSON":
            if lower_words is None:
                lower_words = {t.text for t in doc if t.is_lower}
            if _common_noun_name(text, lower_words, titles_lc) or _english_phrase(
                    text, _english_for(doc.vocab), titles_lc):
                continue
        entry = gazetteer.resolve(text)
        if entry is not None:
            found.append((start, end, entry.label, entry.canonical, "model", text))
        else:
            found.append((start, end, mapped, _norm(text), "model", text))
    places = _place_names(gazetteer)
    for k, (start, end, label, canonical, source, text) in enumerate(found):
        if label == "PERSON" and source == "model" and (
                text in gazetteer.world_places or _foreign_hyphenated(text)
                or ((text in places or _known_place_word(text, gazetteer))
                    and not any(e.label == "PERSON" for e in gazetteer.lookup(text)))):
            # "Hormuz", "Calicut": a place abroad the model takes for a person; "Khara-Khoto",
            # "Ulan-Bator": a hyphenated name of no Chinese syllable; "Zhongdu": a place alias
            # the gazetteer reads only beside its dynasty is still no person; "Fancheng":
            # a one-word name of the place data (CHGIS, cpca, postal) of two syllables or more
            found[k] = (start, end, "PLACE", canonical, source, text)
        elif label == "POLITY" and source == "model" and "-" in text \
                and _known_place_word(text, gazetteer) and not gazetteer.lookup(text):
            # "Han-yang": a hyphenated known place the model takes for a people
            found[k] = (start, end, "PLACE", canonical, source, text)
        elif label == "PLACE" and source == "model" and _surname_and_syllable(text, gazetteer) \
                and text not in places and text not in gazetteer.modern_places:
            # "Sun Tzu", "Zhang Ji": a surname and a one-syllable given name is a person's name
            # (a place of two syllables is written as one word, or with its generic word)
            found[k] = (start, end, "PERSON", canonical, source, text)
        elif label == "PLACE" and " " not in text and text not in places \
                and text not in gazetteer.modern_places and _adjective_use(doc.text, end) \
                and demonym_place(text, places):
            # "Iranian merchants": an ethnonym used as an adjective names a side, no place
            entry = gazetteer.resolve(text)
            name = entry.canonical if entry is not None and entry.label == "POLITY" \
                else canonical
            found[k] = (start, end, "POLITY", name, source, text)
    _translated_names(found)
    repeats = _first_name_repeats(doc.text, found, gazetteer)
    if repeats:
        found = sorted(found + repeats, key=lambda r: r[0])
    votes: dict[str, Counter[str]] = {}
    for _, _, label, _, source, text in found:
        if source == "model":
            votes.setdefault(text, Counter())[label] += 1
    rows: list[EntityRow] = []
    titles = {w for t in gazetteer.words("person_title") for w in t.split()}
    excluded = sorted(exclude)
    excluded_starts = [s for s, _ in excluded]
    for start, end, label, canonical, source, text in found:
        if source == "model":
            label = votes[text].most_common(1)[0][0]
        if _overlaps(excluded, excluded_starts, start, end) and not (
                label == "PERSON" and _titled_around(excluded, start, end, text, titles)):
            continue
        rows.append(EntityRow(doc_id="", sentence_id=-1, start=start, end=end, text=text,
                              label=label, canonical=canonical, source=source))
    return rows


def carry_names(rows: list[EntityRow], seen: dict[str, tuple[str, str]]) -> list[EntityRow]:
    """One sense per text across the blocks of a document: a model row whose text an earlier
    gazetteer row (this block or one before) read as a PERSON or PLACE takes that label and
    canonical ("Nurhaci" a PLACE of the model, after "Nurhaci" a person of the gazetteer).

    ``seen``: text -> (label, canonical) of the gazetteer rows so far, updated in place (one
    dict per document, blocks in order). Only texts of four characters or more are carried.
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
    return out
