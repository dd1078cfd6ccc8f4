"""Label lines of an infobox or a list ("Born 15 January 598", "Died ...", "(dec. 636)",
"Zhenguan, began on ...") are events of the box's subject; sentences are left to triggers."""

from __future__ import annotations

import pytest

from pipeline.document import process_text

TEXT = (
    "Li Shimin\n\n"
    "Li Shimin\n"
    "Emperor Taizong of Tang\n"
    "Reign 626 – 649\n"
    "Born 15 January 598\n"
    "Died 10 July 649 (aged 51)\n"
    "  • Empress Zhangsun (dec. 636)\n"
    "  • Consort Wei (dec. ?)\n"
    "Era dates\n"
    "Zhenguan, began on 23 January 627\n\n"
    "Born to a noble family, the boy grew up in Taiyuan.\n\n"
    "The Died column of the table is empty.\n"
)


@pytest.fixture(scope="module")
def rows(resources):
    return process_text(TEXT, "box", resources).events


def _by_trigger(rows, trigger):
    return [(r.event_type, r.actor1, r.year) for r in rows if r.trigger == trigger]


def test_life_labels_are_the_subjects_birth_and_death(rows):
    assert _by_trigger(rows, "Born") == [("birth", "Emperor Taizong of Tang", 598)]
    assert _by_trigger(rows, "Died") == [("death", "Emperor Taizong of Tang", 649)]


def test_dec_marks_in_a_list_are_deaths_of_the_named(rows):
    assert _by_trigger(rows, "dec.") == [("death", "Empress Zhangsun", 636),
                                         ("death", "Consort Wei", None)]


def test_era_began_under_an_era_heading(rows):
    assert _by_trigger(rows, "began") == [("era_change", "Emperor Taizong of Tang", 627)]


def test_sentences_and_labels_without_a_date_are_no_label_rows(rows):
    later = TEXT.index("Born to a noble")
    assert not [r for r in rows if r.start >= later and r.actor1_source == "infobox"]
    assert not [r for r in rows if r.trigger == "Reign"]


BOX_NAME = (
    "Li Shimin\n\n"
    "Li Shimin\n"
    "Emperor Taizong of Tang\n"
    "Born\tLi Erlang\n"
    "15 January 598\n"
    "Wugong, Tang\n"
    "Died\tLi Erlang the Second\n"
    "Heir\tLi Zhi\n"
    "Born in Wugong, he grew up\n"
    "in 610 in Taiyuan.\n"
)


def test_a_birth_name_value_takes_its_date_from_the_next_line(resources):
    rows = process_text(BOX_NAME, "box2", resources).events
    assert _by_trigger(rows, "Born") == [("birth", "Emperor Taizong of Tang", 598)]
    # a label whose next line is another label, and a sentence (a comma), take no date below
    assert _by_trigger(rows, "Died") == []
    assert not [r for r in rows if r.actor1_source == "infobox" and r.year == 610]
