"""Build ``gazetteer/modern_places.csv`` from the ``cpca`` package's admin-code table.

Source: cpca 0.5.5 (PyPI, MIT), ``cpca/resources/adcodes.csv`` (adcode, Chinese name,
longitude, latitude; 2020 divisions). Each row gets a pinyin name (pypinyin, tone-less, with
``gazetteer/place_pinyin_overrides.csv`` for polyphones), its level from the adcode (province =
``PP0000000000``, prefecture = ``PPCC00000000``, else county) and its province's English name
from ``gazetteer/provinces.csv``. Province coordinates are those of the provincial capital.
Rows of the hand-kept ``gazetteer/modern_places_extra.csv`` (places missing from cpca) are added.

Usage: ``python scripts/build_modern_places.py [--check]`` (``--check`` exits 1 if the committed
file differs from a fresh build).
"""

from __future__ import annotations

import csv
import io
import sys
from importlib import metadata
from pathlib import Path

from pypinyin import Style, lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "gazetteer"
OUT = GAZETTEER / "modern_places.csv"
SOURCE = "cpca-0.5.5"
COLUMNS = ["name", "name_zh", "level", "province", "latitude", "longitude", "suffix", "adcode",
           "source"]

# Longest first; the pinyin of the suffix is kept for one-character stems ("滑县" -> Huaxian).
SUFFIXES = [("特别行政区", ""), ("自治区", ""), ("自治州", ""), ("自治县", "xian"),
            ("自治旗", "qi"), ("地区", ""), ("林区", "linqu"), ("省", ""), ("市", "shi"),
            ("县", "xian"), ("区", "qu"), ("盟", "meng"), ("旗", "qi")]
# China's bounding box (lat_min, lat_max, lon_min, lon_max). Only Sansha (the South China Sea
# islands, Hainan) lies outside it; those four rows are left out.
BBOX = (18.0, 54.0, 73.0, 135.0)
SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def _read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def split_name(name_zh: str, nations: list[str]) -> tuple[str, str]:
    """Split a Chinese admin name into (stem, suffix pinyin); ethnic words are dropped."""
    for suffix, suffix_py in SUFFIXES:
        if name_zh.endswith(suffix) and len(name_zh) > len(suffix):
            stem = name_zh[: -len(suffix)]
            changed = True
            while changed:
                changed = False
                for nation in nations:
                    if stem.endswith(nation) and len(stem) > len(nation):
                        stem, changed = stem[: -len(nation)], True
            return stem, suffix_py
    return name_zh, ""


def romanize(stem: str, overrides: dict[str, str], chars: dict[str, str]) -> str:
    """Tone-less pinyin written as one word, with an apostrophe before a vowel syllable.

    ``overrides``: whole stems; ``chars``: single characters read one way in place names."""
    if stem in overrides:
        syllables = overrides[stem].split()
    else:
        syllables = lazy_pinyin(stem, style=Style.NORMAL, v_to_u=True)
        if len(syllables) == len(stem):
            syllables = [chars.get(ch, syl) for ch, syl in zip(stem, syllables, strict=True)]
    out = syllables[0]
    for syl in syllables[1:]:
        out += ("'" if syl[0] in "aeo" else "") + syl
    return out.replace("ü", "u").capitalize()


def _cpca_resources() -> Path:
    """cpca's data folder, found without importing cpca (whose import needs pyahocorasick)."""
    dist = metadata.distribution("cpca")
    if dist.version != SOURCE.split("-", 1)[1]:
        raise SystemExit(f"cpca {dist.version} installed; this build expects {SOURCE}")
    return Path(str(dist.locate_file("cpca/resources")))


def build() -> str:
    """Return the CSV text of modern_places.csv."""
    data = _cpca_resources()
    rows = _read_csv((data / "adcodes.csv").read_text(encoding="utf-8"))
    nations = sorted((line.strip() for line in (data / "56_nations.csv").read_text(
        encoding="utf-8").splitlines() if line.strip()), key=len, reverse=True)
    nations = [n for n in nations if n.endswith("族")]
    provinces = {r["adcode"]: r["province"] for r in _read_csv(
        (GAZETTEER / "provinces.csv").read_text(encoding="utf-8"))}
    override_rows = _read_csv(
        (GAZETTEER / "place_pinyin_overrides.csv").read_text(encoding="utf-8"))
    overrides = {r["zh"]: r["pinyin"] for r in override_rows if r["scope"] == "stem"}
    chars = {r["zh"]: r["pinyin"] for r in override_rows if r["scope"] == "char"}
    out_rows = []
    for row in rows:
        name_zh, code = row["name"], row["adcode"]
        if name_zh in SKIP or not row["latitude"] or code[:2] not in provinces:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        if not (BBOX[0] <= lat <= BBOX[1] and BBOX[2] <= lon <= BBOX[3]):
            continue
        level = ("province" if code[2:] == "0" * 10 else
                 "prefecture" if code[4:] == "0" * 8 else "county")
        if level == "province":
            name, suffix = provinces[code[:2]], ""
        else:
            stem, suffix = split_name(name_zh, nations)
            name = romanize(stem, overrides, chars)
            if len(stem) == 1 and suffix:
                name = f"{name}{suffix}"
            else:
                suffix = ""
        out_rows.append([name, name_zh, level, provinces[code[:2]],
                         f"{lat:.4f}", f"{lon:.4f}",
                         suffix, code, SOURCE])
    known = {r[7] for r in out_rows}
    for extra in _read_csv((GAZETTEER / "modern_places_extra.csv").read_text(encoding="utf-8")):
        if extra["adcode"] not in known:
            out_rows.append([extra[c] for c in COLUMNS])
    out_rows.sort(key=lambda r: (r[7], r[1]))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(out_rows)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    text = build()
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT} differs from a fresh build")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10)) - 1} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
