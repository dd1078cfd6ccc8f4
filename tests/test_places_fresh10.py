"""Classes of the fresh10 report's place findings, on short invented sentences: a gloss after
"X of Y" belongs to X; a title's fief and a list of persons' names are no places of the text;
a quoted translation in a gloss is no modern name; Wade–Giles with accents after a
preposition; places of Korea, Japan and Vietnam by their old names."""

from __future__ import annotations

import pytest

from pipeline.places.glosses import find_place_glosses
from pipeline.places.listed import listed_after_person_noun
from pipeline.places.named import TITLE, TITLE_RELATION, name_read_as
from pipeline.places.rows import place_rows_and_warnings
from pipeline.places.untagged import untagged_place_mentions
from pipeline.places.world import geocode_world
from pipeline.records import EntityRow


def _ents(text: str, *words: str) -> list[EntityRow]:
    return [EntityRow("d", -1, text.index(w), text.index(w) + len(w), w, "PLACE", w, "model")
            for w in words]


@pytest.mark.parametrize("text, head, modern", [
    ("Liu Ji was born in Zhongyang Village of Pei, today Fengxian of Jiangsu, a farmer.",
     "Zhongyang Village", "Fengxian"),
    ("The rebels camped at Dongshan Field of Qizhou (now Qichun, Hubei) for a month.",
     "Dongshan Field", "Qichun"),
])
def test_a_gloss_after_x_of_y_belongs_to_the_head_x(text: str, head: str, modern: str) -> None:
    glosses = find_place_glosses(text)
    assert [(g.place, g.modern) for g in glosses] == [(head, modern)]
    assert text[glosses[0].start:glosses[0].end] == head


@pytest.mark.parametrize("text, name", [
    ("He was from Liu Bei of Zhuo, now Zhuozhou, a weaver of mats.", "Zhuo"),  # a person
    ("The army reached Lingzhou, now Lingwu, Ningxia.", "Lingzhou"),
])
def test_without_a_place_word_head_the_gloss_stays_on_the_name(text: str, name: str) -> None:
    assert [g.place for g in find_place_glosses(text)] == [name]


def test_a_quoted_translation_is_no_modern_name() -> None:
    text = 'They met at Baimaxiang (白马乡, "White Horse Village") in the rain.'
    assert find_place_glosses(text) == []
    text = 'They met at Baimaxiang (白马乡, "White Horse Village"; in modern Hua County, Henan).'
    assert [(g.place, g.province) for g in find_place_glosses(text)] == [
        ("Baimaxiang", "Henan")]


@pytest.mark.parametrize("text, word", [
    ("In 420 the regent deposed the boy as Prince of Lingling and took the throne.",
     "Lingling"),
    ("After the victory he was ennobled as Lord of Wu-an.", "Wu-an"),
    ("The emperor made him Duke of Xiangyang.", "Xiangyang"),
])
def test_a_title_fief_is_read_as_a_title(text: str, word: str) -> None:
    start = text.index(word)
    assert name_read_as(text, start, start + len(word)) == TITLE


@pytest.mark.parametrize("text, word", [
    ("The prince fled to Lingling.", "Lingling"),
    ("A count of Xiangyang's households was made.", "Xiangyang"),
])
def test_a_place_near_title_words_stays_a_place(text: str, word: str) -> None:
    start = text.index(word)
    assert name_read_as(text, start, start + len(word)) == ""


