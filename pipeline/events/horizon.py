"""How far back the running date reaches: sections, dictionary entries, distance.

An event whose sentence holds no date of its own takes the running date, the last date
before its sentence (:mod:`pipeline.events.when`). That date belongs to its section:

* it does not cross a **heading** (a title line: the first line of a paragraph, or a
  paragraph of one line, short, not ended by sentence punctuation, followed by a line that
  starts with a capital or a digit), and a date *in* a heading is no running date for the
  body ("The Xuanwu Gate Incident of 626" titles a page that then narrates 617 and 618);
* it does not cross the start of a **dictionary entry** (a paragraph that opens with a
  headword, perhaps after an entry number: a PERSON name followed by a full stop, a bracket
  or Chinese characters, "Li Cunxu 李存勗. Died A.D. 926."; or a line inside a paragraph
  that opens with a name followed by Chinese characters): each entry has its own dates;
* beyond :data:`FAR_SENTENCES` sentences, or from an earlier paragraph, it is *far*: the
  row's certainty is ``low`` (:mod:`pipeline.events.certainty`), the text may have moved on;
  beyond :data:`EXPIRE_SENTENCES` sentences it has expired: the event has no date (a blank
  is better than a year from a part of the text that narrated another time).

Offsets are ``str`` indices into the full text. Raises nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.records import EntityRow

#: A running date more than this many sentences back is far (certainty low).
FAR_SENTENCES = 4
#: A running date more than this many sentences back dates nothing (a blank year).
EXPIRE_SENTENCES = 8
_TITLE_MAX_CHARS = 80
_TITLE_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?;,:。！？；，\-–—\"'”’]$")
_INNER_STOP = re.compile(r"[.!?。！？]\s")
_NEXT_LINE = re.compile(r"\s*[A-Z0-9]")
_HEADWORD_END = re.compile(r"[^\S\n]*(?:[\u3400-\u9fff\uf900-\ufaff]+[^\S\n]*)?[.(（]")
# inside a paragraph a line opens an entry only with Chinese characters after the name
_CJK_HEADWORD = re.compile(r"[^\S\n]*[\u3400-\u9fff\uf900-\ufaff]+[^\S\n]*[.,(（]")
_ENTRY_NUMBER = re.compile(r"\s*(?:\d{1,5}\.?\s+)?")  # "1187 Li Ssu-yuan ...": a numbered entry


@dataclass(frozen=True)
class Horizon:
    """Where a sentence's running date may come from: ``since`` (a running date must start
    at or after it, else the event has no date) and ``near`` (one starting before it is far:
    certainty low)."""

    since: int = 0
    near: int = 0


class Horizons:
    """The section and entry starts and sentence starts of one document.

    ``blocks``: ``(text, offset)`` of each paragraph in order; ``sentence_starts``: the
    full-text start of every sentence (any order); ``entities``: the document's entities
    (PERSON names open dictionary entries)."""

    def __init__(self, blocks: Sequence[tuple[str, int]], sentence_starts: Sequence[int],
                 entities: Sequence[EntityRow]) -> None:
        persons = {e.start: e.end for e in entities if e.label == "PERSON"}
        walls: list[tuple[int, int]] = []  # (start, end): running dates start at/after end
        for i, (text, offset) in enumerate(blocks):
            lines = text.split("\n")
            first = lines[0]
            lead = len(first) - len(first.lstrip())
            following = lines[1] if len(lines) > 1 else (blocks[i + 1][0]
                                                         if i + 1 < len(blocks) else "")
            if _is_title(first) and _NEXT_LINE.match(following):
                walls.append((offset + lead, offset + len(first.rstrip())))
            at = 0
            for k, line in enumerate(lines):  # headwords: at a paragraph or line start
                opens = _ENTRY_NUMBER.match(line)
                start = offset + at + opens.end()
                end = persons.get(start)
                if end is not None and (_CJK_HEADWORD if k else _HEADWORD_END).match(
                        text, end - offset):
                    walls.append((start, start))
                at += len(line) + 1
        self._walls = sorted(walls)
        self._wall_starts = [w[0] for w in self._walls]
        self._sentences = sorted(sentence_starts)

    def at(self, sent_start: int, paragraph_start: int) -> Horizon:
        """The :class:`Horizon` of the sentence starting at ``sent_start`` in the paragraph
        starting at ``paragraph_start``."""
        since = 0
        k = bisect.bisect_right(self._wall_starts, sent_start) - 1
        if k >= 0:
            start, end = self._walls[k]
            since = end if end <= sent_start else start  # (a heading's own sentence: start)
        i = bisect.bisect_left(self._sentences, sent_start)
        far = self._sentences[i - FAR_SENTENCES] if i >= FAR_SENTENCES else 0
        if i >= EXPIRE_SENTENCES:  # the text has moved on: no running date
            since = max(since, self._sentences[i - EXPIRE_SENTENCES])
        return Horizon(since, max(paragraph_start, far, since))


def _is_title(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text) <= _TITLE_MAX_CHARS \
        and len(text.split()) <= _TITLE_MAX_WORDS and not _SENTENCE_END.search(text) \
        and not _INNER_STOP.search(text)  # "X After their defeat, to retreat. June": prose
