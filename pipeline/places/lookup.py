"""The hand gazetteer of historical places (modern equivalent, representative points) and
:class:`PlaceLookup`, the per-document place lookup the event stage uses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.places.base import (
    Coordinate,
    ModernPlaceIndex,
    PlaceGloss,
    _in_china,
    _read,
    name_key,
    province_named,
)
from pipeline.places.historical import geocode_historical
from pipeline.places.mentions import _gloss_for
from pipeline.places.modern import geocode, geocode_gloss, geocode_name
from pipeline.places.world import geocode_world
from pipeline.records import EntityRow, PlaceRow

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
    located: dict[str, PlaceInfo] = field(default_factory=dict)  # from the place rows
    #: certainty of each place row that has coordinates (place -> "high" | "medium" | "low")
    located_certainty: dict[str, str] = field(default_factory=dict)

    def add_rows(self, rows: Iterable[PlaceRow]) -> None:
        """Use the document's place rows (:func:`build_place_rows`) as the answer for every name
        they place and the text does not gloss: second-pass guesses such as CHGIS homonyms near
        the document's other places, a province written beside the name ("Le'an in Shandong
        province", "Hua County, Guangdong Province"), so events and places.csv always agree;
        a row left blank (no sure reading; a namesake the text rejects, warning
        ``PLACE_CANDIDATE_REJECTED``) leaves the events' coordinates blank too, unless the
        hand gazetteer knows the name. Call before :meth:`get`."""
        for row in rows:
            if row.latitude is None:  # left blank (no reading, or a namesake the text rejects)
                self.located[row.place] = (row.modern, None, None, "")
                continue
            self.located[row.place] = (row.modern, row.latitude, row.longitude,
                                       precision_of(row.coord_source))
            self.located_certainty[row.place] = row.certainty

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
            found, row = self.cache[name], self.located.get(name)
            if row and row[1] is None:
                if found is not None and hist is None:
                    # places.csv left it blank (no sure reading, a namesake the text
                    # rejects): events do not place it by its name alone either
                    self.cache[name] = (row[0], None, None, "")
            elif row and (found is None or found[1:3] != row[1:3]):
                # the place row is the document's answer (a province written beside the name,
                # a homonym near the other places): events take the same point
                self.cache[name] = (row[0] or (found[0] if found else ""), *row[1:])
        return self.cache[name]

    def row_certainty(self, name: str, info: PlaceInfo | None) -> str:
        """The places.csv certainty of ``name`` when ``info`` (what :meth:`get` gave) is that
        row's point (the row is what the event maps), else "" (a gloss, the hand gazetteer or
        no coordinates: no cap)."""
        row = self.located.get(name)
        if not name or info is None or row is None or info[1] is None \
                or name in self.glossed or tuple(info[1:3]) != tuple(row[1:3]):
            return ""
        return self.located_certainty.get(name, "")


_PRECISIONS = ("near", "county", "prefecture", "province", "region", "river", "site", "city",
               "country", "continent")


def precision_of(coord_source: str) -> str:
    """The precision word a ``coord_source`` holds ("name:cpca-0.5.5:county:outside-hint" ->
    "county"; "near" wins over the level it qualifies), else ""."""
    parts = coord_source.split(":")
    return next((p for p in _PRECISIONS if p in parts), "")


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
