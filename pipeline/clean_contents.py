"""Tables of contents copied with a page ("Contents / 1 Background / 2 The battle / 3 Aftermath",
"* 1 During Northern Zhou * 2 During Emperor Wen's reign * 3 ..."): page furniture, not text.

Read as prose a table of contents sets a running date ("During Emperor Wen's reign" dates the
next paragraph) and gives entities ("During Emperor Wen" a PERSON). This cleaning pass yields
:class:`~pipeline.clean.Edit` s removing it (applied, mapped back to the original and logged
as warning rows by :func:`pipeline.clean.clean`, like the site furniture of
:mod:`pipeline.clean_furniture`: nothing is lost, the warning row holds the original offsets):

``TABLE_OF_CONTENTS``
    * a **cue line**: a cue of scope ``contents`` of ``gazetteer/page_furniture.csv``
      ("Contents", "Table of contents", "Directory" as machine translation writes 目录), alone
      on its line (perhaps with a bracketed switch "[hide]" and a colon), or followed on the
      line by numbered items only ("Contents 1 Early life 2 Career 3 Death"); with the lines
      after it that hold a section number anywhere ("1.2 Tianjing incident", "Late 1.3", as
      machine translation scrambles them), short (at most :data:`MAX_ITEM_WORDS` words, no
      sentence end), a single unnumbered short line between two numbered ones allowed, blank
      lines right after the cue allowed; at least :data:`MIN_CUED_ITEMS` numbered items;
    * without a cue, a **numbered run**: consecutive lines made of items ``<number> <title>``
      only ("* 1 During Northern Zhou", one or more items a line), numbered like a table of
      contents (1, then each number the next sibling, a first child "k.1" or the next number
      of an ancestor), at least :data:`MIN_RUN_ITEMS` items, and either written as a bullet
      list with bare numbers ("* 1 ...", a copied Wikipedia table of contents; "* 1. Qin" is an
      ordered list of the text) or with at least two titles that stand again later in the
      page as a heading line of their own ("Background[edit]").

A title is at most :data:`MAX_ITEM_WORDS` words, holds no ``. ; : ! ?`` and no number of more
than two digits at its start. Every rule is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .clean import Edit
from .clean_furniture import furniture_cues

#: Most words of one table-of-contents title.
MAX_ITEM_WORDS = 10
#: Numbered items needed after a cue line.
MIN_CUED_ITEMS = 2
#: Items needed in a numbered run without a cue.
MIN_RUN_ITEMS = 3
#: Longest line read as part of a table of contents (a flattened one holds many items).
MAX_LINE_CHARS = 600

_LINE = re.compile(r"(?m)^[^\n]*")  # one match a line (no empty match after a line)
# an item number "3", "3.2", "3. 1" (machine translation), "3.", after an optional bullet
_ITEM = re.compile(r"(?:(?<=\s)|^)(?:[*•·]\s*)?(\d{1,2}(?:\s?\.\s?\d{1,2})*)\.?\s+(?=[^\W\d_])")
_NUMBER_ANYWHERE = re.compile(r"(?<![\w.])\d{1,2}(?:\s?\.\s?\d{1,2})*(?![\w])")
_BULLET = re.compile(r"^[*•·]\s*\d")
# a number closed by a full stop ("* 1. Qin"): an ordered list of the text, unless confirmed
_DOTTED_ITEM = re.compile(r"(?:^|\s)(?:[*•·]\s*)?\d{1,2}(?:\.\d{1,2})*\.\s")
_SWITCH = re.compile(r"^\s*(?:\[[^\]\n]{0,12}\]|\([^)\n]{0,12}\))?\s*:?\s*")
_EDIT_MARK = re.compile(r"\s*\[\s*edit\s*\]\s*$", re.IGNORECASE)
_SENTENCE_PUNCT = frozenset(".;:!?")


def _number(raw: str) -> tuple[int, ...]:
    return tuple(int(p) for p in raw.replace(" ", "").split("."))


def _items(line: str) -> list[tuple[tuple[int, ...], str]] | None:
    """The ``(number, title)`` items of a line made of items only, else None."""
    matches = list(_ITEM.finditer(line))
    if not matches or matches[0].start() != 0:
        return None
    items = []
    for k, match in enumerate(matches):
        title = line[match.end():matches[k + 1].start() if k + 1 < len(matches) else len(line)]
        title = title.strip()
        words = title.split()
        if not 0 < len(words) <= MAX_ITEM_WORDS or any(c in _SENTENCE_PUNCT for c in title):
            return None
        items.append((_number(match.group(1)), title))
    return items


def _follows(previous: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Whether ``number`` may come after ``previous`` in a table of contents."""
    if previous is None:
        return number == (1,)
    if number == (*previous, 1):
        return True  # first child
    return any(number == (*previous[:depth], previous[depth] + 1)
               for depth in range(len(previous)))  # next sibling, or next of an ancestor


