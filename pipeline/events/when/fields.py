"""The date columns of an event row taken from its date row: precision, ACLED's
``time_precision``, the Gregorian year; the span asides that may date an event."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.calendar import gregorian_to_jdn, jdn_to_gregorian_ymd
from pipeline.records import DateRow


def with_asides(told: Sequence[DateRow], dates: Sequence[DateRow]
                ) -> tuple[tuple[DateRow, ...], tuple[int, ...]]:
    """``told`` (the dates that may date events, sorted by start) with the printed span
    asides of ``dates`` that have a year (kind ``aside``: "(1409-1411)"), sorted by start, and
    their starts. An aside dates an event only as its own clause's time, after a common noun
    ("the third voyage (1409-1411)"), never as a running date (:func:`dated_event`)."""
    asides = [d for d in dates if d.kind == "aside" and d.year is not None]
    if not asides:
        return tuple(told), tuple(d.start for d in told)
    out = tuple(sorted([*told, *asides], key=lambda d: d.start))
    return out, tuple(d.start for d in out)


def date_precision(d: DateRow) -> str:
    """day | month | season | range | year ("" without a year)."""
    if d.kind == "range" and d.date_start and d.date_end and d.date_start != d.date_end \
            and d.day is None:
        return "range"
    if d.day is not None:
        return "day"
    if d.month is not None:
        return "month"
    if d.season:
        return "season"
    if d.year is not None and d.year_end is not None and d.year_end != d.year:
        return "range"
    return "year" if d.year is not None else ""


def time_precision(d: DateRow) -> int | None:
    """ACLED's numeric convention: 1 a day, 2 a month or season, 3 a year or coarser."""
    text = date_precision(d)
    if not text:
        return None
    return {"day": 1, "month": 2, "season": 2}.get(text, 3)


def _iso_jdn(iso: str) -> int | None:
    """JDN of an ISO proleptic Gregorian day ('0091-12-30', '-0044-03-13'), None if malformed."""
    try:
        year, month, day = (int(x) for x in iso.lstrip("-").split("-"))
    except ValueError:
        return None
    return gregorian_to_jdn(-year if iso.startswith("-") else year, month, day)


def gregorian_year(d: DateRow) -> int | None:
    """The proleptic Gregorian (astronomical) year of ``d.date_start``, or None; for a date
    known only to the year, the year that holds the middle of its span: a Western year before
    about 200 CE read as a Julian year ("A.D. 92") starts on a Gregorian day of the year before
    (Julian 1 January 92 is Gregorian 30 December 91), and its Western year is 92, not 91."""
    if not d.date_start:
        return None
    start = _iso_jdn(d.date_start)
    if start is None:
        return None
    end = _iso_jdn(d.date_end) if d.date_end else None
    if date_precision(d) == "year" and end is not None and start <= end <= start + 366:
        start = (start + end) // 2
    return jdn_to_gregorian_ymd(start)[0]


def date_fields(d: DateRow | None) -> dict[str, object]:
    """EventRow's date fields taken from ``d`` (None: no fields, the defaults stay)."""
    if d is None:
        return {}
    return {"year": d.year, "year_end": d.year_end, "month": d.month, "leap_month": d.leap_month,
            "day": d.day, "season": d.season, "date_start": d.date_start,
            "date_end": d.date_end, "date_precision": date_precision(d), "date_text": d.text,
            "date_id": d.date_id, "gregorian_year": gregorian_year(d),
            "time_precision": time_precision(d)}
