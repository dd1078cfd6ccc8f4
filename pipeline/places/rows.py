"""Place rows of a document and the place lookup the event stage uses."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.places.base import (
    Coordinate,
    ModernPlaceIndex,
    PlaceGloss,
    _in_china,
    _read,
    load_gloss_lexicon,
    name_key,
    province_named,
)
from pipeline.places.context import Beside, places_beside
from pipeline.places.geocode import (
    geocode,
    geocode_gloss,
    geocode_historical,
    geocode_name,
    geocode_world,
    historical_seats,
)
from pipeline.places.homonyms import settle_homonyms
from pipeline.places.locate import anchor_of, locate_name
from pipeline.places.within import place_within
from pipeline.records import DateRow, EntityRow, PlaceRow, WarningRow


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
    located: dict[str, PlaceInfo] = field(default_factory=dict)  # from the place rows

    def add_rows(self, rows: Iterable[PlaceRow]) -> None:
        """Use the document's place rows (:func:`build_place_rows`) as the answer for every name
        they place and the text does not gloss: second-pass guesses such as CHGIS homonyms near
        the document's other places, a province written beside the name ("Le'an in Shandong
        province", "Hua County, Guangdong Province"), so events and places.csv always agree.
        Call before :meth:`get`."""
        for row in rows:
            if row.latitude is None:
                continue
            self.located[row.place] = (row.modern, row.latitude, row.longitude,
                                       precision_of(row.coord_source))

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
            if row and (found is None or found[1:3] != row[1:3]):
                # the place row is the document's answer (a province written beside the name,
                # a homonym near the other places): events take the same point
                self.cache[name] = (row[0] or (found[0] if found else ""), *row[1:])
        return self.cache[name]

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


YearAt = Callable[[int], "int | None"]


def year_lookup(pairs: Iterable[tuple[int, int | None]]) -> YearAt:
    """From (offset, year) pairs, a function offset -> year of the last pair at or before it."""
    items = sorted((o, y) for o, y in pairs if y is not None)
    offsets = [o for o, _ in items]

    def year_at(offset: int) -> int | None:
        i = bisect.bisect_right(offsets, offset) - 1
        return items[i][1] if i >= 0 else None

    return year_at


def years_from_dates(dates: Sequence[DateRow], text: str = "") -> YearAt:
    """The running year at each offset: the year of the last DateRow starting at or before
    (a printed span aside, kind ``aside``, "Hai Rui (1514–1587)", is no running year).

    ``text`` (the text the offsets index; optional): a full Western date (day, month, year)
    standing in a line of its own with at most :data:`DATELINE_WORDS` other words and no
    sentence end ("By admin - Posted on 20 January 2009"), later than every other date of the
    text, is a page's dateline, not a date of the narrative, and is no running year either."""
    told = [d for d in dates if d.kind != "aside"]
    lines = [d for d in told if text and is_dateline(d, text)]
    latest = max((d.year for d in told if d not in lines and d.year is not None), default=None)
    lines = [d for d in lines if latest is not None and (d.year or 0) > latest]
    return year_lookup((d.start, d.year) for d in told if d not in lines)


DATELINE_WORDS = 6


def is_dateline(date: DateRow, text: str) -> bool:
    """True when ``date`` is a full Gregorian date (with a day) alone in its line of ``text``
    but for at most :data:`DATELINE_WORDS` words without a sentence end: a publication or
    posting date ("Posted on 20 January 2009", "Updated: 2019-05-03")."""
    if date.kind != "gregorian" or date.day is None:
        return False
    start = text.rfind("\n", 0, date.start) + 1
    end = text.find("\n", date.end)
    rest = text[start:date.start] + " " + text[date.end:len(text) if end < 0 else end]
    return len(rest.split()) <= DATELINE_WORDS and not re.search(r"[.!?]", rest)


