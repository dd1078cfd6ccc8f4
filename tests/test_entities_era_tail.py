"""An era emperor written with a lower-case second syllable ("Yung lo") is one name."""

from __future__ import annotations

import pytest

from pipeline.entities.era_emperors import lower_era_tail


@pytest.fixture(scope="module")
def titles(gaz):
    return {w for t in gaz.words("person_title") for w in t.split()}


@pytest.mark.parametrize(("text", "emperor"), [
    ("Yung lo set out once more", "Yongle Emperor"),
    ("Tao kwang was angry", "Daoguang Emperor"),
    ("Kang hsi came south", "Kangxi Emperor"),
])
def test_lower_case_era_syllable_joins_the_name(gaz, titles, text, emperor):
    first = text.split()[0]
    end, canonical = lower_era_tail(first, text, len(first), gaz, titles)
    assert canonical == emperor
    assert text[:end] == " ".join(text.split()[:2])


@pytest.mark.parametrize("text", ["Li po wrote a poem", "Yung and his men", "Chang an fell",
                                  "Wang Li went"])
def test_other_lower_case_words_stay_outside(gaz, titles, text):
    first = text.split()[0]
    assert lower_era_tail(first, text, len(first), gaz, titles) == (len(first), "")
