"""Rulers (rulers.csv), ethnonyms, romanizations and other name mechanisms, on invented text.

The component runs on a blank pipeline (no statistical model), so what is checked here is the
gazetteer/rule layer alone.
"""

from __future__ import annotations

import pytest

from pipeline.entities import extract_entities


def found(nlp, gaz, text):
    return {e.text: (e.label, e.canonical) for e in extract_entities(nlp(text), gaz)}


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    # title + temple name + dynasty, in the usual orders
    ("Emperor Taizong of Tang received the envoys.", "Emperor Taizong of Tang",
     "Emperor Taizong of Tang"),
    ("Taizong of the Tang Dynasty ruled well.", "Taizong of the Tang Dynasty",
     "Emperor Taizong of Tang"),
    ("Under Tang Taizong the empire grew.", "Tang Taizong", "Emperor Taizong of Tang"),
    ("Emperor Daozong of Liao Dynasty hunted.", "Emperor Daozong of Liao Dynasty",
     "Emperor Daozong of Liao"),
    # a temple name sanmiao knows but the hand-kept lexicon does not
    ("Zhuangzong of the Later Tang loved actors.", "Zhuangzong of the Later Tang",
     "Li Cunxu"),
    # posthumous names; Han names in 孝 ("Xiaowu") also without it
    ("Emperor Wen of Sui unified the country.", "Emperor Wen of Sui", "Emperor Wen of Sui"),
    ("Emperor Wu of Han sent envoys west.", "Emperor Wu of Han", "Emperor Wu of Han"),
    # "the X Emperor" with X an era of the ruler's reign (also one sanmiao's ruler table lacks)
    ("The Yongle Emperor sent fleets abroad.", "Yongle Emperor", "Yongle Emperor"),
    ("The Zhengtong Emperor was captured.", "Zhengtong Emperor", "Emperor Yingzong of Ming"),
    ("The Qianlong Emperor wrote poems.", "Qianlong Emperor", "Qianlong Emperor"),
    # a persons.csv row of the same person gives the canonical: era form and personal name link
    ("The Hongwu Emperor founded the dynasty.", "Hongwu Emperor", "Zhu Yuanzhang"),
])
def test_rulers_get_one_canonical_per_reign(blank, gaz, text, mention, canonical):
    assert found(blank, gaz, text)[mention] == ("PERSON", canonical)


def test_bare_temple_name_resolved_by_the_dynasties_of_the_text(blank, gaz):
    text = "The Song court was divided. Shenzong appointed new ministers."
    assert found(blank, gaz, text)["Shenzong"] == ("PERSON", "Emperor Shenzong of Song")
    text = "The Ming court was divided. Shenzong did not attend audiences."
    assert found(blank, gaz, text)["Shenzong"] == ("PERSON", "Wanli Emperor")


def test_ambiguous_ruler_keeps_its_text_as_canonical(blank, gaz):
    # Shenzong of Song, of Ming, of Western Xia ...: no dynasty in the text, no guess
    assert found(blank, gaz, "Shenzong appointed new ministers.")["Shenzong"] == \
        ("PERSON", "Shenzong")


def test_era_name_is_no_place_by_its_ending(blank, gaz):
    # "Zhenguan" ends like a place name ("-guan" pass) but is an era name
    got = found(blank, gaz, "In the Zhenguan era the roads were safe.")
    assert "Zhenguan" not in got


@pytest.mark.parametrize(("text", "mention", "label"), [
    # surname + hyphenated Wade–Giles given name, with aspirates and Giles's diacritics
    ("Wang Ts'ung-k'o fled north.", "Wang Ts'ung-k'o", "PERSON"),
    ("An ally of Kao Sêng-ju, he was exiled.", "Kao Sêng-ju", "PERSON"),
    ("Son of Chang Ssŭ-yüan, he reigned briefly.", "Chang Ssŭ-yüan", "PERSON"),
    # a hyphenated Wade–Giles name with an administrative ending is a place
    ("He was banished to Ming-chou in the south.", "Ming-chou", "PLACE"),
])
def test_wade_giles_hyphenated_names(blank, gaz, text, mention, label):
    assert found(blank, gaz, text)[mention][0] == label


