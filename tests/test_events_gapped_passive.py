"""A gapped passive (fresh report 12: "Jinyang was conquered and Gao Yanzong captured" gave
Gao Yanzong as the captor): a past form coordinated after a passive verb, right after its own
subject, with no auxiliary or object, shares the passive (:mod:`pipeline.events.passives`)."""

from __future__ import annotations

import pytest
from event_rows import one

from pipeline import api


@pytest.mark.parametrize("text, event_type, patient", [
    ("In 577 the Zhou army marched east, but Jinyang was conquered and Gao Yanzong captured.",
     "capture_person", "King Ande of Northern Qi"),  # Gao Yanzong's canonical
    ("In 1127 Kaifeng was taken and Li Gang exiled to Hainan.", "exile", "Li Gang"),
])
def test_named_subject_of_a_gapped_passive_is_the_patient(
        text: str, event_type: str, patient: str, resources: api.Resources) -> None:
    row = one(text, resources, event_type)
    assert row.actor2 == patient
    assert row.actor1 != patient


def test_a_common_noun_subject_of_a_gapped_passive_has_no_actor1(
        resources: api.Resources) -> None:
    row = one("In 249 the era was changed and a general amnesty proclaimed.", resources,
              "decree")
    assert row.actor1 != "amnesty"


def test_an_active_conjunct_after_a_passive_keeps_its_subject(
        resources: api.Resources) -> None:
    # the lexicon gives "attacked" no person object: the Jin's own act, not a passive
    row = one("In 1129 the city was besieged and the Jin attacked.", resources, "attack")
    assert (row.actor1, row.actor2) == ("Jin", "")
