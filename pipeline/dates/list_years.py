"""Years that open a list item or a timeline line: "- 219: ...", "* 1134 – ...", "378-379: ...".

Timeline pages and "Events" sections write one event per line with its year first. A year or a
year span (1–4 digits, with an optional era word BC/BCE/AD/CE/B.C./A.D. before or after) that
opens a line -- after an optional bullet ("-", "*", "•", "–", "—") or list number ("3.") -- and
is followed by ":" or by a spaced dash ("1134 – ...") is that line's date.

:func:`add_list_years` adds such years as ``kind="gregorian"`` mentions (a span: ``kind="range"``
with the two ends as ``parts``, as the grammar writes "1267-1273"), unless a mention already
covers them. A year of 3–4 digits or with an era word is read as printed (high). A year of 1–2
digits without an era word is a number as likely as a year: it is read only when another line
of the same block (no blank line between) opens with a 3–4 digit or era-word year -- the block
is a timeline -- and then with ``year_doubt`` :data:`LIST_SHORT_DOUBT` (the resolver's bare-year
check: medium with a ``BARE_YEAR_UNSURE`` warning near the running year, low otherwise).

Counts are not read: "- 2,000 men ..." (a thousands comma, no separator), "1. The first ..."
(a list number is a bullet, not a year).
"""

from __future__ import annotations

import re

from .mention import DateMention

LIST_SHORT_DOUBT = "1-2 digits opening a timeline line"

_ERA = r"(?:B\.?C\.?E?|A\.?D\.?|C\.?E\.?)"
_BULLET = r"(?:[-*•–—][ \t]*|\d{1,2}\.[ \t]+)?"


def _year(p: str) -> str:
    """A printed year with an optional era word before or after, groups named with ``p``."""
    return (rf"(?:(?P<{p}pre>{_ERA})[ \t]*)?(?P<{p}y>\d{{1,4}})(?![\d,.]\d)"
            rf"(?:[ \t]*(?P<{p}post>{_ERA})(?![A-Za-z]))?")


_LINE_YEAR = re.compile(
    rf"^[ \t]*{_BULLET}(?P<date>{_year('a')}(?:[ \t]*[-–—][ \t]*{_year('b')})?)"
    r"[ \t]*(?::(?!\d)|[ \t][-–—](?=[ \t]))[ \t]*(?=\S)",
    re.MULTILINE,
)
_BC = re.compile(r"^B", re.IGNORECASE)


def _western(digits: str, bc: bool) -> int:
    """The astronomical year of a printed year: 219 BC -> -218."""
    n = int(digits)
    return 1 - n if bc else n


def _one(text: str, start: int, end: int, year: int, doubt: str | None) -> DateMention:
    return DateMention(start=start, end=end, text=text[start:end], kind="gregorian",
                       western_year=year, calendar="western", year_doubt=doubt)


def _read(text: str, m: re.Match[str]) -> tuple[DateMention | None, bool]:
    """The mention of one line's opening date, and whether it is sure (3–4 digits or an era
    word). None when the span reads backwards ("1140-1134")."""
    pre_a, post_a, pre_b, post_b = (m.group(g) for g in ("apre", "apost", "bpre", "bpost"))
    era_words = [w for w in (pre_a, post_a, pre_b, post_b) if w]
    bc_end = bool(pre_b and _BC.match(pre_b) or post_b and _BC.match(post_b))
    bc_start = bool(pre_a and _BC.match(pre_a) or post_a and _BC.match(post_a))
    if m.group("by") is None:
        sure = bool(era_words) or len(m.group("ay")) >= 3
        doubt = None if sure else LIST_SHORT_DOUBT
        return _one(text, m.start("date"), m.end("date"), _western(m.group("ay"), bc_start),
                    doubt), sure
    a, b = int(m.group("ay")), int(m.group("by"))
    if bc_start and not (pre_b or post_b):
        bc_end = True  # "BC 219-207"
    if bc_end and not (pre_a or post_a) and a > b:
        bc_start = True  # "219-207 BC"
    ya, yb = _western(m.group("ay"), bc_start), _western(m.group("by"), bc_end)
    if yb < ya:
        return None, False
    sure = bool(era_words) or min(len(m.group("ay")), len(m.group("by"))) >= 3
    doubt = None if sure else LIST_SHORT_DOUBT
    left = _one(text, m.start("ay") if not pre_a else m.start("apre"),
                m.end("apost") if post_a else m.end("ay"), ya, doubt)
    right = _one(text, m.start("bpre") if pre_b else m.start("by"), m.end("date"), yb, doubt)
    return DateMention(start=m.start("date"), end=m.end("date"), text=m.group("date"),
                       kind="range", parts=(left, right), year_doubt=doubt), sure


def add_list_years(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` plus the years opening list or timeline lines (see the module doc), sorted
    by start. A line whose opening date a mention already covers keeps that mention."""
    found: list[tuple[int, DateMention, bool]] = []  # (block number, mention, sure)
    block = 0
    last_end = 0
    for m in _LINE_YEAR.finditer(text):
        if re.search(r"\n[ \t]*\n", text[last_end:m.start()]):
            block += 1
        last_end = m.end()
        mention, sure = _read(text, m)
        if mention is not None:
            found.append((block, mention, sure))
    if not found:
        return mentions
    timeline = {b for b, _, sure in found if sure}
    spans = [(x.start, x.end) for x in mentions if x.kind != "dynasty"]
    added = [x for b, x, sure in found if (sure or b in timeline)
             and not any(s < x.end and x.start < e for s, e in spans)]
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda x: (x.start, x.end))


def apart_by_list_line(text: str, i: int, j: int) -> bool:
    """True when offsets ``i`` and ``j`` of ``text`` (a sentence as the parser cut it) lie on
    different lines and a line from the later one's back to the earlier one's next line opens
    with a list or timeline year (:data:`_LINE_YEAR`): the year of one list line does not
    date an event of another ("- 1641: ... took the city.\\n- 1643: ..."). A line broken
    inside a sentence with no such year between (a hard-wrapped page) keeps them together."""
    a, b = min(i, j), max(i, j)
    cut = text.find("\n", a, b)
    while cut != -1:
        if _LINE_YEAR.match(text, cut + 1):
            return True
        cut = text.find("\n", cut + 1, b)
    return False


#: A line that is a label or a heading, not part of a hard-wrapped sentence: at most
#: :data:`LABEL_WORDS` words and no sentence punctuation at its end ("Time of invention", "use").
LABEL_WORDS = 3


def apart_by_label_line(text: str, i: int, j: int) -> bool:
    """True when a whole line between the lines of offsets ``i`` and ``j`` of ``text`` (a
    sentence as the parser cut it) is a short label line: at most :data:`LABEL_WORDS` words,
    no sentence punctuation at its end. An infobox the parser ran into one sentence
    ("Time of invention\nYangjia Yuannian (A.D. 132)\nuse\n...\nZhang Heng (78- 139) was
    born"): the year of one field dates no event of a later line. A hard-wrapped page has no
    such lines inside a sentence (its lines are long, or end one)."""
    a, b = min(i, j), max(i, j)
    cut = text.find("\n", a, b)
    while cut != -1:
        nxt = text.find("\n", cut + 1, b)
        if nxt == -1:
            return False  # the later offset's own line
        line = text[cut + 1:nxt].strip()
        if line and len(line.split()) <= LABEL_WORDS and line[-1] not in ".!?;:,)\"'”’":
            return True
        cut = nxt
    return False
