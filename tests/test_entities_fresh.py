"""Fresh-user findings on entity typing, as short invented sentences: personal names made of
polity words, places the model calls persons, Wade–Giles compounds, postal spellings."""

from __future__ import annotations

import pytest

from pipeline.entities import extract_entities
from pipeline.entities.extract import _known_place_word
from pipeline.entities.rules import _far_apart


def found(nlp, gaz, text):
    return {e.text: (e.label, e.canonical) for e in extract_entities(nlp(text), gaz)}


def test_surname_and_distant_polity_is_a_person(blank, gaz):
    # Wei (220-557) and Qing (1616-1912) are centuries apart: no period pair, a person
    got = found(blank, gaz, "Emperor Wu sent Wei Qing against the Xiongnu.")
    assert got["Wei Qing"][0] == "PERSON"
    assert "Qing" not in got


@pytest.mark.parametrize("text", ["the Ming Qing period", "the Wei Jin era",
                                  "the Song Jin wars"])
def test_dynasty_pairs_stay_polities(blank, gaz, text):
    got = found(blank, gaz, f"Scholars of {text} wrote much.")
    first, second = text.split()[1:3]
    assert got[first][0] == got[second][0] == "POLITY"


def test_far_apart_needs_years_of_both(blank):
    words = blank.get_pipe("chronicle_gazetteer").tables.words
    assert _far_apart("Wei", "Qing", words)
    assert not _far_apart("Ming", "Qing", words)
    assert not _far_apart("Wei", "Nowhere", words)  # no years: not far apart


@pytest.mark.parametrize(("word", "known"), [
    ("Fancheng", True),      # a district of cpca and a CHGIS place
    ("Ningpo", True),        # postal spelling
    ("Tai-hu", True),        # hyphenated: its joined spelling is a county
    ("Yang", False),         # one syllable: a surname first
    ("Wei Qing", False),     # two words
    ("Nurhaci", False),
])
def test_known_place_word(gaz, word, known):
    assert _known_place_word(word, gaz) is known


def test_model_person_that_is_a_known_place_is_a_place(resources):
    got = found(resources.nlp, resources.gazetteer,
                "Guan Yu besieged Fancheng in 219, and Cao Ren held the city.")
    assert got["Fancheng"][0] == "PLACE"


def test_postal_spelling_is_a_place_with_its_current_name(blank, gaz):
    # the entity's canonical is the current name of the one city the spelling names
    assert found(blank, gaz, "The British fleet reached Ningpo in 1841.")["Ningpo"] == \
        ("PLACE", "Ningbo")
    assert gaz.postal_places["Ningpo"] == "Ningbo"


def test_wade_giles_compound_is_no_polity(blank, gaz):
    got = found(blank, gaz, "The rising began at Chin-t'ien village in Kwangsi.")
    assert got["Chin-t'ien village"][0] == "PLACE"
    assert "Chin" not in got
    # a capitalised second part is two names ("Sung-Chin"), an English word no syllable
    got = found(blank, gaz, "The Sung-Chin wars and Tang-era poems.")
    assert got["Chin"][0] == got["Tang"][0] == "POLITY"


def test_model_span_keeps_the_syllable_after_a_hyphen(resources):
    got = found(resources.nlp, resources.gazetteer,
                "Hung Hsiu-ch'üan gathered his followers at Chin-t'ien.")
    assert "Chin" not in got
    assert "Chin-t'ien" in got
    got = found(resources.nlp, resources.gazetteer,
                "Tseng captured Wu-ch'ang and Han-yang, and cleared the river.")
    assert "Han" not in got
    assert got["Han-yang"][0] == "PLACE"  # a known place (Hanyang) joined


@pytest.mark.parametrize(("mention", "dropped"), [
    ("One Lash Law", True),       # "law" is written in lower case in the text
    ("Robert Hart", False),       # no word of it is
    ("Wang Law", True),
    ("Sun Quan", False),          # syllables never count
    ("General Yue", False),       # a title word is no common noun
])
def test_common_noun_names(mention, dropped):
    from pipeline.entities.extract import _common_noun_name

    lower = {"the", "law", "was", "general", "sun"}
    assert _common_noun_name(mention, lower, {"general"}) is dropped


def test_english_phrases_are_no_persons():
    from pipeline.entities.extract import _english_phrase

    english = {"lash": True, "law": False, "jump": True, "robert": False, "hart": False,
               "frederick": False, "ward": True, "general": False, "long": True}
    assert _english_phrase("Lash Law", english, set())
    assert _english_phrase("Jump", english, set())
    assert not _english_phrase("Robert Hart", english, set())      # a noun first
    assert not _english_phrase("Frederick Ward", english, set())
    assert not _english_phrase("Long Yun", english, set())         # "Yun" is no English
    assert not _english_phrase("Lash Law", None, set())            # no table: nothing


def test_english_word_table_comes_from_the_model(resources):
    from pipeline.entities.component import english_words
    from pipeline.entities.extract import _english_for

    table = english_words(resources.nlp)
    assert table["lash"] is True and table["robert"] is False
    assert _english_for(resources.nlp.vocab) == table  # registered by the component


def test_carry_names_across_blocks():
    from pipeline.entities import carry_names
    from pipeline.records import EntityRow

    seen: dict[str, tuple[str, str]] = {}
    first = [EntityRow("d", 1, 0, 7, "Nurhaci", "PERSON", "Nurhaci", "gazetteer")]
    later = [EntityRow("d", 2, 50, 57, "Nurhaci", "PLACE", "Nurhaci", "model"),
             EntityRow("d", 2, 60, 63, "Liu", "PLACE", "Liu", "model")]
    assert carry_names(first, seen) == first
    out = carry_names(later, seen)
    assert out[0].label == "PERSON" and out[0].source == "model"
    assert out[1] == later[1]


def test_person_with_life_years_stays_whole(blank, gaz):
    # person_years.csv names persons too: "Zheng" is a state and a surname, "He" an English
    # word, yet the gazetteer's life span makes the two words one person
    got = found(blank, gaz, "The eunuch Zheng He led a fleet past Calicut.")
    assert got["Zheng He"] == ("PERSON", "Zheng He")
    assert "Zheng" not in got


def test_lifetime_entries_skip_names_persons_csv_spells(gaz):
    sources = {e.source.split(":")[0] for e in gaz.entries if e.alias == "Nurhaci"}
    assert sources == {"persons.csv"}
    assert any(e.source.startswith("person_years.csv") for e in gaz.entries
               if e.alias == "Zheng He")
