"""Recall by class of miss (invented sentences): taking power, proclamations and their
word-by-word translations, placing someone on a throne, reforms and their repeal, wars that
break out, purposes that are no event, edicts in the first person, and the form alternatives
of event_types.csv."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import brief, run

from pipeline.events.lexicon import expand_form


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song"), ("Japan", "POLITY", "Japan")]


def types(nlp: Language, text: str) -> list[str]:
    return [e.event_type for e in run(nlp, text, SPEC)]


def test_alternatives_expand_to_every_combination() -> None:
    assert expand_form("(took|taken) charge (of|)") == [
        "took charge of", "took charge", "taken charge of", "taken charge"]
    assert expand_form("Weighs  (the |)Emperor") == ["weighs the emperor", "weighs emperor"]
    with pytest.raises(ValueError, match="unbalanced"):
        expand_form("(took charge")
    with pytest.raises(ValueError, match="more than"):
        expand_form("(a|b|c|d|e|f|g|h) " * 4)


@pytest.mark.parametrize("text,kind", [
    # taking power
    ("When his regent died, Li Heng began to govern.", "office"),
    ("In that year Li Heng assumed the government of the empire.", "office"),
    ("Li Heng took the reins of government.", "office"),
    ("Later Li Heng took charge of Luoyang.", "office"),
    # proclamations, in English and in word-by-word translation (稱帝, 稱汗)
    ("Li Heng was called Khan in Luoyang.", "proclamation"),
    ("Li Heng weighed the Supreme Being in Luoyang.", "proclamation"),
    ("Li Heng called himself emperor.", "proclamation"),
    ("Li Heng took the title of king.", "proclamation"),
    # placing someone on the throne; naming an heir
    ("Li Heng was supported by Wang Dao as emperor.", "enthronement"),
    ("The Jin set up Li Heng as emperor.", "enthronement"),
    ("Wang Dao established Li Heng as crown prince.", "appointment"),
    # reforms, edicts and their repeal
    ("Li Heng proclaimed a large number of reforms.", "reform"),
    ("Li Heng proclaimed an amnesty.", "decree"),
    ("Li Heng took reform measures.", "reform"),
    ("Wang Dao revoked his edicts.", "abolition"),
    # nouns and other verbs
    ("The seizure of Luoyang by the Jin shocked the court.", "capture_city"),
    ("Wang Dao deprived Li Heng of his power.", "dismissal"),
    ("Li Heng launched the Luoyang Incident.", "coup"),
    ("Li Heng pacified Luoyang.", "capture_city"),
    ("Li Heng led three thousand soldiers to guard the palace.", "garrison"),
    ("Li Heng cut a canal to Luoyang.", "construction"),
    ("The Song united with the Jin.", "alliance"),
    # word-by-word translations: 即位, 遷都, 賜死, 討伐, 冊封/封, 稱臣, 平定
    ("Li Heng ascended throne in Luoyang.", "enthronement"),
    ("Li Heng moved capital to Luoyang.", "capital_move"),
    ("Wang Dao was granted death.", "execution"),
    ("Li Heng crusaded against the Jin.", "attack"),
    ("Li Heng canonized his son as Prince of Luoyang.", "appointment"),
    ("Li Heng sealed his brother as king.", "appointment"),
    ("Li Heng called himself a vassal of the Jin.", "surrender"),
    ("Li Heng calmed down the rebellion.", "defeat"),
    # a war that breaks out or occurs
    ("The war between the Song and the Jin broke out.", "battle"),
    ("Then occurred the disastrous war with Japan.", "battle"),
])
def test_class_yields_its_type(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text)


@pytest.mark.parametrize("text", [
    # purposes
    "Li Heng set out for the conquest of Luoyang.",
    "Li Heng marched north in order to subdue the Jin.",
    "Li Heng marched north so as to recover Luoyang.",
    "Li Heng raised an army for the recovery of Luoyang.",
    # a name given, a heading, a war only mentioned
    "Li Heng styled himself Ruxian.",
    "War between Song and Jin",
    "The Jin lost many men in the war with the Song.",
    # a title of a supporter, a word with no object of its rows
    "Wang Dao supported the emperor.",
    "Li Heng launched a new currency.",
    "Li Heng announced his plans.",
    "Li Heng sealed the pass.",
    "Li Heng. Canonised as Zhuangzong.",
    "Li Heng calmed the people.",
])
def test_near_miss_is_no_event_of_the_class(nlp: Language, text: str) -> None:
    assert not {"capture_city", "defeat", "recovery", "proclamation", "battle", "enthronement",
                "coup", "reform", "decree", "appointment"} & set(types(nlp, text)), text


def test_a_rewarded_capture_and_a_purpose_infinitive_stay_events(nlp: Language) -> None:
    assert "capture_city" in types(nlp, "Li Heng was rewarded for the capture of Luoyang.")
    assert "defeat" in types(nlp, "Li Heng led his army north to subdue the Jin.")


def test_an_edict_in_the_first_person_is_an_event(nlp: Language) -> None:
    text = "We now confer on Li Heng the title of duke, and create him a Marquis."
    assert [e[0] for e in brief(run(nlp, text, SPEC))] == ["appointment", "appointment"]
    assert types(nlp, "The city lies on the river, and the king confers titles.") == []


@pytest.mark.parametrize("text,kind", [
    ("Li Heng oyerthrew the Sui dynasty.", "fall_of_state"),  # y for v
    ("The Jin army attaeked Luoyang.", "attack"),  # e for c
    ("In 928 Li Heng set himself np as emperor.", "proclamation"),  # n for u, in a phrase
])
def test_a_trigger_garbled_by_one_ocr_confusion_is_read(nlp: Language, text: str,
                                                        kind: str) -> None:
    assert kind in types(nlp, text)


@pytest.mark.parametrize("text", [
    "In 1850 the emperor lied.",  # a real word is never read as another ("died")
    "Li Heng met Tung Kuan.",  # a capitalised word is a name
])
def test_real_words_and_names_are_not_read_as_triggers(nlp: Language, text: str) -> None:
    assert types(nlp, text) == []


def test_deposing_a_ruler_is_a_coup_and_the_object_word_is_in_the_row(nlp: Language) -> None:
    (event,) = run(nlp, "Wang Dao deposed the emperor.", SPEC)
    assert event.event_type == "coup"
    text = "Li Heng proclaimed a large number of reforms."
    (event,) = run(nlp, text, SPEC)
    assert event.event_type == "reform" and event.text.endswith("reforms")
