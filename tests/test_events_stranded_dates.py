"""A name listed with the object before a coordinated verb is that verb's subject, also when
the parse hangs the verb as an adverbial clause or gives it a year for subject (invented
sentences; ``pipeline.events.subjects._stranded_subject``)."""

from __future__ import annotations

import pytest
from event_rows import one

from pipeline import api


@pytest.mark.parametrize("text", [
    "The kingdom lasted until 1683, when the Qing admiral Shi Lang defeated the Zheng fleet "
    "at Penghu and Zheng Keshuang surrendered.",
    "In 1683 Shi Lang defeated the Zheng fleet at Penghu and Zheng Keshuang surrendered.",
])
def test_name_before_the_verb_is_its_subject(text: str, resources: api.Resources) -> None:
    row = one(text, resources, "surrender")
    assert (row.actor1, row.actor1_source) == ("Zheng Keshuang", "named")


def test_no_name_before_the_verb_keeps_the_shared_subject(resources: api.Resources) -> None:
    row = one("In 1683 Shi Lang defeated the Zheng fleet at Penghu and then surrendered.",
              resources, "surrender")
    assert row.actor1 != "Zheng Keshuang"
    assert one("In 1683 Shi Lang defeated the Zheng fleet when it surrendered.", resources,
               "surrender").actor1 != "Zheng Keshuang"
