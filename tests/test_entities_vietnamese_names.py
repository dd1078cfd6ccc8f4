"""Vietnamese names without diacritics: a person's name holding a state's word is one PERSON
("Ho Han Thuong"), a name the place tables abroad know is a PLACE ("Chi Lang", "Đông Đô")."""

from __future__ import annotations

import pytest

from pipeline.entities.collisions import load_collisions, resolve_collisions
from pipeline.entities.vietnamese_names import fold, plain_letters, syllable_pattern
from pipeline.records import EntityRow


@pytest.fixture(scope="module")
def words(gaz):
    return load_collisions(gaz.source_dir)


def _row(text: str, part: str, label: str, canonical: str) -> EntityRow:
    start = text.index(part)
    return EntityRow("", -1, start, start + len(part), part, label, canonical, "gazetteer")


def _read(text, rows, gaz, words):
    return [(e.text, e.label, e.canonical)
            for e in resolve_collisions(sorted(rows, key=lambda r: r.start), text, gaz, words)]


def test_fold_and_plain_letters_take_diacritics_and_d_bar_off():
    assert fold("Thương") == "thuong"
    assert plain_letters("Đông Đô") == "Dong Do"
    assert plain_letters("Lạng Sơn") == "Lang Son"


def test_syllable_pattern_reads_quoc_ngu_syllables_only(gaz):
    pattern = syllable_pattern(gaz.source_dir)
    for word in ("thuong", "nguyen", "quy", "khanh", "ngh" + "iem", "truong"):
        assert pattern.fullmatch(word), word
    for word in ("zhang", "hsien", "shih", "xiong"):
        assert not pattern.fullmatch(word), word


def test_vietnamese_name_with_a_state_word_is_one_person(gaz, words):
    text = "In 1403 Ho Han Thuong sent envoys to Nanjing."
    assert _read(text, [_row(text, "Han", "POLITY", "Han"),
                        _row(text, "Nanjing", "PLACE", "Nanjing")], gaz, words) == [
        ("Ho Han Thuong", "PERSON", "Ho Han Thuong"), ("Nanjing", "PLACE", "Nanjing")]


def test_vietnamese_person_replaces_a_partial_person_row(gaz, words):
    text = "Later Tran Thieu Han was deposed."
    rows = [EntityRow("", -1, 6, 10, "Tran", "PERSON", "Tran", "model"),
            _row(text, "Han", "POLITY", "Han")]
    assert _read(text, rows, gaz, words) == [("Tran Thieu Han", "PERSON", "Tran Thieu Han")]


def test_chinese_names_and_states_stay_chinese(gaz, words):
    # every word a pinyin / Wade–Giles syllable: the Chinese reading stands
    text = "Ho Yen advised the regent. Then Han and Wei made peace."
    got = _read(text, [_row(text, "Yen", "POLITY", "Yan"), _row(text, "Han", "POLITY", "Han")],
                gaz, words)
    assert ("Ho Yen", "PERSON", "He Yan") in got and ("Han", "POLITY", "Han") in got


def test_vietnamese_run_before_a_river_word_is_not_a_person(gaz, words):
    text = "They camped by the Ho Han Thuong river."
    got = _read(text, [_row(text, "Han", "POLITY", "Han")], gaz, words)
    assert all(label != "PERSON" for _, label, _ in got)


def test_name_shape_that_is_a_place_abroad_is_a_place(gaz, words):
    text = "The Ho army waited at the Chi Lang pass."
    got = _read(text, [_row(text, "Chi", "POLITY", "Qi")], gaz, words)
    assert ("Chi Lang", "PLACE", "Chi Lang") in got
    assert all(label != "POLITY" for _, label, _ in got)


@pytest.mark.parametrize("name", ["Tay Do", "Dong Do", "Da Bang", "Chi Lang", "Lang Son",
                                  "Nghe An", "Jiaozhi"])
def test_places_of_the_ho_ming_war_are_in_the_world_table(gaz, name):
    assert name in gaz.world_places
