"""Tests for pipeline.eras and the era table built by scripts/build_eras.py."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.eras import Era, EraTable, era_key, load_era_table

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def table(eras: EraTable) -> EraTable:
    return eras  # the session's copy (tests/conftest.py)


def _build_module():
    spec = importlib.util.spec_from_file_location("build_eras", REPO / "scripts" / "build_eras.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_rebuild_equals_committed() -> None:
    built = _build_module().build_eras_text()
    committed = (REPO / "gazetteer" / "eras.csv").read_text(encoding="utf-8")
    assert built == committed


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("T'ien-hui", "tienhui"),
        ("T\u2019ien-hui", "tienhui"),
        ("Jian'an", "jianan"),
        ("Jing Kang", "jingkang"),
        ("Shào-xīng", "shaoxing"),
        ("Kuang-hsü", "kuanghsu"),
        ("  TIANHUI ", "tianhui"),
    ],
)
def test_era_key(text: str, key: str) -> None:
    assert era_key(text) == key


# surface form -> expected (era_zh, dynasty, start_year) of every candidate, in order
CANDIDATES = [
    ("Jing Kang", [("靖康", "Northern Song", 1126)]),
    ("Jingkang", [("靖康", "Northern Song", 1126)]),
    ("Ching-k'ang", [("靖康", "Northern Song", 1126)]),
    ("Shao-hsing", [("紹興", "Southern Song", 1131)]),
    ("Shaohsing", [("紹興", "Southern Song", 1131)]),
    ("Tianhui", [("天會", "Northern Han", 957), ("天會", "Jin", 1123)]),
    ("T'ien-hui", [("天會", "Northern Han", 957), ("天會", "Jin", 1123)]),
    ("Jian'an", [("建安", "Eastern Han", 196)]),
    ("Jianan", [("建安", "Eastern Han", 196)]),
    ("Chien-an", [("建安", "Eastern Han", 196)]),
    ("Zhiyuan", [("至元", "Yuan", 1264), ("至元", "Yuan", 1335)]),
    ("Xianfeng", [("咸豐", "Qing", 1851)]),
    ("Hsien-feng", [("咸豐", "Qing", 1851)]),
    ("Wanli", [("萬曆", "Ming", 1573)]),
    ("Kangxi", [("康熙", "Qing", 1662)]),
    ("K'ang-hsi", [("康熙", "Qing", 1662)]),
    # apostrophes are dropped by era_key, so Ch'ien-lung (乾隆) and Chien-lung (建隆) collide
    ("Ch'ien-lung", [("建隆", "Northern Song", 960), ("乾隆", "Qing", 1736)]),
    ("Qianlong", [("乾隆", "Qing", 1736)]),
    ("Yongle", [("永樂", "Ming", 1403)]),
    ("Yung-lo", [("永樂", "Ming", 1403)]),
    ("Kuang-hsü", [("光緒", "Qing", 1875)]),
    ("Kuang-hsu", [("光緒", "Qing", 1875)]),
    ("Taiping Xingguo", [("太平興國", "Northern Song", 976)]),
    ("Xuanhe", [("宣和", "Northern Song", 1119)]),
    ("Jianyan", [("建炎", "Southern Song", 1127)]),
    ("Chonghe", [("重和", "Northern Song", 1118)]),
    ("Tianjuan", [("天眷", "Jin", 1138)]),
    ("Fuchang", [("阜昌", "Puppet Qi", 1130)]),
    ("Nonsense", []),
    ("", []),
]


@pytest.mark.parametrize(("surface", "expected"), CANDIDATES)
def test_candidates(table: EraTable, surface: str, expected: list[tuple[str, str, int]]) -> None:
    got = [(e.name_zh, e.dynasty, e.start_year) for e in table.candidates(surface)]
    assert got == expected


@pytest.mark.parametrize(
    ("era_zh", "dynasty", "start", "end", "length"),
    [
        ("永樂", "Ming", 1403, 1424, 22),  # errata: sanmiao starts it in 1402
        ("建文", "Ming", 1399, 1402, 4),  # errata: sanmiao starts it in 1398
        ("嘉祐", "Northern Song", 1056, 1063, 8),  # errata: continuation row started 1054
        ("至治", "Yuan", 1321, 1323, 3),  # errata: sanmiao ends it in 1223
        ("明受", "Southern Song", 1129, 1129, 1),  # errata: sanmiao ends it in 1164
        ("盛昌", "Jin", 1234, 1234, 1),  # errata: missing in sanmiao
        ("阜昌", "Puppet Qi", 1130, 1137, 8),  # errata: missing in sanmiao
        ("天福", "Later Jin", 936, 944, 9),  # errata: sanmiao has it only under vassal states
        ("建炎", "Southern Song", 1127, 1130, 4),  # two sanmiao rows merged
        ("靖康", "Northern Song", 1126, 1127, 2),
    ],
)
def test_era_spans(
    table: EraTable, era_zh: str, dynasty: str, start: int, end: int, length: int
) -> None:
    eras = [e for e in table.eras if e.name_zh == era_zh and e.dynasty == dynasty]
    assert [(e.start_year, e.end_year, e.length) for e in eras] == [(start, end, length)]


def test_one_logical_era_per_continuation(table: EraTable) -> None:
    jiayou = [e for e in table.eras if e.name_zh == "嘉祐"]
    assert len(jiayou) == 1
    assert jiayou[0].ruler_zh == "仁宗趙禎|英宗趙曙"
    assert jiayou[0].ruler == "Renzong (Zhao Zhen)|Yingzong (Zhao Shu)"


def test_table_invariants(table: EraTable) -> None:
    dynasties = {d.name for d in table.dynasties}
    ids = [e.era_id for e in table.eras]
    assert len(ids) == len(set(ids))
    for e in table.eras:
        assert e.dynasty in dynasties, e
        assert e.start_year <= e.end_year, e
        assert e.length >= 1, e
        assert e.start_jdn < e.end_jdn, e
        korean = "Korea" in table.ancestors(e.dynasty)
        assert e.cal_stream in ((4,) if e.dynasty == "Japan" else (5, 6, 7, 8) if korean
                                else (9,) if e.dynasty == "Vietnam" else (1, 2, 3)), e
        last = {"Japan": 2019, "Vietnam": 1945, "Republic of China": 1912}.get(e.dynasty, 1911)
        assert -210 <= e.start_year <= last, e
        assert e.romanizations and e.romanizations[0] == e.name, e
    assert len(table.eras) > 600


def test_japanese_eras_kept_apart(table: EraTable) -> None:
    # 大化 (Japan 645) is a Japanese era, read in Hepburn; 光德 (Goryeo 950) in Korean only
    assert [(e.dynasty, e.start_year) for e in table.candidates("Taika")] == [("Japan", 645)]
    assert [(e.dynasty, e.start_year) for e in table.candidates("Gwangdeok")] == [("Goryeo", 950)]
    assert "Goryeo" not in {e.dynasty for e in table.candidates("Guangde")}
    # 大同 is Daidō in Japan and Datong in China: the two spellings do not mix
    assert {e.dynasty for e in table.candidates("Daido")} == {"Japan"}
    assert "Japan" not in {e.dynasty for e in table.candidates("Datong")}


@pytest.mark.parametrize(
    ("era_zh", "forms"),
    [
        ("紹興", ["Shaoxing", "Shao Xing", "Shao-hsing", "Shaohsing"]),
        ("天會", ["Tianhui", "T'ien-hui", "Tien-hui", "Tienhui"]),
        ("建安", ["Jian'an", "Jianan", "Jian An"]),
        ("光緒", ["Guangxu", "Kuang-hsü", "Kuang-hsu", "Kuang-hsv"]),
        ("重熙", ["Chongxi", "Ch'ung-hsi"]),
        ("調露", ["Tiaolu", "T'iao-lu"]),
        ("長慶", ["Changqing", "Ch'ang-ch'ing"]),
        ("長興", ["Changxing"]),
        ("咸豐", ["Xianfeng", "Hsien-feng", "Heen-fung"]),
        ("乾隆", ["Qianlong", "Ch'ien-lung", "Kien-lung"]),
    ],
)
def test_romanizations(table: EraTable, era_zh: str, forms: list[str]) -> None:
    eras = [e for e in table.eras if e.name_zh == era_zh]
    assert eras
    for era in eras:
        for form in forms:
            assert form in era.romanizations, (era.name_zh, era.dynasty, form)


def test_surface_forms_and_keys(table: EraTable) -> None:
    forms = table.surface_forms()
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)
    assert "Jing Kang" in forms and "Shao-hsing" in forms
    keys = table.surface_keys()
    assert {"tienhui", "jingkang", "shaohsing", "jianan"} <= keys
    assert all(k == era_key(k) for k in keys)


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Great Jin", "Jin"),
        ("Jin", "Jin"),
        ("Jurchen Jin", "Jin"),
        ("Northern Song", "Northern Song"),
        ("Song", "Song"),
        ("Sung", "Song"),
        ("Xixia", "Western Xia"),
        ("Xi Xia", "Western Xia"),
        ("Hsi-hsia", "Western Xia"),
        ("Puppet Qi", "Puppet Qi"),
        ("Qi", "Puppet Qi"),
        ("Liao", "Liao"),
        ("Later Zhou", "Later Zhou"),
        ("Eastern Han", "Eastern Han"),
        ("Ch'ing", "Qing"),
        ("Southern Song Dynasty", "Southern Song"),
        ("Jin dynasty", "Jin"),
        ("Ming Dynasty", "Ming"),
        ("Five Dynasties", "Five Dynasties"),
        ("Atlantis", None),
    ],
)
def test_dynasty_alias(table: EraTable, surface: str, canonical: str | None) -> None:
    assert table.dynasty(surface) == canonical


def test_dynasty_surface_forms(table: EraTable) -> None:
    forms = table.dynasty_surface_forms()
    assert "Great Jin" in forms and "Western Xia" in forms
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)


def _era(table: EraTable, era_zh: str, dynasty: str) -> Era:
    return next(e for e in table.eras if e.name_zh == era_zh and e.dynasty == dynasty)


@pytest.mark.parametrize(
    ("era_zh", "era_dynasty", "name", "expected"),
    [
        ("天會", "Jin", "Jin", True),
        ("天會", "Jin", "Great Jin", True),
        ("天會", "Northern Han", "Jin", False),
        ("天會", "Northern Han", "Northern Han", True),
        ("天會", "Northern Han", "Han", True),  # bare "Han" may name Northern Han
        ("靖康", "Northern Song", "Song", True),
        ("紹興", "Southern Song", "Song", True),
        ("紹興", "Southern Song", "Northern Song", False),
        ("太康", "Western Jin", "Jin", True),  # bare "Jin" also reads as the Sima Jin
        ("太康", "Western Jin", "Great Jin", False),
        ("天福", "Later Jin", "Five Dynasties", True),
        ("天命", "Qing", "Later Jin", True),  # Nurhaci's Later Jin (後金)
        ("天命", "Qing", "Five Dynasties", False),
        ("阜昌", "Puppet Qi", "Qi", True),
        ("天會", "Jin", "Atlantis", False),
    ],
)
def test_matches_dynasty(
    table: EraTable, era_zh: str, era_dynasty: str, name: str, expected: bool
) -> None:
    assert table.matches_dynasty(_era(table, era_zh, era_dynasty), name) is expected


@pytest.mark.parametrize(
    ("dynasty", "year", "expected"),
    [
        ("Jin", 1130, ["天會"]),
        ("Song", 1130, ["建炎"]),
        ("Southern Song", 1126, []),
        ("Northern Song", 1126, ["靖康"]),
        ("Jin", 1161, ["正隆", "大定"]),
        ("Qing", 1851, ["咸豐"]),
        ("Atlantis", 1130, []),
    ],
)
def test_era_in_force(table: EraTable, dynasty: str, year: int, expected: list[str]) -> None:
    assert [e.name_zh for e in table.era_in_force(dynasty, year)] == expected


def test_eras_of_dynasty_sorted(table: EraTable) -> None:
    eras = table.eras_of_dynasty("Northern Song")
    assert eras[0].name_zh == "建隆" and eras[-1].name_zh == "靖康"
    assert [e.start_year for e in eras] == sorted(e.start_year for e in eras)
    assert all(e.dynasty == "Northern Song" for e in eras)
    assert {e.dynasty for e in table.eras_of_dynasty("Song")} >= {"Northern Song", "Southern Song"}


def test_era_year_arithmetic(table: EraTable) -> None:
    jingkang = _era(table, "靖康", "Northern Song")
    assert jingkang.ce_year(1) == 1126 and jingkang.ce_year(2) == 1127
    assert jingkang.contains_era_year(2) and not jingkang.contains_era_year(3)
    assert not jingkang.contains_era_year(0)


def test_hand_kept_files_are_well_formed() -> None:
    gaz = REPO / "gazetteer"
    with (gaz / "era_errata.csv").open(encoding="utf-8") as fh:
        errata = list(csv.DictReader(fh))
    assert {r["action"] for r in errata} <= {"set", "add", "drop"}
    assert all(r["note"] for r in errata)
    with (gaz / "dynasties.csv").open(encoding="utf-8") as fh:
        dyn = list(csv.DictReader(fh))
    names = {r["dynasty"] for r in dyn}
    assert len(names) == len(dyn)
    assert all(r["parent"] in names for r in dyn if r["parent"])


def test_load_from_other_dir(tmp_path: Path) -> None:
    for name in ("eras.csv", "eras_japan.csv", "eras_korea.csv", "eras_vietnam.csv",
                 "dynasties.csv"):
        (tmp_path / name).write_text(
            (REPO / "gazetteer" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    assert len(load_era_table(tmp_path).eras) == len(load_era_table().eras)


def test_candidates_filtered_by_dynasty(table: EraTable) -> None:
    assert [e.dynasty for e in table.candidates("Tianhui", dynasty="Great Jin")] == ["Jin"]
    assert [e.dynasty for e in table.candidates("Tianhui", dynasty="Northern Han")] == [
        "Northern Han"
    ]
    assert table.candidates("Tianhui", dynasty="Song") == []
    # bare "Jin" also reads as the Sima Jin: Taikang of the Western Jin (280) and Liao's 1075
    assert [e.dynasty for e in table.candidates("Taikang", dynasty="Jin")] == ["Western Jin"]


def test_era_by_id(table: EraTable) -> None:
    era = table.candidates("Jingkang")[0]
    assert table.era_by_id(era.era_id) is era
    assert table.era_by_id(-1) is None


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Ch'ien-lung", ["乾隆"]),
        ("Ch\u2019ien-lung", ["乾隆"]),
        ("Chienlung", ["建隆", "乾隆"]),  # apostrophe dropped: genuinely ambiguous
        ("Qianlong", ["乾隆"]),
        ("Tianhui", ["天會", "天會"]),
    ],
)
def test_best_candidates(table: EraTable, surface: str, expected: list[str]) -> None:
    assert [e.name_zh for e in table.best_candidates(surface)] == expected


def test_start_year_is_the_chinese_year_of_the_start_day(table: EraTable, calendar) -> None:
    """From the Song on, an era's first year is the Chinese year its own start JDN falls in.

    This is how 建文 (sanmiao: 1398, though its start JDN is the first day of 1399) was found;
    errata additions (ids from 90000, some on another calendar) are left out.
    """
    wrong = []
    for e in table.eras:
        if e.start_year < 960 or e.era_id >= 90000 or e.start_jdn is None:
            continue
        where = calendar.locate(e.cal_stream, int(e.start_jdn + 0.5))
        if where is not None and where[0] != e.start_year:
            wrong.append((e.name_zh, e.dynasty, e.start_year, where[0]))
    assert wrong == []