def _is_short(line: str) -> bool:
    return 0 < len(line.split()) <= MAX_ITEM_WORDS and line[-1] not in _SENTENCE_PUNCT \
        and len(line) <= MAX_LINE_CHARS


def _cue_rest(line: str, cues: tuple[str, ...]) -> str | None:
    """The text after a contents cue opening ``line`` (switch and colon skipped), else None."""
    low = line.casefold()
    for cue in cues:
        if low.startswith(cue) and (len(line) == len(cue) or not line[len(cue)].isalnum()):
            return line[len(cue):][_SWITCH.match(line[len(cue):]).end():]
    return None


def _edit(start: int, end: int, text: str, how: str) -> Edit:
    shown = " ".join(text[start:end].split())
    return Edit(start, end, "", "TABLE_OF_CONTENTS",
                f"removed a table of contents ({how}): {shown[:100]!r}")


def _cued(text: str, lines: list[tuple[int, int, str]], i: int,
          rest: str) -> tuple[int, Edit | None]:
    """The table of contents opened by the cue line ``lines[i]``: (next line index, edit)."""
    start, end, _ = lines[i]
    inline = _items(rest) if rest else None
    if rest and inline is None:
        return i + 1, None  # "Contents of the archive ...": prose
    numbered, last, gap, j = len(inline or ()), i, 0, i + 1
    while j < len(lines):
        line = lines[j][2]
        if not line:
            if last > i or numbered:
                break
            j += 1
            continue
        if not _is_short(line) or gap > 1:
            break
        if _NUMBER_ANYWHERE.search(line):
            numbered, last, gap = numbered + 1, j, 0
        else:
            gap += 1
        j += 1
    if numbered < MIN_CUED_ITEMS:
        return i + 1, None
    return last + 1, _edit(start, lines[last][1], text, f"{numbered} numbered items after a cue")


def _heading_lines(lines: list[tuple[int, int, str]]) -> dict[str, int]:
    """Casefolded lines short enough to be headings ("[edit]" marks removed) -> the index of
    the last line where each stands."""
    return {_EDIT_MARK.sub("", line).casefold(): k for k, (_, _, line) in enumerate(lines)
            if line and len(line.split()) <= MAX_ITEM_WORDS}


def _run(text: str, lines: list[tuple[int, int, str]], i: int,
         headings: dict[str, int]) -> tuple[int, Edit | None]:
    """A numbered run starting at ``lines[i]``: (next line index, edit or None)."""
    previous: tuple[int, ...] | None = None
    titles: list[str] = []
    j, last, bulleted = i, i - 1, True
    while j < len(lines):
        line = lines[j][2]
        if not line:
            j += 1
            continue
        items = _items(line) if len(line) <= MAX_LINE_CHARS else None
        if items is None or not all(_follows(p, n) for p, n in
                                    zip([previous, *(n for n, _ in items[:-1])],
                                        (n for n, _ in items), strict=True)):
            break
        previous = items[-1][0]
        titles.extend(t for _, t in items)
        bulleted = bulleted and bool(_BULLET.match(line)) and not _DOTTED_ITEM.search(line)
        last, j = j, j + 1
    if last < i:
        return i + 1, None
    again = sum(1 for t in titles if headings.get(t.casefold(), -1) > last)
    if len(titles) < MIN_RUN_ITEMS or not (bulleted or again >= 2):
        return last + 1, None
    how = "a bullet list numbered 1, 2, ..." if bulleted else f"{again} titles stand as headings"
    return last + 1, _edit(lines[i][0], lines[last][1], text, how)


def contents_edits(text: str) -> Iterable[Edit]:
    """``TABLE_OF_CONTENTS`` edits of the module docstring on ``text``, in text order."""
    cues = tuple(cue for cue, scope in furniture_cues() if scope == "contents")
    lines = [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)]
    headings: dict[str, int] | None = None
    i = 0
    while i < len(lines):
        line = lines[i][2]
        if not line or len(line) > MAX_LINE_CHARS:
            i += 1
            continue
        rest = _cue_rest(line, cues)
        if rest is not None:
            i, edit = _cued(text, lines, i, rest)
        elif _ITEM.match(line) and _items(line):
            if headings is None:
                headings = _heading_lines(lines)
            i, edit = _run(text, lines, i, headings)
        else:
            i, edit = i + 1, None
        if edit is not None:
            yield edit
