"""Hand-gazetteer readings that follow the document's dates.

``places.csv`` reads a name as one place whatever the text's years: "Lin'an" is Hangzhou, the
Southern Song capital 臨安府. CHGIS (``historical_places.csv``) dates that reading: 臨安府 is
a unit of 1129-1277, while 臨安縣, the county west of Hangzhou, bore the name from 688. So
a hand reading is checked against the running year of its first mention: when CHGIS has units
of the name with the hand entry's characters (``zh`` of ``places.csv``) at the hand point
(within ``AT_POINT`` degrees), none of them in use within ``HAND_SLACK`` years of that year
(a text may write a capital's name a little early), and a unit of those
characters at another seat comes strictly nearer in time (by ``WINDOW_YEARS`` at most), the
row moves to that unit: certainty ``medium`` when it is in use that year ("buried in Lin'an"
in 878: 臨安縣), ``low`` when it is only the nearest in time (warning
``PLACE_HOMONYM_CHOSEN`` / ``PLACE_COORDINATE_GUESSED``). Only settlements count: a
hand point of a region or river (``place_coordinates.csv``, "Jinghu") and CHGIS's circuits and
branch secretariats are left out. A hand entry CHGIS does not date
at its point, or without characters, a current name ("Beijing") and a name the text writes
by another spelling ("Dadu") stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import _read, name_key
from pipeline.places.historical import (
    _REGION_KINDS,
    HISTORICAL_SOURCE,
    HistoricalUnit,
    unit_rank,
)
from pipeline.places.seats import WINDOW_YEARS, _units
from pipeline.records import PlaceRow
from pipeline.resources import active_gazetteer_dir

AT_POINT = 0.2  # degrees: a CHGIS seat this near the hand point is the hand reading's unit
HAND_SLACK = 50  # years: a text this near the hand reading's years may use its name early


@lru_cache(maxsize=2)
def hand_characters(gazetteer: Path | None = None) -> dict[str, str]:
    """canonical -> characters (``zh``) of the ``places.csv`` rows of ``gazetteer`` (None: the
    active gazetteer) that give them."""
    path = (gazetteer or active_gazetteer_dir()) / "places.csv"
    return {r["canonical"]: r["zh"].strip() for r in (_read(path) if path.is_file() else [])
            if r.get("zh", "").strip()}


def _gap(unit: HistoricalUnit, year: int) -> int:
    return max(unit.start_year - year, year - unit.end_year, 0)


def _near(unit: HistoricalUnit, lat: float, lon: float) -> bool:
    return abs(unit.latitude - lat) <= AT_POINT and abs(unit.longitude - lon) <= AT_POINT


def dated_reading(place: str, zh: str, lat: float, lon: float, year: int
                  ) -> HistoricalUnit | None:
    """The CHGIS unit of ``place`` (characters starting with ``zh``) the running ``year``
    reads the name as, when the hand reading at (``lat``, ``lon``) is a unit CHGIS dates to
    other years (see the module docstring); else None."""
    units = [u for u in _units(place) if zh and u.zh.startswith(zh)
             and u.kind not in _REGION_KINDS]  # settlements: a circuit is no dated seat
    here = [u for u in units if _near(u, lat, lon)]
    if not here or any(_gap(u, year) <= HAND_SLACK for u in here):
        return None  # "fled to Lin'an" in 1127, two years before 杭州 took that name
    others = [u for u in units if not _near(u, lat, lon) and _gap(u, year) <= WINDOW_YEARS]
    if not others:
        return None
    best = min(_gap(u, year) for u in others)
    if best >= min(_gap(u, year) for u in here):
        return None
    nearest = [u for u in others if _gap(u, year) == best]
    if any(abs(u.latitude - nearest[0].latitude) > AT_POINT
           or abs(u.longitude - nearest[0].longitude) > AT_POINT for u in nearest):
        return None  # two seats as near in time: the years do not decide
    return min(nearest, key=lambda u: (unit_rank(u), u.tgaz_id))


def follow_dated_readings(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                          year_at: Callable[[int], int | None],
                          surfaces: Mapping[str, set[str]] | None = None
                          ) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with every hand-gazetteer row (``coord_source`` "gazetteer:…") moved to the
    unit :func:`dated_reading` gives for the running year of its first mention, and
    {row index: why} for them. Only a name the text writes as such (``surfaces``: place ->
    spellings; "Dadu" is read as Beijing, but is no spelling of 北京路) and whose hand reading
    is no current place of that name (a text may write "Beijing" for Dadu: a current name is
    no dated one) is moved. The input is not changed."""
    out = list(rows)
    why: dict[int, str] = {}
    characters = hand_characters()
    for i, row in enumerate(rows):
        if row.latitude is None or not row.coord_source.startswith("gazetteer:") \
                or row.coord_source.startswith("gazetteer:hand") \
                or row.place not in characters or not mentions.get(row.place) \
                or name_key(row.modern) == name_key(row.place) \
                or (surfaces is not None and name_key(row.place) not in
                    {name_key(s) for s in surfaces.get(row.place, ())}):
            continue
        year = year_at(mentions[row.place][0])
        if year is None:
            continue
        unit = dated_reading(row.place, characters[row.place], row.latitude,
                             row.longitude or 0.0, year)
        if unit is None:
            continue
        level = "county" if unit_rank(unit) == 2 else "prefecture"
        in_use = _gap(unit, year) == 0
        source = f"name:{HISTORICAL_SOURCE}:{unit.kind.replace(' ', '-')}:{unit.tgaz_id}"
        out[i] = replace(row, latitude=unit.latitude, longitude=unit.longitude, modern="",
                         province=unit.province, certainty="medium" if in_use else "low",
                         coord_source=f"{source}:dated" if level in source.split(":")
                         else f"{source}:{level}:dated")
        why[i] = (f"the bundled gazetteer reads {row.place} as {row.modern or '?'}, a name CHGIS "
                  f"gives that seat in other years than {year}; "
                  f"{unit.zh} ({unit.province or '?'}, {unit.start_year}-{unit.end_year}) "
                  + ("bore it then" if in_use else "is the unit of that name nearest in time"))
    return out, why
