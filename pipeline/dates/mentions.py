"""Date mentions: :class:`DateMention` and :func:`find_date_mentions` (first pass, no
resolution): the name scan, the grammar's matches (read by :mod:`.phrases`) and the passes
after it (ranges, comma days, unknown and one-letter-off era names, glosses, ages, periods,
dates written in Chinese characters, ...)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from pipeline.eras import EraTable

from .ages import add_age_mentions
from .backward import bare_day_before, merge_backward
from .cjk import add_cjk_mentions
from .coarse import add_coarse_mentions
from .cycle_rulers import attach_cycle_rulers
from .cycles import tag_positions
from .era_lists import add_era_lists
from .era_rulers import add_era_rulers
from .glosses import blank_glosses, widen_mentions
from .grammar import _grammar
from .mention import KINDS, DateMention  # noqa: F401 (the record: re-exported here)
from .merges import _merge_days, _merge_ranges
from .names import _name_index, _scan
from .periods import add_period_mentions
from .phrases import _mention
from .print_repairs import mark_repaired, repair_print
from .reigns import extra_mentions
from .unknown_names import flag_unknown_name, take_printed_years, take_reign_printed_years

_QUOTED = re.compile(r"(?<![\w'’])(['\"“‘*]{1,3})([^\W\d_]+)(['\"”’*]{1,3})(?![\w'’])")


def _unquote_cycles(masked: str, cycle_words: frozenset[str]) -> tuple[str, list[int]]:
    """``masked`` with the quote or italic marks around a cycle name blanked (same length):
    "the ''yichou'' day", "the “jiashen” year" read as without them; and the offsets of a
    "the" just before such marks (new anchors for the grammar)."""
    if not any(q in masked for q in "'\"“‘*"):
        return masked, []
    anchors: list[int] = []

    def blank(m: re.Match[str]) -> str:
        if m.group(2).lower() not in cycle_words:
            return m.group()
        q = m.start()
        if masked[max(0, q - 4):q].lower() == "the ":
            anchors.append(q - 4)
        return " " * len(m.group(1)) + m.group(2) + " " * len(m.group(3))

    return _QUOTED.sub(blank, masked), anchors


def find_date_mentions(text: str, eras: EraTable,
                       people: Mapping[str, frozenset[str]] | None = None) -> list[DateMention]:
    """All date mentions in ``text`` (plus ``kind="dynasty"`` context mentions), by start.

    ``people``: name -> polities of the persons it names (:func:`.people.name_polities`,
    ``Resources.person_names``), evidence for an era several dynasties share; None: the
    table of the active gazetteer. Print damage in a day phrase ("the 3Oth of April") and
    glued infobox labels ("DateDecember 1673") are repaired first (:mod:`.print_repairs`)."""
    fixed, repairs = repair_print(text)
    return mark_repaired(text, _find(fixed, eras, people), repairs)


def _find(text: str, eras: EraTable,
          people: Mapping[str, frozenset[str]] | None) -> list[DateMention]:
    """:func:`find_date_mentions` on a repaired copy of the text."""
    g = _grammar()
    index = _name_index(eras, g.lex)
    masked, starts, dyn_spans = _scan(text, index)
    masked, quoted = _unquote_cycles(masked, index.cycle_words)  # "the ''yichou'' day"
    if quoted:
        starts = sorted(set(starts) | set(quoted))
    masked, glosses = blank_glosses(text, masked, g.lex)  # "June (the fifth lunar month)"
    found: list[DateMention] = []
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = g.pattern.match(masked, start)
        if m is None or m.end() == m.start():
            continue
        pos = m.end()
        mention = _mention(m, text, g, index)
        if mention is not None:
            found.append(mention)
    found = merge_backward(text, _merge_days(text, _merge_ranges(text, found)))
    found = bare_day_before(text, found)  # "(6th day, 2nd month, 2nd year of Xiangxing)"
    found = attach_cycle_rulers(text, found, eras)
    covered = [(x.start, x.end) for x in found]
    k = 0
    for s, e in dyn_spans:
        while k < len(covered) and covered[k][1] <= s:
            k += 1
        if k < len(covered) and covered[k][0] <= s:
            continue
        found.append(DateMention(start=s, end=e, text=text[s:e], kind="dynasty", dynasty=text[s:e]))
    found.sort(key=lambda x: (x.start, x.end))
    flagged = [flag_unknown_name(m, text, eras, g.lex) for m in found]
    out: list[DateMention] = []
    holder = None  # the last mention read as a fuzzy era or a bare ruler's reign
    for m in flagged:  # a printed year (or the "Wu" of "Wu Di") taken into it is none of its own
        if (holder is not None and m.start >= holder.start and m.end <= holder.end
                and (holder.fuzzy_era or m.kind in ("gregorian", "dynasty"))):
            continue
        if m.fuzzy_era or m.kind == "reign":
            holder = m
        out.append(m)
    out = widen_mentions(text, out, glosses)
    out = add_era_rulers(text, out, eras, g.lex)  # "Keen Lung ... his reign"
    out = extra_mentions(text, out, g.lex, eras, DateMention)
    out = add_cjk_mentions(text, out, eras)  # "宣和二年十月九日": dates in characters
    out = add_age_mentions(text, out, g.lex, DateMention)  # an age is no year
    out = add_coarse_mentions(text, out, g.lex, DateMention)  # "the 1120s", "12th century"
    out = add_period_mentions(text, out, eras, g.lex, DateMention)  # "in the Later Han"
    from .apposition import (  # noqa: PLC0415 (imports this module)
        join_appositions,
        printed_after_cycle,
        printed_from_cycle_gloss,
    )
    from .bc import carry_bc  # noqa: PLC0415 (beside the other late passes)
    from .clause_months import add_clause_days, add_clause_months  # noqa: PLC0415 (late pass)
    from .lifetimes import tag_lifetimes  # noqa: PLC0415 (imports this module)
    from .list_years import add_list_years  # noqa: PLC0415 (late pass)
    from .meanings import add_meaning_mentions  # noqa: PLC0415 (imports this module)
    from .mtdigits import add_mt_digit_mentions  # noqa: PLC0415 (imports this module)
    from .near_rulers import tag_rulers  # noqa: PLC0415 (imports this module)
    from .people import tag_people  # noqa: PLC0415 (imports this module)
    from .sentence_dynasty import settle_by_sentence  # noqa: PLC0415 (late pass)
    from .short_years import add_short_years  # noqa: PLC0415 (late pass)

    out = join_appositions(text, add_meaning_mentions(text, out, eras))
    out = printed_after_cycle(text, out)  # "in the spring of Ky Dau, 1789"
    out = printed_from_cycle_gloss(text, out)  # "Xian'an 2 (The Renshen Year, 372 AD)"
    out = take_printed_years(text, out)  # "the sixth year of Thuận Thiên (1433)"
    out = take_reign_printed_years(text, out)  # "Emperor Wu's Yuangwang Era (133 B.C.)"
    out = add_mt_digit_mentions(text, out)  # "/kloc-0/848", "June165438+1October"
    out = tag_lifetimes(text, out, eras)  # "In the jiashen year, Li Zicheng ..."
    out = add_clause_months(text, out)  # "November, Yelu Deguang ...", "Nine months, ..."
    out = add_clause_days(text, out)  # "Ren Wu, Cao Cao killed Dong Cheng": a cycle day
    from .tet import add_new_year_days  # noqa: PLC0415 (late pass)

    out = add_new_year_days(text, out)  # "the 5th of Tet Ky Dau", "30 Tet"
    from .time_clauses import add_time_clauses  # noqa: PLC0415 (late pass)

    out = add_time_clauses(text, out)  # "in 1421 and was minister when the Emperor was taken"
    out = add_list_years(text, out)  # "- 219: ...", "* 1134 – ...": a timeline line's year
    out = add_short_years(text, out)  # "A.D. 73 ... in 94": an entry's short years
    out = carry_bc(text, out)  # "Han in 230 BC, Zhao in 228, ...": bare years after a BC year
    out = tag_positions(text, tag_rulers(text, tag_people(text, out, eras, people), eras))
    from .datelines import mark_datelines  # noqa: PLC0415 (late pass)

    out = settle_by_sentence(out, eras)  # "Emperor Gaozu of Tang ... the ninth year of Zhenguan"
    from .parallel import mark_parallel_headings  # noqa: PLC0415 (late pass)

    out = mark_parallel_headings(text, out)  # "Shu: Ninth Year of Yen-hsi" below the main era
    from .backdrop import mark_backdrops  # noqa: PLC0415 (late pass)

    out = mark_backdrops(text, out)  # "the citadel he had built in ... (1397)": background
    out = mark_datelines(text, out)  # "Respectfully memorialized. Guangxu, third year, ..."
    from .far_years import mark_far_years  # noqa: PLC0415 (late pass)
    from .own_years import join_own_years  # noqa: PLC0415 (late pass)

    out = join_own_years(text, out, DateMention)  # "in summer 580", "3 February AD 6"
    from .ymd import add_ymd_dates  # noqa: PLC0415 (late pass)

    out = add_ymd_dates(text, out, DateMention)  # "1231 Aug 26 - 1259 Jul 21" (a card's span)
    out = add_era_lists(text, out, eras)  # "Shijianguo (9–13) / Tianfeng (14–19)"
    from .ocr_context import widen_western_month_years  # noqa: PLC0415 (late pass)

    out = widen_western_month_years(text, out)  # "October 8, l856": a year garbled by OCR
    from .relative_bounds import mark_relative_bounds  # noqa: PLC0415 (late pass)

    out = mark_relative_bounds(text, out)  # "More than one hundred years later": a bound
    from .annual import mark_annual  # noqa: PLC0415 (late pass)

    out = mark_annual(text, out)  # "the Qingming holiday (April 4 - 6)": no year
    return mark_far_years(out, eras, text)  # "October 2002" in a text on 1120 (MT of an era)


def era_name_spans(mentions: list[DateMention]) -> list[tuple[int, int]]:
    """Character spans of era names inside date mentions (also inside range parts)."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        for part in (m, *m.parts):
            if part.era_start >= 0:
                out.append((part.era_start, part.era_end))
    return sorted(set(out))


def with_offset(mention: DateMention, delta: int) -> DateMention:
    """The same mention shifted by ``delta`` characters (for text processed in pieces)."""
    shift = (lambda v: v + delta if v >= 0 else v)  # noqa: E731
    return replace(
        mention, start=mention.start + delta, end=mention.end + delta,
        era_start=shift(mention.era_start), era_end=shift(mention.era_end),
        parts=tuple(with_offset(p, delta) for p in mention.parts),
    )
