"""Build ``gazetteer/historical_places.csv`` from the CHGIS Temporal Gazetteer (TGAZ) RDF dump.

Source: ``data/rdf/CHGIS_RDF_2016-07-07.zip`` of https://github.com/cga-harvard/tgaz (CHGIS
placenames, Harvard CGA / Fudan CHGS; TGAZ is distributed under the GNU GPL v3.0). Only the
administrative and military units are kept (the 1820 "villages and small towns" layer is left
out); rows naming the same unit at the same point with touching or overlapping years are merged.

Usage::

    python scripts/build_historical_places.py PATH/TO/CHGIS_RDF_2016-07-07.(ttl|zip)
    python scripts/build_historical_places.py PATH --check   # exit 1 if the file would change

Columns: ``name`` (pinyin stem without the unit word: "Chengdu"), ``zh`` (traditional
characters of the full name), ``kind`` (CHGIS feature type in English: county, prefecture,
commandery, circuit ...), ``province`` (current province, from the start of CHGIS's Chinese
location note, "今河北涞水县" -> Hebei; if it names none, the province of the nearest current
county or prefecture seat of ``modern_places.csv`` within 0.3 degrees; else ""),
``latitude``, ``longitude`` (WGS84, 5 decimals as in the source),
``start_year``, ``end_year`` (CE, astronomical as in CHGIS), ``tgaz_id`` (first hvd_ id).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "gazetteer" / "historical_places.csv"
COLUMNS = ("name", "zh", "kind", "province", "latitude", "longitude", "start_year", "end_year",
           "tgaz_id")
SKIP_KINDS = {"villages and small towns"}

_RECORD = re.compile(r"^<http://maps\.cga\.harvard\.edu/tgaz/placename/(hvd_\d+)> a lawd:Place",
                     re.M)
_LABEL = re.compile(r'rdfs:label "([^"]*)"@en')
_ZH = re.compile(r'lawd:primaryForm "([^"]*)"@zh')
_LOC = re.compile(r"geo:lat ([-\d.]+) ; geo:long ([-\d.]+)")
_TIME = re.compile(r'dcterms:temporal "start=(-?\d+); end=(-?\d+);"')
_DESC = re.compile(r'dcterms:description "([^"]*)"')
_KIND = re.compile(r'dcterms:subject "([^"]*?) ?([^\x00-\x7f]*)"')


def read_source(path: Path) -> str:
    """The TTL text of the dump (a .ttl file, or the .zip holding it)."""
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as zf:
            name = next(n for n in zf.namelist()
                        if n.endswith(".ttl") and not n.startswith("__MACOSX"))
            return zf.read(name).decode("utf-8")
    return path.read_text(encoding="utf-8")


def _provinces() -> list[tuple[str, str]]:
    """(Chinese name, province) from ``gazetteer/provinces.csv``, longest name first."""
    with (ROOT / "gazetteer" / "provinces.csv").open(encoding="utf-8", newline="") as fh:
        rows = [(r["name_zh"], r["province"]) for r in csv.DictReader(fh)]
    return sorted(rows, key=lambda r: -len(r[0]))


def _province(description: str, provinces: list[tuple[str, str]]) -> str:
    """The current province CHGIS's location note starts with ("今河北涞水县" -> "Hebei")."""
    text = description.removeprefix("今")
    return next((prov for zh, prov in provinces if text.startswith(zh)), "")


def _stem(label: str, zh: list[str], kind_zh: str) -> str:
    """"Chengdu Fu" (成都府, 府) -> "Chengdu": drop the unit word when the name ends in it
    (``zh``: the traditional and simplified forms; CHGIS writes the kind in simplified); a
    one-character name keeps it, joined, as texts write it ("E Zhou" 鄂州 -> "Ezhou")."""
    words = label.split()
    ending = [z for z in zh if kind_zh and z.endswith(kind_zh[-1])]
    if len(words) > 1 and ending and len(ending[0]) == 2:
        return "".join(w if n == 0 else w.lower() for n, w in enumerate(words))  # "Ezhou" 鄂州
    if len(words) > 1 and ending:
        return " ".join(words[:-1])
    return label


