"""Dates written in Chinese characters inside English text: "宣和二年十月九日", "天會六年二月",
"宋宣和二年", "洪武元年", "開皇九年春正月丙子".

A date here is an era name in characters (``era_zh`` and its variants in the era
table, i.e. sanmiao's era names; :meth:`pipeline.eras.EraTable.zh_era_names`), optionally
preceded by a dynasty name in characters (``dynasty_zh``: "宋", "北漢"; a ruler's title may
stand between them: "宋徽宗宣和二年"), both matched after
sanmiao's character folding (:func:`pipeline.eras.zh_fold`: traditional and simplified
alike); then a year (元 = 1, or a numeral) and 年; then optionally a season (春夏秋冬),
a month (閏 leap; 正 = 1, 臘 = 12, or a numeral) and 月, and a day: a numeral (初 allowed)
and 日, 朔 (the first day), 晦 (the last day), and/or a sexagenary day (甲子 .. 癸亥,
日 optional); a CE year in brackets after it, "（1120年）", "(1120)", is its printed year
(``stated_year``). Numerals: 一..九, 十, 廿 (20), 卅 (30), 〇/零, 兩.

Each becomes a :class:`DateMention` of kind ``explicit`` with the era as written in
characters (``era``), so the resolver reads it exactly like a romanized era date: the same
candidates (every era of that name in characters), the same choice among same-named eras (a
dynasty written before it, a dynasty or person named nearby, the running date; else a default
with a warning) and the same month tables. A year, month and day that look like a date but
follow no known era name ("某某二年") give a mention of kind ``unread``: no row, a
DATE_NOT_READ warning.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from pipeline.eras import EraTable, zh_fold

from .mention import DateMention

STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
TENS = {"十": 10, "廿": 20, "卅": 30}
SEASONS = {"春": "spring", "夏": "summer", "秋": "autumn", "冬": "winter"}
_NUM = "[〇零一二兩两三四五六七八九十廿卅]"


def zh_number(text: str) -> int | None:
    """A numeral in characters -> int: "九" 9, "十" 10, "十二" 12, "二十三" 23, "廿三" 23,
    "卅" 30, "一〇" 10 (digit by digit); "元" and "正" (first year, first month) 1. None if the
    text is no numeral."""
    if text in ("元", "正"):
        return 1
    if not text or any(ch not in DIGITS and ch not in TENS for ch in text):
        return None
    if not any(ch in TENS for ch in text):  # digit by digit: "一〇" = 10
        value = 0
        for ch in text:
            value = value * 10 + DIGITS[ch]
        return value
    value, pending = 0, None
    for ch in text:
        if ch in TENS:
            value += TENS[ch] * (pending if pending is not None else 1)
            pending = None
        else:
            if pending is not None:
                return None
            pending = DIGITS[ch]
    return value + (pending or 0)


def cycle_of(chars: str) -> int | None:
    """A sexagenary name in characters -> 1..60 (1 = 甲子); None if stem and branch do not
    pair (different parity)."""
    if len(chars) != 2 or chars[0] not in STEMS or chars[1] not in BRANCHES:
        return None
    st, br = STEMS.index(chars[0]), BRANCHES.index(chars[1])
    if (st - br) % 2:
        return None
    return next(n for n in range(1, 61) if (n - 1) % 10 == st and (n - 1) % 12 == br)


def _alternation(names: list[str]) -> str:
    return "|".join(regex.escape(n) for n in names)


_TAIL = (
    rf"(?P<year>元|{_NUM}+)年"
    rf"(?:(?P<season>[春夏秋冬]))?"
    rf"(?:(?P<leap>[閏闰])?(?P<month>正|臘|腊|{_NUM}+)月)?"
    rf"(?:(?:初)?(?P<day>{_NUM}+)日|(?P<shuo>朔)|(?P<hui>晦))?"
    rf"(?:(?P<gz>[{STEMS}][{BRANCHES}])日?)?"
    r"(?:\s*[（(]\s*(?:AD\s*|公元)?(?P<ce>\d{1,4})\s*年?\s*[)）])?"  # "（1120年）", "(1120)"
)
# a year that follows 2-4 characters opening a run of characters, but no known era name
_UNKNOWN = regex.compile(rf"(?<!\p{{Han}})(?P<unknown>\p{{Han}}{{2,4}}?){_TAIL}")


@lru_cache(maxsize=4)
def _pattern(era_names: tuple[str, ...], dyn_names: tuple[str, ...]) -> regex.Pattern:
    return regex.compile(rf"(?:(?P<dyn>{_alternation(list(dyn_names))})"
                         r"(?P<ruler>\p{Han}{1,3}?[宗祖帝王主])?)?"  # 宋徽宗宣和二年
                         rf"(?P<era>{_alternation(list(era_names))}){_TAIL}")


def _month(text: str | None) -> int | None:
    if text is None:
        return None
    return 12 if text in ("臘", "腊") else zh_number(text)


def _read(m: regex.Match, text: str) -> DateMention | None:
    start, end = m.span()
    year = zh_number(m.group("year"))
    unknown = m.groupdict().get("unknown")
    if unknown is not None or year is None or year < 1:
        if unknown and (unknown[-1] in TENS or unknown[-1] in DIGITS):
            return None  # "二十二年": a number, no name
        name = text[m.start("unknown"):m.end("unknown")] if unknown else None
        return DateMention(start=start, end=end, text=text[start:end], kind="unread",
                           unknown_name=name)
    fields: dict = {"era_year": year}
    era_s, era_e = m.span("era")
    fields.update(era=text[era_s:era_e], era_start=era_s, era_end=era_e)
    if m.group("dyn"):
        fields["dynasty"] = text[m.start("dyn"):m.end("dyn")]
    if m.group("season"):
        fields["season"] = SEASONS[m.group("season")]
    month = _month(m.group("month"))
    if month is not None:
        fields["month"] = month
        fields["leap"] = m.group("leap") is not None
    if m.group("day"):
        fields["day"] = zh_number(m.group("day"))
    elif m.group("shuo"):
        fields["day"] = 1
    elif m.group("hui"):
        fields["last_day"] = True
    if m.group("gz"):
        cycle = cycle_of(m.group("gz"))
        if cycle is None:  # "甲丑": no cycle day; the date stops before it
            end = m.start("gz")
        else:
            fields["cycle_day"] = cycle
    if m.group("ce") and end == m.end():  # a printed CE year: checked as any printed year
        fields["stated_year"] = int(m.group("ce"))
    return DateMention(start=start, end=end, text=text[start:end], kind="explicit", **fields)


def find_cjk_dates(text: str, eras: EraTable) -> list[DateMention]:
    """The dates written in characters in ``text`` (see the module docstring), by start.

    Offsets are ``str`` offsets into ``text``; the era span is the era name's characters."""
    if text.isascii():
        return []
    pattern = _pattern(tuple(eras.zh_era_names()), tuple(eras.zh_dynasty_names()))
    folded = zh_fold(text)  # same length: 開皇 and 开皇 alike
    out: list[DateMention] = []
    for m in pattern.finditer(folded):
        mention = _read(m, text)
        if mention is not None:
            out.append(mention)
    taken = [(x.start, x.end) for x in out]
    for m in _UNKNOWN.finditer(folded):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            mention = _read(m, text)
            if mention is not None:
                out.append(mention)
    return sorted(out, key=lambda x: (x.start, x.end))


def add_cjk_mentions(text: str, found: list[DateMention], eras: EraTable,
                     make: Callable[..., DateMention] = DateMention) -> list[DateMention]:
    """``found`` plus the dates in characters that overlap none of its mentions, by start."""
    del make  # the record is DateMention itself (kept for the other passes' signature)
    new = find_cjk_dates(text, eras)
    if not new:
        return found
    keep, glosses = [], set()
    for n in new:  # a printed year inside the date's own bracket is its gloss, not a row
        hit = [x for x in found if x.start < n.end and n.start < x.end]
        gloss = [x for x in hit if x.kind == "gregorian" and n.start <= x.start and x.end <= n.end
                 and n.stated_year is not None]
        if len(gloss) == len(hit):
            keep.append(n)
            glosses.update(id(x) for x in gloss)
    return sorted([*(x for x in found if id(x) not in glosses), *keep],
                  key=lambda x: (x.start, x.end))
