"""Days counted from the lunar new year by its name, as Vietnamese texts write them: "the 5th of
Tet" (mùng 5 Tết: the 5th day of the first lunar month), "the 7th day of Tet", "the 5th of Tet
Ky Dau" (of the cycle year Kỷ Dậu), "the 30 Tet" (30 Tết: the last day of the twelfth month,
the eve of the new year).

The name words are the ``new_year_word`` rows of ``gazetteer/date_words.csv``.
:func:`add_new_year_days` adds each as a ``day`` mention (month 1 and the day; a day 29 or 30
is the last day of month 12, ``last_day``), a ``sexagenary`` one when a cycle year follows. A
first-month day without a cycle year takes the running year by the month-order rule of
:mod:`.running` (after the twelfth month: the next year).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .grammar import _grammar
from .lexicon import cycle_number, parse_number

if TYPE_CHECKING:
    from .mentions import DateMention


@lru_cache(maxsize=4)
def _pattern(words: tuple[str, ...], ordinals: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    ords = "|".join(re.escape(w) for w in sorted(ordinals, key=len, reverse=True))
    return re.compile(
        rf"(?:\b[Tt]he\s+)?(?P<day>\b\d{{1,2}}(?:st|nd|rd|th)?|(?i:{ords}))\b(?:\s+day)?"
        rf"(?:\s+of)?\s+(?:{names})\b(?:\s+(?P<cycle>[A-Z][a-z]{{1,5}}[\s\-]?[A-Za-z][a-z]{{1,4}}))?")


def add_new_year_days(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` (sorted by start) with the days named from the new year added."""
    g = _grammar()
    words = tuple(g.lex.cat("new_year_word"))
    if not mentions or not any(w in text for w in words):  # a pattern needs a name word
        return mentions
    ordinals = tuple(w for w in g.lex.cat("ordinal") if " " not in w)
    context = ("dynasty", "era_context", "ruler_context")
    taken = [(m.start, m.end) for m in mentions if m.kind not in context]
    new: list[DateMention] = []
    for t in _pattern(words, ordinals).finditer(text):
        raw = re.sub(r"(?:st|nd|rd|th)$", "", t.group("day").lower())
        day = int(raw) if raw.isdigit() else parse_number(raw, g.lex)
        if day is None or not 1 <= day <= 30 or 10 < day < 29:
            continue
        cycle = cycle_number(t.group("cycle"), g.lex) if t.group("cycle") else None
        # a capitalised word after the name that is no cycle year is the clause's subject
        end = t.start("cycle") if t.group("cycle") and cycle is None else t.end()
        while text[end - 1].isspace():
            end -= 1
        s = t.start()
        if any(a < end and s < b for a, b in taken):
            continue
        fields: dict = {"month": 1, "day": day}
        if day >= 29:  # "30 Tet": the eve, the last day of the twelfth month
            fields = {"month": 12, "last_day": True}
        kind = "day"
        if cycle is not None:
            fields["cycle_year"], kind = cycle, "sexagenary"
        new.append(type(mentions[0])(start=s, end=end, text=text[s:end], kind=kind, **fields))
    if not new:
        return mentions
    kept = [m for m in mentions if m.kind not in context
            or not any(n.start <= m.start and m.end <= n.end for n in new)]
    from .day_glosses import attach_day_glosses  # noqa: PLC0415 (late pass)

    # "the 30 Tet (= January 25, 1789)": the bracketed Western day glosses the new mention
    return attach_day_glosses(text, sorted([*kept, *new], key=lambda x: (x.start, x.end)))
