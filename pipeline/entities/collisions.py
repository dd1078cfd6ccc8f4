"""Name collisions: a polity or place word of the lexicons that is part of a person's name.

Romanized Chinese names are built from the same syllables as the names of states, peoples and
rivers, so a lexicon reads "Wei Kung" (a king of Goguryeo) as the state Wei, "Chiang Wan"
(Jiang Wan, Wade–Giles) as the Qiang people, "Kuo Huai" (Guo Huai) as the Huai River. This
pass runs on the entity rows of one block (after :func:`pipeline.entities.extract_entities`):

1. **Surname + name syllable.** Two capitalised words "X Y" joined by one space, one of them a
   one-word POLITY or PLACE row, where X is a one-syllable surname (``surname`` words of
   ``entity_lexicon.csv``, pinyin, or their Wade–Giles spelling read with
   :func:`~pipeline.entities.wadegiles.wg_syllable_to_pinyin`) and Y one pinyin or Wade–Giles
   syllable (or two joined by a hyphen) that is no generic noun (``title_syllable`` of
   ``name_collisions.csv``, ``not_given_name`` of the lexicon: "Wei Jun" is the Wei army, "Qi
   Guo" the state), no era name, no title, becomes one PERSON row ("Wei Kung", "Ho Yen",
   "Wang Ch'i"). Not when "X Y" is itself a lexicon polity or place ("Cao Wei", "Liu Song"),
   when both words are polities in their own spelling ("Song Jin", "Wei Jin": a pair of
   states; but not when the pair is the subject of a past-tense verb, "Han Xin attacked
   Qi", or followed by an apposition naming a person, "Song Wei, a Tang general"), when a
   place, army or polity word follows ("Wei River"), or when X is an English
   word opening a sentence ("He Qi ...": ``english_word``). The canonical is the pinyin of a
   Wade–Giles name ("Chiang Wan" -> "Jiang Wan") or the lexicon's person of that name.
2. **A surname alone.** A one-word POLITY read through a spelling that is not its canonical
   one ("Chiang" -> Qiang) is the person of the same block whose name starts with that word
   ("Chiang" after "Chiang Kai-shek"), unless joined to another polity ("Song and Meng").
3. **Vietnamese names.** A one-word POLITY or PLACE beside a word written with a Vietnamese
   letter ("Chi Lăng pass": not the state Qi) is part of a Vietnamese name
   (:func:`vietnamese_names`); so is one inside a Vietnamese person's name written without
   diacritics ("Ho Han Thuong": :mod:`pipeline.entities.vietnamese_names`). "X Y" that a place
   table abroad knows ("Chi Lang", the pass) is one PLACE row.
4. **"changed Yuan".** An ``era_calque`` word ("Yuan", 元) right after an ``era_change_verb``
   ("changed Yuan Yongle": 改元, "changed the era") is no polity: the row is dropped.

Data: ``gazetteer/name_collisions.csv`` (``kind,word,note``), read by :func:`load_collisions`.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from bisect import bisect_left
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.entities.pinyin import is_one_syllable, is_real_syllable, is_wade_giles_syllable
from pipeline.entities.short_names import carry_short_names
from pipeline.entities.vietnamese_names import vietnamese_names, vietnamese_persons
from pipeline.entities.wadegiles import wg_name_to_pinyin, wg_syllable_to_pinyin
from pipeline.gazetteer import Gazetteer
from pipeline.records import EntityRow

FILE = "name_collisions.csv"
KINDS = ("title_syllable", "era_change_verb", "era_calque", "english_word", "place_syllable")

_WORD_AFTER = re.compile(r" ([A-Z][\w'’]*(?:-[\w'’]+)?)")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’]*) $")
_NEXT_WORD = re.compile(r"\s*([\w'’]+)")
_PREV_WORD = re.compile(r"([A-Za-z]+)\s+$")


@dataclass(frozen=True)
class Collisions:
    """The word lists of ``name_collisions.csv`` (lower case) plus the lexicon's."""

    title_syllables: frozenset[str]
    era_change_verbs: frozenset[str]
    era_calques: frozenset[str]
    english_words: frozenset[str]
    place_syllables: frozenset[str] = frozenset()


def load_collisions(gazetteer_dir: Path | None) -> Collisions:
    """The lists of ``gazetteer_dir / name_collisions.csv`` (empty lists if the file or the
    folder is missing). Cached per folder."""
    return _load(gazetteer_dir / FILE if gazetteer_dir is not None else None)


