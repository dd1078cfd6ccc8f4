"""A bare "the Emperor" that the salience reads as a ruler not yet on the throne in the event's
year (a later ruler of another dynasty named as an official just before) falls back to the
ruler the document last reported enthroned (pipeline/events/rows/build.py _reigning_title)."""

from __future__ import annotations

from event_rows import one

from pipeline import api


def test_emperor_is_the_enthroned_ruler_not_a_future_one(resources: api.Resources):
    text = ("In the first year of Daye, Emperor Yang ascended the throne.\n\n"
            "In the third year of Daye, Li Yuan was made governor of Taiyuan.\n\n"
            "In the fourth year of Daye the Emperor went to Jiangdu.")
    row = one(text, resources, "movement")
    assert row.actor1 == "Emperor Yang of Sui"
    assert row.actor1_source == "pronoun" and row.certainty == "low"


def test_text_polity_without_a_ruler_that_year_is_no_bar(resources: api.Resources):
    text = ("The rebels swore to restore the Song, and the Song loyalists of the Song "
            "coast rose.\n\n"
            "In the second year of Hongwu the Emperor issued a decree against them.")
    row = one(text, resources, "decree")
    assert row.actor1 == "Zhu Yuanzhang"  # the Hongwu Emperor
    assert row.certainty == "low"
