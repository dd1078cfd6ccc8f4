"""Names written as an era's, a state's or a people's name are no place."""

from __future__ import annotations

import pytest

from pipeline.places.named import name_read_as
from pipeline.places.rows import place_rows_and_warnings
from pipeline.records import EntityRow


def _read(text: str, word: str) -> str:
    start = text.index(word)
    return name_read_as(text, start, start + len(word))


@pytest.mark.parametrize("text, word, kind", [
    ("His son succeeded him and took the era name Inan.", "Inan", "era name"),
    ("In 1368 he proclaimed the reign title of Hongwu at Nanjing.", "Hongwu", "era name"),
    ("He called himself emperor, the country number was Dayue Luoping.", "Luoping",
     "state name"),
    ("Envoys came from the state of Wei to the court.", "Wei", "state name"),
    ("He gathered the Baishan Mohe and went east.", "Baishan", "people's name"),
    ("The Jianzhou Jurchens raided the border.", "Jianzhou", "people's name"),
    ("The Heishui tribes sent tribute.", "Heishui", "people's name"),
])
def test_a_name_written_as_another_kind_of_name(text: str, word: str, kind: str) -> None:
    assert _read(text, word) == kind


@pytest.mark.parametrize("text, word", [
    ("He fled to Baishan and then to Yingzhou.", "Baishan"),
    ("The people of Hangzhou rose against him.", "Hangzhou"),
    ("Envoys came from the state of Wei, and Luoyang was taken.", "Luoyang"),
    ("He founded the state of Yan at Jicheng.", "Jicheng"),
    ("He took the era name. Luoping fell in May.", "Luoping"),
])
def test_a_place_beside_such_words_stays_a_place(text: str, word: str) -> None:
    assert _read(text, word) == ""


def test_the_row_loses_its_coordinates_only_when_every_mention_is_another_name() -> None:
    text = "His son took the era name Inan. The army of the Baishan Mohe marched."
    ents = [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w, "model")
            for w in ("Inan", "Baishan")]
    rows, warnings = place_rows_and_warnings(ents, [], lambda o: 719, text=text)
    assert all(r.latitude is None for r in rows)
    assert {w.code for w in warnings} == {"PLACE_CANDIDATE_REJECTED"}
    text = "He took the era name Inan. Later the king hunted at Inan in Shandong."
    second = text.rindex("Inan")
    ents = [EntityRow("d", -1, o, o + 4, "Inan", "PLACE", "Inan", "model")
            for o in (text.index("Inan"), second)]
    rows, _ = place_rows_and_warnings(ents, [], lambda o: 719, text=text)
    assert rows[0].latitude is not None
