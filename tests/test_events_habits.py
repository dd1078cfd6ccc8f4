"""Precision on unseen pages (s11): a custom told with a recurrence ("every autumn", "again and
again"), a request with "for" ("asked for his execution"), a planned thing as a passive subject
("ordered a third invasion to be prepared") and the lines of a "See also" link list tell no
event (``gazetteer/modality_cues.csv``, :mod:`pipeline.events.habits`,
:mod:`pipeline.events.modality`, :mod:`pipeline.events.repeats`); each with the near miss its
rule must leave alone.

Invented sentences; entities given by hand; the session's model parses."""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_events import run
from test_events_campaign import run_paragraphs

from pipeline import api
from pipeline.events.habits import link_heading, load_modality_cues

SPEC = [("Li Heng", "PERSON", "Li Heng"), ("Wang Dao", "PERSON", "Wang Dao"),
        ("Luoyang", "PLACE", "Luoyang"), ("Xiangyang", "PLACE", "Xiangyang"),
        ("Jin", "POLITY", "Jin"), ("Song", "POLITY", "Song"), ("Liao", "POLITY", "Liao")]


@pytest.fixture(scope="module")
def nlp(parser_nlp: Language) -> Language:
    return parser_nlp


def types(nlp: Language, text: str) -> list[str]:
    return [e.event_type for e in run(nlp, text, SPEC)]


@pytest.mark.parametrize("text", [
    "From this time the Liao raided the border of the Song every autumn.",
    "Each year the Liao raided the border of the Song.",
    "The Liao raided the border of the Song year after year.",
    "Whoever held Xiangyang held the road, and so it was attacked again and again.",
])
def test_a_recurrence_tells_a_custom(nlp: Language, text: str) -> None:
    assert "attack" not in types(nlp, text)


@pytest.mark.parametrize("text", [
    "In the autumn of that year the Liao raided the border of the Song.",
    "The Liao raided the border of the Song again in 1042.",
    "Every year the Song paid silk to the Liao, and in 1042 the Liao attacked Xiangyang.",
])
def test_a_single_time_or_a_neighbouring_custom_keeps_the_event(nlp: Language,
                                                                 text: str) -> None:
    assert "attack" in types(nlp, text)


def test_a_request_for_an_act_is_no_act(nlp: Language) -> None:
    text = ("Wang Dao submitted a memorial saying that Li Heng had deceived the throne, and "
            "asked for his execution.")
    assert "execution" not in types(nlp, text)
    assert "execution" in types(nlp, "Wang Dao ordered the execution of Li Heng.")


def test_a_planned_invasion_is_no_invasion(nlp: Language) -> None:
    assert "attack" not in types(nlp, "Li Heng ordered a third invasion to be prepared, but "
                                      "he cancelled it.")
    assert "attack" not in types(nlp, "An invasion of the Liao was planned in 1280.")
    assert "attack" in types(nlp, "Li Heng ordered a third invasion of the Liao.")


def test_link_heading_forms() -> None:
    assert "see also" in load_modality_cues()["link_heading"]
    assert link_heading("See also[edit]") and link_heading("See also") \
        and link_heading("Further reading:")
    assert not link_heading("See also the siege of Xiangyang")


def test_a_see_also_list_names_pages(nlp: Language) -> None:
    text = ("In 1126 Li Heng attacked Luoyang.\n"
            "See also[edit]\n* Siege of Xiangyang\nBattle of Luoyang (1126)\n")
    assert types(nlp, text) == ["attack"]


def test_the_list_ends_at_a_sentence(nlp: Language) -> None:
    text = "See also\nSiege of Xiangyang\nIn 1127 Li Heng attacked Luoyang.\n"
    assert types(nlp, text) == ["attack"]


def test_a_list_after_its_heading_paragraph(resources: api.Resources) -> None:
    rows = run_paragraphs(resources, ["In 1126 Li Heng attacked Luoyang.", "See also",
                                      "Siege of Xiangyang\nBattle of Luoyang"], SPEC)
    assert [e.event_type for e in rows] == ["attack"]


def test_a_title_line_without_a_see_also_heading_stays(nlp: Language) -> None:
    text = "Notes[edit]\nSiege of Xiangyang\nIn 1127 Li Heng attacked Luoyang.\n"
    assert types(nlp, text) == ["battle_reference", "attack"]


@pytest.mark.parametrize("text", [
    "The Jin garrison abandoned the forts of Xiangyang.",
    "The garrison of Luoyang surrendered.",
    "Li Heng, the commander of the Luoyang garrison, died defending the walls.",
])
def test_a_garrison_named_is_the_soldiers(nlp: Language, text: str) -> None:
    assert "garrison" not in types(nlp, text)


@pytest.mark.parametrize("text", [
    "Li Heng left a garrison at Xiangyang.",
    "In the spring Li Heng garrisoned Luoyang with three thousand men.",
])
def test_a_garrison_posted_stays(nlp: Language, text: str) -> None:
    assert "garrison" in types(nlp, text)


@pytest.mark.parametrize("text", [
    "Wang Dao cut off one of his fingers in protest.",
    "Wang Dao cut off her right hand and placed it in the coffin.",
])
def test_a_body_part_cut_off_is_no_blockade(nlp: Language, text: str) -> None:
    assert "blockade" not in types(nlp, text)


def test_a_road_cut_off_is_a_blockade_and_heads_a_killing(nlp: Language) -> None:
    assert "blockade" in types(nlp, "Li Heng cut off the road to Luoyang.")
    assert "killing" in types(nlp, "Li Heng cut off the heads of Wang Dao and his sons.")