def province_hints(entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss], *,
                   window: int = 200) -> Callable[[Sequence[int]], str | None]:
    """A function: mention offsets -> the one province named within ``window`` characters of
    them (a PLACE entity that is a province, or a gloss's province), else None (none or
    several different ones). A municipality (Beijing, Tianjin ...) named as a PLACE is a city
    beside the others, no hint (one written right after a name still is: see
    :func:`pipeline.places.context.places_beside`)."""
    marks: list[tuple[int, str]] = [(g.gloss_start, g.province) for g in glosses if g.province]
    cities = load_gloss_lexicon().municipalities  # "Tientsin" near "Mukden" is a city, no hint
    marks += [(e.start, prov) for e in entities if e.label == "PLACE"
              for prov in [province_named(e.canonical)] if prov and prov not in cities]
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
                     index: ModernPlaceIndex | None = None, text: str = "") -> list[PlaceRow]:
    """The rows of :func:`place_rows_and_warnings` (same arguments), without the warnings."""
    return place_rows_and_warnings(entities, glosses, dates, historical_places, index=index,
                                   text=text)[0]


def place_rows_and_warnings(
        entities: Sequence[EntityRow], glosses: Sequence[PlaceGloss],
        dates: Sequence[DateRow] | YearAt,
        historical_places: Mapping[str, HistoricalPlace] | None = None, *,
        index: ModernPlaceIndex | None = None, text: str = ""
) -> tuple[list[PlaceRow], list[WarningRow]]:
    """One PlaceRow per distinct place (PLACE entity canonical, or glossed name).

    ``dates``: DateRows (running year = last DateRow at or before a mention) or a callable
    offset -> year. Modern/relation/province come from the gloss nearest the first mention,
    else from ``historical_places``, else (for a province name) the province.
    ``coord_source`` is "<gloss|gazetteer|name|world>:<dataset>:<level>[:same-name][:near]";
    a place located only by a second look at the document's other places (see
    :func:`pipeline.places.locate.locate_name`) ends in ":nearest", ":other-years",
    ":outside-hint", ":feature" or ":qualified" — a guess; the last pass (a gate or street at
    the city named nearest it, a circuit at the place written with its name:
    :func:`pipeline.places.within.place_within`) gives "within:<that place's
    coord_source>:city-part|circuit-seat", also a guess. Rows are in order of first
    mention. PLACE entities inside a gloss are not counted.

    ``text`` (the text the offsets index; optional): the province or prefecture-level city
    written beside the first mention, or in its sentence (:func:`pipeline.places.context.
    places_beside`), picks among homonyms; a province written right after a gazetteer place
    of another province ("Hua County, Guangdong Province" where ``places.csv`` has Henan's
    Huaxian) makes it the homonym of that province when one is known (else no coordinates).

    ``certainty`` (see :func:`_certainty`): high for the text's gloss, the hand gazetteer or a
    name matching one place; medium for a homonym chosen by the province or city written near
    it (warning ``PLACE_HOMONYM_CHOSEN``); low for a second-pass guess (warning
    ``PLACE_COORDINATE_GUESSED``). The warnings (``doc_id`` "", offsets of the first mention,
    indices of ``text``) come second in the returned pair.
    """
    year_at = dates if callable(dates) else years_from_dates(dates, text)
    historical = historical_places or {}
    mentions: dict[str, list[int]] = {}
    outside = outside_glosses(entities, glosses)  # modern names inside glosses are no mentions
    surfaces: dict[str, set[str]] = {}  # canonical -> the spellings the text used
    for e in sorted((e for e in outside if e.label == "PLACE"), key=lambda e: e.start):
        mentions.setdefault(e.canonical, []).append(e.start)
        surfaces.setdefault(e.canonical, set()).add(e.text)
    by_place = _gloss_for(glosses, entities)
    hint = province_hints(entities, glosses)
    beside = places_beside(text, index, outside) if text else (lambda start, end: Beside())
    ends = {e.start: e.end for e in outside if e.label == "PLACE"}
    for name, gl in by_place.items():
        if name not in mentions:
            mentions[name] = [g.start for g in gl]
    rows: list[PlaceRow] = []
    pending: list[int] = []  # rows the first pass left without coordinates
    basis: dict[int, str] = {}  # row index -> why its coordinate was chosen among others
    for name, offsets in sorted(mentions.items(), key=lambda kv: kv[1][0]):
        years = [y for y in (year_at(o) for o in offsets) if y is not None]
        modern = relation = province = ""
        coord = None
        written = beside(offsets[0], ends.get(offsets[0], offsets[0]))
        other = written.apposition and name in historical and name not in by_place and \
            bool(historical[name].province) and \
            written.province not in historical[name].province.split("|")
        if other:  # "Hua County, Guangdong Province": not places.csv's Henan Huaxian
            coord, modern, prefix = locate_name(name, years[0] if years else None,
                                                written.province, index, None,
                                                prefecture=written.prefecture)
            if coord is not None and coord.province != written.province:
                coord, modern = None, ""
            province = written.province
        elif name in by_place:
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
            if coord is not None and years:
                near = written.province or hint(offsets) or ""
                coord, modern, province, prefix = _hand_homonym(
                    surfaces.get(name, {name}), years[0], near, coord, modern, province, prefix)
        elif province_named(name):
            province = province_named(name)
            coord = geocode("", province, index=index)
            prefix = "name"
        else:
            year = years[0] if years else None
            near = written.province if written.apposition else (
                hint(offsets) or written.province or None)
            coord, modern, prefix = locate_name(name, year, near, index, None,
                                                prefecture=written.prefecture)
            if coord is None and not written.apposition and near and near != hint(offsets):
                # a province elsewhere in the sentence only steers: not in it, read as before
                coord, modern, prefix = locate_name(name, year, hint(offsets), index, None)
            if coord is None:
                pending.append(len(rows))
        if coord is not None and coord.basis:
            basis[len(rows)] = coord.basis
        rows.append(_row(name, modern, relation, province, coord, prefix, offsets, years))
    anchor = anchor_of(rows)
    skip = set(pending)  # mentions of the places the first pass located, in text order
    firsts = sorted((o, k) for k, r in enumerate(rows) if k not in skip
                    for o in mentions[r.place])
    for i in pending:  # second pass: homonyms and guesses decided near the other places
        row = rows[i]
        offsets = mentions[row.place]
        years = [y for y in (year_at(o) for o in offsets) if y is not None]
        written = beside(offsets[0], ends.get(offsets[0], offsets[0]))
        near = written.province if written.apposition else (
            hint(offsets) or written.province or None)
        local = _sentence_anchor(text, offsets[0], rows, firsts)
        coord = geocode_historical(row.place, years[0], near, anchor=local) \
            if local is not None and years else None
        if coord is not None and "nearest" in coord.source.split(":"):
            modern, prefix = "", "name"  # "the Battle of Sanfeng Mountain in Junzhou"
            why = ("the homonym nearest the places located in its sentence "
                   f"({local[0]:.2f}, {local[1]:.2f})")
        else:
            coord, modern, prefix = locate_name(row.place, years[0] if years else None,
                                                 near, index, anchor, second=True,
                                                 prefecture=written.prefecture)
            why = _guess_basis(coord) if coord is not None else ""
        if coord is not None:
            rows[i] = _row(row.place, modern, row.relation, row.province, coord, prefix,
                           offsets, years, second=True)
            basis[i] = why
    rows, settled = settle_homonyms(rows, mentions, year_at, text, basis)
    basis.update(settled)  # homonyms by the places around them; one-seat picks of a name
    rows, inside = place_within(rows, mentions, text, [  # gates, streets; circuits by seat
        (e.start, e.text, e.canonical) for e in outside if e.label == "PLACE"])
    basis.update(inside)
    warnings = []
    for i, why in sorted(basis.items()):
        row = rows[i]
        start = mentions[row.place][0]
        code = "PLACE_COORDINATE_GUESSED" if row.certainty == "low" else "PLACE_HOMONYM_CHOSEN"
        warnings.append(WarningRow(
            "", start, ends.get(start, start), code,
            f"{row.place!r} placed at {row.modern or row.province or 'a point'} "
            f"({row.latitude}, {row.longitude}), certainty {row.certainty}: {why}"))
    return rows, warnings


