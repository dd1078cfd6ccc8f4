"""Relative dates written with an article (pipeline.dates.grammar, .phrases): "A year later he
...", "died a year later", counted from the running date like "two years later"."""

from __future__ import annotations

from date_rows import resolved, row_at

from pipeline.dates.mentions import find_date_mentions

_TEXT = ("In 1127 Yue Fei took Kaifeng. A year later he attacked Yangzhou. Han Shizhong held "
         "the river, and he died a year later.")


def test_a_year_later_is_one_year_on(eras, calendar) -> None:
    rows, _ = resolved(_TEXT, eras, calendar)
    assert row_at(rows, _TEXT, "A year later").year == 1128
    assert row_at(rows, _TEXT, "a year later.").year == 1129


def test_no_relative_date_without_a_count(eras) -> None:
    text = ("In 1127 Yue Fei took Kaifeng. Half a year later he left. In a year he returned. "
            "A year of famine followed.")
    assert [m.text for m in find_date_mentions(text, eras)] == ["1127"]
