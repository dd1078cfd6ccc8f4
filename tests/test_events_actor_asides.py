"""actor1 classes of fresh12: a "with X and Y" aside between the subject and its verb (the
parse makes X the subject: :func:`pipeline.events.subjects._with_aside`), an English hyphenated
title ("the Censor-in-chief": no name, :func:`pipeline.events.names.english_compound`), and a
ruler title no one was found for ("the Emperor pardoned him": not the nearest name)."""

from __future__ import annotations

import pytest
from event_rows import events, one

from pipeline import api


@pytest.mark.parametrize("text, event_type, actor1", [
    # the parse makes "Kwang" the subject and hangs "Myoch'ng" on the date's "In"
    ("In 1135 Myoch'ng, with Cho Kwang and Yu Ch'am, rose in revolt at Pyongyang.",
     "rebellion", "Myoch'ng"),
    ("Li Jing, with Hou Junji, attacked the Tuyuhun in 634.", "attack", "Li Jing"),
])
def test_with_aside_is_not_the_subject(text: str, event_type: str, actor1: str,
                                       resources: api.Resources) -> None:
    assert one(text, resources, event_type).actor1 == actor1


def test_hyphenated_title_is_no_name(resources: api.Resources) -> None:
    rows = events("In 630 the Censor-in-chief impeached Li Jing for misconduct; the Emperor "
                  "pardoned him.", resources)
    assert rows
    assert all("-in-chief" not in (e.actor1 + e.actor2) for e in rows)
    # "the Emperor" is resolved to no one: the name before it is no emperor
    assert all(e.actor1 != "Li Jing" for e in rows)


def test_hyphenated_name_still_read(resources: api.Resources) -> None:
    assert one("In 1853 Tsêng-kuo-fan defeated the rebels at Hsiang-t'an.", resources,
               "defeat").actor1 == "Zeng Guofan"


def test_unnamed_city_fell_takes_the_besieger(resources: api.Resources) -> None:
    # the defender fought on: he is no captor; the attack on Kaifeng names the Jin
    row = one("In 1127 the Jin army attacked Kaifeng. Emperor Qinzong fought on, but the city "
              "fell.", resources, "capture_city")
    assert row.actor1 == "Jin"


def test_unnamed_city_fell_after_an_agentless_siege_is_blank(resources: api.Resources) -> None:
    # the last act against a person (a beheading misread as a blockade) names the defender
    row = one("Within weeks Cho Kwang cut off the heads of Myoch'ng and Yu Ch'am. The siege "
              "of Pyongyang dragged on for more than a year, until the defenders ran out of food "
              "and the city fell in 1136.", resources, "capture_city")
    assert row.actor1 == ""
