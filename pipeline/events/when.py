"""The date of an event: its clause's own date first, then the sentence's, then the running date.

A date is the clause's own when, in the parse, the nearest verb above the date is the
trigger's own verb (for a noun trigger, a date inside its own phrase first: "the fall of the
Tang in 907 and the death of Li Cunxu in 926", or on a participle modifying it: "the treaty of
Nerchinsk, signed on 7 September 1689"); "In 1126 the Jin took Taiyuan and in 1127
took Kaifeng" dates the two captures apart. Verbs coordinated with the trigger's that share
its subject share their date ("deposed the emperor and founded the Song in 420"). A bare
bracketed span after a common noun ("On the third voyage (1409-1411) the fleet fought") is its
clause's date; other printed span asides (life and reign spans) date nothing. The date of a
clause linked by "after"/"before" (``bound`` cues: "after the prince seized Nanjing, he gave
... in 1404") only bounds the event: not its date. Without a date of its own: the sentence's
last date before the trigger, else the first one after it in the trigger's clause window
(attached to another clause: a guess, ``date_source=other_clause``, ``time_precision`` 3),
else the running date (the last date before the sentence), which does not cross a heading or
a dictionary entry and is far (certainty low) beyond a few sentences
(:mod:`pipeline.events.horizon`). An event told as earlier ("before that", "in his youth")
takes only its own clause's date; a perfect ("had taken", "has taken") no later clause's
date, its running date far. A clause that gives its time as an age ("At the age of
twenty-five, he rose up ...") takes no other clause's date. A dynasty or named period as a date
(kind ``period``: "in the Later Han") dates only its own clause, and is no running date.
Offsets are full-text offsets.
Clause links: :mod:`pipeline.events.clauses`.

Two dates of one sentence joined as a range, "from D1 to D2" (to, until, till, through, a
dash) or "between D1 and D2", date an event as one range (:func:`join_range`): start fields
from D1, ``year_end``/``date_end`` from D2, ``date_precision=range``, ``date_id`` of D1.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.events.clauses import (
    bound_link,
    bounding_verbs,
    clause_verb,
    conjuncts,
    date_root,
    dates_its_noun,
    describes_a_noun,
    headword_dies,
    noun_owns,
    opens_later_clause,
    token_at,
    told_as_earlier,
)
from pipeline.events.horizon import EntryLead, inherits_far
from pipeline.events.lexicon import EventLexicon
from pipeline.events.roles import coarse
from pipeline.records import DateRow


def with_asides(told: Sequence[DateRow], dates: Sequence[DateRow]
                ) -> tuple[tuple[DateRow, ...], tuple[int, ...]]:
    """``told`` (the dates that may date events, sorted by start) with the printed span
    asides of ``dates`` that have a year (kind ``aside``: "(1409-1411)"), sorted by start, and
    their starts. An aside dates an event only as its own clause's time, after a common noun
    ("the third voyage (1409-1411)"), never as a running date (:func:`dated_event`)."""
    asides = [d for d in dates if d.kind == "aside" and d.year is not None]
    if not asides:
        return tuple(told), tuple(d.start for d in told)
    out = tuple(sorted([*told, *asides], key=lambda d: d.start))
    return out, tuple(d.start for d in out)


def date_precision(d: DateRow) -> str:
    """day | month | season | range | year ("" without a year)."""
    if d.kind == "range" and d.date_start and d.date_end and d.date_start != d.date_end \
            and d.day is None:
        return "range"
    if d.day is not None:
        return "day"
    if d.month is not None:
        return "month"
    if d.season:
        return "season"
    if d.year is not None and d.year_end is not None and d.year_end != d.year:
        return "range"
    return "year" if d.year is not None else ""


def time_precision(d: DateRow) -> int | None:
    """ACLED's numeric convention: 1 a day, 2 a month or season, 3 a year or coarser."""
    text = date_precision(d)
    if not text:
        return None
    return {"day": 1, "month": 2, "season": 2}.get(text, 3)


def gregorian_year(d: DateRow) -> int | None:
    """The proleptic Gregorian (astronomical) year of ``d.date_start``, or None."""
    if not d.date_start:
        return None
    try:
        return int(d.date_start[:-6])  # "YYYY-MM-DD" or "-0044-03-15"
    except ValueError:
        return None


def date_fields(d: DateRow | None) -> dict[str, object]:
    """EventRow's date fields taken from ``d`` (None: no fields, the defaults stay)."""
    if d is None:
        return {}
    return {"year": d.year, "year_end": d.year_end, "month": d.month, "leap_month": d.leap_month,
            "day": d.day, "season": d.season, "date_start": d.date_start,
            "date_end": d.date_end, "date_precision": date_precision(d), "date_text": d.text,
            "date_id": d.date_id, "gregorian_year": gregorian_year(d),
            "time_precision": time_precision(d)}


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


