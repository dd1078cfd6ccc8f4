"""Names in Wade–Giles and rulers' personal names borne by other people (issue of the fresh
users' reports): short invented sentences through the gazetteer component (``blank``: no
statistical model) or through the ruler re-reading with hand-made rows."""

from __future__ import annotations

import pytest

from pipeline.entities.ruler_dates import reread_rulers
from pipeline.entities.wadegiles import pinyin_to_wg, wg_canonical, wg_name_to_pinyin
from pipeline.places.rows import years_from_dates
from pipeline.records import DateRow, EntityRow


def _ents(blank, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.ent_id_) for e in blank(text).ents]


@pytest.mark.parametrize(("text", "name", "canonical"), [
    # Wade–Giles Tung is pinyin Dong; T'ung (with the apostrophe) is Tong
    ("In 940 the rebels attacked Tung Chang at the river.", "Tung Chang", "Dong Zhang"),
    ("He was succeeded by his son Meng Ch'ang in that year.", "Meng Ch'ang", "Meng Chang"),
    ("The magistrate Ts'ao Hsiu fled to the hills.", "Ts'ao Hsiu", "Cao Xiu"),
])
def test_wade_giles_surname_and_one_syllable(blank, text, name, canonical):
    assert (name, "PERSON", canonical) in _ents(blank, text)


def test_pinyin_names_and_eras_are_not_read_as_wade_giles(blank):
    got = _ents(blank, "Wang Hui met Li Guang at the river.")
    assert ("Wang Hui", "PERSON", "Wang Hui") in got  # pinyin: no conversion ("Wang Hui")
    assert not any(label == "PERSON" and text == "Meng" for text, label, _ in
                   _ents(blank, "The Meng army crossed the river."))


def test_wg_table_keeps_aspiration():
    assert pinyin_to_wg("tong") == "t'ung" and pinyin_to_wg("dong") == "tung"
    assert wg_name_to_pinyin("Tung Chang") == "Dong Zhang"
    assert wg_name_to_pinyin("T'ung Ch'ang") == "Tong Chang"


def test_temple_name_written_in_two_words(blank):
    got = _ents(blank, "He was appointed by the Emperor Chuang Tsung to govern the west.")
    assert [(t, c) for t, label, c in got if label == "PERSON"] == \
        [("Emperor Chuang Tsung", "Li Cunxu")]  # Later Tang Zhuangzong 莊宗


def _reread(reader, text: str, name: str, canonical: str, years: dict[str, int],
            others: tuple[tuple[str, str, str], ...] = ()):
    s = text.index(name)
    ents = [EntityRow("t", 0, s, s + len(name), name, "PERSON", canonical, "gazetteer")]
    for other, label, canon in others:
        o = text.index(other)
        ents.append(EntityRow("t", 0, o, o + len(other), other, label, canon, "gazetteer"))
    ents.sort(key=lambda e: e.start)
    dates = sorted((DateRow("t", 0, text.index(p), text.index(p) + len(p), p, "explicit",
                            year=y) for p, y in years.items()), key=lambda d: d.start)
    rows, warnings = reread_rulers(ents, text, reader, dates, [0], years_from_dates(dates))
    return next(e.canonical for e in rows if e.text == name), [w.code for w in warnings]


@pytest.fixture(scope="module")
def reader():
    from pipeline.entities.ruler_dates import ruler_reader
    from pipeline.entities.rulers import build_ruler_index
    from pipeline.events import load_person_polities
    from pipeline.gazetteer import load_gazetteer
    from pipeline.resources import gazetteer_dir

    directory = gazetteer_dir()
    gaz = load_gazetteer(directory)
    zh = {e.zh: e.canonical for e in gaz.entries
          if e.label == "PERSON" and e.zh and e.source.startswith("persons.csv")}
    polity = load_person_polities(directory / "persons.csv", directory / "armies.csv")
    return ruler_reader(build_ruler_index(directory, zh), frozenset({"Emperor", "King"}),
                        polity)


WUZONG = "Emperor Wuzong of Tang"  # personal name 李炎 Li Yan, r. 840-846


