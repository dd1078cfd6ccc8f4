"""Plural office nouns as group agents ("the ministers", "the enemy generals", "the council"):
``group_noun`` cues of ``event_cues.csv``; invented sentences, positive and negative."""

from __future__ import annotations

import pytest
from event_rows import events, one

from pipeline import api


@pytest.mark.parametrize("text, event_type, actor1", [
    ("In 948 the ministers kept his death secret and executed Du Chongwei and his sons.",
     "execution", "ministers"),
    ("In 663 the enemy generals came to the river and surrounded the royal city.",
     "siege", "enemy generals"),
    ("In 903 the council named him commander of the army.", "appointment", "council"),
])
def test_plural_office_noun_is_the_group_agent(text: str, event_type: str, actor1: str,
                                               resources: api.Resources) -> None:
    row = one(text, resources, event_type)
    assert (row.actor1, row.actor1_source) == (actor1, "group")


def test_a_named_subject_still_wins_over_the_group(resources: api.Resources) -> None:
    row = one("In 948 the ministers Su Fengji and Yang Bin executed Du Chongwei.", resources,
              "execution")
    assert row.actor1_source == "named" and "Su Fengji" in row.actor1


def test_ministers_as_patients_are_no_agents(resources: api.Resources) -> None:
    rows = [e for e in events("In 948 the emperor executed the ministers.", resources)
            if e.event_type == "execution"]
    assert rows and all(e.actor1 != "ministers" for e in rows)
