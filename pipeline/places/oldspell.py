"""Names in the romanizations before Wade–Giles and pinyin, read as pinyin.

Old books print "Kai-fong" (Kaifeng), "Lou-yang" (Luoyang), "Kouete" (Kouei-te: Guide),
"Tsaichow" (Caizhou), "Szchuen" (Sichuan). A name the two geocoding passes left blank is
split into syllables (:func:`readings`): every toneless pinyin syllable, every Wade–Giles
syllable (pypinyin's table; written without its apostrophe it reads both ways, "tsai": zai or
cai) and the older forms of ``gazetteer/old_spellings.csv`` (``old,pinyin,system,note``).
Each pinyin reading is looked up (:func:`locate_old_spelling`): a CHGIS unit in use in the
running year (else within the nearest-year reach), else a current place of that name. The
reading is taken only when every reading found lies at one seat (within ``SEAT``
degrees) and within ``OLD_REACH`` degrees of the document's other located places (``anchor``;
with none located, in the province written or named beside the name):
a guess, ``source`` ending in ``:old-spelling``, certainty low, the reading in its ``basis``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from pipeline.entities.wadegiles import _wg_table, pinyin_syllables
from pipeline.places.base import Coordinate, ModernPlaceIndex, _read, name_key
from pipeline.places.historical import geocode_historical
from pipeline.places.modern import geocode_name
from pipeline.resources import active_gazetteer_dir

OLD_REACH = 5.0  # degrees: a reading farther than this from the document's places is none
SEAT = 0.5  # degrees: readings this close are one place
MAX_SYLLABLES = 4
MAX_READINGS = 32


@lru_cache(maxsize=2)
def _syllable_table(gazetteer: Path) -> dict[str, tuple[str, ...]]:
    """written syllable (lower case, letters only) -> its pinyin readings."""
    table: dict[str, set[str]] = {}
    for syl in pinyin_syllables():
        if "v" not in syl:
            table.setdefault(syl, set()).add(syl)
    for wg, py in _wg_table().items():
        plain = name_key(wg.replace("ü", "u"))
        if plain and "ü" not in py:
            table.setdefault(plain, set()).add(py)
    path = gazetteer / "old_spellings.csv"
    for row in _read(path) if path.is_file() else []:
        for py in row["pinyin"].split("|"):
            if py.strip():
                table.setdefault(name_key(row["old"]), set()).add(py.strip())
    return {k: tuple(sorted(v)) for k, v in table.items()}


@lru_cache(maxsize=4096)
def readings(name: str) -> tuple[str, ...]:
    """The pinyin readings of ``name`` (capitalised, syllables joined: "Kaifong" ->
    ("Kaifeng", ...)), at most ``MAX_SYLLABLES`` syllables and ``MAX_READINGS`` readings;
    the name's own letters are no reading; () when it splits into no known syllables."""
    key = name_key(name)
    if not key or len(key) > 6 * MAX_SYLLABLES:
        return ()
    table = _syllable_table(active_gazetteer_dir())
    longest = max(map(len, table))
    # ways[i]: readings of key[:i] with their syllable counts
    ways: list[list[tuple[str, int]]] = [[] for _ in range(len(key) + 1)]
    ways[0] = [("", 0)]
    for i in range(len(key)):
        if not ways[i]:
            continue
        for j in range(i + 1, min(len(key), i + longest) + 1):
            for py in table.get(key[i:j], ()):
                for text, n in ways[i]:
                    if n < MAX_SYLLABLES and len(ways[j]) < MAX_READINGS * 4:
                        ways[j].append((text + py, n + 1))
    found = dict.fromkeys(text.capitalize() for text, _ in sorted(ways[-1], key=lambda w: w[1])
                          if text != key)
    return tuple(found)[:MAX_READINGS]


def locate_old_spelling(name: str, year: int | None, near: str | None,
                        index: ModernPlaceIndex | None, anchor: tuple[float, float] | None,
                        nearest_year: int) -> Coordinate | None:
    """The one place the pinyin readings of ``name`` find near ``anchor`` (the middle of the
    document's other located places; when None, in the province ``near`` written or named
    beside the name: "the whole of Honan, with his capital at Kaifong"), as the module
    docstring says; None without either, when no reading is found there, or when those found
    lie at several seats."""
    if anchor is None and not near:
        return None
    found: list[tuple[str, Coordinate]] = []
    for reading in readings(name):
        coord = geocode_historical(reading, year, near, anchor=anchor,
                                   nearest_year=nearest_year) if year is not None else None
        coord = coord or geocode_name(reading, near, index=index)
        if coord is None:
            continue
        if (coord.province == near) if anchor is None else (
                abs(coord.latitude - anchor[0]) <= OLD_REACH
                and abs(coord.longitude - anchor[1]) <= OLD_REACH):
            found.append((reading, coord))
    if not found or any(abs(c.latitude - found[0][1].latitude) > SEAT
                        or abs(c.longitude - found[0][1].longitude) > SEAT for _, c in found):
        return None
    reading, coord = found[0]
    return replace(coord, source=f"{coord.source}:old-spelling",
                   basis=f"{name.strip()} read as an older romanization of {reading}")