def test_personal_name_long_after_the_reign_is_a_namesake(reader):
    # 李嚴, an official of 927, is not the Tang emperor who died in 846
    canon, codes = _reread(reader, "In 927 he put to death the supervisor Li Yen.", "Li Yen",
                           WUZONG, {"927": 927})
    assert canon == "Li Yan" and codes == []


def test_personal_name_without_any_evidence_is_a_guess(reader):
    canon, codes = _reread(reader, "He put to death the supervisor Li Yen.", "Li Yen",
                           WUZONG, {})
    assert canon == "Li Yan" and codes == ["RULER_NAMESAKE_GUESSED"]


@pytest.mark.parametrize(("text", "others"), [
    ("The emperor Li Yan persecuted the monks.", ()),  # a ruler's title before the name
    ("Emperor Wuzong closed the temples; Li Yan trusted the Daoists.",  # named as ruler
     (("Emperor Wuzong", "PERSON", WUZONG),)),
    ("Under the Tang, Li Yan persecuted the monks.", (("Tang", "POLITY", "Tang"),)),
])
def test_personal_name_supported_by_the_text_stays_the_ruler(reader, text, others):
    canon, codes = _reread(reader, text, "Li Yan", WUZONG, {}, others)
    assert canon == WUZONG and codes == []


def test_personal_name_in_the_reign_stays_the_ruler(reader):
    canon, codes = _reread(reader, "In 845 Li Yan closed the monasteries.", "Li Yan", WUZONG,
                           {"845": 845})
    assert canon == WUZONG and codes == []


@pytest.mark.parametrize(("text", "span", "canonical"), [
    # machine-translated word order: fief + Wang + personal name = the Prince of that fief
    ("That year Han Wang Zhu Gaoxu rebellion.", "Han Wang Zhu Gaoxu", "Zhu Gaoxu"),
    ("The Queen Mother order Cheng Wang Zhu Qiyu supervise country.", "Cheng Wang Zhu Qiyu",
     "Jingtai Emperor"),  # 朱祁鈺, the ruler of that personal name
])
def test_fief_wang_and_personal_name(blank, text, span, canonical):
    assert (span, "PERSON", canonical) in _ents(blank, text)


def test_lower_case_title_name_of_state_is_a_person(blank):
    got = _ents(blank, "In 201 BC the rebel king Xin of Han fled to the Xiongnu.")
    assert [t for t, label, _ in got if label == "PERSON"] == ["king Xin of Han"]
    assert ("Xin", "POLITY") not in [(t, label) for t, label, _ in got]


def test_state_listed_with_states_is_a_polity(gaz):
    from pipeline.entities.relabel import relabel

    text = "The Three Kingdoms of Wei, Shu and Wu fought. The emperor fled to Shu."
    rows = []
    for name, label, at in (("Wei", "POLITY", 0), ("Shu", "PLACE", 0), ("Wu", "POLITY", 0),
                            ("Shu", "PLACE", 1)):
        s = [i for i in range(len(text)) if text.startswith(name, i)][at]
        rows.append((s, s + len(name), label, name, "gazetteer", name))
    got = [(r[5], r[2]) for r in relabel(rows, text, gaz, set(), ())]
    assert got == [("Wei", "POLITY"), ("Shu", "POLITY"), ("Wu", "POLITY"), ("Shu", "PLACE")]


def _relabelled(gaz, text: str, *names: tuple[str, str, str]) -> list[tuple[str, str]]:
    from pipeline.entities.relabel import relabel

    rows = []
    for name, label, source in names:
        s = text.index(name)
        rows.append((s, s + len(name), label, name, source, name))
    titles = {w for t in gaz.words("person_title") for w in t.split()}
    return [(r[5], r[2]) for r in relabel(rows, text, gaz, titles, ())]


