"""Chinese lunisolar calendar (sanmiao's month table) and Julian Day Number conversions.

Conventions:

* JDNs returned here are **integers at the noon convention**: the civil day that sanmiao writes
  as ``x.5`` (the midnight starting it) is ``int(x + 0.5)``. E.g. 靖康元年閏十一月二十五日 is
  sanmiao ``2132702.5`` = JDN ``2132703`` = Julian 1127-01-09 = Gregorian 1127-01-16.
  An :class:`pipeline.eras.Era`'s ``start_jdn``/``end_jdn`` keep sanmiao's ``.5`` values.
* ``year`` is the CE year (astronomical, 1 BCE = 0) of the Chinese year, i.e. sanmiao's
  ``ind_year``: the year in which the Chinese year's month 1 falls. Months 11 and 12 (and in the
  Qin/early-Han calendar the leading months 10-12, which sanmiao files under the following
  year) often fall in another Western year.
* ``month`` is sanmiao's month number (1-12; under Wu Zhou 689-700 also 13 and 14 for the
  renamed months). ``leap`` selects the intercalary month (閏月) following month ``month``.
* Ranges are inclusive: ``(first_day, last_day)``.
* ``cal_stream`` is an era's calendar lineage (1 Han/Liao/Jin line, 3 Tang/Song/Yuan/Ming/Qing,
  2 Wei/Wu...): use the era's own stream. sanmiao's streams have gaps (stream 1 has no years
  591-~900 and stops in 1233, so Jin's 1234 is missing; stream 2 covers 222-577 only; stream 3
  starts in 221 with gaps and stops in 1911). When the requested stream has no entry at all for a
  year, or its months leave a gap (stream 1: 1189, 1213), the year is taken from the first of
  streams 3, 1, 2 that has it gap-free (streams agree in all but a few percent of months).
  Years no stream covers (before -245, after 1911) give None. A few table glitches are repaired
  at load time (see ``_clean_rows``). Known quirks kept as sanmiao has them: 762 (Suzong's
  calendar) and -103 (the Taichu reform) number some months twice, and :meth:`month` returns
  the earlier; 1718 (stream 3) has two months numbered 9 instead of a leap 8th.
* The non-Chinese streams are loaded too: 4 Japan (445-1872), 5 Goguryeo / Balhae / Joseon
  (-36-668, Taebong 901-918 and 1392-1895; nothing for Balhae's 698-926), 6 Baekje and Later
  Baekje (-17-660, 901-936), 7 Silla (-56-935), 8 Goryeo (918-1392) (``STREAM_NAMES``).
  Their months differ from the Chinese ones in a few percent of months (by a day, or a month
  where the leap month is placed elsewhere: Joseon 1740 has a leap 6th month where stream 3
  has a leap 3rd). Where
  such a stream has no gap-free year, :meth:`LunarCalendar.months_of_year` and the other lookups
  use the Chinese streams as above; :meth:`LunarCalendar.has_own_year` tells the caller, which
  should warn (``pipeline.dates.days`` writes ``CALENDAR_FALLBACK_CHINESE``). Stream 9 (Vietnam's
  eras) has no table in sanmiao: always the Chinese months.
"""

from __future__ import annotations

import bisect
import csv
import importlib.resources
from typing import NamedTuple

CHINESE_STREAMS = 3  # streams 1-3 are Chinese; 4 is Japan, 5-8 Korean states
LOADED_STREAMS = 8  # all of sanmiao's streams
EAGER_STREAMS = 4  # streams 1-4 are built at load; the Korean ones (5-8) on first use
FALLBACK_STREAMS = (3, 1, 2)
STREAM_NAMES = {
    1: "Chinese (Han/Wei/Jin line)", 2: "Chinese (Wu/Southern line)",
    3: "Chinese (Tang-Qing line)", 4: "Japanese", 5: "Korean (Goguryeo, Balhae, Joseon)",
    6: "Korean (Baekje)", 7: "Korean (Silla)", 8: "Korean (Goryeo)", 9: "Vietnamese",
}

