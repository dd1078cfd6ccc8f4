"""Clean raw text without losing anything: every change is recorded and reversible by offsets.

Cleaning runs a few passes of edits, each found by the *form* of the noise (not by exact
strings). Each pass yields an :class:`OffsetMap`; :class:`CleanText` composes them, so any span of
the cleaned text maps back to the span of the original (decoded) text it came from. All offsets
are Python ``str`` indices, end exclusive.

Line ends ``\r\n`` and ``\r`` become ``\n`` first (silently: no warning row), so every later
stage sees the same text whatever the file's line ends were. Every pattern here runs in linear
time on any input (anchored starts, possessive repetition), and the two inputs that make spaCy's
tokenizer quadratic are defused before it: a run of more than :data:`MAX_PUNCT_RUN` punctuation
characters is shortened to its first :data:`KEPT_PUNCT_RUN` (``PUNCTUATION_RUN``), and a word
longer than :data:`MAX_WORD_CHARS` gets a space every :data:`MAX_WORD_CHARS` characters
(``LONG_WORD``). Words split by OCR or a line break ("rebel- lion", "destruc tion") are
rejoined by :mod:`pipeline.clean_words` (``OCR_SPLIT_WORD``, ``HYPHEN_BREAK_JOINED``,
``HYPHEN_BREAK_KEPT``), each join a warning row. Site furniture of mirror pages ("Read more
about this topic: ...", quote boxes, the page title repeated before each section heading) is
removed by :mod:`pipeline.clean_furniture` (``PAGE_FURNITURE``, ``TITLE_REPEATED``). A full
stop glued to the next sentence ("at night.Fu Sheng was drunk") gets a space
(:mod:`pipeline.clean_sentences`, ``GLUED_SENTENCE``); a table of contents copied with the
page is removed (:mod:`pipeline.clean_contents`, ``TABLE_OF_CONTENTS``), and so is a line in
another language, as a document host's interface text (:mod:`pipeline.clean_language`,
``FOREIGN_LINE``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .records import WarningRow


@dataclass(frozen=True)
class Edit:
    """Replace ``source[start:end]`` by ``replacement``; ``code`` names the rule."""

    start: int
    end: int
    replacement: str
    code: str
    message: str


class OffsetMap:
    """Maps offsets of an edited text back to the text the edits were applied to."""

    def __init__(self, edits: list[Edit]) -> None:
        self._src_starts: list[int] = []
        self._src_ends: list[int] = []
        self._tgt_starts: list[int] = []
        self._tgt_ends: list[int] = []
        shift = 0
        for edit in edits:
            tgt_start = edit.start + shift
            self._src_starts.append(edit.start)
            self._src_ends.append(edit.end)
            self._tgt_starts.append(tgt_start)
            self._tgt_ends.append(tgt_start + len(edit.replacement))
            shift += len(edit.replacement) - (edit.end - edit.start)

    def start(self, pos: int) -> int:
        """Source offset of the character at target offset ``pos`` (skips deleted text)."""
        i = bisect_right(self._tgt_starts, pos) - 1
        if i < 0:
            return pos
        if pos < self._tgt_ends[i]:
            return self._src_starts[i]
        return self._src_ends[i] + (pos - self._tgt_ends[i])

    def end(self, pos: int) -> int:
        """Source offset just after the target character ``pos - 1`` (for span ends)."""
        if pos <= 0:
            return self.start(pos)
        last = pos - 1
        i = bisect_right(self._tgt_starts, last) - 1
        if i < 0:
            return pos
        if last < self._tgt_ends[i]:
            return self._src_ends[i]
        return self._src_ends[i] + (last - self._tgt_ends[i]) + 1


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """Apply non-overlapping edits (overlapping later ones are skipped); return text and edits."""
    kept: list[Edit] = []
    last_end = -1
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < last_end or (edit.start == last_end and edit.start == edit.end):
            continue
        kept.append(edit)
        last_end = edit.end
    pieces: list[str] = []
    pos = 0
    for edit in kept:
        pieces.append(text[pos:edit.start])
        pieces.append(edit.replacement)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces), kept


# --- rules: each takes the current text and yields edits -------------------------------------

#: A run of more punctuation characters than this (no letter, digit or space between) is shortened.
MAX_PUNCT_RUN = 20
#: How many characters of such a run are kept.
KEPT_PUNCT_RUN = 3
#: A word (characters between spaces) longer than this gets a space every so many characters.
MAX_WORD_CHARS = 1000

_LINE = re.compile(r"[^\n]*")
_LINE_END = re.compile(r"\r\n?")
_BREADCRUMB_SEP = re.compile(r"\s(?:-|–|—|>|»|\|)\s")
_TABLE_YEAR = re.compile(r"\|.*\b\d{3,4}\b")  # a year in a cell after a "|": a table row
# Breadcrumb / navigation lines at the top of a page (_navigation_lines).
_NAV_SEP = re.compile(r"[ \t]+[/>»›|][ \t]+")
_NAV_ELLIPSIS = re.compile(r"(?:\.{3}|…)$")
_NAV_NOT_IN_ITEM = re.compile(r"[,.;:!?()\[\]\"]")
_NAV_SMALL_WORDS = frozenset({"of", "and", "the", "in", "on", "to", "for", "&", "-"})
#: Most words in one navigation item ("Home / China Guide / ...": 1-2).
NAV_ITEM_WORDS = 5
#: A line of this many words (or one ending a sentence) starts the page's prose.
PROSE_WORDS = 12
# Runs are matched from their first character only ((?<!...) and possessive ++): linear time.
_MOJIBAKE = re.compile(r"(?<!\?)\?++(?=[^\W\d_])|(?<=\s)\?{2,}+(?=\s)")
_LONE_QUESTION = re.compile(r"(?m)^[ \t]*\?+[ \t]*$")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>")
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\S)[ \t]+(?=[,.;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(\[])[ \t]+")
_DOUBLED_PUNCT = re.compile(r"(?<=[.;:!?])[ \t]*[,.;](?=\s)")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]{2,}|[\t\u00a0\u2000-\u200b\u3000]")
_QUOTES = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2032": "'",
           "\u00b4": "'", "\u2033": '"'}
_QUOTE_RE = re.compile("[" + "".join(_QUOTES) + "]")
# C0/C1 control characters other than tab and line breaks (and DEL): stray bytes of a damaged file.
# Each becomes one space (a line break for the page, file, group and record separators and NEL),
# so the text keeps its length and every later stage (the date scanner's masked copy included)
# sees the same, printable text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_CONTROL_BREAKS = frozenset("\x0b\x0c\x1c\x1d\x1e\x85")
# Punctuation and symbols (not letters, digits or whitespace; "_" included), from a run's start.
_PUNCT_RUN = re.compile(rf"(?<![^\w\s])(?<!_)(?:[^\w\s]|_){{{MAX_PUNCT_RUN + 1},}}+")
_LONG_WORD = re.compile(rf"(?<!\S)\S{{{MAX_WORD_CHARS + 1},}}+")
# Edits of these rules are not logged as warning rows (they change no content).
_SILENT = frozenset({"LINE_ENDING"})
# Edits of these rules are kept only where the text they replace is the original text, unchanged
# in length: a join must not span a removed tag, footnote mark or run of spaces ("Alt-<Key> x").
_VERBATIM = frozenset({"OCR_SPLIT_WORD", "HYPHEN_BREAK_JOINED", "HYPHEN_BREAK_KEPT",
                       "GARBLE_SUBSTITUTION"})
# Edits of these rules are logged as one warning row per rule and message key (the text before
# the first ": " of the message; an edit whose key lists several, " | "-separated, counts for
# each), with the count and first examples, not one row per edit.
_SUMMARISED = frozenset({"GARBLE_SUBSTITUTION"})


def _control_to_space(match: re.Match[str]) -> str:
    return "".join("\n" if ch in _CONTROL_BREAKS else " " for ch in match.group())


def _punctuation_runs(text: str) -> Iterable[Edit]:
    """A long run of punctuation (``word??????…``, ``((((…``): keep its first characters.

    spaCy's tokenizer splits such a run one character at a time, in time quadratic in its length.
    """
    for match in _PUNCT_RUN.finditer(text):
        run = match.group()
        yield Edit(match.start() + KEPT_PUNCT_RUN, match.end(), "", "PUNCTUATION_RUN",
                   f"shortened a run of {len(run):,} punctuation characters to "
                   f"{run[:KEPT_PUNCT_RUN]!r}")


def _long_words(text: str) -> Iterable[Edit]:
    """A word longer than MAX_WORD_CHARS: insert a space every MAX_WORD_CHARS characters."""
    for match in _LONG_WORD.finditer(text):
        for at in range(match.start() + MAX_WORD_CHARS, match.end(), MAX_WORD_CHARS):
            yield Edit(at, at, " ", "LONG_WORD",
                       f"inserted a space into a word of {len(match.group()):,} characters "
                       f"(one every {MAX_WORD_CHARS:,})")


def _breadcrumb_lines(text: str) -> Iterable[Edit]:
    """Scraped title/breadcrumb lines: short segments joined by separators, no sentence end."""
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if not line or len(line) > 250 or line[-1] in ".!?;:)\"'":
            continue
        # empty table cells ("Born | 25 May 1320 | ||||||||") are no items: a label and its
        # value are a table row (an infobox copied as text), kept for the infobox reader; so is
        # a row holding a year ("Reign | 19 July 1333 – 23 May 1370"): data, not navigation
        parts = [p for p in _BREADCRUMB_SEP.split(line) if p.strip(" |")]
        if len(parts) >= 3 and all(0 < len(p.strip()) <= 80 for p in parts) \
                and not _TABLE_YEAR.search(line):
            yield Edit(match.start(), match.end(), "", "SCRAPED_HEADER",
                       f"removed scraped title/breadcrumb line: {line[:80]!r}")


def _is_nav_item(item: str) -> bool:
    """A short capitalised navigation item: "Home", "China Guide", "Travel & Culture"."""
    words = item.split()
    if not 0 < len(words) <= NAV_ITEM_WORDS or len(item) > 40 or not words[0][0].isupper():
        return False
    return all((w[0].isupper() or w[0].isdigit() or w in _NAV_SMALL_WORDS)
               and not _NAV_NOT_IN_ITEM.search(w) for w in words)


def _navigation_lines(text: str) -> Iterable[Edit]:
    """Breadcrumb / site navigation lines at the top of a page ("Home / China Guide / Hubei /
    Xianning / Attractions", "Home > Travel > ..."): three or more short capitalised items
    (:func:`_is_nav_item`) joined by one of the separators ``/ > » › |``, the last item perhaps
    cut short ("..."), on a line before the page's first line of prose (a line ending a sentence
    or of :data:`PROSE_WORDS` words or more). Lines further down are left to
    :func:`_breadcrumb_lines`: a slash list there ("Liao / Jin / Song") may be the text's own."""
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if not line:
            continue
        body = _NAV_ELLIPSIS.sub("", line).rstrip()
        # short lines only: the split stays linear in the page
        parts = [p.strip() for p in _NAV_SEP.split(body + " ")] if len(line) <= 250 else []
        if len(parts) > 1 and body != line and parts[-1] in ("", ">", "/", "»", "›", "|"):
            parts.pop()  # "Home > Travel > ...": the cut item
        if len(parts) >= 3 and all(_is_nav_item(p) for p in parts):
            yield Edit(match.start(), match.end(), "", "SCRAPED_HEADER",
                       f"removed breadcrumb/navigation line at the top of the page: "
                       f"{line[:80]!r}")
            continue
        if line[-1] in ".!?\"'" or len(line.split()) >= PROSE_WORDS:
            return  # the page's prose has begun


def _repeated_lines(text: str) -> Iterable[Edit]:
    """A non-empty line repeated right after itself (blank lines between allowed)."""
    previous = None
    for match in _LINE.finditer(text):
        line = match.group().strip()
        if not line:
            continue
        if line == previous and len(line) < 250:
            yield Edit(match.start(), match.end(), "", "REPEATED_LINE",
                       f"removed repeated line: {line[:80]!r}")
        previous = line


def _regex_rule(pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str],
                code: str, describe: str) -> Callable[[str], Iterable[Edit]]:
    def rule(text: str) -> Iterable[Edit]:
        for match in pattern.finditer(text):
            new = replacement(match) if callable(replacement) else replacement
            if new != match.group():
                yield Edit(match.start(), match.end(), new, code,
                           f"{describe}: {match.group()!r} -> {new!r}")
    return rule


def _split_words(text: str) -> Iterable[Edit]:
    """Words split by OCR or a line break (:mod:`pipeline.clean_words`; imported here, not at the
    top, because it builds :class:`Edit` s)."""
    from .clean_words import split_words

    return split_words(text)


def _page_furniture(text: str) -> Iterable[Edit]:
    """Site furniture: navigation and link lines, quote boxes, a page title repeated before
    section headings (:mod:`pipeline.clean_furniture`; imported here, as :func:`_split_words`)."""
    from .clean_furniture import furniture_edits

    return furniture_edits(text)


def _contents(text: str) -> Iterable[Edit]:
    """A table of contents copied with the page (:mod:`pipeline.clean_contents`; imported here,
    as :func:`_split_words`)."""
    from .clean_contents import contents_edits

    return contents_edits(text)


def _foreign_lines(text: str) -> Iterable[Edit]:
    """A line in another language (a document host's interface text: :mod:`pipeline.clean_language`;
    imported here, as :func:`_split_words`)."""
    from .clean_language import foreign_line_edits

    return foreign_line_edits(text)


def _garbles(text: str) -> Iterable[Edit]:
    """A document-wide character garble ("Revowt", "kiwwed": :mod:`pipeline.clean_garble`;
    imported here, as :func:`_split_words`)."""
    from .clean_garble import garble_edits

    return garble_edits(text)


def _glued_sentences(text: str) -> Iterable[Edit]:
    """Sentences glued by a full stop ("night.Fu Sheng was drunk": :mod:`pipeline.clean_sentences`;
    imported here, as :func:`_split_words`)."""
    from .clean_sentences import glued_sentence_edits

    return glued_sentence_edits(text)


# Passes run in order; within a pass edits must not overlap (later overlapping ones are skipped).
PASSES: tuple[tuple[Callable[[str], Iterable[Edit]], ...], ...] = (
    (_regex_rule(_LINE_END, "\n", "LINE_ENDING", "line end"),
     _regex_rule(_CONTROL, _control_to_space, "CONTROL_CHARACTER",
                 "replaced control characters by spaces"),),
    (_breadcrumb_lines, _navigation_lines, _repeated_lines, _page_furniture, _contents,
     _foreign_lines),
    (_regex_rule(_LONE_QUESTION, "", "LONE_QUESTION_MARK", "removed a line holding only '?'"),
     _regex_rule(_MOJIBAKE, "", "MOJIBAKE", "removed '?' placeholders of lost characters"),
     _regex_rule(_HTML_TAG, "", "HTML_TAG", "removed an HTML tag"),
     _regex_rule(_FOOTNOTE, "", "FOOTNOTE_MARK", "removed a footnote marker"),
     _regex_rule(_QUOTE_RE, lambda m: _QUOTES[m.group()], "CURLY_QUOTE",
                 "straightened a typographic quote")),
    (_regex_rule(_DOUBLED_PUNCT, "", "DOUBLED_PUNCTUATION", "removed stray punctuation"),),
    (_regex_rule(_SPACE_BEFORE_PUNCT, "", "SPACE_BEFORE_PUNCTUATION",
                 "removed space before punctuation"),
     _regex_rule(_SPACE_AFTER_OPEN, "", "SPACE_AFTER_BRACKET", "removed space after bracket"),),
    (_regex_rule(_SPACE_RUN, " ", "WHITESPACE_RUN", "collapsed a run of spaces"),),
    # after quotes are straightened and space runs collapsed: "Ch’i-  mun" reads as "Ch'i- mun"
    (_split_words,),
    # after split words are rejoined: a garbled word is read whole ("Apriw", "kiwwed")
    (_garbles,),
    # after tags, footnote marks and split words are gone: "night.[3]Fu" reads "night.Fu"
    (_glued_sentences,),
    # last: earlier passes can join pieces into a run ("? ? ?" loses its spaces before "?")
    (_punctuation_runs,),
    (_long_words,),
)


@dataclass
class CleanText:
    """Cleaned text with the maps back to the original and the log of changes."""

    original: str
    text: str
    maps: list[OffsetMap]
    warnings: list[WarningRow]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned span to the original-text span it came from."""
        for offset_map in reversed(self.maps):
            start, end = offset_map.start(start), offset_map.end(end)
            end = max(end, start)
        return start, end


def _verbatim(result: CleanText, edit: Edit) -> bool:
    start, end = result.to_original(edit.start, edit.end)
    return end - start == edit.end - edit.start


def clean(raw: str) -> CleanText:
    """Clean ``raw``; every change but line ends becomes a ``WarningRow`` with original offsets."""
    text = raw
    result = CleanText(original=raw, text=raw, maps=[], warnings=[])
    for rules in PASSES:
        edits = [edit for rule in rules for edit in rule(text)
                 if edit.code not in _VERBATIM or _verbatim(result, edit)]
        if not edits:
            continue
        text, kept = apply_edits(text, edits)
        summarised: dict[tuple[str, str], list[tuple[int, int, str]]] = {}
        for edit in kept:
            if edit.code in _SILENT:
                continue
            start, end = result.to_original(edit.start, edit.end)
            if edit.code in _SUMMARISED:
                keys, _, example = edit.message.partition(": ")
                for key in keys.split(" | "):
                    summarised.setdefault((edit.code, key), []).append((start, end, example))
                continue
            result.warnings.append(WarningRow("", start, end, edit.code, edit.message))
        if summarised:
            from .clean_garble import summary_rows

            result.warnings.extend(summary_rows(summarised))
        result.maps.append(OffsetMap(kept))
    result.text = text
    result.warnings.sort(key=lambda w: (w.start, w.end, w.code))
    return result
