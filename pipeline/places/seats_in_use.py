"""Which CHGIS seats a name had in a given year: the ambiguity of a name then
(:func:`historical_seats`) and whether a province's name meant prefectures elsewhere
(:func:`prefecture_not_province`). Data: CHGIS via :mod:`pipeline.places.historical`."""

from __future__ import annotations

from pipeline.places.base import _SUFFIX_WORDS, name_key
from pipeline.places.historical import load_historical_units, postal_units


def historical_seats(name: str, year: int, province: str | None = None
                     ) -> list[tuple[float, float]]:
    """Distinct seats (lat, lon) of the CHGIS units named ``name`` (or a Wade–Giles or postal
    spelling of it: :func:`postal_units`) in use in ``year`` (only
    those in ``province`` when it holds any): more than one means the name was ambiguous
    then ("Yingzhou" in 1085: 瀛州, 潁州, 郢州, 英州 ...)."""
    key = name_key(_SUFFIX_WORDS.sub("", name.strip()))
    found = [u for u in load_historical_units().get(key, ()) or postal_units(key, year)
             if u.start_year <= year <= u.end_year]
    if province:
        found = [u for u in found if u.province == province] or found
    seats: list[tuple[float, float]] = []
    for u in found:
        if not any(abs(u.latitude - a) <= 0.5 and abs(u.longitude - b) <= 0.5 for a, b in seats):
            seats.append((u.latitude, u.longitude))
    return seats


_PREFECTURE_KINDS = ("prefecture", "commandery", "independent prefecture")


def prefecture_not_province(name: str, province: str, year: int) -> bool:
    """True when ``name`` (a province's name, ``province`` the province it names) was in
    ``year`` the name of CHGIS prefecture-level units (prefecture, commandery) that all lie
    in other provinces, and of no unit inside ``province``: the name then meant those
    prefectures ("the Song prefect of Guizhou" in 1072: 桂州 or 貴州 of Guangxi, 歸州 of
    Hubei; the province Guizhou dates from 1413)."""
    units = [u for u in load_historical_units().get(name_key(name), ())
             if u.start_year <= year <= u.end_year]
    return bool(units) and all(u.province != province for u in units) \
        and any(u.kind in _PREFECTURE_KINDS for u in units)
