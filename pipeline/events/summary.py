"""Dates for a lead's events: what a page says before its first date summarises its body.

An encyclopedia page opens with a summary ("The Mongolian army ... surrounded Jin Aizong in
Caizhou City, and captured Caizhou City a few months later") and only then narrates, with
dates, what happened. An event of that lead (before the document's first dated expression,
with no date of its own) takes the years of the body's dated events (and of the events dated
by their own sentence, also before that first date: "The Battle of Yamen was fought in 1279"
after the page title "Battle of Yamen") at the same place and
of the same kind (the same event type; for a battle, a "Battle of X" or a siege, any hostile
event; a body's "Battle of X" counts only when its own sentence dates it): ``year`` the
earliest, ``year_end`` the latest, ``date_source="summary"``,
``time_precision`` 3, no ``date_id`` (no one date says it) and ``certainty`` ``low``. Events
of the lead with no place, or a place the body never dates, stay undated: a blank year is
better than a guess with nothing behind it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from pipeline.records import EventRow

_BATTLES = frozenset({"battle_reference", "battle", "siege", "naval_battle"})


def date_lead_events(rows: Sequence[EventRow], places: Sequence[str],
                     first_date: int | None, hostile: frozenset[str] = frozenset()
                     ) -> list[EventRow]:
    """``rows`` (one document's events, any order) with the lead's undated events dated from
    the body (see the module doc). ``places``: each row's place (canonical name, or the
    "Battle of X" name as written; "" for none), parallel to ``rows``; ``first_date``: the
    full-text offset of the document's first date with a year (None: no date, nothing
    changes); ``hostile``: the event types that oppose two sides (attack, siege ...). Rows
    are never reordered; only lead rows change."""
    if first_date is None:
        return list(rows)
    years: dict[str, list[EventRow]] = {}
    for row, place in zip(rows, places, strict=True):
        if place and row.year is not None and row.date_source != "summary" and (
                row.start >= first_date or row.date_source == "sentence") and not (
                row.event_type == "battle_reference" and row.date_source != "sentence"):
            # (a later mention of the battle by name with only a carried year -- "The Battle
            # of Poyang Lake lasted thirty-six days" closing the text -- is a retrospect:
            # its running year is the narrative's last, not the battle's)
            # (a mention dated by its own sentence counts even before the first date: "The
            # Battle of Yamen was fought in 1279" dates the page title "Battle of Yamen")
            years.setdefault(place, []).append(row)
    out = []
    for row, place in zip(rows, places, strict=True):
        body = [r for r in years.get(place, ()) if r.event_type == row.event_type or (
            row.event_type in _BATTLES and r.event_type in hostile | _BATTLES)]
        if body and row.year is None and row.end <= first_date:
            first = min(body, key=lambda r: r.year or 0)
            last = max(r.year_end if r.year_end is not None else r.year or 0 for r in body)
            row = dataclasses.replace(
                row, year=first.year, year_end=last if last != first.year else None,
                gregorian_year=first.gregorian_year,
                date_precision="range" if last != first.year else "year",
                time_precision=3, date_source="summary", certainty="low")
        out.append(row)
    return out
