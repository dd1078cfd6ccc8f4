"""Entity rows from a processed doc: model label mapping and clean-up."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

from spacy.attrs import IS_LOWER, ORTH
from spacy.tokens import Doc, Span

from pipeline.entities.apposed_titles import apposed_title_names
from pipeline.entities.citations import drop_citation_authors
from pipeline.entities.collisions import load_collisions, resolve_collisions
from pipeline.entities.cycle_names import cyclical_person
from pipeline.entities.date_shapes import drop_date_shaped_names
from pipeline.entities.era_emperors import lower_era_tail, model_era_emperor
from pipeline.entities.headwords import add_headword_persons
from pipeline.entities.korean import korean_given_name
from pipeline.entities.name_checks import (
    _SPACED_DASH,
    _adjective_use,
    _attributive,
    _common_noun_name,
    _english_for,
    _english_phrase,
    _foreign_hyphenated,
    _known_place_word,
    _place_names,
    _surname_and_syllable,
    broken_word,
    demonym_place,
    pinyin_canonical,
    title_list_spans,
    title_phrase,
)
from pipeline.entities.numeral_names import numeral_names
from pipeline.entities.ocr_splits import join_hyphen_splits
from pipeline.entities.relabel import relabel
from pipeline.entities.tables import BLOCK_LABEL, _syllable
from pipeline.entities.titled_names import titled_canonicals
from pipeline.entities.vietnamese_names import plain_letters
from pipeline.entities.viqr import add_viqr_persons
from pipeline.entities.wadegiles import wg_canonical
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
                and not doc[end - 2].whitespace_ and (
                    _syllable(doc[end - 1].text)
                    or korean_given_name(doc[end - 3].text, doc[end - 1].text)):
            break  # "Chin-t'ien", "Jo-yeong": the syllable after a hyphen is part of the word
        end -= 1
    while end > start and end + 1 < len(doc) and doc[end].text == "-" \
            and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
            and doc[end + 1].text[:1].islower() \
            and (_syllable(doc[end + 1].text)
                 or korean_given_name(doc[end - 1].text, doc[end + 1].text)) \
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


# English words a machine translation puts for a syllable of a personal name (山 shan ->
# "Mountain": "An Lu Mountain" is An Lushan)
_TRANSLATED_SYLLABLES = {"Mountain": "shan", "Mountains": "shan", "Hill": "shan"}


def _name_key(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalpha())


def _translated_names(found: list[tuple[int, int, str, str, str, str]],
                      gaz: Gazetteer | None = None) -> None:
    """Relabel as PERSON a place-looking mention whose last word is a translated syllable
    when name + syllable spells a PERSON of the same text ("An Lu Mountain" beside "An
    Lushan" or "Anlushan") or of the gazetteer (``gaz``: persons.csv "An Lushan"); it takes
    that person's canonical name. Model PERSON mentions spelled with the same letters as an
    earlier PERSON ("Anlushan") take its canonical. Changes ``found`` in place.
    """
    persons: dict[str, str] = {}
    for k, (start, end, label, canonical, source, text) in enumerate(found):
        if label == "PERSON":  # one canonical per spelling: "Anlushan" is "An Lushan"
            key = _name_key(text)
            if persons.setdefault(key, canonical) != canonical and source == "model":
                found[k] = (start, end, label, persons[key], source, text)
    if not persons and gaz is None:
        return
    for k, (start, end, label, _canonical, source, text) in enumerate(found):
        head, _, last = text.rpartition(" ")
        if label == "PLACE" and head and last in _TRANSLATED_SYLLABLES:
            syl = _TRANSLATED_SYLLABLES[last]
            person = persons.get(_name_key(head) + syl)
            if not person and gaz is not None:  # "An Lu" + shan: persons.csv "An Lushan"
                entry = gaz.resolve(head + syl)
                person = entry.canonical if entry is not None and entry.label == "PERSON" \
                    else ""
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


def _lower_words(doc: Doc) -> set[str]:
    """The doc's words written all in lower case (``Token.is_lower``), from one array."""
    strings = doc.vocab.strings
    table = doc.to_array([ORTH, IS_LOWER])
    return {strings[o] for o, low in set(map(tuple, table.tolist())) if low}


def extract_entities(doc: Doc, gazetteer: Gazetteer, *,
                     exclude: Sequence[tuple[int, int]] = ()) -> list[EntityRow]:
    """Entity rows from a processed doc (doc_id "" and sentence_id -1; char offsets into doc.text).

    Entities overlapping any ``exclude`` char span (e.g. era names in dates) are dropped. Model
    entities are mapped with the lexicon's ``label_map``; model entities whose text is an era
    name, a ``not_entity`` word, a sexagenary name, only place-suffix words ("County",
    "Military Prefecture") or has no capital letter or a digit are dropped; a name the
    model labels differently within one doc gets its most frequent label. A model PERSON
    with a word the text also writes in lower case (no syllable, no title: "Lash Law") is
    dropped, and so is one of English words only led by a verb or adjective ("Jump"), and a
    one-word model PERSON that is a ``person_title`` word ("the Marquis"). Any
    entity whose text is a sexagenary name ("Jiaxu", "Jia Xu":
    :meth:`Gazetteer.is_sexagenary`), and any model entity whose first word is one
    ("Jiashen May"), is dropped.
    """
    label_map = dict(v.split("=", 1) for v in gazetteer.words("label_map"))
    doc_text = doc.text  # once: spaCy rebuilds it token by token on every access
    army_words = set(gazetteer.words("army_word"))
    polity_suffix = set(gazetteer.words("polity_suffix"))
    not_entity = set(gazetteer.words("not_entity"))
    generic = {w for s in gazetteer.words("place_suffix") for w in s.split()}
    titles_lc = {w.lower() for t in gazetteer.words("person_title") for w in t.split()}
    offices = {w.lower() for w in gazetteer.words("person_before")}
    found: list[tuple[int, int, str, str, str, str]] = []
    lower_words: set[str] | None = None  # the doc's lower-case words, when first needed
    title_lists: list[tuple[int, int]] | None = None  # name lists after a title cue
    places = _place_names(gazetteer)
    directions = set(gazetteer.words("direction_word"))  # "Western Regions" is a place
    for ent in doc.ents:
        if ent.label_ == BLOCK_LABEL or (gazetteer.is_sexagenary(ent.text) and not (
                ent.label_ == "PERSON" and ent.ent_id_ and cyclical_person(
                    doc_text, ent.start_char, ent.end_char, gazetteer.source_dir))) or (
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
        if mapped == "PERSON" and (_SPACED_DASH.search(text) or _attributive(doc_text, start, end,
                                                                            text, titles_lc)):
            continue
        if mapped == "PERSON" and " " not in text and text.lower() in titles_lc:
            continue  # "the Marquis", "the Generalissimo": a bare title names no one
        if mapped == "PLACE":
            english = _english_for(doc.vocab)
            if broken_word(doc_text, start, end, english):
                continue  # "Jiangm", "Port Ar" (thur), "KUANG-HStr": a piece of a word
            if gazetteer.resolve(text) is None and text not in gazetteer.modern_places:
                if title_lists is None:
                    title_lists = title_list_spans(doc_text, gazetteer.words("title_cue"))
                if any(s <= start and end <= e for s, e in title_lists):
                    continue  # "His posthumous title is Jiandao, Beide, ...": title words
                if not any(w in generic or w in places or w in directions
                           for w in text.split()) and (_english_phrase(
                        text, english, titles_lc) or title_phrase(text, offices, titles_lc)):
                    continue  # "Supreme Being": English words led by an adjective; "Grand
                    # Marshal": a title and English words, an office
        if mapped == "PERSON":
            if lower_words is None:
                lower_words = _lower_words(doc)
            if _common_noun_name(text, lower_words, titles_lc) or _english_phrase(
                    text, _english_for(doc.vocab), titles_lc):
                continue
        entry = gazetteer.resolve(text)
        if entry is not None:
            found.append((start, end, entry.label, entry.canonical, "model", text))
        else:
            name = pinyin_canonical(_norm(text), mapped, gazetteer)
            found.append((start, end, mapped, name, "model", text))
    found = add_headword_persons(found, doc_text, gazetteer)  # "LI KUANG 李廣": Li Guang
    found = add_viqr_persons(found, doc_text, gazetteer)  # "Tra^`n-Hu+ng--Da.o" (VIQR)
    places = _place_names(gazetteer)
    for k, (start, end, label, canonical, source, text) in enumerate(found):
        plain = plain_letters(text)
        if label == "PERSON" and plain != text and plain in gazetteer.world_places \
                and not gazetteer.lookup(plain):  # "Đông Đô" (Thăng Long): "Dong Do"
            found[k] = (start, end, "PLACE", plain, source, text)
        elif label == "PERSON" and source == "gazetteer" and text in gazetteer.world_places \
                and not any(e.label == "PERSON" for e in gazetteer.lookup(text)):
            # "Chi Lang" (a pass): a place abroad a name-shape pattern took for a person
            found[k] = (start, end, "PLACE", text, source, text)
        elif label == "PERSON" and source == "model" and (
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
                and text not in gazetteer.modern_places and _adjective_use(doc_text, end) \
                and demonym_place(text, places):
            # "Iranian merchants": an ethnonym used as an adjective names a side, no place
            entry = gazetteer.resolve(text)
            name = entry.canonical if entry is not None and entry.label == "POLITY" \
                else canonical
            found[k] = (start, end, "POLITY", name, source, text)
    if lower_words is None:
        lower_words = _lower_words(doc)
    found = relabel(found, doc_text, gazetteer,
                    {w for t in gazetteer.words("person_title") for w in t.split()}, lower_words,
                    _english_for(doc.vocab))
    _translated_names(found, gazetteer)
    for k, (start, end, label, canonical, source, text) in enumerate(found):
        name = _norm(text)  # a name relabelled since: the canonical of its final label
        if source == "model" and canonical != name and canonical == wg_canonical(name):
            found[k] = (start, end, label, pinyin_canonical(name, label, gazetteer), source,
                        text)
    person_titles = {w for t in gazetteer.words("person_title") for w in t.split()}
    for k, (start, end, label, _canonical, source, text) in enumerate(found):
        if label == "PERSON" and source == "model":
            emperor = model_era_emperor(_norm(text), gazetteer, person_titles)
            if emperor:  # "Keen Lung": the Qianlong Emperor, named by his era
                found[k] = (start, end, label, emperor, source, text)
                continue
            tail, emperor = lower_era_tail(text, doc_text, end, gazetteer, person_titles)
            if emperor:  # "Yung lo": the model stopped before the lower-case syllable
                found[k] = (start, tail, label, emperor, source, doc_text[start:tail])
    repeats = _first_name_repeats(doc_text, found, gazetteer)
    if repeats:
        found = sorted(found + repeats, key=lambda r: r[0])
    votes: dict[str, Counter[str]] = {}
    canon_votes: dict[tuple[str, str], Counter[str]] = {}  # (text, label) -> canonicals
    for _, _, label, canonical, source, text in found:
        if source == "model":
            votes.setdefault(text, Counter())[label] += 1
            canon_votes.setdefault((text, label), Counter())[canonical] += 1
    rows: list[EntityRow] = []
    titles = {w for t in gazetteer.words("person_title") for w in t.split()}
    excluded = sorted(exclude)
    excluded_starts = [s for s, _ in excluded]
    for start, end, label, canonical, source, text in found:
        if source == "model":
            voted = votes[text].most_common(1)[0][0]
            if voted != label:  # the canonical the name has under the label voted for
                canonical = canon_votes[(text, voted)].most_common(1)[0][0]
            label = voted
        if _overlaps(excluded, excluded_starts, start, end) and not (
                label == "PERSON" and _titled_around(excluded, start, end, text, titles)):
            continue
        rows.append(EntityRow(doc_id="", sentence_id=-1, start=start, end=end, text=text,
                              label=label, canonical=canonical, source=source))
    rows = join_hyphen_splits(rows, doc_text, gazetteer)  # "Wang Shih- ch^ung"
    rows = drop_citation_authors(rows, doc_text)  # "Loewe, p. 110"
    rows = drop_date_shaped_names(rows, doc_text, gazetteer.source_dir)  # "Sun Jan 14 2024"
    rows = numeral_names(rows, doc_text, gazetteer, frozenset(gazetteer.words("surname")))
    # "Wei Kung", "Chiang Wan": a state's word in a person's name; "changed Yuan" (改元)
    rows = resolve_collisions(rows, doc_text, gazetteer, load_collisions(gazetteer.source_dir))
    rows = titled_canonicals(rows, gazetteer)  # "King Tuoba Shao": Tuoba Shao's canonical
    titles = frozenset(w for t in gazetteer.words("person_title") for w in t.split())
    return apposed_title_names(rows, doc_text, titles)  # "Prince Ying, Ajige, memorialized"


