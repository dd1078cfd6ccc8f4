"""A place qualified by a country other than China: "the Qing army stationed in Shanxi,
Vietnam" is Sơn Tây (山西 read in Vietnamese), not the Chinese province of that name.

A row placed in China (any ``coord_source`` but ``world:``) whose mention is followed by a
comma or "in" and the name of another country (``world_places.csv`` rows of kind ``country``
or ``historical_region``, GeoNames/countryinfo and the hand rows: "Vietnam", "Korea",
"Annam") cannot be the Chinese place: the tables hold no reading of the Chinese name in that
country's language, so the row is left without coordinates and a ``PLACE_CANDIDATE_REJECTED``
warning says why (a blank is better than a point in the wrong country).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.records import PlaceRow
from pipeline.resources import active_gazetteer_dir

_KINDS = frozenset({"country", "region", "historical_region"})
_CHINA = frozenset({"CN", "TW", "HK", "MO"})
_AFTER = re.compile(r"(?:,\s*|\s+in\s+)([A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?)")


def foreign_countries(gazetteer: Path | None = None) -> frozenset[str]:
    """Names of the countries and regions abroad of ``world_places.csv`` of ``gazetteer``
    (None: the active one; kind ``country`` , ``region`` or ``historical_region``, country code not
    China's): "Vietnam", "Korea", "Annam"."""
    return _foreign_countries(gazetteer or active_gazetteer_dir())


@lru_cache(maxsize=2)
def _foreign_countries(gazetteer: Path) -> frozenset[str]:
    path = gazetteer / "world_places.csv"
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(r["name"] for r in csv.DictReader(fh)
                         if r["kind"] in _KINDS and r["country"] and r["country"] not in _CHINA)


def qualifier_after(text: str, end: int, countries: frozenset[str]) -> str:
    """The country named right after a mention ending at ``end`` (", Vietnam"; " in Korea"),
    or ""."""
    m = _AFTER.match(text, end)
    if m is None:
        return ""
    words = m.group(1)
    for cand in (words, words.split(" ")[0]):
        if cand in countries:
            return cand
    return ""


def refuse_other_country(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                         ends: Mapping[int, int], text: str,
                         ) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with the Chinese places a mention qualifies by another country left without
    coordinates, and {row index: why}. ``mentions``: place -> offsets of its mentions;
    ``ends``: mention offset -> end offset. The input is not changed."""
    out = list(rows)
    why: dict[int, str] = {}
    if not text:
        return out, why
    countries = foreign_countries()
    for i, row in enumerate(rows):
        if row.latitude is None or row.coord_source.startswith("world:"):
            continue
        for start in mentions.get(row.place, ()):
            country = qualifier_after(text, ends.get(start, start + len(row.place)), countries)
            if country:
                out[i] = replace(row, modern="", relation="", province="", latitude=None,
                                 longitude=None, coord_source="", certainty="")
                why[i] = (f"the text places it in {country}; the Chinese place of that name "
                          f"({row.province or row.modern or '?'}, {row.latitude:.2f}, "
                          f"{row.longitude:.2f}) is not it, and the tables have no reading of "
                          "the name there")
                break
    return out, why
