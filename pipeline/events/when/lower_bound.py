"""An "after" clause of the event's own bounds its date from below.

"in the winter of 576 he served under Yuwen Xian, and after Northern Qi was destroyed in 577
he was created Duke of Chen'an": the creation has no date of its own clause; the sentence's
last date before it (576) belongs to another clause, and the "after" clause that modifies the
creation says it came in or after 577. A date of the sentence earlier than that bound is no
date of the event: the bound's date is (:func:`raised_by_after`). Only "after" (a lower
bound); a "before" clause gives an upper bound, which a date before the trigger already
respects. The clause must be marked by a ``bound`` cue of ``event_cues.csv`` (the parse's
``mark`` or the preposition over a gerund: "after seizing Nanjing")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Token

from pipeline.events.clauses import _marker, conjuncts
from pipeline.events.lexicon import EventLexicon
from pipeline.events.roles import coarse
from pipeline.records import DateRow

#: Subordinators of a clause whose time the event follows (a lower bound of its date).
LOWER_BOUND_MARKS = frozenset({"after"})


def after_clause_verbs(verb: Token, lexicon: EventLexicon) -> set[int]:
    """Token indices of the verbs of "after" clauses that hang on ``verb`` or a verb
    coordinated with it (and their own coordinated verbs)."""
    out: set[int] = set()
    chain = conjuncts(verb)
    for i in chain:
        for c in verb.doc[i].children:
            if c.dep_ in ("advcl", "prep") and c.i not in chain:
                v = c if c.dep_ == "advcl" else next(
                    (g for g in c.children if g.dep_ == "pcomp"), None)
                if v is None or coarse(v) != "VERB":
                    continue
                mark = _marker(v)
                if mark in LOWER_BOUND_MARKS and lexicon.cue(mark) == "bound":
                    out |= conjuncts(v)
    return out


def raised_by_after(chosen: DateRow, dates: Sequence[DateRow], verbs: Mapping[int, int],
                    after: set[int], trig_start: int) -> DateRow | None:
    """The date of an "after" clause of the event (``after``: its verbs; ``verbs``: id of a
    date -> its clause verb's index) printed before the trigger, when ``chosen`` (a date of
    another clause of the sentence) is earlier than it; else None."""
    bounds = [d for d in dates if verbs.get(id(d)) in after and d.start < trig_start
              and d.year is not None]
    if not bounds or chosen.year is None or any(d is chosen for d in bounds):
        return None
    bound = bounds[-1]
    return bound if (chosen.year_end or chosen.year) < bound.year else None
