"""Which date an event takes (:func:`dated_event`): see :mod:`pipeline.events.when`."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from pipeline.dates.list_years import apart_by_label_line, apart_by_list_line
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
from pipeline.events.modality import modality
from pipeline.events.roles import coarse
from pipeline.records import DateRow

from .assessed import judged_far
from .far_dates import nearest_not_far, running_not_far
from .forward import reaches_forward, steps_forward
from .known import (
    _DYNASTY_END,
    _SPAN_ENDS,
    _aged,
    _dynasty_year,
    _own_age,
    _participle_of,
    _span_end,
    _victims_age,
    life_end_dated_in_clause,
    trailing_age,
)
from .labels import labels_line, on_dateline
from .later import after_only, told_as_later
from .lives import SLACK
from .lower_bound import after_clause_verbs, raised_by_after
from .ranges import _with_range
from .readable import _readable


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
                unread: Sequence[int] = (), heading_year: int | None = None
                ) -> tuple[DateRow | None, str]:
    """``(date, source)`` for the event of ``head`` (arguments as :func:`event_date`).

    ``source``: ``clause`` (a date attached to the trigger's own clause in the parse),
    ``sentence`` (the sentence's last date before the trigger), ``other_clause`` (the first
    date after the trigger, in its clause window but attached to another clause: "he rose up
    ..., and in 1616 was called Khan": a guess), ``running`` (the last date before the
    sentence) or "" (no date). When the trigger's clause states its time as an age ("At the
    age of twenty-five, he rose up"; ``age`` cues of ``event_cues.csv`` in ``lexicon``) and
    holds no date of its own, a date of another clause or sentence is not its date: None;
    but under a year heading (``heading_year``: the one year the heading of its section
    prints, "THE TWELFTH YEAR OF JIAN'AN (207 AD)") a running date of that year is the
    section's year: kept, as ``far`` ("11 Guo Jia died of illness, aged thirty-eight.").
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
    own sentence takes the entry's death year, as ``running``; another event takes neither a
    life span nor a death date as its running date (they bound the life: the entry's events
    led up to the death, over years the lead does not tell).

    A clause told in a present perfect under "since" ("and since his operations eastwards
    has passed through Su-sung, captured Chien-shan, and occupied Ch'i-mun"), or a verb
    coordinated with or hanging on one, tells a stretch from an earlier time up to the time of
    writing: without a date of its own clause it has none (not the date before it)."""
    dates, starts = _readable(dates, starts)
    chosen, source = _event_date(dates, starts, sdoc, head, sent_start, trig_start, clause_end,
                                 lexicon, since)
    if chosen is not None and chosen.kind == "period" and not labels_line(
            chosen, sdoc.text, sent_start):  # "- Early Ming: ...": the line's date (.labels)
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
    if source != "clause" and event_type in _DYNASTY_END and sdoc.has_annotation("DEP") \
            and (lexicon is None or modality(head, lexicon) == "asserted"):
        # not a failed one: "failed to achieve the goal of destroying the Southern Song" (the
        # state did not end then)
        # with no date of its own the reading of the name is still chosen by the text's time:
        # the last date before the trigger, across headings ("Founding of Jin" after 698 is
        # no Jurchen Jin of 1115)
        hint = chosen if chosen is not None else next(
            (d for d in reversed(dates) if d.start < trig_start and d.year is not None), None)
        founded = _dynasty_year(sdoc, head, sent_start, _DYNASTY_END[event_type], hint,
                                far=chosen is None or (source == "running"
                                                       and chosen.start < near))
        if founded is not None:  # "the establishment of the Tang Dynasty": 618, low
            return founded, "sentence"
    if chosen is not None and sdoc.has_annotation("DEP") and judged_far(head, chosen, dates):
        return None, ""  # "in 1925, the historian X called the suppression of Y": (.assessed)
    if chosen is not None and source != "clause" and lexicon is not None \
            and sdoc.has_annotation("DEP") and background_noun(head, lexicon):
        return None, ""  # "the first rising against the Qin after the death of the First
        # Emperor": a time the rising is placed by, not the sentence's date
    if chosen is not None and source != "clause" and sdoc.has_annotation("DEP") \
            and told_as_later(clause_verb(head)):
        # "he later set households at Dang": at or after the date before it, before the next
        # later year the text prints; none: no year
        later = after_only(dates, chosen, trig_start)
        return (later, "far") if later is not None else (None, "")
    if lead is not None and chosen is not None and source in ("clause", "sentence") \
            and outside_entry_life(chosen, lead):
        return None, ""  # "A.D. 277-304. ... in 808 routed Lu Chi": an OCR'd year, not 808
    if lead is not None and source not in ("clause", "sentence"):
        if headword_dies(event_type, sdoc, head, lead.headword, lexicon):
            return lead.death, "running"  # "A.D. 892-936. ... he perished in the flames"
        if lead.kind == "death" and 0 < lead.start - trig_start <= _LEAD_WORD_CHARS:
            return lead.death, "sentence"  # "Died A.D. 934.": the lead's own death word
        if chosen is None or chosen.start == lead.start:  # (an aside lead is never chosen)
            return None, ""  # a life span or a death bounds the life, it dates no event of
            # it ("Died B.C. 229. ... for many years guarded the northern frontier": not 229)
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
    if chosen is not None and source in ("far", "running") and sdoc.has_annotation("DEP") \
            and _present_perfect(clause_verb(head)):
        return None, ""  # "He has fortunately so achieved his work as to cut up ...": up
        # to the time of writing, not the time the narrative had reached
    if chosen is not None and source != "clause" and sdoc.has_annotation("DEP") \
            and _since_writing(clause_verb(head)):
        return None, ""  # "and since ... has passed through Su-sung, captured ...": after
        # the date before it, up to the time of writing: not that date's year
    if chosen is not None and source != "clause" and lexicon is not None \
            and sdoc.has_annotation("DEP"):
        age = _aged(clause_verb(head), lexicon)
        if age is not None and not sent_start + age.idx < chosen.start < trig_start:
            verb = clause_verb(head)
            if source in ("running", "far") and heading_year is not None \
                    and chosen.year == heading_year == (chosen.year_end or chosen.year):
                source = "far"  # the year heading dates its section: low, warned
            elif source == "sentence" and life_end_dated_in_clause(
                    chosen, sdoc, sent_start, trig_start, event_type):
                pass  # "and on 21 May 1645 the Crown Prince died ..., at the age of 34"
            elif source != "sentence" or not (_victims_age(verb, age) or trailing_age(
                    verb, age, chosen, sdoc, sent_start, event_type)):
                return None, ""  # (a date between the age phrase and the trigger is nearer)
            else:
                source = "other_clause"  # "killed him, at the age of 39", "In 560, ... at
                # age of seventeen": the date stands, as a guess
    if chosen is None:
        return None, ""
    return _with_range(dates, starts, chosen, sdoc, sent_start), source


def _event_date(dates: Sequence[DateRow], starts: Sequence[int], sdoc: Doc, head: Token,
                sent_start: int, trig_start: int, clause_end: int,
                lexicon: EventLexicon | None = None, since: int = 0
                ) -> tuple[DateRow | None, str]:
    lo = bisect.bisect_left(starts, sent_start)
    if lo and dates[lo - 1].end > sent_start:  # "In RC. | 340 he led": a date phrase the
        lo -= 1  # sentence splitter cut is the date of the sentence its year number is in
    hi = bisect.bisect_left(starts, sent_start + sdoc[-1].idx + len(sdoc[-1]))
    parsed = sdoc.has_annotation("DEP")
    verb = clause_verb(head) if parsed else head
    own_sentence = [d for d in dates[lo:hi] if d.kind != "aside" or (
        parsed and dates_its_noun(d, sdoc, sent_start))]
    stext = sdoc.text if own_sentence else ""
    datelines: list[DateRow] = []  # "1268 Feb (Bun'ei 5, 1st month)\n...": as a running date
    if "\n" in stext:  # "- 1641: ... took the city.\n- 1643: ...": another list line's year
        at = {id(d): max(0, d.start - sent_start) for d in own_sentence}
        own_sentence = [d for d in own_sentence if not apart_by_list_line(
            stext, at[id(d)], trig_start - sent_start) and not apart_by_label_line(
            stext, at[id(d)], trig_start - sent_start)]  # nor an infobox field's
        spans = [(at[id(d)], d.end - sent_start) for d in own_sentence]
        datelines = [d for d in own_sentence if on_dateline(stext, at[id(d)],
                                                            trig_start - sent_start, spans)]
        own_sentence = [d for d in own_sentence if all(d is not x for x in datelines)]
    earlier = told_as_earlier(verb, lexicon) if parsed and lexicon is not None else ""
    lower: list[DateRow] = []  # dates of the event's own "after" clauses (.lower_bound)
    after_verbs: set[int] = set()
    if parsed and own_sentence:
        roots = {id(d): date_root(d if d.start >= sent_start else dataclasses.replace(
            d, start=sent_start), sdoc, sent_start) for d in own_sentence}
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
            return (nearest_not_far(before) if before else own[0]), "clause"
        if _own_age(verb) is not None:  # "ascended in 502 ... and died at eighty-six"
            return None, ""  # an age marks another time than the sentence's dates
        shared = [d for d in own_sentence if verbs[id(d)] in chain]
        before = [d for d in shared if d.start < trig_start]
        if shared and (before or not steps_forward(shared[0], own_sentence, trig_start,
                                                   _running(dates, lo, since))):
            return (nearest_not_far(before) if before else shared[0]), "clause"
        if earlier == "cue":
            return None, ""  # "Before that, ...", "in his youth": not the sentence's time
        if lexicon is not None:  # "after the prince seized Nanjing, he ... in 1404": a bound
            after_verbs = after_clause_verbs(verb, lexicon)
            lower = [d for d in own_sentence if verbs[id(d)] in after_verbs]
            bounds = bounding_verbs(verb, lexicon)
            own_sentence = [d for d in own_sentence if verbs[id(d)] not in bounds]
        own_sentence = [d for d in own_sentence if d.start >= trig_start
                        or not describes_a_noun(token_at(sdoc, max(0, d.start - sent_start)))]
        # "Yue Fei, who was born in 1103, defeated ...": the birth's date, not his
    elif earlier == "cue":
        return None, ""
    before = [d for d in own_sentence if d.start < trig_start] or datelines[-1:]
    if before and lower:
        # "in 576 he served ..., and after Qi was destroyed in 577 he was created Duke": 577
        raised = raised_by_after(before[-1], lower, verbs, after_verbs, trig_start)
        if raised is not None:
            return raised, "sentence"
    if before:  # (a year far from the text's time only when no other stands: .far_dates)
        return nearest_not_far(before), "sentence"
    after = [d for d in own_sentence if trig_start <= d.start < clause_end
             and not _in_later_bracket(sdoc, sent_start, trig_start, d)]
    running = _running(dates, lo, since)
    if after and not earlier and not (parsed and reaches_forward(after[0], running)):
        # ("The Jin had taken Taiyuan, and in 1127 ...": before 1127; "swore brotherhood
        # and agreed to fight together the next winter": the running year, .forward)
        return after[0], ("other_clause" if parsed else "sentence")
    return (running, "running") if running is not None else (None, "")


def _running(dates: Sequence[DateRow], lo: int, since: int) -> DateRow | None:
    """The last date before ``dates[lo]`` that is a running date, starting at or after
    ``since``; None without one."""
    k = lo - 1
    while k >= 0 and dates[k].kind in ("aside", "period"):
        k -= 1  # a printed span aside ("Hai Rui (1514-1587)"), a dynasty: no running date
    if k > 0:
        k = running_not_far(dates, k)  # "349 AD, on April 23, 2013": 349 (.far_dates)
    return dates[k] if k >= 0 and dates[k].start >= since else None


#: Characters at most from a lead's death word to its date ("Died A.D. 934").
_LEAD_WORD_CHARS = 12

#: A bare printed year: digits only, perhaps with an era mark ("808", "A.D. 808").
_BARE_YEAR = re.compile(r"(?:a\.?\s?d\.?\s*)?\d{3,4}", re.IGNORECASE)


def outside_entry_life(d: DateRow, lead: EntryLead) -> bool:
    """True if ``d`` is a bare printed year (digits only: the kind of year an OCR misreads,
    "in 808" for 303) outside the life span that leads the dictionary entry (``lead`` of kind
    ``span``, :data:`~pipeline.events.when.lives.SLACK` years either side): not the year of an
    event of that entry. A death lead bounds nothing (events after a death are told)."""
    if lead.kind != "span" or lead.born is None or d.year is None \
            or not _BARE_YEAR.fullmatch(d.text.strip()):
        return False
    last = d.year_end if d.year_end is not None else d.year
    return d.year > (lead.death.year or d.year) + SLACK or last < lead.born - SLACK


def background_noun(head: Token, lexicon: EventLexicon) -> bool:
    """True if the event noun ``head`` lies under a ``bound`` preposition ("after", "before")
    that itself modifies a noun that a copula predicates or that is a subject ("was the
    first armed rising against the Qin after the death of the First Emperor"): an earlier or
    later event that places another thing in time, told in passing; not one modifying a verb
    or its object ("After the death of Ningzong, Zhao Yun was made emperor", "captured
    Xiangyang after a siege of a year": the same time)."""
    if coarse(head) != "NOUN":
        return False
    k = bound_link(head, lexicon)
    if k < 0:
        return False
    host = head.doc[k].head  # a noun, or a gerund with an article ("the first armed rising")
    if host.dep_ not in _DESCRIBED:  # "captured X and its defender after a siege": the
        return False  # parse may hang the phrase on the object; the verb's time then
    return coarse(host) == "NOUN" or (host.tag_ == "VBG" and any(
        t.dep_ == "det" for t in host.subtree if t.i < host.i))


#: Links of a noun that describe rather than narrate: a copula's predicate or a subject.
_DESCRIBED = frozenset({"attr", "ccomp", "nsubj", "nsubjpass"})


def _in_later_bracket(sdoc: Doc, sent_start: int, trig_start: int, d: DateRow) -> bool:
    """True if ``d`` (not a span aside) lies inside a bracket that opens after the trigger
    (at full-text ``trig_start``): a remark of its own time, not the event's ("He ordered the
    building of Quoc Tu Giam (while only Huong exams were used under Gia Long's reign)")."""
    if d.kind == "aside":
        return False
    text = sdoc.text
    between = text[max(0, trig_start - sent_start):max(0, d.start - sent_start)]
    return between.count("(") > between.count(")")


_PRESENT_PERFECT = frozenset({"has", "have", "'ve", "'s"})
_UP = frozenset({"conj", "relcl", "acl", "amod"})


_HOST = frozenset({"xcomp", "advcl", "ccomp"})


def _present_perfect(verb: Token) -> bool:
    """True if ``verb`` (a clause verb), the first verb it is coordinated with, or the verb
    its clause completes ("has so achieved his work as to cut up": a step or two up), is a
    present perfect ("has achieved", "have taken")."""
    v = verb
    for _ in range(3):
        for w in {v.i: v, v.doc[sorted(conjuncts(v))[0]].i: v.doc[sorted(conjuncts(v))[0]]
                  }.values():
            if w.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_PERFECT
                                       and c.tag_ in ("VBZ", "VBP") for c in w.children):
                # (not "is said to have burned": a perfect infinitive)
                return True
        if v.dep_ not in _HOST or v.head.i == v.i:
            return False
        v = clause_verb(v.head)
    return False


def _since_writing(verb: Token) -> bool:
    """True if ``verb`` (a clause verb), or the verb it is coordinated with or hangs on (a
    few steps up), is a present perfect with "since" ("since ... has passed through")."""
    v = verb
    for _ in range(4):
        if v.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_PERFECT
                                   for c in v.children) \
                and any(c.lower_ == "since" and c.dep_ in ("mark", "prep", "advmod")
                        for c in v.children):
            return True
        if v.dep_ not in _UP or v.head.i == v.i:
            return False
        v = v.head if v.dep_ == "conj" else clause_verb(v.head)
    return False
