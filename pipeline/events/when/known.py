"""Dates an event takes from what the sentence names rather than from a date phrase of its
clause: one end of its subject's printed span ("Emperor Xiaowen (r. 471-499) ascended the
throne": 471), the first or last year of the dynasty it founds or ends (from the ruler
tables); and the age phrases and participles that tie a date to a clause."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from pipeline.dates.periods import dynasty_span
from pipeline.eras import EraTable, load_era_table
from pipeline.events.clauses import clause_verb, conjuncts, date_root, token_at
from pipeline.events.lexicon import EventLexicon
from pipeline.records import DateRow
from pipeline.resources import active_gazetteer_dir

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


#: Event types dated, without a date of their own clause, by the first (0) or last (1) year of
#: the dynasty they found or end ("the establishment of the Tang Dynasty": 618).
_DYNASTY_END = {"establishment": 0, "fall_of_state": 1}
_ARG_DEPS = frozenset({"dobj", "nsubjpass", "nsubj"})
NEAR_ENOUGH = 20  # years: a date of the text this near the table's year is the event's own


@lru_cache(maxsize=2)
def _era_table(directory: Path) -> EraTable:
    return load_era_table(directory)


#: Years from the running date beyond which no reading of a dynasty name several dynasties
#: bore is taken (:func:`_dynasty_year`): the text speaks of another state of that name.
FAR_READING = 200


def _dynasty_year(sdoc: Doc, head: Token, sent_start: int, end: int,
                  chosen: DateRow | None, far: bool = False) -> DateRow | None:
    """The first (``end`` 0) or last (1) year of the dynasty named as the argument (its object,
    else its subject) of
    ``head`` ("the fall of the T'ang dynasty", "founded the Ming", "the Liao fell"), from the
    ruler tables (:func:`pipeline.dates.periods.dynasty_span`), as a low year row; None if
    no argument names a dynasty, or when ``chosen`` (the date the event would take) lies
    within ``NEAR_ENOUGH`` years of that year (the text's own time is nearer). A name several
    dynasties bore takes the first reading whose
    years hold ``chosen``'s year (the running date), else its default reading; none when
    every reading lies more than :data:`FAR_READING` years from ``chosen``'s year ("the fall
    of Qin" after "210 BC": the Qin of the First Emperor is in no ruler table, and Former
    Qin's 394 would be a wrong year). A ``far``
    ``chosen`` (a running date from an earlier paragraph or many sentences back: the text
    has moved on) only picks the reading: it is not the text's own time of the event
    ("July 2, 626 ... the Xuanwu Gate incident. \n Originally, the establishment of the Tang
    Dynasty ...": 618)."""
    args = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj"]
    # the object, else the subject: "the Jin destroyed the Liao" ends the Liao, not the Jin
    objects = [c for c in head.children if c.dep_ in _ARG_DEPS and c.dep_ != "nsubj"]
    args += objects or [c for c in head.children if c.dep_ == "nsubj"]
    if head.lower_.startswith("re"):  # "reestablished the Song": not its first founding
        return None
    eras = _era_table(active_gazetteer_dir())
    for arg in args:
        words: list[Token] = []  # "the Northern Song Dynasty": Northern Song (nested compounds)
        for t in reversed(list(arg.subtree)):
            if t.i >= arg.i:
                continue
            if t.dep_ not in ("compound", "amod") or t.i != (words[0].i if words else arg.i) - 1:
                break
            words.insert(0, t)
        toks = _longer_name(eras, [*words, arg])
        words = toks[:-1]
        surface = " ".join(t.text for t in toks)
        readings = eras.dynasty_readings(surface) or (
            eras.dynasty_readings(" ".join(t.text for t in words))
            if words and arg.lower_ in ("dynasty", "kingdom", "empire", "state") else [])
        if not readings or not (toks[0].text[:1].isupper()):
            continue
        spans = [(r, sp) for r in readings if (sp := dynasty_span(eras, r)) is not None]
        if not spans:
            continue
        y = chosen.year if chosen is not None else None
        if y is not None and len(spans) > 1 and all(
                min(abs(y - a), abs(y - b)) > FAR_READING for _, (a, b) in spans):
            return None  # "the fall of Qin" in a text on 210 BC: a state the tables lack
        holding = [rs for rs in spans if y is not None and rs[1][0] <= y <= rs[1][1]]
        name, (first, last) = holding[0] if holding else spans[0]
        year = last if end else first
        if y is not None and not far and abs(y - year) <= NEAR_ENOUGH and (
                first - 1 <= y <= last or (not end and y > last)):
            # the text's own time near the table's year ("In 1644 ... the Ming fell": the
            # Southern Ming ruled to 1662); a founding is not dated years before the dynasty's
            # first reign ("in 903 ... \n The founding of Goryeo": 918)
            return None
        start = sent_start + toks[0].idx
        return DateRow(doc_id="", sentence_id=-1, start=start,
                       end=sent_start + arg.idx + len(arg.text), text=surface, kind="period",
                       dynasty=name, year=year,
                       basis=f"the {'last' if end else 'first'} year of the {name} dynasty's "
                             "reigns in the ruler tables: the text gives no date",
                       certainty="low")
    return None


def _longer_name(eras: EraTable, toks: list[Token]) -> list[Token]:
    """``toks`` widened by the capitalised words right before them (at most two) when the
    wider name is a dynasty of the tables: "Later Baekje fell" parses "Later" as an adverb,
    yet it is Later Baekje (900-936) that fell, not Baekje (663)."""
    best, first = toks, toks[0]
    for _ in range(2):
        if first.i == 0:
            break
        prev = first.doc[first.i - 1]
        if not prev.text[:1].isupper() or not prev.is_alpha or prev.whitespace_ != " ":
            break
        first = prev
        wider = [*first.doc[first.i:toks[0].i], *toks]
        if eras.dynasty_readings(" ".join(t.text for t in wider)):
            best = wider
    return best


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


_LIFE_ENDS = frozenset({"death", "suicide"})
#: The words a fronted date adverbial may open with before its date ("In 560,", "During the
#: third month of ...").
_FRONTED = re.compile(r"(?i)\W*(?:(?:in|on|by|during|from|at|then|and|but)\s+)*(?:the\s+)?\Z")


def trailing_age(verb: Token, age: Token, date: DateRow, sdoc: Doc, sent_start: int,
                 event_type: str = "") -> bool:
    """True if the age phrase ``age`` comes after ``verb`` (the subject's age at the act: "and
    Yu Wenyong was set up as emperor at age of seventeen") while ``date`` is the fronted
    adverbial that opens the sentence ("In 560, ..."): a date that frames every clause of the
    sentence, so the age does not replace it. A fronted age ("At the age of twenty-five, he
    rose up") or a date inside another clause ("He was born in 1103, and at the age of
    twenty ...") is another time, and so is a death or suicide told with its age ("In 1127
    the Jin took Kaifeng, and Huizong died in captivity at the age of 53": the age stands
    for the life's end, which the sentence does not date)."""
    offset = date.start - sent_start
    return (event_type not in _LIFE_ENDS and age.i > verb.i and 0 <= offset <= len(sdoc.text)
            and _FRONTED.match(sdoc.text[:offset]) is not None)


def _victims_age(verb: Token, age: Token) -> bool:
    """True if the age phrase ``age`` comes after ``verb``'s direct object ("killed him, at
    the age of 39"): the age of the one the act befell, told as it ends his life, not the
    time of the act. A reflexive object ("killed himself at the age of 40") is the
    subject: his own age, no time the sentence's date tells."""
    return any(c.dep_ == "dobj" and c.i < age.i and not c.lower_.endswith(("self", "selves"))
               for c in verb.children)


def life_end_dated_in_clause(date: DateRow, sdoc: Doc, sent_start: int, trig_start: int,
                             event_type: str) -> bool:
    """True for a death or suicide whose date stands right before it in its own clause, no
    verb between them: "and on the 26th day of the 4th month (21 May 1645) the Crown Prince
    died suddenly ..., at the age of thirty-four" -- the age phrase then tells the age at
    that date (not "In 1127 the Jin took Kaifeng, and Huizong died ... at the age of 53",
    where the date frames another clause: :func:`trailing_age`). Offsets full-text,
    ``sent_start`` the sentence's."""
    if event_type not in _LIFE_ENDS or not sent_start <= date.end <= trig_start:
        return False
    between = [t for t in sdoc if date.end <= sent_start + t.idx < trig_start]
    return not any(t.tag_.startswith("VB") and t.dep_ not in ("aux", "auxpass")
                   for t in between)
