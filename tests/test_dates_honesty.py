"""Honest bare years, printed spans and running dates (issue 7, field errors on real pages):
a number after "of"/"to" is a year only with support; a leading zero is flagged; a printed span
"(1149-69)" is a range; dates that inherit the running date past a date phrase not read are
not ``high``; eras translated by meaning through derived forms ("Celestial" for 天).

Driven by date_honesty_cases.csv (invented sentences): ``year`` blank = no row with a year may
overlap ``phrase``; ``year_end`` = the span's last year; ``guess`` = true: not ``high``.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.dates.bare import bare_year_doubt, year_span
from pipeline.dates.meanings import meaning_names
from pipeline.eras import EraTable

CASES_PATH = Path(__file__).resolve().parent / "date_honesty_cases.csv"
with CASES_PATH.open(encoding="utf-8", newline="") as _fh:
    CASES = list(csv.DictReader(_fh))


def _read(text: str, eras: EraTable, calendar: LunarCalendar):
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


@pytest.mark.parametrize("case", CASES, ids=[c["case_id"] for c in CASES])
def test_case(case: dict[str, str], eras: EraTable, calendar: LunarCalendar) -> None:
    text, phrase = case["text"], case["phrase"]
    p0 = text.index(phrase)
    p1 = p0 + len(phrase)
    rows, warnings = _read(text, eras, calendar)
    hits = [r for r in rows if r.start < p1 and p0 < r.end and r.year is not None]
    if not case["year"]:
        assert not hits, [(r.text, r.year) for r in hits]
        return
    assert hits, [r.text for r in rows]
    row = hits[0]
    assert row.year == int(case["year"])
    if case["year_end"]:
        assert row.year_end == int(case["year_end"])
        assert row.date_start is not None and row.date_end is not None
        first, last = (int(d.rsplit("-", 2)[0]) for d in (row.date_start, row.date_end))
        assert first < last  # ISO years, astronomical ("-0221")
    if case["guess"] == "true":
        assert row.certainty != "high"
        assert any(w.start < row.end and row.start < w.end for w in warnings), warnings
    else:
        assert row.certainty == "high", (row.text, row.certainty, row.basis)


def test_cases_are_varied() -> None:
    assert len(CASES) >= 20
    assert sum(1 for c in CASES if not c["year"]) >= 5
    assert sum(1 for c in CASES if c["year_end"]) >= 5


def test_weak_preposition_year_is_flagged(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = _read("The register gives the census of 1460.", eras, calendar)
    assert [r.certainty for r in rows if r.year == 1460] == ["low"]
    assert [w.code for w in warnings] == ["BARE_YEAR_UNSURE"]
    rows, warnings = _read("In 1440 the census of 1460 was recorded.", eras, calendar)
    assert [(r.year, r.certainty) for r in rows] == [(1440, "high"), (1460, "medium")]
    # after a quantity noun ("the total of", quantity_noun) the number is no year at all
    rows, warnings = _read("The list gives the total of 1460.", eras, calendar)
    assert rows == [] and warnings == []
    rows, _ = _read("In 1440 the ban was lifted.", eras, calendar)
    assert [(r.year, r.certainty) for r in rows] == [(1440, "high")]


def test_bare_year_doubt_rules() -> None:
    weak, counts = frozenset({"of", "to"}), frozenset({"men"})
    text = "rose to 3000 men"
    assert bare_year_doubt(text, 8, 12, "3000", weak, counts) == "quantity"
    text = "the edict of 1127 was"
    assert bare_year_doubt(text, 13, 17, "1127", weak, counts) == "after 'of'"
    text = "the spring of 1127 was"
    assert bare_year_doubt(text, 14, 18, "1127", weak, counts, frozenset({"spring"})) is None
    text = "died in 0844."
    assert bare_year_doubt(text, 8, 12, "0844", weak, counts) == "leading zero"
    text = "died in 1127."
    assert bare_year_doubt(text, 8, 12, "1127", weak, counts) is None
    text = "1849, Hong Xiuquan rose"
    assert bare_year_doubt(text, 0, 4, "1849", weak, counts) == "at a sentence start"
    text = "He fell ill.\n1849, Hong rose"
    assert bare_year_doubt(text, 13, 17, "1849", weak, counts) == "at a sentence start"
    text = "The Taiping Rebellion\n1850 saw"  # a heading line: still a start
    assert bare_year_doubt(text, 22, 26, "1850", weak, counts) == "at a sentence start"
    text = "proclaimed on the Kerulon in\n1229, and"  # a line break inside a sentence
    assert bare_year_doubt(text, 29, 33, "1229", weak, counts) is None
    text = "at the assembly,\n  1229 was"
    assert bare_year_doubt(text, 19, 23, "1229", weak, counts) is None


def test_year_span_rules() -> None:
    preps = frozenset({"in", "from"})
    assert year_span("X (1149-69)", 3, "1149", "69", False, preps) == (1149, 1169, True)
    assert year_span("X (1198-02)", 3, "1198", "02", False, preps) == (1198, 1202, True)
    assert year_span("in 1127-30", 3, "1127", "30", False, preps) == (1127, 1130, False)
    assert year_span("see 1127-30", 4, "1127", "30", False, preps) is None  # no preposition
    assert year_span("pp. 1149-1169", 4, "1149", "1169", False, preps) is None
    assert year_span("X (221-206", 3, "221", "206", True, preps) == (-220, -205, True)
    assert year_span("X (1169-1149)", 3, "1169", "1149", False, preps) is None  # reversed


def test_unread_phrase_warns(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In the second year of Shaoxing the court settled. In the Tianshenq 3rd year a code "
            "was issued. In the fifth month locusts came.")
    rows, warnings = _read(text, eras, calendar)
    codes = {w.code for w in warnings}
    assert {"DATE_NOT_READ", "RUNNING_DATE_UNSURE"} <= codes
    assert [r.certainty for r in rows] == ["high", "medium"]


def test_no_unread_for_coordinates_or_titles(eras: EraTable, calendar: LunarCalendar) -> None:
    for text in ("Burial in modern Xinzheng, Henan 34°32′N.", "In the Emperor's third year, X."):
        _rows, warnings = _read(text, eras, calendar)
        assert not [w for w in warnings if w.code == "DATE_NOT_READ"], text


def test_meaning_by_derived_form() -> None:
    assert "天盛" in meaning_names("Celestial Prosperity")
    assert "天寶" in meaning_names("Heavenly Treasure")
    assert meaning_names("Yellow River") == ()
