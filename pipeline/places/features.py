"""A mountain or pass placed by the unit named after it, read through the feature's character.

"Tong Pass" is written "Tongguan" in pinyin, which several places bear (潼关 in Shaanxi, 铜官
in Anhui, 同官 in Shaanxi): only the units whose Chinese name holds the pass character 關/关
are named after a pass. ``gazetteer/feature_characters.csv`` (``ending,characters,note``)
gives the characters of each pinyin ending of ``place_gloss_words.csv``'s feature rows.
Candidates are current places (cpca, ``modern_places.csv``) and CHGIS units
(``historical_places.csv``) whose pinyin stem is the feature name, or starts with it ("潼關衛",
"Tongguanwei"; "潼關廳", "Tongguanting"); they must share one seat (within 0.5 degrees).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pipeline.places.base import Coordinate, ModernPlaceIndex, _read, name_key
from pipeline.places.historical import HISTORICAL_SOURCE, load_historical_units
from pipeline.resources import active_gazetteer_dir

SPREAD = 0.5


@lru_cache(maxsize=2)
def load_feature_characters(gazetteer: Path | None = None) -> dict[str, tuple[str, ...]]:
    """pinyin ending -> the characters that write it ("guan" -> ("關", "关")); {} without the
    file."""
    path = (gazetteer or active_gazetteer_dir()) / "feature_characters.csv"
    if not path.is_file():
        return {}
    return {r["ending"]: tuple(c for c in r["characters"].split("|") if c)
            for r in _read(path)}


def geocode_feature(feature: str, ending: str, index: ModernPlaceIndex) -> Coordinate | None:
    """The one seat of the places named ``feature`` ("Tongguan") whose Chinese name holds the
    character of ``ending`` ("guan": 關/关) right after the stem, or None (none, or several
    seats). Current places first; else CHGIS units of any year. Precision "near"; ``source``
    ends in ":feature" (a guess: the unit named after the pass stands for it)."""
    chars = load_feature_characters().get(ending, ())
    if not chars:
        return None
    key = name_key(feature)
    syllables = len(key) - len(ending)

    def holds(zh: str) -> bool:  # the character after a stem of one or two characters
        return syllables > 0 and any(c in zh[1:3] for c in chars)

    modern = [p for p in index.by_key.get(key, ()) if holds(p.name_zh)]
    points = [(p.latitude, p.longitude, f"{p.source}:{p.level}", p.name, p.province)
              for p in modern]
    if not points:
        table = load_historical_units()
        units = [u for k in table if k.startswith(key) for u in table[k]] \
            if len(key) >= 6 else []
        points = [(u.latitude, u.longitude,
                   f"{HISTORICAL_SOURCE}:{u.kind.replace(' ', '-')}:{u.tgaz_id}", u.name,
                   u.province) for u in units if holds(u.zh)]
    if not points:
        return None
    lat, lon = points[0][0], points[0][1]
    if any(abs(p[0] - lat) > SPREAD or abs(p[1] - lon) > SPREAD for p in points):
        return None
    return Coordinate(lat, lon, f"{points[0][2]}:feature", "near", points[0][3], points[0][4])
