"""The schema of every gazetteer file, checked at load: header, required values, types.

:func:`validate_gazetteer` reads each file of :data:`SCHEMAS` found in a gazetteer folder and
raises :class:`~pipeline.gazetteer.GazetteerError` (exit code 4) with one line naming the file
and line of the first problem, so no loader ever meets a value it cannot parse. The column lists
are those of ``gazetteer/README.md``; files read at run time must exist, the hand-kept sources of
derived files (``era_errata.csv`` …) are checked when present.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

#: A value check: returns a phrase saying what is wrong, or None. Gets the value and its row.
Check = Callable[[str, Mapping[str, str]], "str | None"]


def _int(value: str, row: Mapping[str, str]) -> str | None:
    try:
        int(value)
    except ValueError:
        return f"must be an integer, found {value!r}"
    return None


def _number(low: float, high: float) -> Check:
    def check(value: str, row: Mapping[str, str]) -> str | None:
        try:
            number = float(value)
        except ValueError:
            return f"must be a number, found {value!r}"
        if not math.isfinite(number) or not low <= number <= high:
            return f"must be between {low:g} and {high:g}, found {value!r}"
        return None
    return check


def _one_of(*choices: str) -> Check:
    def check(value: str, row: Mapping[str, str]) -> str | None:
        if value not in choices:
            return f"must be one of {', '.join(choices)}; found {value!r}"
        return None
    return check


_NUMERIC_DATE_WORDS = frozenset({
    "cardinal", "cardinal_tens", "ordinal", "ordinal_tens", "first_year", "month",
    "relative_year", "relative_day", "relative_month", "relative_direction", "ce_prefix",
    "ce_suffix", "leap",
    "heavenly_stem", "earthly_branch", "cardinal_hundred", "ordinal_hundred", "last_day"})
DATE_WORD_CATEGORIES = _NUMERIC_DATE_WORDS | {
    "season", "relative_bound", "relative_unit", "phase", "era_suffix", "year_preposition",
    "count_noun",
    "duration_cue", "not_era_name", "phase_in", "cycle_liaison", "ocr_digit", "ocr_letter",
    "age_cue",
    "approximate", "coarse_phase", "coarse_unit", "cycle_event", "dateline_word",
    "life_word", "month_word", "annual_cue", "quantity_noun", "verb_before_season", "period_lead",
    "period_next", "ce_gloss_lead",
    "birth_word", "new_year_word", "weekday"}


def _date_word_value(value: str, row: Mapping[str, str]) -> str | None:
    if row.get("category") in _NUMERIC_DATE_WORDS:
        return _int(value, row)
    return None


@dataclass(frozen=True)
class FileSchema:
    """Columns (the exact header), columns that may not be empty, value checks (applied to
    non-empty values), and whether the file must exist."""

    columns: tuple[str, ...]
    required: tuple[str, ...] = ()
    checks: Mapping[str, Check] = field(default_factory=dict)
    must_exist: bool = True


_LAT, _LON = _number(-90, 90), _number(-180, 180)
_RULERS = FileSchema(  # rulers.csv (Chinese) and rulers_korea.csv: one shape
    ("ruler_id", "dynasty", "dynasty_zh", "cal_stream", "name_zh", "temple_zh",
     "posthumous_zh", "personal_zh", "temple", "posthumous", "personal", "reign_start",
     "reign_end", "first_year", "era_ids", "romanizations"),
    ("ruler_id", "dynasty", "cal_stream", "reign_start", "reign_end", "first_year"),
    {"ruler_id": _int, "cal_stream": _int, "reign_start": _int, "reign_end": _int,
     "first_year": _int}, must_exist=False)
_MODERN = FileSchema(
    ("name", "name_zh", "level", "province", "latitude", "longitude", "suffix", "adcode",
     "source"), ("name", "level", "province", "latitude", "longitude"),
    {"level": _one_of("province", "prefecture", "county"), "latitude": _LAT,
     "longitude": _LON})

_ERA_COLUMNS = (
    "era_id", "era", "era_zh", "era_zh_variants", "dynasty", "dynasty_zh", "ruler", "ruler_zh",
    "start_year", "end_year", "length", "cal_stream", "start_jdn", "end_jdn", "romanizations",
    "sanmiao_era_ids")
_ERA_REQUIRED = ("era_id", "era", "era_zh", "dynasty", "start_year", "end_year", "length",
                 "cal_stream", "start_jdn", "end_jdn")
_ERA_CHECKS: Mapping[str, Check] = {
    "era_id": _int, "start_year": _int, "end_year": _int, "length": _int, "cal_stream": _int,
    "start_jdn": _number(0, 1e8), "end_jdn": _number(0, 1e8)}

SCHEMAS: dict[str, FileSchema] = {
    "persons.csv": FileSchema(("canonical", "aliases", "polity", "zh", "note"), ("canonical",)),
    "cycle_japanese.csv": FileSchema(("part", "number", "zh", "kun", "on", "on_geminate", "note"),
                                     ("part", "number", "zh", "kun", "on"),
                                     {"part": _one_of("stem", "branch"), "number": _int},
                                     must_exist=False),
    "person_years.csv": FileSchema(("canonical", "aliases", "born", "died", "note"),
                                   ("canonical", "born", "died"),
                                   {"born": _int, "died": _int}, must_exist=False),
    "places.csv": FileSchema(
        ("canonical", "aliases", "zh", "modern", "province", "context", "note"), ("canonical",)),
    "polities.csv": FileSchema(("canonical", "aliases", "zh", "kind", "note"), ("canonical",)),
    "armies.csv": FileSchema(("canonical", "aliases", "polity", "zh", "note"), ("canonical",)),
    "works.csv": FileSchema(("canonical", "aliases", "zh", "note"), ("canonical",),
                            must_exist=False),
    "entity_lexicon.csv": FileSchema(("kind", "value", "note"), ("kind", "value")),
    "name_collisions.csv": FileSchema(("kind", "word", "note"), ("kind", "word"),
                                      must_exist=False),
    "vietnamese_surnames.csv": FileSchema(("surname", "quoc_ngu", "note"), ("surname",),
                                          must_exist=False),
    "vietnamese_syllables.csv": FileSchema(("kind", "part", "note"), ("kind", "part"),
                                           {"kind": _one_of("onset", "vowel", "coda")},
                                           must_exist=False),
    "compound_surnames.csv": FileSchema(("surname_zh", "romanized", "origin", "source"),
                                        ("surname_zh", "romanized", "source"),
                                        must_exist=False),
    "eras.csv": FileSchema(_ERA_COLUMNS, _ERA_REQUIRED, _ERA_CHECKS),
    "eras_japan.csv": FileSchema(
        _ERA_COLUMNS, _ERA_REQUIRED, _ERA_CHECKS, must_exist=False),
    "eras_korea.csv": FileSchema(
        _ERA_COLUMNS, _ERA_REQUIRED, _ERA_CHECKS, must_exist=False),
    "eras_vietnam.csv": FileSchema(
        _ERA_COLUMNS, _ERA_REQUIRED, _ERA_CHECKS, must_exist=False),
    "vietnam_eras_source.csv": FileSchema(
        ("era_zh", "era", "aliases", "ruler", "start_year", "end_year", "note"),
        ("era_zh", "era", "start_year", "end_year", "note"),
        {"start_year": _int, "end_year": _int}, must_exist=False),
    "korea_errata.csv": FileSchema(
        ("action", "sanmiao_id", "name_zh", "dynasty_zh", "value", "start_year", "end_year",
         "start_jdn", "end_jdn", "note"), ("action", "name_zh", "dynasty_zh", "note"),
        {"action": _one_of("first_year", "alias", "drop_era", "add_era"),
         "start_year": _int, "end_year": _int}, must_exist=False),
    "rulers_korea.csv": _RULERS,
    "rulers_japan.csv": _RULERS,
    "japan_ruler_readings.csv": FileSchema(
        ("name_zh", "reading", "note"), ("name_zh", "reading", "note"), must_exist=False),
    "rulers.csv": FileSchema(_RULERS.columns + ("canonical",), _RULERS.required,
                             _RULERS.checks, must_exist=False),
    "ruler_names.csv": FileSchema(
        ("ruler_id", "names", "canonical", "source", "note"), ("ruler_id", "names", "source"),
        {"ruler_id": _int}, must_exist=False),
    "preqin_rulers.csv": FileSchema(
        ("ruler_id", "state", "state_zh", "title", "called_zh", "reading", "personal_zh",
         "first_year", "reign_end", "canonical", "source", "note"),
        ("ruler_id", "state", "state_zh", "title", "called_zh", "first_year", "reign_end",
         "canonical", "source"),
        {"ruler_id": _int, "first_year": _int, "reign_end": _int,
         "title": _one_of("King", "Duke", "Marquis", "Emperor")}, must_exist=False),
    "dynasties.csv": FileSchema(
        ("dynasty", "dynasty_zh", "parent", "sanmiao_dyn_id", "era_start_min", "era_start_max",
         "vassal", "cal_stream", "aliases", "default_for", "note"), ("dynasty",),
        {"sanmiao_dyn_id": _int, "era_start_min": _int, "era_start_max": _int,
         "vassal": _one_of("0", "1"), "cal_stream": _int}),
    "date_words.csv": FileSchema(
        ("word", "category", "value", "note"), ("word", "category"),
        {"category": _one_of(*sorted(DATE_WORD_CATEGORIES)), "value": _date_word_value}),
    "event_types.csv": FileSchema(
        ("lemma", "forms", "event_type", "object_label", "takes_object", "example",
         "subject_role", "hostile", "object_words", "partner", "implied_agent", "anchor"),
        ("lemma", "forms", "event_type", "takes_object"),
        {"object_label": _one_of("PERSON", "PLACE", "POLITY", "ARMY"),
         "takes_object": _one_of("yes", "no"), "subject_role": _one_of("agent", "patient"),
         "hostile": _one_of("yes", "no"),
         "partner": _one_of("with", "to", "on", "against", "from"),
         "implied_agent": _one_of("ruler", "polity"),
         "anchor": _one_of("onset", "mover", "holder", "censor", "route",
                                   "bare")}),
    "event_nouns.csv": FileSchema(
        ("noun", "plural", "lemma", "verb", "lexname", "sense"), ("noun", "lemma", "verb"),
        {"lexname": _one_of("noun.act", "noun.event", "noun.process"), "sense": _int},
        must_exist=False),
    "page_furniture.csv": FileSchema(("cue", "scope", "example"), ("cue", "scope"),
                                     {"scope": _one_of("line", "block", "contents")}),
    "sentence_abbreviations.csv": FileSchema(("abbreviation", "example"), ("abbreviation",),
                                             must_exist=False),
    "garble_substitutions.csv": FileSchema(("garbled", "plain", "source", "example"),
                                           ("garbled", "plain"),
                                           {"source": _one_of("mirror", "ocr")},
                                           must_exist=False),
    "mt_cues.csv": FileSchema(("cue", "kind", "example"), ("cue", "kind"),
                              {"kind": _one_of("motion_preposition", "motion_adverb",
                                               "motion_form", "result_verb",
                                               "result_particle", "result_place_form",
                                               "result_form", "fronted_preposition")}),
    "later_cues.csv": FileSchema(("cue", "link", "example"), ("cue", "link"),
                                 {"link": _one_of("advmod", "prep", "near", "assessment")}),
    "narration_cues.csv": FileSchema(("forms", "kind", "example"), ("forms", "kind"),
                                     {"kind": _one_of("describe", "historiography", "past_time",
                                                      "state", "perfect")}),
    "report_cues.csv": FileSchema(("forms", "kind", "example"), ("forms", "kind"),
                                  {"kind": _one_of("report", "announce", "future", "occur",
                                                   "vague")}),
    "modality_cues.csv": FileSchema(("forms", "kind", "example"), ("forms", "kind"),
                                    {"kind": _one_of("link_heading", "recurrence", "period",
                                                     "repetition", "body_part",
                                                     "abstract_object", "back_matter",
                                                     "goods", "tally_label")}),
    "event_cues.csv": FileSchema(("cue", "kind", "example"), ("cue", "kind"),
                                 {"kind": _one_of("irrealis", "attempt", "negation", "modal",
                                                  "failure", "order", "anaphor_person",
                                                  "anaphor_group",
                                                  "age", "near_miss", "avoidance", "bound",
                                                  "earlier", "request", "claim",
                                                  "pretense", "support", "purpose",
                                                  "onset", "ocr", "title_qualifier",
                                                  "group_noun", "mover", "habitual",
                                                  "list_opener", "act_suffix", "censor",
                                                  "campaign_head", "relative",
                                                  "negative_determiner", "substitution",
                                                  "hypothetical", "result_mark", "copular",
                                                  "condition", "weather", "causative",
                                                  "nature", "natural_damage", "generic",
                                                  "penalty", "agent_noun", "army_noun", "wish",
                                                  "rescue", "naming", "counted_force",
                                                  "outcome_noun", "undoing")},
                                 must_exist=False),
    "modern_places.csv": _MODERN,
    "provinces.csv": FileSchema(
        ("province", "name_zh", "adcode", "kind", "variants"), ("province", "kind"),
        {"kind": _one_of("province", "municipality", "autonomous_region", "sar"),
         "adcode": _int}),
    "place_aliases.csv": FileSchema(
        ("alias", "province", "current", "current_province", "note"),
        ("alias", "current", "current_province")),
    "place_gloss_words.csv": FileSchema(
        ("phrase", "kind", "value"), ("phrase", "kind"),
        {"kind": _one_of("marker", "relation", "direction", "suffix", "skip", "reject",
                          "admin", "generic", "qualifier", "feature",
                          "postal_ending", "distance_unit", "seat_suffix",
                          "garrison", "garrison_side", "city_part", "crossing",
                          "name_cue", "people", "title", "head")}),
    "place_coordinates.csv": FileSchema(
        ("canonical", "latitude", "longitude", "precision", "note"),
        ("canonical", "latitude", "longitude", "precision"),
        {"latitude": _LAT, "longitude": _LON}, must_exist=False),
    "periods.csv": FileSchema(("name", "aliases", "start_year", "end_year", "note"),
                              ("name", "start_year", "end_year"),
                              {"start_year": _int, "end_year": _int}, must_exist=False),
    "capital_periods.csv": FileSchema(
        ("canonical", "alias", "dynasty", "start_year", "end_year", "source", "note"),
        ("canonical", "alias", "dynasty", "start_year", "end_year"),
        {"start_year": _int, "end_year": _int}, must_exist=False),
    "polity_dynasties.csv": FileSchema(("canonical", "aliases", "zh", "kind", "note"),
                                       ("canonical",), must_exist=False),
    "name_romanizations.csv": FileSchema(
        ("file", "canonical", "zh", "province", "alias", "style"),
        ("file", "canonical", "alias", "style"), must_exist=False),
    "historical_places.csv": FileSchema(
        ("name", "zh", "kind", "province", "latitude", "longitude", "start_year", "end_year",
         "tgaz_id"), ("name", "latitude", "longitude", "start_year", "end_year"),
        {"latitude": _LAT, "longitude": _LON, "start_year": _int, "end_year": _int},
        must_exist=False),
    "historical_places_extra.csv": FileSchema(  # hand-kept: units CHGIS lacks
        ("name", "zh", "kind", "province", "latitude", "longitude", "start_year", "end_year",
         "tgaz_id", "geo_precision", "note"),
        ("name", "zh", "kind", "latitude", "longitude", "start_year", "end_year", "tgaz_id",
         "geo_precision"),
        {"latitude": _LAT, "longitude": _LON, "start_year": _int, "end_year": _int,
         "geo_precision": _one_of("1", "2", "3")}, must_exist=False),
    "postal_places.csv": FileSchema(
        ("alias", "style", "name", "zh", "kind", "province", "tgaz_id"),
        ("alias", "style", "name", "zh"), must_exist=False),
    "world_places.csv": FileSchema(
        ("name", "kind", "country", "latitude", "longitude", "source"),
        ("name", "latitude", "longitude"), {"latitude": _LAT, "longitude": _LON},
        must_exist=False),
    "old_spellings.csv": FileSchema(("old", "pinyin", "system", "note"), ("old", "pinyin"),
                                    must_exist=False),
    "feature_characters.csv": FileSchema(("ending", "characters", "note"), ("ending",),
                                         must_exist=False),
    "world_regions.csv": FileSchema(
        ("country", "cities", "alternates", "note"), ("country", "cities", "alternates"),
        {"cities": _one_of("yes", "no"), "alternates": _one_of("yes", "no", "non-pinyin")},
        must_exist=False),
    "world_alternates.csv": FileSchema(
        ("alias", "name", "country", "latitude", "longitude", "source"),
        ("alias", "latitude", "longitude"), {"latitude": _LAT, "longitude": _LON},
        must_exist=False),
    "world_places_extra.csv": FileSchema(
        ("name", "kind", "country", "latitude", "longitude", "note"),
        ("name", "latitude", "longitude"), {"latitude": _LAT, "longitude": _LON},
        must_exist=False),
    "east_asia_places.csv": FileSchema(
        ("name", "aliases", "native", "kind", "country", "latitude", "longitude", "modern",
         "note", "source"), ("name", "kind", "country", "latitude", "longitude"),
        {"kind": _one_of("city", "historical_city", "island", "river", "sea", "fortress",
                         "temple"),
         "country": _one_of("KR", "KP", "JP", "VN", "TW"), "latitude": _LAT, "longitude": _LON},
        must_exist=False),
    # hand-kept sources of the derived files above (scripts/): checked when present
    "postal_spellings.csv": FileSchema(("zh", "province", "postal", "note"),
                                       ("zh", "postal"), must_exist=False),
    "era_errata.csv": FileSchema(
        ("action", "sanmiao_era_id", "era_zh", "dynasty", "ruler_zh", "start_year", "end_year",
         "length", "cal_stream", "start_jdn", "end_jdn", "note"), ("action",),
        {"action": _one_of("add", "set", "drop"), "sanmiao_era_id": _int, "start_year": _int,
         "end_year": _int, "length": _int, "cal_stream": _int, "start_jdn": _number(0, 1e8),
         "end_jdn": _number(0, 1e8)}, must_exist=False),
    "era_readings.csv": FileSchema(("era_zh", "pinyin", "note"), ("era_zh", "pinyin"),
                                   must_exist=False),
    "verb_inflections.csv": FileSchema(("lemma", "forms"), ("lemma", "forms"),
                                       must_exist=False),
    "era_meanings.csv": FileSchema(
        ("era_zh", "era", "era_ids", "char_glosses", "char_related", "word_glosses"),
        ("era_zh", "era", "era_ids"), must_exist=False),
    "era_japanese.csv": FileSchema(("era_zh", "reading"), ("era_zh", "reading"),
                                   must_exist=False),
    "japanese_kanji_forms.csv": FileSchema(("form", "japanese", "note"), ("form", "japanese"),
                                           must_exist=False),
    "era_aliases.csv": FileSchema(("era_zh", "dynasty", "alias", "note"),
                                  ("era_zh", "alias"), must_exist=False),
    "modern_places_extra.csv": FileSchema(_MODERN.columns, _MODERN.required, _MODERN.checks,
                                          must_exist=False),
    "place_pinyin_overrides.csv": FileSchema(
        ("zh", "scope", "pinyin", "note"), ("zh", "scope", "pinyin"),
        {"scope": _one_of("char", "stem")}, must_exist=False),
}


def check_cells(path: Path, line: int, header: Sequence[str], cells: Sequence[str],
                schema: FileSchema) -> dict[str, str]:
    """One CSV line as ``{column: stripped value}`` for the columns of ``header``, checked
    against ``schema`` (column count, required values, per-column checks; every required
    column must be in ``header``). Raises GazetteerError ``"FILE:LINE: problem"``."""
    from .gazetteer import GazetteerError

    if len(cells) != len(header):
        raise GazetteerError(f"{path}:{line}: expected {len(header)} columns, "
                             f"found {len(cells)}")
    given = {k: v.strip() for k, v in zip(header, cells, strict=True)}
    row = {c: given.get(c, "") for c in schema.columns}
    for column in schema.required:
        if not row[column]:
            raise GazetteerError(f"{path}:{line}: {column} is empty")
    for column, check in schema.checks.items():
        problem = check(row[column], row) if row[column] else None
        if problem:
            raise GazetteerError(f"{path}:{line}: {column} {problem}")
    return row


def validate_file(path: Path, schema: FileSchema) -> int:
    """Check one file against its schema; return its number of rows.

    Raises :class:`~pipeline.gazetteer.GazetteerError` ``"FILE:LINE: problem"``."""
    from .gazetteer import GazetteerError

    if not path.is_file():
        if schema.must_exist:
            raise GazetteerError(f"{path}: gazetteer file not found")
        return 0
    rows = 0
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            header = tuple(next(reader, ()))
            if header != schema.columns:
                raise GazetteerError(f"{path}:1: header must be {','.join(schema.columns)!r}, "
                                     f"found {','.join(header)!r}")
            for cells in reader:
                line = reader.line_num
                if not any(c.strip() for c in cells):
                    continue  # a blank line
                check_cells(path, line, header, cells, schema)
                rows += 1
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"{path}: not UTF-8 ({exc.reason})") from exc
    except csv.Error as exc:
        raise GazetteerError(f"{path}: bad CSV ({exc})") from exc
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    return rows


def validate_gazetteer(directory: Path) -> dict[str, int]:
    """Check every file of :data:`SCHEMAS` in ``directory``; return ``{file name: rows}``."""
    return {name: validate_file(Path(directory) / name, schema)
            for name, schema in SCHEMAS.items()}
