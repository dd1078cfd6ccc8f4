"""The text's own glosses after a place name: "Xijing (now Datong, Shanxi)"."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.places.base import (
    GlossLexicon,
    PlaceGloss,
    _province_of,
    load_gloss_lexicon,
    name_key,
)
from pipeline.places.modern import geocode

_PAREN = re.compile(r"\(([^()]{2,160})\)")
_NAME_WORD = r"[A-Z][A-Za-z'’\-]*"
_PLACE_BEFORE = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*\.?\s*$")
_LIST_SEP = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$")
_LEADING_NON_NAMES = {"The", "In", "At", "From", "To", "On", "After", "Before", "When", "See"}
_QUOTED = re.compile(r"[\"“”][^\"“”]*[\"“”]|‘[^‘’]*’")
"""A quoted part of a gloss translates the name ("Great Marsh Village"): no modern name."""
_OF_HEAD = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+of\s+$")
_IN_PROVINCE = re.compile(r"^(.*\S)\s+in\s+(\S.*)$")
_LOCALITY = re.compile(r"^[A-Za-z][A-Za-z'’\-]*(?:\s+[A-Za-z][A-Za-z'’\-]*){0,5}$")


def _strip_prefixes(part: str, lex: GlossLexicon) -> tuple[str, str, bool]:
    """Strip leading markers and relation phrases; return (rest, relation, had_marker)."""
    relation, marker = "", False
    changed = True
    while changed and part:
        changed = False
        low = part.lower()
        for phrase in lex.markers:
            if low == phrase or low.startswith(phrase + " "):
                part, marker, changed = part[len(phrase):].strip(), True, True
                break
        if changed:
            continue
        for phrase, rel in lex.relations:
            if low.startswith(phrase + " "):
                part, relation, changed = part[len(phrase):].strip(), relation or rel, True
                break
    return part, relation, marker


def _parse_locality(part: str, lex: GlossLexicon) -> tuple[str, str, str] | None:
    """"Haizhou Town southwest of Lianyungang" -> (modern, relation, anchor); None if not a name."""
    low = part.lower()
    for phrase, rel in lex.relations:
        if rel not in ("in", "at", "part of") and f" {phrase} " in f" {low} ":
            i = f" {low} ".index(f" {phrase} ")
            head, anchor = part[: max(i - 1, 0)].strip(), part[i + len(phrase):].strip()
            if head and anchor and _LOCALITY.match(head) and _LOCALITY.match(anchor):
                return head, "", anchor
    if not _LOCALITY.match(part) or not part[0].isupper():
        return None
    words = part.split()
    if len(words) > 1 and words[-1].lower() in lex.directions:  # "Jingxing North"
        return " ".join(words[:-1]), lex.directions[words[-1].lower()], ""
    return part, "", ""


def _read_body(body: str, lex: GlossLexicon) -> tuple[list[str], str, str, str] | None:
    """Gloss body -> (localities, relation, province, anchor) or None if not a place gloss."""
    body = _QUOTED.sub(" ; ", body)  # "(大泽乡, "Great Marsh Village")": a translation
    body = re.sub(r"[^A-Za-z'’\-,;\s]", " ", body)
    candidates = [c for c in body.split(";") if c.strip()]
    for chunk in reversed(candidates):  # "(堯山; in modern Longyao County, Hebei)"
        parts = [re.sub(r"\s+", " ", p).strip() for p in chunk.split(",")]
        parts = [p for p in parts if p]
        if not parts or parts[0].split()[0].lower() in lex.rejects:
            continue
        parts = [p for p in parts if p.split()[0].lower() not in lex.skips]
        tail = _IN_PROVINCE.match(parts[-1]) if parts else None
        if tail and _province_of(tail.group(2), lex):  # "(near present-day Xinhui in Guangdong)"
            parts[-1:] = [tail.group(1), tail.group(2)]
        relation, marker, province, localities, anchor = "", False, "", [], ""
        for i, raw in enumerate(parts):
            part, rel, had_marker = _strip_prefixes(raw, lex)
            relation, marker = relation or rel, marker or had_marker
            if not part:
                continue
            prov = _province_of(part, lex)
            if prov and i == len(parts) - 1:
                province = prov
                continue
            words = part.split()
            if len(words) > 1 and not province:  # "Zhejiang Linhai", "Liaoning Chaoyang"
                head = lex.provinces.get(name_key(words[0]))
                if head:
                    province, part = head, " ".join(words[1:])
            parsed = _parse_locality(part, lex)
            if parsed is None:
                localities = []
                break
            modern, rel2, anchor2 = parsed
            localities.append(modern)
            relation, anchor = relation or rel2, anchor or anchor2
        else:
            has_suffix = any(loc.split()[-1].lower() in lex.suffixes for loc in localities)
            if (localities or province) and (marker or relation or province or has_suffix):
                return localities, relation, province, anchor
    return None


def _names_before(text: str, end: int, n: int) -> list[tuple[str, int, int]]:
    """Up to ``n`` place names ending before ``end``, separated by commas/"and", in order."""
    names: list[tuple[str, int, int]] = []
    pos = end
    while len(names) < n:
        m = _PLACE_BEFORE.search(text, max(0, pos - 80), pos)
        if not m:
            break
        name, start = m.group(1), m.start(1)
        words = name.split()
        while words and words[0] in _LEADING_NON_NAMES:
            start += len(words[0]) + (len(name) - len(name.lstrip())) + 1
            name = name[len(words[0]):].lstrip()
            words = words[1:]
        if not words:
            break
        names.insert(0, (name, start, start + len(name)))
        sep = _LIST_SEP.search(text, max(0, start - 8), start)
        if not sep:
            break
        pos = sep.start()
    return names


def _of_head(text: str, start: int, lex: GlossLexicon) -> tuple[str, int] | None:
    """The head X of "X of Y" when a gloss follows Y: "born in Baiju Field of Taizhou, today
    Dafeng of Jiangsu" glosses Baiju Field, the phrase's head, not Taizhou (which only says
    where the field lies). X must end in a place word (``head``, ``feature`` or ``suffix``
    rows of ``place_gloss_words.csv``: Field, Village, Town, Mountain …), so a person ("Liu
    Bei of Zhuo, now Zhuozhou") or a title ("Prince of Qi") is never taken; (X, its start)
    or None."""
    m = _OF_HEAD.search(text, max(0, start - 60), start)
    if not m:
        return None
    words, head_start = m.group(1).split(), m.start(1)
    while words and words[0] in _LEADING_NON_NAMES:
        head_start = text.index(words[1], head_start) if len(words) > 1 else m.end(1)
        words = words[1:]
    if len(words) < 2 or words[-1].lower() not in lex.heads:
        return None  # a bare "Field of Taizhou" names no place of its own
    return " ".join(words), head_start


def find_place_glosses(text: str, *, lexicon: GlossLexicon | None = None) -> list[PlaceGloss]:
    """Glosses such as "Tokyo (now Kaifeng, Henan)", one per historical place glossed."""
    lex = lexicon or load_gloss_lexicon()
    out: list[PlaceGloss] = []
    for m in _PAREN.finditer(text):
        read = _read_body(m.group(1), lex)
        if read is None:
            continue
        localities, relation, province, anchor = read
        if not localities and province in lex.municipalities:
            localities = [province]  # "(southwest of today's Beijing)"
        n = max(len(localities), 1)
        names = _names_before(text, m.start(), n)
        if not names:
            continue
        if len(names) == n and n > 1:  # "Chan, Xiang (now Puyang, Anyang, Henan)"
            pairs = list(zip(names, localities, strict=True))
            fallbacks = [anchor] * n
        else:
            names = names[-1:]
            head = _of_head(text, names[0][1], lex)  # "Baiju Field of Taizhou (now Dafeng)"
            if head is not None:
                names = [(head[0], head[1], head[1] + len(head[0]))]
            pairs = [(names[0], localities[0] if localities else "")]
            fallbacks = [anchor or (localities[1] if len(localities) > 1 else "")]
        for ((name, start, end), modern), fb in zip(pairs, fallbacks, strict=True):
            out.append(PlaceGloss(name, start, end, modern,
                                  relation or ("in" if not modern else "at"), province,
                                  m.start(), m.end(), fb))
    out.extend(_comma_glosses(text, lex, [(g.gloss_start, g.gloss_end) for g in out]))
    out.extend(_distance_glosses(text, lex, [(g.gloss_start, g.gloss_end) for g in out]))
    return sorted(out, key=lambda g: (g.start, g.gloss_start))


def _is_modern_place(modern: str, province: str) -> bool:
    coord = geocode(modern, province or None)
    return coord is not None and coord.precision != "province"


# Possessive words, tried only from a word's start: linear time on any text ("AAAA…").
_NAMES = r"[A-Z][A-Za-z'’\-]*+(?:\s++[A-Z][A-Za-z'’\-]*+){0,3}"


@lru_cache(maxsize=4)
def _comma_pattern(markers: tuple[str, ...], relations: tuple[str, ...] = ()
                   ) -> re.Pattern[str]:
    """"Lingzhou, now Lingwu, Ningxia" / "Xinzheng, in modern Henan" / "Yamen, near
    present-day Xinhui in Guangdong": a marker is required; ``relations`` (the relation
    phrases of ``place_gloss_words.csv``) may come before it, and the province may follow the
    modern place after a comma or after "in"."""
    marker = "|".join(re.escape(m) for m in markers if " " not in m or m.count(" ") == 1)
    rel = "|".join(re.escape(r) + r"\s+" for r in sorted(
        set(relations) | {"in", "part of"}, key=len, reverse=True))
    return re.compile(
        rf"(?<![A-Za-z'’\-])(?P<name>{_NAMES}),\s+(?P<rel>{rel})?(?:{marker})\s+"
        rf"(?P<modern>{_NAMES})(?:(?:,\s+|\s+(?:in|of)\s+)(?P<prov>{_NAMES}))?(?=[,;.)\s]|$)")


def _comma_glosses(text: str, lex: GlossLexicon, taken: list[tuple[int, int]]
                   ) -> list[PlaceGloss]:
    """Glosses written without brackets after a comma; ``taken`` spans are skipped."""
    out = []
    relations = dict(lex.relations)
    for m in _comma_pattern(lex.markers, tuple(relations)).finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        name, start = m.group("name"), m.start("name")
        words = name.split()
        while words and words[0] in _LEADING_NON_NAMES:
            start = text.index(words[1], start) if len(words) > 1 else m.end("name")
            words = words[1:]
        if not words:
            continue
        head = _of_head(text, start, lex)  # "Baiju Field of Taizhou, today Dafeng"
        if head is not None:
            words, start = head[0].split(), head[1]
        modern, end = m.group("modern"), m.end("modern")
        province = ""
        if m.group("prov") and _province_of(m.group("prov"), lex):
            province, end = _province_of(m.group("prov"), lex), m.end("prov")
        if _province_of(modern, lex) and not province:
            province, modern = _province_of(modern, lex), ""
        if modern and not _is_modern_place(modern, province):
            continue  # "Sima Yi, now Grand Tutor": only known modern places count here
        written = " ".join(m.group("rel").split()).lower() if m.group("rel") else ""
        relation = relations.get(written, written) if written else ("at" if modern else "in")
        name_end = start + len(head[0]) if head is not None else m.end("name")
        out.append(PlaceGloss(" ".join(words), start, name_end, modern, relation,
                              province, m.end("name"), end))
    return out


@lru_cache(maxsize=4)
def _distance_pattern(units: tuple[str, ...], relations: tuple[tuple[str, str], ...]
                      ) -> re.Pattern[str]:
    """"Wang Bo Village, 2 kilometers south of Chenggu County, Hanzhong City, Shaanxi"."""
    unit = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    rel = "|".join(re.escape(p) for p, r in relations if r not in ("in", "at", "part of"))
    return re.compile(
        rf"(?<![A-Za-z'’\-])(?P<name>{_NAMES}),\s+(?:about\s+|some\s+)?\d+(?:\.\d+)?\s*"
        rf"(?:{unit})\s+(?P<rel>{rel})\s+(?P<modern>{_NAMES})"
        rf"(?:,\s+(?P<mid>{_NAMES}))?(?:,\s+(?P<prov>{_NAMES}))?(?=[,;.)\s]|$)")


def _distance_glosses(text: str, lex: GlossLexicon, taken: list[tuple[int, int]]
                      ) -> list[PlaceGloss]:
    """Glosses giving a distance and a direction from a current place, after a comma; the
    place must be a known county or city (in the province written after it, if any)."""
    if not lex.distance_units:
        return []
    relations = dict(lex.relations)
    out = []
    for m in _distance_pattern(tuple(lex.distance_units), lex.relations).finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        words = m.group("name").split()
        start = m.start("name")
        while words and words[0] in _LEADING_NON_NAMES:
            start = text.index(words[1], start) if len(words) > 1 else m.end("name")
            words = words[1:]
        if not words:
            continue
        province, end, fallback = "", m.end("modern"), ""
        for group in ("prov", "mid"):  # the province is the last part written
            if m.group(group) and _province_of(m.group(group), lex):
                province, end = _province_of(m.group(group), lex), m.end(group)
                fallback = m.group("mid") if group == "prov" else ""
                break
        modern = m.group("modern")
        if not _is_modern_place(modern, province) or _is_modern_place(" ".join(words), province):
            continue  # a current place is placed by its own name, not "near" another
        out.append(PlaceGloss(" ".join(words), start, m.end("name"), modern,
                              relations[m.group("rel").lower()], province, m.end("name"), end,
                              fallback))
    return out


# ---------------------------------------------------------------- geocoding
