"""A romanized name with its Chinese characters after it (old dictionaries' headwords)."""

from pipeline.entities.headwords import add_headword_persons, checked_pinyin, headword_names


def test_characters_check_the_reading():
    assert checked_pinyin("TU MU", "杜牧") == "Du Mu"
    assert checked_pinyin("Ou-yang Hsiu", "歐陽修") == "Ouyang Xiu"
    assert checked_pinyin("HO YEN", "霍光") == ""  # the characters spell another name
    assert checked_pinyin("Li", "李廣") == ""  # one syllable for two characters


def test_giles_o_for_uo_and_aspiration_kept():
    assert checked_pinyin("Kuo Tzŭ-i", "郭子儀") == "Guo Ziyi"
    assert checked_pinyin("CH'ANG LU", "昌盧") == "Chang Lu"  # 昌 is ch'ang, not zhang


def test_headwords_in_running_text():
    text = "Emperor CHAO K'UANG-YIN 趙匡胤 (927-976). Founder of the Song. See also 宋."
    assert headword_names(text) == [(8, 23, "Zhao Kuangyin", "CHAO K'UANG-YIN")]


def test_headword_is_a_person_but_a_glossed_place_is_not(gaz):
    text = "TU MU 杜牧 (803-852). A poet, who lived at Ch'ang-an 長安."
    s = text.index("Ch'ang-an")
    found = [(0, 9, "PERSON", "TU MU 杜牧", "model", "TU MU 杜牧"),
             (s, s + 9, "PLACE", "Chang'an", "gazetteer", "Ch'ang-an")]
    got = add_headword_persons(found, text, gaz)
    assert [(r[0], r[1], r[2], r[3]) for r in got] == [
        (0, 5, "PERSON", "Du Mu"), (s, s + 9, "PLACE", "Chang'an")]
