"""Certainty of place rows: why a coordinate is a choice among homonyms or a guess (its
``basis``), the certainty that gives (high | medium | low), the PlaceRow itself, and the
``PLACE_HOMONYM_CHOSEN`` / ``PLACE_COORDINATE_GUESSED`` warnings; also the homonym check of
hand-gazetteer places against CHGIS (:func:`_hand_homonym`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.places.base import Coordinate
from pipeline.places.historical import geocode_historical
from pipeline.places.seats_in_use import historical_seats
from pipeline.records import PlaceRow, WarningRow


def _hand_homonym(spellings: set[str], year: int, near: str, coord: Coordinate, modern: str,
                  province: str, prefix: str, named: Sequence[str] = (),
                  ) -> tuple[Coordinate, str, str, str]:
    """A hand-gazetteer place written in a spelling (pinyin, or Wade–Giles read as pinyin)
    that CHGIS gives several seats in ``year`` ("Hua-hsien" in 1851: 滑縣 in Henan, 花縣 in
    Guangdong) is one reading among several: the unit in the province written or named near
    the mention (``near``) when that is another province, else the hand row's reading; either
    way a homonym choice (``basis``: medium certainty, PLACE_HOMONYM_CHOSEN). Unchanged when
    every spelling the text used had one seat that year, or is a conventional name no CHGIS
    unit bears ("Canton"). The hand row's own point counts as a seat when it lies away (over
    0.5 degrees) from every CHGIS seat in use ("Qinzhou" in 1075: 秦州 of the hand row, 欽州
    of Guangxi in CHGIS). With no province near the mention, the provinces the document names
    elsewhere (``named``) choose when exactly one of them holds a seat ("Qinzhou" of 1885 in
    a text naming Guangdong: 欽州, not the hand row's 秦州)."""
    name, seats = "", []
    for spelled in sorted(spellings):
        for reading in (spelled, wg_name_to_pinyin(spelled)):
            found = historical_seats(reading, year) if reading else []
            if len(found) > len(seats):
                name, seats = reading, found
    if coord.latitude is not None and coord.longitude is not None and seats and all(
            abs(a - coord.latitude) > 0.5 or abs(b - coord.longitude) > 0.5 for a, b in seats):
        seats = [*seats, (coord.latitude, coord.longitude)]  # "Qinzhou" in 1075: CHGIS has
        # only 欽州 of Guangxi in use, the hand row reads 秦州 (Tianshui): two seats
    if len(seats) < 2:
        return coord, modern, province, prefix
    if near and near not in province.split("|"):
        other = geocode_historical(name, year, near, strict=True)
        if other is not None:
            why = f"{len(seats)} seats of that name in {year}: the one in {near}, named near it"
            return replace(other, basis=why), "", near, "name"
    if not near:  # no province near it: the one province of the document that has a seat
        found = {p: c for p in dict.fromkeys(named) if p not in province.split("|")
                 for c in [geocode_historical(name, year, p, strict=True)] if c is not None
                 and not (c.precision == "county" and coord.precision != "county")}
        # a county of a province named far from the mention does not replace a prefecture
        # or capital of the hand row ("Nanjing" in a text naming Fujian: not 南靖縣)
        if len(found) == 1:
            (where, other), = found.items()
            why = (f"{len(seats)} seats of that name in {year}: the one in {where}, the "
                   "province the document names")
            return replace(other, basis=why), "", where, "name"
    why = (f"{len(seats)} seats of that name in {year}: {HAND_PICK} "
           f"({province or 'its'}) reading")
    return replace(coord, basis=why), modern, province, prefix


HAND_PICK = "the bundled gazetteer's"  # basis of a hand-row reading among CHGIS homonyms

_GUESS_WORDS = {
    "nearest": "the homonym nearest the document's other places",
    "other-years": "the one seat of that name in other years than the running year",
    "nearest-year": "the unit of that name nearest in time (none in use that year)",
    "outside-hint": "a place of that name outside the province named near it",
    "feature": "the county named after the mountain or pass",
    "qualified": "the region the name qualifies (a direction word before it)",
    "old-spelling": "the one place a pinyin reading of the spelling finds near the "
                    "document's other places",
}


def _guess_basis(coord: Coordinate) -> str:
    """Why a second-pass coordinate was taken (a guess)."""
    tags = [_GUESS_WORDS[t] for t in coord.source.split(":") if t in _GUESS_WORDS]
    if {"nearest-year", "old-spelling"} & set(coord.source.split(":")) and coord.basis:
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


def _warnings(rows: Sequence[PlaceRow], basis: Mapping[int, str],
              mentions: Mapping[str, Sequence[int]], ends: Mapping[int, int]
              ) -> list[WarningRow]:
    """One warning per row with a ``basis`` (row index -> why its coordinate was chosen):
    ``PLACE_COORDINATE_GUESSED`` for a low-certainty row, else ``PLACE_HOMONYM_CHOSEN``;
    ``doc_id`` "", offsets of the place's first mention (``mentions``: place -> offsets;
    ``ends``: mention start -> end)."""
    warnings = []
    for i, why in sorted(basis.items()):
        row = rows[i]
        start = mentions[row.place][0]
        code = "PLACE_COORDINATE_GUESSED" if row.certainty == "low" else "PLACE_HOMONYM_CHOSEN"
        warnings.append(WarningRow(
            "", start, ends.get(start, start), code,
            f"{row.place!r} placed at {row.modern or row.province or 'a point'} "
            f"({row.latitude}, {row.longitude}), certainty {row.certainty}: {why}"))
    return warnings
