"""Dates written day first, then month, then year, set off by commas ("On the dingchou day,
seventh month, second year of Yuanyou", "the tenth day, the fifth month, third year of
Hongwu", "In the fifth month, second year of Yuanyou"): one date with its month and day.

Runs on the mentions of :func:`pipeline.dates.mentions.find_date_mentions` (after the range
and day merges): a day mention without month (its number or its cycle day), then a month
mention without day, then an era or reign year without month or day, each after the other
with only a comma (and "of"/"in") between, become one mention spanning them all with the
year mention's fields plus the month (and leap flag) and the day. A day and a year alone, or
a month already carrying its day ("the jiazi day of the third month"), followed by the year,
merge the same way; so does a day before a dated month ("the jiazi day, the third month of
the fourth year of Shaoxing"), also joined by "of" alone ("On the day dingmao of the third
month of Taiqing 3"); and a day "of" a month without a year ("the day dingmao of the fourth
month") is one day mention in that month. A day number the grammar does not take as a
mention of its own ("(6th day, 2nd month, 2nd year of Xiangxing)": no "the", no "on") before a
month with a comma joins that month the same way (:func:`bare_day_before`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mentions import DateMention

# "6th day, " / "the sixth day, " right before a month phrase (the text before it)
_BARE_DAY = re.compile(r"(?:\b[Tt]he\s+)?(?P<d>\b\d{1,2}(?:st|nd|rd|th)|\b[A-Za-z]+(?:-[a-z]+)?)"
                       r"\s+[Dd]ay\s*,\s*$"
                       # "(20th of the 12th month = ...)": a digit ordinal "of" the month
                       r"|(?<![\w,])(?P<d2>\d{1,2}(?:st|nd|rd|th))\s+of\s+(?=$)")
_GAP = re.compile(r"\s*,\s*(?:(?:of|in)\s+)?")
_OF = re.compile(r"\s+of\s+")  # "the day dingmao of the third month of Taiqing 3"
YEAR_KINDS = frozenset(("explicit", "reign"))  # mentions that name an era or reign year


def _is_day(m: DateMention) -> bool:
    return (m.kind == "day" and m.month is None and not m.leap
            and (m.day is not None or m.cycle_day is not None))


def _is_month(m: DateMention) -> bool:
    return m.kind in ("month", "day") and m.month is not None and m.western_year is None


def _is_year(m: DateMention, month_ok: bool = False) -> bool:
    return (m.kind in YEAR_KINDS and (month_ok or (m.month is None and not m.leap))
            and m.day is None and m.cycle_day is None and not m.last_day
            and m.era_year is not None)


def _of_month(m: DateMention) -> bool:
    """A month phrase a day can be "of": a month without its day, with its year or not
    ("the third month of Taiqing 3", "the fourth month")."""
    return (m.month is not None and m.day is None and m.cycle_day is None and not m.last_day
            and (_is_year(m, month_ok=True) or (m.kind == "month" and m.western_year is None)))


def merge_backward(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with each "day, month, year" run (or "month, year", "day, year") merged
    into one mention (see the module docstring); other mentions unchanged, in order."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        run = [mentions[i]]
        j = i + 1
        while j < len(mentions) and (
                _GAP.fullmatch(text[run[-1].end:mentions[j].start])
                or (len(run) == 1 and _is_day(run[0]) and _of_month(mentions[j])
                    and _OF.fullmatch(text[run[-1].end:mentions[j].start]))):
            run.append(mentions[j])
            if _is_year(mentions[j], month_ok=True):
                break
            j += 1
        merged = _merge(text, run)
        if merged is None:
            out.append(mentions[i])
            i += 1
        else:
            out.append(merged)
            i += len(run)
    return out


def _merge(text: str, run: list[DateMention]) -> DateMention | None:
    """The one mention of a day/month/year ``run`` ending in a year (or a day "of" a month),
    else None."""
    if (len(run) == 2 and _is_day(run[0]) and run[1].kind == "month" and _of_month(run[1])
            and _OF.fullmatch(text[run[0].end:run[1].start])):  # "the day X of the 4th month"
        return replace(run[1], start=run[0].start, text=text[run[0].start:run[1].end],
                       kind="day", day=run[0].day, cycle_day=run[0].cycle_day)
    if len(run) < 2 or len(run) > 3 or not _is_year(run[-1], month_ok=True):
        return None
    head, year = run[:-1], run[-1]
    day = month = None
    if year.month is not None:  # "the jiazi day, the third month of the fourth year of X"
        if len(head) != 1 or not _is_day(head[0]):
            return None
        day = head[0]
    elif (len(head) == 2 and _is_day(head[0]) and _is_month(head[1]) and head[1].day is None
            and head[1].cycle_day is None and not head[1].last_day):
        day, month = head
    elif len(head) == 1 and _is_month(head[0]):
        month = head[0]
    elif len(head) == 1 and _is_day(head[0]):
        day = head[0]
    else:
        return None
    fields: dict = {}
    if month is not None:
        fields.update(month=month.month, leap=month.leap, day=month.day,
                      cycle_day=month.cycle_day, last_day=month.last_day)
    if day is not None:
        fields.update(day=day.day, cycle_day=day.cycle_day)
    s, e = run[0].start, year.end
    return replace(year, start=s, text=text[s:e], **fields)


def bare_day_before(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with a month phrase that has no day, preceded by "6th day, " written
    without a mention of its own, widened over that day (its ``day`` set)."""
    from .lexicon import load_lexicon, parse_number  # noqa: PLC0415 (lexicon after import)

    lex = load_lexicon()
    out: list[DateMention] = []
    for m in mentions:
        b = None
        if (m.month is not None and m.day is None and m.cycle_day is None and not m.last_day
                and m.kind in ("explicit", "reign", "month") and m.western_year is None):
            b = _BARE_DAY.search(text, max(0, m.start - 30, out[-1].end if out else 0), m.start)
        if b is not None:
            raw = re.sub(r"(?:st|nd|rd|th)$", "", (b.group("d") or b.group("d2")).lower())
            day = int(raw) if raw.isdigit() else parse_number(raw, lex)
            if day is not None and 1 <= day <= 30:
                m = replace(m, start=b.start(), text=text[b.start():m.end], day=day,
                            kind="day" if m.kind == "month" else m.kind)
        out.append(m)
    return out
