"""How far back the running date reaches: sections, dictionary entries, distance.

An event whose sentence holds no date of its own takes the running date, the last date
before its sentence (:mod:`pipeline.events.when`). That date belongs to its section:

* it does not cross a **heading** (a title line: the first line of a paragraph, or a
  paragraph of one line, short, not ended by sentence punctuation, followed by a line that
  starts with a capital or a digit), and a date *in* a heading is no running date for the
  body ("The Xuanwu Gate Incident of 626" titles a page that then narrates 617 and 618);
  the section heading of a wiki article ("The battle[edit]", "Aftermath[edit]") without a
  number is no wall: the article's narrative runs on across it (from an earlier paragraph,
  so far: certainty low); nor is any heading without a number that sits inside one
  chronological narrative, the first date after it no earlier than the last date before it
  and at most :data:`RUN_ON_YEARS` later (a wiki mirror without "[edit]": "Battle" between
  "203 BC" and "February 202 BC"); "Early life" before earlier dates still walls;
* it does not cross the start of a **dictionary entry** (a paragraph that opens with a
  headword, perhaps after an entry number: a PERSON name followed by a full stop, a bracket
  or Chinese characters, "Li Cunxu 李存勗. Died A.D. 926."; or a line inside a paragraph
  that opens with a name followed by Chinese characters; or a numbered paragraph or line
  whose capitalised headword the OCR garbled, junk where the characters were, followed by a
  lead date: "1755 Ssti-ma Chiung f) |I 6 (T. ^ i^). Died A.D. 302."): each entry has its
  own dates;
* a dictionary entry's **lead date**, the date right after its headword (a life span,
  "Li Ts'ung-k'o 李從珂. A.D. 892-936.", or a death, "Died A.D. 806.", the word a ``death``
  trigger of the event lexicon), dates the person's life, not each event of the entry
  (:class:`EntryLead`; how events use it: :mod:`pipeline.events.when`);
* a heading's own event ("Landing at Rongcheng[edit]", "Killing the princes") titles the
  section under it, not the one before: with no date of its own it takes the first date
  that prints a year in the section's first sentence (:attr:`Horizon.section`; ``date_source``
  ``section``, low), not the running date of the section before;
* it never crosses a **back-matter heading** (a line that is only "Extended data:",
  "References", "Notes", "Related posts:": ``back_matter`` of ``gazetteer/modality_cues.csv``,
  colon and edit marks allowed): an appendix, notes or link footer is no part of the
  narrative, its undated events get no year (a blank, not the narrative's last year);
* beyond :data:`FAR_SENTENCES` sentences, or from an earlier paragraph, it is *far*: the
  row's certainty is ``low`` (:mod:`pipeline.events.certainty`), the text may have moved on;
  beyond :data:`EXPIRE_SENTENCES` sentences it has expired: the event has no date (a blank
  is better than a year from a part of the text that narrated another time), unless the
  text's next date, within that many sentences, is at most :data:`BRIDGE_YEARS` later than the
  last (one undated stretch of a single narrative: far, low; :meth:`Horizons._bridged`).

Offsets are ``str`` indices into the full text. Raises nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from pipeline.events.habits import back_matter
from pipeline.events.heading_years import heading_years as _heading_years
from pipeline.records import DateRow, EntityRow

#: A running date more than this many sentences back is far (certainty low).
FAR_SENTENCES = 4
#: A running date more than this many sentences back dates nothing (a blank year).
EXPIRE_SENTENCES = 8
#: An expired running date still dates a sentence when the text's next date (within
#: :data:`EXPIRE_SENTENCES` sentences after it) is no earlier and at most this many years later:
#: one undated stretch of a single narrative ("In 342 BC ... [nine sentences of the battle] ...
#: In 340 BC"), far (low, EVENT_YEAR_CARRIED_FAR), not a blank with no warning.
BRIDGE_YEARS = 3
#: A heading is crossed when the first date after it is at most this many years after the
#: last date before it (:func:`_runs_on`): a generation, not a jump to another time.
RUN_ON_YEARS = 30
_TITLE_MAX_CHARS = 80
_TITLE_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?;,:。！？；，\-–—\"'”’]$")
_INNER_STOP = re.compile(r"[.!?。！？]\s")
_NEXT_LINE = re.compile(r"\s*[A-Z0-9]")
_HEADWORD_END = re.compile(r"[^\S\n]*(?:[\u3400-\u9fff\uf900-\ufaff]+[^\S\n]*)?[.(（]")
# inside a paragraph a line opens an entry only with Chinese characters after the name
_CJK_HEADWORD = re.compile(r"[^\S\n]*[\u3400-\u9fff\uf900-\ufaff]+[^\S\n]*[.,(（]")
# a wiki section heading ("The battle[edit]"): the article's narrative runs on across it
_WIKI_SECTION = re.compile(r"\[\s*edit\s*\]\s*$")
_ENTRY_NUMBER = re.compile(r"\s*(?:\d{1,5}\.?\s+)?")  # "1187 Li Ssu-yuan ...": a numbered entry


#: Characters between a headword's end and its lead date at most ("李宗閔 (T. 損之). Died ").
_LEAD_GAP_CHARS = 40
_LEAD_BRACKET = re.compile(r"\([^()\n]{0,30}\)")
_LEAD_ERA = re.compile(r"\b(?:a\.?\s?d|b\.?\s?c|c|ca|circa)\b\.?", re.IGNORECASE)
_LEAD_REST = re.compile(r"[\s.,;:\u3400-\u9fff\uf900-\ufaff]*")


@dataclass(frozen=True)
class EntryLead:
    """The lead date of a dictionary entry: ``start`` (its full-text offset), ``kind``
    (``span``: a life span; ``death``: a death date), ``death`` (a year row of the death:
    the span's end, or the death date itself), ``headword`` (the entry's name) and ``born``
    (a life span's first year)."""

    start: int
    kind: str
    death: DateRow
    headword: str
    born: int | None = None  # the span's first year (a ``span`` lead), astronomical


@dataclass(frozen=True)
class Horizon:
    """Where a sentence's running date may come from: ``since`` (a running date must start
    at or after it, else the event has no date) and ``near`` (one starting before it is far:
    certainty low); ``stale``: a date starting before it is both far and from an earlier
    paragraph (or before ``since``): a date of the sentence that prints no year ("On August
    7") and took its year from there is low; ``lead``: the lead date of the dictionary entry
    the sentence is in, if the entry has one."""

    since: int = 0
    near: int = 0
    lead: EntryLead | None = None
    stale: int = 0
    #: starts of the date phrases the date stage could not read ("/kloc-in the spring of
    #: 0/848", "a few months later") from ``since`` to the sentence's end: a date before one
    #: is no longer the narrative's time (:func:`pipeline.events.when.dated_event`)
    unread: tuple[int, ...] = ()
    #: for a heading's own sentence: the first date printing a year in the first sentence
    #: of the section under it ("Landing at Rongcheng[edit]\n\nOn 18 January 1895 ..."), the
    #: date of the heading's events that have none of their own; None otherwise
    section: DateRow | None = None
    #: the end of that heading (full-text offset): only a trigger before it is the heading's
    section_end: int = 0
    #: the one year printed in the heading that walls the sentence's section ("THE TWELFTH
    #: YEAR OF JIAN'AN (dinghai, 207 AD)"), astronomical; None if no such heading
    heading_year: int | None = None


class Horizons:
    """The section and entry starts and sentence starts of one document.

    ``blocks``: ``(text, offset)`` of each paragraph in order; ``sentence_starts``: the
    full-text start of every sentence (any order); ``entities``: the document's entities
    (PERSON names open dictionary entries); ``dates``: the document's dates with a year,
    sorted by start, and ``death_words``: lower-case words that say a death ("died"), to find
    each entry's lead date (:class:`EntryLead`; none without them); ``unread``: the starts
    of date phrases the date stage could not read (its GARBLED_DIGITS and DATE_NOT_READ
    warnings)."""

    def __init__(self, blocks: Sequence[tuple[str, int]], sentence_starts: Sequence[int],
                 entities: Sequence[EntityRow], dates: Sequence[DateRow] = (),
                 death_words: Collection[str] = (), unread: Sequence[int] = ()) -> None:
        self._unread = sorted(unread)
        persons = {e.start: e.end for e in entities if e.label == "PERSON"}
        date_starts = [d.start for d in dates]
        self._leads: dict[int, EntryLead] = {}
        walls: list[tuple[int, int]] = []  # (start, end): running dates start at/after end
        titles: list[tuple[int, int]] = []  # every heading, wall or not: (start, end)
        for i, (text, offset) in enumerate(blocks):
            lines = text.split("\n")
            first = lines[0]
            lead = len(first) - len(first.lstrip())
            following = lines[1] if len(lines) > 1 else (blocks[i + 1][0]
                                                         if i + 1 < len(blocks) else "")
            heading = _is_title(first) and bool(_NEXT_LINE.match(following))
            if heading:
                titles.append((offset + lead, offset + len(first.rstrip())))
            if heading and not (
                    not any(c.isdigit() for c in first) and (
                        _WIKI_SECTION.search(first)
                        or _runs_on(dates, date_starts, offset + lead,
                                    offset + len(first.rstrip())))):
                walls.append((offset + lead, offset + len(first.rstrip())))
            at = 0
            for k, line in enumerate(lines):  # headwords: at a paragraph or line start
                if back_matter(line):  # "Extended data:", "Related posts:": always a wall
                    walls.append((offset + at, offset + at + len(line.rstrip())))
                opens = _ENTRY_NUMBER.match(line)
                start = offset + at + opens.end()
                end = persons.get(start)
                if end is not None and (_CJK_HEADWORD if k else _HEADWORD_END).match(
                        text, end - offset):
                    walls.append((start, start))
                    lead = _entry_lead(text, offset, start, end, dates, date_starts,
                                       death_words)
                    if lead is not None:
                        self._leads[start] = lead
                elif opens.group().strip():  # a numbered entry whose headword the OCR garbled
                    lead = _garbled_lead(text, offset, start, dates, date_starts, death_words)
                    if lead is not None:
                        walls.append((start, start))
                        self._leads[start] = lead
                at += len(line) + 1
        self._heading_years = _heading_years(walls, titles, dates)
        self._walls = sorted(walls)
        self._wall_starts = [w[0] for w in self._walls]
        self._sentences = sorted(sentence_starts)
        self._years = [(d.start, d.year, d.year_end or d.year)
                       for d in sorted(dates, key=lambda d: d.start)
                       if d.year is not None and d.kind not in ("aside", "range")]
        self._year_starts = [y[0] for y in self._years]
        self._titles = sorted(titles)
        self._title_starts = [t[0] for t in self._titles]
        self._printed = [d for d in sorted(dates, key=lambda d: d.start)
                         if d.year is not None and d.kind not in _NO_SECTION_DATE]
        self._printed_starts = [d.start for d in self._printed]

    def _section_date(self, sent_start: int, sent_end: int | None
                      ) -> tuple[DateRow | None, int]:
        """For a sentence starting at ``sent_start`` (ending at ``sent_end``) inside a
        heading: (the first date that prints a year, not an aside, a dynasty or a yearless
        date, in the section's first sentence, the heading's end). That sentence is the rest
        of the heading's own when the splitter ran the heading into it ("Aftermath[edit]\nThe
        defeat destroyed ..."), else the next one. (None, 0) for any other sentence."""
        j = bisect.bisect_right(self._title_starts, sent_start) - 1
        if j < 0 or not self._titles[j][0] <= sent_start < self._titles[j][1]:
            return None, 0
        end = self._titles[j][1]
        i = bisect.bisect_left(self._sentences, end)
        if sent_end is None or sent_end <= end + 1:  # the heading is a sentence of its own
            i += 1
        limit = self._sentences[i] if i < len(self._sentences) else None
        k = bisect.bisect_left(self._printed_starts, end)
        if k >= len(self._printed) or (limit is not None and self._printed[k].start >= limit):
            return None, end
        return self._printed[k], end

    def _bridged(self, i: int, sent_start: int) -> bool:
        """Whether the undated sentence ``i`` (starting at ``sent_start``) lies in one
        narrative stretch between a date and the text's next date, at most
        :data:`BRIDGE_YEARS` later and within :data:`EXPIRE_SENTENCES` sentences after it."""
        k = bisect.bisect_left(self._year_starts, sent_start)
        if k == 0 or k >= len(self._years):
            return False
        before, after = self._years[k - 1][2], self._years[k][1]
        j = i + EXPIRE_SENTENCES
        if j < len(self._sentences) and self._years[k][0] >= self._sentences[j]:
            return False
        return before <= after <= before + BRIDGE_YEARS

    def at(self, sent_start: int, paragraph_start: int, sent_end: int | None = None
           ) -> Horizon:
        """The :class:`Horizon` of the sentence starting at ``sent_start`` (ending at
        ``sent_end``, for its unread date phrases; default: none of its own) in the paragraph
        starting at ``paragraph_start``."""
        since = 0
        lead = None
        k = bisect.bisect_right(self._wall_starts, sent_start) - 1
        if k >= 0:
            start, end = self._walls[k]
            since = end if end <= sent_start else start  # (a heading's own sentence: start)
            lead = self._leads.get(start) if start == end else None
        i = bisect.bisect_left(self._sentences, sent_start)
        far = self._sentences[i - FAR_SENTENCES] if i >= FAR_SENTENCES else 0
        if i >= EXPIRE_SENTENCES and not self._bridged(i, sent_start):  # moved on: no date
            since = max(since, self._sentences[i - EXPIRE_SENTENCES])
        lo = bisect.bisect_left(self._unread, since)
        hi = bisect.bisect_left(self._unread, sent_start if sent_end is None else sent_end)
        section, section_end = self._section_date(sent_start, sent_end)
        return Horizon(since, max(paragraph_start, far, since), lead,
                       max(since, min(paragraph_start, far)), tuple(self._unread[lo:hi]),
                       section, section_end,
                       self._heading_years.get(self._walls[k]) if k >= 0 else None)


def _entry_lead(text: str, offset: int, start: int, end: int, dates: Sequence[DateRow],
                date_starts: Sequence[int], death_words: Collection[str]) -> EntryLead | None:
    """The lead date of the entry whose headword spans ``[start, end)`` (full-text offsets)
    in the paragraph ``text`` at ``offset``: the first date within a few characters after
    the headword, with only characters, a short bracket ("(T. 損之)"), punctuation, "A.D."
    and a death word between: a range is a life span, a year after a death word a death."""
    i = bisect.bisect_left(date_starts, end)
    if i >= len(dates) or dates[i].start - end > _LEAD_GAP_CHARS or dates[i].year is None \
            or dates[i].start - offset > len(text):
        return None
    d = dates[i]
    gap = _LEAD_BRACKET.sub(" ", text[end - offset:d.start - offset])
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", _LEAD_ERA.sub(" ", gap))]
    rest = re.sub(r"[A-Za-z]+", " ", _LEAD_ERA.sub(" ", gap))
    if "\n" in gap or not _LEAD_REST.fullmatch(rest):
        return None
    headword = text[start - offset:end - offset]
    if not words and d.year_end is not None and d.year_end > d.year:
        death = dataclasses.replace(d, kind="gregorian", year=d.year_end, year_end=None,
                                    date_start="", date_end="", month=None, day=None,
                                    leap_month=None, season=None)
        return EntryLead(d.start, "span", death, headword, d.year)
    if len(words) == 1 and words[0] in death_words:
        return EntryLead(d.start, "death", d, headword)
    return None


#: A headword's words: capitalised, with apostrophes, hyphens and diacritics ("Ssŭ-ma Yüeh").
_NAME_RUN = re.compile(r"[A-Z][^\s\d().,;:|^]*(?:[^\S\n]+[A-Z][^\s\d().,;:|^]*){0,3}")


def _garbled_lead(text: str, offset: int, start: int, dates: Sequence[DateRow],
                  date_starts: Sequence[int], death_words: Collection[str]
                  ) -> EntryLead | None:
    """The lead date of a numbered entry whose headword has no PERSON entity and whose
    Chinese characters the OCR turned into junk ("1755 Ssti-ma Chiung f) |I 6 (T. ^ i^).
    Died A.D. 302."): capitalised words at ``start``, then within a few characters only
    one- or two-letter junk, symbols, a short bracket, "A.D." and a death word before a life
    span or a death date. None otherwise (the paragraph is then no entry)."""
    name = _NAME_RUN.match(text, start - offset)
    if name is None:
        return None
    end = offset + name.end()
    i = bisect.bisect_left(date_starts, end)
    if i >= len(dates) or dates[i].start - end > _LEAD_GAP_CHARS or dates[i].year is None \
            or dates[i].start - offset > len(text):
        return None
    d = dates[i]
    gap = _LEAD_ERA.sub(" ", _LEAD_BRACKET.sub(" ", text[end - offset:d.start - offset]))
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", gap)]
    if "\n" in gap or not gap.rstrip().lower().endswith((".", *death_words)) \
            or any(len(w) > 2 for w in words[:-1]) \
            or (words and len(words[-1]) > 2 and words[-1] not in death_words):
        return None
    headword = text[start - offset:end - offset]
    if words and words[-1] in death_words:
        return EntryLead(d.start, "death", d, headword)
    if d.year_end is not None and d.year_end > d.year:
        death = dataclasses.replace(d, kind="gregorian", year=d.year_end, year_end=None,
                                    date_start="", date_end="", month=None, day=None,
                                    leap_month=None, season=None)
        return EntryLead(d.start, "span", death, headword, d.year)
    return None


def _runs_on(dates: Sequence[DateRow], date_starts: Sequence[int], start: int, end: int
             ) -> bool:
    """True if the heading at ``[start, end)`` (full-text offsets; it prints no number) sits
    inside one chronological narrative: the first date after it (not an aside) has a year no
    earlier than the last date before it and at most :data:`RUN_ON_YEARS` later (a "See
    also" list before references printed in 2003 is no sequel of 756). A section that goes
    back in time ("Early life", "Background") or has no later date is a wall; one that goes
    on ("Battle" after "a truce in 203 BC", then "In February 202 BC") is crossed like a wiki
    section (far: low)."""
    def told(d: DateRow) -> bool:
        return d.kind != "aside" and d.year is not None

    k = bisect.bisect_left(date_starts, start)
    before = next((d for d in reversed(dates[:k]) if told(d)), None)
    after = next((d for d in dates[bisect.bisect_left(date_starts, end):] if told(d)), None)
    return before is not None and after is not None \
        and 0 <= after.year - before.year <= RUN_ON_YEARS


_ABBREVIATED_NUMBER = re.compile(r"(?<=[a-z])\.\s(?=\d)")


def numbered_headings(blocks: Sequence[tuple[str, int]]) -> list[int]:
    """Full-text starts of the paragraphs that open with a heading printing a number (a
    year heading of annals: "Yihai Year (approx. 1755)", "1402", "Kangxi Reign, 36th Year"):
    a title line (as for the running date's walls) followed by a line or paragraph that
    starts with a capital or a digit. ``blocks``: ``(text, offset)`` paragraphs."""
    out: list[int] = []
    for i, (text, offset) in enumerate(blocks):
        lines = text.split("\n")
        first = lines[0]
        following = lines[1] if len(lines) > 1 else (blocks[i + 1][0]
                                                     if i + 1 < len(blocks) else "")
        title = _ABBREVIATED_NUMBER.sub(" ", first)  # "(approx. 1697)", "(c. 1697)"
        if any(c.isdigit() for c in first) and _is_title(title) and _NEXT_LINE.match(following):
            out.append(offset + len(first) - len(first.lstrip()))
    return out


def _is_title(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text) <= _TITLE_MAX_CHARS \
        and len(text.split()) <= _TITLE_MAX_WORDS and not _SENTENCE_END.search(text) \
        and not _INNER_STOP.search(text)  # "X After their defeat, to retreat. June": prose


#: Kinds of dates that do not date a heading's section (:meth:`Horizons._section_date`): a
#: printed span aside, a dynasty, and the dates that print no year of their own.
_NO_SECTION_DATE = frozenset({"aside", "period", "age", "context", "month", "day", "season",
                              "inherited", "relative"})

#: Kinds of dates that print no year of their own: the date stage gives them the running
#: date's year ("In July", "On August 7", "the next year").
_YEARLESS = frozenset({"month", "day", "season", "inherited", "relative"})


def inherits_far(dates: Sequence[DateRow], starts: Sequence[int], d: DateRow,
                 stale: int) -> bool:
    """True if ``d`` prints no year (the date stage gave it the running year: the first item
    of its basis names the running date, "running year 1854", "running Western year 1854",
    "month 2 after running month 11: next year"; not "running era") and the date before it
    starts before ``stale`` (:class:`Horizon`); ``dates`` sorted by start, ``starts`` their
    starts."""
    first = d.basis.split("; ")[0]
    if d.kind not in _YEARLESS or "running" not in first or first.startswith("running era"):
        return False
    k = bisect.bisect_left(starts, d.start) - 1
    while k >= 0 and dates[k].kind == "aside":
        k -= 1
    return k < 0 or dates[k].start < stale
