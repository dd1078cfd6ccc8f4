"""The gazetteer's file names, lexicon kinds and error, and the reading of its CSV rows
(header checked, values stripped; :class:`GazetteerError` names file and line)."""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import EXIT_OUTPUT, ChronicleError

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
    "name_intro", "title_cue", "place_before", "place_after", "place_passive", "place_fall",
    "place_assail",
    "person_before", "person_rank_after", "person_object_verb", "person_command", "old_syllable",
    "female_word", "male_word", "ruler_metonym", "sovereign_title", "state_noun",
    "title_after_ruler",
)


class GazetteerError(ChronicleError, ValueError):
    """A gazetteer file is missing or malformed; the message names the file and line."""

    exit_code = EXIT_OUTPUT


PERSON_YEARS_FILE = "person_years.csv"  # the date stage's life spans: persons too



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

