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
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

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
