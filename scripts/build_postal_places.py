"""Build ``gazetteer/postal_places.csv``: the Wade–Giles and postal spellings of late-Qing seats.

Source: ``gazetteer/historical_places.csv`` (CHGIS/TGAZ, see ``gazetteer/README.md``): every
unit of the 1911 layer (``end_year`` 1911) of a prefecture-level kind (``KINDS``: prefecture,
superior, independent prefecture, department, sub-prefecture …), the seats that the English
books, maps and newspapers of 1850–1949 name ("Hengchow", "Yochow", "Kweilin"). For each, the
characters of its name (the part of ``zh`` that ``name`` spells: 衡州府 -> 衡州) are read
syllable by syllable as Wade–Giles (:func:`pipeline.entities.wadegiles.pinyin_to_wg_key`, from
pypinyin's tables) and written:

* ``wg_joined``: joined, without apostrophes or diaeresis ("Hengchou", "Chengtu");
* ``postal``: the same with the Postal Map's regular endings (``POSTAL_SYLLABLES``: chou ->
  chow, kuei -> kwei, kuang -> kwang, kuan -> kwan): "Hengchow", "Kweilin".

A spelling is kept only when it differs from the pinyin name, is at least ``MIN_LETTERS`` long,
is no province name or variant of ``provinces.csv`` ("Honan" is the province, not 河南府), is
no spelling of a unit named like a province (廣西州: "Kwanghsi" reads as Guangxi), and
names units of one pinyin name (so the table says which CHGIS units it is). The irregular
postal names (Peking, Canton, Amoy …) are hand-kept in ``postal_spellings.csv`` and reach the
pipeline through ``name_romanizations.csv``.

Usage::

    python scripts/build_postal_places.py          # write gazetteer/postal_places.csv
    python scripts/build_postal_places.py --check  # exit 1 if the file would change

Columns: ``alias`` (the spelling), ``style`` (wg_joined | postal), ``name`` (the CHGIS pinyin
name), ``zh`` (the unit's characters, full), ``kind``, ``province``, ``tgaz_id``.
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

from pypinyin import lazy_pinyin

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.entities.wadegiles import pinyin_to_wg_key  # noqa: E402
from scripts._derived import csv_text, write_or_check  # noqa: E402

GAZ = ROOT / "gazetteer"
OUT = GAZ / "postal_places.csv"
COLUMNS = ("alias", "style", "name", "zh", "kind", "province", "tgaz_id")
KINDS = frozenset({"prefecture", "superior prefecture", "independent prefecture", "department",
                   "independent department", "sub-prefecture", "independent sub-prefecture"})
POSTAL_SYLLABLES = {"chou": "chow", "kuei": "kwei", "kuang": "kwang", "kuan": "kwan"}
MIN_LETTERS = 5


def _stem_syllables(name: str, zh: str) -> list[str] | None:
    """The toneless pinyin syllables of the characters of ``zh`` that spell ``name``
    (衡州府, "Hengzhou" -> ["heng", "zhou"]), or None when no prefix of ``zh`` spells it."""
    target = "".join(c for c in name.lower() if c.isalpha())
    readings = [r.replace("ü", "v") for r in lazy_pinyin(zh, v_to_u=False)]
    for k in range(1, len(readings) + 1):
        if "".join(readings[:k]).replace("v", "u") == target.replace("v", "u"):
            return readings[:k]
    return None


def spellings(syllables: list[str]) -> dict[str, str]:
    """alias -> style for one name's syllables ("heng", "zhou" -> Hengchou, Hengchow)."""
    wg = ["".join(c for c in unicodedata.normalize("NFKD", pinyin_to_wg_key(s))
                  if c.isascii()) for s in syllables]  # "yüeh" -> "yueh"
    if not all(wg):
        return {}
    joined = "".join(wg).capitalize()
    postal = "".join(POSTAL_SYLLABLES.get(s, s) for s in wg).capitalize()
    out = {joined: "wg_joined"}
    out.setdefault(postal, "postal")
    return out


def _key(name: str) -> str:
    return "".join(c for c in name.lower() if c.isalpha())


def build() -> str:
    with (GAZ / "historical_places.csv").open(encoding="utf-8", newline="") as fh:
        units = [r for r in csv.DictReader(fh)
                 if r["end_year"] == "1911" and r["kind"] in KINDS and "?" not in r["name"]]
    with (GAZ / "provinces.csv").open(encoding="utf-8", newline="") as fh:
        provinces = {_key(v) for r in csv.DictReader(fh)
                     for v in [r["province"], *r["variants"].split(";")] if v.strip()}
    rows: dict[tuple[str, str], list[str]] = {}
    names: dict[str, set[str]] = {}
    for unit in units:
        syllables = _stem_syllables(unit["name"], unit["zh"])
        if syllables is None or _key(unit["name"]) in provinces:  # 廣西州: "Kwanghsi" is Guangxi
            continue
        for alias, style in spellings(syllables).items():
            if len(alias) < MIN_LETTERS or _key(alias) in (_key(unit["name"]), *provinces):
                continue
            names.setdefault(alias, set()).add(unit["name"])
            rows[(alias, unit["tgaz_id"])] = [alias, style, unit["name"], unit["zh"],
                                              unit["kind"], unit["province"], unit["tgaz_id"]]
    kept = [r for (alias, _), r in rows.items() if len(names[alias]) == 1]
    return csv_text(COLUMNS, sorted(kept, key=lambda r: (r[0], r[6])))


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__, build, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