@pytest.mark.parametrize(("text", "name", "label", "source", "expected"), [
    ("Then the intrigues of the eunuch Wu Ch'eng-en ruined him.", "Wu Ch'eng-en", "PLACE",
     "model", "PERSON"),
    ("The Qin army defeated the chanyu Duluogu in the north.", "Duluogu", "PLACE", "model",
     "PERSON"),
    ("That autumn the Baideng king surrendered.", "Baideng", "PLACE", "model", "PERSON"),
    ("In 1270 the khan ordered Xiangyang to submit.", "Xiangyang", "PLACE", "gazetteer",
     "PERSON"),
    ("Lanzhou was occupied in May, and the fleet sailed north.", "Lanzhou", "PERSON", "model",
     "PLACE"),
    ("Hami, Yanqi and Kuche were recovered one after another.", "Kuche", "PERSON", "model",
     "PLACE"),
    ("The fleet sailed north to the Bai-he in August.", "Bai-he", "PERSON", "model", "PLACE"),
    ("In 1270 the khan sent Xiangyang envoys.", "Xiangyang", "PLACE", "gazetteer", "PLACE"),
    ("Lanzhou was captured in May.", "Lanzhou", "PERSON", "model", "PERSON"),  # persons too
])
def test_frames_only_a_person_or_a_place_fits(gaz, text, name, label, source, expected):
    assert _relabelled(gaz, text, (name, label, source)) == [(name, expected)]


@pytest.mark.parametrize(("text", "span"), [
    ("The army went to Tumu Fort in August.", "Tumu Fort"),
    ("They beheaded the two generals at Shan commandery.", "Shan commandery"),
])
def test_generic_place_words(blank, text, span):
    assert (span, "PLACE") in [(t, label) for t, label, _ in _ents(blank, text)]


def test_hyphenated_given_name_with_giles_e(blank):
    got = _ents(blank, "The eunuch Yü Ch'ao-ên ruined him.")
    assert ("Yü Ch'ao-ên", "PERSON", "Yu Chaoen") in got


@pytest.mark.parametrize(("text", "span", "label", "canonical"), [
    ("In 1853 Tsêng-kuo-fan raised an army in Hunan.", "Tsêng-kuo-fan", "PERSON", "Zeng Guofan"),
    ("In 1860 Li-hung-chang went north.", "Li-hung-chang", "PERSON", "Li Hongzhang"),
    ("The envoy Ch'i-ying met the British.", "Ch'i-ying", "PERSON", "Qiying"),
    ("After Möngke died the princes quarrelled.", "Möngke", "PERSON", "Möngke"),
    ("The Nienfei rose again in the north.", "Nienfei", "POLITY", "Nian"),
    ("He went to Hsi-an-fu in the spring.", "Hsi-an", "PLACE", "Xi'an"),  # -fu: no person
])
def test_names_found_by_rule_or_data(blank, text, span, label, canonical):
    assert (span, label, canonical) in _ents(blank, text)


# a sample of the standard Wade–Giles table (Legeza 1968 after Giles 1892): syllable -> pinyin
STANDARD_SAMPLE = {
    "tung": "dong", "t'ung": "tong", "shuo": "shuo", "t'ieh": "tie", "ch'ua": "chua",
    "huo": "huo", "ho": "he", "kê": "ge", "k'ê": "ke", "hsüeh": "xue", "chüeh": "jue",
    "yen": "yan", "yeh": "ye", "jih": "ri", "tzŭ": "zi", "ssŭ": "si", "erh": "er",
    "ch'ih": "chi", "chih": "zhi", "shih": "shi", "hsien": "xian", "kuei": "gui", "yü": "yu",
    "yu": "you", "jung": "rong", "lüeh": "lüe", "o": "e", "yi": "yi",
}


def test_wade_giles_syllables_follow_the_standard_table():
    from pipeline.entities.wadegiles import wg_syllable_to_pinyin

    got = {wg: wg_syllable_to_pinyin(wg) for wg in STANDARD_SAMPLE}
    assert got == STANDARD_SAMPLE
    assert pinyin_to_wg("shuo") == "shuo" and pinyin_to_wg("huo") == "huo"


