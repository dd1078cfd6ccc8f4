"""Page furniture of mirror and wiki sites: navigation lines, link footers and quote boxes.

Copies of encyclopedia pages carry lines that belong to the site, not to the text: "Jump to
navigation Jump to search", "Read more about this topic: Battle Of Changping" after every
section, "Famous quotes containing the word defeated:" with quotations that merely share a
word with the page, and each section heading prefixed with the page title ("Battle of
Changping - Stalemate"). Read as prose they give events (a ``battle_reference`` per link, a
``defeat`` for the quote box). This cleaning pass yields :class:`~pipeline.clean.Edit` s
(applied, mapped back to the original and logged as warning rows by
:func:`pipeline.clean.clean`: nothing is lost, every removed span is a warning row with its
original offsets):

``PAGE_FURNITURE``
    * a line (at most :data:`MAX_LINE_CHARS` characters) that starts with a cue of
      ``gazetteer/page_furniture.csv`` (case-insensitive). A cue of scope ``block`` also takes
      the quotation lines after it: lines that open with a quotation mark or a dash ("—Sun
      Tzu"), or are indented, blank lines between allowed, up to the first other line;
    * a link line naming the page: ``<label>: <page title>`` (a label of at most
      :data:`MAX_LABEL_WORDS` words, no digit) that stands at least twice in the page, the
      page title being the first line's text before a dash separator or a title repeated
      before section headings (below).
``TITLE_REPEATED``
    section headings written ``<title> - <section>`` (a dash with spaces around it) whose
    ``<title>`` (a capitalised phrase without digits) stands before at least two such
    headings of the page: the first stays whole (the page's own title: one mention, e.g. of
    its battle, which the event stage dates like any lead mention); later ones lose
    ``<title> - `` and keep their section name ("Stalemate"), so the page title is not read
    again as one more undated mention of the same battle, and each section still opens
    with a heading (a running date does not cross it: :mod:`pipeline.events.horizon`).

Lines are headings only when short (:data:`MAX_HEADING_WORDS` words) and not closed by a
sentence end. Every rule is linear in the text.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from .clean import Edit
from .resources import active_gazetteer_dir

#: Longest line a furniture cue may open (a longer line is prose quoting the words).
MAX_LINE_CHARS = 200
#: Most words of a heading line ("Battle of Changping - Zhao Defeated": 5).
MAX_HEADING_WORDS = 12
#: Most words of the label of a link line ("Read more about this topic": 5).
MAX_LABEL_WORDS = 6
#: Headings a title must head to be a repeated page title.
MIN_TITLED_HEADINGS = 2

_LINE = re.compile(r"[^\n]*")
_TITLE_SEP = re.compile(r"[ \t]+[-–—][ \t]+")
_QUOTE_OPEN = tuple("\"'“”‘’«—–―-")
_SENTENCE_END = (".", "!", "?", ";", ",")


@lru_cache(maxsize=4)
def _load_cues(gazetteer_dir: Path) -> tuple[tuple[str, str], ...]:
    path = gazetteer_dir / "page_furniture.csv"
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as fh:
        return tuple((row["cue"].strip().lower(), row["scope"].strip())
                     for row in csv.DictReader(fh) if row["cue"].strip())


def furniture_cues(gazetteer_dir: Path | None = None) -> tuple[tuple[str, str], ...]:
    """``(cue, scope)`` rows of ``page_furniture.csv`` of ``gazetteer_dir`` (None: the active
    gazetteer); cues lower case, scope ``line`` or ``block``; cached per folder."""
    return _load_cues(gazetteer_dir or active_gazetteer_dir())


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stripped text) of every line (end before its line break)."""
    return [(m.start(), m.end(), m.group().strip()) for m in _LINE.finditer(text)
            if m.start() < len(text) or m.group()]


def _is_heading(line: str) -> bool:
    return bool(line) and len(line.split()) <= MAX_HEADING_WORDS \
        and not line.endswith(_SENTENCE_END) and line[0].isupper()