def _sentence_anchor(text: str, offset: int, rows: Sequence[PlaceRow],
                     firsts: Sequence[tuple[int, int]]) -> tuple[float, float] | None:
    """The median point of the places the first pass located (county or prefecture level)
    that are mentioned in the sentence of ``offset`` (a span of ``text`` between sentence
    ends or line breaks), or None when there is none or no ``text``. ``firsts``: sorted
    (mention offset, index in ``rows``) of the rows the first pass located."""
    if not text:
        return None
    lo = max(0, offset - _SENTENCE_REACH)  # a book is long: look only this far around
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, offset)]
    start = ends[-1] if ends else lo
    after = _SENTENCE_END.search(text, offset, offset + _SENTENCE_REACH)
    end = after.start() if after else min(len(text), offset + _SENTENCE_REACH)
    lo_i = bisect.bisect_left(firsts, (start, -1))
    hi_i = bisect.bisect_left(firsts, (end, -1))
    return anchor_of([rows[k] for k in sorted({k for _, k in firsts[lo_i:hi_i]})])


_SENTENCE_END = re.compile(r"[.!?;]\s|\n")
_SENTENCE_REACH = 600  # characters before and after a mention searched for its sentence ends


def _hand_homonym(spellings: set[str], year: int, near: str, coord: Coordinate, modern: str,
                  province: str, prefix: str) -> tuple[Coordinate, str, str, str]:
    """A hand-gazetteer place written in a spelling (pinyin, or Wade–Giles read as pinyin)
    that CHGIS gives several seats in ``year`` ("Hua-hsien" in 1851: 滑縣 in Henan, 花縣 in
    Guangdong) is one reading among several: the unit in the province written or named near
    the mention (``near``) when that is another province, else the hand row's reading; either
    way a homonym choice (``basis``: medium certainty, PLACE_HOMONYM_CHOSEN). Unchanged when
    every spelling the text used had one seat that year, or is a conventional name no CHGIS
    unit bears ("Canton")."""
    name, seats = "", []
    for spelled in sorted(spellings):
        for reading in (spelled, wg_name_to_pinyin(spelled)):
            found = historical_seats(reading, year) if reading else []
            if len(found) > len(seats):
                name, seats = reading, found
    if len(seats) < 2:
        return coord, modern, province, prefix
    if near and near not in province.split("|"):
        other = geocode_historical(name, year, near, strict=True)
        if other is not None:
            why = f"{len(seats)} seats of that name in {year}: the one in {near}, named near it"
            return replace(other, basis=why), "", near, "name"
    why = (f"{len(seats)} seats of that name in {year}: the bundled gazetteer's "
           f"({province or 'its'}) reading")
    return replace(coord, basis=why), modern, province, prefix