def test_a_title_only_row_is_marked_and_has_no_point() -> None:
    text = "In 420 the regent deposed the boy as Prince of Xiangyang. Then he took Luoyang."
    rows, warnings = place_rows_and_warnings(_ents(text, "Xiangyang", "Luoyang"), [],
                                             lambda o: 420, text=text)
    by = {r.place: r for r in rows}
    assert by["Xiangyang"].latitude is None and by["Xiangyang"].relation == TITLE_RELATION
    assert by["Luoyang"].latitude is not None
    assert any(w.code == "PLACE_CANDIDATE_REJECTED" and "title" in w.message
               for w in warnings)
    text = "He was made Prince of Xiangyang. In 421 he marched to Xiangyang."
    ents = [EntityRow("d", -1, o, o + 9, "Xiangyang", "PLACE", "Xiangyang", "model")
            for o in (text.index("Xiangyang"), text.rindex("Xiangyang"))]
    rows, _ = place_rows_and_warnings(ents, [], lambda o: 420, text=text)
    assert rows[0].latitude is not None and rows[0].relation != TITLE_RELATION


@pytest.mark.parametrize("text, word, noun", [
    ("Wang Xian and his three brothers Xiangyang, Wanzhou and Luoyang were traders.",
     "Luoyang", "brothers"),
    ("The generals Li Guang and Wei Qing marched.", "Wei Qing", "generals"),
    ("His sons Kaifeng and Anyang died young.", "Kaifeng", "sons"),
])
def test_names_listed_after_a_noun_for_persons(text: str, word: str, noun: str) -> None:
    assert listed_after_person_noun(text, text.index(word)) == noun


@pytest.mark.parametrize("text, word", [
    ("The generals marched from Yanmen and Dai.", "Yanmen"),
    ("His brothers went to Luoyang and Kaifeng.", "Kaifeng"),
])
def test_places_after_persons_are_not_listed_persons(text: str, word: str) -> None:
    assert listed_after_person_noun(text, text.index(word)) == ""


def test_listed_person_rows_lose_their_points() -> None:
    text = "He and his brothers Xiangyang and Luoyang sold salt. Then they took Kaifeng."
    rows, warnings = place_rows_and_warnings(
        _ents(text, "Xiangyang", "Luoyang", "Kaifeng"), [], lambda o: 1353, text=text)
    by = {r.place: r for r in rows}
    assert by["Xiangyang"].latitude is None and by["Luoyang"].latitude is None
    assert by["Kaifeng"].latitude is not None
    assert sum("listed among the names of persons" in w.message for w in warnings) == 2


def test_wade_giles_with_accents_after_a_preposition() -> None:
    text = "For many years he guarded the northern frontier at Yen-mên against the nomads."
    found = untagged_place_mentions(text, [])
    assert [(e.text, e.canonical) for e in found] == [("Yen-mên", "Yanmen")]


@pytest.mark.parametrize("name, lat, lon", [
    ("Ganghwa Island", 37.70, 126.45), ("Ganghwado", 37.70, 126.45), ("Kuju", 39.98, 125.25),
    ("Yalu", 40.10, 124.40), ("Yongin", 37.24, 127.18), ("Hwangnyongsa", 35.83, 129.23),
    ("Hoa Lu", 20.28, 105.90), ("Dazaifu", 33.51, 130.52),
    ("Cheongju", 36.64, 127.49),  # GeoNames' "Cheongju-si" by the name texts write
])
def test_places_of_korea_japan_vietnam(name: str, lat: float, lon: float) -> None:
    coord = geocode_world(name)
    assert coord is not None
    assert (round(coord.latitude, 2), round(coord.longitude, 2)) == (lat, lon)
    assert coord.country in ("KR", "KP", "JP", "VN")


def test_an_ambiguous_wade_giles_spelling_falls_back_on_the_canonical() -> None:
    """"Yu-chou" reads 幽州 (Youzhou) and 豫州 (Yuzhou); the entity's canonical decides."""
    text = "Guanqiu Jian, Governor of Yu-chou, led ten thousand men out against Kao-kou-li."
    start = text.index("Yu-chou")
    ents = [EntityRow("d", -1, start, start + 7, "Yu-chou", "PLACE", "Youzhou", "gazetteer")]
    rows, _ = place_rows_and_warnings(ents, [], lambda o: 246, text=text)
    assert rows[0].province == "Beijing" and rows[0].latitude is not None
