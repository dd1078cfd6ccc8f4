"""One date phrase matched by the grammar, read into a :class:`DateMention`: the captures of
the match (era, year, month, day, season, relative offsets, Western dates, printed year spans)
and the kind they make. Called by :func:`pipeline.dates.mentions.find_date_mentions`."""

from __future__ import annotations

import re

import regex

from .bare import bare_year_doubt, stands_alone, year_span
from .cycle_japanese import japanese_positions
from .grammar import _Grammar
from .lexicon import cycle_number, parse_number
from .mention import DateMention
from .names import _NameIndex
from .state import _SEASON_FIRST


def _cap(m: regex.Match, name: str, text: str) -> str | None:
    """First capture of group ``name``, read from the original (unmasked) text."""
    spans = m.spans(name)
    return text[spans[0][0]:spans[0][1]] if spans else None


def _cap_span(m: regex.Match, name: str) -> tuple[int, int] | None:
    spans = m.spans(name)
    return spans[0] if spans else None


#: ``year_doubt`` of a date phrase whose printed CE year had OCR's l or I for a 1 ("(l07)")
OCR_STATED_DOUBT = "a printed year with OCR's letter l for the digit 1"


def _mention(m: regex.Match, text: str, g: _Grammar, index: _NameIndex) -> DateMention | None:
    lex = g.lex
    start, end = m.span()
    present = {k for k, v in m.groupdict().items() if v is not None}

    def get(name: str) -> str | None:
        return _cap(m, name, text) if name in present else None

    fields: dict = {}
    stated = get("ce")
    if stated is not None:
        suf = get("cesuf")
        if not stated.isdigit():  # "(l07)": an OCR'd 107 (.grammar); the resolver warns
            stated = stated.replace("l", "1").replace("I", "1")
            fields["year_doubt"] = OCR_STATED_DOUBT
        val = int(stated)
        fields["stated_year"] = 1 - val if suf and suf in g.ce_neg else val
        end_text = get("ceend")
        if end_text is not None and not (suf and suf in g.ce_neg):
            if len(end_text) < len(stated):  # "(1101/02)" -> 1102
                end_text = stated[: len(stated) - len(end_text)] + end_text
            if int(end_text) > val:
                fields["stated_year_end"] = int(end_text)
    if get("lyear") is not None:
        val = int(get("lyear"))
        suf = get("cesuf")
        fields["lunar_year"] = 1 - val if suf and suf in g.ce_neg else val
    dyn_span = _cap_span(m, "dyn") or _cap_span(m, "dynyear")
    if dyn_span:
        fields["dynasty"] = text[dyn_span[0]:dyn_span[1]]
    era_span = _cap_span(m, "era")
    if era_span:
        # "Cheng T*ung": OCR's asterisk for a Wade-Giles apostrophe (joined as one by .names)
        surface = re.sub(r"(?<=[A-Za-z])\*(?=[a-z])", "'", text[era_span[0]:era_span[1]])
        fields.update(era=surface, era_start=era_span[0], era_end=era_span[1])
        before = text[max(0, era_span[0] - 9):era_span[0]].lower()
        after = text[era_span[1]:era_span[1] + 9].lower()
        if before.endswith("emperor ") or after.startswith(" emperor"):
            fields["era_title"] = True
    year = None
    for name in ("yord", "ycard", "ynum"):
        if get(name) is not None:
            year = parse_number(get(name), lex)
            break
    if get("yfirst") is not None:
        year = 1
    num_span = next((sp for sp in (_cap_span(m, nm) for nm in ("yord", "ycard", "ynum")) if sp),
                    None)
    if (year is not None and num_span and num_span[0] > 0
            and text[num_span[0] - 1] in ("-", "−")):
        if num_span[0] == start or not text[num_span[0] - 2:num_span[0] - 1].isalnum():
            year = -year  # "the -5th year": kept negative, the resolver warns
            start = min(start, num_span[0] - 1)
    if year is not None:
        fields["era_year"] = year
    if get("phase") is not None:
        fields["phase"] = g.phases.get(re.sub(r"\s+", " ", get("phase").lower()))
    if get("frag") is not None:
        frag = get("frag")
        if frag.lower() in g.duration_cues or parse_number(frag, lex) is not None:
            return None
        fields["era_fragment"] = frag
    if get("for") is not None and "stated_year" not in fields:
        return None  # "ruled in Xining for three years": a duration
    # relative
    if get("whole") is not None:
        fields["phase"] = "whole"
    if get("relnext") is not None:
        fields["rel_years"] = 1
    if get("relyear") is not None:
        rel = re.sub(r"\s+", " ", get("relyear").lower())
        alone = _cap_span(m, "relyear")[0] == start  # not "the third month of same year"
        bare = not rel.startswith(("the ", "that ", "this "))
        if alone and bare and not _opens_clause(text, start):
            return None  # "he would come next year": speech, not the narrative's next year
        fields["rel_years"] = g.rel_year[rel]
    if get("relday") is not None:
        fields["rel_days"] = g.rel_day[re.sub(r"\s+", " ", get("relday").lower())]
    if get("relmonth") is not None:
        rel = re.sub(r"\s+", " ", get("relmonth").lower())
        if not rel.startswith(("the ", "that ")) and not _opens_clause(text, start):
            return None  # "he would come next month": speech, not the narrative's
        fields["rel_months"] = g.rel_month[rel]
    if get("relvague") is not None:  # "a few months later": no row, a DATE_NOT_READ warning
        return DateMention(start=start, end=end, text=text[start:end], kind="unread")
    if get("reln") is not None:
        n = 1 if get("reln").lower() in ("a", "an") else parse_number(get("reln"), lex)
        sign = g.rel_dir[get("reldir").lower()]
        unit = get("relunit").lower().rstrip("s")
        if n is None:
            return None
        if unit == "year":
            fields["rel_years"] = sign * n
        elif unit == "day":
            fields["rel_days"] = sign * n
        elif unit == "month":
            fields["rel_months"] = sign * n
        else:  # another unit: not modelled; the narrative moved, no one knows how far
            return DateMention(start=start, end=end, text=text[start:end], kind="unread")
    # month / day / season
    if get("ruler") is not None:
        fields["ruler"] = get("ruler")
    if get("sexday") is not None:
        fields["cycle_day"] = cycle_number(get("sexday"), lex)
    if get("dlast") is not None:
        fields["last_day"] = True
    if get("phasein") is not None:
        fields["phase"] = lex.cat("phase_in").get(re.sub(r"\s+", " ", get("phasein").lower()))
        fields["phase_guess"] = True
    if get("sexera") is not None:  # "the Gengzi Indemnity": a cycle name that is also an era
        cycle = cycle_number(get("sexera"), lex)
        if cycle is None:
            return None
        fields["cycle_year"] = cycle
    if get("sexyear") is not None and "era_year" not in fields:
        fields["cycle_year"] = cycle_number(get("sexyear"), lex)
        if fields["cycle_year"] is None:  # a Japanese reading: "kinoe-ne", "kōgo" (ambiguous)
            alts = japanese_positions(get("sexyear"))
            fields["cycle_year"] = alts[0] if alts else None
            if len(alts) > 1:
                fields["cycle_alts"] = alts
    if get("mord") is not None:
        fields["month"] = parse_number(get("mord"), lex)
    elif get("mcard") is not None:  # "Same year autumn eight month": an MT ordinal
        fields["month"] = parse_number(get("mcard"), lex)
    elif get("mname") is not None:
        fields["month"] = g.months[get("mname").lower()]
    if get("leap") is not None or get("leaponly") is not None:
        fields["leap"] = True
    if get("dord") is not None:
        fields["day"] = parse_number(get("dord"), lex)
    elif get("dnum") is not None:
        fields["day"] = int(get("dnum"))
    if get("season") is not None:
        fields["season"] = g.seasons[get("season").lower()]
        first = _SEASON_FIRST.get(fields["season"])
        if (get("mname") or get("mord")) and get("gyear") is None and first is not None \
                and fields.get("month") is not None and not first <= fields["month"] < first + 3:
            del fields["month"], fields["season"]  # "the summer and October": they disagree
    # western
    if get("gyear") is not None or get("greg") is not None:
        if get("gyear") is not None:
            val = int(get("gyear"))
            suf = get("gsuf")
            fields["western_year"] = 1 - val if suf and suf in g.ce_neg else val
        fields["month"] = (
            int(get("gmnum")) if get("gmnum") else g.months[get("gmname").rstrip(".").lower()]
        )
        if get("gdord"):
            fields["day"] = parse_number(get("gdord"), lex)
        else:
            fields["day"] = int(get("gday")) if get("gday") else None
        fields["calendar"] = "gregorian" if get("greg") else "western"
        kind = "gregorian"
        if get("gdayend") is not None:
            return _day_range(m, text, start, end, fields)
    elif get("ryear") is not None:
        return _span_mention(m, text, g)
    elif get("byear") is not None:
        val = int(get("byear"))
        suf = get("cesuf")
        y0 = _cap_span(m, "byear")[0]
        pre = g.bc_before.search(text, max(0, y0 - 8), y0)
        bc = bool(suf and suf in g.ce_neg) or pre is not None
        if pre is not None:  # "B.C. 117": the era word is part of the mention
            start = min(start, pre.start())
        if not suf and not bc:
            s0, e0 = _cap_span(m, "byear")
            doubt = bare_year_doubt(text, s0, e0, get("byear"), g.weak_preps, g.count_nouns,
                                    g.date_nouns)
            if doubt == "quantity":
                return None
            fields["year_doubt"] = doubt
        if stands_alone(text, _cap_span(m, "byear")[0], end, _life_words(g), True):
            fields["aside"] = True  # "Died A.D. 934.": an entry's life date, no running date
        fields["western_year"] = 1 - val if bc else val
        fields["calendar"] = "western"
        approx = g.approx.search(text, max(0, start - 30), start)
        if approx is not None:  # "c. 1100", "circa AD 1127": the word joins the mention
            fields["approx"] = True
            start = approx.start()
        kind = "gregorian"
    elif get("ctx") is not None:
        kind = "era_context"
    elif fields.get("cycle_year") is not None and "era" in fields:
        kind = "sexagenary"  # "the jiashen year of Chongzhen"
    elif "era" in fields:
        kind = "explicit"
        if "era_year" not in fields and "phase" not in fields:
            return None
    elif "ruler" in fields and ("era_year" in fields or fields.get("phase") == "whole"):
        kind = "reign"
    elif fields.get("cycle_year") is not None:
        kind = "sexagenary"
    elif "era_year" in fields:
        kind = "inherited"
        bare = not any(fields.get(k) is not None for k in ("month", "season", "day", "phase",
                                                            "stated_year", "dynasty"))
        if bare and "era_fragment" not in fields and not text[start:end].lower().startswith("the"):
            return None  # "changed hay hill second year": an ordinal, not a dated year
    elif "rel_years" in fields or "rel_days" in fields or "rel_months" in fields:
        kind = "relative"
    elif any(fields.get(k) for k in ("day", "cycle_day", "last_day")):
        kind = "day"
    elif fields.get("month") is not None or fields.get("leap"):
        kind = "month"
    elif fields.get("season") is not None:
        kind = "season"
        before = text[max(0, start - 20):start].split()
        if (text[start:end].islower() and before
                and before[-1].lower() in g.lex.cat("verb_before_season")):
            return None  # "the city was about to fall": a verb
        if _OF_NAME.match(m.string, end):
            return None  # "On the fall of Yang Chün": a noun (a downfall), not a season
    else:
        return None
    if fields.get("month") is not None and not 1 <= fields["month"] <= 13:
        pass  # kept: the resolver warns (month 13 does not exist)
    return DateMention(start=start, end=end, text=text[start:end], kind=kind, **fields)


