"""Share of places.csv rows with coordinates, and whether every coordinate says its source.

Usage::

    python bench/place_coverage.py corpus ../shared/corpus-dev     # runs chronicle on each
    python bench/place_coverage.py --tables OUT_DIR [OUT_DIR ...]   # reads existing outputs
    python bench/place_coverage.py --missing ...                     # also list rows without

Prints, per input and overall: rows, rows with coordinates, their share, rows whose
coordinates lack a ``coord_source`` (must be 0), the count by source family, and how many
coordinates are second-pass guesses (coord_source ending in :nearest, :nearest-year,
:other-years,
:outside-hint, :feature, :qualified, :city-part or :circuit-seat).
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.api import run  # noqa: E402

GUESS_TAGS = ("nearest", "nearest-year", "other-years", "outside-hint", "feature", "qualified",
              "city-part", "circuit-seat", "old-spelling")


def summarize(name: str, rows: list[dict[str, str]], missing: bool = False) -> tuple[int, int]:
    with_coord = [r for r in rows if r["latitude"]]
    guesses = [r for r in with_coord if set(r["coord_source"].split(":")) & set(GUESS_TAGS)]
    unsourced = [r for r in with_coord if not r["coord_source"]]
    families = Counter(":".join(r["coord_source"].split(":")[:2]) for r in with_coord)
    share = len(with_coord) / len(rows) if rows else 0.0
    print(f"{name}: {len(rows)} places, {len(with_coord)} with coordinates ({share:.0%}), "
          f"{len(unsourced)} without a source, {len(guesses)} second-pass guesses")
    for family, n in families.most_common():
        print(f"    {n:4} {family}")
    if missing:
        for r in rows:
            if not r["latitude"]:
                print(f"    - {r['doc_id']}: {r['place']} (first year {r['first_year'] or '?'})")
    return len(rows), len(with_coord)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--tables", action="store_true", help="paths are output folders")
    ap.add_argument("--missing", action="store_true", help="list the rows without coordinates")
    args = ap.parse_args()
    total = covered = 0
    for path in args.paths:
        if args.tables:
            out = path
        else:
            out = Path(tempfile.mkdtemp(prefix="place_coverage_"))
            run([path], out)
        with (out / "places.csv").open(encoding="utf-8", newline="") as fh:
            n, c = summarize(str(path), list(csv.DictReader(fh)), args.missing)
        total, covered = total + n, covered + c
    print(f"all: {total} places, {covered} with coordinates ({covered / max(total, 1):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
