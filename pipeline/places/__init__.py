"""Place glosses ("Xijing (now Datong, Shanxi)"), geocoding of modern places, place rows.

Conventions: offsets are Python ``str`` indices into the cleaned text, end exclusive; latitude
and longitude are WGS84 decimal degrees. Word lists live in ``gazetteer/`` (see its README):
``place_gloss_words.csv`` (markers such as "now", relation phrases, suffix words),
``provinces.csv`` (province names and variants), ``modern_places.csv`` (derived from cpca) and
``place_aliases.csv`` (defunct county names).

Subpackage layout (same public functions as the former ``pipeline/places.py``): ``base``
(types, word lists, province names, shared name forms), ``glosses`` (find_place_glosses),
``geocode`` (re-exports ``modern``: current places in China and glosses; ``historical``: CHGIS
units and the choice among their seats; ``world``: places abroad), ``rows`` (build_place_rows,
place_rows_and_warnings; re-exports ``mentions``: running year, province hints; ``lookup``:
hand gazetteer, PlaceLookup; ``certainty``: certainty and warnings of a row), ``dynastic``
(reused capital names read by the running year and the paragraph's dynasties), ``locate``
(places known only by their name: first and second geocoding pass), ``context`` (a mention
read by the words around it: feature words, bare unit words, the province written beside it),
``garrison`` (guards, 衛, by their CHGIS units), ``within`` (last pass: gates and streets at the
city named nearest them, circuits at the place they are named after), ``named`` (a name
written as an era's, a state's or a people's: "took the era name Inan", "the Baishan Mohe":
no coordinates; a noble title's fief, "Prince of Donghai": relation ``title``, no coordinates),
``listed`` (names listed after a noun for persons, "three brothers Shiyi, Shide and Shixin": no
coordinates), ``dated`` (a hand reading CHGIS dates to other years follows the running
year: "Lin'an" in 878 is 臨安縣, not Hangzhou), ``oldspell`` (a name in an older
romanization, "Kai-fong", read through its pinyin readings near the text's places),
``outliers`` (a point far from the text's other places, a current namesake whose name CHGIS
gives to far seats: never high), ``abroad`` (a page set in Korea or Vietnam reads a shared
name as the place abroad: "Hanyang", Seoul).
"""

from pipeline.places.base import (
    CHINA_BBOX,
    GAZETTEER,
    Coordinate,
    GlossLexicon,
    ModernPlace,
    ModernPlaceIndex,
    PlaceGloss,
    load_gloss_lexicon,
    name_key,
    province_named,
)
from pipeline.places.context import (
    Beside,
    PlaceWords,
    known_by_gazetteers,
    load_place_words,
    places_beside,
    read_place_words,
)
from pipeline.places.dynastic import (
    CapitalPeriod,
    CapitalTables,
    load_capital_tables,
    lower_guessed_readings,
    reread_capitals,
)
from pipeline.places.geocode import (
    HISTORICAL_SOURCE,
    HistoricalUnit,
    geocode,
    geocode_gloss,
    geocode_historical,
    geocode_name,
    geocode_world,
    load_historical_units,
    load_modern_places,
    load_world_places,
)
from pipeline.places.glosses import find_place_glosses
from pipeline.places.rows import (
    HistoricalPlace,
    PlaceInfo,
    PlaceLookup,
    YearAt,
    build_place_rows,
    load_historical_places,
    load_place_points,
    outside_glosses,
    place_rows_and_warnings,
    province_hints,
    year_lookup,
    years_from_dates,
)

__all__ = [
    "Beside", "PlaceWords", "known_by_gazetteers", "load_place_words", "places_beside",
    "read_place_words",
    "CHINA_BBOX", "GAZETTEER", "CapitalPeriod", "CapitalTables", "load_capital_tables",
    "reread_capitals", "lower_guessed_readings", "HISTORICAL_SOURCE", "Coordinate", "GlossLexicon",
    "HistoricalPlace", "HistoricalUnit", "ModernPlace", "ModernPlaceIndex", "PlaceGloss",
    "PlaceInfo", "PlaceLookup", "YearAt", "build_place_rows", "find_place_glosses", "geocode",
    "geocode_gloss", "geocode_historical", "geocode_name", "geocode_world",
    "load_gloss_lexicon", "load_historical_places", "load_historical_units",
    "load_modern_places", "load_place_points", "load_world_places", "name_key",
    "outside_glosses", "place_rows_and_warnings", "province_hints", "province_named",
    "year_lookup", "years_from_dates",
]
