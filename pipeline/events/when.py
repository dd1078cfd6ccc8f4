"""The date of an event: its clause's own date first, then the sentence's, then the running date.

A date is the clause's own when, in the parse, the nearest verb above the date's first token is
the trigger's own verb (for a noun trigger, the verb above it): "In 1126 the Jin took Taiyuan
and in 1127 took Kaifeng" dates the two captures apart. Without one: the sentence's last date
before the trigger, else the first one after it in the trigger's clause window (attached to
another clause: a guess, ``date_source=other_clause``, ``time_precision`` 3), else the running
date (the last date before the sentence). A clause that gives its time as an age ("At the age
of twenty-five, he rose up ...") takes no other clause's date. Offsets are full-text offsets.

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


def _clause_verb(tok: Token) -> Token:
    """The nearest verb at or above ``tok`` (the root if none)."""
    steps = 0
    while coarse(tok) != "VERB" and tok.head.i != tok.i and steps < 12:
        tok = tok.head
        steps += 1
    return tok


def _token_at(sdoc: Doc, char: int) -> Token | None:
    span = sdoc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


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
                lexicon: EventLexicon | None = None, since: int = 0
                ) -> tuple[DateRow | None, str]:
    """``(date, source)`` for the event of ``head`` (arguments as :func:`event_date`).

    ``source``: ``clause`` (a date attached to the trigger's own clause in the parse),
    ``sentence`` (the sentence's last date before the trigger), ``other_clause`` (the first
    date after the trigger, in its clause window but attached to another clause: "he rose up
    ..., and in 1616 was called Khan": a guess), ``running`` (the last date before the
    sentence) or "" (no date). When the trigger's clause states its time as an age ("At the
    age of twenty-five, he rose up"; ``age`` cues of ``event_cues.csv`` in ``lexicon``) and
    holds no date of its own, a date of another clause or sentence is not its date: None."""
    chosen, source = _event_date(dates, starts, sdoc, head, sent_start, trig_start, clause_end,
                                 lexicon, since)
    if chosen is not None and source != "clause" and lexicon is not None \
            and sdoc.has_annotation("DEP"):
        age = _aged(_clause_verb(head), lexicon)
        if age is not None and not sent_start + age.idx < chosen.start < trig_start:
            return None, ""  # (a date between the age phrase and the trigger is nearer)
    if chosen is None:
        return None, ""
    return _with_range(dates, starts, chosen, sdoc, sent_start), source


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
    verb = _clause_verb(head) if parsed else head
    own_sentence = [d for d in dates[lo:hi] if d.kind != "aside" or (
        parsed and _dates_its_noun(d, sdoc, sent_start))]
    earlier = parsed and lexicon is not None and _told_as_earlier(verb, lexicon)
    if parsed and own_sentence:
        verbs = {id(d): _date_verb(d, sdoc, sent_start) for d in own_sentence}
        own = [d for d in own_sentence if verbs[id(d)] == verb.i]
        before = [d for d in own if d.start < trig_start]
        if own:
            return (before[-1] if before else own[0]), "clause"
        chain = _conjuncts(verb)  # "He crossed the Yangtze and captured Jiqing in 1356"
        shared = [d for d in own_sentence if verbs[id(d)] in chain]
        before = [d for d in shared if d.start < trig_start]
        if shared:
            return (before[-1] if before else shared[0]), "clause"
        if earlier:
            return None, ""  # "Before that, ...", "had taken": not the sentence's time
        if lexicon is not None:  # "after the prince seized Nanjing, he ... in 1404": a bound
            bounds = _bounding_verbs(verb, lexicon)
            own_sentence = [d for d in own_sentence if verbs[id(d)] not in bounds]
        own_sentence = [d for d in own_sentence if d.start >= trig_start
                        or not _describes_a_noun(_token_at(sdoc, d.start - sent_start))]
        # "Yue Fei, who was born in 1103, defeated ...": the birth's date, not his
    elif earlier:
        return None, ""
    before = [d for d in own_sentence if d.start < trig_start]
    if before:
        return before[-1], "sentence"
    after = [d for d in own_sentence if trig_start <= d.start < clause_end]
    if after:
        return after[0], ("other_clause" if parsed else "sentence")
    k = lo - 1
    while k >= 0 and dates[k].kind == "aside":
        k -= 1  # a printed span aside ("Hai Rui (1514-1587)") is no running date
    return (dates[k], "running") if k >= 0 and dates[k].start >= since else (None, "")


def _date_verb(d: DateRow, sdoc: Doc, sent_start: int) -> int:
    """The token index of the clause verb ``d`` hangs on in ``sdoc`` (-1 if not found)."""
    tok = _token_at(sdoc, d.start - sent_start)
    return _clause_verb(tok).i if tok is not None else -1


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _conjuncts(verb: Token) -> set[int]:
    """The token indices of the verbs coordinated with ``verb`` that share its subject
    ("deposed the emperor and founded the Song": both), ``verb`` included; a conjunct with a
    subject of its own ("..., and he gave") is a clause of its own."""
    root = verb
    for _ in range(8):
        if root.dep_ != "conj" or root.head.i == root.i or _own_subject(root):
            break
        root = root.head
    out, todo = {root.i}, [root]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and coarse(c) == "VERB" and not _own_subject(c) \
                    and c.i not in out:
                out.add(c.i)
                todo.append(c)
    if verb.i not in out:
        return {verb.i}
    return out


def _marker(verb: Token) -> str:
    """The subordinator of an adverbial clause ("after the prince seized ..."), lower case."""
    for c in verb.children:
        if c.dep_ == "mark":
            return c.lower_
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        return verb.head.lower_  # "after seizing Nanjing"
    return ""


def _bounding_verbs(verb: Token, lexicon: EventLexicon) -> set[int]:
    """The verbs whose dates only bound ``verb``'s event: the clause an ``after``/``before``
    clause modifies ("after the prince seized Nanjing, he gave ... in 1404": 1404 is after
    the seizure), and an ``after``/``before`` clause of ``verb``'s own ("he fled before the
    Jin took Kaifeng in 1127"); ``bound`` cues of ``event_cues.csv``."""
    out: set[int] = set()
    chain = _conjuncts(verb)
    top = verb.doc[min(chain)]
    for v in (verb, top):
        for _ in range(3):  # up through "after seizing" (pcomp -> prep -> verb)
            if v.dep_ in ("advcl", "pcomp") and lexicon.cue(_marker(v)) == "bound":
                head = _clause_verb(v.head) if v.dep_ == "advcl" else _clause_verb(v.head.head)
                out |= _conjuncts(head)
                break
            if v.dep_ != "pcomp":
                break
            v = v.head
    for i in chain:
        for c in verb.doc[i].subtree:
            if c.dep_ in ("advcl", "pcomp") and coarse(c) == "VERB" \
                    and lexicon.cue(_marker(c)) == "bound" and c.i not in chain:
                out |= _conjuncts(c)
    return out - chain


def _told_as_earlier(verb: Token, lexicon: EventLexicon) -> bool:
    """True if ``verb``'s clause tells its event as earlier than the narrative's time: a
    past perfect ("the Song had lost Taiyuan"), an ``earlier`` cue of ``event_cues.csv`` on it
    ("earlier", "previously", "in his youth") or "before that/this/then"."""
    chain = sorted(_conjuncts(verb))
    first = verb.doc[chain[0]]
    for v in {verb.i: verb, first.i: first}.values():
        if v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d")
                                   for c in v.children):
            return True
        for c in v.children:
            if lexicon.cue(c.lower_) == "earlier" and c.dep_ in ("advmod", "npadvmod"):
                return True
            if c.dep_ == "prep":
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    if lexicon.cue(g.lower_) == "earlier" or (
                            c.lower_ == "before" and g.lower_ in ("that", "this", "then")):
                        return True
    return False


def _dates_its_noun(d: DateRow, sdoc: Doc, sent_start: int) -> bool:
    """True if the printed span aside ``d`` is a bare bracket right after a common noun ("the
    third voyage (1409-1411)", "the Jingnan campaign (1399-1402)"): the time of what the noun
    names, so of its clause. A span after a name ("Hai Rui (1514-1587)") or with a mark
    ("(r. 1127-1162)") is a life or reign span: False."""
    tok = _token_at(sdoc, d.start - sent_start)
    if tok is None or tok.i < 2 or sdoc[tok.i - 1].text != "(":
        return False
    noun = sdoc[tok.i - 2]
    return noun.tag_ in ("NN", "NNS") and noun.text.islower()


def _describes_a_noun(tok: Token | None) -> bool:
    """True if ``tok``'s clause is a relative clause or a participle modifying a noun ("Yue
    Fei, who was born in 1103, ...", "the city, taken in 1127, ..."): its date describes that
    noun, not the sentence's main event."""
    if tok is None:
        return False
    verb = _clause_verb(tok)
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "relcl" or (verb.dep_ == "acl" and coarse(verb.head) in ("NOUN",
                                                                                 "PROPN"))
