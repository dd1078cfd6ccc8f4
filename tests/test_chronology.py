"""Resolution of date mentions to CE dates (pipeline.chronology), driven by date_cases.csv."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.calendar import LunarCalendar
from pipeline.chronology import RunningDate, era_name_spans, resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable
from pipeline.records import DateRow, WarningRow

CASES_PATH = Path(__file__).resolve().parent / "date_cases.csv"
with CASES_PATH.open(encoding="utf-8", newline="") as _fh:
    POSITIVE = [c for c in csv.DictReader(_fh) if c["kind"] != "none"]


def resolve(text: str, eras: EraTable, calendar: LunarCalendar
            ) -> tuple[list[DateRow], list[WarningRow]]:
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


def _bool(value: str) -> bool:
    return value.strip().lower() == "true"


@pytest.mark.parametrize("case", POSITIVE, ids=[c["case_id"] for c in POSITIVE])
def test_case_resolves(case: dict[str, str], eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = resolve(case["context"], eras, calendar)
    by_text = {r.text: r for r in rows}
    row = by_text[case["phrase"]]
    assert row.kind == case["kind"]
    checks = {
        "era": row.era, "dynasty": row.dynasty, "era_year": row.era_year, "year": row.year,
        "year_end": row.year_end, "month": row.month, "day": row.day,
        "julian_start": row.julian_start, "date_start": row.date_start,
        "stated_year": row.stated_year,
    }
    for column, got in checks.items():
        want = case[column]
        if want == "":
            continue
        expected = int(want) if column in {"era_year", "year", "year_end", "month", "day",
                                           "stated_year"} else want
        assert got == expected, f"{column}: {got!r} != {expected!r} ({row.basis})"
    if case["leap"]:
        assert row.leap_month is _bool(case["leap"])
    if case["conflict"]:
        assert row.conflict is _bool(case["conflict"])
    codes = {w.code for w in warnings if w.start == row.start}
    if case["warning"]:
        assert case["warning"] in codes
    else:
        assert not codes & {"STATED_YEAR_CONFLICT", "ERA_YEAR_OUT_OF_RANGE", "INVALID_MONTH"}


def test_rows_are_unplaced_records(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = resolve("In the first month of the first year of Tianxing (1233), war.",
                             eras, calendar)
    assert all(r.doc_id == "" and r.sentence_id == -1 for r in rows)
    assert [w.code for w in warnings] == ["STATED_YEAR_CONFLICT"]
    assert warnings[0].doc_id == "" and warnings[0].start == rows[0].start


def test_ambiguous_era_lists_alternatives(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, _ = resolve("The Jin army attacked. In the third year of Tianhui, it won.", eras,
                      calendar)
    (row,) = rows
    assert row.dynasty == "Jin" and row.year == 1125
    assert "Northern Han" in row.alternatives


def test_silent_era_change_is_explained(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "In the fifteenth year of Jin Tianhui, peace. In the second year, war again."
    rows, _ = resolve(text, eras, calendar)
    assert rows[1].era == "Tianjuan" and rows[1].year == 1139
    assert "changed silently" in rows[1].basis
    assert "Tianhui (Jin)" in rows[1].alternatives


def test_small_step_back_keeps_era(eras: EraTable, calendar: LunarCalendar) -> None:
    text = ("In March of the eighth year of Jin Tianhui, war. "
            "In December of the seventh year, peace.")
    rows, _ = resolve(text, eras, calendar)
    assert (rows[1].era, rows[1].year) == ("Tianhui", 1129)


def test_month_order_keeps_year_when_close(eras: EraTable, calendar: LunarCalendar) -> None:
    text = "In July of the sixth year of Jin Tianhui, he died. In March, the army had moved."
    rows, _ = resolve(text, eras, calendar)
    assert rows[1].year == 1128


def test_gregorian_date_sets_running_date(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, _ = resolve("On July 2, 626 the prince struck. The following year, he ruled.", eras,
                      calendar)
    assert rows[1].year == 627 and rows[1].era == "Zhenguan"


def test_relative_without_context_warns(eras: EraTable, calendar: LunarCalendar) -> None:
    rows, warnings = resolve("The next day the city fell.", eras, calendar)
    assert rows[0].year is None
    assert [w.code for w in warnings] == ["NO_RUNNING_DATE"]


def test_running_date_defaults() -> None:
    state = RunningDate()
    assert state.year is None and state.era is None and state.stream == 3


def test_era_name_spans_reexported(eras: EraTable) -> None:
    text = "In the sixth year of Tianhui, war."
    start = text.index("Tianhui")
    assert era_name_spans(find_date_mentions(text, eras)) == [(start, start + 7)]


@pytest.mark.parametrize(
    "text",
    ["In the 999th year of Tianhui, then the following year.", "The year before.",
     "In the thirteenth month, on the fortieth day.", "On February 30, 1200 it rained.",
     "In the leap month of the 0th year of Jiajing.", "(AD 99999) and in 0 AD",
     "From the ninth year to the first month. The next day. On the 31st, again."],
)
def test_bad_input_warns_never_raises(text: str, eras: EraTable,
                                      calendar: LunarCalendar) -> None:
    rows, warnings = resolve(text, eras, calendar)
    assert all(isinstance(r, DateRow) for r in rows)
    assert all(isinstance(w, WarningRow) and w.code.isupper() for w in warnings)


@pytest.mark.parametrize(("text", "warned"), [
    ("In the sixth year of Tianhui, rain. In the fifth year of Zorblax, peace.", True),
    ("In the sixth year of Tianhui, rain. In the eighth year of the Jin Dynasty, peace.", False),
    ("In the sixth year of Tianhui, rain. In the eighth year, peace.", False),
])
def test_unknown_name_after_an_era_year_is_warned(eras, calendar, text: str,
                                                  warned: bool) -> None:
    rows, warnings = resolve(text, eras, calendar)
    assert rows[-1].kind == "inherited"
    # an unknown era name: no year (the running era may be another state's), never a borrow
    assert (rows[-1].year is None) is warned
    assert any(w.code == "UNKNOWN_ERA" for w in warnings) is warned


def test_a_ruler_after_an_era_year_is_a_reign_year(eras, calendar) -> None:
    """'Emperor Gaozong' is a ruler (several dynasties): the one nearest the running date."""
    rows, warnings = resolve(
        "In the sixth year of Tianhui, rain. In the fifth year of Emperor Gaozong, peace.",
        eras, calendar)
    assert (rows[-1].kind, rows[-1].dynasty, rows[-1].year) == ("reign", "Southern Song", 1131)
    assert rows[-1].certainty == "medium"
    assert not any(w.code == "UNKNOWN_ERA" for w in warnings)
