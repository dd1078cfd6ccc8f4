"""Where a place row stands among the others: the sentence and paragraph of a mention, the
located rows around it (:func:`_neighbours`, trusted ones only on request), the CHGIS units
of a name and its other seats in neighbouring centuries (:func:`other_seats`), and whether a
row is itself a guess (:func:`doubtful`). Used by :mod:`pipeline.places.homonyms` and the
passes after it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import _SUFFIX_WORDS, name_key
from pipeline.places.historical import (
    HISTORICAL_SOURCE,
    HistoricalUnit,
    load_historical_units,
    unit_rank,
)
from pipeline.places.locate import anchor_of
from pipeline.records import PlaceRow
from pipeline.resources import active_gazetteer_dir

SEAT_SPREAD = 0.5  # degrees: units closer than this share a seat
WINDOW_YEARS = 300  # other seats of a name this close in time make a one-seat pick a guess
MOVED_YEARS = 30  # a seat of the same Chinese name this close in time: the name had moved
MOVED_SPREAD = 1.5  # degrees: ... and this far away (靈武郡 0.8° from 靈武縣 is the same place)
NAMESAKE_SPREAD = 5.0  # degrees: a seat of the same Chinese name this far is another place
NAMESAKE_YEARS = 100  # ... when its years come this close to the running year
REACH = 6.0  # degrees: neighbours farther than this from every seat decide nothing


def _paragraph_of(text: str, offset: int) -> tuple[int, int]:
    lo = text.rfind("\n\n", 0, offset)
    hi = text.find("\n\n", offset)
    return (lo + 1 if lo >= 0 else 0), (hi if hi >= 0 else len(text))


def _units(name: str) -> tuple[HistoricalUnit, ...]:
    """CHGIS units of ``name``; a written "County" keeps counties, "Prefecture" or "City" the
    units above them (as :func:`geocode_historical` reads them)."""
    units = load_historical_units().get(name_key(_SUFFIX_WORDS.sub("", name.strip())), ())
    suffix = _SUFFIX_WORDS.search(name.strip())
    word = suffix.group(1).lower() if suffix else ""
    if word == "county":
        return tuple(u for u in units if unit_rank(u) == 2)
    if word in ("prefecture", "city"):
        return tuple(u for u in units if unit_rank(u) != 2)
    return units


SAME_POINT = 0.05  # degrees: CHGIS units this close share one seat point


def higher_unit_at(latitude: float, longitude: float, year: int) -> HistoricalUnit | None:
    """A CHGIS unit above county level (commandery, prefecture, circuit, regime: rank 1 of
    :func:`unit_rank`) in use in ``year`` whose seat is the point (``latitude``,
    ``longitude``) (within ``SAME_POINT`` degrees), the earliest tgaz id; None when the point
    seats only counties that year (長安 in 101 BC seats 京兆尹 and the other capital
    commanderies; 昌安縣 of Shandong nothing above itself)."""
    found = [u for u in _rank_one_at(active_gazetteer_dir(), round(latitude, 1),
                                     round(longitude, 1))
             if u.start_year <= year <= u.end_year
             and abs(u.latitude - latitude) <= SAME_POINT
             and abs(u.longitude - longitude) <= SAME_POINT]
    return min(found, key=lambda u: u.tgaz_id) if found else None


@lru_cache(maxsize=4096)
def _rank_one_at(gazetteer: Path, lat: float, lon: float) -> tuple[HistoricalUnit, ...]:
    """Rank-1 CHGIS units of ``gazetteer`` seated within 0.1 degree of (``lat``, ``lon``)."""
    index = _rank_one_index(gazetteer)
    return tuple(u for a in (-1, 0, 1) for b in (-1, 0, 1)
                 for u in index.get((round(lat + a / 10, 1), round(lon + b / 10, 1)), ()))


@lru_cache(maxsize=2)
def _rank_one_index(gazetteer: Path) -> dict[tuple[float, float], list[HistoricalUnit]]:
    """Rank-1 CHGIS units of ``gazetteer`` by seat point rounded to 0.1 degree."""
    units = load_historical_units(gazetteer)
    index: dict[tuple[float, float], list[HistoricalUnit]] = {}
    for key in units:
        for u in units[key]:
            if unit_rank(u) == 1:
                index.setdefault((round(u.latitude, 1), round(u.longitude, 1)), []).append(u)
    return index


def _far(lat: float, lon: float, unit: HistoricalUnit) -> bool:
    return abs(unit.latitude - lat) > SEAT_SPREAD or abs(unit.longitude - lon) > SEAT_SPREAD


def other_seats(name: str, year: int, latitude: float, longitude: float,
                window: int = WINDOW_YEARS, zh: str = "", moved: int = 0,
                namesakes: bool = True) -> list[HistoricalUnit]:
    """CHGIS units named ``name`` whose seat lies away from (``latitude``, ``longitude``)
    (more than ``SEAT_SPREAD`` degrees) and whose years come within ``window`` years of
    ``year``: one per seat, earliest first. ``zh``: the Chinese name of the unit chosen; units
    whose name begins with the same two characters are the same name at another level or
    seat (靈武縣, 靈武郡), no homonym, and are left out, unless their years come within
    ``moved`` years of ``year`` and their seat lies more than ``MOVED_SPREAD`` degrees away:
    a seat the name had just left or was about to take (定襄郡 in Inner Mongolia until 617,
    定襄縣 in Shanxi from 621) may be the one a text of 630 means. A unit of the same Chinese
    name whose seat lies more than ``NAMESAKE_SPREAD`` degrees away and whose years come within
    ``NAMESAKE_YEARS`` of ``year`` is another place that bears the name (廣寧縣 of Guangdong,
    1559-, and of Liaoning, 1664-: a text of 1622 may mean either); ``namesakes`` False leaves
    them out (such seats are many: they may move a pick the text's places decide, but do not
    alone make it a guess)."""
    out: list[HistoricalUnit] = []
    for unit in sorted(_units(name), key=lambda u: (u.start_year, u.tgaz_id)):
        apart = max(abs(unit.latitude - latitude), abs(unit.longitude - longitude))
        namesake = namesakes and apart > NAMESAKE_SPREAD \
            and unit.start_year - NAMESAKE_YEARS <= year <= unit.end_year + NAMESAKE_YEARS
        same = zh and unit.zh[:2] == zh[:2] and not namesake and not (
            unit.start_year - moved <= year <= unit.end_year + moved and apart > MOVED_SPREAD)
        if unit.start_year - window <= year <= unit.end_year + window \
                and not same \
                and _far(latitude, longitude, unit) \
                and all(_far(u.latitude, u.longitude, unit) for u in out):
            out.append(unit)
    return out


def doubtful(row: PlaceRow, year: int) -> bool:
    """A row that is itself a guess or a pick among homonyms: certainty below high, or
    placed by its name alone at a CHGIS unit whose name had other seats within
    ``WINDOW_YEARS`` of ``year`` (:func:`other_seats`; "Huanzhou" in 986: 環州 of Guangxi, the
    one unit in use, while 寰州 of Shanxi is not in the table). Such a row does not guide the
    choice of another homonym."""
    if row.certainty != "high" or row.latitude is None:
        return True
    parts = row.coord_source.split(":")
    if parts[0] != "name" or HISTORICAL_SOURCE not in parts:
        return False
    zh = next((u.zh for u in _units(row.place) if u.tgaz_id in parts), "")
    return bool(other_seats(row.place, year, row.latitude, row.longitude or 0.0, zh=zh))


def _neighbours(rows: Sequence[PlaceRow], i: int, mentions: Mapping[str, Sequence[int]],
                text: str, offset: int, trusted: int | None = None
                ) -> tuple[list[tuple[float, float]], str]:
    """(points, "sentence" | "paragraph" | "text") of the other rows located at county or
    prefecture level in China with a mention in the sentence of ``offset``, else in its
    paragraph, else anywhere in the text. ``trusted`` (a year): only rows not
    :func:`doubtful` in that year (a guess does not guide another: "Yingzhou and Huanzhou
    surrendered", Huanzhou itself a homonym placed in Guangxi)."""
    located = [r for j, r in enumerate(rows) if j != i and _guides(r)
               and (trusted is None or not doubtful(r, trusted))]
    spans: list[tuple[str, int, int]] = []
    if text:
        lo, hi = _paragraph_of(text, offset)
        s_lo, s_hi = _sentence_bounds(text, offset, lo, hi)
        spans = [("sentence", s_lo, s_hi), ("paragraph", lo, hi)]
    for where, a, b in spans:
        near = [(r.latitude or 0.0, r.longitude or 0.0) for r in located
                if any(a <= o < b for o in mentions.get(r.place, ()))]
        if near:
            return near, where
    return [(r.latitude or 0.0, r.longitude or 0.0) for r in located], "text"


def _guides(row: PlaceRow) -> bool:
    """A located row whose point can guide a homonym: a county or prefecture in China
    (:func:`anchor_of`), or a city (at home or abroad: a gloss, GeoNames; Thang Long,
    "now Ha Noi": the Song prefectures of the Lý–Song war lie by it, not in Gansu). Countries
    and regions abroad are too coarse a point."""
    if anchor_of([row]) is not None:
        return True
    return row.latitude is not None and row.longitude is not None \
        and row.coord_source.split(":")[-1] == "city"


def _sentence_bounds(text: str, offset: int, lo: int, hi: int) -> tuple[int, int]:
    """(start, end) of the sentence of ``offset`` inside the paragraph ``lo``..``hi``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, lo, hi)]
    return (max([e for e in ends if e <= offset], default=lo),
            min([e for e in ends if e > offset], default=hi))


_SENTENCE_END = re.compile(r"[.!?。](?=\s)")
