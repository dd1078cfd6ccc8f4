"""Compound surnames (compound_surnames.csv): splitting names in characters, romanizing
rulers' personal names, and clan + polity word read as a person. Invented short inputs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from pipeline.entities import extract_entities
from pipeline.entities.surnames import load_compound_surnames, split_name_zh
from pipeline.resources import gazetteer_dir

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compound():
    return load_compound_surnames(gazetteer_dir())


@pytest.mark.parametrize(("name", "parts"), [
    ("司馬炎", ("司馬", "炎")),
    ("諸葛亮", ("諸葛", "亮")),
    ("耶律阿保機", ("耶律", "阿保機")),
    ("愛新覺羅弘曆", ("愛新覺羅", "弘曆")),
    ("阿史那社爾", ("阿史那", "社爾")),
    ("趙佶", ("趙", "佶")),
    ("劉繼恩", ("劉", "繼恩")),  # a generation character is no surname
    ("完顏承麟", ("完顏", "承麟")),
    ("某某某某", ("某某", "某某")),  # an unlisted name of four characters: two + two
    ("司馬", ("司", "馬")),  # the surname alone leaves no given name: not split as one
    ("", ("", "")),
])
def test_split_name_zh(compound, name, parts):
    assert split_name_zh(name, compound) == parts


def test_missing_file_gives_no_compound_surnames(tmp_path):
    assert dict(load_compound_surnames(tmp_path)) == {}
    assert split_name_zh("司馬炎", {}) == ("司", "馬炎")


def _build_eras():
    spec = importlib.util.spec_from_file_location("build_eras", REPO / "scripts" / "build_eras.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_eras", mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(("name", "romanized"), [
    ("司馬炎", "Sima Yan"),
    ("慕容垂", "Murong Chui"),
    ("宇文邕", "Yuwen Yong"),
    ("耶律阿保機", "Yelü Abaoji"),
    ("完顏阿骨打", "Wanyan Aguda"),
    ("尉遲敬德", "Yuchi Jingde"),  # the surname's own reading, not pypinyin's "Weichi"
    ("孛兒只斤忽必烈", "Borjigin Hubilie"),
    ("趙佶", "Zhao Ji"),
    ("劉繼恩", "Liu Ji'en"),
])
def test_romanize_person_splits_compound_surnames(name, romanized):
    assert _build_eras().romanize_person(name) == romanized


def test_ruler_table_spells_compound_surnames():
    from pipeline.rulers import load_ruler_table

    personal = {r.name_zh: r.personal for r in load_ruler_table(gazetteer_dir()).rulers}
    assert personal["世祖武皇帝司馬炎"] == "Sima Yan"


def found(nlp, gaz, text):
    return {e.text: (e.label, e.canonical) for e in extract_entities(nlp(text), gaz)}


@pytest.mark.parametrize(("text", "mention", "label"), [
    # a clan surname + a polity word is a person ...
    ("In 755 Geshu Han lost the pass.", "Geshu Han", "PERSON"),
    ("Dugu Xin served the court.", "Dugu Xin", "PERSON"),
    ("Sima Yan took the throne.", "Sima Yan", "PERSON"),
    ("Ssu-ma Yen took the throne.", "Ssu-ma Yen", "PERSON"),
    # ... unless the clan ruled that dynasty (rulers.csv): the family's state
    ("The Tuoba Wei ruled the north.", "Tuoba Wei", "POLITY"),
    ("The Murong Yan fell to the Qin.", "Yan", "POLITY"),  # no alias: not "Murong Yan"
    # dynasty prefixes are no surnames
    ("Later Han fell and Northern Han rose.", "Later Han", "POLITY"),
    ("Northern Han rose.", "Northern Han", "POLITY"),
])
def test_clan_before_polity_word(blank, gaz, text, mention, label):
    assert found(blank, gaz, text)[mention][0] == label


def test_title_and_place_are_no_clans(gaz):
    clans = set(gaz.words("clan_surname"))
    assert {"Geshu", "Dugu", "Yuchi"} <= clans
    assert "Chanyu" not in clans  # a title (person_title) before it is a surname
    assert "Puyang" not in clans  # a place of the place data


@pytest.mark.parametrize(("text", "mention", "label"), [
    # two dynasty words in reverse order are no period pair: a surname + given name
    ("Xin and Chen Liang met again.", "Chen Liang", "PERSON"),
    # in order, within a century and a half: the period pair stays two polities
    ("The Ming Qing period began.", "Ming", "POLITY"),
    ("The Song Jin wars began.", "Jin", "POLITY"),
    ("Wei Jin culture flourished.", "Wei", "POLITY"),
])
def test_dynasty_words_in_reverse_order_are_a_person(blank, gaz, text, mention, label):
    assert found(blank, gaz, text)[mention][0] == label


def test_later_jin_is_not_the_jurchen_jin(blank, gaz):
    got = found(blank, gaz, "Nurhaci founded the Later Jin.")
    assert got["Later Jin"] == ("POLITY", "Later Jin")
    assert got["Nurhaci"] == ("PERSON", "Nurhaci")


@pytest.mark.parametrize(("text", "mention", "canonical"), [
    # dynasty + temple name + personal name in one span: the ruler of the first two words
    ("Ming Chengzu Zhu Di moved the capital.", "Ming Chengzu Zhu Di", "Yongle Emperor"),
    ("Tang Taizong Li Shimin ruled.", "Tang Taizong Li Shimin", "Emperor Taizong of Tang"),
    ("Qing Taizu Ai Xinjue Luo Nurhaci rose.", "Qing Taizu Ai Xinjue Luo Nurhaci", "Nurhaci"),
    # ... unless the personal name is another ruler's: no reading
    ("Tang Taizong Li Yuan ruled.", "Tang Taizong Li Yuan", "Tang Taizong Li Yuan"),
])
def test_dynasty_temple_and_personal_name(blank, gaz, text, mention, canonical):
    assert found(blank, gaz, text)[mention] == ("PERSON", canonical)
