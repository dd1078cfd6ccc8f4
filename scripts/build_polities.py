"""Build ``gazetteer/polity_dynasties.csv``: one POLITY per dynasty and state of the era tables.

Source: ``gazetteer/dynasties.csv`` (the date stage's hand-kept list of the dynasties and states
of **sanmiao 0.2.12**'s dynasty table, with their English names and spellings). Every row that
is no period name (``not_entity`` in ``entity_lexicon.csv``: "Five Dynasties", "Ten Kingdoms"
...) and whose canonical name or characters are not already a row of the hand-kept
``polities.csv`` becomes a polity of its own: "Later Tang" (後唐) is not "Tang" (唐), "Southern
Tang" (南唐), "Later Liang" (後梁) and "Northern Wei" (北魏) are separate canonical names.
Aliases: the canonical name, "<name> Dynasty"/"<name> dynasty", and the row's spellings of more
than one word ("Hou Tang", "Nan Tang"); one-word spellings ("Tang", "Han", "Min") stay with the
hand-kept main dynasties (``polities.csv`` wins on any shared alias).

Usage::

    python scripts/build_polities.py          # write gazetteer/polity_dynasties.csv
    python scripts/build_polities.py --check  # exit 1 if the file would change

Columns as ``polities.csv``: ``canonical,aliases,zh,kind,note`` (``kind`` = dynasty for the
dynasties of the Five Dynasties, Northern/Southern Dynasties and the sub-dynasties of a larger
one, state otherwise; ``note`` = "dynasties.csv: <parent>").
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "gazetteer"
OUT = GAZ / "polity_dynasties.csv"
COLUMNS = ("canonical", "aliases", "zh", "kind", "note")
STATE_PARENTS = frozenset({"Sixteen Kingdoms", "Ten Kingdoms", "Three Kingdoms"})


def _read(name: str) -> list[dict[str, str]]:
    with (GAZ / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build() -> str:
    """The CSV text of ``polity_dynasties.csv``."""
    hand = _read("polities.csv")
    hand_names = {r["canonical"] for r in hand}
    hand_zh = {r["zh"] for r in hand}
    hand_aliases = {a for r in hand for a in [r["canonical"], *r["aliases"].split("|")] if a}
    periods = {r["value"] for r in _read("entity_lexicon.csv") if r["kind"] == "not_entity"}
    out = []
    names = {r["dynasty"] for r in _read("dynasties.csv")}
    surnames = {r["value"] for r in _read("entity_lexicon.csv") if r["kind"] == "surname"}
    for row in _read("dynasties.csv"):
        name = row["dynasty"]
        if name in periods or name in hand_names or name in hand_aliases \
                or row["dynasty_zh"] in hand_zh:
            continue
        bare = name.split(" (")[0]
        # a qualified name's bare form ("Later Liang (386-403)" -> "Later Liang") only when no
        # other row, hand-kept alias or surname claims it
        claimed = bare in hand_aliases or bare in surnames or (bare != name and bare in names)
        aliases = [] if claimed \
            else [bare, f"{bare} Dynasty", f"{bare} dynasty"]
        aliases += [a for a in row["aliases"].split("|") if (" " in a or "-" in a)
                    and "(" not in a]
        aliases = [a for a in dict.fromkeys(aliases) if a != name and a not in hand_aliases
                   and a not in names]
        kind = "state" if row["parent"] in STATE_PARENTS else "dynasty"
        out.append({"canonical": name, "aliases": "|".join(aliases), "zh": row["dynasty_zh"],
                    "kind": kind, "note": f"dynasties.csv: {row['parent'] or 'top level'}"})
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(out)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ (also when loaded by path)
    from _derived import write_or_check

    return write_or_check(__doc__, build, OUT, argv)


if __name__ == "__main__":
    sys.exit(main())
