"""Name mechanisms of issue 9 on short invented sentences: clans in any split, lower-case
titles, typographic apostrophes, era-spelling names, common nouns before a place suffix,
religions, and the clean-up of statistical-model names (simulated by preset ``doc.ents``).
"""

from __future__ import annotations

import pytest

from pipeline.entities import extract_entities
from pipeline.entities.pinyin import is_real_syllable
from pipeline.entities.tables import clan_key


def found(nlp, gaz, text):
    return {e.text: (e.label, e.canonical) for e in extract_entities(nlp(text), gaz)}


def with_model_ent(nlp, gaz, text, mention, label):
    """Rows when a statistical model had tagged ``mention`` with ``label`` (no canonical)."""
    doc = nlp(text)
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention), label=label)
    doc.set_ents([span], default="unmodified")
    return {e.text: e.label for e in extract_entities(doc, gaz)}


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    # a clan surname of the lexicon written in any split or case, plus a given name
    # (the persons.csv row "Nurhaci" lists "Aixinjueluo Nurhaci": its canonical)
    ("The founder, Ai XinJueluo Nurhaci, rose.", "Ai XinJueluo Nurhaci", "Nurhaci"),
    ("Ai Xinjue Luo Nurhaci rose.", "Ai Xinjue Luo Nurhaci", "Nurhaci"),
    ("Yelv Dashi fled west.", "Yelv Dashi", "Yelü Dashi"),
    ("Wan Yan Zonghan attacked.", "Wan Yan Zonghan", "Wanyan Zonghan"),
    # a title in lower case, before a pinyin or a Wade–Giles temple name
    ("After the death of emperor ningzong of Song Dynasty, he ruled.",
     "emperor ningzong of Song Dynasty", "Zhao Kuo"),
    ("This was emperor T’ai-tsung of the Liao.", "emperor T’ai-tsung of the Liao",
     "Emperor Taizong of Liao"),
    # surname + hyphenated Wade–Giles given name with the finals -uei and -ueh (kuei = gui)
    ("In 1673 Wu San-kuei rebelled in Yunnan.", "Wu San-kuei", "Wu Sangui"),
    ("Later Chang Hsüeh-liang and Li Yueh-hua came.", "Li Yueh-hua", "Li Yuehua"),
])
def test_person_spellings(blank, gaz, text, mention, canonical):
    label, canon = found(blank, gaz, text)[mention]
    assert label == "PERSON"
    assert canon == (canonical or mention)


def test_clan_key_folds_splits_case_and_u_umlaut():
    assert clan_key("Ai XinJueluo") == clan_key("Aixinjueluo") == "aixinjueluo"
    assert clan_key("Yelv") == clan_key("Yelü") == "yelu"


def test_typographic_apostrophe_in_places_and_book_titles(blank, gaz):
    got = found(blank, gaz, "He fled to K’ai-feng (Tzu-chih t’ung-chien 12).")
    assert got["K’ai-feng"] == ("PLACE", "Kaifeng")
    assert not any("t’ung" in m for m in got)  # a book title is no name


def test_surname_and_given_name_spelling_a_pinyin_era_is_the_era(blank, gaz):
    got = found(blank, gaz, "Shao Sheng returned. Zhang Heng built it.")
    assert "Shao Sheng" not in got  # 紹聖, an era of Song Zhezong
    assert got["Zhang Heng"][0] == "PERSON"
    assert is_real_syllable("Sheng") and not is_real_syllable("Ho")


def test_name_the_text_writes_in_lower_case_is_no_place(blank, gaz):
    got = found(blank, gaz, "He was a wanhu of the Wanhu Province. Xingguo County fell.")
    assert "Wanhu Province" not in got  # 萬戶, a rank
    assert got["Xingguo County"][0] == "PLACE"


@pytest.mark.parametrize(("text", "mention", "label", "expected"), [
    ("The Shingon school grew.", "Shingon", "GPE", None),  # a school of Buddhism
    ("It began the Sima clan's rise.", "Sima", "PERSON", None),  # a family, no person
    ("The Li regime in Xiazhou rebelled.", "Li", "PERSON", None),
    ("Taihe Chongbao - The Rule of Law.", "Taihe Chongbao - The Rule", "PERSON", None),
    ("As Sun Tzu wrote, war is deceit.", "Sun Tzu", "GPE", "PERSON"),
    ("Then Sima spoke.", "Sima", "PERSON", "PERSON"),  # a name alone stays
])
def test_model_names_cleaned(blank, gaz, text, mention, label, expected):
    got = with_model_ent(blank, gaz, text, mention, label)
    assert got.get(mention) == expected


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    # Wade–Giles linked to pinyin through pypinyin's syllable tables
    ("Ssu-ma Kuang wrote the chronicle.", "Ssu-ma Kuang", "Sima Guang"),  # clan in WG
    ("Li K’o-yung fought on.", "Li K’o-yung", "Li Keyong"),  # surname + WG given name
    ("Then Chu Wên usurped the throne.", "Chu Wên", "Zhu Wen"),  # a ruler's personal name
    ("Tsêng Kuo-fan rose.", "Tsêng Kuo-fan", None),  # Giles ê: the gazetteer's Zeng Guofan
])
def test_wade_giles_names_linked_to_pinyin(blank, gaz, text, mention, canonical):
    label, canon = found(blank, gaz, text)[mention]
    assert label == "PERSON"
    if canonical:
        assert canon == canonical
    else:
        assert canon != mention


def test_giles_u_breve_place(blank, gaz):
    assert found(blank, gaz, "Shensi and Ssŭch'uan were added.")["Ssŭch'uan"] == \
        ("PLACE", "Sichuan")


def test_wade_giles_syllables():
    from pipeline.entities.wadegiles import pinyin_to_wg_key, wg_name_to_pinyin
    assert wg_name_to_pinyin("Hai Jui") == "Hai Rui"  # -ai stays -ai (pypinyin writes -ei)
    assert wg_name_to_pinyin("Lo-yang") == "Luoyang"  # the commoner of two readings
    assert wg_name_to_pinyin("Chu Wen") == "Zhu Wen"  # "chu" is zhu, not ju (chü)
    assert wg_name_to_pinyin("Smith") == ""
    assert pinyin_to_wg_key("Sima") == "ssuma"


def test_names_and_titles_broken_by_a_line_break(blank, gaz):
    got = found(blank, gaz, "The general Yue\nFei marched (Ts’e-fu\nyüan-kuei 12).\n\nSong\n\n"
                "Dynasty")
    assert got["Yue\nFei"] == ("PERSON", "Yue Fei")
    assert not any("fu" in m for m in got)  # a book title across the break is no name
    assert "Song\n\nDynasty" not in got  # a blank line is no line wrap