@pytest.mark.parametrize(("name", "pinyin"), [
    ("Ch'eng-tu", "Chengdu"), ("Ch'ang-an", "Chang'an"), ("Hsing-chou", "Xingzhou"),
    ("Shih Lang", "Shi Lang"), ("Mao Tse-tung", "Mao Zedong"),
    ("Chin-t'ien village", "Jintian village"),
    ("Lin", ""), ("Wang Hui", ""), ("Sun Yat-sen", ""), ("Kim Ok-gyun", ""), ("Elliot", ""),
])
def test_plainly_wade_giles_names_in_pinyin(name, pinyin):
    from pipeline.entities.wadegiles import wg_canonical

    assert wg_canonical(name) == pinyin


def test_model_and_rule_names_get_pinyin_canonicals(gaz):
    from pipeline.entities.name_checks import pinyin_canonical

    assert pinyin_canonical("Hsing-chou", "PLACE", gaz) == "Xingzhou"  # no place data spelling
    assert pinyin_canonical("Shih Lang", "PERSON", gaz) == "Shi Lang"
    # a spelling the place data knows gets its pinyin too (the row's text keeps the spelling)
    assert pinyin_canonical("Hsi-ch'uan", "PLACE", gaz) == "Xichuan"
    assert pinyin_canonical("Ch'ing", "POLITY", gaz) == "Ch'ing"  # polities: the gazetteer's


def test_postal_spelling_canonical_is_the_current_name(gaz):
    assert [e.canonical for e in gaz.lookup("Ningpo")] == ["Ningbo"]


def test_person_frame_carries_to_the_other_mentions(gaz):
    text = "The khan ordered Xiangyang to invade. Xiangyang's army crossed the river."
    rows = []
    for at in (text.index("Xiangyang"), text.rindex("Xiangyang")):
        rows.append((at, at + 9, "PLACE", "Xiangyang", "gazetteer", "Xiangyang"))
    from pipeline.entities.relabel import relabel

    assert [r[2] for r in relabel(rows, text, gaz, set(), ())] == ["PERSON", "PERSON"]


def test_advance_on_a_place(gaz):
    assert _relabelled(gaz, "He ordered the army to advance on Kalagan in May.",
                       ("Kalagan", "PERSON", "model")) == [("Kalagan", "PLACE")]


def test_state_of_and_emperor_of_a_place_name(gaz):
    text = "They conquered the State of Shu; he proclaimed himself Emperor of Shu. He fled to Shu."
    rows = []
    for k in range(3):
        at = [i for i in range(len(text)) if text.startswith("Shu", i)][k]
        rows.append((at, at + 3, "PLACE", "Shu", "gazetteer", "Shu"))
    from pipeline.entities.relabel import relabel

    got = [(r[2], r[3]) for r in relabel(rows, text, gaz, set(), ())]
    assert got == [("POLITY", "Shu"), ("POLITY", "Shu"), ("PLACE", "Shu")]
    fief = "He was ennobled as Prince of Fenyang."
    at = fief.index("Fenyang")
    assert relabel([(at, at + 7, "PLACE", "Fenyang", "model", "Fenyang")], fief, gaz, set(),
                   ())[0][2] == "PLACE"
    china = "the Zhengtong Emperor of China"  # a model's place: left as the model read it
    at = china.index("China")
    assert relabel([(at, at + 5, "PLACE", "China", "model", "China")], china, gaz, set(),
                   ())[0][2] == "PLACE"


def test_pinyin_lu_umlaut_is_no_wade_giles_mark():
    # pinyin writes ü in lü, nü: "Lü Chan" (呂產) is pinyin, not Wade–Giles for Lü Zhan
    assert wg_canonical("Lü Chan") == ""
    assert wg_canonical("Nü Chan") == ""
    # a ü pinyin never writes, an apostrophe or a syllable pinyin lacks still shows Wade–Giles
    assert wg_canonical("Hsü Chan") == "Xu Zhan"
    assert wg_canonical("Yü Chan") == "Yu Zhan"
    assert wg_canonical("Lü Ch'an") == "Lü Chan"
    assert wg_canonical("Lü Chih") == "Lü Zhi"
