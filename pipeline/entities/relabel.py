"""Labels the words around a name decide (after the gazetteer and the model have spoken).

A name's label from the gazetteer or the model is changed where the text around it says
otherwise, by the rules below; each reads only the words next to the name, listed in
``gazetteer/entity_lexicon.csv``:

* a title before a place name makes a person: "Lord Xinling" (信陵君, the place is his fief),
  "Princess Wencheng" (``person_title`` words; the span takes the title in); so does a
  title right after it: "the Hunye King", "the Left Worthy King" (Xiongnu kings; the span
  takes the title in);
* a place name followed by "of the <Name>", the Name being no known entity, is a person of
  that clan or tribe: "Bayan of the Baarin" (not "Hangzhou of the Southern Song");
* a capitalised word the gazetteer does not know, inside a sentence and never written in
  lower case in the document, right before a one-word place name, is the first part of a
  person's name: "Gar Qinling" (the Tibetan general of the mGar clan), not the Qinling range;
  the word must be a surname or no pinyin word ("Dingding Yanjing", 定鼎燕京, is a phrase);
* a model PERSON right after a word that introduces places (``place_before``: "at", "reached")
  or right before an apposition that describes a place (``place_after``: ", the capital of")
  is a place: "at Hetu Ala", "reached Hormuz", "took Orkhun, the capital of ..."; so is a
  PERSON of a name rule that is a place abroad of ``world_places.csv`` ("at Dong Da"); not a
  one-syllable name ("Ying, the capital of Chu", 郢): the place stage would put it at a
  namesake of that syllable;
* a one-word PLACE listed with a PERSON right after a word of command (``person_command``:
  "under", "led by") is a person: "Qing armies under Zhao Liangdong and Changtai"
  (:mod:`pipeline.entities.commanded_lists`);
* a dynasty named by its ruling clan ("Yuwen Zhou", "Li Tang") right after a person noun
  ("Yuchi's general Yuwen Zhou") is a person of that name
  (:mod:`pipeline.entities.surname_polities`);
* one or two capitalised words no row covers right after "the" and a person noun ("The
  Dzungar khan Dawachi") are a person (:mod:`pipeline.entities.framed_names`);
* a one-word model PERSON that is the name of a state ("Zhao": "State of Zhao" is a POLITY of
  the gazetteer) is that POLITY when listed with a POLITY ("Qin and Zhao fought", "destroyed
  Han in 230 BC, Zhao in 228") or used as an adjective ("400,000 Zhao soldiers"); the
  document's vote on the name's label then carries it to its other uses ("Zhao replaced ...");
  so is a one-word PLACE of the name of a state ("Kingdom of Shu") listed with a POLITY:
  "the Three Kingdoms of Wei, Shu and Wu" (the region Shu stays a place elsewhere);
* a model PLACE of a Chinese person's name shape is a PERSON: a surname of the lexicon (no
  polity word) and a given name of two pinyin syllables ("the Guangxi generals Li Zongren and
  Bai Chongxi"), or two or three pinyin syllables in two words listed with a PERSON ("Sheng
  Yong and Tie Xuan"); never a name the place data knows, joined or split, nor one whose last
  syllable is a place's generic word (``place_syllable``: "Zhou", "Shan": "Bai Shan"), nor one
  after a word that introduces places ("at", "to");
* a one-word model PLACE no place table knows and of no Chinese syllables, listed with a
  PERSON of two words or more, is a foreign person: "Li Hongzhang and Patenotre signed";
* initials written in brackets right after a name ("the National Revolutionary Army (NRA)")
  stand for that name: every row of those initials in the text takes its label and canonical
  (the model reads "NRA" as a place).

The name-shape rules (a Chinese person's name shape, a foreign partner) live in
:mod:`pipeline.entities.person_shapes` (re-exported here). Rows are ``(start, end, label,
canonical, source, text)`` tuples, as in :func:`pipeline.entities.extract.extract_entities`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from pipeline.entities.alternation import alternation, word_set
from pipeline.entities.city_verbs import assailed_places, described_places, fallen_places
from pipeline.entities.commanded_lists import commanded_persons
from pipeline.entities.date_shapes import is_month_word
from pipeline.entities.framed_names import framed_persons
from pipeline.entities.person_shapes import (  # noqa: F401 (re-exported: the tests)
    _LIST_SEP,
    _foreign_partners,
    _listed_with_person,
    _person_shapes,
    syllables,
)
from pipeline.entities.pinyin import is_one_syllable, is_pinyin_word, is_real_syllable
from pipeline.entities.pronoun_subjects import kin_apposed, pronoun_subjects
from pipeline.entities.ruled_states import ruled_states
from pipeline.entities.surname_polities import surnamed_polities
from pipeline.entities.titled_names import bare_titled_persons
from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.gazetteer import Gazetteer

Row = tuple[int, int, str, str, str, str]

_OF_THE = re.compile(r" of the ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)")
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Z][a-z'’]+) $")
_SENTENCE_START = re.compile(r"(?:^|[.!?;:]\s+|\n\s*|[\"“(]\s*)$")


def relabel(found: list[Row], text: str, gaz: Gazetteer, titles: set[str],
            lower_words: Iterable[str], english: Mapping[str, bool] | None = None
            ) -> list[Row]:
    """``found`` with labels (and spans, for a title taken in) changed by the rules of the
    module docstring, in start order. ``titles``: the ``person_title`` words;
    ``lower_words``: the document's lower-case words; ``english``: the English words of the
    pipeline (:func:`pipeline.entities.component.english_words`; None: not checked)."""
    lower = {w.lower() for w in lower_words}
    out = list(found)
    _titled_places(out, text, titles)
    _clan_of(out, text, gaz)
    _name_before_place(out, text, gaz, titles, lower)
    _place_frames(out, text, gaz)
    fallen_places(out, text, gaz)  # "Khoten fell on January 2"
    assailed_places(out, text, gaz)  # "raided Fengtian"
    described_places(out, text, gaz)  # "Kuldja, which the Russians had occupied"
    _person_frames(out, text, gaz)
    commanded_persons(out, text, gaz)  # "armies under Zhao Liangdong and Changtai"
    surnamed_polities(out, text, gaz)  # "Yuchi's general Yuwen Zhou": no dynasty
    framed_persons(out, text, gaz, lower, english)  # "the Dzungar khan Dawachi": untagged name
    bare_titled_persons(out, gaz)  # "King Gojong ... Gojong died"
    pronoun_subjects(out, text, gaz)
    kin_apposed(out, text, gaz)
    _states(out, text, gaz)
    ruled_states(out, text, gaz)  # "the King of Dai", "King Wugua of Dayuan"
    _state_frames(out, text, gaz)
    _person_shapes(out, text, gaz)
    _foreign_partners(out, text, gaz)
    _abbreviations(out, text)
    return sorted(out, key=lambda r: (r[0], r[1]))


def _free(rows: list[Row], start: int, end: int, skip: int) -> bool:
    return all(k == skip or e <= start or s >= end for k, (s, e, *_r) in enumerate(rows))


_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b(?![-'’])")


def _titled_places(rows: list[Row], text: str, titles: set[str]) -> None:
    """A PLACE with a title right before it ("Lady Xiangyang") or right after it ("the
    Hunye King") becomes a PERSON whose span takes the title in."""
    for k, (start, end, label, _canon, source, _name) in enumerate(rows):
        if label != "PLACE":
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        after = _WORD_AFTER.match(text, end)
        if before is not None and before.group(1) in titles:
            s, e = before.start(1), end
        elif after is not None and after.group(1) in titles:
            s, e = start, after.end(1)
        else:
            continue
        if _free(rows, s, e, k):
            full = text[s:e]
            rows[k] = (s, e, "PERSON", full, source, full)


def _clan_of(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label != "PLACE":
            continue
        m = _OF_THE.match(text, end)
        if m is None or gaz.lookup(m.group(1)) or gaz.resolve(m.group(1)) is not None:
            continue
        if any(s < m.end() and e > m.start(1) for s, e, *_r in rows):
            continue  # "of the Song", "of the Jurchens": a known entity
        rows[k] = (start, end, "PERSON", name, source, name)


def _name_before_place(rows: list[Row], text: str, gaz: Gazetteer, titles: set[str],
                       lower: set[str]) -> None:
    generic = {w for s in gaz.words("place_suffix") for w in s.split()}
    generic |= {w for s in gaz.words("place_prefix") for w in s.split()}
    generic |= set(gaz.words("direction_word"))
    surnames = word_set(gaz.words("surname"))
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label != "PLACE" or " " in name or "-" in name:
            continue
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        if before is None:
            continue
        word = before.group(1)
        s = before.start(1)
        if word in titles or word in generic or word.lower() in lower \
                or is_month_word(word, gaz.source_dir):
            continue  # a month is the date's: "In October Zhongshan fell"
        if is_pinyin_word(word) and word not in surnames:
            continue  # "Dingding Yanjing" (定鼎燕京): a Chinese word, no name, before a place
        if _SENTENCE_START.search(text, max(0, s - 4), s) is not None:
            continue  # "Near Qinling": a capital at the start of a sentence says nothing
        if gaz.lookup(word) or gaz.resolve(word) is not None or word in gaz.era_names \
                or word in gaz.known_places or word in gaz.modern_places:
            continue
        if _free(rows, s, end, k):
            full = text[s:end]
            rows[k] = (s, end, "PERSON", full, source, full)


def _place_frames(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    before, after = gaz.words("place_before"), gaz.words("place_after")
    if not before and not after:
        return
    pre = re.compile(r"(?:^|\s)(?:" + alternation(before, longest_first=True) + r")\s+$") \
        if before else None
    passive = gaz.words("place_passive")
    # "Chusan was occupied", "Kucha, Aksu and Uch Turfan were recovered"
    undergo = re.compile(r"(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)*"
                         r"\s+(?:was|were)\s+(?:" + alternation(passive) + r")\b") \
        if passive else None
    for k, (start, end, label, canon, source, name) in enumerate(rows):
        if label != "PERSON" or (source != "model" and name not in gaz.world_places):
            continue  # a name shape rule's PERSON that a place table abroad knows: "Dong Da"
        if any(e.label == "PERSON" for e in gaz.lookup(name)):
            continue
        framed = pre is not None and pre.search(text, max(0, start - 20), start) is not None
        if is_one_syllable(name):
            # "Ying" (郢): one syllable names too many places and persons to place by an
            # apposition or a passive; only a locative word right before it ("rose at Pei",
            # "reached Xi"), not a possessive after it ("at Xiang's camp"), makes it a place
            if framed and not text.startswith(("'", "’"), end):
                rows[k] = (start, end, "PLACE", canon, source, name)
            continue
        hit = framed or any(text.startswith(a, end) for a in after) \
            or (undergo is not None and undergo.match(text, end) is not None)
        if hit:
            rows[k] = (start, end, "PLACE", canon, source, name)


def _person_frames(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """A one-word PLACE (of the model or the gazetteer) in a frame only a person fits is a
    PERSON: after "the" + a lower-case title noun (``person_before``: "the eunuch Yü
    Ch'ao-ên", "the chanyu Yizhixie"), also with a state's name between ("the Liang ruler
    Wu-ti"), after that noun capitalised as a title (one-word names: "Viceroy Ruicheng",
    not Ruicheng County), before a lower-case rank noun (``person_rank_after``:
    "the Xiutu king") or between a verb of command and "to" (``person_object_verb``: "Kublai
    ordered Bayan to invade") or, for a one-word name only the model proposed and no place
    of the data, apposed between commas to a title ("the Second Emperor, Huhai, ordered");
    the document's other PLACE rows of that name then too ("Bayan's army crossed")."""
    before = gaz.words("person_before")
    rank = gaz.words("person_rank_after")
    verbs = gaz.words("person_object_verb")
    pre = re.compile(r"\bthe (?:[A-Z][a-z]+ )?(?:" + alternation(before) + r") $") \
        if before else None
    # the same noun capitalised as a title, with or without "the": "Viceroy Ruicheng"
    titled = re.compile(r"(?:^|(?<=[\s(\"“]))(?:" + alternation(before, capitalized=True)
                        + r") $") if before else None
    post = re.compile(r" (?:" + alternation(rank) + r")\b") if rank else None
    order = re.compile(r"\b(?:" + alternation(verbs) + r") $") if verbs else None
    # "the Second Emperor, Huhai, ordered": a name apposed between commas to a person's title
    nouns = tuple(sorted({w for t in gaz.words("person_title") for w in t.split()} | {
        w.capitalize() for w in before}))
    apposed = re.compile(r"\b(?:" + alternation(nouns) + r"), $") if nouns else None
    persons: dict[str, str] = {}
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label != "PLACE" or name.count(" ") > 1:
            continue
        if apposed is not None and source == "model" and " " not in name \
                and text.startswith(",", end) and name not in gaz.known_places \
                and not gaz.lookup(name) and apposed.search(text, max(0, start - 20), start):
            rows[k] = (start, end, "PERSON", name, source, name)
            persons[name] = name
            continue
        hit = (pre is not None and pre.search(text, max(0, start - 20), start) is not None) \
            or (" " not in name and (
                (titled is not None and titled.search(text, max(0, start - 20), start))
                or (post is not None and post.match(text, end) is not None)
                or (order is not None and text.startswith(" to ", end)
                    and order.search(text, max(0, start - 14), start) is not None)))
        if hit:
            wg = "" if all(is_real_syllable(w) for w in name.split()) else wg_name_to_pinyin(name)
            rows[k] = (start, end, "PERSON", wg or name, source, name)
            persons[name] = wg or name
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label == "PLACE" and name in persons:  # one sense per text: "Bayan's army"
            rows[k] = (start, end, "PERSON", persons[name], source, name)


def _state_of(name: str, gaz: Gazetteer) -> str:
    """The POLITY canonical a one-word name is the state of ("Zhao" -> "Zhao (state)"), or
    ""."""
    for form in (f"State of {name}", f"{name} State", f"Kingdom of {name}", f"{name} Kingdom"):
        entry = gaz.resolve(form)
        if entry is not None and entry.label == "POLITY":
            return entry.canonical
    return ""


_NOUN_OF = re.compile(r"\b([a-z]+) of (?:the )?$")


def _states(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    kin = {w.lower() for kind in ("male_word", "female_word", "person_before")
           for w in gaz.words(kind)}
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        person = label == "PERSON" and source == "model"
        if not (person or label == "PLACE") or " " in name:
            continue
        state = _state_of(name, gaz)
        if not state:
            continue
        listed = any(
            other[2] == "POLITY" and (
                (other[1] <= start and _LIST_SEP.match(text[other[1]:start]))
                or (other[0] >= end and _LIST_SEP.match(text[end:other[0]])))
            for j, other in enumerate(rows) if j != k)
        # "Zhao soldiers": a number or "the" before, a lower-case noun after
        adjective = re.match(r" [a-z]+", text[end:end + 20]) is not None and re.search(
            r"(?:\d|\bthe|\bof)\s+$", text[max(0, start - 12):start]) is not None
        # "the old lands of Zhao": a common noun (no kin or office word: "the son of Zhao")
        # + "of" before the name
        of_noun = person and (m := _NOUN_OF.search(text, max(0, start - 30), start)) is not None \
            and m.group(1) not in kin
        if listed or (adjective and person) or of_noun:
            rows[k] = (start, end, "POLITY", state, source, name)


#: words before a name that make it a state: "the State of Shu", "proclaimed himself Emperor
#: of Shu" (a fief is a place: "Prince of Fenyang" is not read here)
_STATE_BEFORE = re.compile(r"\b(?:State|Kingdom|Emperor|King) of (?:the )?$")


def _state_frames(rows: list[Row], text: str, gaz: Gazetteer) -> None:
    """A one-word gazetteer PLACE after "State of", "Kingdom of", "Emperor of" or "King of" is
    that state, a POLITY ("conquered the State of Shu", "proclaimed himself Emperor of Shu"); its
    canonical is the gazetteer's "State of <name>" if there is one, else the name (which of
    the states called Shu is not for the name to say)."""
    for k, (start, end, label, _canon, source, name) in enumerate(rows):
        if label != "PLACE" or " " in name or source != "gazetteer":
            continue  # a model's place ("Emperor of China") is left as the model read it
        if _STATE_BEFORE.search(text, max(0, start - 20), start) is None:
            continue
        entry = gaz.resolve(f"State of {name}")
        canonical = entry.canonical if entry is not None and entry.label == "POLITY" else name
        rows[k] = (start, end, "POLITY", canonical, source, name)



_INITIALS = re.compile(r"\s*\(([A-Z]{2,6})\)")


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w[:1].isupper())


def _abbreviations(rows: list[Row], text: str) -> None:
    defined: dict[str, tuple[str, str]] = {}
    for _start, end, label, canon, _source, name in rows:
        m = _INITIALS.match(text, end)
        if m is not None and " " in name and _initials(name) == m.group(1):
            defined.setdefault(m.group(1), (label, canon))
    for k, (start, end, label, canon, source, name) in enumerate(rows):
        if name in defined and defined[name] != (label, canon):
            new_label, new_canon = defined[name]
            rows[k] = (start, end, new_label, new_canon, source, name)
