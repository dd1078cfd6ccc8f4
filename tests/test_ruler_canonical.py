"""The canonical English name of each reign (rulers.csv ``canonical``, scripts/build_rulers.py)
and the titles that never name a ruler. Invented cases; the table itself is checked by the
rebuild test."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.entities import extract_entities

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def build():
    sys.path.insert(0, str(REPO / "scripts"))
    spec = importlib.util.spec_from_file_location("build_rulers",
                                                  REPO / "scripts" / "build_rulers.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(("args", "label"), [
    # (dynasty, reign_start, temple, posthumous_short, king, era, personal, by_personal)
    (("Qing", 1661, "Shengzu", "Ren", False, "Kangxi", "Aixinjueluo Xuanye", False),
     "Kangxi Emperor"),
    (("Tang", 626, "Taizong", "Wen", False, "Zhenguan", "Li Shimin", False),
     "Emperor Taizong of Tang"),  # one era, but before the Ming: the temple name
    (("Han", -86, "", "Zhao", False, "", "Liu Fuling", False), "Emperor Zhao of Han"),
    (("Han", -140, "Shizong", "Wu", False, "", "Liu Che", False), "Emperor Wu of Han"),
    (("Wuyue", 932, "", "Wenmu", True, "", "Qian Yuanguan", False), "King Wenmu of Wuyue"),
    (("Shu Han", 221, "Liezu", "Zhaolie", False, "Zhangwu", "Liu Bei", True), "Liu Bei"),
    (("Xin", 9, "", "", False, "", "Wang Mang", False), "Wang Mang"),
])
def test_ruler_label_convention(build, args, label):
    assert build.ruler_label(*args) == label


@pytest.mark.parametrize(("dynasty", "label"), [
    ("Western Han", "Han"), ("Northern Song", "Song"), ("Eastern Jin", "Jin"),
    ("Northern Wei", "Northern Wei"), ("Later Tang", "Later Tang"), ("Jin (265-420)", "Jin"),
])
def test_dynasty_after_of(build, dynasty, label):
    parent = {"Western Han": "Han", "Northern Song": "Song", "Eastern Jin": "Jin (265-420)",
              "Northern Wei": "Tuoba Wei", "Later Tang": "Five Dynasties"}
    assert build._dynasty_label(dynasty, parent) == label


def test_shared_labels_take_the_personal_name_or_years(build):
    rows = [["1", "", "", "", "", "", "", "", "", "", "Liu Gong", -187, -184],
            ["2", "", "", "", "", "", "", "", "", "", "", -183, -180],
            ["3", "", "", "", "", "", "", "", "", "", "Li Dan", 684, 684],
            ["3", "", "", "", "", "", "", "", "", "", "Li Dan", 710, 712]]
    labels = ["Emperor Shao of Han", "Emperor Shao of Han", "Emperor Ruizong of Tang",
              "Emperor Ruizong of Tang"]
    assert build._canonicals(rows, labels) == [
        "Emperor Shao of Han (Liu Gong)", "Emperor Shao of Han (184-181 BCE)",
        "Emperor Ruizong of Tang", "Emperor Ruizong of Tang"]


def found(nlp, gaz, text):
    return {e.text: (e.label, e.canonical) for e in extract_entities(nlp(text), gaz)}


def test_a_consort_is_no_ruler(blank, gaz):
    got = found(blank, gaz, "Lady Yang was his favourite. Emperor Yang of Sui built canals.")
    assert got["Lady Yang"] == ("PERSON", "Lady Yang")
    assert got["Emperor Yang of Sui"] == ("PERSON", "Emperor Yang of Sui")


def test_ruler_of_a_period_of_division_by_personal_name(blank, gaz):
    got = found(blank, gaz, "Liu Bei took Yizhou. Emperor Zhaolie of Shu Han died in 223.")
    assert got["Emperor Zhaolie of Shu Han"] == ("PERSON", "Liu Bei")


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    # tables without a canonical column (Korea, Japan) in the same English style
    ("King Sejong of Joseon created the alphabet.", "King Sejong of Joseon",
     "King Sejong of Joseon"),
    ("Emperor Kanmu moved the capital.", "Emperor Kanmu", "Emperor Kanmu"),
])
def test_korean_and_japanese_rulers_in_english_style(blank, gaz, text, mention, canonical):
    assert found(blank, gaz, text)[mention] == ("PERSON", canonical)


def test_regnant_empress_title_names_her_not_her_husband(blank, gaz):
    # ruler_names.csv: 呂后 ruled 187-180 BC as empress dowager; "Empress Gao" is her title,
    # while "Emperor Gao" stays Gaozu (Liu Bang)
    got = found(blank, gaz, "Empress Gao fell ill. Emperor Gao of Han died at Chang'an.")
    assert got["Empress Gao"] == ("PERSON", "Empress Lü")
    assert got["Emperor Gao of Han"][1] != "Empress Lü"
