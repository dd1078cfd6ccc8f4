"""``events.geojson`` and ``places.geojson``: RFC 7946 FeatureCollections of points.

Each feature is one row with coordinates; ``geometry.coordinates`` is ``[longitude, latitude]``
(WGS 84 degrees, RFC 7946 order); ``properties`` holds every column of the row with JSON types
(empty cells are ``null``). Rows without coordinates are left out (they stay in the CSV).
One feature per line so that diffs stay readable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields

from .common import ExportInput


def _value(value: object) -> object:
    if isinstance(value, float):
        return round(value, 6)
    return value


#: The text of a FeatureCollection before its features, and after them (without features; with).
COLLECTION_HEAD = '{"type": "FeatureCollection", "features": [\n'
COLLECTION_TAIL = ("]}\n", "\n]}\n")


def feature_line(row: object) -> str | None:
    """One row's feature as one line of JSON, or None for a row without coordinates."""
    lat, lon = getattr(row, "latitude", None), getattr(row, "longitude", None)
    if lat is None or lon is None:
        return None
    properties = {f.name: _value(getattr(row, f.name)) for f in fields(row)}  # type: ignore[arg-type]
    return json.dumps({"type": "Feature",
                       "geometry": {"type": "Point",
                                    "coordinates": [round(lon, 6), round(lat, 6)]},
                       "properties": properties}, ensure_ascii=False, sort_keys=False)


def feature_lines(rows: Iterable[object]) -> list[str]:
    """:func:`feature_line` of the rows that have coordinates, in order."""
    return [line for line in map(feature_line, rows) if line is not None]


def feature_collection(rows: Iterable[object]) -> str:
    """The GeoJSON text for rows that have ``latitude`` and ``longitude`` attributes
    (:data:`COLLECTION_HEAD`, the feature lines joined by ``",\\n"``, the tail)."""
    lines = feature_lines(rows)
    return COLLECTION_HEAD + ",\n".join(lines) + COLLECTION_TAIL[bool(lines)]


def render(data: ExportInput) -> dict[str, bytes]:
    """``events.geojson`` and ``places.geojson`` for the whole run."""
    events = [e for d in data.documents for e in d.events]
    places = [p for d in data.documents for p in d.places]
    return {"events.geojson": feature_collection(events).encode("utf-8"),
            "places.geojson": feature_collection(places).encode("utf-8")}
