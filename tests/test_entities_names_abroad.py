"""Model places that are persons or armies (pipeline/entities/relabel.py: person-name shapes,
initials in brackets) and foreign names beside a state word (pipeline/entities/collisions.py),
on short invented rows."""

from __future__ import annotations

from entity_rows import entity_rows as _rows
from entity_rows import labels as _labels

from pipeline.entities.relabel import relabel, syllables

TITLES = {"Lord", "King", "Prince"}


def test_pinyin_syllables_of_a_word() -> None:
    assert syllables("Zongren") == ["zong", "ren"]
    assert syllables("Lin'er") == ["lin", "er"]
    assert syllables("Pereira") == []


def test_a_model_place_of_a_surname_and_two_syllables_is_a_person(gaz) -> None:
    text = "The governors Zhou Qiming and Bai Dexiang marched north; Bai Shan stood at Li Chengguo."
    rows = _rows(text, ("Bai Dexiang", "PLACE", "model"), ("Bai Shan", "PLACE", "model"),
                 ("Li Chengguo", "PLACE", "model"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    # "Bai Shan" ends in a mountain's syllable; "at Li Chengguo" is written as a place
    assert got == [("Bai Dexiang", "PERSON"), ("Bai Shan", "PLACE"), ("Li Chengguo", "PLACE")]


def test_a_pinyin_name_listed_with_a_person_is_a_person(gaz) -> None:
    text = "Geng Bingwen and Mo Ruo defended the river; Mo Ruo was praised."
    rows = _rows(text, ("Geng Bingwen", "PERSON", "gazetteer"), ("Mo Ruo", "PLACE", "model"))
    got = _labels(relabel(rows, text, gaz, TITLES, ()))
    assert got == [("Geng Bingwen", "PERSON"), ("Mo Ruo", "PERSON")]
    alone = "The rebels came to Mo Ruo in spring."
    rows = _rows(alone, ("Mo Ruo", "PLACE", "model"))
    assert _labels(relabel(rows, alone, gaz, TITLES, ())) == [("Mo Ruo", "PLACE")]


def test_initials_in_brackets_take_the_name_s_label(gaz) -> None:
    text = ("The Northern Frontier Army (NFA) was raised in 1920. Later the NFA took the "
            "city, and the NFB was disbanded.")
    army = text.index("Northern Frontier Army")
    rows = [(army, army + 22, "ARMY", "Northern Frontier Army", "gazetteer",
             "Northern Frontier Army")]
    rows += [(text.index("NFA", army + 30), text.index("NFA", army + 30) + 3, "PLACE", "NFA",
              "model", "NFA"),
             (text.index("NFB"), text.index("NFB") + 3, "PLACE", "NFB", "model", "NFB")]
    got = relabel(rows, text, gaz, TITLES, ())
    assert [(r[5], r[2], r[3]) for r in got] == [
        ("Northern Frontier Army", "ARMY", "Northern Frontier Army"),
        ("NFA", "ARMY", "Northern Frontier Army"), ("NFB", "PLACE", "NFB")]


def test_a_given_name_with_pinyin_s_syllable_mark_joins_the_surname(gaz) -> None:
    from pipeline.entities.collisions import load_collisions, resolve_collisions
    from pipeline.records import EntityRow

    text = "Zhao Mu set up Han Lin'er at Bozhou, and Wei Ch'i fled."
    han, lin = text.index("Han"), text.index("Lin'er")
    rows = [EntityRow("d", 0, han, han + 3, "Han", "POLITY", "Han", "gazetteer"),
            EntityRow("d", 0, lin, lin + 6, "Lin'er", "PLACE", "Lin'er", "model")]
    got = resolve_collisions(rows, text, gaz, load_collisions(gaz.source_dir))
    assert [(e.text, e.label) for e in got] == [("Han Lin'er", "PERSON")]


def test_a_state_word_beside_a_vietnamese_word_is_part_of_a_vietnamese_name(gaz) -> None:
    from pipeline.entities.collisions import load_collisions, resolve_collisions
    from pipeline.records import EntityRow

    text = "The army was ambushed at Chi Lăng pass; Wu Lợi fled, and Qi and Wei made peace."
    rows = []
    for word, label in (("Chi", "POLITY"), ("Wu", "POLITY"), ("Qi", "POLITY"), ("Wei", "POLITY")):
        s = text.index(word + " ")
        rows.append(EntityRow("d", 0, s, s + len(word), word, label, word, "gazetteer"))
    got = resolve_collisions(rows, text, gaz, load_collisions(gaz.source_dir))
    assert [(e.text, e.label) for e in got] == [("Chi Lăng", "PLACE"), ("Qi", "POLITY"),
                                                ("Wei", "POLITY")]


def test_initials_defined_in_an_earlier_block_are_carried() -> None:
    from pipeline.entities.collisions import read_bare_surnames
    from pipeline.records import EntityRow

    text = "The Eastern Route Army (ERA) marched.\n\nLater the ERA took the town."
    a = text.index("Eastern")
    first = [EntityRow("d", 0, a, a + 18, "Eastern Route Army", "ARMY", "Eastern Route Army",
                       "gazetteer")]
    memory: dict[str, str] = {}
    read_bare_surnames(first, text, memory)
    b = text.rindex("ERA")
    second = [EntityRow("d", 1, b, b + 3, "ERA", "PLACE", "ERA", "model")]
    got = read_bare_surnames(second, text, memory)
    assert [(e.text, e.label, e.canonical) for e in got] == [
        ("ERA", "ARMY", "Eastern Route Army")]


def test_a_capital_of_a_state_written_beside_a_place_names_the_state(gaz) -> None:
    from pipeline.entities.span_places import _dynasty_beside

    words = ["Bai", "Qi", "took", "Ying", ",", "the", "capital", "of", "Chu", "."]
    assert _dynasty_beside(words, 3, 4, gaz) == "Chu"
    words = ["Later", "the", "Chu", "capital", "Ying", "fell"]
    assert _dynasty_beside(words, 4, 5, gaz) == "Chu"
    words = ["Ying", ",", "the", "son", "of", "Chu"]
    assert _dynasty_beside(words, 0, 1, gaz) == ""
    # the place row of Ying is only read beside Chu ("Ying Zheng" stays a person)
    assert gaz.resolve("Ying") is None
    assert gaz.resolve("Ying", " dynasty:Chu;").canonical == "Ying (Chu capital)"


def test_a_title_noun_after_a_state_s_name_makes_a_person(gaz) -> None:
    text = "Hsiao Yen, the Liang ruler Wu-ti, took the throne; the Liang army held Wu-ti."
    s = text.index("Wu-ti")
    rows = [(s, s + 5, "PLACE", "Wu-ti", "model", "Wu-ti")]
    t = text.rindex("Wu-ti")
    rows.append((t, t + 5, "PLACE", "Wu-ti", "model", "Wu-ti"))
    got = relabel(rows, text, gaz, TITLES, ())
    assert [(r[5], r[2], r[3]) for r in got] == [("Wu-ti", "PERSON", "Wudi"),
                                                 ("Wu-ti", "PERSON", "Wudi")]
