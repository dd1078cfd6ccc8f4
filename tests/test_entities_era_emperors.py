"""Emperors named by their era in Wade–Giles or a 19th-century spelling ("Emperor Tao Kwang",
"the Keen Lung Emperor", Giles's "K'ang-hsi") link to the era-named emperor of rulers.csv
(fresh report 5: "Emperor Tao Kwang" was King Dao of Chu, "Emperor Kang Hsi" Kang)."""

from __future__ import annotations

import pytest

from pipeline.entities import extract_entities
from pipeline.entities.era_emperors import (
    era_emperor,
    gazetteer_era_emperors,
    old_syllables,
    syllable_readings,
)


def found(nlp, gaz, text):
    return {e.text: (e.label, e.canonical) for e in extract_entities(nlp(text), gaz)}


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    ("In 1835 the Emperor Tao Kwang appointed Chang Ling.", "Emperor Tao Kwang",
     "Daoguang Emperor"),
    ("Emperor Taokwang recalled him to Peking.", "Emperor Taokwang", "Daoguang Emperor"),
    ("The Tao Kwang Emperor died in 1850.", "Tao Kwang Emperor", "Daoguang Emperor"),
    ("Emperor Kang Hsi took Formosa in 1683.", "Emperor Kang Hsi", "Kangxi Emperor"),
    ("Emperor Kia King succeeded in 1796.", "Emperor Kia King", "Jiaqing Emperor"),
    ("Emperor Hien Fung fled to Jehol.", "Emperor Hien Fung", "Xianfeng Emperor"),
    ("Emperor Tung Chi died in 1875.", "Emperor Tung Chi", "Tongzhi Emperor"),
    ("Emperor Kwang Su was placed on the throne.", "Emperor Kwang Su", "Guangxu Emperor"),
    ("The Emperor Kien-lung ordered a survey.", "Emperor Kien-lung", "Qianlong Emperor"),
    # Amiot's French spelling (-ong for -ung)
    ("The Emperor Kien-long ordered a survey.", "Emperor Kien-long", "Qianlong Emperor"),
    # pinyin stays with the ruler index (same answer)
    ("Emperor Daoguang banned opium.", "Emperor Daoguang", "Daoguang Emperor"),
])
def test_era_named_emperor_in_old_spellings(blank, gaz, text, mention, canonical):
    assert found(blank, gaz, text)[mention] == ("PERSON", canonical)


def test_model_person_named_by_an_old_era_spelling(blank, gaz):
    """A name the statistical model tagged (Boulger's bare "Keen Lung") takes the emperor."""
    text = "In 1759 Keen Lung completed the conquest."
    doc = blank(text)
    span = doc.char_span(8, 17, label="PERSON")
    doc.set_ents([span], default="unmodified")
    rows = {e.text: e.canonical for e in extract_entities(doc, gaz)}
    assert rows["Keen Lung"] == "Qianlong Emperor"


def test_readings_of_old_syllables():
    old = old_syllables(["kwang=kuang", "su=hsü", "bad"])
    assert old == {"kwang": ("kuang",), "su": ("hsü",)}
    assert syllable_readings("Kwang", old) == {"guang", "kuang"}
    assert "xu" in syllable_readings("Su", old)
    assert syllable_readings("Hsi", {}) == {"xi"}


def test_only_one_emperor_or_none(gaz):
    keys, old = gazetteer_era_emperors(gaz)
    assert era_emperor(["Tao", "Kwang"], keys, old) == ("Daoguang Emperor", False)
    assert era_emperor(["Kang", "Hsi"], keys, old) == ("Kangxi Emperor", True)
    # "Kia Tsing" reads as Jiajing and as Jiaqing: no guess
    assert era_emperor(["Kia", "Tsing"], keys, old) == ("", False)
    # personal names and one-syllable names are no eras
    for name in (["Chang", "Ling"], ["Tao"], ["Li", "Kuang"], ["Wang", "Mang"]):
        assert era_emperor(name, keys, old) == ("", False)


def test_title_phrase_is_an_office_not_a_place():
    from pipeline.entities.name_checks import title_phrase
    offices = {"marshal", "administrator", "viceroy"}
    titles = {"grand", "great", "emperor", "king"}
    assert title_phrase("Grand Marshal", offices, titles)
    assert title_phrase("Grand Administrator", offices, titles)
    assert not title_phrase("Great Britain", offices, titles)
    assert not title_phrase("Grand", offices, titles)
    assert not title_phrase("Marshal Grand", offices, {"king"})


def test_model_person_in_wade_giles_takes_the_emperor(blank, gaz):
    """Giles: "succeeded by his fourth son, Yung Chêng" (the model's PERSON)."""
    text = "He was succeeded by his fourth son, Yung Chêng."
    doc = blank(text)
    s = text.index("Yung")
    doc.set_ents([doc.char_span(s, s + 10, label="PERSON")], default="unmodified")
    rows = {e.text: e.canonical for e in extract_entities(doc, gaz)}
    assert rows["Yung Chêng"] == "Yongzheng Emperor"


def test_grand_offices_of_the_lexicon_are_no_places(blank, gaz):
    """fresh report 11 (#9): "the Grand Tutor raised a great dyke" (ZZTJ), "the Grand
    Historiographer" (Giles): the model's PLACE is an office (``person_before`` nouns)."""
    text = "The Grand Tutor raised a great dyke at Dongxing. The Grand Canal was dug."
    doc = blank(text)
    ents = [doc.char_span(text.index(w), text.index(w) + len(w), label="PLACE")
            for w in ("Grand Tutor", "Grand Canal")]
    doc.set_ents(ents, default="unmodified")
    places = {e.text for e in extract_entities(doc, gaz) if e.label == "PLACE"}
    assert "Grand Tutor" not in places and "Grand Canal" in places
    from pipeline.entities.name_checks import title_phrase
    offices = {w.lower() for w in gaz.words("person_before")}
    titles = {w.lower() for t in gaz.words("person_title") for w in t.split()}
    for office in ("Grand Historiographer", "Grand Commandant", "Grand Guardian"):
        assert title_phrase(office, offices, titles), office
