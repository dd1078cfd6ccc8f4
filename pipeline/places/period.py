"""Current namesakes that do not fit the text: a row placed only because its name is a current
county, district or city (``coord_source`` ``name:cpca…``, not a gloss, not the hand
gazetteer) is checked against the text's context before it may stay certain.

Only rows whose written name is the current name count, with or without a unit word after it
("Shule City": the current Shule; "Amoy" -> Xiamen is an old spelling a table maps to the
current city: that mapping is the evidence), and not a name written after a gloss marker
("near present-day Chibi": the text itself names the current place).

* **Feature read from the verb.** A name written after a crossing word and "the" ("crossed
  the Tianshan", "over the Qinling": the ``crossing`` rows of ``place_gloss_words.csv``) is a
  mountain range or a river, never the current district of that name: the row loses its
  coordinates.
* **The name's period.** With a running year before the end of CHGIS (1911), CHGIS
  (``historical_places.csv``) must know a unit of that name (as written, read from
  Wade–Giles, or the current name) at that seat (within ``SEAT_SPREAD`` degrees) begun by
  the text's year (``PERIOD_SLACK`` years later at most; a unit begun after the year but
  within the slack leaves the row ``medium`` at most: "Yuanqu" in 875, 垣曲 from 960, may
  be a namesake such as 冤句 of Caozhou). A unit known only from CHGIS's
  1820 layer (the earlier layers are incomplete: 濟源縣 is Sui, CHGIS has it from 1820) makes
  the row ``medium`` at most; a unit CHGIS dates from a later year before 1820 is no such
  proof (梧州 of Guangxi from 621 for "the Wuzhou pass" of 133 BC, by Mayi in Shanxi).
  Without one, the current place may be a later creation that took an old name (龍城區 of
  1995 for the Xiongnu Longcheng; 葉城縣 of 1902 for 鄴城): the row becomes ``low`` (a
  guess; warning ``PLACE_COORDINATE_GUESSED``)
  — and, when it also lies farther than ``OUTLIER_REACH`` degrees from every other place the
  text locates in its sentence, else paragraph, else anywhere, it loses its coordinates
  (warning ``PLACE_CANDIDATE_REJECTED``): a blank is better than a wrong point.
  A unit there that ended more than ``PERIOD_SLACK`` years before the text's year (and
  none later: "Meishan" in 1644, 眉山縣 976-1282, while the text's Meishan is Beijing's Coal
  Hill) leaves the row ``medium`` at most: the name was not in use there at the text's date
  (unless the text writes the row's province right after it: "Xuchang, Henan" in 1866).

:func:`check_namesakes` returns the rows, {row index: why} for the rows made low, and
{row index: why} for the rows left blank.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.places.base import (
    _SUFFIX_WORDS,
    GAZETTEER,
    _read,
    load_gloss_lexicon,
    name_key,
    province_named,
)
from pipeline.places.historical import load_historical_units
from pipeline.places.seats import SEAT_SPREAD, _neighbours
from pipeline.records import PlaceRow

CHGIS_END = 1911  # CHGIS's last time slice: later texts may use any current name
PERIOD_SLACK = 100  # years: a unit begun this soon after the text's year still fits it
SNAPSHOT_1820 = 1820  # CHGIS's 1820 layer: a unit known from it is old, its start unknown
OUTLIER_REACH = 6.0  # degrees from every other located place of the text: not this place


@lru_cache(maxsize=2)
def crossing_words(gazetteer: Path = GAZETTEER) -> tuple[str, ...]:
    """The ``crossing`` phrases of ``place_gloss_words.csv`` ("crossed", "across"), lower
    case, longest first."""
    found = {r["phrase"].lower() for r in _read(gazetteer / "place_gloss_words.csv")
             if r["kind"] == "crossing"}
    return tuple(sorted(found, key=len, reverse=True))


def crossed(text: str, start: int, words: Sequence[str] | None = None) -> str:
    """The crossing phrase written right before "the" and the mention at ``start`` ("crossed
    the Tianshan" -> "crossed"), else ""."""
    before = text[max(0, start - 40):start].lower()
    match = re.search(r"([a-z][a-z ]*?)\s+the\s+$", before)
    if not match:
        return ""
    head = " " + match.group(1)
    return next((w for w in (words or crossing_words()) if head.endswith(" " + w)), "")


def _by_current_name(row: PlaceRow) -> bool:
    """A row placed because its name as written is a current place's name: not an older
    spelling the tables map to one ("Amoy" -> Xiamen, "Mukden" -> Shenyang: the mapping is
    the evidence), not a province."""
    parts = row.coord_source.split(":")
    return row.latitude is not None and row.longitude is not None and parts[0] == "name" \
        and len(parts) > 1 and parts[1].startswith("cpca") and "province" not in parts \
        and row.certainty != "low" and name_key(row.modern or row.place) in (
            name_key(row.place), name_key(_SUFFIX_WORDS.sub("", row.place)))


def period_fits(names: Sequence[str], year: int, latitude: float, longitude: float) -> bool:
    """Whether CHGIS knows a unit of one of ``names`` at (``latitude``, ``longitude``) (within
    ``SEAT_SPREAD``) begun by ``year`` + ``PERIOD_SLACK``."""
    return _first_year_at(names, latitude, longitude) <= year + PERIOD_SLACK


_WORD = re.compile(r"[A-Z][a-z]+")


def _province_after(text: str, start: int, row: PlaceRow) -> bool:
    """Whether the row's own province is written right after its mention at ``start``
    ("Xuchang, Henan"; "Xuchang in Honan"): the text itself places the name there."""
    after = text[start + len(row.place):start + len(row.place) + 16]
    m = re.match(r",?\s+(?:in\s+)?", after)
    word = _WORD.match(after, m.end()) if m else None
    return bool(word and row.province and province_named(word.group()) == row.province)


def _last_year_at(names: Sequence[str], latitude: float, longitude: float) -> int:
    """The latest end year of a CHGIS unit of one of ``names`` at that seat (a large number
    when there is none: no proof of an end)."""
    units = load_historical_units()
    return max((unit.end_year for name in names if name
                for unit in units.get(name_key(name), ())
                if abs(unit.latitude - latitude) <= SEAT_SPREAD
                and abs(unit.longitude - longitude) <= SEAT_SPREAD), default=10_000)


def _first_year_at(names: Sequence[str], latitude: float, longitude: float) -> int:
    """The earliest start year of a CHGIS unit of one of ``names`` at that seat (a large
    number when there is none)."""
    units = load_historical_units()
    return min((unit.start_year for name in names if name
                for unit in units.get(name_key(name), ())
                if abs(unit.latitude - latitude) <= SEAT_SPREAD
                and abs(unit.longitude - longitude) <= SEAT_SPREAD), default=10_000)


def _modern_marked(text: str, start: int) -> bool:
    """Whether a gloss marker of ``place_gloss_words.csv`` ("present-day", "modern", "today's")
    is written right before the mention at ``start``."""
    before = " ".join(text[max(0, start - 30):start].lower().split())
    return any(before.endswith(" " + m) or before == m for m in load_gloss_lexicon().markers)


def _blank(row: PlaceRow) -> PlaceRow:
    return replace(row, modern="", province="", latitude=None, longitude=None,
                   coord_source="", certainty="")


def check_namesakes(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                    year_at: Callable[[int], int | None], text: str = ""
                    ) -> tuple[list[PlaceRow], dict[int, str], dict[int, str]]:
    """(rows, {index: why made low}, {index: why left blank}) as the module docstring says.
    ``mentions``: place -> offsets of its mentions into ``text`` ("" reads no crossing word
    and counts the whole document as one paragraph); ``year_at``: offset -> running year or
    None. The input is not changed."""
    out = list(rows)
    lowered: dict[int, str] = {}
    blanked: dict[int, str] = {}
    for i, row in enumerate(rows):
        if not _by_current_name(row) or row.place not in mentions:
            continue
        offsets = mentions[row.place]
        verb = next((v for v in (crossed(text, o) for o in offsets) if v), "") if text else ""
        if verb:
            out[i] = _blank(row)
            blanked[i] = (f"'{verb} the {row.place}': a mountain range or river, not the "
                          f"current {row.modern or row.place} ({row.province or '?'})")
            continue
        if text and any(_modern_marked(text, o) for o in offsets):
            continue  # "near present-day Chibi": the text itself names the current place
        year = year_at(offsets[0])
        lat, lon = row.latitude or 0.0, row.longitude or 0.0
        names = list(dict.fromkeys((row.place, wg_name_to_pinyin(row.place), row.modern)))
        if year is None or year > CHGIS_END:
            continue
        first = _first_year_at(names, lat, lon)
        if first <= year + PERIOD_SLACK:  # period_fits
            last = _last_year_at(names, lat, lon)
            if first <= year and last < year - PERIOD_SLACK and row.certainty == "high" \
                    and not any(_province_after(text, o, row) for o in offsets):
                out[i] = replace(row, certainty="medium")  # "Meishan" (眉山縣 976-1282) in 1644
                lowered[i] = (f"the current {row.modern or row.place} ({row.province or '?'}); "
                              f"CHGIS knows a unit of that name there only until {last}, "
                              f"{year - last} years before the text's year {year}: the text "
                              "may mean another place of that name")
                continue
            if first > year and row.certainty == "high":  # fits only by the slack: no proof
                out[i] = replace(row, certainty="medium")
                lowered[i] = (f"the current {row.modern or row.place} ({row.province or '?'}); "
                              f"CHGIS knows a unit of that name there only from {first}, "
                              f"after the text's year {year}")
            continue
        if first == SNAPSHOT_1820:  # known only from the 1820 layer (incomplete before): no proof
            if row.certainty == "high":
                out[i] = replace(row, certainty="medium")
                lowered[i] = (f"the current {row.modern or row.place} ({row.province or '?'}); "
                              f"CHGIS knows a unit of that name there only from {first} (its "
                              f"layers before 1820 are incomplete), not by {year}")
            continue
        what = (f"the current {row.modern or row.place} ({row.province or '?'}), but CHGIS "
                f"knows no unit of that name there by {year}: the name may be later than the "
                "text's date")
        points, where = _neighbours(rows, i, mentions, text, offsets[0])
        far = min((math.hypot(lat - a, lon - b) for a, b in points), default=0.0)
        if points and far > OUTLIER_REACH:
            out[i] = _blank(row)
            blanked[i] = (f"{what}, and it lies {far:.0f} degrees from every place located in "
                          f"its {where}")
            continue
        out[i] = replace(row, certainty="low")
        lowered[i] = what
    return out, lowered, blanked
