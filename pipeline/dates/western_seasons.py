"""The season of a Western-numbered year: "In the winter of 209 BC".

A season written with a Western year ("the spring of 975 AD", "the winter of 209 BC") is read
in the Chinese year begun in that year (``lunar_year``, :mod:`.grammar`): spring months 1-3,
winter months 10-12. Under the Qin and early Han calendar (before the Taichu reform of 104 BC)
the Chinese year *opens* with its winter: months 10-12 of the Qin year 209 BC ran from November
210 to February 209 BC, so that reading puts "the winter of 209 BC" before the July 209 BC
rising it followed.

Decision (:func:`western_winter`): a Western year's winter is the winter months (10-12) that
begin in that Western year (and "the tenth month of 209 BC" the tenth month that begins in
it), i.e. the end of the Western year and the start of the next (December 209-January 208 BC
for 209 BC): the winter months of the Chinese year whose tenth month begins in the Western
year. For every year after the Taichu reform that is the reading above, unchanged. Where it
differs (a year opening in winter) the row keeps the year as written, takes the later winter's
days, and warns ``WESTERN_YEAR_SEASON`` (medium): a writer may also have meant the winter
months at the start of the Western year (the Chinese year's own winter), whose days the
warning names.
"""

from __future__ import annotations

from pipeline.calendar import jdn_to_julian_ymd


def western_winter(res, m, stream: int, calendar) -> None:
    """Move ``res.jdn`` of a winter, or of a month 10-12, of a Western-numbered year
    (``m.lunar_year`` set) to the winter months beginning in that Western year when the Chinese
    year's own winter months began in the year before (see the module docstring); the era
    year follows the days. Otherwise nothing changes."""
    if m.lunar_year is None or res.year != m.lunar_year or res.jdn is None or res.leap:
        return
    if m.month is None and res.month is None and (m.season or "").lower() == "winter":
        what = "winter"
        own = calendar.season_jdn_range(stream, res.year, "winter")
        later = calendar.season_jdn_range(stream, res.year + 1, "winter")
    elif m.month in (10, 11, 12) and res.month == m.month:
        what = f"month {m.month}"
        own = calendar.month_jdn_range(stream, res.year, m.month, False)
        later = calendar.month_jdn_range(stream, res.year + 1, m.month, False)
    else:
        return
    if own is None or later is None or jdn_to_julian_ymd(own[0])[0] == res.year:
        return
    if jdn_to_julian_ymd(later[0])[0] != res.year:
        return
    if res.day is not None:  # "the 8th day of the tenth month of 209 BC"
        if later[0] + res.day - 1 > later[1]:
            return
        later = (later[0] + res.day - 1, later[0] + res.day - 1)
    res.jdn = later
    if res.era is not None and res.era_year is not None:
        if res.era.contains_era_year(res.era_year + 1):
            res.era_year += 1
        else:
            res.era, res.era_year = None, None
    shown = f"{1 - res.year} BC" if res.year <= 0 else str(res.year)
    res.guess("WESTERN_YEAR_SEASON",
              f"the {what} of the Western year {shown} read as the one that begins in it "
              f"({_day(later[0])} to {_day(later[1])}): the Chinese year begun in {shown} "
              f"opens with its winter months, whose {what} ({_day(own[0])} to {_day(own[1])}) "
              "the text may mean instead", "medium",
              basis=f"{what} beginning in the Western year {shown} (its Chinese year opens in "
              "winter)")


def _day(jdn: int) -> str:
    """A Julian day as a reader writes it: '18 Nov 210 BC'."""
    y, mo, d = jdn_to_julian_ymd(jdn)
    mon = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
           "Dec")[mo - 1]
    return f"{d} {mon} {1 - y} BC" if y <= 0 else f"{d} {mon} {y}"
