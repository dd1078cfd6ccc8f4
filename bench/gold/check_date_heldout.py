"""Dev script: re-checks the expected values of ``date_heldout_cases.csv`` against sanmiao.

Usage: python bench/gold/check_date_heldout.py [CASES.csv]

For every case with a ``sanmiao_query`` (a Chinese-character date meaning the same as the case),
runs ``sanmiao.cjk_date_interpreter`` (slow: a few seconds in all) and prints ``ok`` when one of
its readings gives the case's ``day_iso`` (for days; sanmiao prints Julian days before 1582-10-15,
Gregorian after) or ``year``; otherwise ``XX`` with sanmiao's readings, to be explained in the
case's ``note`` (known sanmiao data errors such as 永樂 starting in 1402, and cycle-day or
Gregorian-day cases). Exit code 0 always: a listing for a reader, not a test.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    import sanmiao  # a dev dependency of this check only

    path = Path(argv[0]) if argv else HERE / "date_heldout_cases.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        cases = [c for c in csv.DictReader(fh) if c["sanmiao_query"]]
    for case in cases:
        with contextlib.redirect_stderr(io.StringIO()):
            out = sanmiao.cjk_date_interpreter(case["sanmiao_query"])
        readings = [line for line in out.splitlines()[2:] if line.strip()]
        values = re.findall(r"（(-?\d+(?:-\d\d-\d\d)?)）", out)
        want = case["day_iso"] or case["year"]
        ok = any(v.lstrip("0") == want.lstrip("0") for v in values)
        print(f"{'ok' if ok else 'XX'} {case['case_id']:36s} {want:11s} {' / '.join(readings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