_GUESS_WORDS = {
    "nearest": "the homonym nearest the document's other places",
    "other-years": "the one seat of that name in other years than the running year",
    "nearest-year": "the unit of that name nearest in time (none in use that year)",
    "outside-hint": "a place of that name outside the province named near it",
    "feature": "the county named after the mountain or pass",
    "qualified": "the region the name qualifies (a direction word before it)",
}


def _guess_basis(coord: Coordinate) -> str:
    """Why a second-pass coordinate was taken (a guess)."""
    tags = [_GUESS_WORDS[t] for t in coord.source.split(":") if t in _GUESS_WORDS]
    if "nearest-year" in coord.source.split(":") and coord.basis:
        tags.append(coord.basis)  # which unit, and its years
    return "; ".join(tags) or ("a town of that name in GeoNames (Taiwan, which cpca lacks) "
                               "near the document's other places")


def _certainty(coord: Coordinate | None, second: bool) -> str:
    """high | medium | low for a coordinate ("" for none): second-pass results and guess tags
    are low; a choice among homonyms (``coord.basis``) is medium; anything else high."""
    if coord is None:
        return ""
    if second or set(coord.source.split(":")) & set(_GUESS_WORDS):
        return "low"
    return "medium" if coord.basis else "high"


def _row(name: str, modern: str, relation: str, province: str, coord: Coordinate | None,
         prefix: str, offsets: Sequence[int], years: Sequence[int], *,
         second: bool = False) -> PlaceRow:
    coord_source = ""
    if coord is not None:
        coord_source = f"{prefix}:{coord.source}" + (
            f":{coord.precision}" if coord.precision not in coord.source.split(":") else "")
        province = province or coord.province
    return PlaceRow(
        doc_id="", place=name, modern=modern, relation=relation, province=province,
        latitude=coord.latitude if coord else None,
        longitude=coord.longitude if coord else None, coord_source=coord_source,
        certainty=_certainty(coord, second),
        mentions=len(offsets), first_year=min(years) if years else None,
        last_year=max(years) if years else None)