SEASON_MONTHS = {
    "spring": (1, 2, 3),
    "summer": (4, 5, 6),
    "autumn": (7, 8, 9),
    "fall": (7, 8, 9),
    "winter": (10, 11, 12),
}


class LunarMonth(NamedTuple):
    """One lunar month: first day (integer JDN) and length in days."""

    month: int
    leap: bool
    first_jdn: int
    days: int

    @property
    def last_jdn(self) -> int:
        return self.first_jdn + self.days - 1


class LunarCalendar:
    """Month table by (cal_stream, year); load once with :meth:`load` and keep the object."""

    def __init__(self, months: dict[tuple[int, int], list[LunarMonth]],
                 pending: list[list[str]] | None = None) -> None:
        self._years = months
        self._starts: dict[int, list[tuple[int, int]]] | None = None
        self._pending = pending  # raw text rows of streams 5-8, built by _load_pending

    def _load_pending(self) -> None:
        """Build the Korean streams' months on first use (most texts never need them)."""
        if self._pending:
            self._years.update(_month_lists(_clean_rows(_parse(self._pending))))
            self._starts = None
        self._pending = None

    @classmethod
    def load(cls) -> LunarCalendar:
        """Read sanmiao's ``lunar_table_dump.csv`` (all streams: Chinese 1-3, Japan 4,
        Korean states 5-8)."""
        res = importlib.resources.files("sanmiao") / "data" / "lunar_table_dump.csv"
        eager: list[list[str]] = []
        pending: list[list[str]] = []
        with res.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            col = {name: i for i, name in enumerate(next(reader))}
            idx = [col[c] for c in ("cal_stream", "nmd_jdn", "ind_year", "month", "intercalary",
                                    "max_day")]
            for r in reader:
                try:
                    raw = [r[i] for i in idx]
                    stream = int(raw[0])
                except (ValueError, IndexError):
                    continue
                if stream <= EAGER_STREAMS:
                    eager.append(raw)
                elif stream <= LOADED_STREAMS:
                    pending.append(raw)
        return cls(_month_lists(_clean_rows(_parse(eager))), pending)

    def _months(self, cal_stream: int, year: int) -> list[LunarMonth]:
        """Months of (stream, year); if the stream lacks the year, or its months leave a gap
        (stream 1: 1189 lacks a leap month, 1213 is garbled), the first of streams 3, 1, 2
        whose months for that year are gap-free is used instead."""
        if cal_stream > EAGER_STREAMS and self._pending is not None:
            self._load_pending()
        lst = self._years.get((cal_stream, year), [])
        if lst and _tiles(lst):
            return lst
        for stream in FALLBACK_STREAMS:
            alt = self._years.get((stream, year))
            if alt and stream != cal_stream and _tiles(alt):
                return alt
        return lst

    def has_own_year(self, cal_stream: int, year: int) -> bool:
        """True if the stream itself has the year with gap-free months (no fallback needed)."""
        if cal_stream > EAGER_STREAMS and self._pending is not None:
            self._load_pending()
        lst = self._years.get((cal_stream, year))
        return bool(lst) and _tiles(lst)

    def months_of_year(self, cal_stream: int, year: int) -> list[LunarMonth]:
        """The months of a Chinese year in calendar order ([] if the table has none)."""
        return list(self._months(cal_stream, year))

    def month(
        self, cal_stream: int, year: int, month: int, leap: bool = False
    ) -> LunarMonth | None:
        """One month, or None if that year has no such month."""
        for m in self._months(cal_stream, year):
            if m.month == month and m.leap == bool(leap):
                return m
        return None

    def month_jdn_range(
        self, cal_stream: int, year: int, month: int, leap: bool = False
    ) -> tuple[int, int] | None:
        """First and last day (integer JDNs) of a lunar month; None if it does not exist."""
        m = self.month(cal_stream, year, month, leap)
        return (m.first_jdn, m.last_jdn) if m else None

    def year_jdn_range(self, cal_stream: int, year: int) -> tuple[int, int] | None:
        """First day of the Chinese year .. last day of its last month (incl. a leap month)."""
        lst = self._months(cal_stream, year)
        if not lst:
            return None
        return lst[0].first_jdn, lst[-1].last_jdn

    def season_jdn_range(self, cal_stream: int, year: int, season: str) -> tuple[int, int] | None:
        """Range of a season's months (spring 1-3, summer 4-6, autumn 7-9, winter 10-12,
        including their leap months); None for an unknown season or year."""
        wanted = SEASON_MONTHS.get(season.strip().lower())
        lst = self._months(cal_stream, year)
        if not wanted or not lst:
            return None
        sel = [m for m in lst if m.month in wanted]
        if not sel:
            return None
        return min(m.first_jdn for m in sel), max(m.last_jdn for m in sel)

    def day_jdn(
        self, cal_stream: int, year: int, month: int, day: int, leap: bool = False
    ) -> int | None:
        """Integer JDN of day ``day`` (1-based) of a lunar month; None if out of range."""
        m = self.month(cal_stream, year, month, leap)
        if m is None or not 1 <= day <= m.days:
            return None
        return m.first_jdn + day - 1

    def leap_month_of(self, cal_stream: int, year: int) -> int | None:
        """Number of the month that the year's leap month follows, or None."""
        for m in self._months(cal_stream, year):
            if m.leap:
                return m.month
        return None

    def locate(self, cal_stream: int, jdn: int) -> tuple[int, int, bool, int] | None:
        """Inverse lookup: (year, month, leap, day) of an integer JDN in a stream, or None.

        No stream fallback here: a JDN in a gap of the stream gives None.
        """
        if cal_stream > EAGER_STREAMS and self._pending is not None:
            self._load_pending()
        if self._starts is None:
            starts: dict[int, list[tuple[int, int]]] = {}
            for (stream, year), lst in self._years.items():
                if lst:
                    starts.setdefault(stream, []).append((lst[0].first_jdn, year))
            for lst in starts.values():
                lst.sort()
            self._starts = starts
        lst = self._starts.get(cal_stream, [])
        i = bisect.bisect_right(lst, (jdn, float("inf"))) - 1
        if i < 0:
            return None
        year = lst[i][1]
        for m in self._years[(cal_stream, year)]:
            if m.first_jdn <= jdn <= m.last_jdn:
                return year, m.month, m.leap, jdn - m.first_jdn + 1
        return None


