"""Recall on machine-translated office changes and on lists, campaigns and censors (issue 8,
the heldout3 classes), with invented sentences: posts held ("served as", "became the minister
of"), a life lost, building and repair nouns, a law compiled or implemented, a censor's "said
that", list items after "such as:", named campaigns, a battle or reforms "made"/"launched" by
someone, a journey "made"; and the near misses each rule must leave alone."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import brief, run

from pipeline.events.lexicon import load_event_lexicon


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song")]


def types(nlp: Language, text: str) -> list[str]:
    return [e.event_type for e in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text,kind", [
    ("Li Heng successively served as prefect of Luoyang and minister of war.", "office"),
    ("In his later years, Li Heng became the minister of rites due to illness.", "office"),
    ("In the end, Wang Dao also lost his life.", "death"),
    ("Li Heng ordered the building of a new academy in Luoyang.", "construction"),
    ("The repair of the city walls of Xiangyang took three years.", "construction"),
    ("Li Heng set up the examinations of the capital.", "establishment"),
    ("The council ordered the bureau to compile the penal code.", "decree"),
    ("The memorials were forwarded by the censors of the court.", "memorial"),
    ("Wang Dao, an admonition official, said that Li Heng was corrupt.", "memorial"),
    ("Soon the censors said that Li Heng had a bad law.", "memorial"),
    ("In 1206 Wang Dao launched the Luoyang Northern Expedition against the Jin.",
     "battle_reference"),
    ("The Song and Jin sides launched a fierce battle near Xiangyang.", "battle"),
    ("During his reign, Li Heng made many significant reformations.", "reform"),
    ("Li Heng made a long journey to the Western Regions.", "movement"),
    ("Li Heng entroned in Luoyang on Dec.16.", "enthronement"),  # a dropped h: t for th
    ("Later Li Heng was changed to the prefect of Xiangyang.", "appointment"),  # 改知
])
def test_class_yields_its_type(nlp: Language, text: str, kind: str) -> None:
    assert kind in types(nlp, text), text


@pytest.mark.parametrize("text,kind", [
    ("The old temple served as a school for the village.", "office"),
    ("Wang Dao said that Li Heng was corrupt.", "memorial"),
    ("Li Heng took measures such as clarifying the administration of officials.", "reform"),
    ("The Expedition left Luoyang in spring.", "battle_reference"),
    ("Li Heng counted the war as one of his Three Great Campaigns.", "battle_reference"),
    ("Li Heng wrote a letter to Wang Dao.", "memorial"),
    ("Li Heng compiled a book of poems.", "decree"),
    ("The name of the city was changed to Luoyang.", "appointment"),
])
def test_near_miss_is_no_event_of_the_class(nlp: Language, text: str, kind: str) -> None:
    assert kind not in types(nlp, text), text


def test_each_item_after_such_as_is_an_event_of_the_umbrella_kind(nlp: Language) -> None:
    text = ("During his reign, Li Heng made many reformations, such as: unification of the "
            "weights and measures; encouragement of land reclamation, repair of the roads.")
    assert types(nlp, text) == ["reform", "reform", "reform", "construction"]
    words = [e.trigger for e in run(nlp, text, SPEC)]
    assert words[1:] == ["unification", "encouragement", "repair of"]


def test_a_named_campaign_is_its_own_name(nlp: Language) -> None:
    (event,) = [e for e in run(nlp, "Wang Dao then launched the Kaixi Northern Expedition.",
                               SPEC) if e.event_type == "battle_reference"]
    assert event.trigger == "Kaixi Northern Expedition"


def test_a_censor_names_the_accuser(nlp: Language) -> None:
    text = "Wang Dao, an admonition official, said that Li Heng was absent."
    assert brief(run(nlp, text, SPEC))[0][:2] == ("memorial", "Wang Dao")


def test_new_cue_kinds_are_read() -> None:
    lex = load_event_lexicon()
    assert lex.cue("such as") == "list_opener" and lex.cue("ation") == "act_suffix"
    assert lex.cue("remonstrance") == "censor" and "expedition" in lex.campaign_heads
    assert lex.cue("expedition") == "mover"  # "the expedition returned": still a traveller