# a season word before "of" and a capitalised name the grammar did not take as a date (era and
# dynasty names are masked in ``m.string``, so "the autumn of Zhenguan ..." is not this)
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_CLAUSE_END = re.compile(r"(?:^|[.!?;:,(]|\n)\s*$")


def _opens_clause(text: str, start: int) -> bool:
    """True when ``start`` opens a sentence or a clause (after a stop, a colon, a comma or a
    bracket): where a machine translation writes "Next year August, ..." (明年八月)."""
    return bool(_CLAUSE_END.search(text[max(0, start - 20):start]))


def _life_words(g: _Grammar) -> frozenset[str]:
    return frozenset(w.lower() for w in g.lex.cat("life_word"))


def _bc_before(text: str, start: int, g: _Grammar) -> bool:
    """True if a BC word of the lexicon (``ce_prefix`` rows with -1) ends just before the year
    at ``start``: "B.C. 117", "BC 206-195" (the order of old books, Giles and Legge)."""
    return g.bc_before.search(text, max(0, start - 8), start) is not None


def _day_range(m: regex.Match, text: str, start: int, end: int,
               fields: dict) -> DateMention | None:
    """A Western day range of one month ("November 26–27, 1161"): a range of two Western
    days of the same month and year; None when the second day is not after the first."""
    s1, e1 = m.spans("gdayend")[0]
    last = int(text[s1:e1])
    if fields.get("day") is None or not fields["day"] < last <= 31:
        return None
    parts = (
        DateMention(start=start, end=s1, text=text[start:s1], kind="gregorian", **fields),
        DateMention(start=s1, end=end, text=text[s1:end], kind="gregorian",
                    **{**fields, "day": last}),
    )
    return DateMention(start=start, end=end, text=text[start:end], kind="range", parts=parts)


