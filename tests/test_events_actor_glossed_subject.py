"""actor1 after a date glossed in parentheses (dev5, machine-translated annals): the parse gives
the verb two subjects, the era and the person; the one next to the verb, after the gloss's
closing parenthesis, is its subject (:func:`pipeline.events.subjects._nearest_first`)."""

from __future__ import annotations

import pytest
from event_rows import one

from pipeline import api


@pytest.mark.parametrize("text, event_type, actor1", [
    # machine-translated annals put the date first with a year gloss and no comma; the
    # parse gives the verb two subjects, the era and the person: the person is next to it
    ("Wanli ten years (1582) Zhang Juzheng died, the court impeached Qi Jiguang.", "death",
     "Zhang Juzheng"),
    ("Wanli ten years (1582) Zhang Juzheng died.", "death", "Zhang Juzheng"),
])
def test_subject_after_a_glossed_date_is_the_subject(text: str, event_type: str, actor1: str,
                                                     resources: api.Resources) -> None:
    assert one(text, resources, event_type).actor1 == actor1
