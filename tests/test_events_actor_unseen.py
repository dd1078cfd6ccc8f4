"""Issue 8, actor1 on unseen text: implicit agents from the page heading and from earlier
events, OCR-cut sentences, qualified titles as written, causative passives, "against X",
and headings run into a sentence (invented sentences in the style of real pages)."""

from __future__ import annotations

import pytest
from event_rows import events, one

from pipeline import api
from pipeline.events.salience.heading import heading_ruler


def test_heading_ruler_reads_a_title_and_name() -> None:
    ruler, topic = heading_ruler("The Annals of King Sejong. Founder of a school\n\nX", 0, ())
    assert ruler is not None and ruler.canonical == "Sejong" and ruler.source == "parse"
    assert not topic
    ruler, topic = heading_ruler("2. Emperor Tu Duc (1848-1883)\nHe was born.", 10, ())
    assert ruler is not None and ruler.canonical == "Tu Duc" and ruler.start == 21 and topic


def test_heading_without_a_name_names_no_ruler() -> None:
    assert heading_ruler("Cao Fang, the Young Emperor of Wei, fled.", 0, ()) == (None, False)
    assert heading_ruler("The emperor of the east\nHe fled.", 0, ())[0] is None


@pytest.mark.parametrize("text, event_type, actor1, source", [
    # a bare title naming no one: the ruler the heading names
    ("The Annals of King Sejong\n\nThe king ordered Pak Ton to visit the capital in the "
     "spring.\n", "appointment", "Sejong", "pronoun"),
    # an agentless court act, no ruler or state found: the heading's ruler, low
    ("The Annals of King Sejong\n\nPak Ton and Yi Su were imprisoned because they did not "
     "pay the salaries.\n", "imprisonment", "Sejong", "implied"),
    # "the Emperor" after an enthronement: the one enthroned
    ("Kwang-sit was born in 1872, ascended the throne in 1875. In 1898 the Emperor "
     "proclaimed a large number of reforms.", "reform", "Kwang-sit", "pronoun"),
    # "After his death" in the entry on him
    ("2. Emperor Tu Duc (1848-1883)\nHe ruled for 35 years.\n\nAfter his death, his tablet "
     "was worshiped at the temple.\n", "death", "Tu Duc", "pronoun"),
])
def test_implicit_actor(text: str, event_type: str, actor1: str, source: str,
                        resources: api.Resources) -> None:
    row = one(text, resources, event_type)
    assert (row.actor1, row.actor1_source) == (actor1, source)
    if source == "implied":
        assert row.certainty == "low"


@pytest.mark.parametrize("text, actor1", [
    ("Kwang-sit ascended the throne in 1875. married in 1889, and assumed the government.",
     "Kwang-sit"),  # a sentence cut by a stray full stop keeps its subject
    ("Kwang-sit ascended the throne in 1875. The court was quiet. The harvest was poor.\n\n"
     "married in 1889, and assumed the government.", ""),  # not from further back
])
def test_lower_case_sentence_continues_the_one_before(text: str, actor1: str,
                                                      resources: api.Resources) -> None:
    assert one(text, resources, "office").actor1 == actor1


def test_qualified_title_naming_no_one_is_actor1_as_written(
        resources: api.Resources) -> None:
    text = ("In 1898 so sweeping were they that the Empress Dowager became alarmed, deposed "
            "the Emperor. revoked his edicts.")
    rows = events(text, resources)
    coup = next(e for e in rows if e.event_type == "coup")
    assert coup.actor1 == "Empress Dowager" and coup.actor1_source == "group"
    revoked = next(e for e in rows if e.trigger == "revoked")
    assert revoked.actor1 == "Empress Dowager"


def test_unnamed_actor_is_no_side_to_carry_on(resources: api.Resources) -> None:
    text = ("In 1898 the Empress Dowager deposed the Emperor. In 1900 the Boxer movement "
            "resulted in the murder of many missionaries.")
    row = next(e for e in events(text, resources) if e.trigger.startswith("murder"))
    assert row.actor1 != "Empress Dowager"


def test_causative_passive_with_an_apposition(resources: api.Resources) -> None:
    for text in ("Qin Hui had the general Yue Fei executed in 1142.",
                 "Gao Qiu had the consort Li Shishi executed."):
        row = one(text, resources, "execution")
        assert row.actor1 in ("Qin Hui", "Gao Qiu"), text
        assert row.actor2 in ("Yue Fei", "Li Shishi"), text


def test_causative_perfect_is_no_causative(resources: api.Resources) -> None:
    row = one("The general Han Shizhong had captured Yangzhou.", resources, "capture_city")
    assert row.actor1 == "Han Shizhong"


def test_rebellion_against_x_makes_x_the_target(resources: api.Resources) -> None:
    row = one("An armed rebellion against the Song broke out in 1120.", resources,
              "rebellion")
    assert row.actor1 == "" and row.actor2 == "Song"
    row = one("In 1120 Fang La rebelled against the Song.", resources, "rebellion")
    assert (row.actor1, row.actor2) == ("Fang La", "Song")


def test_heading_run_into_a_sentence_is_no_actor(resources: api.Resources) -> None:
    text = "Conquest of Song\nIn 1276 Bayan took Lin'an."
    row = next(e for e in events(text, resources) if e.trigger == "took")
    assert row.actor1 not in ("Conquest", "Song")


def test_who_after_a_place_phrase_is_the_person(resources: api.Resources) -> None:
    text = ("The farming began in 1793 by Chen Zhiren from Quanzhou, who formed the Lianji "
            "group.")
    row = next(e for e in events(text, resources) if e.trigger == "formed")
    assert row.actor1 == "Chen Zhiren"


def test_who_after_of_stays_on_the_name(resources: api.Resources) -> None:
    text = "The son of Li Keyong, who founded the Later Tang, fled."
    row = next(e for e in events(text, resources) if e.trigger == "founded")
    assert row.actor1 == "Li Keyong"


def test_by_agent_hung_inside_a_time_phrase(resources: api.Resources) -> None:
    text = ("The Taihe Temple was founded around the seventeenth year of the Jiaqing reign "
            "(1812) by the cultivator Wei Aguai at its site in Fuxing Village.")
    row = one(text, resources, "establishment")
    assert row.actor1 == "Wei Aguai"


def test_participle_with_a_by_agent_is_passive(resources: api.Resources) -> None:
    text = "The Gengshi Emperor was in turn overthrown by the Red Eyebrows in 25."
    row = next(e for e in events(text, resources) if e.trigger == "overthrown")
    assert "Gengshi" not in row.actor1  # the one overthrown is no agent
