"""A place located far from every other place of its text: a reading in doubt.

A name with one match in the tables is placed with certainty high, but the match may be a
namesake of another region: "Guihua" (歸化, Hohhot) of a text on the Dzungar wars matched only
a county of Fujian. A text's places cluster in one theatre; :func:`far_from_text` lowers to
medium a high-certainty row whose point lies more than ``FAR_KM`` from the point of every
other located place of the text (at least ``MIN_OTHERS`` of them), if it is a county, town
or prefecture of China's tables (CHGIS, cpca; a country or a world place may lie far), and
gives the reason as its basis (a ``PLACE_HOMONYM_CHOSEN`` warning: the coordinate is one
reading, in doubt). The
coordinates stay: a far place may be right (a mission to Japan), but it is no longer certain.

:func:`current_namesakes`: a current county or city of China taken by its name alone
(``coord_source`` ``name:cpca...:county|prefecture``, certainty high) whose name CHGIS gives
to seats more than ``NAMESAKE_SPREAD`` degrees away within ``WINDOW_YEARS`` of the running
year ("Ningyuan city" in 1623: the current Ningyuan of Hunan, while 寧遠 is also a seat of
Gansu, Yunnan and, from 1664, Liaoning) is one reading of a homonym: medium, with the other
seats in its basis. Only a name written as the current one counts (with or without its unit
word; "Foochow" -> Fuzhou: an old spelling the tables map is evidence). Unchanged when CHGIS
confirms the reading: a unit of the name in use that
year sits at the current place and none in use elsewhere ("Luoyang" in 249).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.places.base import _SUFFIX_WORDS, _in_china, name_key
from pipeline.places.seats import NAMESAKE_SPREAD, SEAT_SPREAD, WINDOW_YEARS, _units, other_seats
from pipeline.records import PlaceRow

#: kilometres from every other place of the text beyond which a place is in doubt
FAR_KM = 1400.0
#: other located places a text needs for the check
MIN_OTHERS = 2
#: coordinate sources of the readings checked: a county or town of China's tables matched by
#: name (a country, a province, a point of the world tables is far by nature)
_CHECKED = ("chgis", "cpca")
_LEVELS = ("county", "prefecture", "town", "city", "district")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between (lat, lon) points in degrees."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(
        (lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def far_from_text(rows: Sequence[PlaceRow]) -> tuple[list[PlaceRow], dict[int, str]]:
    """(rows, basis): ``rows`` with each high-certainty row far from all the others lowered
    to medium; ``basis``: row index -> why, for the warning."""
    points = [(i, (r.latitude, r.longitude)) for i, r in enumerate(rows)
              if r.latitude is not None and r.longitude is not None]
    out = list(rows)
    basis: dict[int, str] = {}
    if len(points) <= MIN_OTHERS:
        return out, basis
    for i, p in points:
        parts = rows[i].coord_source.split(":")
        if rows[i].certainty != "high" or len(parts) < 3 or not any(
                c in parts[1] for c in _CHECKED) or parts[2] not in _LEVELS:
            continue
        if any(_km(p, q) <= FAR_KM for j, q in points if j != i):
            continue  # near another place (most rows: the first near one ends the scan)
        near = min(_km(p, q) for j, q in points if j != i)
        out[i] = replace(rows[i], certainty="medium")
        basis[i] = (f"the one reading the tables give lies {near:.0f} km from every other "
                    f"place of the text ({len(points) - 1} located): perhaps a namesake "
                    f"of another region")
    return out, basis


def current_namesakes(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                      year_at: Callable[[int], int | None]
                      ) -> tuple[list[PlaceRow], dict[int, str]]:
    """(rows, basis): ``rows`` with each high-certainty current namesake whose name CHGIS
    gives to other seats (module docstring) lowered to medium; ``basis``: row index -> why
    (the ``PLACE_HOMONYM_CHOSEN`` warning names up to three other seats). ``mentions``:
    place -> offsets; ``year_at``: offset -> running year (None: unchecked)."""
    out = list(rows)
    basis: dict[int, str] = {}
    for i, row in enumerate(rows):
        parts = row.coord_source.split(":")
        if row.certainty != "high" or row.latitude is None or row.longitude is None \
                or parts[0] != "name" or not parts[1].startswith("cpca") \
                or not {"county", "prefecture"} & set(parts) or "province" in parts \
                or not _in_china(row.latitude, row.longitude) or row.place not in mentions \
                or not _written_as_current(row):
            continue  # "Foochow" -> Fuzhou: the postal table's mapping is the evidence
        year = year_at(mentions[row.place][0])
        if year is None:
            continue
        lat, lon = row.latitude, row.longitude
        others: list = []
        for name in dict.fromkeys((row.place, wg_name_to_pinyin(row.place), row.modern)):
            if not name or _confirmed(name, year, lat, lon):
                continue
            others = [u for u in other_seats(name, year, lat, lon) if max(
                abs(u.latitude - lat), abs(u.longitude - lon)) > NAMESAKE_SPREAD]
            if others:
                break
        if others:
            out[i] = replace(row, certainty="medium")
            named = "; ".join(f"{u.zh} ({u.province or '?'}, {u.start_year}-{u.end_year})"
                              for u in others[:3])
            basis[i] = (f"the current {row.modern or row.place} ({row.province or '?'}) by its "
                        f"name alone, but CHGIS gives the name other seats within "
                        f"{WINDOW_YEARS} years of {year} ({named}): a homonym, the text's "
                        "region not known to decide")
    return out, basis


def _confirmed(name: str, year: int, lat: float, lon: float) -> bool:
    """CHGIS has a unit ``name`` in use in ``year`` at (``lat``, ``lon``) (within
    ``SEAT_SPREAD`` degrees) and none in use that year farther than ``NAMESAKE_SPREAD``."""
    here = [max(abs(u.latitude - lat), abs(u.longitude - lon))
            for u in _units(name) if u.start_year <= year <= u.end_year]
    return any(d <= SEAT_SPREAD for d in here) and all(d <= NAMESAKE_SPREAD for d in here)


_UNIT_ENDINGS = ("xian", "shi", "qu")  # cpca's pinyin of 县, 市, 区: "Yexian" is Ye county


def _written_as_current(row: PlaceRow) -> bool:
    """The name as written is the current place's name, with or without a unit word ("Ye
    city", "Ye" -> Yexian), not an older spelling a table maps to it ("Foochow")."""
    current = name_key(row.modern or row.place)
    written = {name_key(row.place), name_key(_SUFFIX_WORDS.sub("", row.place))}
    return current in written or any(
        current.endswith(e) and current[:-len(e)] in written for e in _UNIT_ENDINGS)