Row = tuple[int, float, int, int, int, int]  # stream, new-moon JDN (.5), year, month, leap, days


def _parse(raw: list[list[str]]) -> list[Row]:
    """Text cells (stream, new-moon JDN, year, month, leap, max_day) -> rows; bad rows dropped."""
    rows: list[Row] = []
    for r in raw:
        try:
            rows.append((int(r[0]), float(r[1]), int(r[2]), int(r[3]), int(r[4]),
                         int(float(r[5]))))
        except ValueError:
            continue
    return rows


def _month_lists(rows: list[Row]) -> dict[tuple[int, int], list[LunarMonth]]:
    months: dict[tuple[int, int], list[LunarMonth]] = {}
    for stream, jdn, year, month, leap, days in rows:
        months.setdefault((stream, year), []).append(
            LunarMonth(month, bool(leap), int(jdn + 0.5), days))
    return months


def _clean_rows(rows: list[Row]) -> list[Row]:
    """Repair the few glitches of sanmiao's month table (file order in, JDN order out).

    * A month 12 filed as the *first* month of year Y (stream 1: 1022, 1033; stream 3: 1717)
      while year Y-1 has no month 12 is moved to year Y-1.
    * A second version of the same month (same stream, year, number and leap flag, new moon at
      most 2 days apart; stream 1, 1121 and 1123) is dropped; the first in file order is kept.
    * A month's length is the distance to the next new moon of the stream when that is 29 or
      30 days (or equals ``max_day``: the 28-day month before Wei's calendar change of 237),
      else ``max_day`` if that is 29 or 30 (sanmiao has 20, 21, 59, -535803), else 30.
    """
    first_of_year: dict[tuple[int, int], Row] = {}
    has_12: set[tuple[int, int]] = set()
    for row in rows:
        key = (row[0], row[2])
        if key not in first_of_year or row[1] < first_of_year[key][1]:
            first_of_year[key] = row
        if row[3] == 12 and not row[4]:
            has_12.add(key)
    moved = {
        id(row)
        for (stream, year), row in first_of_year.items()
        if year > -103 and row[3] == 12 and not row[4] and (stream, year - 1) not in has_12
    }
    kept: dict[tuple[int, int, int, int], list[float]] = {}
    unique: list[Row] = []
    for row in rows:
        if id(row) in moved:
            row = (row[0], row[1], row[2] - 1, row[3], row[4], row[5])
        key = (row[0], row[2], row[3], row[4])
        if any(abs(row[1] - j) <= 2 for j in kept.get(key, ())):
            continue
        kept.setdefault(key, []).append(row[1])
        unique.append(row)
    unique.sort()
    out: list[Row] = []
    for i, (stream, jdn, year, month, leap, days) in enumerate(unique):
        nxt = unique[i + 1] if i + 1 < len(unique) else None
        gap = int(nxt[1] - jdn) if nxt is not None and nxt[0] == stream else 0
        if gap in (29, 30) or (gap == days and 28 <= gap <= 31):
            days = gap
        elif days not in (29, 30):
            days = 30
        out.append((stream, jdn, year, month, leap, days))
    return out