def test_english_word_before_hyphenated_place_is_no_surname(blank, gaz):
    got = found(blank, gaz, "In Ho-nan the harvest failed.")
    assert not any(label == "PERSON" for label, _ in got.values())


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    ("After the fall of the T'ang dynasty the north was divided.", "T'ang dynasty", "Tang"),
    ("He served the Later T'ang dynasty.", "Later T'ang dynasty", "Later Tang"),
    ("The war with the Mongolian Empire went on.", "Mongolian Empire", "Mongol"),
])
def test_polity_widened_by_suffix_and_qualifier(blank, gaz, text, mention, canonical):
    assert found(blank, gaz, text)[mention] == ("POLITY", canonical)


def test_qualifier_without_such_polity_is_left_out(blank, gaz):
    # "Former Ming" is no polity of the gazetteer: only "Ming" is tagged
    got = found(blank, gaz, "The envoy praised the Former Ming court.")
    assert "Former Ming" not in got and got["Ming"] == ("POLITY", "Ming")


def _with_model_ents(nlp, gaz, text, spans):
    """extract_entities on a doc whose ``ents`` are set by hand as a model would set them."""
    from spacy.tokens import Span
    doc = nlp(text)  # the gazetteer component first, then the hand-set "model" entities
    words = [t.text for t in doc]
    doc.set_ents([Span(doc, words.index(w), words.index(w) + 1, label=lab) for w, lab in spans],
                 default="unmodified")
    return {e.text: (e.label, e.canonical) for e in extract_entities(doc, gaz)}


def test_ethnonym_used_as_adjective_is_a_polity(blank, gaz):
    got = _with_model_ents(blank, gaz, "The Iranian merchants met Vietnamese envoys in Iran.",
                           [("Iranian", "GPE"), ("Vietnamese", "GPE"), ("Iran", "GPE")])
    assert got["Iranian"][0] == "POLITY" and got["Vietnamese"][0] == "POLITY"
    assert got["Iran"][0] == "PLACE"  # the country itself stays a place


def test_chinese_place_ending_like_a_demonym_stays_a_place(blank, gaz):
    got = _with_model_ents(blank, gaz, "The Fujian merchants sailed.", [("Fujian", "GPE")])
    assert got["Fujian"][0] == "PLACE"


def test_place_abroad_taken_for_a_person_is_a_place(blank, gaz):
    got = _with_model_ents(blank, gaz, "The envoy reached Samarkand in spring.",
                           [("Samarkand", "PERSON")])
    assert got["Samarkand"][0] == "PLACE"


def test_gloss_keeps_a_capitalised_generic_word():
    from pipeline.entities.extract import demonym_place
    places = frozenset({"Iran", "Tibet", "Korea", "Japan", "Turkey", "Persia"})
    assert [demonym_place(w, places) for w in
            ("Iranian", "Tibetan", "Korean", "Japanese", "Turkish", "Persian", "Fujian")] == \
        ["Iran", "Tibet", "Korea", "Japan", "Turkey", "Persia", ""]


def test_gloss_name_with_english_generic_word(blank, gaz):
    got = found(blank, gaz, "It reached Kashgar (today's Persian Gulf coast) at last.")
    assert got.get("Persian Gulf", ("",))[0] == "PLACE"


def test_name_syllable_translated_as_mountain_is_the_person(blank, gaz):
    # invented: "Wang Zhishan" machine-translated as "Wang Zhi Mountain"
    got = _with_model_ents(blank, gaz, "Wangzhishan rebelled . Wang Zhi Mountain fled .",
                           [("Wangzhishan", "PERSON")])
    assert got["Wang Zhi Mountain"] == ("PERSON", "Wangzhishan")


def test_a_real_mountain_stays_a_place(blank, gaz):
    got = found(blank, gaz, "The army climbed Tai Mountain at dawn.")
    assert got["Tai Mountain"][0] == "PLACE"


def test_bare_first_name_of_a_foreign_person_repeats(blank, gaz):
    text = "Batu Tayisi raided the frontier . Later Batu laid siege ."
    got = [(e.text, e.label, e.canonical) for e in extract_entities(
        _doc_with(blank, text, [("Batu", "Tayisi")]), gaz)]
    assert ("Batu", "PERSON", "Batu Tayisi") in got
    assert [r[0] for r in got] == ["Batu Tayisi", "Batu"]  # in text order


