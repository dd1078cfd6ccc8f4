"""How sure an event row is: ``certainty`` = high | medium | low, the weakest of its parts.

Three parts are rated, each high, medium or low, and the row takes the lowest:

* **date** (only when the row has one): the ``certainty`` of the ``dates.csv`` row it came
  from, capped at ``medium`` when the date is not the event's own (``date_source``
  ``running``: an earlier sentence's date, the event may be later), and at ``low`` for
  ``other_clause`` (a later clause's date in the same sentence: the event is often earlier),
  a running date from an earlier paragraph or a ``summary`` date (a lead's event dated by
  the body, :mod:`pipeline.events.summary`) or a ``section`` date (a heading's event dated
  by the first sentence under it, :mod:`pipeline.events.horizon`), and at ``medium`` when
  a date of the sentence with another year stands between the row's date and its trigger
  (the narrative's time may have moved on). A row without a date is
  at most ``medium``: its time is not known (the text gives none, or the event stage
  withheld the date before it: "captured Caizhou City a few months later", "he later set
  ...", a year outside the actor's life), so it cannot be placed on a timeline; ``high``
  means who, what and when were all read from the text.
* **actors** (actor1 and actor2): ``named``, ``polity``, ``place`` or none are high; ``pronoun`` (an
  antecedent chosen by salience) and ``group`` (an unnamed group as written, "by his
  eunuchs": the text's own agent, but no one identified) medium; ``parse``, ``nearest``,
  ``side`` and ``implied``
  (guesses; ``implied``: the reigning ruler or the state behind an agentless appointment,
  :mod:`pipeline.events.implied`) low.
* **trigger reading**: ``verb`` (a verb the parse read with its arguments) and ``name`` (a
  "Battle of X" title) high; ``noun`` (a nominal event, "the fall of Kaifeng": the parse
  only tells it has an argument) medium; ``unparsed`` (no dependency parse) low.

* **missing parts**: a row with no actor at all (actor1 and actor2 blank: "the city was
  destroyed", "Battle of X") is at most ``medium``: it says what happened, not who did it;
  with no actor and no date either ("the emperor issued an edict", its antecedent unknown)
  it is ``low``: nothing ties it to a person, a side or a time.

So a guessed actor, an inherited running date, a blank year or a row with nothing to anchor
it never looks certain: keep ``certainty == "high"`` for a strict table. The steps that
blank a row's year after it was built (:func:`pipeline.events.when.lives.no_date`) lower it
the same way (:func:`undated`).
"""

from __future__ import annotations

LEVELS = ("low", "medium", "high")
_ACTOR = {"": "high", "named": "high", "polity": "high", "place": "high", "pronoun": "medium",
          "group": "medium", "parse": "low", "nearest": "low", "side": "low", "implied": "low"}
_READING = {"verb": "high", "name": "high", "noun": "medium", "unparsed": "low"}
_DATE_CAP = {"sentence": "high", "clause": "high", "other_clause": "low",
             "running": "medium", "summary": "low", "section": "low"}


#: The highest certainty of a row without a date.
UNDATED = "medium"


def _lowest(*levels: str) -> str:
    return min(levels, key=LEVELS.index)


def undated(certainty: str) -> str:
    """``certainty`` (an event row's) capped at :data:`UNDATED`: for a row whose date a later
    step blanked. An unknown value comes back as is."""
    if certainty not in LEVELS:
        return certainty
    return _lowest(certainty, UNDATED)


def event_certainty(*, date_source: str, date_certainty: str, actor1_source: str,
                    actor2_source: str, reading: str, date_far: bool = False,
                    date_crossed: bool = False) -> str:
    """``high``, ``medium`` or ``low`` for one event row (see the module doc).

    ``date_source``: the row's ``date_source`` ("" without a date); ``date_certainty``: the
    certainty of its ``dates.csv`` row ("" = unknown, read as medium); ``actor1_source`` /
    ``actor2_source``: the row's columns; ``reading``: ``verb``, ``noun``, ``name`` or
    ``unparsed``; ``date_far``: a running date taken from an earlier paragraph;
    ``date_crossed``: a date of the sentence with another year stands between the row's
    date and its trigger ("In 1409 ..., when returning in 1411 ..., captured the king": the
    time may have moved on; at most medium). Unknown values count as low. Raises nothing."""
    parts = [_ACTOR.get(actor1_source, "low"), _ACTOR.get(actor2_source, "low"),
             _READING.get(reading, "low")]
    if date_source:
        own = date_certainty if date_certainty in LEVELS else "medium"
        parts += [own, _DATE_CAP.get(date_source, "low"), "low" if date_far else "high",
                  "medium" if date_crossed else "high"]
    else:  # no date: when is unknown
        parts.append(UNDATED)
    if not actor1_source and not actor2_source:  # no actor: who is unknown
        parts.append("medium" if date_source else "low")
    return _lowest(*parts)