def event_date(dates: Sequence[DateRow], starts: Sequence[int], sdoc: Doc, head: Token,
               sent_start: int, trig_start: int, clause_end: int,
               lexicon: EventLexicon | None = None) -> DateRow | None:
    """The date of the event whose trigger heads at ``head`` in the parsed sentence ``sdoc``
    (whose first character is at full-text offset ``sent_start``); ``dates`` sorted by start,
    with a year. A date that opens or closes a range with its neighbour (:func:`join_range`)
    comes back as the joined range. Same as :func:`dated_event` without the source."""
    return dated_event(dates, starts, sdoc, head, sent_start, trig_start, clause_end,
                       lexicon)[0]


def dated_event(dates: Sequence[DateRow], starts: Sequence[int], sdoc: Doc, head: Token,
                sent_start: int, trig_start: int, clause_end: int,
                lexicon: EventLexicon | None = None, since: int = 0, near: int = 0,
                event_type: str = "", lead: EntryLead | None = None, stale: int = 0,
                unread: Sequence[int] = ()) -> tuple[DateRow | None, str]:
    """``(date, source)`` for the event of ``head`` (arguments as :func:`event_date`).

    ``source``: ``clause`` (a date attached to the trigger's own clause in the parse),
    ``sentence`` (the sentence's last date before the trigger), ``other_clause`` (the first
    date after the trigger, in its clause window but attached to another clause: "he rose up
    ..., and in 1616 was called Khan": a guess), ``running`` (the last date before the
    sentence) or "" (no date). When the trigger's clause states its time as an age ("At the
    age of twenty-five, he rose up"; ``age`` cues of ``event_cues.csv`` in ``lexicon``) and
    holds no date of its own, a date of another clause or sentence is not its date: None.
    A birth, death or enthronement (``event_type``) without a date of its own clause takes
    the matching end of its subject's printed span ("Emperor Xiaowen (r. 471-499) ascended
    the throne": 471; "Yue Fei (1103-1142) died": 1142; a reign span for reigns, a life span
    otherwise).

    Which dates count (``lexicon`` gives the cues): verbs coordinated with the trigger's and
    sharing its subject share their clause's date ("deposed the emperor and founded the Song in
    420"); a bare bracketed span after a common noun dates its clause ("On the third voyage
    (1409-1411) the fleet fought"), other span asides date nothing; the date of a clause linked
    to the trigger's by a ``bound`` cue ("after the prince seized Nanjing, he gave ... in 1404")
    is not its date. An event told as earlier by an ``earlier`` cue ("before that", "in his
    youth") takes only its own clause chain's date; a perfect ("had dispatched", "has
    captured") no later clause's date, and its running date is ``far``. The running date
    must start at or after ``since`` (:mod:`pipeline.events.horizon`: not across a heading
    or a dictionary entry);
    one starting before ``near`` (or told in a perfect tense) comes back with source
    ``far``, for a low certainty; a date of the sentence that prints no year ("On August 7",
    "the next year": its year is the running year of the date stage) after no other date
    since ``stale`` comes back as ``far_clause`` or ``far_sentence``, and so does a date not
    the clause's own with a date phrase the date stage could not read (``unread``: starts)
    between it and the trigger.

    ``lead``: the lead date of the dictionary entry the sentence is in
    (:class:`~pipeline.events.horizon.EntryLead`). A death or suicide (or a killing or
    execution told in the passive) of the headword ("he", or the name) without a date of its
    own sentence takes the entry's death year, as ``running``; another event takes a life
    span as no running date (its start is the birth), and a death date only as ``far``: the
    entry's events led up to the death."""
    chosen, source = _event_date(dates, starts, sdoc, head, sent_start, trig_start, clause_end,
                                 lexicon, since)
    if chosen is not None and chosen.kind == "period":
        # a dynasty dates only its own clause, and a date of the sentence inside its years is
        # nearer ("In 1130, Wu Jie, the commander of Qinfeng Road in the Song Dynasty,
        # defeated ...": 1130); otherwise the dates as if it were not there
        plain = [d for d in dates if d.kind != "period"]
        alt, alt_source = _event_date(plain, [d.start for d in plain], sdoc, head, sent_start,
                                      trig_start, clause_end, lexicon, since)
        if source != "clause" or (
                alt is not None and alt_source in ("clause", "sentence")
                and alt.year is not None and chosen.year is not None
                and chosen.year <= alt.year <= (chosen.year_end or chosen.year)):
            chosen, source = alt, alt_source
    if source != "clause" and event_type in _SPAN_ENDS and sdoc.has_annotation("DEP"):
        spanned = _span_end(dates, starts, sdoc, head, sent_start, *_SPAN_ENDS[event_type])
        if spanned is not None:  # "Emperor Xiaowen (r. 471-499) ascended the throne": 471
            return spanned, "sentence"
    if lead is not None and source not in ("clause", "sentence"):
        if headword_dies(event_type, sdoc, head, lead.headword, lexicon):
            return lead.death, "running"  # "A.D. 892-936. ... he perished in the flames"
        if chosen is None or chosen.start == lead.start:  # (an aside lead is never chosen)
            if lead.kind == "span":
                return None, ""  # a life span dates no event of the life
            return lead.death, "far"  # "Died A.D. 806. ... he was banished": before the death
    if source == "running" and chosen is not None and (chosen.start < near or (
            sdoc.has_annotation("DEP") and lexicon is not None
            and told_as_earlier(clause_verb(head), lexicon) == "perfect")):
        source = "far"
    elif source in ("clause", "sentence") and chosen is not None \
            and inherits_far(dates, starts, chosen, stale):
        source = "far_" + source  # "On August 7" pages after the last year: its year a guess
    if chosen is not None and source in ("running", "sentence", "other_clause") and any(
            chosen.end <= u < trig_start for u in unread):
        # "In July, ... \n/kloc-in the spring of 0/848, X was imprisoned": not July's year
        source = "far" if source == "running" else "far_" + source
    if chosen is not None and source != "clause" and lexicon is not None \
            and sdoc.has_annotation("DEP"):
        age = _aged(clause_verb(head), lexicon)
        if age is not None and not sent_start + age.idx < chosen.start < trig_start:
            return None, ""  # (a date between the age phrase and the trigger is nearer)
    if chosen is None:
        return None, ""
    return _with_range(dates, starts, chosen, sdoc, sent_start), source


