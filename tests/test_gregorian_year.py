"""``gregorian_year`` of an event's date: the Western year for plotting (issue 8, item 6)."""

from __future__ import annotations

import pytest

from pipeline.events.when import gregorian_year
from pipeline.records import DateRow


def _row(start: str, end: str, **kw: object) -> DateRow:
    return DateRow("d", 0, 0, 1, "t", "gregorian", date_start=start, date_end=end, **kw)


@pytest.mark.parametrize(("row", "expected"), [
    # A Julian year before ~200 CE starts on a Gregorian day of the year before.
    (_row("0091-12-30", "0092-12-29", year=92), 92),
    (_row("0088-12-30", "0089-12-29", year=89), 89),
    # A Han year before the Taichu reform starts in the tenth month (November).
    (_row("-0119-11-09", "-0118-10-29", year=-118), -118),
    # A Chinese year starts in late January or February: the year it starts in.
    (_row("1402-01-10", "1403-01-09", year=1402), 1402),
    # A day or a month keeps the year of its first day.
    (_row("0091-12-30", "0091-12-30", year=92, month=1, day=1), 91),
    (_row("1126-12-23", "1127-01-21", year=1126, month=11), 1126),
    # A range of years: the first.
    (_row("1405-02-01", "1407-01-20", year=1405, year_end=1407), 1405),
])
def test_gregorian_year(row: DateRow, expected: int) -> None:
    assert gregorian_year(row) == expected


def test_no_or_malformed_start_is_none() -> None:
    assert gregorian_year(_row("", "")) is None
    assert gregorian_year(_row("about 92", "")) is None