def records(text: str) -> list[dict[str, object]]:
    """One dict per kept TGAZ record."""
    out = []
    provinces = _provinces()
    starts = [m for m in _RECORD.finditer(text)]
    for i, m in enumerate(starts):
        body = text[m.end(): starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        label, loc, time, kind = (_LABEL.search(body), _LOC.search(body), _TIME.search(body),
                                  _KIND.search(body))
        zh = _ZH.findall(body)
        if not (label and loc and time and kind and zh):
            continue
        kind_en, kind_zh = kind.group(1).strip(), kind.group(2)
        if kind_en in SKIP_KINDS:
            continue
        lat, lon = float(loc.group(1)), float(loc.group(2))
        if lat == 0 and lon == 0:
            continue
        zh = [z.split()[0] for z in zh if z.split()]  # "福昌縣\n宋": a stray second line
        if not zh or "," in label.group(1) + zh[0]:
            continue  # (the runtime reader splits lines on ",": no quoted fields allowed)
        name = _stem(label.group(1), zh, kind_zh)
        desc = _DESC.search(body)
        province = _province(desc.group(1), provinces) if desc else ""
        out.append({"name": name, "zh": zh[0], "kind": kind_en, "province": province,
                    "latitude": f"{lat:.5f}",
                    "longitude": f"{lon:.5f}", "start_year": int(time.group(1)),
                    "end_year": int(time.group(2)), "tgaz_id": m.group(1)})
    return out


def merge(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Merge rows of one unit at one point whose years touch or overlap."""
    groups: dict[tuple, list[dict[str, object]]] = {}
    for row in rows:
        key = (row["name"], row["zh"], row["kind"], row["province"], row["latitude"],
               row["longitude"])
        groups.setdefault(key, []).append(row)
    out = []
    for group in groups.values():
        group.sort(key=lambda r: (r["start_year"], r["end_year"]))
        cur = dict(group[0])
        for row in group[1:]:
            if int(row["start_year"]) <= int(cur["end_year"]) + 1:
                cur["end_year"] = max(int(cur["end_year"]), int(row["end_year"]))
            else:
                out.append(cur)
                cur = dict(row)
        out.append(cur)
    out.sort(key=lambda r: (str(r["name"]), int(r["start_year"]), str(r["zh"]), str(r["kind"]),
                            str(r["latitude"]), str(r["longitude"])))
    return out


def render(rows: list[dict[str, object]]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


NEAREST_REACH = 0.3  # degrees: a seat this close to a current county lies in its province


def _county_seats() -> list[tuple[float, float, str]]:
    """(lat, lon, province) of the current counties and prefectures (``modern_places.csv``)."""
    with (ROOT / "gazetteer" / "modern_places.csv").open(encoding="utf-8", newline="") as fh:
        return [(float(r["latitude"]), float(r["longitude"]), r["province"])
                for r in csv.DictReader(fh) if r["level"] in ("county", "prefecture")]


def fill_provinces(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows whose location note names no province take the province of the nearest current
    county or prefecture seat within ``NEAREST_REACH`` degrees (山陰縣, whose note is blank,
    lies at Shaoxing: Zhejiang); farther ones stay ""."""
    grid: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for lat, lon, province in _county_seats():
        grid.setdefault((int(lat // NEAREST_REACH), int(lon // NEAREST_REACH)), []).append(
            (lat, lon, province))
    for row in rows:
        if row["province"]:
            continue
        lat, lon = float(str(row["latitude"])), float(str(row["longitude"]))
        gy, gx = int(lat // NEAREST_REACH), int(lon // NEAREST_REACH)
        cells = [grid.get((gy + dy, gx + dx), ()) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
        near = [((a - lat) ** 2 + (b - lon) ** 2, p) for cell in cells for a, b, p in cell
                if abs(a - lat) <= NEAREST_REACH and abs(b - lon) <= NEAREST_REACH]
        if near:
            row["province"] = min(near)[1]
    return rows


def build(source: Path) -> str:
    """The CSV text of ``historical_places.csv`` built from ``source``."""
    return render(merge(fill_provinces(records(read_source(source)))))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="CHGIS_RDF_2016-07-07.ttl or .zip")
    ap.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"{args.source}: not found", file=sys.stderr)
        return 2
    text = build(args.source)
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("historical_places.csv is up to date" if same else "historical_places.csv differs")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