def test_chinese_surname_alone_is_not_repeated(blank, gaz):
    text = "Wang Zhen led the army . Wang fled ."  # "Wang" alone may be anyone
    got = [e.text for e in extract_entities(_doc_with(blank, text, [("Wang", "Zhen")]), gaz)]
    assert "Wang" not in got


def _doc_with(nlp, text, names):
    from spacy.tokens import Span
    doc = nlp.make_doc(text)
    words = [t.text for t in doc]
    doc.ents = [Span(doc, words.index(a), words.index(a) + 2, label="PERSON") for a, _ in names]
    return doc


def test_courtesy_and_art_names_are_persons(blank, gaz):
    got = found(blank, gaz, "He styled himself Mingyuan and took the art name of Qingshan.")
    assert got["Mingyuan"][0] == "PERSON" and got["Qingshan"][0] == "PERSON"
    # machine translations (fresh report 6 #39): 號 as "number", 諡 as "the nickname"
    got = found(blank, gaz, "Zhang Juzheng, number Taiyue, was given the nickname Wenzhong.")
    assert got["Taiyue"][0] == "PERSON" and got["Wenzhong"][0] == "PERSON"


def test_era_after_a_name_phrase_is_no_person(blank, gaz):
    got = found(blank, gaz, "The reign was also known as Zhenguan.")
    assert got.get("Zhenguan", ("",))[0] != "PERSON"


@pytest.mark.parametrize("text", [
    "He was born in 755 A.D. on the day Jiaxu.",
    "In 221 B.C. the state of Qin unified the realm, in the year Gengchen.",
])
def test_dates_are_no_names(blank, gaz, text):
    got = found(blank, gaz, text)
    assert not ({"A.D", "A.D.", "B.C", "B.C.", "Jiaxu", "Gengchen"} & set(got))


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    ("Emperor Hui-tsung of Sung was captured.", "Emperor Hui-tsung of Sung", "Zhao Ji"),
    ("Kao-tsung of the Sung fled south.", "Kao-tsung of the Sung", "Zhao Gou"),
    ("The K'ang-hsi Emperor toured the south.", "K'ang-hsi Emperor", "Kangxi Emperor"),
    ("The Sung court was split; Shen-tsung wanted reform.", "Shen-tsung",
     "Emperor Shenzong of Song"),
])
def test_wade_giles_rulers(blank, gaz, text, mention, canonical):
    assert found(blank, gaz, text)[mention] == ("PERSON", canonical)


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    ("Yeh-lü Ta-shih fled west.", "Yeh-lü Ta-shih", "Yelü Dashi"),
    ("Yelyu Dashi fled west.", "Yelyu Dashi", "Yelü Dashi"),
    ("The Nüzhen rose; the Nyuzhen won.", "Nyuzhen", "Jurchen"),
])
def test_u_umlaut_spellings(blank, gaz, text, mention, canonical):
    assert found(blank, gaz, text)[mention][1] == canonical


def test_hyphenated_word_that_is_no_ruler_is_left_alone(blank, gaz):
    got = found(blank, gaz, "The Mo-tsung monks chanted.")  # no ruler has this name
    assert "Mo-tsung" not in got


def test_era_excluded_as_a_date_still_names_its_emperor(blank, gaz):
    text = "The Zhengtong Emperor was captured. In Zhengtong 14 the army fled."
    first = text.index("Zhengtong")
    second = text.index("Zhengtong", first + 1)
    excl = [(first, first + 9), (second, second + 9)]
    rows = [(e.text, e.label) for e in extract_entities(blank(text), gaz, exclude=excl)]
    assert ("Zhengtong Emperor", "PERSON") in rows
    assert not any(t == "Zhengtong" for t, _ in rows)


def test_bare_ruler_takes_the_nearest_dynasty(blank, gaz):
    text = ("The Liao sent envoys. Cao Bin of the Song Dynasty took Jinling; "
            "Emperor Taizu was pleased.")
    assert found(blank, gaz, text)["Emperor Taizu"] == ("PERSON", "Emperor Taizu of Song")


def test_model_name_starting_with_a_cyclical_term_is_dropped(blank, gaz):
    from spacy.tokens import Span
    doc = blank("In the Jiashen May the city fell to Li Zicheng .")
    words = [t.text for t in doc]
    k = words.index("Jiashen")
    doc.set_ents([Span(doc, k, k + 2, label="PERSON")], default="unmodified")
    assert "Jiashen May" not in {e.text for e in extract_entities(doc, gaz)}
