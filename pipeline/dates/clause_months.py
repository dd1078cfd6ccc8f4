"""Month words opening a clause in machine-translated chronicles: "November, Yelu Deguang
made him emperor", "Leap November, ...", "Nine months, the Khitan army came south" (九月,
the ninth month, translated word by word), and a month right after a printed year that closes
a date ("In the seventh year of Tianfu (942) June, ...").

The grammar wants a preposition before a bare month ("in November"); these stand at the start
of a sentence (or right after a date ending in a bracket) and are followed by a comma and a
capitalised word (the clause's subject: "Two months, three days" and "May, I ask" are none).
:func:`add_clause_months` adds them as ``kind="month"`` mentions with ``year_doubt`` =
:data:`CLAUSE_MONTH`: they take the running year like any bare month, and the resolver flags
them (``MONTH_WORD_READ``, medium: a guess about what the translator meant); a month name
is also subject to the lunar/Western choice of :mod:`.western_months`.

A cycle day opening a sentence in the same translations ("Ren Wu, Cao Cao killed Dong Cheng",
"Bingwu, Sun Ce died": 壬午, 丙午, the day in the annal's style) is added the same way by
:func:`add_clause_days` (``kind="day"``, ``cycle_day``, ``year_doubt`` = :data:`CLAUSE_DAY`):
it is that day of the running month, medium (``CYCLE_DAY_READ``); with no running month it is
no date (or, when the day falls outside the running month by the calendar's tables,
``CYCLE_DAY_NOT_IN_MONTH`` and no day). A cycle name after "on" is read the same way when the
"on" opens a clause or follows a comma, "and" or "then" ("On Wuwu, the imperial son ...",
"In the eighth month, on Wuchen, Zhang Rang ...", "and on Jiaxu he deposed ..."). A
cycle name the text also writes elsewhere, not opening a clause, is a person's name ("Ding
Wei, the chancellor, ..." beside "Ding Wei was exiled"): no mention.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .day_labels import add_day_labels
from .grammar import _grammar
from .lexicon import cycle_number, parse_number

if TYPE_CHECKING:
    from .mentions import DateMention

CLAUSE_MONTH = "a month word opening a clause"
CLAUSE_DAY = "a cycle day opening a clause"
_START = re.compile(r"(?:^|[.!?;:]\s+|\n\s*)$")
# ... then a comma and a capitalised word, the clause's subject ("November, Yelu Deguang")
# or "the" ("August, the army went to Tumu": 八月，大軍至土木)
_WORD = re.compile(r"(?P<leap>[Ll]eap\s+)?(?P<word>[A-Z][a-z]+)(?:\s+(?P<months>months?))?\s*,"
                   r"(?=\s*(?:[A-Z][a-z]|the\s))")


def add_clause_months(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (sorted by start) with the clause-opening month words of ``text`` added."""
    g = _grammar()
    ends = {m.end for m in mentions if m.kind not in ("dynasty", "era_context", "ruler_context")
            and text[m.start:m.end].endswith(")")}
    taken = [(m.start, m.end) for m in mentions]
    new: list[DateMention] = []
    mention_type = type(mentions[0]) if mentions else None
    if mention_type is None:
        return mentions
    for w in _WORD.finditer(text):
        s = w.start()
        before = text[max(0, s - 40):s]
        after_date = s - (len(before) - len(before.rstrip())) in ends and before[-1:].isspace()
        if not (after_date or _START.search(before) or s == 0):
            continue
        word = w.group("word")
        if w.group("months"):  # "Nine months," (九月): a number word, one to twelve
            month = parse_number(word.lower(), g.lex)
            if month is None or not 1 <= month <= 12 or word.lower() in g.months:
                continue
        elif word.lower() in g.months and not word.endswith("."):
            month = g.months[word.lower()]
        else:
            continue
        end = w.end() - 1  # the comma is no part of the date
        while text[end - 1].isspace():
            end -= 1
        if any(a < end and s < b for a, b in taken):
            continue
        new.append(mention_type(start=s, end=end, text=text[s:end], kind="month", month=month,
                                leap=bool(w.group("leap")), year_doubt=CLAUSE_MONTH))
    if not new:
        return mentions
    return sorted([*mentions, *new], key=lambda x: (x.start, x.end))


# a cycle day name, one word or two ("Bingwu", "Ren Wu", "Xin-hai"), then a comma and the clause
_DAY = re.compile(r"(?P<word>[A-Z][a-z]{1,8}(?:[\s\-][A-Za-z][a-z]{1,5})?)\s*,"
                  r"(?=\s*(?:[A-Z][a-z]|the\s|there\s))")
