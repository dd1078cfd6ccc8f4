"""Date mentions: :class:`DateMention` and :func:`find_date_mentions` (first pass, no
resolution); ranges, comma days, unknown and one-letter-off era names."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

import regex

from pipeline.eras import EraTable

from .ages import add_age_mentions
from .backward import merge_backward
from .bare import bare_year_doubt, stands_alone, year_span
from .coarse import add_coarse_mentions
from .cycle_japanese import japanese_positions
from .cycle_rulers import attach_cycle_rulers
from .cycles import tag_positions
from .glosses import blank_glosses, widen_mentions
from .grammar import _Grammar, _grammar
from .lexicon import cycle_number, parse_number
from .mention import KINDS, DateMention  # noqa: F401 (the record: re-exported here)
from .merges import _merge_days, _merge_ranges
from .names import _name_index, _NameIndex, _scan
from .periods import add_period_mentions
from .reigns import extra_mentions
from .unknown_names import flag_unknown_name, take_printed_years


def _cap(m: regex.Match, name: str, text: str) -> str | None:
    """First capture of group ``name``, read from the original (unmasked) text."""
    spans = m.spans(name)
    return text[spans[0][0]:spans[0][1]] if spans else None


def _cap_span(m: regex.Match, name: str) -> tuple[int, int] | None:
    spans = m.spans(name)
    return spans[0] if spans else None


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
        surface = text[era_span[0]:era_span[1]]
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
        n = parse_number(get("reln"), lex)
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
    elif get("ryear") is not None:
        return _span_mention(m, text, g)
    elif get("byear") is not None:
        val = int(get("byear"))
        suf = get("cesuf")
        if not suf:
            s0, e0 = _cap_span(m, "byear")
            doubt = bare_year_doubt(text, s0, e0, get("byear"), g.weak_preps, g.count_nouns,
                                    g.date_nouns)
            if doubt == "quantity":
                return None
            fields["year_doubt"] = doubt
        if stands_alone(text, _cap_span(m, "byear")[0], end, _life_words(g), True):
            fields["aside"] = True  # "Died A.D. 934.": an entry's life date, no running date
        fields["western_year"] = 1 - val if suf and suf in g.ce_neg else val
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
    else:
        return None
    if fields.get("month") is not None and not 1 <= fields["month"] <= 13:
        pass  # kept: the resolver warns (month 13 does not exist)
    return DateMention(start=start, end=end, text=text[start:end], kind=kind, **fields)


_CLAUSE_END = re.compile(r"(?:^|[.!?;:,(]|\n)\s*$")


def _opens_clause(text: str, start: int) -> bool:
    """True when ``start`` opens a sentence or a clause (after a stop, a colon, a comma or a
    bracket): where a machine translation writes "Next year August, ..." (明年八月)."""
    return bool(_CLAUSE_END.search(text[max(0, start - 20):start]))


def _life_words(g: _Grammar) -> frozenset[str]:
    return frozenset(w.lower() for w in g.lex.cat("life_word"))


def _span_mention(m: regex.Match, text: str, g: _Grammar) -> DateMention | None:
    """A printed span of years ("(1149-69)", "r. 1127–1162"): a range of two Western years."""
    (s0, e0), (s1, e1) = m.spans("ryear")[0], m.spans("ryearend")[0]
    suf = _cap(m, "cesuf", text) if m.spans("cesuf") else None
    span = year_span(text, s0, text[s0:e0], text[s1:e1], bool(suf and suf in g.ce_neg),
                     g.year_preps)
    if span is None:
        return None
    a, b, aside = span
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
    table of the active gazetteer."""
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
    out = extra_mentions(text, out, g.lex, eras, DateMention)
    out = add_age_mentions(text, out, g.lex, DateMention)  # an age is no year
    out = add_coarse_mentions(text, out, g.lex, DateMention)  # "the 1120s", "12th century"
    out = add_period_mentions(text, out, eras, g.lex, DateMention)  # "in the Later Han"
    from .apposition import join_appositions  # noqa: PLC0415 (imports this module)
    from .bc import carry_bc  # noqa: PLC0415 (beside the other late passes)
    from .clause_months import add_clause_months  # noqa: PLC0415 (late pass)
    from .lifetimes import tag_lifetimes  # noqa: PLC0415 (imports this module)
    from .meanings import add_meaning_mentions  # noqa: PLC0415 (imports this module)
    from .mtdigits import add_mt_digit_mentions  # noqa: PLC0415 (imports this module)
    from .near_rulers import tag_rulers  # noqa: PLC0415 (imports this module)
    from .people import tag_people  # noqa: PLC0415 (imports this module)
    from .sentence_dynasty import settle_by_sentence  # noqa: PLC0415 (late pass)

    out = join_appositions(text, add_meaning_mentions(text, out, eras))
    out = take_printed_years(text, out)  # "the sixth year of Thuận Thiên (1433)"
    out = add_mt_digit_mentions(text, out)  # "/kloc-0/848", "June165438+1October"
    out = tag_lifetimes(text, out, eras)  # "In the jiashen year, Li Zicheng ..."
    out = add_clause_months(text, out)  # "November, Yelu Deguang ...", "Nine months, ..."
    out = carry_bc(text, out)  # "Han in 230 BC, Zhao in 228, ...": bare years after a BC year
    out = tag_positions(text, tag_rulers(text, tag_people(text, out, eras, people), eras))
    from .datelines import mark_datelines  # noqa: PLC0415 (late pass)

    out = settle_by_sentence(out, eras)  # "Emperor Gaozu of Tang ... the ninth year of Zhenguan"
    from .parallel import mark_parallel_headings  # noqa: PLC0415 (late pass)

    out = mark_parallel_headings(text, out)  # "Shu: Ninth Year of Yen-hsi" below the main era
    out = mark_datelines(text, out)  # "Respectfully memorialized. Guangxu, third year, ..."
    from .far_years import mark_far_years  # noqa: PLC0415 (late pass)
    from .own_years import join_own_years  # noqa: PLC0415 (late pass)

    out = join_own_years(text, out, DateMention)  # "in summer 580", "3 February AD 6"
    return mark_far_years(out, eras)  # "October 2002" in a text on 1120 (MT of an era)


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
