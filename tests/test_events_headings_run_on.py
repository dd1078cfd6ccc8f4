"""A heading without a number inside one chronological narrative is crossed by the running
date (far: low), like a wiki section; a section that goes back in time, or has no later
date, or jumps far ahead (references after a "See also"), is a wall
(:func:`pipeline.events.horizon._runs_on`)."""

from __future__ import annotations

from pipeline import api
from pipeline.records import EventRow


def rows(res: api.Resources, text: str) -> dict[str, EventRow]:
    return {e.trigger.lower(): e for e in api.process_text(text, "t", res).events}


def test_a_section_that_goes_on_takes_the_running_date_low(resources: api.Resources) -> None:
    ev = rows(resources, "Xiang Yu agreed to a truce in 203 BC.\n\nBattle\n\nHan Xin attacked "
                         "the Chu army at Gaixia.\n\nAftermath\n\nIn February 202 BC Liu Bang "
                         "was proclaimed emperor.")
    assert (ev["attacked"].year, ev["attacked"].certainty) == (-202, "low")


def test_a_section_that_goes_back_is_a_wall(resources: api.Resources) -> None:
    ev = rows(resources, "In 881 Huang Chao captured Chang'an.\n\nEarly life\n\nHuang was born "
                         "in Yuanqu.\n\nRebellion\n\nIn 874 Wang Xianzhi rose at Changyuan.")
    assert ev["was born"].year is None


def test_a_section_with_no_later_date_or_a_far_one_is_a_wall(resources: api.Resources) -> None:
    ev = rows(resources, "Li Yuan took Chang'an in 617.\n\nThe Later Years\n\nLi Shimin "
                         "defeated Xue Ju in battle.")
    assert ev["defeated"].year is None
    ev = rows(resources, "Gao Xianzhi was executed in 756.\n\nSee also\n\nThe Tang armies "
                         "attacked the Western Turks.\n\nReferences\n\nBai, Shouyi (2003). A "
                         "History of Chinese Muslim.")
    assert ev["attacked"].year is None
