"""Places placed by another place of the same document: a part of a city, a circuit named
after its seat. The last geocoding pass, for rows the earlier passes left without coordinates;
every result is a guess (certainty low, a ``PLACE_COORDINATE_GUESSED`` warning) and says so in
its ``coord_source``.

* **A part of a city** — a gate, street, square, palace or hall: a name ending in a
  ``city_part`` word of ``place_gloss_words.csv`` ("Xuanwu Gate", "Chang'an Street") or written
  joined with the pinyin the word translates ("Xizhimen": -men 門, gate), also as the guard of
  a gate ("Xuanwumen Guard"). No gazetteer at hand places city gates and streets (GeoNames'
  cities, cpca and CHGIS hold none), and the name before the word is often another place
  ("Chang'an Street" is in Beijing, not Xi'an): it is put at the city (a place located at
  prefecture or city level, certainty high or medium) mentioned clearly nearest it in its
  sentence (every city at another seat named there at least ``CLEARLY`` times as far), else
  in its paragraph, else at the one city of the whole text. Otherwise no coordinate.
  Spellings of one part ("Xuanwu Gate", "Xuanwumen") share the city one of them found.
  ``coord_source``: ``within:<the city's coord_source>:city-part``; ``modern`` the city,
  relation "in", precision the city's.
* **A place written in another** — "Jianzhou Zuowei in Hetuala", where the text locates
  the second at county, prefecture or city level: the first gets its point (``within:<its
  coord_source>:in-place``, relation "in"); spellings of one guard ("Jianzhou Left Wei") and
  of one city part share it when their running years lie within ``SHARE_YEARS`` of each
  other.
* **A circuit named after its seat** — "Nanjing Road" (路), "Jingzhao Circuit" (道) before
  1912, which no CHGIS circuit row placed: when the document locates a place written with the
  name before the word ("Nanjing (now Lulong, Hebei)"; the mention nearest the circuit's in its
  sentence or paragraph, else the one seat of all of them), the circuit gets that point.
  ``coord_source``: ``within:<that place's coord_source>:circuit-seat``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.places.base import _read, name_key
from pipeline.places.garrison import garrison_parts
from pipeline.records import PlaceRow
from pipeline.resources import active_gazetteer_dir

CITY_LEVELS = frozenset({"prefecture", "city"})  # precisions of a place that holds parts
SEAT_SPREAD = 0.5  # degrees: cities closer than this are one
CLEARLY = 2  # another city's mention this many times as far leaves the nearest one chosen
LAST_CIRCUIT_YEAR = 1911  # 路/道 circuits: "X Road" after the empire is a street
_CIRCUIT = re.compile(r"^(.+?)\s+(road|circuit)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?。](?=\s)|\n")
_MIN_STEM = 3  # letters of a joined name before its pinyin ending ("Xizhi" + men)


@lru_cache(maxsize=2)
def _city_parts(gazetteer: Path) -> dict[str, str]:
    """``city_part`` rows of ``place_gloss_words.csv``: word -> pinyin ending ("gate" -> men)."""
    path = gazetteer / "place_gloss_words.csv"
    return {r["phrase"].lower(): r["value"].lower()
            for r in (_read(path) if path.is_file() else []) if r["kind"] == "city_part"}


@lru_cache(maxsize=2)
def _current_places(gazetteer: Path) -> frozenset[str]:
    """Keys of the current counties and prefecture-level cities of ``modern_places.csv``
    (cpca): a one-word name among them is a place of its own, not a part of a city."""
    from pipeline.places.modern import load_modern_places  # modern imports this module's peers
    return frozenset(k for k, places in load_modern_places(gazetteer).by_key.items()
                     if any(p.level in ("county", "prefecture") for p in places))


def city_part_key(name: str) -> str:
    """A key shared by the spellings of one city part ("Xuanwu Gate", "Xuanwumen",
    "Xuanwumen Guard" -> "xuanwumen"; "Chang'an Street" -> "changanjie"), or "" when ``name``
    names no part of a city."""
    parts = _city_parts(active_gazetteer_dir())
    guard = garrison_parts(name)
    if guard is not None and not guard[1]:
        name = guard[0]  # the guard of a gate stands at the gate
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in parts:
        stem = name_key(" ".join(words[:-1]))
        return stem + (parts[words[-1].lower()] or name_key(words[-1])) if stem else ""
    key = name_key(name)
    if len(words) == 1 and key in _current_places(active_gazetteer_dir()):
        return ""  # "Xiamen", "Jiangmen", "Jinmen": current cities, not gates (-men 門)
    if len(words) == 1 and any(v and key.endswith(v) and len(key) >= len(v) + _MIN_STEM
                               for v in parts.values()):
        return key
    return ""


def _precision(row: PlaceRow) -> str:
    parts = row.coord_source.split(":")
    return next((p for p in ("near", "county", "prefecture", "province", "region", "city")
                 if p in parts), "")


def _is_city(row: PlaceRow) -> bool:
    return row.latitude is not None and row.certainty in ("high", "medium") \
        and not row.coord_source.startswith("within:") and _precision(row) in CITY_LEVELS


def _bounds(text: str, offset: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """((sentence start, end), (paragraph start, end)) around ``offset``."""
    lo = text.rfind("\n\n", 0, offset)
    hi = text.find("\n\n", offset)
    p_lo, p_hi = (lo + 2 if lo >= 0 else 0), (hi if hi >= 0 else len(text))
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(p_lo, offset - 600), offset)]
    after = _SENTENCE_END.search(text, offset, min(p_hi, offset + 600))
    return (ends[-1] if ends else p_lo, after.start() if after else p_hi), (p_lo, p_hi)


def _one_seat(cities: Sequence[PlaceRow]) -> PlaceRow | None:
    """The first of ``cities`` when they all lie at one seat, else None."""
    if not cities:
        return None
    first = cities[0]
    return None if any(_far(c, first) for c in cities) else first


def _far(a: PlaceRow, b: PlaceRow) -> bool:
    return abs((a.latitude or 0) - (b.latitude or 0)) > SEAT_SPREAD \
        or abs((a.longitude or 0) - (b.longitude or 0)) > SEAT_SPREAD


def _nearest(offsets: Sequence[int], found: Sequence[tuple[int, PlaceRow]], text: str
             ) -> tuple[PlaceRow | None, str]:
    """(the located place mentioned clearly nearest one of ``offsets`` in its sentence, else
    its paragraph; "sentence" | "paragraph"), or (None, ""). ``found``: (mention offset, row)
    pairs. Clearly: every mention of a place at another seat in that span lies at least
    ``CLEARLY`` times as far (in characters) as the nearest."""
    if not text:
        return None, ""
    scopes = [(o, _bounds(text, o)) for o in offsets]
    for where, pick in (("sentence", 0), ("paragraph", 1)):
        best: tuple[int, PlaceRow] | None = None
        for o, scope in scopes:
            lo, hi = scope[pick]
            near = sorted(((abs(m - o), r) for m, r in found if lo <= m < hi),
                          key=lambda x: x[0])
            if not near:
                continue
            gap, row = near[0]
            if all(d >= CLEARLY * max(gap, 1) for d, r in near if _far(r, row)) \
                    and (best is None or gap < best[0]):
                best = (gap, row)
        if best is not None:
            return best[1], where
    return None, ""


def place_within(rows: Sequence[PlaceRow], mentions: Mapping[str, Sequence[int]],
                 text: str = "", written: Sequence[tuple[int, str, str]] = ()
                 ) -> tuple[list[PlaceRow], dict[int, str]]:
    """``rows`` with the parts of cities and the circuits of the module docstring placed, and
    {row index: why} for each row placed. ``mentions``: place -> offsets of its mentions in
    ``text`` (without ``text`` only the whole-text city counts); ``written``: (offset, text as
    written, canonical) of the PLACE mentions, which find the place a circuit is named after
    ("Nanjing" written beside "Nanjing Road", whatever its canonical name). The input is not
    changed."""
    out = list(rows)
    why: dict[int, str] = {}
    known = {r.place: r for r in rows
             if r.latitude is not None and r.certainty in ("high", "medium")
             and not r.coord_source.startswith("within:")}
    cities = [(m, r) for r in known.values() if _is_city(r) for m in mentions.get(r.place, ())]
    groups: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(rows):
        if row.latitude is not None:
            continue
        circuit = _CIRCUIT.match(row.place.strip())
        if circuit is None or (row.first_year or 0) > LAST_CIRCUIT_YEAR:
            groups.setdefault(_group_key(row.place), []).append(i)  # "Nanjing Road" of 1930
            continue
        stem = name_key(circuit.group(1))
        seats = [(o, known[c]) for o, w, c in written if c in known and name_key(w) == stem]
        seats += [(m, r) for r in known.values() if name_key(r.place) == stem
                  for m in mentions.get(r.place, ())]
        seat, _ = _nearest(mentions.get(row.place, ()), seats, text)
        seat = seat or _one_seat([r for _, r in seats])
        if seat is not None:
            out[i] = _placed(row, seat, "circuit-seat", "")
            why[i] = (f"a circuit named after {circuit.group(1)}, placed at {seat.place}, "
                      f"the place of that name in this text")
    whole = _one_seat([r for _, r in cities])
    inside = _written_in(text, written, known)
    for (kind, _), members in groups.items():
        names = ", ".join(rows[i].place for i in members)
        found = next(((i, inside[(o, rows[i].place)]) for i in members
                      for o in mentions.get(rows[i].place, ()) if (o, rows[i].place) in inside),
                     None)
        if found is not None:
            source, host = found
            for i in members:
                if i != source and not _same_time(rows[i], rows[source]):
                    continue  # "Jianzhou Left Wei" of 1405 is not where its 1559 namesake was
                out[i] = _placed(rows[i], host, "in-place", "in")
                why[i] = (f"written '{rows[i].place} in {host.place}'" if len(members) == 1
                          else f"one spelling of it ({names}) written in {host.place}") + (
                    f": placed at {host.place}")
            continue
        if kind != "part":
            continue
        offsets = sorted(o for i in members for o in mentions.get(rows[i].place, ()))
        city, where = _nearest(offsets, cities, text)
        if city is None and whole is not None:
            city, where = whole, "text"
        if city is None:
            continue
        for i in members:
            out[i] = _placed(rows[i], city, "city-part", "in")
            why[i] = (f"a part of a city (gate, street, palace ...), placed at {city.place}, "
                      f"the city named nearest a mention of it ({names}) in its {where}")
    return out, why


_IN_WORD = re.compile(r"\s+in\s+(?:the\s+)?")
HOST_LEVELS = frozenset({"county", "prefecture", "city"})  # a place another lies in


SHARE_YEARS = 50  # spellings of one place this far apart in running years may be two places


def _same_time(a: PlaceRow, b: PlaceRow) -> bool:
    """Whether the running years of ``a`` and ``b`` come within ``SHARE_YEARS`` of each other
    (or either has none)."""
    if None in (a.first_year, a.last_year, b.first_year, b.last_year):
        return True
    return (a.first_year or 0) - SHARE_YEARS <= (b.last_year or 0) \
        and (b.first_year or 0) - SHARE_YEARS <= (a.last_year or 0)


def _group_key(name: str) -> tuple[str, str]:
    """("part", key) for a part of a city, ("guard", stem and side) for a guard (its
    spellings: "Jianzhou Left Wei", "Jianzhou Zuowei"), else ("", name)."""
    part = city_part_key(name)
    if part:
        return "part", part
    guard = garrison_parts(name)
    if guard is not None:
        return "guard", name_key(guard[0]) + guard[1]
    return "", name


def _written_in(text: str, written: Sequence[tuple[int, str, str]],
                known: Mapping[str, PlaceRow]) -> dict[tuple[int, str], PlaceRow]:
    """{(offset, canonical) of a mention: the located place written right after it with "in"}
    ("Jianzhou Zuowei in Hetuala"), for hosts located at county, prefecture or city level
    with certainty high or medium (a province or region written after "in" is read elsewhere:
    :mod:`pipeline.places.context`)."""
    out: dict[tuple[int, str], PlaceRow] = {}
    if not text:
        return out
    ordered = sorted(written)
    for (start, surface, canonical), (nxt, _, host) in zip(ordered, ordered[1:], strict=False):
        end = start + len(surface)
        row = known.get(host)
        if row is not None and host != canonical and _precision(row) in HOST_LEVELS \
                and _IN_WORD.fullmatch(text, end, nxt):
            out[(start, canonical)] = row
    return out


def _placed(row: PlaceRow, container: PlaceRow, tag: str, relation: str) -> PlaceRow:
    return replace(row, latitude=container.latitude, longitude=container.longitude,
                   modern=container.modern or container.place, relation=relation,
                   province=row.province or container.province, certainty="low",
                   coord_source=f"within:{container.coord_source}:{tag}")
