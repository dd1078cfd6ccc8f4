"""A Western year far from everything else the text dates: "(Declared and October 2002, the
ninth day)" in a machine-translated text on the Song rising of 1120 (宣和二年, "Xuanhe 2",
rendered as "declared and 2002").

:func:`mark_far_years` marks a Western date (kind ``gregorian``) whose year is

- more than :data:`FAR` years from every other year the text prints (other Western dates,
  printed CE years, the ends of printed spans), and
- more than :data:`FAR` years outside every period the text names: the reigns of the rulers
  named (``ruler_context``/``reign`` mentions, ``rulers.csv``), the years of the eras named
  (the era table) and of the dynasties named (the span of their eras),

with ``year_doubt = FAR_DOUBT``, when the text has at least one such other year and one such
period (``FAR_LUNAR_DOUBT`` when a lunar day follows: "October 2002, the ninth day" is no
Western date but an era date garbled, and gets no year at all). Otherwise the resolver
(:func:`.western_years._western`) keeps the year as written but at ``low`` certainty with a
``WESTERN_YEAR_FAR`` warning, and the row does not become the running date (later months and
days do not inherit it). A modern year in an article on an old dynasty
("listed as a heritage site in 1987") is marked too: its year stays, only its certainty drops.

A Western day written right after a weekday (``weekday`` rows of ``gazetteer/date_words.csv``:
"Last Updated: Sun Jan 14 2024", "» Sat Mar 04, 2017 4:12 pm") is a page's time stamp, not a
date of the history: it is marked when its year is more than :data:`FAR` years from every
other year the text prints, also in a text that names no era, ruler or dynasty (a HistoryMaps
card on Goryeo prints only Western years). A weekday in the narrative ("on Sunday, 7 July
1937") is near the text's other years and stays unmarked.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import load_lexicon, parse_number

FAR = 200  # years
FAR_DOUBT = "far from the text's other dates and from the periods it names"
FAR_LUNAR_DOUBT = ("far from the text's other dates and the periods it names, and followed by "
                   "a lunar day")
# ", the ninth day" / ", on the 9th day" right after the Western month and year
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?,?\s+$")
_LUNAR_DAY = re.compile(r"\s*,\s*(?:on\s+)?the\s+(?P<n>[\w-]+)\s+day\b", re.IGNORECASE)


def _periods(mentions: list, eras) -> list[tuple[int, int]]:
    from .near_rulers import named_rulers  # noqa: PLC0415 (imports mentions)

    out: list[tuple[int, int]] = []
    seen: set[str] = set()
    for m in mentions:
        if m.kind in ("ruler_context", "reign") and m.ruler:
            out.extend((r.reign_start, r.reign_end) for r in named_rulers(m, eras))
        if m.era and m.kind in ("explicit", "era_context", "reign"):
            out.extend((e.start_year, e.end_year) for e in eras.candidates(m.era))
        if m.kind == "dynasty" and m.dynasty and m.dynasty not in seen:
            seen.add(m.dynasty)
            found = eras.eras_of_dynasty(m.dynasty)
            if found:
                out.append((min(e.start_year for e in found), max(e.end_year for e in found)))
    return out


def _printed_years(mentions: list) -> list[tuple[int, int]]:
    """(mention start, year) of every year the text prints."""
    out = []
    for m in mentions:
        for part in (m, *m.parts):
            if part.kind == "gregorian" and part.western_year is not None:
                out.append((m.start, part.western_year))
            for y in (part.stated_year, part.stated_year_end):
                if y is not None:
                    out.append((m.start, y))
    return out


def _lunar_day(m, text: str | None) -> int | None:
    """The day number of ", the ninth day" right after a Western month and year, or None."""
    if text is None or m.month is None or m.day is not None:
        return None
    g = _LUNAR_DAY.match(text, m.end)
    if g is None:
        return None
    n = parse_number(g.group("n"), load_lexicon())
    return n if n is not None and 1 <= n <= 30 else None


def _marked(m, text: str | None):
    day = _lunar_day(m, text)
    if day is None:
        return replace(m, year_doubt=FAR_DOUBT)
    end = _LUNAR_DAY.match(text, m.end).end()
    return replace(m, year_doubt=FAR_LUNAR_DOUBT, end=end, text=text[m.start:end], day=day)


def _after_weekday(m, text: str | None) -> bool:
    """True when a weekday word (``weekday`` lexicon rows) ends right before the Western day
    ``m`` ("Sun Jan 14 2024", "Sat, 4 March 2017")."""
    if text is None or m.day is None or m.month is None:
        return False
    word = _WORD_BEFORE.search(text, max(0, m.start - 16), m.start)
    if word is None:
        return False
    days = {w.lower().rstrip(".") for w in load_lexicon().cat("weekday")}
    return word.group(1).lower() in days


def _time_stamps(mentions: list, western: list, text: str | None) -> set[int]:
    """ids of the weekday-led Western days (:func:`_after_weekday`) more than :data:`FAR`
    years from every other printed year; empty when the text prints no other year."""
    stamps = [w for w in western if _after_weekday(w, text)]
    if not stamps:
        return set()
    printed = _printed_years(mentions)
    out: set[int] = set()
    for w in stamps:
        others = [y for s, y in printed if s != w.start]
        if others and min(abs(w.western_year - y) for y in others) > FAR:
            out.add(id(w))
    return out


def mark_far_years(mentions: list, eras, text: str | None = None) -> list:
    """``mentions`` with the far Western years of the module docstring marked
    (``year_doubt = FAR_DOUBT``); a new list in the same order. With ``text``: a far month
    and year followed by a lunar day ("October 2002, the ninth day": a Western date never
    counts its day so) is a Chinese month and day whose year machine translation garbled
    (宣和二年十月九日): ``FAR_LUNAR_DOUBT``, the day taken into the mention; the resolver keeps
    no year."""
    western = [m for m in mentions if m.kind == "gregorian" and m.western_year is not None
               and not m.year_doubt and not m.aside]
    years = [y for _, y in _printed_years(mentions)]
    if not any(abs(w.western_year - y) > FAR for w in western for y in years):
        return mentions  # every printed year near every other: nothing can be far
    stamps = _time_stamps(mentions, western, text)  # "Last Updated: Sun Jan 14 2024"
    periods = _periods(mentions, eras)
    if not periods:
        return [replace(m, year_doubt=FAR_DOUBT) if id(m) in stamps else m for m in mentions]

    def inside(year: int) -> bool:
        return any(lo - FAR <= year <= hi + FAR for lo, hi in periods)

    # the printed years the named periods support: a far year repeated is no support
    printed = [y for _, y in _printed_years(mentions) if inside(y)]
    far = {id(w) for w in western if printed and not inside(w.western_year)
           and min(abs(w.western_year - y) for y in printed) > FAR} | stamps
    if not far:
        return mentions
    return [_marked(m, text) if id(m) in far else m for m in mentions]