# ... or after "on", the annal's "on <day>" (於某日): "On Wuwu, the imperial son ...", "In the
# eighth month, on Wuchen, Zhang Rang ...", "and on Jiaxu he deposed ..." (a capitalised word
# right after it, with no comma, may be part of a name: "on Jiazi Street")
_ON_DAY = re.compile(r"\b[Oo]n\s+(?P<word>[A-Z][a-z]{1,8}(?:[\s\-][A-Za-z][a-z]{1,5})?)"
                     r"(?=\s*,\s+[A-Z][a-z]|\s*,?\s+(?:the|there|he|she|it|they|we)\s)")
# what may stand before "on <day>": a clause start, a comma, "and"/"then"
_ON_START = re.compile(r"(?:^|[.!?;:,]\s*|\n\s*|\b(?:and|then)\s+)$")


def _opens_clause(text: str, s: int, on: bool) -> bool:
    """True if a cycle name at ``s`` opens a clause: at a sentence start ("Bingwu, Sun Ce
    died"), or after an "on" that stands there or after a comma or "and" (``on``)."""
    before = text[max(0, s - 40):s]
    return bool(_ON_START.search(before) if on else _START.search(before) or s == 0)


def _day_hits(text: str) -> list[tuple[int, str, bool]]:
    """(start, cycle name, after "on") of the cycle-name candidates of ``text``."""
    hits = [(w.start(), w.group("word"), False) for w in _DAY.finditer(text)]
    hits += [(w.start("word"), w.group("word"), True) for w in _ON_DAY.finditer(text)]
    return sorted(set(hits))


def add_clause_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (sorted by start) with the clause-opening cycle days of ``text`` added, and
    the ordinal days labelling an annal's entries ("17th day. The enemy ...":
    :func:`.day_labels.add_day_labels`)."""
    return add_day_labels(text, _add_cycle_days(text, mentions))


def _add_cycle_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    if not mentions:
        return mentions
    g = _grammar()
    context = ("dynasty", "era_context", "ruler_context")  # "Wu", "Xin": dynasty names too
    taken = [(m.start, m.end) for m in mentions if m.kind not in context]
    new: list[DateMention] = []
    hits = _day_hits(text)
    days = {s for s, word, on in hits
            if _opens_clause(text, _on_start(text, s) if on else s, on)}
    for s, word, _on in hits:
        if s not in days:
            continue
        if re.match(r",\s*(?:the\s+)?year\b", text[s + len(word):s + len(word) + 12],
                    re.IGNORECASE):
            continue  # "Gengzi, the year of the rat, ...": a cycle year named, not a day
        cycle = cycle_number(word, g.lex)
        end = s + len(word)
        if cycle is None or any(a < end and s < b for a, b in taken) or any(
                n.start < end and s < n.end for n in new):
            continue
        # written elsewhere in the text not opening a clause: a person's name
        elsewhere = (o for o in re.finditer(rf"\b{re.escape(word)}\b", text) if o.start() != s)
        if any(o.start() not in days for o in elsewhere):
            continue
        new.append(type(mentions[0])(start=s, end=end, text=word, kind="day", cycle_day=cycle,
                                     year_doubt=CLAUSE_DAY))
    if not new:
        return mentions
    kept = [m for m in mentions if m.kind not in context
            or not any(n.start <= m.start and m.end <= n.end for n in new)]
    return sorted([*kept, *new], key=lambda x: (x.start, x.end))


def _on_start(text: str, s: int) -> int:
    """Where the "on" before the cycle name at ``s`` starts."""
    return text.rfind("n", 0, s) - 1


def flag_clause_month(m: DateMention, res) -> None:
    """Flag a clause-opening month word read as a month (medium, ``MONTH_WORD_READ``)."""
    if m.year_doubt == CLAUSE_DAY and res.year is not None:
        if res.day is None:  # no running month, or the day is not in it: no date
            res.year = res.era = res.dynasty = res.era_year = res.month = res.jdn = None
            if any(code == "CYCLE_DAY_NOT_IN_MONTH" for code, _ in res.warnings):
                return  # the calendar's tables said why (CYCLE_DAY_NOT_IN_MONTH)
            res.guess("CYCLE_DAY_READ", f"a cycle day opening a clause (cycle day {m.cycle_day})"
                      " with no running month it falls in: no date", basis="cycle day: no month")
            return
        res.guess("CYCLE_DAY_READ", f"a cycle name opening a clause, read as cycle day "
                  f"{m.cycle_day} of the running month (day {res.day})", "medium",
                  basis="cycle day opening a clause")
    if m.year_doubt == CLAUSE_MONTH and res.year is not None:
        res.guess("MONTH_WORD_READ", f"a month word opening a clause, read as month {m.month} "
                  f"of the running year {res.year} (a word-by-word translation)", "medium",
                  basis="month word opening a clause")

