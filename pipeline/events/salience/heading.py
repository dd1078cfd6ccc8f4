"""The ruler a document's heading names: "The Annals of King T'aejo", "2. Emperor Minh Mang
(1820-1840)".

A page about one reign often names its ruler only in its title; the body then says "the
king", "the emperor", or leaves the agent of a court act unsaid ("X was imprisoned"). The
heading is the document's first line (at most :data:`_MAX_HEADING` characters); the ruler is
the first ruler title of :data:`pipeline.events.lexicon.RULER_TITLES`, capitalised, followed
by one to three capitalised name words ("King T'aejo", "Emperor Minh Mang"; not "the Young
Emperor of Wei": no name); failing that, the first PERSON entity after the word "Annals"
("Basic Annals 3: Taizong": an emperor's annals, 本紀). An entity covering the whole name
gives the row (its canonical name); otherwise (none, or one covering a part only: "Emperor
Tu" of "Emperor Tu Duc") a stand-in PERSON row of the words as written, ``source="parse"``.
The heading is also the document's topic (:func:`pipeline.events.mentions.entry_topic`) when
nothing but numbers, brackets or dashes follow the name on its line ("2. Emperor Minh Mang
(1820-1840)").

A line that opens with a person's name and a bracketed life span, then goes on
("Zhang Heng (78-139) was born in Xi'e.", the lead of an encyclopedia biography), names the
person the paragraph is about from there on (:func:`lead_topic`).

Offsets are full-text ``str`` indices.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.events.lexicon import RULER_TITLES
from pipeline.records import EntityRow

#: Longest first line read as a heading (a longer one is body text).
_MAX_HEADING = 120
_NAME_WORD = r"[A-Z][^\W\d_]*(?:(?:\\?['’]|-)[^\W\d_]+)*"
_RULER = re.compile(r"\b(?:" + "|".join(sorted(t.capitalize() for t in RULER_TITLES))
                    + r")\s+(" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2})")
#: After a topic heading's name: only numbers, brackets, dashes, spaces to the line's end.
_TOPIC_TAIL = re.compile(r"(?:\s|\d|\([^()\n]*\)|[-–—,.])*$")
_NOT_NAME = frozenset({"Of", "The", "And", "In", "Dynasty", "Era", "Reign"})


def heading_ruler(text: str, offset: int, entities: Sequence[EntityRow]
                  ) -> tuple[EntityRow | None, bool]:
    """``(ruler, topic)``: the ruler the heading of a document's first paragraph ``text``
    (starting at full-text ``offset``) names, or None; ``topic``: the line is nothing but that
    title and name (and numbers, brackets, dashes). ``entities``: the paragraph's (full-text
    offsets)."""
    line = text.lstrip()
    lead = len(text) - len(line)
    line = line.split("\n", 1)[0]
    if len(line) > _MAX_HEADING:
        return None, False
    found = _RULER.search(line)
    if found is None:
        return _annals_ruler(line, offset + lead, entities), False
    words = found.group(1).split()
    while words and words[-1] in _NOT_NAME:
        words.pop()
    if not words or words[0] in _NOT_NAME:
        return None, False
    name = " ".join(words)
    start = offset + lead + found.start(1)
    end = start + len(name)
    topic = _TOPIC_TAIL.match(line, found.start(1) + len(name)) is not None
    covering = [e for e in entities if e.label == "PERSON" and e.start <= start and end <= e.end]
    if covering:
        return covering[0], topic
    return EntityRow("", -1, start, end, name, "PERSON", name.replace("\\", ""), "parse"), topic


#: A heading of an emperor's annals (本紀, "Basic Annals 3: Taizong", "Annals of Gaozu").
_ANNALS = re.compile(r"\bannals\b", re.IGNORECASE)


def _annals_ruler(line: str, start: int, entities: Sequence[EntityRow]) -> EntityRow | None:
    """The first PERSON entity after the word "Annals" in a heading ``line`` (starting at
    full-text ``start``): the ruler whose annals the document is ("Old Book of Tang, Basic
    Annals 3: Taizong (part 2)"); None when the line has no such word or no such entity."""
    found = _ANNALS.search(line)
    if found is None:
        return None
    lo, hi = start + found.end(), start + len(line)
    return next((e for e in entities if e.label == "PERSON" and lo <= e.start and e.end <= hi),
                None)


#: A bracketed span of years right after a lead name ("(78- 139)", "(c. 1371-1433)").
_LIFE_SPAN = re.compile(r"[ \t]*(?:[\u2e80-\u9fff\uf900-\ufaff][ \t]*)*"
                        r"\([^()\n]*\d+\s*[-–—]\s*\d+[^()\n]*\)\s*[a-z]")


_LINE_START = re.compile(r"(?:^|\n)[ \t]*")


def lead_topic(text: str, offset: int, entities: Sequence[EntityRow]) -> EntityRow | None:
    """The PERSON entity that opens a line of the paragraph ``text`` (full-text ``offset``;
    the first such line) when a bracketed year span and a lower-case word follow it ("Zhang
    Heng (78- 139) was born in ...": the biography's subject, whose "he" the later sentences
    are); else None. ``entities``: the paragraph's (full-text offsets, sorted by start)."""
    starts = {offset + m.end() for m in _LINE_START.finditer(text)}
    for e in entities:
        if e.label == "PERSON" and e.start in starts and _LIFE_SPAN.match(text, e.end - offset):
            return e
    return None
