"""Names listed with a person after a word of command are persons
(pipeline/entities/commanded_lists.py), on short invented rows."""

from __future__ import annotations

from entity_rows import entity_rows as _rows
from entity_rows import labels as _labels

from pipeline.entities.commanded_lists import commanded_persons


def test_a_place_name_listed_with_a_person_after_under_is_a_person(gaz) -> None:
    text = "The rebels were beaten by armies under Li Dongbo and Changtai near Wuchang."
    rows = _rows(text, ("Li Dongbo", "PERSON", "model"), ("Changtai", "PLACE", "gazetteer"),
                 ("Wuchang", "PLACE", "gazetteer"))
    commanded_persons(rows, text, gaz)
    assert _labels(rows) == [("Li Dongbo", "PERSON"), ("Changtai", "PERSON"),
                             ("Wuchang", "PLACE")]


def test_led_by_a_list_with_the_place_first_and_one_sense_per_text(gaz) -> None:
    text = "A column led by Changtai, Wang Fuqing and Li Dongbo marched. Changtai fell ill."
    rows = _rows(text, ("Changtai", "PLACE", "gazetteer"), ("Wang Fuqing", "PERSON", "model"),
                 ("Li Dongbo", "PERSON", "model"))
    later = text.rindex("Changtai")
    rows.append((later, later + 8, "PLACE", "Changtai", "gazetteer", "Changtai"))
    commanded_persons(rows, text, gaz)
    assert [label for _, label in _labels(rows)] == ["PERSON"] * 4


def test_a_list_of_places_after_under_stays(gaz) -> None:
    text = "The counties under Jiangling and Xiangyang paid the tax."
    rows = _rows(text, ("Jiangling", "PLACE", "gazetteer"), ("Xiangyang", "PLACE", "gazetteer"))
    commanded_persons(rows, text, gaz)
    assert _labels(rows) == [("Jiangling", "PLACE"), ("Xiangyang", "PLACE")]


def test_a_place_after_a_person_not_joined_to_the_list_stays(gaz) -> None:
    text = "Troops under Li Dongbo took Changtai in the spring."
    rows = _rows(text, ("Li Dongbo", "PERSON", "model"), ("Changtai", "PLACE", "gazetteer"))
    commanded_persons(rows, text, gaz)
    assert _labels(rows) == [("Li Dongbo", "PERSON"), ("Changtai", "PLACE")]
