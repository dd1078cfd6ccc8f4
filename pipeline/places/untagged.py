"""Places the entity stage left untagged, read from the place tables.

"Yakub Beg died suddenly at Korla", "took Pichan and recovered Urumqi", "rose in rebellion at
Fanyang": a run of capitalised words that no entity covers, written right after a preposition
of place (``at``, ``to``, ``into`` … : ``PREPOSITIONS``) or right after an event verb, with a
form of an event verb of ``gazetteer/event_types.csv`` within ``VERB_REACH`` words in the same
sentence, is a place when a place table knows the whole run: CHGIS (``historical_places.csv``,
its pinyin as written or read from Wade–Giles), cpca (``modern_places.csv``, with its postal
and Wade–Giles spellings), GeoNames (``world_places.csv``, ``world_alternates.csv``).

Left out: a run inside a date phrase (an era name is often a county's name too: "in
Tianbao"), a run of one pinyin syllable ("to Song", "at Jin": states and surnames), a run at
the start of a sentence, and a run followed by a number. The rows made from these mentions
are never ``high`` (warning ``PLACE_UNTAGGED_NAME``): the entity stage did not see a name
there, only the tables did.

:func:`untagged_place_mentions` returns PLACE :class:`~pipeline.records.EntityRow` values
(``source`` ``place-tables``, ``sentence_id`` -1) for :func:`pipeline.places.rows.
place_rows_and_warnings` only; they are not written to ``entities.csv``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from pipeline.entities.wadegiles import wg_name_to_pinyin
from pipeline.places.base import GAZETTEER, ModernPlaceIndex, _one_syllable, _read, name_key
from pipeline.places.historical import load_historical_units, load_postal_places
from pipeline.records import EntityRow

SOURCE = "place-tables"
VERB_REACH = 8  # words: an event verb this close in the same sentence
PREPOSITIONS = frozenset({"at", "in", "to", "into", "toward", "towards", "from", "near",
                          "on", "onto", "upon"})
_LOW = "a-zà-öø-ÿ"  # lower-case letters, with the accented ones of Wade–Giles ("Yen-mên")
_RUN = re.compile(rf"(?<![\w'’-])[A-Z][{_LOW}]+(?:['’-][{_LOW}]+)*"
                  rf"(?:\s+[A-Z][{_LOW}]+(?:['’-][{_LOW}]+)*){{0,2}}")
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"[.!?;]\s")


@lru_cache(maxsize=2)
def event_verb_forms(gazetteer: Path = GAZETTEER) -> frozenset[str]:
    """Every form of every verb of ``event_types.csv`` (``forms``, ";"-joined), lower case."""
    return frozenset(f.strip().lower() for r in _read(gazetteer / "event_types.csv")
                     for f in r["forms"].split(";") if f.strip())


def known_place_name(name: str, index: ModernPlaceIndex | None = None) -> bool:
    """Whether a place table knows ``name`` as a whole: a CHGIS unit (as written or read from
    Wade–Giles), a current county or city (cpca, with postal and Wade–Giles spellings), a
    place abroad or an older name of a city (GeoNames)."""
    from pipeline.places.alternates import geocode_alternate
    from pipeline.places.modern import _candidates, load_modern_places
    from pipeline.places.world import geocode_world

    units = load_historical_units()
    keys = {name_key(name), name_key(wg_name_to_pinyin(name) or "")} - {""}
    if any(k in units for k in keys) or any(k in load_postal_places() for k in keys):
        return True
    if _candidates(name, None, index or load_modern_places()):
        return True
    return geocode_world(name) is not None or geocode_alternate(name) is not None


def _canonical(run: str, index: ModernPlaceIndex | None = None) -> str:
    """The name a run is located by: itself when a table knows it as written, else its
    pinyin read from Wade–Giles when CHGIS knows that ("Yen-mên" -> "Yanmen")."""
    from pipeline.places.modern import _candidates, load_modern_places

    if name_key(run) in load_historical_units() or name_key(run) in load_postal_places() \
            or _candidates(run, None, index or load_modern_places()):
        return run
    pinyin = wg_name_to_pinyin(run) or ""
    return pinyin if pinyin and name_key(pinyin) in load_historical_units() else run


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)),
             default=max(0, start - 400))
    hi = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return lo, min(hi, end + 400)


def untagged_place_mentions(text: str, taken: Sequence[tuple[int, int]],
                            dates: Sequence[tuple[int, int]] = (),
                            index: ModernPlaceIndex | None = None) -> list[EntityRow]:
    """PLACE mentions of ``text`` (offsets into it) as the module docstring says. ``taken``:
    (start, end) of every entity of any label (the places stage passes the PLACE ones; a run
    overlapping one is skipped); ``dates``: (start, end) of the date phrases."""
    forms = event_verb_forms()
    spans = sorted([*taken, *dates])
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end of spans[:i + 1]
    out: list[EntityRow] = []
    for m in _RUN.finditer(text):
        start, end, run = m.start(), m.end(), m.group()
        k = bisect_left(starts, end)  # spans[:k] begin before the run ends
        if k and reach[k - 1] > start:
            continue  # overlaps an entity or a date phrase
        if _one_syllable(name_key(run)) or re.match(r"\s*\d", text[end:end + 3]):
            continue
        lo, hi = _sentence(text, start, end)
        before = _WORD.findall(text[lo:start])
        if not before:
            continue  # a sentence's first word
        after = _WORD.findall(text[end:hi])
        prev = before[-1].lower()
        near = [w.lower() for w in before[-VERB_REACH:] + after[:VERB_REACH]]
        if prev not in PREPOSITIONS and prev not in forms:
            continue
        if not any(w in forms for w in near):
            continue
        if not known_place_name(run, index):
            continue
        out.append(EntityRow("", -1, start, end, run, "PLACE", _canonical(run, index), SOURCE))
    return out
