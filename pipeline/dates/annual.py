"""Yearly dates: a Western day or month written without a year in a sentence that names a
holiday, a festival or a yearly recurrence ("Avoid the Qingming holiday (April 4 - 6)", "the
fair is held each year on March 3"), and a lunar day or month in a sentence that names a
recurrence ("Every year, on the 5th day of the first lunar month, the festival is held": the
``annual_cue`` rows with value ``every``). Such a date is of every year: it takes no running year.

:func:`mark_annual` flags them (``annual``); the resolver gives the month and day only, no
year, ``low``, with an ``ANNUAL_DATE`` warning, and leaves the running year alone. The cue
words are the ``annual_cue`` rows of ``gazetteer/date_words.csv``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import load_lexicon
from .mention import DateMention

_STOP = re.compile(r"[.!?\n]")


@lru_cache(maxsize=4)
def _cues(words: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len,
                                                                      reverse=True))
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]`` (from the last stop before it to the next)."""
    left = max((s.end() for s in _STOP.finditer(text, max(0, start - 400), start)), default=0)
    right = _STOP.search(text, end)
    return text[left:right.start() if right else len(text)]


def mark_annual(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with the Western days and months of no year in a sentence with an
    ``annual_cue`` word flagged ``annual`` (a yearly date)."""
    from .western_months import month_name  # noqa: PLC0415 (imports the resolver's modules)

    table = load_lexicon().cat("annual_cue")
    if not table:
        return mentions
    cue = _cues(tuple(table))
    every = _cues(tuple(w for w, v in table.items() if v == "every") or ("\x00",))
    out = []
    for m in mentions:
        if (m.kind in ("day", "month") and m.western_year is None and m.gloss_year is None
                and m.lunar_year is None and not m.era and m.stated_year is None):
            sentence = _sentence(text, m.start, m.end)
            # a Western month with any cue; a lunar one only with a recurrence ("every year")
            if (cue if month_name(m) else every).search(sentence):
                m = replace(m, annual=True)
        out.append(m)
    return out
