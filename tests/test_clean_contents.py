"""Tables of contents copied with a page (``TABLE_OF_CONTENTS``): removed as page furniture,
mapped back to the original. Invented pages in the style of real wiki mirrors and MT pages."""

from __future__ import annotations

from pipeline.clean import clean


def _removed(raw: str) -> list[str]:
    result = clean(raw)
    return [result.original[w.start:w.end] for w in result.warnings
            if w.code == "TABLE_OF_CONTENTS"]


def test_cue_line_and_its_numbered_titles() -> None:
    raw = ("The Battle of Fei River was fought in 383.\n\nContents\n1 Background\n2 The battle\n"
           "3 Aftermath\n\nBackground[edit]\nFu Jian seized the throne in 357.\n")
    result = clean(raw)
    assert _removed(raw) == ["Contents\n1 Background\n2 The battle\n3 Aftermath"]
    assert "Aftermath" not in result.text.split("Background[edit]")[0]
    assert "Fu Jian seized the throne in 357." in result.text


def test_flattened_contents_after_the_cue_on_one_line() -> None:
    raw = "Liu Bei\nContents [hide] 1 Early life 2 Career 3 Death\nLiu Bei was born in 161.\n"
    assert _removed(raw) == ["Contents [hide] 1 Early life 2 Career 3 Death"]


def test_item_numbers_written_with_a_full_stop() -> None:
    raw = "Table of contents: 1. Early life 2. Career 3. Death\nHe was born in 161.\n"
    assert _removed(raw) == ["Table of contents: 1. Early life 2. Career 3. Death"]


def test_machine_translated_directory_with_scrambled_numbers() -> None:
    raw = ("Directory [hidden]\nThe rise of 1\n1.2 Nanjing incident\nLate 1.3\n2 land system\n"
           "Five kings of the later period\n6 chronology of events\n[edit]\nThe rise\n"
           "In 1851 the rising began.\n")
    assert _removed(raw) == ["Directory [hidden]\nThe rise of 1\n1.2 Nanjing incident\n"
                             "Late 1.3\n2 land system\nFive kings of the later period\n"
                             "6 chronology of events"]


def test_bulleted_numbered_run_without_a_cue() -> None:
    raw = ("Yang Su was a Sui general.\n\n* 1 During Northern Zhou\n"
           "* 2 During Emperor Wen's reign * 3 During Emperor Yang's reign * 4 Notes\n\n"
           "Yang Fu was taken prisoner in 571.\n")
    result = clean(raw)
    assert len(_removed(raw)) == 1
    assert "Emperor Wen's reign" not in result.text
    assert "Yang Fu was taken prisoner in 571." in result.text


def test_unbulleted_run_needs_titles_that_stand_as_headings() -> None:
    toc = "1 Early life\n2 Career\n3 Death\n\n"
    with_headings = toc + "Early life\nHe was born in 161.\n\nCareer\nHe rose.\n\nDeath\nIn 223.\n"
    assert _removed(with_headings) == ["1 Early life\n2 Career\n3 Death"]
    # the same numbered lines with no heading after them: a list of the text's own, kept
    assert _removed(toc + "He was born in 161 and died in 223.\n") == []


def test_numbered_lines_that_are_not_contents_are_kept() -> None:
    # numbered notes with sentences, a list not numbered from 1, a count in prose
    notes = ("1 The wu and chi officers commanded the colonies; see p. 57.\n"
             "2 I-wu is Hami.\n3 Liu-chung is Lukchun.\n")
    assert _removed(notes) == []
    assert _removed("* 2 Wei\n* 3 Shu\n* 4 Wu\n") == []
    assert _removed("Contents of the imperial archive were burned in 1127.\n1 box\n2 boxes\n") \
        == []
    assert _removed("* 1 Qin\n* 3 Han\n* 4 Jin\n") == []  # not numbered like contents
    assert _removed("* 1. Qin\n* 2. Han\n* 3. Jin\n") == []  # an ordered list of the text
