"""The year of an annal's year heading: the section it titles is that year's.

Split from :mod:`pipeline.events.horizon` (its :attr:`Horizon.heading_year`)."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.records import DateRow


def heading_years(walls: Sequence[tuple[int, int]], titles: Sequence[tuple[int, int]],
                  dates: Sequence[DateRow]) -> dict[tuple[int, int], int]:
    """Each heading wall ``(start, end)`` -> the one year its dates print (a year heading of
    an annal, "THE TWELFTH YEAR OF JIAN'AN (dinghai, 207 AD)"); headings printing no year, a
    range or several years are left out."""
    out: dict[tuple[int, int], int] = {}
    heads = set(titles)
    for wall in walls:
        if wall not in heads:
            continue
        years = {(d.year, d.year_end or d.year) for d in dates
                 if d.year is not None and wall[0] <= d.start < wall[1] and d.kind != "aside"}
        if len(years) == 1:
            first, last = years.pop()
            if first == last:
                out[wall] = first
    return out
