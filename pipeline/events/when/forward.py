"""A relative date after the trigger that reaches past the running date dates no earlier clause.

"The two swore brotherhood and agreed to fight Zhu Wen together the next winter", "Zhao Xian
became emperor, the next year changed to the Deyou era": the first date after the trigger in
its clause window (``other_clause``: attached to another clause) is a ``relative`` date whose
year lies after the running date's, that is, counted forward from the time the narrative had
reached. The trigger's clause comes before that step: it keeps the running date (the year the
relative date was counted from), not the later one. Years are astronomical.
"""

from __future__ import annotations

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
