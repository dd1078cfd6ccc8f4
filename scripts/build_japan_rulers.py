"""Build ``gazetteer/rulers_japan.csv``: the emperors of Japan (tennō) as rulers.

Inputs (read-only): sanmiao's ``data/ruler_table.csv`` rows of dynasty 133 (日本, calendar
stream 4: reigns in CE years), ``rul_can_name.csv`` (canonical names, "後醍醐天皇") and
``era_table.csv`` (the emperor of each Japanese era, by ``ruler_id``); ``eras_japan.csv``
(era ids); readings from the ``pykakasi`` package (kanji -> Hepburn, build time only), with
``gazetteer/japan_ruler_readings.csv`` for names pykakasi reads as personal names (孝徳 is
Kōtoku, not Takanori). 後 ("the later") is read "Go-" before the rest ("Go-Daigo").

Rows: only names ending in 天皇 (sanmiao's row for 智子内親王, Go-Sakuramachi's personal name,
is left out). ``ruler_id`` = sanmiao's person id; a second reign of the same person (孝謙, again
764-770 as 称徳) gets 97000 + its row number. ``first_year`` = the start of the emperor's first
own era (from 645; an emperor named in a reign year then gives the era in force: "the 5th year
of Emperor Meiji" = Meiji 5 = 1872), else the accession year. ``posthumous`` = the reading
("Go-Daigo"); ``romanizations``: with macrons, without, with "ou", joined ("Godaigo"), and m
before m/p/b ("Kammu").

Usage: ``python scripts/build_japan_rulers.py [--check]``; ``build_text()`` returns the text.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "gazetteer"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
from _derived import csv_text, write_or_check  # noqa: E402
from _derived import sanmiao_csv as _sanmiao  # noqa: E402
from build_eras_japan import hepburn_forms  # noqa: E402
from build_rulers import COLUMNS  # noqa: E402  (the same schema as rulers.csv)

JAPAN_DYN, JAPAN_STREAM, SECOND_REIGN_BASE = "133", 4, 97000
TITLE = "天皇"


def _reading(name: str, overrides: dict[str, str], kakasi) -> str:
    """Hepburn reading, lower case, long vowels as "ou"/"uu" ("goichijou")."""
    if name in overrides:
        return overrides[name]
    return "".join(x["hepburn"] for x in kakasi.convert(name))


def _forms(name: str, overrides: dict[str, str], kakasi) -> list[str]:
    """Spellings of an emperor's name: ['Go-Daigo', 'Godaigo', ...]; 'Kanmu' also 'Kammu'."""
    later = name.startswith("後") and len(name) > 2 and name not in overrides
    rest = name[1:] if later else name
    base = hepburn_forms(_reading(rest, overrides, kakasi))
    out: list[str] = []
    for f in base:
        m = f[:1] + f[1:].replace("nm", "mm").replace("np", "mp").replace("nb", "mb")
        for g in (f, m):
            for h in ((f"Go-{g}", f"Go{g[:1].lower()}{g[1:]}") if later else (g,)):
                if h not in out:
                    out.append(h)
    return out


def build_text() -> str:
    """Return the text of rulers_japan.csv."""
    import pykakasi

    kakasi = pykakasi.kakasi()
    with (GAZETTEER / "japan_ruler_readings.csv").open(encoding="utf-8", newline="") as fh:
        overrides = {r["name_zh"]: r["reading"] for r in csv.DictReader(fh)}
    canon = {r["person_id"]: r["string"] for r in _sanmiao("rul_can_name.csv")}
    with (GAZETTEER / "eras_japan.csv").open(encoding="utf-8", newline="") as fh:
        kept = {int(r["sanmiao_era_ids"].split("|")[0]): r for r in csv.DictReader(fh)}
    eras_of: dict[str, list[tuple[int, int]]] = {}
    for r in _sanmiao("era_table.csv"):
        if r["cal_stream"] == "4.0" and r["ruler_id"] and int(r["era_id"]) in kept:
            era = kept[int(r["era_id"])]
            pair = (int(era["start_year"]), int(era["era_id"]))
            lst = eras_of.setdefault(str(int(float(r["ruler_id"]))), [])
            if pair not in lst:
                lst.append(pair)
    out = []
    seen: set[str] = set()
    rows = [r for r in _sanmiao("ruler_table.csv") if r["dyn_id"] == JAPAN_DYN]
    for i, r in enumerate(rows):
        pid = r["person_id"]
        name_zh = canon.get(pid, "")
        if not name_zh.endswith(TITLE):
            continue
        start, end = int(float(r["emp_start_year"])), int(float(r["emp_end_year"]))
        eras = sorted(p for p in eras_of.get(pid, []) if start - 1 <= p[0] <= end)
        first = next((y for y, _ in eras if y >= start), start)
        ruler_id = int(pid) if pid not in seen else SECOND_REIGN_BASE + i
        seen.add(pid)
        short = name_zh[: -len(TITLE)]
        forms = _forms(short, overrides, kakasi)
        out.append([
            ruler_id, "Japan", "日本", JAPAN_STREAM, name_zh, "", short, "", "", forms[0], "",
            start, end, first, "|".join(str(e) for _, e in eras), "|".join(forms),
        ])
    out.sort(key=lambda x: (x[11], x[0]))
    return csv_text(COLUMNS, out)


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__, build_text, GAZETTEER / "rulers_japan.csv", argv)


if __name__ == "__main__":
    sys.exit(main())
