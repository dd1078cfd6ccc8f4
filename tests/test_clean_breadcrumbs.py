"""Breadcrumb / site navigation lines at the top of a scraped page (``SCRAPED_HEADER``)."""

from __future__ import annotations

import pytest

from pipeline.clean import clean

REMOVED = [
    # slash breadcrumbs of travel pages, then the page's own title and prose
    "Home / China Guide / Hubei / Xianning / Attractions\nChibi Battlefield\n"
    "The battle was fought here in 208.",
    "Home / Travel / Shaanxi / Xi'an\n\nThe walls were rebuilt under the Ming.",
    # the last item cut short
    "Home > China Guide > Hubei > ...\nThe city fell in 1275.",
    "Home › History › Song Dynasty › Battles\nThe Jin crossed the river.",
    # a site menu above the breadcrumb: still before the prose
    "Menu\nHome | Tours | Guide | Contact\nHome / Guide / Henan / Shangqiu\n"
    "Shangqiu was the Song capital's eastern neighbour.",
]


@pytest.mark.parametrize("raw", REMOVED)
def test_navigation_line_removed_and_recorded(raw: str) -> None:
    result = clean(raw)
    crumbs = [w for w in result.warnings if w.code == "SCRAPED_HEADER"]
    assert crumbs, "the navigation line is recorded as a warning row"
    for w in crumbs:  # the row points at exactly the removed line
        removed = raw[w.start:w.end].strip()
        assert removed and removed[:60] in w.message
        assert removed not in result.text
    assert " / " not in result.text.split("\n")[0]
    last_line = raw.rstrip().rsplit("\n", 1)[-1]
    assert last_line in result.text  # the prose is kept


KEPT = [
    # a slash list in the body of the text is the text's own
    "The Song fell in 1279.\nHome / China Guide / Hubei / Xianning\nMore text.",
    # a poem quoted with slashes: its items are not capitalised nav items
    "The poem reads:\nRivers flow east / the moon rises / autumn comes\nEnd.",
    # coordinates separated by slashes
    "Burial in modern Xinzheng, Henan 34°32′N / 34.53°N / 34.5\nThe tomb survives.",
    # two items only
    "Home / History\nThe Tang fell in 907.",
    # a sentence with slashes
    "The Jin / Song border / the Huai river was fixed in 1142.",
]


@pytest.mark.parametrize("raw", KEPT)
def test_text_with_slashes_is_kept(raw: str) -> None:
    result = clean(raw)
    assert "SCRAPED_HEADER" not in {w.code for w in result.warnings}
    assert len(result.text) == len(raw)  # nothing removed (a quote may be straightened)


def test_long_page_without_breadcrumb_stays_linear() -> None:
    raw = "Home" + " " * 100_000 + "/ x\n" + "Text. " * 1000
    assert clean(raw).text.endswith("Text. ")


@pytest.mark.parametrize("row", [
    "Born | 14 March 1021 | ||||||||",
    "Reign | 1067 – 1085 | ||||",
    "Predecessor | Emperor Yingzong | |||||",
    "| Died | 1 April 1086 | |",
])
def test_infobox_table_rows_are_kept(row: str) -> None:
    """A label and its value with empty table cells after them, or a row holding a year, is an
    infobox copied as text: data the infobox reader uses, never removed as a header."""
    raw = f"Zhao Xu\n{row}\nHome | History | Song | Emperors\n\nZhao Xu ruled the Song."
    result = clean(raw)
    assert row in result.text
    assert [raw[w.start:w.end].strip() for w in result.warnings
            if w.code == "SCRAPED_HEADER"] == ["Home | History | Song | Emperors"]


def test_a_table_born_row_is_a_birth_event(resources) -> None:
    from pipeline import api
    out = api.process_text("Zhao Xu\nBorn | 25 May 1048 | ||||||||\n\nZhao Xu ruled the Song.",
                           "x", resources)
    assert [(e.event_type, e.year) for e in out.events if e.event_type == "birth"] == [
        ("birth", 1048)]