#: Event types dated by one end of their subject's span: (span kind, 0 start / 1 end).
_SPAN_ENDS = {"birth": ("life", 0), "death": ("life", 1), "suicide": ("life", 1),
              "enthronement": ("reign", 0), "abdication": ("reign", 1)}
_REIGN_MARK = frozenset({"r.", "r", "reigned", "reign"})


def _span_end(dates: Sequence[DateRow], starts: Sequence[int], sdoc: Doc, head: Token,
              sent_start: int, kind: str, end: int) -> DateRow | None:
    """One end of the printed span aside on the subject of ``head``'s clause ("Emperor
    Xiaowen (r. 471-499)": reign 471-499), as a year row, if the span is of ``kind``
    (``reign`` when marked "r."/"reigned", else ``life``); None otherwise."""
    verb = clause_verb(head)
    subjects = {c.i for v in sorted(conjuncts(verb))[:1] + [verb.i]
                for c in sdoc[v].children if c.dep_ in ("nsubj", "nsubjpass")}
    lo = bisect.bisect_left(starts, sent_start)
    hi = bisect.bisect_left(starts, sent_start + sdoc[-1].idx + len(sdoc[-1]))
    for d in dates[lo:hi]:
        root = date_root(d, sdoc, sent_start)
        first = token_at(sdoc, d.start - sent_start)
        if d.kind != "aside" or root is None or first is None or d.year is None:
            continue
        tok, steps = root, 0
        while tok.i not in subjects and tok.head.i != tok.i and steps < 4:
            tok, steps = tok.head, steps + 1
        if tok.i not in subjects:
            continue
        marks = {t.lower_ for t in sdoc[max(0, first.i - 3):first.i]}
        if ("reign" if marks & _REIGN_MARK else "life") != kind or "(" not in marks:
            continue
        year = d.year if end == 0 else (d.year_end if d.year_end is not None else d.year)
        return dataclasses.replace(d, kind="gregorian", year=year, year_end=None,
                                   date_start=d.date_start if end == 0 else "",
                                   date_end="", month=None, day=None, leap_month=None,
                                   season=None)
    return None


def _participle_of(noun: Token, tok: Token | None) -> bool:
    """True if ``tok`` hangs on a participle that modifies ``noun`` ("the treaty of
    Nerchinsk, signed on 7 September 1689": the treaty's date)."""
    if tok is None:
        return False
    verb = clause_verb(tok)
    return verb.dep_ == "acl" and verb.head.i == noun.i and verb.tag_ == "VBN"


