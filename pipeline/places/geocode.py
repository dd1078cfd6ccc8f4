"""Coordinates: current places (cpca), historical units (CHGIS), places abroad (GeoNames).

The work lives in three modules; this one re-exports their public names so existing imports
keep working:
:mod:`pipeline.places.modern` (current names in China, glosses, county homonyms),
:mod:`pipeline.places.historical` (CHGIS units: table, ranks, choice among seats;
:mod:`pipeline.places.seats_in_use` the seats a name had in a year),
:mod:`pipeline.places.world` (places abroad). Shared name forms and seat counting are in
:mod:`pipeline.places.base`.
"""

from pipeline.places.historical import (
    HISTORICAL_SOURCE,
    HistoricalUnit,
    geocode_historical,
    load_historical_units,
    load_postal_places,
    unit_rank,
)
from pipeline.places.modern import (
    county_homonyms,
    geocode,
    geocode_gloss,
    geocode_name,
    load_modern_places,
)
from pipeline.places.seats_in_use import historical_seats
from pipeline.places.world import geocode_world, load_world_places

__all__ = [
    "HISTORICAL_SOURCE", "HistoricalUnit", "county_homonyms", "geocode", "geocode_gloss",
    "geocode_historical", "geocode_name", "geocode_world", "historical_seats",
    "load_historical_units", "load_modern_places", "load_postal_places", "load_world_places",
    "unit_rank",
]