def _span_mention(m: regex.Match, text: str, g: _Grammar) -> DateMention | None:
    """A printed span of years ("(1149-69)", "r. 1127–1162"): a range of two Western years."""
    (s0, e0), (s1, e1) = m.spans("ryear")[0], m.spans("ryearend")[0]
    suf = _cap(m, "cesuf", text) if m.spans("cesuf") else None
    span = year_span(text, s0, text[s0:e0], text[s1:e1],
                     bool(suf and suf in g.ce_neg) or _bc_before(text, s0, g), g.year_preps)
    if span is None:
        return None
    a, b, aside = span
    if "/" in text[e0:s1] and b != a + 1:
        # "in 1396/12": a year and its month (lunar or Western: not said), not a year over two
        # ("(1101/02)"): the year alone, as "1418/8" is read
        if not 1 <= int(text[s1:e1]) <= 12:
            return None
        return DateMention(start=s0, end=e0, text=text[s0:e0], kind="gregorian",
                           western_year=a, calendar="western", aside=aside)
    end = m.end()
    aside = aside or stands_alone(text, s0, end, _life_words(g), False)  # "KUO. A.D. 697-781."
    parts = (
        DateMention(start=s0, end=e0, text=text[s0:e0], kind="gregorian", western_year=a,
                    calendar="western"),
        DateMention(start=s1, end=end, text=text[s1:end], kind="gregorian", western_year=b,
                    calendar="western"),
    )
    return DateMention(start=s0, end=end, text=text[s0:end], kind="range", parts=parts,
                       aside=aside)
