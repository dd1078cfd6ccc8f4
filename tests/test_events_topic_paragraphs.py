"""A page about one person written one sentence per paragraph (a summary page): "he" at a
paragraph's start is the page's topic when the paragraph before names no other subject
(:meth:`pipeline.events.salience.Salience.carried`).

Invented sentences; entities given by hand; the session's model parses the trigger sentences."""

from __future__ import annotations

from test_events_campaign import run_paragraphs
from test_events_salience import actor1

from pipeline import api
from pipeline.records import EventRow

PAGE = [("Wang Bo", "PERSON", "Wang Bo"), ("Wang Rong", "PERSON", "Wang Rong"),
        ("Li Jun", "PERSON", "Li Jun"), ("Huaizhou", "PLACE", "Huaizhou"),
        ("Luzhou", "PLACE", "Luzhou"), ("Tang", "POLITY", "Tang")]


def test_a_name_inside_a_phrase_of_a_he_paragraph_is_not_handed_on(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Wang Bo",
        "Wang Bo was a general of the Later Zhou.",
        "He was a grandson of Wang Rong, a minister of the Tang.",
        "In 955 he attacked Huaizhou."], PAGE)
    assert actor1(ev, "attack") == [("Wang Bo", "pronoun")]


def test_an_oblique_name_of_a_he_paragraph_is_not_handed_on(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Wang Bo",
        "Wang Bo was a general of the Later Zhou.",
        "In 960 he rode north with ten thousand horsemen under Li Jun.",
        "In 961 he attacked Huaizhou."], PAGE)
    assert actor1(ev, "attack") == [("Wang Bo", "pronoun")]


def test_the_topic_among_a_paragraphs_subjects_is_handed_on(
        resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Wang Bo",
        "Wang Bo was a general of the Later Zhou.",
        "In 958 Wang Bo defeated Li Jun, and Li Jun fled to Luzhou.",
        "In 961 he attacked Huaizhou."], PAGE)
    assert actor1(ev, "attack") == [("Wang Bo", "pronoun")]


def test_without_a_topic_the_last_subject_is_handed_on(resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "In 958 Wang Bo defeated Li Jun, and Li Jun fled to Luzhou.",
        "In 961 he attacked Huaizhou."], PAGE)
    assert actor1(ev, "attack") == [("Li Jun", "pronoun")]



def actor2(events: list[EventRow], kind: str) -> list[str]:
    return [e.actor2 for e in events if e.event_type == kind]


def test_he_after_him_is_not_the_subject_of_him_s_clause(resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Wang Bo served the court for twenty years. Later his enemies, headed by Li Jun, "
        "impeached him, and in 961 he was condemned as a traitor and beheaded."], PAGE)
    assert actor2(ev, "execution") in (["Wang Bo"], [""])
    assert "Li Jun" not in actor2(ev, "execution")


def test_he_after_a_named_subject_and_him_goes_on_with_him(resources: api.Resources) -> None:
    ev = run_paragraphs(resources, [
        "Wang Bo held Huaizhou for ten years. In 958 Li Jun attacked him, and he fled to "
        "Luzhou."], PAGE)
    assert actor1(ev, "flight") in ([("Wang Bo", "pronoun")], [("", "")])
