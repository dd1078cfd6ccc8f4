"""A place mention read by the words around it.

* A feature word right after a place name makes it another feature: "Chang'an Street" is a
  street of modern Beijing, not the city of Chang'an; "Kaifeng Bridge" is a bridge. The mention
  is widened to the feature word and its ``canonical`` becomes the written name, so it is not
  given the city's coordinates (:func:`read_place_words`).
* A mention whose name is only administrative words ("Autonomous Region", "County") is no
  place; one whose name is a unit word in pinyin ("Shi County": 市 "city") is a place only when
  a gazetteer knows a unit of that name in use that year (:func:`read_place_words`).
* The province or prefecture-level city written beside a mention ("Hua County, Guangdong
  Province", "Xinjian County, Nanchang", "in Hua County in Guangdong") or elsewhere in its
  sentence picks among homonyms (:func:`places_beside`).

Word lists: ``gazetteer/place_gloss_words.csv``, kinds ``feature`` (value: the pinyin ending the
word translates, "mountain" -> shan, used by the second geocoding pass), ``suffix`` and
``admin`` (administrative words), ``generic`` (pinyin unit words), ``qualifier`` (direction
words before a name: "Eastern Liaoning Province").
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import (
    GAZETTEER,
    ModernPlaceIndex,
    _read,
    name_key,
    province_named,
)
from pipeline.records import EntityRow


@dataclass(frozen=True)
class PlaceWords:
    """Word lists of ``place_gloss_words.csv`` used here; keys are lower-case."""

    features: Mapping[str, str]  # feature word -> pinyin ending ("mountain" -> "shan") or ""
    admin: frozenset[str]  # administrative words and phrases ("county", "autonomous region")
    generic: frozenset[str]  # pinyin unit words ("shi", "xian", "zhou")
    qualifiers: frozenset[str]  # direction words before a name ("eastern")


@lru_cache(maxsize=2)
def load_place_words(gazetteer: Path = GAZETTEER) -> PlaceWords:
    """Read the ``feature``, ``suffix``, ``admin``, ``generic`` and ``qualifier`` rows of
    ``place_gloss_words.csv``."""
    by_kind: dict[str, dict[str, str]] = {}
    for row in _read(gazetteer / "place_gloss_words.csv"):
        by_kind.setdefault(row["kind"], {})[row["phrase"].lower()] = row["value"]
    return PlaceWords(
        features=dict(by_kind.get("feature", {})),
        admin=frozenset(by_kind.get("suffix", {})) | frozenset(by_kind.get("admin", {})),
        generic=frozenset(by_kind.get("generic", {})),
        qualifiers=frozenset(by_kind.get("qualifier", {})),
    )


def name_part(name: str, words: PlaceWords | None = None) -> str:
    """``name`` without leading articles and trailing administrative words ("the Autonomous
    Region" -> "", "Shi County" -> "Shi", "Guangdong Province" -> "Guangdong")."""
    w = words or load_place_words()
    tokens = name.split()
    while tokens and tokens[0].lower() in ("the", "a", "an"):
        tokens = tokens[1:]
    changed = True
    while tokens and changed:
        changed = False
        for size in (3, 2, 1):
            if len(tokens) >= size and " ".join(tokens[-size:]).lower() in w.admin:
                tokens, changed = tokens[:-size], True
                break
    return " ".join(tokens)


def strip_qualifier(name: str, words: PlaceWords | None = None) -> str:
    """``name`` without one leading direction word ("Eastern Liaoning Province" -> "Liaoning
    Province"), else ``name``."""
    w = words or load_place_words()
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in w.qualifiers else name


_NEXT_WORD = re.compile(r"[ \t]([A-Za-z]+)\b")
_HYPHEN_TAIL = re.compile(r"-[a-z]+\b")


def read_place_words(entities: Sequence[EntityRow], text: str,
                     known: Callable[[str, int], bool] | None = None, *,
                     words: PlaceWords | None = None) -> list[EntityRow]:
    """``entities`` with PLACE mentions read by their words (see the module docstring).

    ``text``: the text the offsets index. ``known(name, start)``: whether a gazetteer knows a
    unit called ``name`` at the mention starting at ``start`` (used for names made of pinyin
    unit words); None keeps them. A mention made only of feature, administrative and
    direction words is dropped; one cut before "-" + lower-case letters ("Hoo" of "Hoo-nan")
    is widened to the whole word (its ``canonical`` then is the written word). A PLACE
    followed by a feature word (capitalised, or a lower-case street/avenue/lane/alley/bridge)
    that its own text does not already end in is widened to it (not over another entity) and
    gets the written name as ``canonical``. Returns a new list.
    """
    w = words or load_place_words()
    out: list[EntityRow] = []
    ordered = sorted(entities, key=lambda e: (e.start, e.end))
    starts = [e.start for e in ordered]
    for e in ordered:
        if e.label != "PLACE":
            out.append(e)
            continue
        part = name_part(e.text, w)
        generic = w.features.keys() | w.admin | w.qualifiers
        if all(t.lower() in generic for t in part.split()):
            continue  # "Autonomous Region", "Fort", "Lower Valley": no name
        cut = _HYPHEN_TAIL.match(text, e.end)
        if cut and (nxt := bisect.bisect_left(starts, e.end)) < len(ordered) \
                and ordered[nxt].start < cut.end():
            cut = None
        if cut:  # "Hoo" of "Hoo-nan": the whole hyphenated word
            e = dataclasses.replace(e, end=cut.end(), text=text[e.start:cut.end()],
                                    canonical=text[e.start:cut.end()])
        if name_key(part) in w.generic and part != e.text.strip() and known is not None \
                and not known(e.text, e.start):
            continue  # "Shi County" (市 "city" + county) that no gazetteer knows
        m = _NEXT_WORD.match(text, e.end)
        last = e.text.split()[-1].lower() if e.text.split() else ""
        if m and m.group(1).lower() in w.features and last not in w.features \
                and last not in w.admin and (m.group(1)[0].isupper() or m.group(1) in (
                    "street", "avenue", "lane", "alley", "bridge")):
            nxt = bisect.bisect_left(starts, e.end)
            ending = w.features[m.group(1).lower()]
            if ending and name_key(e.text).endswith(ending):
                pass  # "Tongguan Pass", "Lushan Mountain": the name already says it
            elif nxt >= len(ordered) or ordered[nxt].start >= m.end():
                written = " ".join(text[e.start:m.end()].split())
                out.append(dataclasses.replace(e, end=m.end(), text=text[e.start:m.end()],
                                               canonical=written))
                continue
        out.append(e)
    return out


# ---------------------------------------------------------------- places written beside


@dataclass(frozen=True)
class Beside:
    """The containing unit written for a mention: ``province`` (normalised), ``prefecture``
    (the 4-digit adcode prefix of a prefecture-level city, or ""), ``apposition`` (True when
    written right after the mention: ", X Province", " in X", " (X)"; False when only named
    elsewhere in its sentence)."""

    province: str = ""
    prefecture: str = ""
    apposition: bool = False


_SEPARATOR = re.compile(r"[ \t]*(?:,|\(|\bin\b|,[ \t]*in\b)[ \t]*(?:the[ \t]+)?")
_CAPITALISED = re.compile(r"[A-Z][A-Za-z'\u2019-]*(?:[ \t][A-Z][A-Za-z'\u2019-]*){0,2}")
_SENTENCE_END = re.compile(r"[.!?;\n]")
# a mention of county level, which a prefecture-level city written after it contains
_COUNTY_WORD = re.compile(r"\b(?:County|District|Town|Township|Village|county|district|town"
                          r"|township|village)\b")


def _unit_of(phrase: str, index: ModernPlaceIndex | None) -> tuple[str, str]:
    """(province, prefecture prefix) a capitalised phrase names, trying its longest leading
    word run first ("Guangdong Province in" -> Guangdong); ("", "") if none."""
    tokens = phrase.split()
    for size in range(len(tokens), 0, -1):
        head = " ".join(tokens[:size])
        province = province_named(head)
        if province:
            return province, ""
        if index is not None:
            key = name_key(re.sub(r"\s+(City|Prefecture)$", "", head))
            found = [p for p in index.by_key.get(key, ()) if p.level == "prefecture"]
            if len(found) == 1:
                return found[0].province, found[0].adcode[:4]
    return "", ""


def places_beside(text: str, index: ModernPlaceIndex | None = None,
                  entities: Sequence[EntityRow] = ()) -> Callable[[int, int], Beside]:
    """A function (start, end) of a mention -> the :class:`Beside` unit written for it: the
    province right after it (", Guangdong Province", " in Jiangxi", " (Henan)"), or for a
    county, town or village written so or a name written before "in", the prefecture-level
    city after it ("Xinjian County, Nanchang", "Xindu in Nanyang"; a city after a city is a
    list), else the one province its sentence names
    elsewhere (as a PLACE of ``entities``), else an empty Beside. Sentences end at . ! ? ;
    or a line break."""
    marks = sorted((e.start, province) for e in entities if e.label == "PLACE"
                   for province in [province_named(e.canonical)] if province)
    offsets = [o for o, _ in marks]

    def beside(start: int, end: int) -> Beside:
        pos = end
        for _ in range(2):  # "Xinjian County, Nanchang, Jiangxi"
            sep = _SEPARATOR.match(text, pos)
            if not sep or sep.end() == pos:
                break
            phrase = _CAPITALISED.match(text, sep.end())
            if not phrase:
                break
            province, prefecture = _unit_of(phrase.group(), index)
            if province and (not prefecture or _COUNTY_WORD.search(text, start, pos)
                             or re.search(r"\bin\b", sep.group())):
                return Beside(province, prefecture, True)  # "Xindu in Nanyang": inside it
            if province:
                break  # "Zhengzhou, Chenzhou (now …)": a list, not a county and its city
            pos = phrase.end()
        ends = [m.start() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
        lo = ends[-1] + 1 if ends else max(0, start - 400)
        stop = _SENTENCE_END.search(text, end)
        hi = stop.start() if stop else len(text)
        named = {p for o, p in marks[bisect.bisect_left(offsets, lo):
                                     bisect.bisect_left(offsets, hi)]
                 if not start <= o < end}
        return Beside(named.pop()) if len(named) == 1 else Beside()

    return beside


def known_by_gazetteers(year_at: Callable[[int], int | None],
                        index: ModernPlaceIndex | None = None) -> Callable[[str, int], bool]:
    """A ``known`` function for :func:`read_place_words`: the name is a current county or city
    (cpca) or a CHGIS unit in use in the running year at the mention (any year if unknown)."""
    from pipeline.places.historical import geocode_historical
    from pipeline.places.modern import geocode_name

    def known(name: str, start: int) -> bool:
        return geocode_name(name, index=index) is not None \
            or geocode_historical(name, year_at(start)) is not None

    return known
