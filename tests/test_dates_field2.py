"""Invented short era-date sentences of many written forms (issue 7, items 2-4), driven by
date_field2_cases.csv: capitalised, other word orders, broken and curly apostrophes, fused
dynasty/ruler + era, Wade-Giles with diacritics, ü as u/v, one-letter garbles, printed years,
eras translated by meaning, Japanese eras.

Every expected year is checked against sanmiao's own era table (``sanmiao_era_id``: the era's
first year + ``era_year`` - 1), not against our tables. A blank ``year`` means the reader must
give no year (a garble or translation the context does not support); ``guess`` = true: the
reading must not come out ``high`` (a fuzzy or meaning-based spelling). ``known_gap`` (a reason)
marks a case the reader still gets wrong (strict xfail).
"""

from __future__ import annotations

import csv
import importlib.resources
from pathlib import Path

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable

CASES_PATH = Path(__file__).resolve().parent / "date_field2_cases.csv"
with CASES_PATH.open(encoding="utf-8", newline="") as _fh:
    CASES = list(csv.DictReader(_fh))


def _sanmiao_starts() -> dict[str, tuple[str, int]]:
    path = importlib.resources.files("sanmiao") / "data" / "era_table.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["era_id"]: (r["era_name"], int(r["era_start_year"])) for r in csv.DictReader(fh)}


def test_cases_are_many_and_varied() -> None:
    assert len(CASES) >= 40
    assert len({c["case_id"] for c in CASES}) == len(CASES)
    assert sum(1 for c in CASES if not c["year"]) >= 2  # some must stay blank


@pytest.mark.parametrize("case", [c for c in CASES if c["sanmiao_era_id"]],
                         ids=[c["case_id"] for c in CASES if c["sanmiao_era_id"]])
def test_expected_year_is_sanmiaos(case: dict[str, str]) -> None:
    name, start = _sanmiao_starts()[case["sanmiao_era_id"]]
    assert name == case["era_zh"]
    assert int(case["year"]) == start + int(case["era_year"]) - 1


def _params() -> list:
    out = []
    for c in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=c["known_gap"])] if c["known_gap"] else []
        out.append(pytest.param(c, id=c["case_id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_case_read(case: dict[str, str], eras: EraTable, calendar: LunarCalendar) -> None:
    text, phrase = case["text"], case["phrase"]
    p0 = text.index(phrase)
    p1 = p0 + len(phrase)
    rows, warnings = resolve_dates(find_date_mentions(text, eras), eras, calendar)
    hits = [r for r in rows if r.start < p1 and p0 < r.end]
    dated = [r for r in hits if r.year is not None]
    if not case["year"]:
        assert not dated, [(r.text, r.year) for r in dated]
        for r in hits:  # a row without a year says why
            assert any(w.start == r.start for w in warnings), r.text
        return
    assert dated, [r.text for r in rows]
    row = dated[0]
    assert row.year == int(case["year"]), (row.text, row.basis)
    if case["guess"] == "true":
        assert row.certainty in ("medium", "low"), row.basis
    if row.certainty != "high":  # every guess comes with a warning row
        assert any(w.start == row.start for w in warnings), row.basis
