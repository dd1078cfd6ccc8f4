"""Book titles, peoples, foreign hyphenated places, capitals and admin words, on invented text.

The component runs on a blank pipeline; "model" entities are set by hand where the model's
mistakes are what is checked (as in test_entities_names.py).
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.entities import extract_entities
from pipeline.entities.tables import BLOCK_LABEL, work_titles


def found(nlp, gaz, text):
    return {e.text: (e.label, e.canonical) for e in extract_entities(nlp(text), gaz)}


def with_model(nlp, gaz, text, spans):
    """extract_entities after hand-set "model" entities (word, or (first, last) words)."""
    doc = nlp(text)
    words = [t.text for t in doc]
    ents = []
    for w, label in spans:
        first, last = (w, w) if isinstance(w, str) else w
        i = words.index(first)
        ents.append(Span(doc, i, words.index(last, i) + 1, label=label))
    doc.set_ents(ents, default="unmodified")
    return {e.text: (e.label, e.canonical) for e in extract_entities(doc, gaz)}


def test_work_titles_include_spellings_derived_from_the_characters(gaz):
    titles = work_titles(gaz.source_dir)
    assert {"Zizhi Tongjian", "Tzu-chih T'ung-chien", "Hsin Wu-tai Shih", "Chiu T'ang-shu",
            "Shiji", "Shih-chi"} <= titles
    assert "Li Ji" not in titles  # 禮記 split reads as a person's name (Li Ji the general)


@pytest.mark.parametrize("text,title", [
    ("He quotes the Hsin Wu-tai shih 72:6a.", "Hsin"),
    ("See the Chiu T'ang-shu and the Tzu-chih t'ung-chien.", "Tzu"),
    ("Sima Guang wrote the Zizhi Tongjian.", "Zizhi"),
])
def test_book_titles_are_no_person(blank, gaz, text, title):
    got = found(blank, gaz, text)
    assert not any(k.startswith(title) for k in got), got


def test_a_title_is_kept_from_the_model(blank):
    doc = blank("Sima Qian wrote the Shiji in exile.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Shiji"] == \
        [("Shiji", BLOCK_LABEL)]  # preset spans are never overwritten by ner


def test_a_person_named_like_a_split_title_stays_a_person(blank, gaz):
    got = with_model(blank, gaz, "The general Zhou Li marched.", [(("Zhou", "Li"), "PERSON")])
    assert got.get("Zhou Li", ("",))[0] == "PERSON"


@pytest.mark.parametrize("text,mention,canonical", [
    ("The Han Chinese farmers stayed.", "Han Chinese", "Han Chinese"),  # polities.csv people
    ("Many Jurchen people moved south.", "Jurchen people", "Jurchen"),
    ("The Tangut people fled.", "Tangut", "Western Xia"),  # the ethnonym alone, as annotated
])
def test_ethnonym_with_chinese_or_people_is_a_polity(blank, gaz, text, mention, canonical):
    got = found(blank, gaz, text)
    assert got[mention] == ("POLITY", canonical) and len(got) == 1


def test_hyphenated_foreign_name_taken_for_a_person_is_a_place(blank, gaz):
    got = with_model(blank, gaz, "The ruins of Khara-Khoto lie in the desert.",
                     [(("Khara", "Khoto"), "PERSON")])
    assert got["Khara-Khoto"][0] == "PLACE"


def test_hyphenated_chinese_name_stays_a_person(blank, gaz):
    got = with_model(blank, gaz, "Then Mo-ho Tu-lu wrote.", [(("Mo", "lu"), "PERSON")])
    assert all(label == "PERSON" for label, _ in got.values())


def test_capitals_by_their_romanized_names(blank, gaz):
    got = found(blank, gaz, "Kublai built Dadu and kept Shangdu; Ogedei built Karakorum.")
    assert got["Dadu"] == ("PLACE", "Beijing")
    assert got["Shangdu"][0] == "PLACE" and got["Karakorum"][0] == "PLACE"


def test_a_dynasty_bound_place_alias_taken_for_a_person_is_a_place(blank, gaz):
    got = with_model(blank, gaz, "The court left Zhongdu that year.", [("Zhongdu", "PERSON")])
    assert got["Zhongdu"][0] == "PLACE"


def test_admin_words_without_a_name_are_no_place(blank, gaz):
    got = with_model(blank, gaz, "It lies in the Autonomous Region of Inner Mongolia.",
                     [(("Autonomous", "Region"), "GPE")])
    assert "Autonomous Region" not in got and got["Inner Mongolia"][0] == "PLACE"
    got = with_model(blank, gaz, "He went to the Prefecture at dawn.", [("Prefecture", "GPE")])
    assert "Prefecture" not in got


def test_sexagenary_year_after_an_article_is_no_name(blank, gaz):
    got = with_model(blank, gaz, "It happened in the Jiashen year.",
                     [(("the", "Jiashen"), "GPE")])
    assert not got


def test_hyphenated_spelling_with_capitals_after_the_hyphen(blank, gaz):
    got = found(blank, gaz, "The Tangut Hsi-Hsia state fought K'ai-Feng.")
    assert got["Hsi-Hsia"] == ("POLITY", "Western Xia") and got["K'ai-Feng"][1] == "Kaifeng"


def test_a_standard_encyclopedia_is_no_person(blank):
    doc = blank("The picture comes from the Sancai Tuhui of 1609.")
    assert [e.label_ for e in doc.ents if e.text == "Sancai Tuhui"] == [BLOCK_LABEL]


def test_the_yuan_capital_translated_by_meaning(blank, gaz):
    got = found(blank, gaz, "The Big capital covers an area of 60 li.")
    assert got["Big capital"] == ("PLACE", "Beijing")


def test_a_hyphenated_temple_name_names_no_dynasty_of_the_text(blank, gaz):
    # "Ming-tsung" (Later Tang Mingzong) does not make Ming a dynasty of the text
    got = found(blank, gaz, "Envoys from the Khitan reached the Later T'ang court; Ming-tsung "
                            "received them. Envoys from T'ai-tsung came again.")
    assert got["T'ai-tsung"] == ("PERSON", "Emperor Taizong of Liao")