@lru_cache(maxsize=4)
def _load(path: Path | None) -> Collisions:
    words: dict[str, set[str]] = {k: set() for k in KINDS}
    if path is not None and path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("kind") in words and row.get("word"):
                    words[row["kind"]].add(row["word"].strip().lower())
    return Collisions(*(frozenset(words[k]) for k in KINDS))


def _pinyin_syllable(word: str) -> str:
    """The lower-case pinyin of a one-syllable word (pinyin or Wade–Giles), else ""."""
    if is_one_syllable(word) and "'" not in word and "’" not in word:
        return word.lower()
    return wg_syllable_to_pinyin(word) if is_wade_giles_syllable(word) else ""


def _apostrophe_syllables(word: str) -> list[str]:
    """The two pinyin syllables of a word written with pinyin's syllable mark ("Lin'er" ->
    ["lin", "er"]: the second begins with a, o or e), else []."""
    head, _, tail = word.replace("’", "'").partition("'")
    if not tail or tail[:1].lower() not in "aoe" or "'" in tail:
        return []
    pair = [head.lower(), tail.lower()]
    return pair if all(is_real_syllable(p) for p in pair) else []


def _surname(word: str, surnames: frozenset[str]) -> bool:
    if word in surnames:
        return True
    py = wg_syllable_to_pinyin(word) if is_wade_giles_syllable(word) else ""
    return bool(py) and py.capitalize() in surnames


def _given(word: str, blocked: frozenset[str], gaz: Gazetteer) -> bool:
    parts = word.split("-")
    if len(parts) > 2 or word in gaz.era_names:
        return False
    sylls = [_pinyin_syllable(p) for p in parts]
    if len(parts) == 1 and not sylls[0] and ("'" in word or "’" in word):
        pair = _apostrophe_syllables(word)  # "Lin'er": pinyin's syllable mark, 林兒
        return len(pair) == 2 and not any(s in blocked for s in pair)
    return all(sylls) and not (len(parts) == 1 and sylls[0] in blocked) \
        and word.lower() not in blocked


def _own_spelling(e: EntityRow) -> bool:
    """True if the row's text is its canonical's own spelling ("Song" -> Song)."""
    return e.text.lower() in {w.lower() for w in e.canonical.split()}


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"'“”"


def _person_canonical(name: str, gaz: Gazetteer) -> str:
    pinyin = wg_name_to_pinyin(name)
    wade = bool(pinyin) and any(not is_real_syllable(w) or "'" in w or "’" in w
                                for w in re.split(r"[\s-]+", name))
    for key in (name, pinyin):
        people = [p for p in gaz.lookup(key) if p.label == "PERSON"] if key else []
        if people:
            return people[0].canonical
    return pinyin if wade else name


