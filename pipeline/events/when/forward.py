"""A relative date after the trigger that reaches past the running date dates no earlier clause.

"The two swore brotherhood and agreed to fight Zhu Wen together the next winter", "Zhao Xian
became emperor, the next year changed to the Deyou era": the first date after the trigger in
its clause window (``other_clause``: attached to another clause) is a ``relative`` date whose
year lies after the running date's, that is, counted forward from the time the narrative had
reached. The trigger's clause comes before that step: it keeps the running date (the year the
relative date was counted from), not the later one. So for a verb coordinated with the
trigger's ("the emperor beat him and deposed him, the next year he was given death"): a
relative date after the trigger that steps past the sentence's date before it (or the running
date) is the later verb's, not the trigger's (:func:`steps_forward`). Years are astronomical.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.records import DateRow


def reaches_forward(after: DateRow, running: DateRow | None) -> bool:
    """True when ``after`` (a date after the trigger, of another clause) is a ``relative``
    date ("the next year", "two years later") whose year lies after the last year of
    ``running`` (the date the sentence would inherit): it tells a later step, not the
    trigger's time. False when either year is unknown."""
    if after.kind != "relative" or after.year is None or running is None \
            or running.year is None:
        return False
    return after.year > (running.year_end or running.year)


def steps_forward(after: DateRow, sentence: Sequence[DateRow], trig_start: int,
                  running: DateRow | None) -> bool:
    """True when ``after`` (a date after the trigger, at full-text offset ``>= trig_start``, of a
    verb coordinated with the trigger's) reaches forward (:func:`reaches_forward`) from the last
    date of ``sentence`` (the sentence's dates, sorted by start) before ``trig_start``, else
    from ``running``."""
    before = [d for d in sentence if d.start < trig_start]
    return after.start >= trig_start and reaches_forward(after, before[-1] if before
                                                         else running)