def _own_age(verb: Token) -> Token | None:
    """The number of an age told by "at" + a bare number on ``verb`` itself ("died at
    eighty-six", "at seventy-two"); None if it has none. (A number with words of its own,
    "at 500 li", is not an age.)"""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "at":
            for g in c.children:
                if g.dep_ == "pobj" and g.like_num and all(
                        k.like_num or k.dep_ == "punct" for k in g.children):
                    return g
    return None


def _aged(verb: Token, lexicon: EventLexicon) -> Token | None:
    """The age word of ``verb``'s age phrase (or, lacking a subject of its own, of the
    conjunct it is coordinated with): "at the age of N" (a preposition whose object is an
    ``age`` cue) or "aged N"; None if it has none."""
    for _ in range(4):
        for c in verb.children:
            if lexicon.cue(c.lower_) == "age":
                return c
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ == "pobj" and lexicon.cue(g.lower_) == "age":
                        return g
        if verb.dep_ != "conj" or verb.head.i == verb.i or any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None  # a conjunct with its own subject is a clause of its own
        verb = verb.head
    return None


def _event_date(dates: Sequence[DateRow], starts: Sequence[int], sdoc: Doc, head: Token,
                sent_start: int, trig_start: int, clause_end: int,
                lexicon: EventLexicon | None = None, since: int = 0
                ) -> tuple[DateRow | None, str]:
    lo = bisect.bisect_left(starts, sent_start)
    hi = bisect.bisect_left(starts, sent_start + sdoc[-1].idx + len(sdoc[-1]))
    parsed = sdoc.has_annotation("DEP")
    verb = clause_verb(head) if parsed else head
    own_sentence = [d for d in dates[lo:hi] if d.kind != "aside" or (
        parsed and dates_its_noun(d, sdoc, sent_start))]
    earlier = told_as_earlier(verb, lexicon) if parsed and lexicon is not None else ""
    if parsed and own_sentence:
        roots = {id(d): date_root(d, sdoc, sent_start) for d in own_sentence}
        if coarse(head) == "NOUN":  # "the death of Li Cunxu in 926": the noun's own date
            mine = [d for d in own_sentence if noun_owns(head, roots[id(d)])
                    or _participle_of(head, roots[id(d)])]
            if mine:
                return mine[0], "clause"
        verbs = {k: clause_verb(r).i if r is not None else -1 for k, r in roots.items()}
        chain = conjuncts(verb)  # "He crossed the Yangtze and captured Jiqing in 1356"
        if lexicon is not None:  # "After the fall of the Tang in 907, X was proclaimed (and
            # moved ...)": a bound; "After the fall of the Tang he ..., and in 928 ...": too
            link = bound_link(head, lexicon)
            own_sentence = [d for d in own_sentence if verbs[id(d)] not in chain
                            or bound_link(roots[id(d)], lexicon) == link]
        # "he overthrew X, and in 928 set himself up": 928 opens a later clause, not this one's
        own_sentence = [d for d in own_sentence if d.start <= trig_start
                        or not opens_later_clause(roots[id(d)], verb)]
        own = [d for d in own_sentence if verbs[id(d)] == verb.i]
        before = [d for d in own if d.start < trig_start]
        if own:
            return (before[-1] if before else own[0]), "clause"
        if _own_age(verb) is not None:  # "ascended in 502 ... and died at eighty-six"
            return None, ""  # an age marks another time than the sentence's dates
        shared = [d for d in own_sentence if verbs[id(d)] in chain]
        before = [d for d in shared if d.start < trig_start]
        if shared:
            return (before[-1] if before else shared[0]), "clause"
        if earlier == "cue":
            return None, ""  # "Before that, ...", "in his youth": not the sentence's time
        if lexicon is not None:  # "after the prince seized Nanjing, he ... in 1404": a bound
            bounds = bounding_verbs(verb, lexicon)
            own_sentence = [d for d in own_sentence if verbs[id(d)] not in bounds]
        own_sentence = [d for d in own_sentence if d.start >= trig_start
                        or not describes_a_noun(token_at(sdoc, d.start - sent_start))]
        # "Yue Fei, who was born in 1103, defeated ...": the birth's date, not his
    elif earlier == "cue":
        return None, ""
    before = [d for d in own_sentence if d.start < trig_start]
    if before:
        return before[-1], "sentence"
    after = [d for d in own_sentence if trig_start <= d.start < clause_end]
    if after and not earlier:  # ("The Jin had taken Taiyuan, and in 1127 ...": before 1127)
        return after[0], ("other_clause" if parsed else "sentence")
    k = lo - 1
    while k >= 0 and dates[k].kind in ("aside", "period"):
        k -= 1  # a printed span aside ("Hai Rui (1514-1587)"), a dynasty: no running date
    return (dates[k], "running") if k >= 0 and dates[k].start >= since else (None, "")
