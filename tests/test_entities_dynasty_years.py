"""The dynasty years of polity words: read once per gazetteer folder, the same on every call."""

from pipeline.entities.dynasty_years import polity_spans, polity_years
from pipeline.resources import gazetteer_dir


def test_repeated_calls_give_the_same_years() -> None:
    """The reign table is cached per folder; a caller widening a group's years ("Han" covers
    its members) must not change what the next call reads."""
    folder = gazetteer_dir()
    spans_before = polity_spans(["Liang", "Han", "Wei"], folder)
    years = polity_years(["Han", "Wei"], folder)
    assert polity_years(["Han", "Wei"], folder) == years
    assert polity_spans(["Liang", "Han", "Wei"], folder) == spans_before
    assert len(spans_before["Liang"]) > 1  # several Liang dynasties, each its own span
    assert years["Wei"][0] <= 220 and years["Wei"][1] >= 535  # Cao Wei ... Western Wei


def test_no_folder_gives_no_years() -> None:
    assert polity_years(["Han"], None) == {}
    assert polity_spans(["Han"], None) == {}
