"""Recall on the dev4 classes (annals and MT pages, invented sentences): the "imperial
carriage" (車駕, the emperor on the move) as a mover, a city or island "taken"/"seized" named
by its common noun, an army "caught" (the decisive attack of a pursuit), a person "caught", two
sides "fighting each other"; "buried alive", "drowned", "was ordered to take his own life",
"fallen back", "sallied out", a bay reached, an army led out of or to a named place and
persons "brought" to one (the ``route`` anchor), two armies that "met", a mover with a time
phrase parsed as its object ("sailed the second time"), MT phrases of ruling (臨朝聽政
"listened to the government", 親政 "was in charge of the government personally"), 改元 "the
year was changed to", an accusation ("was accused of", as heldout3's impeachments); and the
near misses each row must leave alone."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events_recall_mt import types


@pytest.mark.parametrize("text,kind", [
    ("In the third month the imperial carriage reached Luoyang.", "movement"),
    ("On jisi the imperial carriage returned to the capital.", "movement"),
    ("In the fifth month Li Heng's fleet took the city by surprise.", "capture_city"),
    ("After a long siege the Jin took the city of Xiangyang.", "capture_city"),
    ("The invaders seized the island and built a camp.", "capture_city"),
    ("Wang Dao caught the retreating army at Xiangyang.", "attack"),
    ("The guards caught Li Heng at the gate.", "capture_person"),
    ("The Song and the Jin were fighting each other.", "battle"),
    ("Three thousand Jin soldiers were buried alive.", "killing"),
    ("The last Song emperor drowned at Xiangyang.", "death"),
    ("Li Heng was ordered to take his own life.", "execution"),
    ("By evening they had fallen back to Xiangyang.", "retreat"),
    ("The defenders sallied out and burned the siege towers.", "attack"),
    ("The fleet reached the bay on the 6th day.", "movement"),
    ("The two armies met at Xiangyang in the winter.", "battle"),
    ("The emperor in person led the Six Armies out of Luoyang.", "movement"),
    ("In August Li Heng led 300,000 infantry and cavalry from Luoyang to Xiangyang.",
     "movement"),
    ("Wang Dao captured the king and his family, brought them to Luoyang.", "movement"),
    ("In the same year Wang Dao sailed the second time.", "movement"),
    ("From then on the Empress Dowager went to the court and listened to the government.",
     "office"),
    ("In 491 the 24-year-old Li Heng was in charge of the government personally.", "office"),
    ("This was the first big thing after he took the power.", "office"),
    ("Li Heng ascended the throne, the year was changed to Yanxing.", "era_change"),
    ("In the twelfth month Wang Dao was accused of plotting to seize power.", "memorial"),
])
def test_dev4_class_found(parser_nlp: Language, text: str, kind: str) -> None:
    assert kind in types(parser_nlp, text)


@pytest.mark.parametrize("text,kind", [
    ("Li Heng took the seal of the city with him.", "capture_city"),
    ("Wang Dao caught a cold and stayed in Luoyang.", "attack"),
    ("The soldiers caught fire near Xiangyang.", "attack"),
    ("The carriage of silk was sent to Luoyang.", "movement"),
    ("Li Heng seized the opportunity to write a memorial.", "capture_city"),
    ("Wang Dao drowned himself in the river.", "death"),
    ("Both sides met to discuss peace at Luoyang.", "battle"),
    ("Wang Dao led 2,000 soldiers to attack the city.", "movement"),
    ("Li Heng led the troops bravely in the battle.", "movement"),
    ("The monk brought Buddhism to Japan.", "movement"),
    ("Li Heng returned the fields to the peasants.", "movement"),
    ("The eunuch Wang Dao was in charge of the troops at the gate.", "office"),
])
def test_dev4_near_miss_left_alone(parser_nlp: Language, text: str, kind: str) -> None:
    assert kind not in types(parser_nlp, text)
