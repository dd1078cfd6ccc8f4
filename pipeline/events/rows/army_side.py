"""The side of a bare army noun: "In September the army arrived in Luoyang", told of Emperor
Xiaowen, is a Northern Wei army.

A row whose actor1 is a group actor (``actor1_source="group"``, :func:`pipeline.events.coref.
group_actor`) written as one ``army_noun`` word of ``event_cues.csv`` ("army", "troops",
"soldiers", "fleet") after "the" or "our" (no possessor: "his army" is whoever "his" is, no
modifier: "the enemy army", "the Xia army" are others') gets ``actor1_polity`` = the polity of
the most salient person of the paragraph at that point whose polity is known (:meth:`pipeline.
events.salience.Salience.most_salient`; the one the narration follows; an officer named since
with no polity of his own lends no side and hides none), unless that polity is the row's actor2
or actor2's polity (the army is not its own enemy). ``actor1`` stays the army as written; the
side is a default reading, so ``certainty`` becomes ``low``. (The state the text names most
often, :meth:`~pipeline.events.salience.Salience.text_polity`, was tried: on annals it is as
often the enemy, "Xia", "Liao", "Mohe".)
"""

from __future__ import annotations

import dataclasses
import re

from pipeline.events.lexicon import EventLexicon
from pipeline.records import EventRow

#: Determiners before a bare army noun that leave its side to the narration.
_UNOWNED = frozenset({"the", "our"})
_LAST_WORD = re.compile(r"(\w+)\W*$")


def army_side(row: EventRow, doc_text: str, at: int, lexicon: EventLexicon,
              side: str) -> EventRow:
    """``row`` with ``side`` as the polity of its bare army actor1 (see the module doc).

    ``doc_text``: the paragraph text the actor's offset ``at`` indexes (the group mention's
    start, paragraph-relative); ``side``: the polity of the paragraph's most salient person
    there ("" = unknown: the row is returned as it is)."""
    if row.actor1_source != "group" or row.actor1_polity or not side \
            or " " in row.actor1 or not lexicon.is_cue(row.actor1.lower(), "army_noun") \
            or side in (row.actor2, row.actor2_polity):
        return row
    before = _LAST_WORD.search(doc_text, 0, max(at, 0))
    if before is None or before.group(1).lower() not in _UNOWNED:
        return row
    return dataclasses.replace(row, actor1_polity=side, certainty="low")
