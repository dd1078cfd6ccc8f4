"""A bare "the Emperor" with an era date takes the era's ruler even when the page is mostly
about a people the reign tables hold no ruler of (fresh14 finding 10: "the Emperor passed away"
in Zhanghe 2 on a page about the Xiongnu came out blank, because the text's polity "Xiongnu"
restricted the search to rulers it never had; :func:`pipeline.events.implied.titled_ruler`).
A state the tables do know (Han, Ming) still restricts the search as before.

Invented texts; the repository's gazetteer and reign tables."""

from __future__ import annotations

from event_rows import one

from pipeline import api
from pipeline.events.implied import load_implied_tables

XIONGNU = ("The Xiongnu raided the frontier in the spring, and the Xiongnu chanyu led his "
           "horsemen south. The Xiongnu besieged the fort, but the Xiongnu were driven off by "
           "Geng Gong.\n\nIn the second year of Zhanghe, in the second month, the Emperor "
           "passed away.\n")


def test_a_people_without_reigns_does_not_blank_the_era_ruler(resources: api.Resources) -> None:
    row = one(XIONGNU, resources, "death")
    assert row.actor1 == "Emperor Zhang of Han"
    assert row.year == 88
    assert row.certainty == "low"  # a title resolved, never certain


def test_the_reign_tables_know_the_states_they_hold_and_no_others() -> None:
    tables = load_implied_tables()
    assert tables.knows("Han") and tables.knows("Ming")
    assert not tables.knows("Xiongnu")
