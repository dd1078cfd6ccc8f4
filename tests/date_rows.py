"""Helpers shared by the date tests (a module, not a test file): resolve a text's date rows and
find the row that covers a phrase."""

from __future__ import annotations

from pipeline.calendar import LunarCalendar
from pipeline.chronology import resolve_dates
from pipeline.dates import find_date_mentions
from pipeline.eras import EraTable
from pipeline.records import DateRow, WarningRow


def resolved(text: str, eras: EraTable, calendar: LunarCalendar
             ) -> tuple[list[DateRow], list[WarningRow]]:
    """The date rows and date warnings of ``text`` (mentions found and resolved from no
    running date)."""
    return resolve_dates(find_date_mentions(text, eras), eras, calendar)


def row_at(rows: list[DateRow], text: str, phrase: str) -> DateRow:
    """The first row covering the first character of ``phrase`` (its first occurrence in
    ``text``); fails the test, listing the rows, when none does."""
    p0 = text.index(phrase)
    hits = [r for r in rows if r.start <= p0 < r.end]
    assert hits, f"no row for {phrase!r}: {[r.text for r in rows]}"
    return hits[0]
