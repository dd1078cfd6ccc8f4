"""The syllable readings of Wade–Giles and older spellings (pipeline/old_spellings.py) and its
two callers, the era-named emperors of the entity stage and the era-as-ruler names of the
date stage: one data file (the lexicon's ``old_syllable`` rows), one reading."""

from __future__ import annotations

import pytest
from date_rows import resolved, row_at

from pipeline.dates.era_rulers import era_ruler, read_era_rulers
from pipeline.entities.era_emperors import era_emperor, gazetteer_era_emperors
from pipeline.old_spellings import (
    load_old_syllables,
    name_readings,
    name_syllables,
    old_syllables,
    syllable_readings,
)


def test_name_readings_of_words_hyphens_and_one_word():
    old = old_syllables(["kwang=kuang", "taou=tao", "kia=chia", "tsing=ching"])
    assert "daoguang" in name_readings(["Tao", "Kwang"], old)
    assert "daoguang" in name_readings(["Taou-kwang"], old)
    assert ["tao", "kwang"] in name_syllables(["taokwang"], old)  # one word cut in two
    assert "daoguang" in name_readings(["Taokwang"], old)
    # ts- may have lost its apostrophe: ching and ch'ing, so both Jiajing and Jiaqing
    assert {"jiajing", "jiaqing"} <= name_readings(["Kia", "Tsing"], old)
    assert not name_readings(["Kwang"], old)  # one syllable is no name read so
    assert not name_readings(["Xyz", "Kwang"], old)


def test_syllable_readings_without_the_lexicon():
    assert syllable_readings("Hsi", {}) == {"xi"}
    assert syllable_readings("tung", {}) == {"dong", "tong"}  # t'ung without its apostrophe
    assert not syllable_readings("kwang", {})


def test_the_data_file_is_the_lexicons_old_syllable_rows(tmp_path, gaz):
    bundled = load_old_syllables()
    assert bundled["kwang"] == ("kuang",) and bundled["long"] == ("lung",)
    assert bundled == old_syllables(gaz.words("old_syllable"))  # what the entity stage reads
    (tmp_path / "entity_lexicon.csv").write_text(
        "kind,value,note\nold_syllable,kwang=kuang,x\nsurname,Li,x\nold_syllable,bad,x\n",
        encoding="utf-8")
    assert load_old_syllables(tmp_path) == {"kwang": ("kuang",)}
    assert load_old_syllables(tmp_path / "none") == {}


@pytest.mark.parametrize(("name", "era"), [
    ("Tao Kwang", "Daoguang"),
    ("Hien Fung", "Xianfeng"),
    ("Kwang Su", "Guangxu"),
    ("Taou Kwang", "Daoguang"),
    ("Kia Tsing", None),  # Jiajing (Ming) or Jiaqing (Qing): neither reader picks one
    ("Tsing Hai", None),  # a reading of no era-named emperor's era
])
def test_both_callers_read_a_name_alike(gaz, eras, name, era):
    keys, old = gazetteer_era_emperors(gaz)
    assert era_emperor(name.split(), keys, old)[0] == (f"{era} Emperor" if era else "")
    read = {e.name for e in read_era_rulers(name, eras)}
    assert (read == {era}) if era else len(read) != 1


def test_a_reading_of_the_date_stage_is_fuzzy_and_needs_a_near_year(eras):
    assert era_ruler("Kia Tsing", eras, (1531,)) == ("Jiajing", True)
    assert era_ruler("Kia Tsing", eras, (1800,)) == ("Jiaqing", True)
    assert era_ruler("Kia Tsing", eras, None) is None  # after "Emperor": no year to choose
    assert era_ruler("Kia Tsing", eras, (1100,)) is None
    assert era_ruler("Kea-king", eras, ()) == ("Kea-king", False)  # an era alias: exact


def test_old_spelling_read_as_the_ruler_of_his_reign(eras, calendar):
    text = ("The minister served Kia Tsing. In the tenth year of his reign, or A.D. 1531, the "
            "rites were changed.")
    rows, _ = resolved(text, eras, calendar)
    row = row_at(rows, text, "the tenth year")
    assert (row.year, row.era, row.era_year) == (1531, "Jiajing", 10)
    assert row.certainty != "high"  # a reading, not the era table's spelling
