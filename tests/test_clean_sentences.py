"""Sentences glued by a full stop without a space (``GLUED_SENTENCE``), as machine-translated and
scraped pages write them; invented sentences in the style of real pages."""

from __future__ import annotations

import csv

import pytest

from pipeline.clean import clean
from pipeline.clean_sentences import abbreviations
from pipeline.resources import gazetteer_dir


def _glued(raw: str) -> list[str]:
    result = clean(raw)
    return [result.original[w.start - 6:w.start + 3] for w in result.warnings
            if w.code == "GLUED_SENTENCE"]


def test_machine_translated_sentences_get_a_space() -> None:
    raw = ("In 357 Fu Jian led soldiers into the palace at night.Fu Sheng was drunk, he was "
           "taken and killed.Fu Jian does not dare call emperor.")
    result = clean(raw)
    assert result.text == ("In 357 Fu Jian led soldiers into the palace at night. Fu Sheng was "
                           "drunk, he was taken and killed. Fu Jian does not dare call emperor.")
    rows = [w for w in result.warnings if w.code == "GLUED_SENTENCE"]
    assert len(rows) == 2
    # the insertion maps back to the offset just after the full stop in the original
    assert raw[rows[0].start - 1] == "." and raw[rows[0].start:rows[0].start + 2] == "Fu"
    assert rows[0].start == rows[0].end
    assert "night.Fu" in rows[0].message


@pytest.mark.parametrize("raw", [
    "The year was 1127.Kaifeng had fallen.",         # a year before the stop
    "It was finished (1405).Zheng He sailed.",      # a bracket before the stop
    "He shouted: victory!Wang Meng laughed.",       # an exclamation mark
    "The army crossed the Huai.Then it rested.",    # a name before the stop
    "Liu Bei mourned Guan Yu.Soon after Zhang Fei died.",
])
def test_glued_sentence_ends_in_other_styles(raw: str) -> None:
    assert len(_glued(raw)) == 1


@pytest.mark.parametrize("raw", [
    "Mr.Smith visited St.Petersburg with Dr.Sun in 1911.",   # abbreviations of the table
    "The letter of Col.Yule is cited in Vol.Two, Fig.Three.",
    "J.R.R.Tolkien never wrote of A.D.Then or U.S.Army.",     # initials, dotted abbreviations
    "See vol.II and the value 3.5 in index.html or e.g.the map.",  # no capital + lower case
    "Visit www.Example.com or http://site.org/Page.Html today.",   # addresses
    "The file Report.Final.pdf and Example.Com.Cn are names.",     # dotted names
    "mail info@Example.Org for Archive_Vol.Three of the set.",
])
def test_abbreviations_initials_and_addresses_are_not_split(raw: str) -> None:
    assert _glued(raw) == []
    assert clean(raw).text == raw


def test_a_spaced_text_is_unchanged() -> None:
    raw = "In 383 Fu Jian lost at the Fei River. He fled north. Murong Chui rebelled in 384."
    assert clean(raw).text == raw


def test_every_abbreviation_example_is_kept_whole() -> None:
    """Each row's ``example`` of ``gazetteer/sentence_abbreviations.csv`` gets no space."""
    with (gazetteer_dir() / "sentence_abbreviations.csv").open(encoding="utf-8",
                                                              newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(abbreviations())
    for row in rows:
        raw = f"They met {row['example']} in 1850."
        assert _glued(raw) == [], row["abbreviation"]
