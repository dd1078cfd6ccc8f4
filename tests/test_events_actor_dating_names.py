"""Actor names of fresh report 17 (findings 6, 9), on invented inputs: a ruler named inside a
date phrase is no actor of the sentence's events (an agentless state act is still his); a
Chinese line the parse glued to an English sentence is no subject; a name apposed to a title
outranks the gazetteer's reading of the title."""

from __future__ import annotations

from event_rows import events, one
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline import api
from pipeline.entities.apposed_titles import apposed_title_names
from pipeline.events.dating_rulers import outside_dates
from pipeline.events.lexicon import load_event_lexicon
from pipeline.events.subjects import controller
from pipeline.records import DateRow, EntityRow

_TITLES = frozenset({"Prince", "King", "Duke", "Emperor", "Crown"})


def _person(start: int, text: str, canonical: str = "", source: str = "gazetteer"
            ) -> EntityRow:
    return EntityRow("t", 0, start, start + len(text), text, "PERSON", canonical or text, source)


def test_person_inside_a_date_phrase_is_set_apart() -> None:
    text = "In the 8th year of King Injo (1630) the Ming army was defeated by Hong Taiji."
    date = DateRow("t", 0, 3, 35, text[3:35], "reign", year=1630)
    injo = _person(text.index("King Injo"), "King Injo", "King Injo of Joseon")
    hong = _person(text.index("Hong Taiji"), "Hong Taiji")
    ming = EntityRow("t", 0, text.index("Ming"), text.index("Ming") + 4, "Ming", "POLITY",
                     "Ming", "gazetteer")
    kept, dating = outside_dates([injo, ming, hong], [date])
    assert kept == [ming, hong]
    assert dating == (injo,)
    assert outside_dates([injo], []) == ([injo], ())
    text = "In the first year of Daye, Emperor Yang ascended the throne."
    date = DateRow("t", 0, 3, 37, text[3:37], "reign", year=605)
    yang = _person(text.index("Emperor Yang"), "Emperor Yang", "Emperor Yang of Sui")
    assert outside_dates([yang], [date]) == ([yang], ())  # the date runs into its subject


def test_dating_ruler_is_not_the_side_that_defeated(resources: api.Resources) -> None:
    text = ("The Gyeongjin year, the 8th year of King Injo (1640), was the year in which the "
            "Ming dynasty was defeated at Songshan.")
    row = one(text, resources, "defeat")
    assert row.actor2 == "Ming"
    assert "Injo" not in row.actor1


def test_dating_ruler_still_implied_agent_of_state_act(resources: api.Resources) -> None:
    text = ("In the 3rd month of the 24th year of King Injo (1646) the minister Kim Jip was "
            "exiled to Jeju Island.")
    row = one(text, resources, "exile")
    assert row.actor1 == "King Injo of Joseon"
    assert row.actor1_source == "implied"


def test_chinese_line_is_no_subject() -> None:
    words = ["9", "\n", "自成走還京師", "。", "\n", "Zicheng", "fled", "back", "."]
    heads = [2, 0, 6, 6, 3, 6, 6, 6, 6]
    deps = ["nummod", "dep", "nsubj", "nsubj", "dep", "nsubj", "ROOT", "advmod", "punct"]
    tags = ["CD", "_SP", "JJ", "NNP", "_SP", "NNP", "VBD", "RB", "."]
    doc = Doc(Vocab(), words=words, spaces=[False] * len(words), heads=heads, deps=deps,
              tags=tags)
    subject = controller(doc[6], load_event_lexicon())
    assert subject is not None and subject.text == "Zicheng"


def test_name_apposed_after_title_outranks_gazetteer() -> None:
    text = "In the sixth month, Prince Ying, Ajige, memorialized the throne."
    title = _person(text.index("Prince Ying"), "Prince Ying", "Zhu Yougui")
    out = apposed_title_names([title], text, _TITLES)
    assert out[0].canonical == "Ajige"


def test_name_row_apposed_before_title_outranks_gazetteer() -> None:
    text = "Then Aisin Gioro Ajige, Prince Ying, led the army west."
    name = _person(text.index("Aisin"), "Aisin Gioro Ajige", "Ajige", "model")
    title = _person(text.index("Prince Ying"), "Prince Ying", "Zhu Yougui")
    out = apposed_title_names([name, title], text, _TITLES)
    assert [e.canonical for e in out] == ["Ajige", "Ajige"]


def test_no_apposition_keeps_gazetteer_reading() -> None:
    cases = [
        "In the sixth month, Prince Ying memorialized the throne.",
        "In the sixth month, Prince Ying, Ajige and Dodo memorialized the throne.",
        "In the sixth month, Prince Ying, However, memorialized the throne.",
        "In the sixth month, Prince Ying, Prince Yu, memorialized the throne.",
    ]
    for text in cases:
        title = _person(text.index("Prince Ying"), "Prince Ying", "Zhu Yougui")
        assert apposed_title_names([title], text, _TITLES)[0].canonical == "Zhu Yougui", text


def test_title_in_a_list_goes_with_the_name_before_it() -> None:
    text = "Zhu Di, Prince Yan, Zhu Quan, Prince Ning, rebelled."
    rows = [_person(text.index("Zhu Di"), "Zhu Di"),
            _person(text.index("Prince Yan"), "Prince Yan", "Someone Else"),
            _person(text.index("Zhu Quan"), "Zhu Quan"),
            _person(text.index("Prince Ning"), "Prince Ning", "Another One")]
    out = apposed_title_names(rows, text, _TITLES)
    assert [e.canonical for e in out] == ["Zhu Di", "Zhu Di", "Zhu Quan", "Zhu Quan"]


def test_apposed_name_is_actor_end_to_end(resources: api.Resources) -> None:
    text = "In the autumn, Prince Ying, Ajige, led the army to Datong."
    rows = [e for e in events(text, resources) if e.event_type == "movement"]
    assert rows and rows[0].actor1 == "Ajige"


def test_ruler_of_a_dating_formula_is_no_apposition() -> None:
    text = ("In the fourth year of Xianyong reign of Emperor Daozong, Wanyan Aguda, Taizu of "
            "Jin, was born.")
    title = _person(text.index("Emperor Daozong"), "Emperor Daozong", "Emperor Daozong of Liao")
    aguda = _person(text.index("Wanyan"), "Wanyan Aguda")
    out = apposed_title_names([title, aguda], text, _TITLES)
    assert out[0].canonical == "Emperor Daozong of Liao"
    text = "Emperor Daozong of Liao, Yelü Hongji, was born."
    title = _person(0, "Emperor Daozong of Liao", "Someone")
    assert apposed_title_names([title], text, _TITLES)[0].canonical == "Someone"
