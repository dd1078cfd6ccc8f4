"""Lines in another language than English (``FOREIGN_LINE``): a document host's interface text
in the visitor's language, a French note. Invented lines in the style of real pages."""

from __future__ import annotations

import pytest

from pipeline.clean import clean
from pipeline.clean_language import foreign_language


@pytest.mark.parametrize(("line", "lang"), [
    ("Vous êtes sur la page 1 de 18", "fr"),
    ("Sie befinden sich auf der Seite 1 von 18", "de"),
    ("Mulțumim că ați citit această pagină", "ro"),
    ("Chavannes, Les pays d'Occident d'après le Heou Han chou", "fr"),
])
def test_foreign_lines_are_recognised(line: str, lang: str) -> None:
    assert foreign_language(line) == lang


@pytest.mark.parametrize("line", [
    "In 107 the countries of the West revolted and Pan Yung was sent.",
    "Minh Mạng ascended the throne in 1820.",              # Vietnamese names: the text's own
    "Nguyễn Phúc Đảm Minh Mạng",                           # a heading of names only
    "The coup d'état of 1898 ended the reform de facto.",  # loanwords in English prose
    "Early life",
    "yüan-kuei p.5034",                                    # romanized titles in a note
    "Labels: Ly dynasty, Song dynasty, general",
])
def test_english_lines_and_names_are_kept(line: str) -> None:
    assert foreign_language(line) is None


def test_interface_line_removed_with_a_warning_row() -> None:
    raw = ("Vous êtes sur la page 1 de 18\n\nIn 126 Pan Yung defeated the Hu-yen king.\n")
    result = clean(raw)
    rows = [w for w in result.warnings if w.code == "FOREIGN_LINE"]
    assert [raw[w.start:w.end] for w in rows] == ["Vous êtes sur la page 1 de 18"]
    assert result.text.strip() == "In 126 Pan Yung defeated the Hu-yen king."
