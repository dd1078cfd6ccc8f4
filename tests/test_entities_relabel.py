"""Labels the words around a name decide (pipeline/entities/relabel.py), on short invented
rows: a title or a clan before/after a place name, an unknown name word before it, a place
frame around a model PERSON, a state listed with states."""

from __future__ import annotations

from entity_rows import entity_rows as _rows
from entity_rows import labels as _labels

from pipeline.entities.relabel import relabel

TITLES = {"Lord", "Lady", "King", "Prince", "Princess", "Duke"}


def test_a_title_before_a_place_makes_a_person(gaz) -> None:
    text = "Lady Xiangyang received the envoys at Xiangyang."
    rows = _rows(text, ("Xiangyang", "PLACE", "gazetteer"))
    rows.append((text.rindex("Xiangyang"), len(text) - 1, "PLACE", "Xiangyang", "gazetteer",
                 "Xiangyang"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    assert got == [("Lady Xiangyang", "PERSON"), ("Xiangyang", "PLACE")]


def test_a_place_name_of_the_tribe_is_a_person(gaz) -> None:
    text = "Then Hangzhou of the Merkit crossed the river; the fleet reached Hangzhou of the Song."
    first = _rows(text, ("Hangzhou", "PLACE", "gazetteer"))
    s = text.rindex("Hangzhou")
    song = text.rindex("Song")
    rows = first + [(s, s + 8, "PLACE", "Hangzhou", "gazetteer", "Hangzhou"),
                    (song, song + 4, "POLITY", "Song", "gazetteer", "Song")]
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    assert got == [("Hangzhou", "PERSON"), ("Hangzhou", "PLACE"), ("Song", "POLITY")]


def test_an_unknown_word_before_a_place_is_part_of_a_name(gaz) -> None:
    text = "The army was routed by Lhun Xiangyang. Near Xiangyang the river turns."
    rows = _rows(text, ("Xiangyang", "PLACE", "gazetteer"))
    s = text.rindex("Xiangyang")
    rows.append((s, s + 9, "PLACE", "Xiangyang", "gazetteer", "Xiangyang"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    # "Near" opens a sentence: no name; a pinyin word that is no surname neither
    assert got == [("Lhun Xiangyang", "PERSON"), ("Xiangyang", "PLACE")]
    text2 = "He said: Dingding Xiangyang, the state is settled."
    rows2 = _rows(text2, ("Xiangyang", "PLACE", "gazetteer"))
    assert _labels(relabel(rows2, text2, gaz, TITLES, ())) == [("Xiangyang", "PLACE")]


def test_a_place_frame_makes_a_model_person_a_place(gaz) -> None:
    text = "The khan held court at Kara Tobe, then took Orkhun, the capital of the Naimans."
    rows = _rows(text, ("Kara Tobe", "PERSON", "model"), ("Orkhun", "PERSON", "model"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    assert got == [("Kara Tobe", "PLACE"), ("Orkhun", "PLACE")]


def test_a_state_listed_with_states_is_a_polity(gaz) -> None:
    text = "Qin destroyed Han in 230 BC, Zhao in 228. Later 300,000 Zhao soldiers fled. Zhao wept."
    rows = _rows(text, ("Qin", "POLITY", "gazetteer"), ("Han", "POLITY", "gazetteer"))
    for name in ("Zhao in 228", "Zhao soldiers", "Zhao wept"):
        s = text.index(name)
        rows.append((s, s + 4, "PERSON", "Zhao", "model", "Zhao"))
    got = relabel(rows, text, gaz, TITLES, ())
    zhao = [(r[2], r[3]) for r in got if r[5] == "Zhao"]
    # listed and adjectival uses are the state; the bare subject is left to the document vote
    assert zhao == [("POLITY", "Zhao (state)"), ("POLITY", "Zhao (state)"), ("PERSON", "Zhao")]


def test_an_office_noun_capitalised_before_a_place_makes_a_person(gaz) -> None:
    """Fresh report 5: "Viceroy Ruicheng" (瑞澂) was placed at Ruicheng County, Shanxi."""
    text = "Viceroy Ruicheng fled; later the viceroy Hanyang wrote. Troops passed Ruicheng."
    rows = _rows(text, ("Ruicheng", "PLACE", "gazetteer"), ("Hanyang", "PLACE", "gazetteer"))
    s = text.rindex("Ruicheng")
    rows.append((s, s + 8, "PLACE", "Ruicheng", "gazetteer", "Ruicheng"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    # one sense per text: the later bare "Ruicheng" is the viceroy too
    assert got == [("Ruicheng", "PERSON"), ("Hanyang", "PERSON"), ("Ruicheng", "PERSON")]


def test_an_office_noun_inside_a_sentence_before_a_place_is_no_title(gaz) -> None:
    text = "The governor of Hanyang left; the army reached Hanyang."
    rows = _rows(text, ("Hanyang", "PLACE", "gazetteer"))
    assert _labels(relabel(rows, text, gaz, TITLES, ())) == [("Hanyang", "PLACE")]


def test_a_title_after_a_place_makes_a_person(gaz) -> None:
    """Fresh report 6 (#39): "the Left Worthy King", "the Hunye King" were places."""
    text = "The Hunye King surrendered at Xiangyang."
    got = _labels(relabel(_rows(text, ("Hunye", "PLACE", "model"),
                                ("Xiangyang", "PLACE", "gazetteer")), text, gaz, TITLES, ()))
    assert got == [("Hunye King", "PERSON"), ("Xiangyang", "PLACE")]


def test_a_place_abroad_after_a_place_word_is_a_place(gaz) -> None:
    text = "The governor entered Thang Long; the envoy stayed at Phu Xuan and met Dong Da at noon."
    rows = _rows(text, ("Thang Long", "PERSON", "model"), ("Phu Xuan", "PERSON", "gazetteer"),
                 ("Dong Da", "PERSON", "gazetteer"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    # "met Dong Da": no place word before it, the name rule's PERSON stays
    assert got == [("Thang Long", "PLACE"), ("Phu Xuan", "PLACE"), ("Dong Da", "PERSON")]


def test_a_foreign_name_listed_with_a_person_is_a_person(gaz) -> None:
    text = "Zeng Jize and Courbet met at Lintao, then Zeng Jize and Hanoi envoys left."
    rows = _rows(text, ("Zeng Jize", "PERSON", "gazetteer"), ("Courbet", "PLACE", "model"),
                 ("Lintao", "PLACE", "model"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    assert got == [("Zeng Jize", "PERSON"), ("Courbet", "PERSON"), ("Lintao", "PLACE")]
    text2 = "Zeng Jize and Hanoi were named in the treaty."
    rows2 = _rows(text2, ("Zeng Jize", "PERSON", "gazetteer"), ("Hanoi", "PLACE", "model"))
    assert _labels(relabel(rows2, text2, gaz, TITLES, ()))[1] == ("Hanoi", "PLACE")


def test_a_foreign_name_listed_with_a_one_word_person_stays(gaz) -> None:
    text = "The fleet raided Okinoshima and Iki again."
    rows = _rows(text, ("Okinoshima", "PLACE", "model"), ("Iki", "PERSON", "model"))
    assert _labels(relabel(rows, text, gaz, TITLES, ()))[0] == ("Okinoshima", "PLACE")
