"""Events stated by the labels of an infobox or a list: "Born 10 September 904", "Died 22
February 954 (aged 49)", "Lady Zhang (張氏) (dec. 950)", "Guangshun, began on 13 February 951".

Encyclopedia pages open with a box of label + value lines (Wikipedia's infobox, copied as
text); its labels state happenings without a verb, so the parse-driven triggers miss them. A
line of a paragraph is read here when it

* starts with a life-event label of :data:`LABELS` ("Born", "Died") followed by a date the
  date stage read on that line (or, after a short value with no date, a name, on the next
  line: "Born Zheng Sen\n27 August 1624"): the event of the label, actor1 the box's subject:
  the first
  PERSON entity that opens a line of the paragraph before it (the box's title), else the one
  that opens the document's first line (the page title);
* holds a "(dec. DATE)" / "(d. DATE)" mark after a name ("Lady Zhang (張氏) (dec. 950)" in a
  list of consorts): a death, actor1 the PERSON entity on that line before the mark;
* is "NAME, began on DATE" / "NAME began in DATE" in a paragraph whose first line is a
  heading with "era" ("Era dates"): an era change, actor1 the box's subject.

A label must open its line (with only bullets or spaces before it) and be followed by a date
or the mark's own date ("dec. ?" is a death with no year): a sentence that starts with "Born"
is left to the triggers ("Born in Kaifeng, he ..." is no label line). Offsets are full-text
``str`` indices; rows carry ``actor1_source="infobox"``, ``date_source="sentence"``.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from pipeline.events.certainty import event_certainty
from pipeline.events.rows import PendingEvent, PlaceQuery
from pipeline.events.triggers import Context, polity_of
from pipeline.events.when import date_fields
from pipeline.records import DateRow, EntityRow, EventRow

#: Infobox labels that state a life event, and the event type.
LABELS = {"born": "birth", "died": "death", "deceased": "death"}
_LABEL_LINE = re.compile(r"^[ \t•·*\-|]*(Born|Died|Deceased)\b[ \t:|]+([^\s|].*)$",
                         re.MULTILINE)  # "Born 904", "Born: 904", "| Born | 904 | ||" (a table)
_DEC_MARK = re.compile(r"\((dec|d)\.[ \t]*([^()\n]*)\)")
_ERA_LINE = re.compile(r"^[ \t•·*\-]*(\S[^\n,]*?),?[ \t]+(began)[ \t]+(?:on|in)[ \t]+\S.*$",
                       re.MULTILINE)
_ERA_HEADING = re.compile(r"^[^\d,;.]*\bera\b[^\d,;.]*$", re.IGNORECASE)
_BARE_YEAR = re.compile(r"^(\d{3,4})$")
#: Lines below a label line with a short undated value (a birth name) its value may go on
#: for: the date's line ("Born Zheng Sen\n27 August 1624").
_VALUE_LINES = 1
#: A label's value that may go on below: a name of at most four words, no sentence
#: punctuation ("Zheng Sen"; not "in Kaifeng, he ...").
_SHORT_VALUE = re.compile(r"^[^,.;:()\d]*$")
#: Lines an "era began" line may stand below its "Era dates" heading.
_HEADING_REACH = 8


def _under_era_heading(text: str, at: int) -> bool:
    """True when one of the :data:`_HEADING_REACH` lines before position ``at`` of ``text``
    is a short heading (at most four words, no digit or comma) with the word "era"."""
    lines = text[:at].split("\n")[-_HEADING_REACH - 1:-1]
    return any(_ERA_HEADING.match(line.strip()) and len(line.split()) <= 4 for line in lines)


def _entities_between(ctx: Context, start: int, end: int) -> list[EntityRow]:
    lo = bisect.bisect_left(ctx.starts, start)
    hi = bisect.bisect_left(ctx.starts, end)
    return [e for e in ctx.entities[lo:hi] if e.end <= end]


def _value_end(text: str, at: int) -> int:
    """End of a box value that goes on below its label line (``at``: the end of that line):
    the value's lines are the next :data:`_VALUE_LINES` lines up to a blank line or the next
    label line: "Born Zheng Sen\n27 August 1624\nHirado, Japan\nDied 23 June 1662"."""
    end = at
    for _ in range(_VALUE_LINES):
        if end >= len(text) or text[end] != "\n":
            break
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        line = text[end + 1:nxt]
        if not line.strip() or _LABEL_LINE.match(line):
            break
        end = nxt
    return end


def _date_on(ctx: Context, start: int, end: int) -> DateRow | None:
    i = bisect.bisect_left(ctx.date_starts, start)
    while i < len(ctx.dates) and ctx.dates[i].start < end:
        if ctx.dates[i].year is not None:
            return ctx.dates[i]
        i += 1
    return None


def box_subject(ctx: Context, text: str, offset: int, before: int,
                title: EntityRow | None) -> EntityRow | None:
    """The PERSON entity that opens a line of the paragraph ``text`` (at full-text
    ``offset``) before full-text position ``before``, the first such; else ``title``."""
    for ent in _entities_between(ctx, offset, before):
        at = ent.start - offset
        if ent.label == "PERSON" and (at == 0 or text[at - 1] == "\n"):
            return ent
    return title


def _row(kind: str, trigger: str, start: int, end: int, text: str, actor: EntityRow | None,
         date: DateRow | None, ctx: Context) -> EventRow:
    dated = date_fields(date)
    if date is not None:
        dated["date_source"] = "sentence"
    source = "infobox" if actor is not None else ""
    return EventRow(
        doc_id="", event_id=0, sentence_id=-1, start=start, end=end, event_type=kind,
        trigger=trigger, actor1=actor.canonical if actor else "",
        actor1_polity=polity_of(ctx, actor), text=text.strip(), actor1_source=source,
        certainty=event_certainty(date_source=str(dated.get("date_source", "")),
                                  date_certainty=date.certainty if date else "",
                                  actor1_source="named" if actor else "",
                                  actor2_source="", reading="noun"),
        **dated)  # type: ignore[arg-type]


def name_lines(blocks: Sequence[tuple[str, int]], entities: Sequence[EntityRow]
               ) -> list[EntityRow]:
    """The PERSON entities that fill a line of their paragraph alone (a page title, an
    infobox's heading: "Guo Wei"), sorted by start. ``blocks``: (paragraph text, full-text
    offset); ``entities`` sorted by start."""
    starts = [e.start for e in entities]
    out = []
    for text, offset in blocks:
        lo = bisect.bisect_left(starts, offset)
        hi = bisect.bisect_left(starts, offset + len(text))
        for ent in entities[lo:hi]:
            a, b = ent.start - offset, ent.end - offset
            if ent.label == "PERSON" and b <= len(text) and (a == 0 or text[a - 1] == "\n") \
                    and (b == len(text) or text[b] == "\n"):
                out.append(ent)
    return out


def infobox_events(text: str, offset: int, ctx: Context,
                   titles: Sequence[EntityRow] = ()) -> list[EventRow]:
    """The label rows of the paragraph ``text`` (starting at full-text ``offset``; ``ctx``:
    its entities and the document's dated dates) in text order, ``event_id`` 0 (the caller
    numbers them). ``titles``: :func:`name_lines` of the document; the last one before a
    label is its subject when the paragraph names none before it."""
    title_starts = [t.start for t in titles]

    def title_before(at: int) -> EntityRow | None:
        i = bisect.bisect_left(title_starts, at) - 1
        return titles[i] if i >= 0 else None

    rows: list[tuple[int, EventRow]] = []
    for m in _LABEL_LINE.finditer(text):
        start, end = offset + m.start(1), offset + m.end()
        date = _date_on(ctx, offset + m.start(2), end)
        if date is None and _SHORT_VALUE.match(m.group(2)) and len(m.group(2).split()) <= 4:
            end = offset + _value_end(text, m.end())  # "Born Zheng Sen\n27 August 1624"
            date = _date_on(ctx, offset + m.start(2), end)
        if date is None:
            continue
        subject = box_subject(ctx, text, offset, start, title_before(start))
        rows.append((start, _row(LABELS[m.group(1).lower()], m.group(1), start, end,
                                 m.group(0), subject, date, ctx)))
    for m in _DEC_MARK.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        named = [e for e in _entities_between(ctx, offset + line_start, offset + m.start())
                 if e.label == "PERSON"]
        if not named:
            continue
        date = _date_on(ctx, offset + m.start(2), offset + m.end())
        row = _row(
            "death", f"{m.group(1)}.", offset + m.start() + 1, offset + line_end,
            text[line_start:line_end], named[0], date, ctx)
        year = _BARE_YEAR.match(m.group(2).strip())
        if date is None and year:  # "(dec. 950)": a bare number the date stage leaves
            row = dataclasses.replace(row, year=int(year.group(1)),
                                      gregorian_year=int(year.group(1)), time_precision=3,
                                      date_precision="year", date_text=year.group(1),
                                      date_source="sentence")
        rows.append((offset + m.start(), row))
    for m in _ERA_LINE.finditer(text):
        if not _under_era_heading(text, m.start()):
            continue
        date = _date_on(ctx, offset + m.end(2), offset + m.end())
        if date is not None:
            subject = box_subject(ctx, text, offset, offset + m.start(),
                                  title_before(offset + m.start()))
            rows.append((offset + m.start(2), _row(
                "era_change", m.group(2), offset + m.start(2), offset + m.end(),
                m.group(0), subject, date, ctx)))
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def merge_pending(found: Sequence[PendingEvent], boxed: Sequence[EventRow]
                  ) -> list[PendingEvent]:
    """``found`` (the triggers' rows of a paragraph, with their place queries) and the label
    rows ``boxed`` not already covered by a row of the same type over the same place, in
    text order, ``event_id`` numbered from 0 (unchanged when no label row is added)."""
    extra = [(b, PlaceQuery()) for b in boxed if not any(
        r.event_type == b.event_type and r.start <= b.start < r.end for r, _ in found)]
    if not extra:
        return list(found)
    merged = sorted([*found, *extra], key=lambda p: p[0].start)
    return [(dataclasses.replace(r, event_id=i), q) for i, (r, q) in enumerate(merged)]