def _tiles(months: list[LunarMonth]) -> bool:
    """True if each month of a year starts the day after the previous one ends."""
    pairs = zip(months, months[1:], strict=False)
    return all(a.first_jdn + a.days == b.first_jdn for a, b in pairs)


# ------------------------------------------------------------------ Julian day numbers


def gregorian_to_jdn(year: int, month: int, day: int) -> int:
    """Integer JDN (noon) of a proleptic Gregorian date (astronomical year)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - y // 100 + y // 400 - 32045


def julian_to_jdn(year: int, month: int, day: int) -> int:
    """Integer JDN (noon) of a Julian-calendar date (astronomical year)."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def _iso(year: int, month: int, day: int) -> str:
    sign = "-" if year < 0 else ""
    return f"{sign}{abs(year):04d}-{month:02d}-{day:02d}"


def _gregorian_ymd(jdn: int) -> tuple[int, int, int]:
    a = jdn + 32044
    b = (4 * a + 3) // 146097
    c = a - 146097 * b // 4
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = 100 * b + d - 4800 + m // 10
    return year, month, day


def _julian_ymd(jdn: int) -> tuple[int, int, int]:
    c = jdn + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = d - 4800 + m // 10
    return year, month, day


def jdn_to_gregorian(jdn: int) -> str:
    """ISO proleptic Gregorian date of an integer JDN ('-0044-03-13' style for years < 0)."""
    return _iso(*_gregorian_ymd(int(jdn)))


def jdn_to_julian(jdn: int) -> str:
    """ISO Julian-calendar date of an integer JDN."""
    return _iso(*_julian_ymd(int(jdn)))


def jdn_to_gregorian_ymd(jdn: int) -> tuple[int, int, int]:
    """(year, month, day) of an integer JDN in the proleptic Gregorian calendar."""
    return _gregorian_ymd(int(jdn))


def jdn_to_julian_ymd(jdn: int) -> tuple[int, int, int]:
    """(year, month, day) of an integer JDN in the Julian calendar."""
    return _julian_ymd(int(jdn))
