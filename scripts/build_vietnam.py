"""Build ``gazetteer/eras_vietnam.csv`` (Vietnamese eras, kept apart from the Chinese eras.csv)
from the hand-kept ``gazetteer/vietnam_eras_source.csv``.

sanmiao has no Vietnamese calendar stream, so the source table is kept by hand: the eras of the
Nguyễn dynasty (1802-1945), each row with its reference in ``note``. This script adds what the
era table needs: the spellings (quốc ngữ with diacritics, without them, Đ written D, and the
``aliases``: "Minh Mệnh" for Minh Mạng), the era's span in Julian day numbers (first day of the
Chinese lunar year ``start_year`` to the first day after ``end_year``, from sanmiao's stream-3
month table; Gregorian 1 January where that table stops, after 1911), ``dynasty`` = "Vietnam"
(a row of dynasties.csv), ``cal_stream`` = 9 (no month table of its own: Chinese months are
used) and ``era_id`` = 98000 + row number.

Usage: ``python scripts/build_vietnam.py``; ``build_text()`` returns the file's text (used by the
rebuild test).
"""

from __future__ import annotations

import csv
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402

sys.path.insert(0, str(REPO))

from pipeline.calendar import LunarCalendar, gregorian_to_jdn  # noqa: E402

COLUMNS = [
    "era_id", "era", "era_zh", "era_zh_variants", "dynasty", "dynasty_zh", "ruler", "ruler_zh",
    "start_year", "end_year", "length", "cal_stream", "start_jdn", "end_jdn", "romanizations",
    "sanmiao_era_ids",
]
ERA_ID_BASE = 98000
STREAM = 9


def plain(text: str) -> str:
    """'Minh Mạng' -> 'Minh Mang', 'Đồng Khánh' -> 'Dong Khanh'."""
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")


def forms(name: str, aliases: list[str]) -> list[str]:
    """Spellings of one era name, preferred first."""
    out: list[str] = []
    for n in (name, *aliases):
        for f in (n, plain(n), plain(n).replace(" ", "-"), plain(n).replace(" ", "")):
            if f not in out:
                out.append(f)
    return out


def _year_start(calendar: LunarCalendar, year: int) -> int:
    span = calendar.year_jdn_range(3, year)
    return span[0] if span else gregorian_to_jdn(year, 1, 1)


def build_text(gazetteer: Path = GAZETTEER) -> str:
    """Return the text of eras_vietnam.csv."""
    calendar = LunarCalendar.load()
    with (gazetteer / "vietnam_eras_source.csv").open(encoding="utf-8", newline="") as fh:
        src = list(csv.DictReader(fh))
    rows = []
    for i, r in enumerate(src, start=1):
        start, end = int(r["start_year"]), int(r["end_year"])
        aliases = [a for a in r["aliases"].split("|") if a]
        rows.append([
            ERA_ID_BASE + i, r["era"], r["era_zh"], "", "Vietnam", "越南", r["ruler"], "",
            start, end, end - start + 1, STREAM,
            repr(_year_start(calendar, start) - 0.5), repr(_year_start(calendar, end + 1) - 0.5),
            "|".join(forms(r["era"], aliases)), "",
        ])
    return csv_text(COLUMNS, rows)


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__, build_text, GAZETTEER / "eras_vietnam.csv", argv)


if __name__ == "__main__":
    sys.exit(main())
