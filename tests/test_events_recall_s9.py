"""Recall and false events of session s9 (invented sentences in the styles of real pages):
phrasal verbs and set phrases of event kinds the lexicon knew by other words ("drove him
back", "fell upon X", "rose at X", "raised troops in X", "carried off captives",
"came to X"/"came to court", "turned back", "pursued", "broke out of X", "sank the boats",
"tendered his allegiance", "placed X on the throne", "was broken by X": an army defeated, a
city taken), and three readings that are no plain
event: a name given ("also known as the X uprising"), a wish ("began to think of deposing"),
an act undone ("hanged himself but was saved": ``status=failed``); each with the near miss
its rule must leave alone; and a heading line repeated (a title under its picture, "X
©Anonymous") tells its event once."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import run

SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Zhou Wen", "PERSON", "Zhou Wen"), ("Luoyang", "PLACE", "Luoyang"),
        ("Xiangyang", "PLACE", "Xiangyang"), ("Hanzhong", "PLACE", "Hanzhong"),
        ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song")]


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def rows(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.status) for e in run(nlp, text, SPEC)]


def types(nlp: Language, text: str) -> list[str]:
    return [kind for kind, _ in rows(nlp, text)]


@pytest.mark.parametrize("text,kind", [
    ("Zhou Wen attacked Xiangyang, but Li Heng drove him back.", "defeat"),
    ("Li Heng then fell on Wang Dao.", "attack"),
    ("In 874 Li Heng rose at Luoyang.", "rebellion"),
    ("In 684 Li Heng raised an army in Xiangyang.", "rebellion"),
    ("In 1254 the army of Li Heng carried off 206,800 captives.", "capture_person"),
    ("In the second month Li Heng came to court.", "movement"),
    ("The relief army of the Jin came to Xiangyang.", "movement"),
    ("In 97 Li Heng turned back on the shores of the western sea.", "movement"),
    ("Li Heng pursued Wang Dao as far as the river.", "attack"),
    ("Li Heng broke out of Hanzhong later the same year.", "attack"),
    ("Li Heng attacked the grain convoy and sank most of the boats.", "destruction"),
    ("The king slew the envoy of the Jin and tendered his allegiance.", "surrender"),
    ("Li Heng placed a native prince on the throne.", "enthronement"),
    ("Li Heng seized the great granary of Luoyang.", "capture_city"),
    ("Li Heng took the two castles of Luoyang.", "capture_city"),
    ("In 618 the army of Wang Dao was broken near Luoyang by Li Heng.", "defeat"),
    ("In 1367 Xiangyang was broken, and Zhou Wen was captured.", "capture_city"),
    ("At Xiangyang the governor Li Heng held his walls for months.", "defence"),
    ("In 674 Li Heng called himself the Heavenly Emperor.", "proclamation"),
])
def test_phrasal_trigger(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text)


@pytest.mark.parametrize("text,kind", [
    ("Luoyang fell on 22 December 880.", "attack"),  # a date after "fell on": the city fell
    ("The blame fell on Li Heng.", "attack"),  # no actor falls on him
    ("Li Heng rose at dawn and read the letters.", "rebellion"),
    ("Li Heng rose in rank at court.", "rebellion"),
    ("The flood carried away the bridge.", "capture_person"),
    ("The ship sank in a storm.", "destruction"),
    ("The generals turned back the enemy.", "movement"),  # an object: no journey
    ("Li Heng pursued the policy of his father.", "attack"),
    ("The treaty was broken by the Jin.", "defeat"),
    ("Li Heng held the post of prefect for three years.", "defence"),
    ("The Empress Dowager went to the court and listened to the government.", "movement"),
])
def test_near_miss_is_no_such_event(nlp: Language, text: str, kind: str) -> None:
    assert kind not in types(nlp, text)


def test_fell_on_a_date_is_still_a_capture(nlp: Language) -> None:
    assert "capture_city" in types(nlp, "Luoyang fell on 22 December 880.")


def test_a_name_given_is_no_event(nlp: Language) -> None:
    text = "In 209 BC the garrison revolted. It is also known as the Dazexiang uprising."
    assert types(nlp, text).count("rebellion") == 1


@pytest.mark.parametrize("text", [
    "In 371 Li Heng began to think of deposing the Emperor.",
    "Li Heng dreamed of conquering the Jin.",
])
def test_a_wish_is_no_event(nlp: Language, text: str) -> None:
    assert not {"coup", "capture_city", "defeat"} & set(types(nlp, text))


def test_a_wish_leaves_the_deed_alone(nlp: Language) -> None:
    assert "coup" in types(nlp, "In 373 Li Heng deposed the Emperor.")


def test_an_act_undone_by_a_rescue_failed(nlp: Language) -> None:
    got = rows(nlp, "Li Heng hanged himself but was saved by an old soldier.")
    assert ("suicide", "failed") in got


def test_an_act_not_undone_stays_asserted(nlp: Language) -> None:
    got = rows(nlp, "Li Heng hanged himself and died.")
    assert ("suicide", "asserted") in got


def test_a_title_repeated_by_its_caption_is_one_event(nlp: Language) -> None:
    text = ("Jin invasions of the Song\nJin invasions of the Song ©Anonymous\n"
            "In 1126 Li Heng attacked Luoyang.")
    assert types(nlp, text).count("attack") == 2  # the title once, and the sentence


def test_a_sentence_told_twice_stays(nlp: Language) -> None:
    text = "In 1126 Li Heng attacked Luoyang.\nIn 1126 Li Heng attacked Luoyang."
    assert types(nlp, text).count("attack") == 2
