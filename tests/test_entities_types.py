"""Non-places the model tags PLACE: pieces of words, title words; invented short inputs."""

from __future__ import annotations

import pytest

from pipeline.entities import extract_entities
from pipeline.entities.name_checks import broken_word, title_list_spans


def _span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


@pytest.mark.parametrize(("text", "word", "broken"), [
    ("They reached Jiangmen at dusk.", "Jiangm", True),      # a letter follows
    ("They reached Jiangmen at dusk.", "Jiangmen", False),
    ("He was styled KUANG-HStr. in the annals", "KUANG-HStr", True),  # mixed case (OCR)
    ("Envoys from the KWANG-SU court came.", "KWANG-SU", False),
    ("Envoys from McLeod Bay came.", "McLeod Bay", False),
])
def test_broken_word_without_english(text, word, broken):
    assert broken_word(text, *_span(text, word), None) is broken


def test_broken_word_split_by_a_line_break():
    english = {"arthur": False, "by": True, "the": True, "fleet": False}
    text = "the occupation of Port Ar thur by Russia"
    assert broken_word(text, *_span(text, "Port Ar"), english)
    text = "the fleet at Port Hamilton by Korea"
    assert not broken_word(text, *_span(text, "Port Hamilton"), english)


def test_title_list_spans():
    text = "His posthumous title is Jiandao, Beide and Dagong. He died in Lin'an."
    spans = title_list_spans(text, ("posthumous",))
    assert [text[s:e].strip(" ,") for s, e in spans] == ["Jiandao, Beide and Dagong"]
    assert title_list_spans("He went to Lin'an.", ("posthumous",)) == []
    assert title_list_spans(text, ()) == []


def test_title_words_are_no_places_but_known_places_stay(resources):
    text = ("In 1264 the emperor died in Lin'an. His posthumous title is Jiandao, Beide, "
            "Dagong, rejuvenation. The court later moved to Hangzhou.")
    got = {e.text: e.label for e in extract_entities(resources.nlp(text), resources.gazetteer)}
    assert got.get("Lin'an") == "PLACE"
    assert got.get("Hangzhou") == "PLACE"
    assert not {"Jiandao", "Beide", "Dagong"} & {t for t, lab in got.items() if lab == "PLACE"}


@pytest.mark.parametrize(("text", "name"), [
    ("In 1928 Chiang Kai-shek took Beijing.", "Chiang Kai-shek"),  # Chiang is also the Qiang
    ("Sun Yat-sen died in 1925.", "Sun Yat-sen"),
])
def test_hyphenated_given_name_makes_a_person(blank, gaz, text, name):
    got = {e.text: e.label for e in extract_entities(blank(text), gaz)}
    assert got.get(name) == "PERSON"
    assert name.split()[0] not in got


def test_hyphenated_place_after_a_polity_is_no_given_name(blank):
    from pipeline.entities.rules import _valid_rule
    words = blank.get_pipe("chronicle_gazetteer").tables.words
    assert _valid_rule("PERSON_HYG", ["Chiang", "Kai", "-", "shek"], words) == "PERSON"
    assert _valid_rule("PERSON_HYG", ["Sung", "Ho", "-", "nan"], words) is None  # Henan


def test_translated_syllable_spells_a_person_of_the_gazetteer(resources):
    # "Mountain" for 山 shan: "An Lu Mountain" is An Lushan of persons.csv, "Huang Mountain"
    # spells no person and stays a place
    text = "An Lu Mountain rebelled. Pilgrims climbed Huang Mountain."
    got = {e.text: (e.label, e.canonical)
           for e in extract_entities(resources.nlp(text), resources.gazetteer)}
    assert got["An Lu Mountain"] == ("PERSON", "An Lushan")
    assert got["Huang Mountain"][0] == "PLACE"



def test_english_named_regions_stay_places(resources):
    # English words led by an adjective are no place ("Supreme Being"), but a direction
    # word keeps an English-named region ("Western Regions", a model LOC)
    text = "Envoys from the Western Regions arrived at Chang'an in 60 BC."
    got = {e.text: e.label for e in extract_entities(resources.nlp(text), resources.gazetteer)}
    assert got["Western Regions"] == "PLACE"
