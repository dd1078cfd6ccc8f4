"""Build ``gazetteer/eras_japan.csv``: Japanese eras, kept apart from the Chinese ``eras.csv``.

Inputs (read-only): sanmiao's ``data/era_table.csv`` rows of calendar stream 4 (Japan: era
names in characters, years, JDN spans; MIT, data from the DILA/DDBC Time Authority database)
and the romanized names of the ``japanera`` package (MIT), matched by characters and start
year (±1). japanera writes wāpuro romaji ("Syoutoku", "Gennbunn", "Tempyou"); the forms kept
are Hepburn with macrons ("Shōtoku"), without ("Shotoku"), with "ou" ("Shoutoku"), and with n
or m before p/b ("Tenpyō", "Tempyō"). Same columns as eras.csv; ``era_id`` = 90000 + sanmiao
era id; ``dynasty`` = "Japan" (a row of dynasties.csv); eras sanmiao has but japanera lacks
(Northern Court duplicates aside) are left out.

Usage: ``python scripts/build_eras_japan.py``; ``build_text()`` returns the file's text (used by
the rebuild test). japanera is needed only here (test extra), not at run time.
"""

from __future__ import annotations

import csv
import importlib.resources
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402

COLUMNS = [
    "era_id", "era", "era_zh", "era_zh_variants", "dynasty", "dynasty_zh", "ruler", "ruler_zh",
    "start_year", "end_year", "length", "cal_stream", "start_jdn", "end_jdn", "romanizations",
    "sanmiao_era_ids",
]


def hepburn_forms(wapuro: str) -> list[str]:
    """Spellings of a japanera name: 'Syoutoku' -> ['Shōtoku', 'Shotoku', 'Shoutoku', ...]."""
    s = wapuro.lower()
    s = s.replace("nn", "n").replace("sy", "sh").replace("zy", "j").replace("ty", "ch")
    s = re.sub(r"si", "shi", s)
    s = re.sub(r"ti", "chi", s)
    s = re.sub(r"(?<![sc])hu", "fu", s)
    s = re.sub(r"n?m(?=[pbm])", "m", s)
    low = s.replace("ou", "ō").replace("uu", "ū").replace("oo", "ō")
    base = s[:1].upper() + s[1:]
    macron = low[:1].upper() + low[1:]
    plain = "".join(c for c in unicodedata.normalize("NFD", macron)
                    if unicodedata.category(c) != "Mn")
    forms: list[str] = []
    for f in (macron, plain, base):
        for g in (f, re.sub(r"m(?=[pb])", "n", f)):
            if g not in forms:
                forms.append(g)
    return forms


def build_text() -> str:
    """Return the text of eras_japan.csv."""
    from japanera import era_data

    roman: dict[str, list[tuple[int, str]]] = {}
    for group in ("_ERA_DATA_GENERAL", "_ERA_DATA_DAIKAKUJI", "_ERA_DATA_JIMYOUIN"):
        for kanji, name, start, _end, _kind in getattr(era_data, group):
            if kanji and name:
                roman.setdefault(kanji, []).append((start.year, name))
    res = importlib.resources.files("sanmiao") / "data" / "era_table.csv"
    with res.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["cal_stream"] == "4.0"]
    by_id: dict[str, list[dict[str, str]]] = {}
    for r in rows:
        by_id.setdefault(r["era_id"], []).append(r)
    out = []
    for era_id, group in by_id.items():
        names = list(dict.fromkeys(r["era_name"] for r in group))
        group = [r for r in group if r["era_end_year"] and r["era_end_jdn"]
                 and r["era_start_jdn"]]
        if not group:
            continue
        start = min(int(r["era_start_year"]) for r in group)
        end = max(int(float(r["era_end_year"])) for r in group)
        name = None
        for n in names + [r["era_name_simp"] for r in group]:
            hits = [nm for y, nm in roman.get(n, []) if abs(y - start) <= 1]
            if hits:
                name = hits[0]
                break
        if name is None:
            continue
        forms = hepburn_forms(name)
        out.append([
            90000 + int(era_id), forms[0], names[0], "|".join(names[1:]), "Japan", "日本", "", "",
            start, end, end - start + 1, 4,
            min(float(r["era_start_jdn"]) for r in group),
            max(float(r["era_end_jdn"]) for r in group), "|".join(forms), era_id,
        ])
    out.sort(key=lambda r: (r[8], r[12], r[0]))
    return csv_text(COLUMNS, out)


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__, build_text, GAZETTEER / "eras_japan.csv", argv)


if __name__ == "__main__":
    sys.exit(main())
