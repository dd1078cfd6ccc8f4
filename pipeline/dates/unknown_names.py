"""Era years followed by "of <Name>" where the name is no known era: a ruler's reign
("the fifth year of Sejong"), a garbled era one letter off ("Xiangping"), or an unknown name
the resolver warns about (UNKNOWN_ERA). Used by :func:`.mentions.find_date_mentions`."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

import regex

from pipeline.eras import EraTable

from .lexicon import Lexicon
from .reigns import bare_ruler

if TYPE_CHECKING:
    from .mentions import DateMention


# a capitalised name of one or two words, any script's capitals ("Hồng Đức", "Đại Định")
_OF_NAME = regex.compile(r"\s+of\s+(?:the\s+)?(\p{Lu}[\w'’`´-]*(?:[ -]\p{Lu}[\w'’`´-]*)?)")
# "of AD 43", "of B.C. 154": a CE year after an era word (``ce_prefix``), not an era name
_OF_CE_YEAR = regex.compile(r"\s+of\s+(?:the\s+)?(?P<w>[A-Z][A-Za-z.]*(?:\s+[a-z]+)?)\s*"
                            r"(?P<n>\d{1,4})(?![\d.,]*\d)")
# "of Longfeng 12", "of the Longfeng 12th year": a month dated by an era year, era unknown
_OF_NAME_YEAR = regex.compile(
    r"\s+of\s+(?:the\s+)?(\p{Lu}[\w'’-]*(?:[ -]\p{Lu}[\w'’-]*)?)\s+(\d{1,2})(?!\d)"
    r"(?:st|nd|rd|th)?(?:\s+year)?")
# a bare printed CE year right after the name: "the sixth year of Thuận Thiên (1433)"
_PRINTED = re.compile(r"\s*\(\s*(?P<ce>\d{3,4})\s*\)")
_AFTER_FUZZY = re.compile(
    r"(?:\s+of\s+(?:the\s+)?(?P<dyn>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+[Dd]ynasty)?)?"
    r"(?:\s*\(\s*(?P<ce>\d{3,4})\s*\))?")


def flag_unknown_name(m: DateMention, text: str, eras: EraTable, lex: Lexicon) -> DateMention:
    """An era year without era followed by "of <Name>" where Name is no era, dynasty or word
    of ``not_era_name`` (titles): the text names an era we do not know. The mention gets
    ``unknown_name`` (and ``stated_year`` from a bare printed year "(1433)" right after the
    name, taken into the mention); the resolver warns (UNKNOWN_ERA) and gives the printed
    year or no year, never the running era (a running era may be another state's).
    A month followed by "of <Name> <N>" ("the twelfth month of Longfeng 12") is flagged the
    same way when Name is no known era."""
    if m.kind == "month" and not m.dynasty and m.era is None:
        return _unknown_month_era(m, text, eras, lex)
    if m.kind != "inherited" or m.dynasty or m.era_fragment:
        return m
    after = _OF_NAME.match(text, m.end)
    if after is None:
        return m
    name = after.group(1)
    if eras.candidates(name):
        return m
    reign = bare_ruler(m, text, eras)  # "the fifth year of Sejong", "... of Han Wudi"
    if reign is not None:
        return reign
    if eras.dynasty(name) or eras.dynasty(name.split()[0]):
        return _own_count(m, text, after, name, eras)
    if name.split()[0].lower() in lex.cat("not_era_name"):
        return m
    if eras.fuzzy_candidates(name):  # "the fifth year of Xiangping": a garble of Xianping?
        s0, e0 = after.span(1)
        tail = _AFTER_FUZZY.match(text, e0)
        fields: dict = {}
        end = e0
        if tail is not None and tail.group("dyn") and eras.dynasty(tail.group("dyn")):
            fields["dynasty"] = tail.group("dyn")
            end = tail.end("dyn") if tail.group("ce") is None else tail.end()
        if tail is not None and tail.group("ce"):
            fields["stated_year"] = int(tail.group("ce"))
            end = tail.end()
        return replace(m, kind="explicit", era=name, era_start=s0, era_end=e0, fuzzy_era=True,
                       end=end, text=text[m.start:end], **fields)
    return replace(m, unknown_name=name)


def _own_count(m: DateMention, text: str, after: re.Match, name: str,
               eras: EraTable) -> DateMention:
    """"the first year of Wu (1367)": an era year of a state's name with a printed CE year in
    brackets that no era of any dynasty of that name gives for that year (Zhu Yuanzhang's own
    count, 吳元年, not an era of the Three Kingdoms' or the Ten Kingdoms' Wu): the state's own
    year count, read as an unknown era (``unknown_name``), so the printed year dates it
    (:func:`take_printed_years`) and the running era is not continued. Otherwise unchanged."""
    printed = _PRINTED.match(text, after.end())
    n = m.era_year
    if printed is None or n is None:
        return m
    ce = int(printed.group("ce"))
    readings = {d for part in (name, name.split()[0]) for d in eras.dynasty_readings(part)}
    if any(e.contains_era_year(n) and abs(e.ce_year(n) - ce) <= 1
           for d in readings for e in eras.eras_of_dynasty(d)):
        return m
    return replace(m, unknown_name=name)


def take_printed_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """An era year of an unknown era with a bare printed CE year right after the name ("the
    sixth year of Thuận Thiên (1433)"): the mention takes the name and the printed year
    (``stated_year``), and the printed year's own mention is dropped. Run after the passes
    that may still read the name (eras by meaning, Japanese readings, garbles)."""
    out: list[DateMention] = []
    taken: tuple[int, int] | None = None
    for m in mentions:
        if (taken is not None and taken[0] <= m.start and m.end <= taken[1]
                and m.kind == "gregorian"):
            continue
        if m.unknown_name and m.kind == "inherited" and m.stated_year is None:
            after = _OF_NAME.match(text, m.end)
            printed = _PRINTED.match(text, after.end()) if after is not None else None
            if printed is not None:
                end = printed.end()
                m = replace(m, stated_year=int(printed.group("ce")), end=end,
                            text=text[m.start:end])
                taken = (m.start, end)
        out.append(m)
    return out


# "The 2nd year of Emperor Wu's Yuangwang Era (133 B.C.)": an unread name after the ruler's
# possessive, then the printed year in brackets
_POSS_NAME = regex.compile(r"(?:'s|’s)(?:\s+\p{Lu}[\w'’-]*){1,3}"
                           r"(?:\s+(?:[Ee]ra|[Rr]eign(?:\s+[Pp]eriod)?|[Pp]eriod))?\s*")


def take_reign_printed_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """A reign year followed by a name the grammar did not read after the ruler's possessive
    and a printed year in brackets ("The 2nd year of Emperor Wu's Yuangwang Era (133 B.C.)"):
    the reign mention takes the printed year (``stated_year``: a disagreeing reading is then a
    conflict, as in "the 2nd year of Emperor Wu (133 B.C.)") and the year's own mention is
    dropped."""
    out: list[DateMention] = []
    skip = -1
    for i, m in enumerate(mentions):
        if i == skip:
            continue
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (m.kind == "reign" and m.stated_year is None and nxt is not None
                and nxt.kind == "gregorian" and nxt.western_year is not None and nxt.month is None
                and text[nxt.start:nxt.start + 1] == "("
                and _POSS_NAME.fullmatch(text, m.end, nxt.start)):
            m = replace(m, stated_year=nxt.western_year, end=nxt.end, text=text[m.start:nxt.end])
            skip = i + 1
        out.append(m)
    return out


def _unknown_month_era(m: DateMention, text: str, eras: EraTable, lex: Lexicon) -> DateMention:
    """"the twelfth month of Longfeng 12": a month of a named era year whose era is unknown.
    "the first month of AD 43" (an era word of the lexicon, ``ce_prefix``) is no unknown era:
    the month of the Chinese year begun in that CE year (``lunar_year``, widened over it)."""
    ce = _OF_CE_YEAR.match(text, m.end)
    if ce is not None and m.lunar_year is None and m.stated_year is None:
        sign = lex.cat("ce_prefix").get(" ".join(ce.group("w").split()))
        if sign is not None and int(ce.group("n")) > 0:
            year = int(ce.group("n")) if int(sign) > 0 else 1 - int(ce.group("n"))
            return replace(m, lunar_year=year, end=ce.end(), text=text[m.start:ce.end()])
    after = _OF_NAME_YEAR.match(text, m.end)
    if after is None:
        return m
    name = after.group(1)
    if (eras.candidates(name) or eras.dynasty(name) or eras.dynasty(name.split()[0])
            or name.split()[0].lower() in lex.cat("not_era_name")):
        return m
    return replace(m, unknown_name=name, era_year=int(after.group(2)))
