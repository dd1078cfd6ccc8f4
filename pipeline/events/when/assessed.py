"""An event named inside a later writer's judgement: "Centuries later, in 1925, the historian
Sin Ch'aeho called the suppression of Myoch'ŏng 'the greatest event ...', a victory of the
capital": the suppression (1136) and the victory are the narrative's events, 1925 is the time
of the judgement. An event noun whose clause verb is a verb of judgement, naming or writing
(``assessment`` rows of ``gazetteer/later_cues.csv``: "called", "described", "regarded",
"praised", "wrote" ...) takes no date when that date's year lies more than
:data:`pipeline.dates.far_years.FAR` years from every other year the text dates (the
narrative's span): a blank is better than the year of writing. A judgement near the
narrative's years ("In 1145 he called the rising treason") keeps its date (the rule cannot
tell the event's own time then), and so does the verb's own event.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from pipeline.dates.far_years import FAR
from pipeline.events.clauses import clause_verb
from pipeline.events.syntax import coarse
from pipeline.records import DateRow
from pipeline.resources import active_gazetteer_dir, gazetteer_dir

from .later import FILE


@lru_cache(maxsize=4)
def assessment_verbs(directory: Path) -> frozenset[str]:
    """The lower-case forms of the ``assessment`` rows of ``later_cues.csv`` in
    ``directory`` (the bundled file when ``directory`` has none; empty without either)."""
    path = directory / FILE
    if not path.is_file():
        path = gazetteer_dir() / FILE
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(f.strip().lower() for row in csv.DictReader(fh)
                         if row["link"].strip() == "assessment"
                         for f in row["cue"].split(";") if f.strip())


def judged_far(head: Token, chosen: DateRow, dates: Sequence[DateRow],
               directory: Path | None = None) -> bool:
    """True if the event noun ``head`` hangs on a verb of judgement (its clause verb, not
    itself) and ``chosen``'s year is more than ``FAR`` years from every other year of
    ``dates`` (at least one): the year of a later judgement, not the event's (module doc)."""
    verb = clause_verb(head)
    if verb.i == head.i or coarse(head) not in ("NOUN", "PROPN") or chosen.year is None:
        return False
    if verb.lower_ not in assessment_verbs(directory or active_gazetteer_dir()):
        return False
    others = [d.year for d in dates if d.year is not None and d.start != chosen.start
              and d.kind != "period"]
    return bool(others) and all(abs(chosen.year - y) > FAR for y in others)
