"""Two dates of one sentence joined as one range: "from D1 to D2", "between D1 and D2"
(:func:`join_range`); a bracketed date right after another is its gloss, not a range end."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.records import DateRow

_RANGE_OPEN = re.compile(r"(?:^|\W)(from|between)\W+(?:the\W+)?$", re.IGNORECASE)
_RANGE_JOIN = {"from": re.compile(r"^\W*(?:to|until|till|through|up to|[-\u2013\u2014])\W*$",
                                  re.IGNORECASE),
               "between": re.compile(r"^\W*and\W*$", re.IGNORECASE)}


def join_range(first: DateRow, second: DateRow, before: str, between: str) -> DateRow | None:
    """One range row for "from ``first`` to ``second``" / "between ``first`` and ``second``"
    (``before``: the sentence text before ``first``; ``between``: the text between the two),
    or None when the words do not join them or ``second`` does not end after ``first``
    starts. Fields that differ between the ends (month, day, season) are cleared."""
    opened = _RANGE_OPEN.search(before[-20:])
    if opened is None or not _RANGE_JOIN[opened.group(1).lower()].match(between):
        return None
    if first.year is None or second.year is None:
        return None
    end_year = second.year_end if second.year_end is not None else second.year
    if end_year < first.year or (first.date_start and second.date_end
                                 and second.date_end < first.date_start):
        return None
    same = {f: getattr(first, f) if getattr(first, f) == getattr(second, f) else None
            for f in ("month", "leap_month", "day", "season")}
    return dataclasses.replace(first, end=second.end, kind="range", year_end=end_year,
                               date_end=second.date_end or first.date_end,
                               text=f"{first.text} … {second.text}", **same)


def _with_range(dates: Sequence[DateRow], starts: Sequence[int], chosen: DateRow, sdoc: Doc,
                sent_start: int) -> DateRow:
    """``chosen``, or the range it opens or closes with its neighbour in the sentence
    (``starts``: the starts of ``dates``, for a bisection instead of a linear search)."""
    i = bisect.bisect_left(starts, chosen.start)
    while i < len(dates) and dates[i] is not chosen and starts[i] == chosen.start:
        i += 1
    if i >= len(dates) or dates[i] is not chosen:
        return chosen
    last = sdoc[-1] if len(sdoc) else None  # (sdoc.text is rebuilt token by token: only if used)
    end = sent_start + (last.idx + len(last.text_with_ws) if last is not None else 0)
    if not ((i > 0 and dates[i - 1].start >= sent_start)
            or (i + 1 < len(dates) and dates[i + 1].end <= end)):
        return chosen  # the sentence's only date: no range, no gloss
    text = sdoc.text  # (rebuilt token by token: only when needed)
    # a date in brackets right after another is its gloss, the same time in another calendar
    # ("the seventh year of Xuanhe (the third year of Jin Tianhui, 1125) to ..."): the range
    # joins the dates outside the brackets
    if _gloss(dates, i, text, sent_start):
        i -= 1
    prev = i - 1
    while prev >= 0 and _gloss(dates, prev, text, sent_start):
        prev -= 1
    after = i + 1
    while after < len(dates) and _gloss(dates, after, text, sent_start):
        after += 1
    for a, b in ((prev, i), (i, after)):
        if a < 0 or b >= len(dates):
            continue
        d1, d2 = dates[a], dates[b]
        if d1.start < sent_start or d2.end > end or d2.start < d1.end:
            continue
        between = _BRACKETED.sub(" ", text[d1.end - sent_start:d2.start - sent_start])
        joined = join_range(d1, d2, text[:d1.start - sent_start], between)
        if joined is not None:
            return joined
    return chosen


_BRACKETED = re.compile(r"\([^()]*\)")
_GLOSS_GAP = re.compile(r"[\w\s]{0,20}\(\s*")  # "(", "in the south (": the bracket opens


def _gloss(dates: Sequence[DateRow], k: int, text: str, sent_start: int) -> bool:
    """True if ``dates[k]`` opens a bracket right after ``dates[k - 1]`` (a few words apart at
    most, no punctuation: "the first year of Duanping in the south (the third year of Jin
    Tianxing, 1234)") in the sentence
    ``text`` (whose first character is at full-text offset ``sent_start``)."""
    if k <= 0 or k >= len(dates) or dates[k - 1].start < sent_start:
        return False
    lo, hi = dates[k - 1].end - sent_start, dates[k].start - sent_start
    return 0 <= lo <= hi <= len(text) and _GLOSS_GAP.fullmatch(text[lo:hi]) is not None
