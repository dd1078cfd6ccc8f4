"""Build ``gazetteer/era_japanese.csv``: Japanese readings of Chinese era names, as machine
translation garbles them ("Gaozu Takenori nine" for 高祖武德九年: 武徳 read as the personal name
Takenori).

Inputs (read-only): ``gazetteer/eras.csv`` (the era names in characters, Chinese calendar
streams only), ``gazetteer/japanese_kanji_forms.csv`` (traditional forms pykakasi cannot read,
德 -> 徳), readings from the ``pykakasi`` package (kanji -> Hepburn, build time only: its
dictionary reads a word as a Japanese reader would, often as a personal name). Rows: one per
era name and spelling: the reading with long vowels as "ou"/"uu" ("kouso") and without them
("koso"), lower case; names pykakasi cannot read whole are left out.

Usage: ``python scripts/build_era_japanese.py [--check]``; ``build_text()`` returns the text.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402

COLUMNS = ("era_zh", "reading")
CHINESE_STREAMS = 3


def _short(reading: str) -> str:
    """Long vowels written short, as most English texts do: 'kouso' -> 'koso'."""
    return reading.replace("ou", "o").replace("uu", "u").replace("oo", "o")


def build_text() -> str:
    """Return the text of era_japanese.csv."""
    import pykakasi

    kakasi = pykakasi.kakasi()
    with (GAZETTEER / "japanese_kanji_forms.csv").open(encoding="utf-8", newline="") as fh:
        forms = {r["form"]: r["japanese"] for r in csv.DictReader(fh)}
    with (GAZETTEER / "eras.csv").open(encoding="utf-8", newline="") as fh:
        names = sorted({r["era_zh"] for r in csv.DictReader(fh)
                        if int(r["cal_stream"]) <= CHINESE_STREAMS})
    rows: list[tuple[str, str]] = []
    for name in names:
        parts = kakasi.convert("".join(forms.get(c, c) for c in name))
        if not parts or any(not p["hepburn"] or not p["hepburn"].isalpha() for p in parts):
            continue
        reading = "".join(p["hepburn"] for p in parts).lower()
        for r in dict.fromkeys((reading, _short(reading))):
            rows.append((name, r))
    return csv_text(COLUMNS, rows)


if __name__ == "__main__":
    sys.exit(write_or_check(__doc__, build_text, GAZETTEER / "era_japanese.csv"))