def resolve_collisions(entities: Sequence[EntityRow], text: str, gaz: Gazetteer,
                       words: Collisions,
                       persons: MutableMapping[str, str] | None = None) -> list[EntityRow]:
    """``entities`` (sorted by start, offsets into ``text``) with the collisions of the module
    docstring resolved; a new list, the input is not changed. ``persons`` (first word of a
    multi-word PERSON -> canonical) carries the persons of earlier blocks of the same text and
    is updated with this block's."""
    if persons is None:
        persons = {}
    rows = list(entities)
    surnames = frozenset(gaz.words("surname"))
    blocked = words.title_syllables | {w.lower() for w in gaz.words("not_given_name")}
    after_words = {w.lower() for kind in ("place_suffix", "place_suffix_lc", "army_word",
                                          "polity_suffix") for s in gaz.words(kind)
                   for w in s.split()}
    titles = {w.lower() for t in gaz.words("person_title") for w in t.split()}
    person_nouns = frozenset(w.lower() for kind in ("person_before", "male_word", "female_word")
                             for w in gaz.words(kind))
    by_start = {e.start: k for k, e in enumerate(rows)}
    spans = _Spans(rows)
    drop: set[int] = set()
    merged: list[EntityRow] = []
    for k, e in enumerate(rows):
        if k in drop or e.label not in ("POLITY", "PLACE") or " " in e.text:
            continue
        prev = _PREV_WORD.search(text, max(0, e.start - 40), e.start)
        if e.label == "POLITY" and e.text.lower() in words.era_calques and prev is not None \
                and prev.group(1).lower() in words.era_change_verbs:
            drop.add(k)  # "changed Yuan Yongle": 改元
            continue
        pair = _pair(k, rows, by_start, text, spans)
        if pair is None:
            continue
        first, second, start, end, partner = pair
        other = rows[partner] if partner is not None else None
        name = text[start:end]
        if name in gaz.world_places and (other is None or other.label in ("POLITY", "PLACE")) \
                and not any(x.label == "PERSON" for x in gaz.lookup(name)):
            drop.update(x for x in (k, partner) if x is not None)  # "Chi Lang": a pass, no Qi
            merged.append(dataclasses.replace(e, start=start, end=end, text=name, label="PLACE",
                                              canonical=name))
            continue
        nxt = _NEXT_WORD.match(text, end)
        if not _surname(first, surnames) or not _given(second, blocked, gaz) \
                or second.lower() in titles or first.lower() in titles \
                or (nxt is not None and nxt.group(1).lower() in after_words) \
                or any(x.label != "PERSON" for x in gaz.lookup(name)) \
                or (first.lower() in words.english_words and _sentence_start(text, start)):
            continue
        pieces = [e] + ([other] if other is not None else [])
        if len(pieces) == 2 and all(p.label == "POLITY" and _own_spelling(p) for p in pieces) \
                and not _subject_of_verb(text, start, end) \
                and not _person_apposition(text, end, person_nouns):
            continue  # "Song Jin": two states
        if other is not None and other.label not in ("POLITY", "PLACE"):
            continue
        drop.add(k)
        if partner is not None:
            drop.add(partner)
        merged.append(EntityRow(e.doc_id, e.sentence_id, start, end, name, "PERSON",
                                _person_canonical(name, gaz), e.source))
    out = [e for k, e in enumerate(rows) if k not in drop] + merged
    out.sort(key=lambda e: (e.start, e.end, e.label))
    out = vietnamese_names(out, text, after_words)
    out = vietnamese_persons(out, text, gaz, after_words)  # "Ho Han Thuong": no state Han
    return read_bare_surnames(out, text, persons)


def read_bare_surnames(entities: Sequence[EntityRow], text: str,
                       persons: MutableMapping[str, str]) -> list[EntityRow]:
    """Rule 2 of the module docstring: a one-word POLITY row read through a spelling that is
    not its canonical's ("Chiang" -> Qiang) whose text is the first word of a multi-word
    PERSON of ``persons`` (first word -> canonical; updated with the persons of
    ``entities``) becomes that PERSON. A new list."""
    for e in entities:
        if e.label == "PERSON" and " " in e.text:
            persons.setdefault(e.text.split()[0], e.canonical)
    entities = carry_initials(entities, text, persons)
    entities = carry_short_names(entities, text, persons)  # "Guang" after "Huo Guang"
    return [dataclasses.replace(e, label="PERSON", canonical=persons[e.text])
            if e.label == "POLITY" and " " not in e.text and e.text in persons
            and not _own_spelling(e) and not _paired_state(entities, k, text) else e
            for k, e in enumerate(entities)]


_INITIALS = re.compile(r"\s*\(([A-Z]{2,6})\)")


def carry_initials(entities: Sequence[EntityRow], text: str,
                   memory: MutableMapping[str, str]) -> list[EntityRow]:
    """Initials written in brackets right after a name of two words or more ("the National
    Revolutionary Army (NRA)") stand for that name in the rest of the document: a row whose
    text is those initials takes the name's label and canonical. ``memory`` carries the
    definitions of earlier blocks under the key "(initials)" as "label<TAB>canonical" (the
    ``persons`` mapping of :func:`read_bare_surnames`) and is updated. A new list."""
    for e in entities:
        m = _INITIALS.match(text, e.end)
        if m is not None and " " in e.text and "".join(
                w[0] for w in re.split(r"[\s-]+", e.text) if w[:1].isupper()) == m.group(1):
            memory.setdefault(f"({m.group(1)})", f"{e.label}\t{e.canonical}")
    out = []
    for e in entities:
        known = memory.get(f"({e.text})")
        if known is not None:
            label, canonical = known.split("\t", 1)
            e = dataclasses.replace(e, label=label, canonical=canonical)
        out.append(e)
    return out


_JOIN = re.compile(r"\s*(?:,|and|or|-|–|&)\s*(?:and\s+)?")


_PAST_VERB = re.compile(r" ([a-z]+ed)\b")
_THE_BEFORE = re.compile(r"\b(?:the|The)\s+$")


