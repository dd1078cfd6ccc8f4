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
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .grammar import _grammar
from .lexicon import parse_number

if TYPE_CHECKING:
    from .mentions import DateMention

CLAUSE_MONTH = "a month word opening a clause"
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


def flag_clause_month(m: DateMention, res) -> None:
    """Flag a clause-opening month word read as a month (medium, ``MONTH_WORD_READ``)."""
    if m.year_doubt == CLAUSE_MONTH and res.year is not None:
        res.guess("MONTH_WORD_READ", f"a month word opening a clause, read as month {m.month} "
                  f"of the running year {res.year} (a word-by-word translation)", "medium",
                  basis="month word opening a clause")

