"""Load and validate the gazetteer (``gazetteer/*.csv``): names, aliases and name-rule lexicons.

Files (all UTF-8 CSV with a header; see ``gazetteer/README.md``):

* ``persons.csv``  ``canonical,aliases,polity,zh,note``
* ``places.csv``   ``canonical,aliases,zh,modern,province,context,note``
* ``polities.csv`` ``canonical,aliases,zh,kind,note``
* ``armies.csv``   ``canonical,aliases,polity,zh,note``
* ``entity_lexicon.csv`` ``kind,value,note``: word lists for the general name rules.

``aliases`` is "|"-joined; the canonical name is always an alias too. ``context`` (places only)
is a "|"-joined list of gloss keywords: a row with a context is chosen for an alias only when the
parenthesised gloss right after the mention contains one of the keywords ("Tokyo (today's
Liaoyang, ...)"); a row without context is the default reading of its aliases.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from .errors import EXIT_OUTPUT, ChronicleError
from .gazetteer_schema import validate_gazetteer
from .resources import folder_stamps, gazetteer_dir

LABELS = ("PERSON", "PLACE", "POLITY", "ARMY")

_FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "PERSON": ("persons.csv", ("canonical", "aliases", "polity", "zh", "note")),
    "PLACE": ("places.csv",
              ("canonical", "aliases", "zh", "modern", "province", "context", "note")),
    "POLITY": ("polities.csv", ("canonical", "aliases", "zh", "kind", "note")),
    "ARMY": ("armies.csv", ("canonical", "aliases", "polity", "zh", "note")),
}
# derived files read after the hand-kept ones, if present (scripts/build_polities.py)
_DERIVED_FILES = (("POLITY", "polity_dynasties.csv", _FILES["POLITY"][1]),)
LEXICON_FILE = "entity_lexicon.csv"
MODERN_PLACES_FILE = "modern_places.csv"  # current prefectures/counties (place stage's file)
DATE_WORDS_FILE = "date_words.csv"  # date stage's file: stems and branches (sexagenary names)
ERAS_FILE = "eras.csv"  # era romanizations (date stage's file): model-only era names are dropped
WORLD_PLACES_FILES = ("world_places.csv", "world_places_extra.csv")  # place stage's files
ROMANIZATIONS_FILE = "name_romanizations.csv"  # derived spellings (scripts/build_romanizations.py)
POSTAL_PLACES_FILE = "postal_places.csv"  # place stage's: "Hengchow" (build_postal_places.py)
HISTORICAL_PLACES_FILE = "historical_places.csv"  # CHGIS names (place stage's file)
POSTAL_FILE = "postal_spellings.csv"  # postal spellings of cities (place stage's file)
LEXICON_KINDS = (
    "person_title", "title_after_name", "temple_name", "surname", "clan_surname",
    "place_suffix", "place_suffix_lc", "place_prefix", "place_ending", "place_ending_suffix",
    "direction_word", "gloss_word", "gloss_opener", "list_noun", "army_word", "polity_suffix",
    "label_map", "not_entity", "not_given_name", "place_ending_wg", "polity_qualifier",
    "name_intro", "title_cue", "place_before", "place_after", "place_passive",
    "person_before", "person_rank_after", "person_object_verb",
)


class GazetteerError(ChronicleError, ValueError):
    """A gazetteer file is missing or malformed; the message names the file and line."""

    exit_code = EXIT_OUTPUT


@dataclass(frozen=True)
class GazetteerEntry:
    """One alias of one named thing. ``context``: gloss keywords that select this reading."""

    label: str
    canonical: str
    alias: str
    polity: str = ""
    zh: str = ""
    modern: str = ""
    province: str = ""
    context: tuple[str, ...] = ()
    note: str = ""
    source: str = ""  # "file:line"


@dataclass(frozen=True)
class Gazetteer:
    """All entries plus the lexicon word lists (``lexicon[kind]`` is a tuple of values)."""

    entries: tuple[GazetteerEntry, ...]
    lexicon: Mapping[str, tuple[str, ...]]
    by_alias: Mapping[str, tuple[GazetteerEntry, ...]] = field(repr=False)
    era_names: frozenset[str] = field(default=frozenset(), repr=False)
    modern_places: frozenset[str] = field(default=frozenset(), repr=False)
    sexagenary: frozenset[str] = field(default=frozenset(), repr=False)  # keys: "jiaxu"
    source_dir: Path | None = field(default=None, repr=False)  # folder read (rulers.csv ...)
    world_places: frozenset[str] = field(default=frozenset(), repr=False)  # outside China
    #: every name the place data knows: CHGIS historical places, all current divisions of
    #: ``modern_places.csv`` (districts too), their derived spellings ("Fan-ch'eng") and the
    #: postal spellings ("Ningpo"); for telling a place from a person, not for geocoding
    known_places: frozenset[str] = field(default=frozenset(), repr=False)
    #: postal spelling -> current name ("Ningpo" -> "Ningbo": ``name_romanizations.csv`` rows
    #: of style ``postal`` for ``modern_places.csv``)
    postal_places: Mapping[str, str] = field(default_factory=dict, repr=False)

    def is_sexagenary(self, text: str) -> bool:
        """True for a sexagenary (stem-branch) name in any spelling: "Jiaxu", "Jia Xu",
        "JiaXu", "jia-xu" (the 60 pairs of ``date_words.csv``'s stems and branches)."""
        return "".join(c for c in text.lower() if c.isalpha()) in self.sexagenary

    def lookup(self, alias: str) -> tuple[GazetteerEntry, ...]:
        """All entries with exactly this alias (case-sensitive)."""
        return self.by_alias.get(alias, ())

    def resolve(self, alias: str, gloss: str = "") -> GazetteerEntry | None:
        """The reading of ``alias`` given the gloss text after it (None if no reading fits).

        A row whose context keyword occurs in ``gloss`` wins; else the first row without
        context; else, for a name of several words ("Liaoyang Prefecture") whose rows all
        name the same thing, that row. Otherwise None: a context row is not chosen without its
        gloss (one-word names such as "Hai" or "Su" are too often something else).
        """
        cands = self.lookup(alias)
        if gloss:
            for entry in cands:
                if entry.context and any(k in gloss for k in entry.context):
                    return entry
        for entry in cands:
            if not entry.context:
                return entry
        if " " in alias.strip() and cands and len({(e.label, e.canonical) for e in cands}) == 1:
            return cands[0]
        return None

    def words(self, kind: str) -> tuple[str, ...]:
        """Lexicon values of one kind (empty tuple if none)."""
        return self.lexicon.get(kind, ())


def default_gazetteer_dir() -> Path:
    """The bundled gazetteer folder (see :func:`pipeline.resources.gazetteer_dir`)."""
    return gazetteer_dir()


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        raise GazetteerError(f"{path}: gazetteer file not found")
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = tuple(reader.fieldnames or ())
            if header != columns:
                raise GazetteerError(
                    f"{path}:1: header must be {','.join(columns)!r}, found {','.join(header)!r}"
                )
            rows = []
            for row in reader:
                line = reader.line_num
                if None in row or any(v is None for v in row.values()):
                    raise GazetteerError(
                        f"{path}:{line}: expected {len(columns)} columns"
                    )
                rows.append((line, {k: v.strip() for k, v in row.items()}))
            return rows
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 ({exc.reason})") from exc
    except csv.Error as exc:
        raise GazetteerError(f"{path}: bad CSV ({exc})") from exc


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _derived_entries(path: Path, entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """Entries for the derived spellings of ``name_romanizations.csv`` (optional file): each
    a copy of its canonical's default entry (the first without context) with the new alias.
    A spelling that is already a hand-kept alias is skipped (hand-kept aliases win). The postal
    spelling of a current city (file ``modern_places.csv``, style ``postal``: "Amoy") is a
    PLACE whose canonical is the city's current name ("Xiamen"; the place stage geocodes it
    through the same file), unless that name is borne by several current places or is an alias
    of another entry: "Foochow" (福州) stays "Foochow", since "Fuzhou" is also 抚州."""
    if not path.is_file():
        return []
    files = {name: label for label, (name, _) in _FILES.items()}
    default: dict[tuple[str, str], GazetteerEntry] = {}
    for entry in entries:
        key = (entry.label, entry.canonical)
        if key not in default or (default[key].context and not entry.context):
            default[key] = entry
    taken = {e.alias for e in entries}
    out = []
    rows = list(_read_rows(path, ("file", "canonical", "zh", "province", "alias", "style")))
    cities: dict[str, set[str]] = {}  # current name -> its places (characters)
    for _, row in rows:
        if row["file"] == MODERN_PLACES_FILE:
            cities.setdefault(row["canonical"], set()).add(row["zh"])
    for line, row in rows:
        if row["file"] == MODERN_PLACES_FILE and row["style"] == "postal" \
                and row["alias"] not in taken:  # "Amoy", "Foochow": a current city's postal
            taken.add(row["alias"])             # name is a PLACE of that spelling
            one = len(cities.get(row["canonical"], ())) == 1 and row["canonical"] not in taken
            out.append(GazetteerEntry(label="PLACE",
                                      canonical=row["canonical"] if one else row["alias"],
                                      alias=row["alias"], zh=row["zh"], modern=row["canonical"],
                                      province=row["province"],
                                      source=f"{ROMANIZATIONS_FILE}:{line}"))
            continue
        label = files.get(row["file"])
        base = default.get((label, row["canonical"])) if label else None
        if base is None or row["alias"] in taken:
            continue
        out.append(replace(base, alias=row["alias"], context=(),
                           source=f"{ROMANIZATIONS_FILE}:{line}"))
    return out


PERSON_YEARS_FILE = "person_years.csv"  # the date stage's life spans: persons too


def _lifetime_entries(path: Path, entries: list[GazetteerEntry]) -> list[GazetteerEntry]:
    """PERSON entries for the names of ``person_years.csv`` (``canonical,aliases,born,died,
    note``) that no persons.csv row spells: a person with known life years is a person ("Zheng
    He", whose first word is also a state and whose second is an English word). Empty without
    the file."""
    if not path.is_file():
        return []
    spelled = {e.alias for e in entries}
    out: list[GazetteerEntry] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            canonical = (row.get("canonical") or "").strip()
            names = [canonical] + list(_split(row.get("aliases") or ""))
            if not canonical or any(n in spelled for n in names):
                continue
            out.extend(GazetteerEntry(label="PERSON", canonical=canonical, alias=n,
                                      note=row.get("note", ""),
                                      source=f"{PERSON_YEARS_FILE}:{line}")
                       for n in dict.fromkeys(names))
    return out


def _postal_entries(path: Path, entries: list[GazetteerEntry],
                    era_names: set[str]) -> list[GazetteerEntry]:
    """PLACE entries for the postal spellings of late-Qing seats (``postal_places.csv``, style
    ``postal``: "Hengchow", "Kweilin"), each of its own spelling (the place stage reads it as
    the CHGIS units it names); none for a spelling already an alias or an era name."""
    if not path.is_file():
        return []
    taken = {e.alias for e in entries} | era_names
    out = []
    for line, row in _read_rows(path, ("alias", "style", "name", "zh", "kind", "province",
                                       "tgaz_id")):
        if row["style"] == "postal" and row["alias"] not in taken:
            taken.add(row["alias"])
            out.append(GazetteerEntry(label="PLACE", canonical=row["alias"], alias=row["alias"],
                                      zh=row["zh"], province=row["province"],
                                      source=f"{POSTAL_PLACES_FILE}:{line}"))
    return out


def load_gazetteer(gazetteer_dir: Path | None = None) -> Gazetteer:
    """Read and validate all gazetteer files; raise GazetteerError naming file and line.

    Cached per folder while its files are unchanged (:func:`~pipeline.resources.folder_stamps`:
    names, sizes, times): the stages that share one folder read and validate it once."""
    base = Path(gazetteer_dir) if gazetteer_dir is not None else default_gazetteer_dir()
    return _load_gazetteer(base, folder_stamps(base))


@lru_cache(maxsize=8)
def _load_gazetteer(base: Path, _stamps: tuple[tuple[str, int, int], ...]) -> Gazetteer:
    validate_gazetteer(base)  # every file, not only these: header, required values, types
    entries: list[GazetteerEntry] = []
    files = [(label, name, columns) for label, (name, columns) in _FILES.items()]
    files += [f for f in _DERIVED_FILES if (base / f[1]).is_file()]
    for label, name, columns in files:
        path = base / name
        for line, row in _read_rows(path, columns):
            canonical = row["canonical"]
            if not canonical:
                raise GazetteerError(f"{path}:{line}: empty canonical name")
            context = tuple(_split(row.get("context", "")))
            # the canonical name is an unconditional alias unless it carries a "(qualifier)"
            aliases = [] if "(" in canonical else [(canonical, ())]
            aliases += [(a, context) for a in _split(row["aliases"]) if a != canonical]
            for alias, alias_context in aliases:
                entries.append(GazetteerEntry(
                    label=label, canonical=canonical, alias=alias,
                    polity=row.get("polity", ""), zh=row.get("zh", ""),
                    modern=row.get("modern", ""), province=row.get("province", ""),
                    context=alias_context, note=row.get("note", ""),
                    source=f"{name}:{line}",
                ))
    entries.extend(_derived_entries(base / ROMANIZATIONS_FILE, entries))
    entries.extend(_lifetime_entries(base / PERSON_YEARS_FILE, entries))
    lexicon: dict[str, list[str]] = {}
    lex_path = base / LEXICON_FILE
    for line, row in _read_rows(lex_path, ("kind", "value", "note")):
        kind, value = row["kind"], row["value"]
        if kind not in LEXICON_KINDS:
            raise GazetteerError(f"{lex_path}:{line}: unknown kind {kind!r}")
        if not value:
            raise GazetteerError(f"{lex_path}:{line}: empty value")
        if kind == "label_map" and "=" not in value:
            raise GazetteerError(f"{lex_path}:{line}: label_map value must be MODEL=LABEL")
        lexicon.setdefault(kind, []).append(value)
    era_names: set[str] = set()
    eras_path = base / ERAS_FILE  # owned by the date stage; optional here
    if eras_path.is_file():
        with eras_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                era_names.update(_split(row.get("romanizations") or ""))
    entries.extend(_postal_entries(base / POSTAL_PLACES_FILE, entries, era_names))
    modern: set[str] = set()
    modern_path = base / MODERN_PLACES_FILE  # owned by the place stage; optional here
    if modern_path.is_file():
        with modern_path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("name")]
        # urban districts (区) only when some county/city has the name too: district names
        # are generic ("Shizhong" 市中, "Chengguan", "Gulou") and read as offices or words
        modern.update(r["name"] for r in rows if not (r.get("name_zh") or "").endswith("区"))
    world: set[str] = set()
    for name in WORLD_PLACES_FILES:  # owned by the place stage; optional here
        if (base / name).is_file():
            with (base / name).open(encoding="utf-8", newline="") as fh:
                world.update(r["name"] for r in csv.DictReader(fh)
                             if r.get("name") and r.get("country") != "CN")
    known, postal = _known_places(base, rows if modern_path.is_file() else [])
    lexicon["clan_surname"] = _with_compound_surnames(
        base, lexicon.get("clan_surname", []), entries,
        era_names | {w for t in lexicon.get("person_title", []) for w in t.split()}, known)
    stems: list[tuple[int, str]] = []
    branches: list[tuple[int, str]] = []
    words_path = base / DATE_WORDS_FILE  # owned by the date stage; optional here
    if words_path.is_file():
        with words_path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("category") in ("heavenly_stem", "earthly_branch") and \
                        (row.get("value") or "").isdigit():
                    target = stems if row["category"] == "heavenly_stem" else branches
                    target.append((int(row["value"]), row["word"].lower()))
    stems, branches = _cycle_forms(stems, words_path, True), _cycle_forms(branches, words_path)
    sexagenary = {s + b for i, s in stems for j, b in branches if i % 2 == j % 2}
    by_alias: dict[str, list[GazetteerEntry]] = {}
    for entry in entries:
        by_alias.setdefault(entry.alias, []).append(entry)
    return Gazetteer(
        entries=tuple(entries),
        lexicon=MappingProxyType({k: tuple(v) for k, v in lexicon.items()}),
        by_alias=MappingProxyType({k: tuple(v) for k, v in by_alias.items()}),
        era_names=frozenset(era_names),
        modern_places=frozenset(modern),
        sexagenary=frozenset(sexagenary),
        source_dir=base,
        world_places=frozenset(world),
        known_places=known,
        postal_places=MappingProxyType(postal),
    )


def _with_compound_surnames(base: Path, clans: list[str], entries: list[GazetteerEntry],
                            words: set[str], known: frozenset[str]) -> list[str]:
    """The lexicon's ``clan_surname`` values plus the romanized compound surnames of
    ``compound_surnames.csv`` (:mod:`pipeline.entities.surnames`: "Geshu", "Dugu", "Yuchi")
    that are none of ``words`` (eras, titles: "Chanyu"), no place of the place data
    (``known``: "Puyang", "Helan") and no other name of the gazetteer: a listed clan + any
    capitalised word is read as a person."""
    from pipeline.entities.surnames import load_compound_surnames  # noqa: PLC0415

    taken = {e.alias for e in entries} | words | known
    seen = {c.replace(" ", "").lower() for c in clans}
    out = list(clans)
    for romanized in load_compound_surnames(base).values():
        if romanized not in taken and romanized.lower() not in seen:
            seen.add(romanized.lower())
            out.append(romanized)
    return out


def _known_places(base: Path, modern_rows: list[dict[str, str]]
                  ) -> tuple[frozenset[str], dict[str, str]]:
    """(every place name of the place data, postal spelling -> current name); see
    :attr:`Gazetteer.known_places`. Missing files are skipped."""
    names = {r["name"] for r in modern_rows}
    postal: dict[str, str] = {}
    path = base / HISTORICAL_PLACES_FILE
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            names.update(r["name"] for r in csv.DictReader(fh)
                         if r.get("name") and r["name"][:1].isalpha())
    path = base / ROMANIZATIONS_FILE
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                if r.get("file") in (MODERN_PLACES_FILE, HISTORICAL_PLACES_FILE) and r.get("alias"):
                    names.add(r["alias"])
                    if r.get("style") == "postal" and r["file"] == MODERN_PLACES_FILE:
                        postal.setdefault(r["alias"], r["canonical"])
    path = base / POSTAL_FILE
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            names.update(r["postal"] for r in csv.DictReader(fh) if r.get("postal"))
    path = base / POSTAL_PLACES_FILE  # late-Qing seats: "Hengchow", "Kweilin"
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            names.update(r["alias"] for r in csv.DictReader(fh) if r.get("alias"))
    return frozenset(names), postal


def _cycle_forms(syllables: list[tuple[int, str]], words_path: Path,
                 stems: bool = False) -> list[tuple[int, str]]:
    """The syllables with the spellings the date stage derives from them ("Kabo", "Ŭryu":
    :func:`pipeline.dates.lexicon.cycle_spellings`)."""
    from pipeline.dates.lexicon import cycle_spellings  # noqa: PLC0415

    liaison: dict[str, str] = {}
    if stems and words_path.is_file():
        with words_path.open(encoding="utf-8", newline="") as fh:
            liaison = {r["word"]: r["value"] for r in csv.DictReader(fh)
                       if r.get("category") == "cycle_liaison"}
    forms = cycle_spellings({w: str(v) for v, w in syllables}, liaison)
    return [(int(v), w) for w, v in forms.items()]