def _subject_of_verb(text: str, start: int, end: int) -> bool:
    """True if the two words ``text[start:end]`` are the subject of a verb in the past tense
    right after them, with no article before ("Han Xin attacked Qi"): two states a text names
    side by side are joined by "and" when they act ("Song and Jin made peace"), and a pair
    written as one name ("the Song Jin wars", "Wei Jin poetry") is followed by a noun."""
    return _PAST_VERB.match(text, end) is not None \
        and _THE_BEFORE.search(text, max(0, start - 5), start) is None


_APPOSITION = re.compile(r"\s*,\s+(?:a|an|the)\s+([^,.;:()\n]{1,60})")


def _person_apposition(text: str, end: int, nouns: frozenset[str]) -> bool:
    """True if the name ending at ``end`` is followed by an apposition "a/an/the ..." whose
    words up to the next punctuation include a person noun of ``nouns`` (``person_before``,
    ``male_word``, ``female_word`` of the lexicon): "Song Wei, a Tang general" is a person,
    not the states Song and Wei."""
    m = _APPOSITION.match(text, end)
    return m is not None and any(w.lower() in nouns for w in re.findall(r"[\w-]+", m.group(1)))


def _paired_state(rows: Sequence[EntityRow], k: int, text: str) -> bool:
    """True if row ``k`` is joined by "and", "or", a comma or a dash to a POLITY row next to
    it ("Song and Meng reached an agreement"): a state among states."""
    for j in (k - 1, k + 1):
        if 0 <= j < len(rows) and rows[j].label == "POLITY":
            a, b = sorted((rows[j], rows[k]), key=lambda r: r.start)
            if a.end <= b.start and _JOIN.fullmatch(text, a.end, b.start):
                return True
    return False


class _Spans:
    """The rows' spans indexed once per block for :func:`_pair`'s overlap tests (a scan of
    every row per row was quadratic in the entities of a block): the starts, the ends and the
    running maximum of the ends, so only the rows that can reach a span are looked at. Rows
    sorted by start (as :func:`resolve_collisions` gets them); unsorted ones are scanned."""

    def __init__(self, rows: Sequence[EntityRow]) -> None:
        self.rows = rows
        self.starts = [r.start for r in rows]
        self.ends = [r.end for r in rows]
        self.sorted = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))
        self.reach: list[int] = []  # reach[j]: the largest end among rows[0..j]
        top = -1
        for end in self.ends:
            top = max(top, end)
            self.reach.append(top)

    def overlaps(self, s: int, t: int, k: int) -> bool:
        """True if a row other than ``k`` overlaps the characters ``s:t``."""
        if not self.sorted:
            return any(r.start < t and s < r.end for j, r in enumerate(self.rows) if j != k)
        j = bisect_left(self.starts, t) - 1  # the last row starting before t
        while j >= 0 and self.reach[j] > s:
            if j != k and self.ends[j] > s:
                return True
            j -= 1
        return False

    def exact(self, s: int, t: int) -> int | None:
        """Index of the first row spanning exactly ``s:t``, else None."""
        if not self.sorted:
            return next((j for j, r in enumerate(self.rows) if r.start == s and r.end == t),
                        None)
        j = bisect_left(self.starts, s)
        while j < len(self.starts) and self.starts[j] == s:
            if self.ends[j] == t:
                return j
            j += 1
        return None


def _pair(k: int, rows: Sequence[EntityRow], by_start: dict[int, int], text: str,
          spans: _Spans | None = None) -> tuple[str, str, int, int, int | None] | None:
    """(first word, second word, start, end, index of the other row or None) of the
    two-word name the one-word row ``k`` is part of, else None. The row is tried as the
    first word, then as the second; the other word may be a row itself or no entity.
    ``spans``: the rows indexed (:class:`_Spans`; built here if not given)."""
    e = rows[k]
    spans = spans if spans is not None else _Spans(rows)
    after = _WORD_AFTER.match(text, e.end)
    if after is not None:
        s, t = after.start(1), after.end(1)
        j = by_start.get(s)
        if (j is not None and rows[j].end == t) or not spans.overlaps(s, t, k):
            return e.text, after.group(1), e.start, t, j
    before = _WORD_BEFORE.search(text, max(0, e.start - 40), e.start)
    if before is not None:
        s, t = before.start(1), before.end(1)
        if s and text[s - 1].isalnum():
            return None
        hit = spans.exact(s, t)
        if hit is not None or not spans.overlaps(s, t, k):
            return before.group(1), e.text, s, e.end, hit
    return None