def _title_of(line: str) -> str | None:
    """The title part of a ``<title> - <section>`` heading: a capitalised phrase, no digit."""
    if len(line) > MAX_LINE_CHARS or not _is_heading(line):
        return None
    parts = _TITLE_SEP.split(line)
    if len(parts) != 2 or not parts[1].strip():
        return None
    title = parts[0].strip()
    if len(title.split()) < 2 or any(c.isdigit() for c in title) or not title[0].isupper():
        return None
    return title


def _repeated_titles(lines: list[tuple[int, int, str]]) -> set[str]:
    """Titles (casefolded) that head at least :data:`MIN_TITLED_HEADINGS` section headings."""
    counts = Counter(t.casefold() for _, _, line in lines if (t := _title_of(line)))
    return {t for t, n in counts.items() if n >= MIN_TITLED_HEADINGS}


def _page_titles(lines: list[tuple[int, int, str]], repeated: set[str]) -> set[str]:
    """The page's titles (casefolded): its first line before a dash separator, if a heading,
    and the titles repeated before section headings."""
    titles = set(repeated)
    first = next((line for _, _, line in lines if line), "")
    if _is_heading(first) and len(first) <= MAX_LINE_CHARS:
        titles.add(_TITLE_SEP.split(first)[0].strip().casefold())
    return titles


def _cue_edits(text: str, lines: list[tuple[int, int, str]],
               cues: tuple[tuple[str, str], ...]) -> Iterable[Edit]:
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        i += 1
        low = line.lower()
        hit = next(((cue, scope) for cue, scope in cues
                    if scope != "contents" and low.startswith(cue)), None)
        if hit is None or len(line) > MAX_LINE_CHARS:
            continue
        yield Edit(start, end, "", "PAGE_FURNITURE",
                   f"removed site furniture line ({hit[0]!r}): {line[:80]!r}")
        if hit[1] != "block":
            continue
        while i < len(lines):  # the quotations of the box: quoted, dashed or indented lines
            q_start, q_end, quoted = lines[i]
            raw = text[q_start:q_end]
            if quoted and not (quoted.startswith(_QUOTE_OPEN) or raw[:1] in (" ", "\t")):
                break
            if quoted:
                yield Edit(q_start, q_end, "", "PAGE_FURNITURE",
                           f"removed a quotation of a site's quote box: {quoted[:80]!r}")
            i += 1


def _link_edits(lines: list[tuple[int, int, str]], titles: set[str]) -> Iterable[Edit]:
    """``<label>: <page title>`` lines standing at least twice in the page."""
    counts = Counter(line for _, _, line in lines if line)
    for start, end, line in lines:
        if counts[line] < 2 or len(line) > MAX_LINE_CHARS or ":" not in line:
            continue
        label, _, named = line.partition(":")
        words = label.split()
        if not 0 < len(words) <= MAX_LABEL_WORDS or any(c.isdigit() for c in label) \
                or named.strip().casefold() not in titles:
            continue
        yield Edit(start, end, "", "PAGE_FURNITURE",
                   f"removed a link line naming the page's title: {line[:80]!r}")


def _title_edits(text: str, lines: list[tuple[int, int, str]],
                 repeated: set[str]) -> Iterable[Edit]:
    seen: set[str] = set()
    for start, end, line in lines:
        title = _title_of(line)
        if title is None or title.casefold() not in repeated:
            continue
        if title.casefold() not in seen:
            seen.add(title.casefold())  # the first: the page's own title, kept
            continue
        at = start + len(text[start:end]) - len(text[start:end].lstrip())
        sep = _TITLE_SEP.search(text, at + len(title), end)
        if sep is not None:
            yield Edit(at, sep.end(), "", "TITLE_REPEATED",
                       f"removed the page title repeated before a section heading: "
                       f"{text[at:sep.end()]!r} (the heading {line[:80]!r})")


def furniture_edits(text: str) -> Iterable[Edit]:
    """The edits of the module docstring (``PAGE_FURNITURE``, ``TITLE_REPEATED``) on
    ``text``, non-overlapping, in text order."""
    lines = _lines(text)
    repeated = _repeated_titles(lines)
    edits = [*_cue_edits(text, lines, furniture_cues()),
             *_link_edits(lines, _page_titles(lines, repeated)),
             *_title_edits(text, lines, repeated)]
    taken: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if taken and edit.start < taken[-1].end:
            continue
        taken.append(edit)
    return taken
