"""Counts of years given as bounds: "More than one hundred years later", "some forty years
after", "nearly twenty years later".

A relative date with a count of years (``rel_years``) preceded by a ``relative_bound`` word
of ``gazetteer/date_words.csv`` ("more than", "over", "some", "nearly" ...) does not name an
exact year: the mention is widened over the word and marked with ``year_doubt``
(:data:`BOUND_DOUBTS`, by the row's value ``more`` / ``about`` / ``less``). The resolver
(:func:`bound_note`) keeps the counted year as the reading (a lower bound for ``more``, an
upper bound for ``less``) but low, with a ``YEAR_APPROXIMATE`` warning saying which bound.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import load_lexicon
from .state import _Res

BOUND_DOUBTS = {
    "more": "a count of years given as a lower bound ('more than')",
    "about": "a count of years given as approximate ('some', 'about')",
    "less": "a count of years given as an upper bound ('nearly')",
}
_WHAT = {"more": "at least", "about": "about", "less": "at most"}


def mark_relative_bounds(text: str, mentions: list) -> list:
    """``mentions`` with each relative count of years after a ``relative_bound`` word widened
    over that word and given its ``year_doubt`` (see the module docstring)."""
    words = load_lexicon().cat("relative_bound")
    if not words:
        return mentions
    pat = re.compile(r"(?<![\w'’-])(?P<w>" + "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        + r")\s+$", re.IGNORECASE)
    out = []
    for m in mentions:
        if m.kind == "relative" and m.rel_years and not m.year_doubt:
            hit = pat.search(text, max(0, m.start - 20), m.start)
            if hit is not None:
                value = words[" ".join(hit.group("w").lower().split())]
                m = replace(m, start=hit.start(), text=text[hit.start():m.end],
                            year_doubt=BOUND_DOUBTS[value])
        out.append(m)
    return out


def bound_note(m, res: _Res) -> None:
    """Warn (low, ``YEAR_APPROXIMATE``) when ``m`` is a count of years given as a bound."""
    for value, doubt in BOUND_DOUBTS.items():
        if m.year_doubt == doubt and res.year is not None:
            res.guess("YEAR_APPROXIMATE", f"{m.text!r}: {doubt}; the year {res.year} is "
                      f"{_WHAT[value]} the count from the running year, not an exact year",
                      "low", basis=f"{doubt}: {_WHAT[value]} {res.year}")
