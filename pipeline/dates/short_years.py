"""Years of one or two digits after an A.D. or B.C. year: "In A.D. 73 he accompanied Tou Ku
... In 91 he was made Protector-General, and in 94 he subdued Yen-ch'i" (old biographical
dictionaries write the era word once and then the bare number).

A number of one or two digits is no year on its own (a count, a chapter, an age). It is read
as a year only when all of these hold:

* a year preposition stands right before it ("in", "by", "from", "until", "till", "since")
  and a comma, a pronoun, an article, "was"/"were" or a capitalised word right after it
  ("in 94 he subdued", "In 91, ...": not "in 80 ships", "in 3 days");
* the nearest earlier mention with a year of its own, in the same paragraph and at most
  :data:`MAX_GAP` characters back, is a Western year written with an era word ("A.D. 73",
  "B.C. 104", "90 BC") or a short year this pass already read, and its written number is
  below :data:`SHORT_LIMIT` (a text counting in two- and three-digit years);
* counted from it the way the era counts (A.D. up, B.C. down), the number lies at most
  :data:`MAX_STEP` years on;
* or, when that nearest mention is the entry's own life or reign span printed aside with an
  era word ("Pan Ch'ao. A.D. 32-102. ... In 73 he served under Tou Ku"), anywhere in the same
  paragraph, the number lies within that span (the life bounds the entry's years); short
  years read so before it do not stand between (an entry's years run on for a page).

A CE reading keeps ``year_doubt`` :data:`SHORT_DOUBT` (the resolver checks it against the
running year: ``BARE_YEAR_UNSURE``, certainty medium); a BC reading is left to
:func:`.bc.carry_bc` (the number stays positive here; that pass re-reads it as BC and flags
it). Offsets are full-text offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from .bare import bare_year_doubt
from .grammar import _grammar

if TYPE_CHECKING:
    from .mentions import DateMention

SHORT_DOUBT = "a short year after a year written with A.D./B.C."
LIFE_DOUBT = "a short year within the life span printed with A.D./B.C. before it"
MAX_GAP = 600  # characters back to the year that gives the era
MAX_STEP = 60  # years from that year
SHORT_LIMIT = 300  # the era-marked year must be written with fewer digits than this number
_SHORT = re.compile(r"(?<=\b(?:[Ii]n|[Bb]y|[Ff]rom|[Uu]ntil|[Tt]ill|[Ss]ince)\s)(\d{1,2})"
                    r"(?![\d.,:/–—-]?\d)(?=\s*[,;]|\s+(?:he|she|they|it|the|his|her|their|this|that|a|an|"
                    r"was|were|[A-Z][\w'’-]*)\b)")
_ERA_WORD = re.compile(r"\b(?:A\.\s?D\.|AD|CE|C\.E\.|B\.\s?C\.(?:E\.)?|BCE?)(?![A-Za-z])")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_YEAR_KINDS = frozenset(("gregorian", "range", "explicit", "inherited", "reign", "sexagenary"))


def add_short_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (sorted by start) plus the short years after an A.D./B.C. year (see the
    module docstring), as bare ``gregorian`` mentions; sorted by start."""
    if not mentions or _ERA_WORD.search(text) is None:
        return mentions
    g = _grammar()
    spans = [(m.start, m.end) for m in mentions]
    new: list[DateMention] = []
    for hit in _SHORT.finditer(text):
        s, e = hit.span(1)
        if any(a <= s < b for a, b in spans):
            continue
        if bare_year_doubt(text, s, e, hit.group(1), g.weak_preps, g.count_nouns,
                           g.date_nouns) == "quantity":
            continue
        ordered = sorted([*mentions, *new], key=lambda x: x.start)
        prev = _era_year_before(text, ordered, s)
        n = int(hit.group(1))
        if prev is None:
            life = _life_before(text, ordered, s)
            if life is None or not life[0] <= (n if life[0] > 0 else 1 - n) <= life[1]:
                continue
            prev = life[0]
            life_doubt = True
        else:
            life_doubt = False
        if not life_doubt and prev > 0 and not prev <= n <= prev + MAX_STEP:
            continue
        if not life_doubt and prev <= 0 and not 0 < 1 - prev - n <= MAX_STEP:
            continue
        new.append(type(mentions[0])(start=s, end=e, text=hit.group(1), kind="gregorian",
                                     western_year=n, calendar="western",
                                     year_doubt=(LIFE_DOUBT if life_doubt else SHORT_DOUBT)
                                     if prev > 0 else None))
    if not new:
        return mentions
    return sorted([*mentions, *new], key=lambda x: (x.start, x.end))


def _life_before(text: str, mentions: list[DateMention], at: int) -> tuple[int, int] | None:
    """The (first, last) astronomical years of a life or reign span printed aside with an era
    word before it ("Pan Ch'ao. A.D. 32-102.", "B.C. 145-87") in the same paragraph before
    ``at``, when no other year stands between but short years this pass read inside it ("In
    73 he served ... [700 characters] ... In 74 he entered": the life still bounds the
    entry's years, however far the last short year stands back): the bounds of the entry's
    bare short years."""
    prev = None
    for m in mentions:
        if m.start >= at:
            break
        if m.kind in _YEAR_KINDS and not (prev is not None and prev.aside
                                          and m.year_doubt in (LIFE_DOUBT, SHORT_DOUBT)):
            prev = m
    if (prev is None or not prev.aside or prev.kind != "range" or len(prev.parts) != 2
            or _PARAGRAPH.search(text, prev.end, at)
            or _ERA_WORD.search(text, max(0, prev.start - 6), prev.end) is None):
        return None
    a, b = prev.parts[0].western_year, prev.parts[1].western_year
    if a is None or b is None or not a < b or a <= 0 < b:
        return None
    return a, b


def _era_year_before(text: str, mentions: list[DateMention], at: int) -> int | None:
    """The astronomical year of the nearest mention with a year of its own before ``at``
    when it is a short Western year marked by an era word (or a short year of this pass) in
    the same paragraph within :data:`MAX_GAP` characters; else None."""
    prev = None
    for m in mentions:
        if m.start >= at:
            break
        if m.kind in _YEAR_KINDS and not m.aside:
            prev = m
    if prev is None or at - prev.end > MAX_GAP or _PARAGRAPH.search(text, prev.end, at):
        return None
    if prev.kind == "range" and prev.parts:
        prev = prev.parts[-1]
    if prev.kind != "gregorian" or prev.western_year is None or prev.month is not None:
        return None
    written = prev.western_year if prev.western_year > 0 else 1 - prev.western_year
    marked = _ERA_WORD.search(prev.text) is not None or prev.year_doubt in (SHORT_DOUBT,
                                                                            LIFE_DOUBT) \
        or (prev.text.isdigit() and len(prev.text) <= 2)
    return prev.western_year if marked and written < SHORT_LIMIT else None
